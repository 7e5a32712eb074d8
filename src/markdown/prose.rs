//! What a markdown body publishes, as pieces for the audit: its text (headings, list items,
//! table cells, link text, image descriptions, footnotes, raw HTML text) with every
//! shortcode and citation replaced by what it tells the audit. Blockquotes, code, URLs,
//! HTML tags, scripts and styles are left out.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use crate::prose::Piece;

use super::placeholder::{Piece as Part, Placeholders};

/// HTML elements whose content is not the site's words.
const SKIPPED_ELEMENTS: [&str; 6] = ["script", "style", "code", "pre", "blockquote", "template"];

/// The pieces of a rendered body: `events` are pulldown-cmark's, over the text in which
/// `placeholders` stand for the expansions.
pub fn body(events: &[(Event<'_>, Range<usize>)], placeholders: &Placeholders) -> Vec<Piece> {
    let mut reader = Reader {
        placeholders,
        out: Vec::new(),
        quoted: 0,
        code: 0,
        autolink: false,
        html_skip: None,
        fixed: None,
    };
    for (event, range) in events {
        reader.event(event, range.clone());
    }
    reader.out
}

/// The pieces of HTML a template wrote (an author shortcode's output), in which
/// `placeholders` stand for what the shortcode held. The template's own words are not in
/// the file: they are placed at `at`, the call.
pub fn foreign(html: &str, placeholders: &Placeholders, at: Range<usize>) -> Vec<Piece> {
    let mut reader = Reader {
        placeholders,
        out: Vec::new(),
        quoted: 0,
        code: 0,
        autolink: false,
        html_skip: None,
        fixed: Some(at.clone()),
    };
    for part in placeholders.split(html) {
        match part {
            Part::Text(text) => reader.html(text, at.start),
            Part::Expansion(index, expansion) => {
                reader.expansion(expansion, placeholders.original_range(index));
            }
        }
    }
    reader.out
}

struct Reader<'a> {
    placeholders: &'a Placeholders,
    out: Vec<Piece>,
    quoted: usize,
    code: usize,
    autolink: bool,
    /// Inside raw HTML, the element whose content is skipped (`script`).
    html_skip: Option<String>,
    /// Where every word is, when the HTML is not in the file (a template's output).
    fixed: Option<Range<usize>>,
}

impl Reader<'_> {
    fn event(&mut self, event: &Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(Tag::BlockQuote(_)) => {
                self.quoted += 1;
                self.out.push(Piece::Break);
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                self.quoted = self.quoted.saturating_sub(1);
                self.out.push(Piece::Break);
            }
            _ if self.quoted > 0 => {}
            Event::Start(Tag::CodeBlock(_)) => self.code += 1,
            Event::End(TagEnd::CodeBlock) => {
                self.code = self.code.saturating_sub(1);
                self.out.push(Piece::Break);
            }
            _ if self.code > 0 => {}
            Event::Start(Tag::Link { link_type, .. }) => {
                self.autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
            }
            Event::End(TagEnd::Link) => self.autolink = false,
            Event::Text(text) if !self.autolink => self.text(text, range, false),
            Event::Html(html) | Event::InlineHtml(html) => self.text(html, range, true),
            Event::Code(_) => self.out.push(Piece::Skip),
            Event::SoftBreak | Event::HardBreak => self.out.push(Piece::Words {
                text: " ".to_string(),
                at: 0..0,
            }),
            Event::Start(tag) if is_block(tag) => self.out.push(Piece::Break),
            Event::End(tag) if is_block_end(*tag) => self.out.push(Piece::Break),
            Event::Rule => self.out.push(Piece::Break),
            _ => {}
        }
    }

    /// A text event (or raw HTML, whose tags are left out), split at its placeholders.
    fn text(&mut self, text: &str, range: Range<usize>, html: bool) {
        let whole = self.placeholders.original_range_of(range);
        let parts = self.placeholders.split(text);
        let mut cursor = whole.start;
        for (i, part) in parts.iter().enumerate() {
            match part {
                Part::Text(words) => {
                    let next = parts[i + 1..].iter().find_map(|p| match p {
                        Part::Expansion(index, _) => {
                            Some(self.placeholders.original_range(*index).start)
                        }
                        Part::Text(_) => None,
                    });
                    let at = cursor..next.unwrap_or(whole.end).max(cursor);
                    if html {
                        self.html(words, at.start);
                    } else {
                        self.out.push(Piece::Words {
                            text: (*words).to_string(),
                            at,
                        });
                    }
                }
                Part::Expansion(index, expansion) => {
                    let at = self.placeholders.original_range(*index);
                    cursor = at.end;
                    self.expansion(expansion, at);
                }
            }
        }
    }

    /// What an expansion of the file range `at` publishes.
    fn expansion(&mut self, expansion: &super::Expansion, at: Range<usize>) {
        if self.html_skip.is_some() {
            return;
        }
        if expansion.prose.is_empty() {
            self.out.push(Piece::Words {
                text: expansion.text.clone(),
                at,
            });
        } else {
            self.out.extend(expansion.prose.iter().cloned());
        }
    }

    /// The text between the tags of raw HTML that starts at file offset `start`.
    fn html(&mut self, html: &str, start: usize) {
        let mut pos = 0;
        while pos < html.len() {
            if let Some(element) = &self.html_skip {
                let close = format!("</{element}");
                match find_ignoring_case(&html[pos..], &close) {
                    Some(at) => {
                        pos += at + close.len();
                        self.html_skip = None;
                    }
                    None => return,
                }
                continue;
            }
            let next = html[pos..].find(['<', '&']).map_or(html.len(), |i| pos + i);
            if next > pos {
                let at = self.fixed.clone().unwrap_or(start + pos..start + next);
                self.out.push(Piece::Words {
                    text: html[pos..next].to_string(),
                    at,
                });
            }
            pos = next;
            if pos >= html.len() {
                break;
            }
            pos = if html[pos..].starts_with('&') {
                self.out.push(Piece::Skip);
                html[pos..].find(';').map_or(pos + 1, |i| pos + i + 1)
            } else {
                self.tag(html, pos)
            };
        }
    }

    /// Skips the tag at `pos`, noting an element whose content is not words. Returns
    /// where the tag ends.
    fn tag(&mut self, html: &str, pos: usize) -> usize {
        if html[pos..].starts_with("<!--") {
            return html[pos..].find("-->").map_or(html.len(), |i| pos + i + 3);
        }
        let end = html[pos..].find('>').map_or(html.len(), |i| pos + i + 1);
        let name: String = html[pos + 1..end]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if SKIPPED_ELEMENTS.contains(&name.as_str()) && !html[pos..end].ends_with("/>") {
            self.html_skip = Some(name);
        }
        self.out.push(Piece::Skip);
        end
    }
}

fn is_block(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::Item
            | Tag::List(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::FootnoteDefinition(_)
            | Tag::HtmlBlock
    )
}

fn is_block_end(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::List(_)
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell
            | TagEnd::FootnoteDefinition
            | TagEnd::HtmlBlock
    )
}

fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .to_ascii_lowercase()
        .find(&needle.to_ascii_lowercase())
}
