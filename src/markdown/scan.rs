//! Finds shortcodes and citations in markdown, outside code, before markdown parsing.

use std::ops::Range;

use super::call::{self, Call, SyntaxError};
use crate::prose::mark;

/// Something in the source that is replaced before markdown parsing.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// `{{ name(...) }}`.
    Shortcode(Call),
    /// `[@a; @b]`: source ids with their ranges.
    Citation(Vec<(String, Range<usize>)>),
    /// `{{/* text */}}`: shown as `{{ text }}`, not run.
    Literal(String),
    /// `{two}`: a number the author marks as not a fact, shown without the braces.
    Mark(String),
}

/// An item and the byte range it replaces.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// What was found.
    pub item: Item,
    /// Where, in the scanned text.
    pub range: Range<usize>,
}

/// Scans `text` from `start`, skipping the sorted, disjoint `code` ranges.
pub fn scan(text: &str, start: usize, code: &[Range<usize>]) -> (Vec<Found>, Vec<SyntaxError>) {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    let mut pos = start;
    let mut code_index = 0;
    while let Some(offset) = text[pos..].find(['{', '[']) {
        let at = pos + offset;
        while code_index < code.len() && code[code_index].end <= at {
            code_index += 1;
        }
        if let Some(range) = code.get(code_index).filter(|r| r.start <= at) {
            pos = range.end.max(at + 1);
            continue;
        }
        // `\{{` is literal, as any escaped punctuation is; `\\{{` is a backslash, then `{{`.
        let backslashes = text[..at].bytes().rev().take_while(|&b| b == b'\\').count();
        let escaped = backslashes % 2 == 1;
        let rest = &text[at..];
        let next = if escaped {
            None
        } else if rest.starts_with("{{/*") {
            Some(literal(text, at).map_err(|e| errors.push(e)).ok())
        } else if rest.starts_with("{{") {
            Some(match call::parse(text, at) {
                Ok(call) => Some(Found {
                    range: call.range.clone(),
                    item: Item::Shortcode(call),
                }),
                Err(error) => {
                    errors.push(error);
                    None
                }
            })
        } else if rest.starts_with("[@") {
            Some(citation(text, at))
        } else if rest.starts_with('{') {
            Some(mark::at(text, at).map(|range| Found {
                item: Item::Mark(text[range.start + 1..range.end - 1].to_string()),
                range,
            }))
        } else {
            None
        };
        match next.flatten() {
            Some(item) => {
                pos = item.range.end;
                found.push(item);
            }
            None => pos = at + 1,
        }
    }
    (found, errors)
}

fn literal(text: &str, at: usize) -> Result<Found, SyntaxError> {
    let inner_start = at + 4;
    let Some(len) = text[inner_start..].find("*/}}") else {
        return Err(SyntaxError {
            message: "`{{/*` is never closed by `*/}}`".to_string(),
            range: at..inner_start,
        });
    };
    let inner = &text[inner_start..inner_start + len];
    Ok(Found {
        item: Item::Literal(format!("{{{{{inner}}}}}")),
        range: at..inner_start + len + 4,
    })
}

fn citation(text: &str, at: usize) -> Option<Found> {
    let bytes = text.as_bytes();
    let mut ids = Vec::new();
    let mut pos = at + 1;
    loop {
        if bytes.get(pos) != Some(&b'@') {
            return None;
        }
        let id_start = pos + 1;
        let len = text[id_start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':')))
            .unwrap_or(text.len() - id_start);
        if len == 0 {
            return None;
        }
        ids.push((
            text[id_start..id_start + len].to_string(),
            id_start..id_start + len,
        ));
        pos = id_start + len;
        match bytes.get(pos) {
            Some(b']') => break,
            Some(b';') => {
                pos += 1;
                while bytes.get(pos) == Some(&b' ') {
                    pos += 1;
                }
            }
            _ => return None,
        }
    }
    let end = pos + 1;
    // `[@x](url)` and `[@x][ref]` are links, and `[@x]: url` at the start of a line is a
    // link definition; none of them is a citation.
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let definition =
        bytes.get(end) == Some(&b':') && text[line_start..at].trim_start_matches(' ').is_empty();
    if definition || matches!(bytes.get(end), Some(b'(' | b'[')) {
        return None;
    }
    Some(Found {
        item: Item::Citation(ids),
        range: at..end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str, code: &[Range<usize>]) -> Vec<(Item, Range<usize>)> {
        let (found, errors) = scan(text, 0, code);
        assert!(errors.is_empty(), "{errors:?}");
        found.into_iter().map(|f| (f.item, f.range)).collect()
    }

    #[test]
    fn finds_citations_and_skips_links_and_plain_brackets() {
        let found = items("A [@a-1; @b.c] and [@x](u) [see @y] [@z][r] [@q]", &[]);
        let ids: Vec<_> = found
            .iter()
            .map(|(item, range)| match item {
                Item::Citation(ids) => (
                    ids.iter()
                        .map(|(id, _)| id.as_str())
                        .collect::<Vec<_>>()
                        .join(","),
                    range.clone(),
                ),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            ids,
            [("a-1,b.c".to_string(), 2..14), ("q".to_string(), 44..48)]
        );
    }

    #[test]
    fn skips_code_ranges_and_escaped_braces() {
        let text = "`{{ stat() }}` \\{{ x }} {{ f() }}";
        let code: Vec<Range<usize>> = std::iter::once(0..14).collect();
        let found = items(text, &code);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, 24..33);
    }

    #[test]
    fn keeps_literal_shortcodes_as_text() {
        assert_eq!(
            items("{{/* stat(a=1) */}}", &[]),
            [(Item::Literal("{{ stat(a=1) }}".into()), 0..19)]
        );
        let (_, errors) = scan("{{/* open", 0, &[]);
        assert_eq!(errors[0].range, 0..4);
    }

    #[test]
    fn reports_broken_shortcodes_and_goes_on() {
        let (found, errors) = scan("{{ oops }} then {{ ok() }}", 0, &[]);
        assert_eq!(errors.len(), 1);
        assert_eq!(found.len(), 1);
    }
}
