//! The mark for a number that is not a fact: `{two} articles`, `{five} verdicts`. The
//! braces are removed from the published text; the audit counts the number as marked.
//!
//! Braces make a mark only around a short text on one line that holds a number, so `{}`,
//! `{#id}` (a heading id), `{.class}` and `{{ shortcodes }}` are left alone; `\{two}`
//! keeps its braces.

use std::borrow::Cow;
use std::ops::Range;

use super::numbers;

/// The longest text a mark may hold, in bytes.
const MAX: usize = 60;

/// The mark starting at byte `at` of `text` (where `text[at]` is `{`): its whole range,
/// braces included. The marked text is `at + 1..range.end - 1`.
pub fn at(text: &str, at: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    if bytes.get(at) != Some(&b'{') || bytes.get(at + 1) == Some(&b'{') {
        return None;
    }
    if at > 0 && matches!(bytes[at - 1], b'{' | b'\\') {
        return None;
    }
    let rest = &text[at + 1..];
    let close = rest.find(['}', '{', '\n'])?;
    if !rest[close..].starts_with('}') || close > MAX || rest[close + 1..].starts_with('}') {
        return None;
    }
    let inner = &rest[..close];
    let looks_like_syntax = inner.trim().is_empty()
        || inner.starts_with(['#', '.', '/', '*', '%', ' '])
        || inner.contains(['=', ':', ';', '"', '<', '>']);
    if looks_like_syntax || numbers::find(inner).is_empty() {
        return None;
    }
    Some(at..at + close + 2)
}

/// Every mark in `text`, in order.
pub fn find_all(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut pos = 0;
    while let Some(offset) = text[pos..].find('{') {
        let start = pos + offset;
        match at(text, start) {
            Some(range) => {
                pos = range.end;
                found.push(range);
            }
            None => pos = start + 1,
        }
    }
    found
}

/// `text` as published: every mark replaced by the text it holds.
pub fn strip(text: &str) -> Cow<'_, str> {
    let marks = find_all(text);
    if marks.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for mark in marks {
        out.push_str(&text[pos..mark.start]);
        out.push_str(&text[mark.start + 1..mark.end - 1]);
        pos = mark.end;
    }
    out.push_str(&text[pos..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_is_braces_around_a_short_number() {
        assert_eq!(strip("in {two} articles"), "in two articles");
        assert_eq!(strip("{5 verdicts} and {No. 2}"), "5 verdicts and No. 2");
        assert_eq!(find_all("a {two} b {2}"), [2..7, 10..13]);
    }

    #[test]
    fn braces_that_are_syntax_or_hold_no_number_stay() {
        for text in [
            "{}",
            "{ }",
            "{word}",
            "{one}",
            "## Top {#top-10}",
            "{.class}",
            "{{ fact(2, \"x\") }}",
            "\\{two}",
            "{a: 1}",
            "{\"n\": 2}",
            "{two\n}",
            "{two}}",
            "{{two}",
        ] {
            assert_eq!(strip(text), text, "{text:?}");
        }
        let long = format!("{{{} 2}}", "x".repeat(70));
        assert_eq!(strip(&long), long);
    }
}
