//! The readable text of a fetched page: what a reader sees, read with a WHATWG-compliant
//! HTML tokenizer (html5gum), without scripts, styles, templates or the document's title.
//! The words of a page need no document tree: a stack of the hidden elements open is
//! enough, and it keeps a page nested thousands of elements deep cheap.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::decode::decode;

/// Elements whose content a reader never sees as text. The head's other elements hold no
/// text (`title` aside), so a head left unclosed hides nothing.
const HIDDEN: &[&str] = &[
    "title", "script", "style", "noscript", "template", "iframe", "object", "canvas", "svg",
    "math", "select",
];

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Elements that start a new line of text, so that words of adjacent blocks do not run
/// together (`<p>one</p><p>two</p>` reads "one" and "two", while `Gol<b>den</b>` reads
/// "Golden").
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "img",
    "input",
    "button",
    "label",
    "option",
    "textarea",
    "video",
    "audio",
];

/// Why a page's words could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The Content-Type that is not HTML or text.
    pub content_type: String,
}

/// The words of a response body: HTML and XHTML parsed, plain text as it is, anything else
/// (a PDF, an image) unreadable. A missing Content-Type is sniffed.
pub fn readable(bytes: &[u8], content_type: Option<&str>) -> Result<String, Unreadable> {
    let mime = content_type
        .and_then(|value| value.split(';').next())
        .map(|mime| mime.trim().to_ascii_lowercase());
    let text = decode(bytes, content_type);
    match mime.as_deref() {
        Some("text/html" | "application/xhtml+xml") => Ok(readable_text(&text)),
        Some("text/plain") => Ok(collapse(&text)),
        None | Some("" | "application/octet-stream") if looks_like_html(&text) => {
            Ok(readable_text(&text))
        }
        None | Some("") => Ok(collapse(&text)),
        Some(other) => Err(Unreadable {
            content_type: other.to_string(),
        }),
    }
}

/// A body without a usable Content-Type is taken for HTML when it starts with a tag.
fn looks_like_html(text: &str) -> bool {
    text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n'])
        .starts_with('<')
}

/// The text of an HTML document, one line per block, whitespace collapsed; character
/// references are decoded by the tokenizer, and the text of `script`, `style`, `title` and
/// the like is read as the browser does (naive state switching), so a `<p>` inside a
/// script is no paragraph.
pub fn readable_text(html: &str) -> String {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut raw = String::with_capacity(html.len() / 4);
    // The hidden elements open, innermost last.
    let mut hidden: Vec<Vec<u8>> = Vec::new();
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.as_slice();
                if is(HIDDEN, name) && !tag.self_closing && !is(VOID, name) {
                    hidden.push(name.to_vec());
                } else if hidden.is_empty() && is(BLOCKS, name) {
                    raw.push('\n');
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.as_slice();
                if let Some(at) = hidden.iter().rposition(|open| open == name) {
                    hidden.truncate(at);
                } else if hidden.is_empty() && is(BLOCKS, name) {
                    raw.push('\n');
                }
            }
            Token::String(text) if hidden.is_empty() => {
                let text = String::from_utf8_lossy(&text);
                raw.extend(text.chars().map(|c| if c == '\n' { ' ' } else { c }));
            }
            _ => {}
        }
    }
    collapse(&raw)
}

/// Whether the tag name (lower case, as the tokenizer gives it) is one of `names`.
fn is(names: &[&str], name: &[u8]) -> bool {
    names.iter().any(|n| n.as_bytes() == name)
}

/// Whitespace collapsed within lines, blank lines dropped.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut words = line.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        for (i, word) in words.enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(html: &str, expected: &str) {
        assert_eq!(readable_text(html), expected, "{html}");
    }

    #[test]
    fn keeps_what_a_reader_sees() {
        case(
            "<html><head><title>T</title><style>p{}</style><script>var q = 'secret';</script></head>\
             <body><p>Gol<b>den</b> &ldquo;spent&rdquo;\n  eight&nbsp;weeks</p><p>at No. 1</p>\
             <noscript>enable JS</noscript><template><p>later</p></template></body></html>",
            "Golden “spent” eight weeks\nat No. 1",
        );
        case(
            "<div>a<br>b</div><ul><li>c</li><li>d</li></ul>",
            "a\nb\nc\nd",
        );
        case(
            "<p>x <script>document.write('y')</script> z</p><svg><text>chart</text></svg>",
            "x z",
        );
    }

    // What the tokenizer needs told: void and self-closing elements close themselves, a
    // head without its end tag hides only its title, markup inside a script is text.
    #[test]
    fn hides_only_what_is_hidden() {
        case(
            "<p>a<embed src=x>b</p><svg/><p>c</p><select><option>no</option></select>d",
            "ab\nc\nd",
        );
        case(
            "<head><title>T</title><meta charset=utf-8><p>body text",
            "body text",
        );
        case(
            "<script>if (a < b) { w('<p>not text</p>') }</script><p>text</p>",
            "text",
        );
        case("<svg><svg><text>x</text></svg><text>y</text></svg>z", "z");
    }

    #[test]
    fn survives_broken_and_deep_markup() {
        case(
            "<p>unclosed <b>bold <i>both</p> after",
            "unclosed bold both\nafter",
        );
        let deep = "<div>".repeat(20_000) + "deep" + &"</div>".repeat(20_000);
        assert_eq!(readable_text(&deep), "deep");
    }

    #[test]
    fn reads_html_and_text_and_refuses_the_rest() {
        assert_eq!(
            readable(b"<p>a</p><p>b</p>", Some("text/html; charset=utf-8")).as_deref(),
            Ok("a\nb")
        );
        assert_eq!(
            readable(b"a  <b>\n\n c", Some("text/plain")).as_deref(),
            Ok("a <b>\nc")
        );
        assert_eq!(
            readable(b"<!DOCTYPE html><p>x</p>", None).as_deref(),
            Ok("x")
        );
        assert_eq!(
            readable(b"%PDF-1.7", Some("application/pdf")),
            Err(Unreadable {
                content_type: "application/pdf".to_string()
            })
        );
    }
}
