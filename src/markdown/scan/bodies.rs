//! Shortcodes with a body, `{% name(...) %}body{% end %}`: every opening tag is matched with
//! its `{% end %}` in one pass over the text (nested bodies included), before the scan
//! reads the text in order.

use std::collections::HashMap;
use std::ops::Range;

use super::{Found, Item, Next, Outside, escaped, literal};
use crate::markdown::call::{self, SyntaxError};

/// Where each body shortcode of a text closes.
#[derive(Debug, Default)]
pub(super) struct Bodies {
    /// The `{% end %}` tag of each opening tag, by the opening's start.
    ends: HashMap<usize, Range<usize>>,
}

impl Bodies {
    /// Matches the opening and end tags of `text` from `start`, outside `code`: each
    /// `{% end %}` closes the nearest opening before it that is still open.
    pub(super) fn find(text: &str, start: usize, code: &[Range<usize>]) -> Self {
        let mut bodies = Self::default();
        if !text[start..].contains("{%") {
            return bodies;
        }
        let mut open: Vec<usize> = Vec::new();
        let mut outside = Outside::new(code);
        let mut pos = start;
        while let Some(offset) = text[pos..].find('{') {
            let at = pos + offset;
            if let Some(end) = outside.code_end(at) {
                pos = end;
                continue;
            }
            pos = at + 1;
            let rest = &text[at..];
            if escaped(text, at) {
                continue;
            }
            if rest.starts_with("{{/*") || rest.starts_with("{%/*") {
                if let Ok(literal) = literal(text, at) {
                    pos = literal.range.end;
                }
                continue;
            }
            if let Some(end) = end_tag(text, at) {
                if let Some(opening) = open.pop() {
                    bodies.ends.insert(opening, at..end);
                }
                pos = end;
            } else if (rest.starts_with("{{") || opens(text, at))
                && let Ok(call) = call::parse(text, at)
            {
                if rest.starts_with("{%") {
                    open.push(at);
                }
                pos = call.range.end;
            }
        }
        bodies
    }

    /// The item at the `{%` at `at`: a shortcode with its body, or an error for an opening
    /// never closed or an end that closes nothing. Other text (`{% if %}`) is text.
    pub(super) fn item(&self, text: &str, at: usize) -> Next {
        if let Some(end) = end_tag(text, at) {
            return Next::Error(
                SyntaxError {
                    message: "`{% end %}` closes no shortcode".to_string(),
                    range: at..end,
                    help: Some("a shortcode with a body is written {% name(...) %}, the body, then {% end %}; to show the tag as text, write {%/* end */%}".to_string()),
                },
                end,
            );
        }
        if !opens(text, at) {
            return Next::Text;
        }
        let mut call = match call::parse(text, at) {
            Ok(call) => call,
            Err(error) => return Next::Error(error, at + 1),
        };
        let Some(end) = self.ends.get(&at) else {
            let name = call.name.clone();
            return Next::Error(
                SyntaxError {
                    message: format!("the body of `{name}` is never closed by `{{% end %}}`"),
                    range: call.range.clone(),
                    help: Some(format!(
                        "end the body with {{% end %}} on a line of its own; a shortcode without a body is written {{{{ {name}(...) }}}}"
                    )),
                },
                call.range.end,
            );
        };
        call.body = Some(body(text, call.range.end, end.start));
        call.range.end = end.end;
        Next::Found(Found {
            range: call.range.clone(),
            item: Item::Shortcode(call),
        })
    }
}

/// Whether the `{%` at `at` starts a shortcode's opening tag: a name follows, then `(` or
/// `%}` (`{% if x %}`, a template tag written in prose, is text).
fn opens(text: &str, at: usize) -> bool {
    let Some(rest) = text[at..].strip_prefix("{%") else {
        return false;
    };
    let rest = rest.trim_start();
    if !rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        return false;
    }
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    let after = rest[name_len..].trim_start();
    after.starts_with('(') || after.starts_with("%}")
}

/// The end of the `{% end %}` tag at `at`, if there is one.
fn end_tag(text: &str, at: usize) -> Option<usize> {
    let rest = text[at..].strip_prefix("{%")?;
    let inner = rest.trim_start().strip_prefix("end")?;
    let close = inner.trim_start().strip_prefix("%}")?;
    Some(text.len() - close.len())
}

