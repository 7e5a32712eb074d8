//! What a shortcode holds (its body, its string arguments) once the shortcodes, citations
//! and marks inside are expanded: text with a placeholder for each expansion. A
//! template's output gets the expansions back: their HTML in text, their plain text inside
//! a tag (an attribute), and their pieces for the number audit, so a `fact` inside a
//! shortcode stays bound.

use std::ops::Range;

use super::Expansion;
use super::placeholder::{self, Piece as Part, Placeholders};
use crate::escape;
use crate::prose::Piece;

/// The expansions inside one shortcode call.
#[derive(Debug)]
pub struct Held {
    placeholders: Placeholders,
}

/// A shortcode's output with what it held put back.
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    /// The HTML.
    pub html: String,
    /// Its plain text (tags left out, entities decoded), for heading ids and the table of
    /// contents.
    pub text: String,
    /// What it publishes, as the number audit reads it.
    pub prose: Vec<Piece>,
    /// Whether a placeholder was cut or changed by the template (a body truncated in the
    /// middle of a number), so the output cannot be trusted.
    pub mangled: bool,
    /// Where a block it was given (a chart) sits inside a paragraph with other text, in
    /// the file: it must stand alone.
    pub block_in_text: Option<Range<usize>>,
}

impl Default for Held {
    fn default() -> Self {
        Self::new()
    }
}

impl Held {
    /// Nothing held yet.
    pub fn new() -> Self {
        Self {
            placeholders: Placeholders::new(0),
        }
    }

    /// Holds an expansion of the file range `range`; returns the text that stands for it.
    pub fn hold(&mut self, range: Range<usize>, expansion: Expansion) -> String {
        let index = self.placeholders.len();
        self.placeholders.push(range, expansion);
        placeholder::token(index)
    }

    /// The template's `html` with every placeholder replaced; the text a template wrote
    /// itself is audited as published at `at` (the call) in the file.
    pub fn output(&self, html: &str, at: Range<usize>) -> Output {
        let mut out = Output {
            html: String::with_capacity(html.len()),
            text: String::new(),
            prose: Vec::new(),
            mangled: false,
            block_in_text: None,
        };
        let (html, block_in_text) = self.unwrap_blocks(html);
        out.block_in_text = block_in_text;
        // The HTML as the audit reads it: placeholders in text kept, for their pieces.
        let mut audited = String::with_capacity(html.len());
        let mut tags = Tags::default();
        for part in self.placeholders.split(&html) {
            match part {
                Part::Text(text) => {
                    for c in text.chars() {
                        tags.step(c, &mut out.text);
                    }
                    out.html.push_str(text);
                    audited.push_str(text);
                }
                Part::Expansion(_, expansion) if tags.inside() => {
                    let plain = escape::html(&expansion.text);
                    out.html.push_str(&plain);
                    audited.push_str(&plain);
                }
                Part::Expansion(index, expansion) => {
                    out.html.push_str(&expansion.html);
                    out.text.push_str(&escape::html(&expansion.text));
                    audited.push_str(&placeholder::token(index));
                }
            }
        }
        out.mangled = out.html.contains(placeholder::RESERVED);
        out.text = unescape(&out.text);
        out.prose = super::prose::foreign(&audited, &self.placeholders, at);
        out
    }
}

impl Held {
    /// `html` without the `<p>` the markdown filter put around a block it was given alone
    /// in a paragraph (a chart in a body): a figure cannot sit inside a paragraph. Also
    /// where, in the file, a block is left inside a paragraph with other text.
    fn unwrap_blocks(&self, html: &str) -> (String, Option<Range<usize>>) {
        let parts = self.placeholders.split(html);
        let sole = |i: usize| {
            let block = matches!(parts.get(i), Some(Part::Expansion(_, e)) if e.block || e.lifts);
            let before = i.checked_sub(1).and_then(|b| parts.get(b));
            let opens = matches!(before, Some(Part::Text(t)) if t.ends_with("<p>"));
            let closes = matches!(parts.get(i + 1), Some(Part::Text(t)) if t.starts_with("</p>"));
            block && opens && closes
        };
        let mut out = String::with_capacity(html.len());
        let mut misplaced = None;
        for (i, part) in parts.iter().enumerate() {
            match part {
                Part::Text(text) => {
                    let mut text = *text;
                    if i > 0 && sole(i - 1) {
                        text = &text["</p>".len()..];
                    }
                    if sole(i + 1) {
                        text = &text[..text.len() - "<p>".len()];
                    }
                    out.push_str(text);
                }
                Part::Expansion(index, expansion) => {
                    let open = out
                        .rfind("<p>")
                        .is_some_and(|p| out[p..].find("</p>").is_none());
                    if expansion.block && !sole(i) && open && misplaced.is_none() {
                        misplaced = Some(self.placeholders.original_range(*index));
                    }
                    out.push_str(&placeholder::token(*index));
                }
            }
        }
        (out, misplaced)
    }
}

