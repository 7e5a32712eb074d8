//! Characters a careful publisher refuses in what a person types into TOML: control
//! characters, and the bidirectional controls that make text display in another order
//! than it is stored ("Trojan Source", CVE-2021-42574).

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::chars::{describe, is_control, shown};
use crate::diagnostic::Diagnostic;

pub use crate::chars::{is_bidi_control, is_refused_in_text};

/// Checks every key and string of a TOML document: the bytes `toml` of `text`, the file
/// shown as `file`; `one_line` says which keys hold one-line text
/// (`["title"]`, `["topics", "0"]`), where even tab and line breaks are refused.
/// Returns the first refused character as a located error; syntax errors are left to
/// the parser that reports them.
pub fn check_toml(
    file: &str,
    text: &str,
    toml: Range<usize>,
    one_line: fn(&[String]) -> bool,
) -> Result<(), Diagnostic> {
    let offset = toml.start;
    let Some(toml) = text.get(toml) else {
        return Ok(());
    };
    let Ok(table) = DeTable::parse(toml) else {
        return Ok(());
    };
    let mut found = None;
    let mut path = Vec::new();
    walk_table(table.get_ref(), &mut path, one_line, &mut found);
    match found {
        None => Ok(()),
        Some(refused) => Err(refused.diagnostic(file, text, offset)),
    }
}

struct Refused {
    what: String,
    c: char,
    span: Range<usize>,
    one_line: bool,
}

impl Refused {
    fn diagnostic(self, file: &str, text: &str, offset: usize) -> Diagnostic {
        let span = self.span.start + offset..self.span.end + offset;
        let what = &self.what;
        let described = describe(self.c);
        let (message, help) = if is_bidi_control(self.c) {
            (
                format!(
                    "{what} holds {described}, which makes text display in another order than it is written"
                ),
                "remove it: right-to-left text displays correctly without it",
            )
        } else if self.one_line && matches!(self.c, '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}') {
            (
                format!("{what} holds {described}; it must be one line of text"),
                "write it on one line, with spaces instead of tabs or line breaks",
            )
        } else {
            (
                format!("{what} holds {described}, which no published text should contain"),
                "remove it (an escape such as \\u0000 in a TOML string writes one too)",
            )
        };
        Diagnostic::at(file, text, span, message).with_help(help)
    }
}

fn walk_table(
    table: &DeTable<'_>,
    path: &mut Vec<String>,
    one_line: fn(&[String]) -> bool,
    found: &mut Option<Refused>,
) {
    for (key, value) in table {
        if found.is_some() {
            return;
        }
        path.push(key.get_ref().to_string());
        if let Some(c) = key.get_ref().chars().find(|&c| is_control(c)) {
            *found = Some(Refused {
                what: format!("the key `{}`", shown(key.get_ref())),
                c,
                span: key.span(),
                one_line: true,
            });
        } else {
            walk_value(value, path, one_line, found);
        }
        path.pop();
    }
}

fn walk_value(
    value: &Spanned<DeValue<'_>>,
    path: &mut Vec<String>,
    one_line: fn(&[String]) -> bool,
    found: &mut Option<Refused>,
) {
    match value.get_ref() {
        DeValue::String(s) => {
            let single = one_line(path);
            let refused = if single {
                is_control
            } else {
                is_refused_in_text
            };
            if let Some(c) = s.chars().find(|&c| refused(c)) {
                *found = Some(Refused {
                    what: format!("`{}`", key_path(path)),
                    c,
                    span: value.span(),
                    one_line: single,
                });
            }
        }
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(i.to_string());
                walk_value(item, path, one_line, found);
                path.pop();
                if found.is_some() {
                    return;
                }
            }
        }
        DeValue::Table(table) => walk_table(table, path, one_line, found),
        _ => {}
    }
}

/// `claim.text`, `topics[1]`.
fn key_path(path: &[String]) -> String {
    let mut out = String::new();
    for part in path {
        if part.bytes().all(|b| b.is_ascii_digit()) && !out.is_empty() {
            out.push_str(&format!("[{part}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&shown(part));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title_only(path: &[String]) -> bool {
        path == ["title"]
    }

    #[track_caller]
    fn error(toml: &str) -> String {
        let diagnostic = check_toml("f.toml", toml, 0..toml.len(), title_only).unwrap_err();
        format!("{}: {}", diagnostic.location(), diagnostic.message)
    }

    #[test]
    fn finds_controls_literal_or_escaped_with_their_place() {
        assert_eq!(
            error("a = 1\ntitle = \"x\\u0000y\"\n"),
            "f.toml:2:9: `title` holds U+0000 (NUL), which no published text should contain"
        );
        assert_eq!(
            error("title = \"ab\u{202E}cd\"\n"),
            "f.toml:1:9: `title` holds U+202E (RIGHT-TO-LEFT OVERRIDE), which makes text display in another order than it is written"
        );
        assert_eq!(
            error("title = \"\"\"two\nlines\"\"\"\n"),
            "f.toml:1:9: `title` holds U+000A (LINE FEED); it must be one line of text"
        );
        assert_eq!(
            error("[claim]\ntext = \"a\\u001bb\"\n"),
            "f.toml:2:8: `claim.text` holds U+001B (ESCAPE), which no published text should contain"
        );
        assert_eq!(
            error("topics = [\"a\", \"b\\u2066\"]\n"),
            "f.toml:1:16: `topics[1]` holds U+2066 (LEFT-TO-RIGHT ISOLATE), which makes text display in another order than it is written"
        );
        assert!(
            error("\"k\\u0007\" = 1\n").starts_with("f.toml:1:1: the key `k\\u{7}` holds U+0007")
        );
    }

    #[test]
    fn allows_ordinary_text_and_line_breaks_where_text_may_have_them() {
        for ok in [
            "title = \"Golden — 골든, «ذهبي»\"\n",
            "text = \"\"\"two\n\tlines\r\n\"\"\"\n",
            "title = \"x\"\nbroken = \n",
        ] {
            assert!(
                check_toml("f.toml", ok, 0..ok.len(), title_only).is_ok(),
                "{ok}"
            );
        }
    }

    #[test]
    fn shows_controls_as_escapes() {
        assert_eq!(shown("a\0b\u{202E}c"), "a\\u{0}b\\u{202e}c");
        assert_eq!(shown("plain"), "plain");
    }
}