/// The body between an opening tag ending at `open_end` and an end tag at `end_start`:
/// without the line break that ends the opening tag's line, and without the white space
/// before `{% end %}`.
fn body(text: &str, open_end: usize, end_start: usize) -> Range<usize> {
    let inner = &text[open_end..end_start];
    let after_tag = inner.trim_start_matches([' ', '\t']);
    let start = match after_tag
        .strip_prefix("\r\n")
        .or_else(|| after_tag.strip_prefix('\n'))
    {
        Some(rest) => end_start - rest.len(),
        None => open_end,
    };
    let end = start + text[start..end_start].trim_end().len();
    start..end
}

#[cfg(test)]
mod tests {
    use super::super::scan;
    use super::*;

    #[track_caller]
    fn shortcodes(text: &str) -> Vec<(String, Range<usize>, Option<String>)> {
        let (found, errors) = scan(text, 0, &[]);
        assert!(errors.is_empty(), "{errors:?}");
        found
            .into_iter()
            .filter_map(|f| match f.item {
                Item::Shortcode(call) => {
                    Some((call.name, f.range, call.body.map(|b| text[b].to_string())))
                }
                _ => None,
            })
            .collect()
    }

    #[track_caller]
    fn errors(text: &str) -> Vec<(String, Range<usize>)> {
        scan(text, 0, &[])
            .1
            .into_iter()
            .map(|e| (e.message, e.range))
            .collect()
    }

    #[test]
    fn finds_bodies_on_their_own_lines_and_inline() {
        let text =
            "{% note(kind=\"tip\") %}\nA *body*\n\nwith {{ fact(1, \"x\") }}.\n{% end %}\nafter";
        assert_eq!(
            shortcodes(text),
            [(
                "note".to_string(),
                0..text.len() - 6,
                Some("A *body*\n\nwith {{ fact(1, \"x\") }}.".to_string())
            )]
        );
        assert_eq!(
            shortcodes("a {%q()%}inline{%end%} b"),
            [("q".to_string(), 2..22, Some("inline".to_string()))]
        );
        assert_eq!(
            shortcodes("{% q() %}{% end %}"),
            [("q".to_string(), 0..18, Some(String::new()))]
        );
    }

    #[test]
    fn matches_nested_bodies_and_skips_code() {
        let text = "{% outer() %}\n{% inner() %}\nx\n{% end %}\n`{% end %}`\n{% end %}";
        let code: Vec<Range<usize>> =
            std::iter::once(text.find('`').unwrap()..text.rfind('`').unwrap() + 1).collect();
        let (found, errors) = scan(text, 0, &code);
        assert!(errors.is_empty(), "{errors:?}");
        let Item::Shortcode(outer) = &found[0].item else {
            panic!("{found:?}")
        };
        assert_eq!((found.len(), found[0].range.clone()), (1, 0..text.len()));
        assert_eq!(
            &text[outer.body.clone().unwrap()],
            "{% inner() %}\nx\n{% end %}\n`{% end %}`"
        );
    }

    #[test]
    fn refuses_unclosed_bodies_and_stray_ends() {
        assert_eq!(
            errors("{% note() %}\nnever closed\n"),
            [(
                "the body of `note` is never closed by `{% end %}`".to_string(),
                0..12
            )]
        );
        assert_eq!(
            errors("text\n{% end %}\n"),
            [("`{% end %}` closes no shortcode".to_string(), 5..14)]
        );
        // The one left open is the outer one: the end closes the nearest opening.
        assert_eq!(errors("{% a() %} {% b() %} x {% end %}")[0].1, 0..9);
        assert!(errors("{% if x %} {%} {% 1 %}").is_empty());
        assert_eq!(
            errors("{% note %}")[0].0,
            "expected `(` after `note`".to_string()
        );
    }

    #[test]
    fn keeps_literal_body_tags_as_text() {
        let (found, errors) = scan("{%/* note() */%} x {%/* end */%}", 0, &[]);
        assert!(errors.is_empty());
        assert_eq!(found[0].item, Item::Literal("{% note() %}".into()));
        assert_eq!(found[1].item, Item::Literal("{% end %}".into()));
    }

    // Many openings never closed cost one pass, not one pass each.
    #[test]
    fn unclosed_openings_are_matched_in_linear_time() {
        let text = "{% a() %}".repeat(50_000);
        let started = std::time::Instant::now();
        assert_eq!(scan(&text, 0, &[]).1.len(), 50_000);
        assert!(started.elapsed().as_secs() < 5);
    }
}