/// The elements that start an HTML block in CommonMark (kinds 1 and 6 of its spec).
const BLOCK_ELEMENTS: [&str; 66] = [
    "pre",
    "script",
    "style",
    "textarea",
    "address",
    "article",
    "aside",
    "base",
    "basefont",
    "blockquote",
    "body",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "iframe",
    "legend",
    "li",
    "link",
    "main",
    "menu",
    "menuitem",
    "nav",
    "noframes",
    "ol",
    "optgroup",
    "option",
    "p",
    "param",
    "search",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
];

/// Whether HTML starts with an element that starts a block in CommonMark (`<div>`,
/// `<figure>`, `<table>`...): a shortcode's output that does is written without `<p>`
/// around it when it stands alone in a paragraph.
pub fn starts_block(html: &str) -> bool {
    let Some(tag) = html.trim_start().strip_prefix('<') else {
        return false;
    };
    let name: String = tag
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    BLOCK_ELEMENTS.contains(&name.as_str())
}

/// Where a walk through HTML is: in text, or inside a tag (and inside a quoted attribute).
#[derive(Debug, Default)]
struct Tags {
    in_tag: bool,
    quote: Option<char>,
    /// The character before was `<`: a tag if a name follows (`<a`), else text (`< 3`).
    opening: bool,
}

impl Tags {
    /// Takes one character, adding it to `text` when it is text, not markup.
    fn step(&mut self, c: char, text: &mut String) {
        if self.opening {
            self.opening = false;
            if c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?') {
                self.in_tag = true;
                return;
            }
            text.push('<');
        }
        if !self.in_tag {
            if c == '<' {
                self.opening = true;
            } else {
                text.push(c);
            }
            return;
        }
        match (self.quote, c) {
            (Some(q), c) if c == q => self.quote = None,
            (None, '"' | '\'') => self.quote = Some(c),
            (None, '>') => self.in_tag = false,
            _ => {}
        }
    }

    fn inside(&self) -> bool {
        self.in_tag
    }
}

/// Plain text with the entities templates and markdown write decoded.
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact() -> Expansion {
        Expansion {
            html: "<span class=\"fact\">8</span>".into(),
            text: "8".into(),
            prose: vec![Piece::Bound {
                value: Some(8.0),
                at: 40..41,
            }],
            ..Expansion::default()
        }
    }

    // A block given alone in a paragraph (a chart in a body) comes out of the `<p>`; an
    // inline one stays in it.
    #[test]
    fn takes_blocks_out_of_their_paragraphs() {
        let mut held = Held::new();
        let block = Expansion {
            html: "<figure>F</figure>".into(),
            block: true,
            ..Expansion::default()
        };
        let figure = held.hold(0..5, block);
        let number = held.hold(6..9, fact());
        let html = format!("<div><p>{figure}</p>\n<p>{number}</p>\n<p>a {figure}</p></div>");
        assert_eq!(
            held.output(&html, 0..10).html,
            "<div><figure>F</figure>\n<p><span class=\"fact\">8</span></p>\n<p>a <figure>F</figure></p></div>"
        );
        assert_eq!(held.output(&html, 0..10).block_in_text, Some(0..5));
        let alone = format!("<p>{figure}</p>\n<div>{figure}</div>");
        assert_eq!(held.output(&alone, 0..10).block_in_text, None);
    }

    #[test]
    fn puts_expansions_back_in_text_and_attributes() {
        let mut held = Held::new();
        let token = held.hold(38..60, fact());
        let html = format!(
            "<div title=\"{token} weeks\"><p>It spent {token} weeks &amp; 5 songs</p></div>"
        );
        let output = held.output(&html, 0..70);
        assert_eq!(
            output.html,
            "<div title=\"8 weeks\"><p>It spent <span class=\"fact\">8</span> weeks &amp; 5 songs</p></div>"
        );
        assert_eq!(output.text, "It spent 8 weeks & 5 songs");
        assert!(!output.mangled);
        let words: Vec<&Piece> = output
            .prose
            .iter()
            .filter(|p| !matches!(p, Piece::Skip))
            .collect();
        assert_eq!(
            words,
            [
                &Piece::Words {
                    text: "It spent ".into(),
                    at: 0..70
                },
                &Piece::Bound {
                    value: Some(8.0),
                    at: 40..41
                },
                &Piece::Words {
                    text: " weeks ".into(),
                    at: 0..70
                },
                &Piece::Words {
                    text: " 5 songs".into(),
                    at: 0..70
                },
            ]
        );
    }

    #[test]
    fn knows_block_elements() {
        assert!(starts_block("\n  <DIV class=\"note\">"));
        assert!(starts_block("<figure>"));
        assert!(!starts_block("<span>"));
        assert!(!starts_block("<details2>"));
        assert!(!starts_block("text <div>"));
    }

    #[test]
    fn notices_a_placeholder_the_template_cut() {
        let mut held = Held::new();
        let token = held.hold(0..5, fact());
        let cut: String = token.chars().take(2).collect();
        assert!(held.output(&format!("<p>{cut}</p>"), 0..5).mangled);
        assert_eq!(held.output("a < 3 and b > 2", 0..5).text, "a < 3 and b > 2");
    }
}
