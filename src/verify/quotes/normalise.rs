//! Folding text for matching: entities, quotation marks, dashes, spaces and case, so that a
//! quote copied from a browser matches the page it came from.

/// The text folded for matching: entities decoded, every quotation mark and apostrophe
/// (curly, straight, single, double, guillemets) one `"`, every dash a hyphen, invisible characters dropped, full-width forms made
/// ASCII, lower case, and each run of whitespace one space (trimmed at both ends).
pub fn fold(text: &str) -> String {
    let decoded = decode_entities(text);
    let mut out = String::with_capacity(decoded.len());
    let mut space = false;
    for c in decoded.chars() {
        let Some(c) = fold_char(c) else { continue };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// One character folded, or `None` for a character that is not seen (soft hyphen,
/// zero-width space and joiners, byte order mark).
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => return None,
        // One mark for every quotation mark: pages and copied quotes swap single for
        // double, straight for curly, and apostrophes for right single quotes.
        '\'' | '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' | 'ʼ' | '‹' | '›' | '“' | '”' | '„'
        | '‟' | '″' | '«' | '»' | '〝' | '〞' => '"',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '⁃' | '﹘' | '﹣' => '-',
        // Full-width ASCII (１２３, Ａ) as written on Chinese, Japanese and Korean pages.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    })
}

/// Decodes HTML character references (`&amp;`, `&#8217;`, `&#x2019;` and the named ones
/// pages and copied quotes use); anything else is left as written.
pub fn decode_entities(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match reference(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// The character a reference at the start of `text` stands for, and its length in bytes.
fn reference(text: &str) -> Option<(char, usize)> {
    let end = text.bytes().take(12).position(|b| b == b';')?;
    let name = &text[1..end];
    let c = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(code)?
    } else {
        named(name)?
    };
    Some((c, end + 1))
}

fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "hellip" => '…',
        "shy" => '\u{AD}',
        "deg" => '°',
        "eacute" => 'é',
        "copy" => '©',
        _ => return None,
    })
}

/// A quote split at its ellipses (`…`, `...`, `[…]`, `[...]`): the parts that must appear
/// on the page in this order, each as written (trimmed) and folded, the empty ones left out.
pub fn fragments(quote: &str) -> Vec<(String, String)> {
    let marked = decode_entities(quote)
        .replace("[…]", "…")
        .replace("[...]", "…")
        .replace("...", "…");
    marked
        .split('…')
        .map(|part| (part.trim().to_string(), fold(part)))
        .filter(|(_, folded)| !folded.is_empty())
        .collect()
}

/// A word folded for comparing passages: [`fold`], without the punctuation around it.
pub fn fold_word(word: &str) -> String {
    fold(word)
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(input: &str, expected: &str) {
        assert_eq!(fold(input), expected, "{input:?}");
    }

    #[test]
    fn folds_quotes_dashes_spaces_and_case() {
        case("“Golden” — it’s No. 1", "\"golden\" - it\"s no. 1");
        case("'Golden' it's", "\"golden\" it\"s");
        case(
            "  rising\u{A0}2–1\n\ton the  chart ",
            "rising 2-1 on the chart",
        );
        case("«Soda Pop»", "\"soda pop\"");
        case("co\u{AD}operate\u{200B}d", "cooperated");
        case("１７週", "17週");
        case("ÉTÉ", "été");
    }

    #[test]
    fn decodes_entities() {
        case(
            "Tom &amp; Jerry&#8217;s &ldquo;hit&rdquo;",
            "tom & jerry\"s \"hit\"",
        );
        case("&#x2014;&nbsp;done", "- done");
        case("AT&T &unknown; & more", "at&t &unknown; & more");
        case("&#xZZ; &#99999999;", "&#xzz; &#99999999;");
    }

    #[test]
    fn splits_quotes_at_ellipses() {
        let folded = |quote: &str| -> Vec<String> {
            fragments(quote)
                .into_iter()
                .map(|(_, folded)| folded)
                .collect()
        };
        assert_eq!(
            fragments("“Golden” has lived at No. 1 on both … for 17 frames."),
            [
                (
                    "“Golden” has lived at No. 1 on both".to_string(),
                    "\"golden\" has lived at no. 1 on both".to_string()
                ),
                ("for 17 frames.".to_string(), "for 17 frames.".to_string())
            ]
        );
        assert_eq!(folded("a [...] b ... c […] d"), ["a", "b", "c", "d"]);
        assert_eq!(folded("… Trailing"), ["trailing"]);
        assert!(fragments(" … ").is_empty());
    }

    #[test]
    fn words_lose_their_punctuation() {
        assert_eq!(fold_word("“Golden,”"), "golden");
        assert_eq!(fold_word("2-1"), "2-1");
        assert_eq!(fold_word("—"), "");
    }
}
