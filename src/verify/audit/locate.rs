//! Where a number is in its file: a number found in published text is looked up in the
//! source it came from, and a front matter string is found by its table and key.

use std::ops::Range;

/// The file range of `token`, found at byte `offset` of a piece's published `text`, whose
/// source is `at` in `file`. The published text may differ from the source (entities,
/// curly quotes), so the token is searched for near the same relative place.
pub(super) fn in_file(
    file: &str,
    at: &Range<usize>,
    (text, offset): (&str, usize),
    token: &str,
) -> Range<usize> {
    let Some(source) = file.get(at.clone()) else {
        return at.start..at.start;
    };
    let expected = if text.is_empty() {
        0
    } else {
        offset * source.len() / text.len()
    };
    // Near the expected place first: a paragraph can repeat a number many times.
    let near = floor(source, expected.saturating_sub(WINDOW))
        ..ceil(source, expected + WINDOW + token.len());
    best(source, near, expected, token)
        .or_else(|| best(source, 0..source.len(), expected, token))
        .map_or(at.start..at.start, |i| {
            at.start + i..at.start + i + token.len()
        })
}

/// How far from the expected place a number is first looked for, in bytes.
const WINDOW: usize = 96;

/// The occurrence of `token` as a whole word in `within` of `source` closest to `expected`.
fn best(source: &str, within: Range<usize>, expected: usize, token: &str) -> Option<usize> {
    source[within.clone()]
        .match_indices(token)
        .map(|(i, _)| within.start + i)
        .filter(|&i| {
            let before = source[..i].chars().next_back();
            let after = source[i + token.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .min_by_key(|&i| i.abs_diff(expected))
}

fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The text of a basic or literal string value of `key` in a TOML document, without its
/// quotes: in the top-level table when `table` is `None`, else in the `n`-th table with
/// that header (`("claim", 0)` for `[claim]`, `("claim.check", 2)` for the third
/// `[[claim.check]]`). `None` when the key is not written that way.
pub fn raw_string(toml: &str, table: Option<(&str, usize)>, key: &str) -> Option<Range<usize>> {
    let mut current: Option<(String, usize)> = None;
    let mut seen: Vec<(String, usize)> = Vec::new();
    let mut offset = 0;
    for line in toml.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        if let Some(header) = header(trimmed) {
            let count = seen.iter().filter(|(h, _)| *h == header).count();
            seen.push((header.clone(), count));
            current = Some((header, count));
            continue;
        }
        let wanted = match (&current, table) {
            (None, None) => true,
            (Some((h, n)), Some((t, m))) => h == t && *n == m,
            _ => false,
        };
        let indent = line.len() - line.trim_start().len();
        let Some(rest) = line.trim_start().strip_prefix(key) else {
            continue;
        };
        let Some(value) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        if !wanted {
            continue;
        }
        let value_start = start + indent + key.len() + (rest.len() - value.len());
        let value_start = value_start + (value.len() - value.trim_start().len());
        return string_at(toml, value_start);
    }
    None
}

/// `[claim]` gives `claim`, `[[claim.check]]` gives `claim.check`.
fn header(line: &str) -> Option<String> {
    let inner = line
        .strip_prefix("[[")
        .and_then(|l| l.strip_suffix("]]"))
        .or_else(|| line.strip_prefix('[').and_then(|l| l.strip_suffix(']')))?;
    Some(inner.trim().to_string())
}

/// The inner range of the string literal starting at `start`.
pub(super) fn string_at(toml: &str, start: usize) -> Option<Range<usize>> {
    let rest = &toml[start..];
    for quote in ["\"\"\"", "'''"] {
        if let Some(body) = rest.strip_prefix(quote) {
            let end = body.find(quote)?;
            return Some(start + 3..start + 3 + end);
        }
    }
    if let Some(body) = rest.strip_prefix('\'') {
        let end = body.find(['\'', '\n'])?;
        return Some(start + 1..start + 1 + end);
    }
    let body = rest.strip_prefix('"')?;
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return Some(start + 1..start + 1 + i),
            '\n' => return None,
            _ => escaped = false,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOML: &str = "title = \"No. 8 debut\"\ndescription = 'Two'\n[claim]\nsummary = \"It said \\\"2\\\".\"\n[[claim.check]]\nnote = \"\"\"first\"\"\"\n[[claim.check]]\nnote = \"second\"\n";

    fn at(table: Option<(&str, usize)>, key: &str) -> Option<&'static str> {
        raw_string(TOML, table, key).map(|r| &TOML[r])
    }

    #[test]
    fn finds_strings_by_table_and_key() {
        assert_eq!(at(None, "title"), Some("No. 8 debut"));
        assert_eq!(at(None, "description"), Some("Two"));
        assert_eq!(
            at(Some(("claim", 0)), "summary"),
            Some("It said \\\"2\\\".")
        );
        assert_eq!(at(Some(("claim.check", 0)), "note"), Some("first"));
        assert_eq!(at(Some(("claim.check", 1)), "note"), Some("second"));
        assert_eq!(at(None, "summary"), None);
        assert_eq!(at(Some(("claim.check", 2)), "note"), None);
    }

    #[test]
    fn finds_a_number_near_its_place_in_the_source() {
        // The source has straight quotes and `&amp;`, the published text curly ones and `&`.
        let file = "x\"2\" &amp; 2 and 12";
        let text = "x\u{201c}2\u{201d} & 2 and 12";
        let at = 0..file.len();
        let second = file.find(" 2 ").unwrap() + 1;
        assert_eq!(
            in_file(file, &at, (text, text.find("& 2").unwrap() + 2), "2"),
            second..second + 1
        );
        assert_eq!(in_file(file, &at, (text, 4), "2"), 2..3);
        assert_eq!(in_file(file, &at, (text, 0), "7"), 0..0);
    }
}
