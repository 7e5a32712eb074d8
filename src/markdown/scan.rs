//! Finds shortcodes (with or without a body), citations and marks in markdown, outside
//! code, before markdown parsing.

use std::ops::Range;

mod bodies;

use super::call::{self, Call, SyntaxError};
use crate::prose::mark;

/// Something in the source that is replaced before markdown parsing.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// `{{ name(...) }}`, or `{% name(...) %}body{% end %}`.
    Shortcode(Call),
    /// `[@a; @b]`: source ids with their ranges.
    Citation(Vec<(String, Range<usize>)>),
    /// `{{/* text */}}`: shown as `{{ text }}`, not run (and `{%/* text */%}` as `{% text %}`).
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
    let bodies = bodies::Bodies::find(text, start, code);
    let mut outside = Outside::new(code);
    let mut pos = start;
    while let Some(offset) = text[pos..].find(['{', '[']) {
        let at = pos + offset;
        if let Some(end) = outside.code_end(at) {
            pos = end;
            continue;
        }
        let next = if escaped(text, at) {
            Next::Text
        } else {
            item(text, at, &bodies)
        };
        pos = match next {
            Next::Found(item) => {
                let end = item.range.end;
                found.push(item);
                end
            }
            Next::Error(error, resume) => {
                errors.push(error);
                resume
            }
            Next::Text => at + 1,
        };
    }
    (found, errors)
}

/// What starts at a `{` or `[`.
enum Next {
    Found(Found),
    /// A broken item, and where to scan on.
    Error(SyntaxError, usize),
    Text,
}

fn item(text: &str, at: usize, bodies: &bodies::Bodies) -> Next {
    let rest = &text[at..];
    let found = |found: Option<Found>| found.map_or(Next::Text, Next::Found);
    if rest.starts_with("{{/*") || rest.starts_with("{%/*") {
        return match literal(text, at) {
            Ok(item) => Next::Found(item),
            Err(error) => Next::Error(error, at + 1),
        };
    }
    if rest.starts_with("{{") {
        return match call::parse(text, at) {
            Ok(call) => Next::Found(Found {
                range: call.range.clone(),
                item: Item::Shortcode(call),
            }),
            Err(error) => Next::Error(error, at + 1),
        };
    }
    if rest.starts_with("{%") {
        return bodies.item(text, at);
    }
    if rest.starts_with("[@") {
        return found(citation(text, at));
    }
    found(mark::at(text, at).map(|range| Found {
        item: Item::Mark(text[range.start + 1..range.end - 1].to_string()),
        range,
    }))
}

/// `\{{` is literal, as any escaped punctuation is; `\\{{` is a backslash, then `{{`.
fn escaped(text: &str, at: usize) -> bool {
    let backslashes = text[..at].bytes().rev().take_while(|&b| b == b'\\').count();
    backslashes % 2 == 1
}

/// Steps over the code ranges of a text, scanned in order.
struct Outside<'c> {
    code: &'c [Range<usize>],
    index: usize,
}

impl<'c> Outside<'c> {
    fn new(code: &'c [Range<usize>]) -> Self {
        Self { code, index: 0 }
    }

    /// Where to go on from `at` when it is inside code.
    fn code_end(&mut self, at: usize) -> Option<usize> {
        while self.index < self.code.len() && self.code[self.index].end <= at {
            self.index += 1;
        }
        let range = self.code.get(self.index).filter(|r| r.start <= at)?;
        Some(range.end.max(at + 1))
    }
}

/// `{{/* text */}}` and `{%/* text */%}`: the tag shown as written, without the comment.
fn literal(text: &str, at: usize) -> Result<Found, SyntaxError> {
    let kind = &text[at + 1..at + 2];
    let close = if kind == "{" { "*/}}" } else { "*/%}" };
    let inner_start = at + 4;
    let Some(len) = text[inner_start..].find(close) else {
        return Err(SyntaxError {
            message: format!("`{{{kind}/*` is never closed by `{close}`"),
            range: at..inner_start,
            help: None,
        });
    };
    let inner = &text[inner_start..inner_start + len];
    let shown = if kind == "{" {
        format!("{{{{{inner}}}}}")
    } else {
        format!("{{%{inner}%}}")
    };
    Ok(Found {
        item: Item::Literal(shown),
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
