//! Markdown to HTML: shortcodes, citations, heading ids, checked links and footnotes.
//!
//! Shortcodes and citations are found in the source first (outside code), evaluated,
//! and replaced by private-use placeholders; pulldown-cmark then parses the text and the
//! placeholders are swapped for their HTML in the event stream.

pub mod heading;
mod placeholder;
pub mod scan;
pub mod shortcode;

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use crate::config::MarkdownOptions;
use crate::diagnostic::Diagnostic;
use crate::escape;
use crate::output::OutputFile;
use heading::{Ids, TocEntry};
use placeholder::{Piece, Placeholders};
use shortcode::Call;

/// A markdown file to render.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The file as shown in errors.
    pub file: &'a str,
    /// The whole file, front matter included, so error locations are file positions.
    pub text: &'a str,
    /// Where the markdown body starts in `text`.
    pub body_offset: usize,
    /// Rendering options from `site.toml`.
    pub options: &'a MarkdownOptions,
}

/// What a shortcode or citation turns into.
#[derive(Debug, Clone, Default)]
pub struct Expansion {
    /// The HTML to insert.
    pub html: String,
    /// Plain text, for the table of contents and heading ids.
    pub text: String,
    /// A block (such as a chart figure) must stand alone in its paragraph.
    pub block: bool,
    /// Extra files the expansion publishes (such as a chart's CSV).
    pub files: Vec<OutputFile>,
}

/// Where a link points once resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkTarget {
    /// The URL to write into the page (relative for internal links).
    pub href: String,
    /// The site path and anchor to verify after every page is rendered.
    pub check: Option<LinkCheck>,
}

/// An internal link to verify once all pages exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkCheck {
    /// The target's site path (`/for/x/`).
    pub path: String,
    /// The fragment, if any.
    pub anchor: Option<String>,
}

/// A link found in a page, with its position in the file for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundLink {
    /// What to verify.
    pub check: LinkCheck,
    /// Byte range of the link in the file.
    pub range: Range<usize>,
}

/// Makes located diagnostics for one file.
#[derive(Debug, Clone, Copy)]
pub struct Locator<'a> {
    /// The file as shown in errors.
    pub file: &'a str,
    /// Its text.
    pub text: &'a str,
}

impl Locator<'_> {
    /// A diagnostic at a byte range of the file.
    pub fn at(&self, range: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(self.file, self.text, range, message)
    }
}

/// What the renderer needs from the rest of the site.
pub trait Env {
    /// Expands a shortcode call (ranges are file offsets).
    fn shortcode(&self, call: &Call, at: Locator<'_>) -> Result<Expansion, Diagnostic>;
    /// Whether a source id exists in the bibliography; `Err` carries a hint.
    fn source(&self, id: &str) -> Result<(), String>;
    /// Resolves a link destination written in this page.
    fn link(&self, dest: &str) -> Result<LinkTarget, String>;
}

/// A rendered markdown body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The HTML.
    pub html: String,
    /// Headings, in order.
    pub toc: Vec<TocEntry>,
    /// Internal links to verify.
    pub links: Vec<FoundLink>,
    /// Cited source ids, in the order of their numbers.
    pub citations: Vec<String>,
    /// Words of prose, for reading time.
    pub words: usize,
    /// Files published by shortcodes.
    pub files: Vec<OutputFile>,
}

const RESERVED_CHARS: [char; 2] = placeholder::RESERVED;

/// The deepest nesting of blocks and inlines a page may have.
const MAX_DEPTH: usize = 100;

/// Renders one markdown body. All errors found are returned together.
pub fn render(input: &Input<'_>, env: &dyn Env) -> Result<Rendered, Vec<Diagnostic>> {
    let locator = Locator {
        file: input.file,
        text: input.text,
    };
    let body = &input.text[input.body_offset..];
    let options = parser_options(input.options);
    if let Some(at) = body.find(RESERVED_CHARS) {
        let start = input.body_offset + at;
        return Err(vec![locator.at(
            start..start + 3,
            "private-use characters U+E000 and U+E001 are reserved by factsite",
        )]);
    }
    let mut errors = Vec::new();
    let mut citations = Citations::default();
    let mut files = Vec::new();
    let mut placeholders = Placeholders::new(input.body_offset);
    if body.contains("{{") || body.contains("[@") {
        let code = if may_hold_code(body) {
            code_ranges(body, options, input.body_offset)
        } else {
            Vec::new()
        };
        let (found, syntax) = scan::scan(input.text, input.body_offset, &code);
        for error in syntax {
            errors.push(locator.at(error.range, error.message).with_help(
                "shortcodes look like {{ stat(chart=\"hot-100\", entry=\"golden\", value=\"peak\") }}; to show braces literally, put them in `code` or write {{/* ... */}}",
            ));
        }
        for found in found {
            let expansion = match found.item {
                scan::Item::Shortcode(call) => env.shortcode(&call, locator),
                scan::Item::Citation(ids) => citations.expand(&ids, env, locator),
                scan::Item::Literal(text) => Ok(Expansion {
                    html: escape::html(&text),
                    text,
                    ..Expansion::default()
                }),
            };
            match expansion {
                Ok(mut expansion) => {
                    files.append(&mut expansion.files);
                    placeholders.push(found.range, expansion);
                }
                Err(error) => {
                    errors.push(error);
                    placeholders.push(found.range, Expansion::default());
                }
            }
        }
    }
    let source = placeholders.apply(input.text);
    let mut writer = Writer {
        locator,
        options: input.options,
        env,
        placeholders: &placeholders,
        ids: Ids::default(),
        rendered: Rendered::default(),
        errors,
        footnotes: Footnotes::default(),
        in_image: 0,
    };
    let events: Vec<(Event<'_>, Range<usize>)> =
        merge_text(Parser::new_ext(&source, options).into_offset_iter());
    let body_events = writer.process(events);
    let mut html = String::with_capacity(source.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, body_events.into_iter());
    writer.footnotes.push_section(&mut html);
    if !writer.errors.is_empty() {
        return Err(writer.errors);
    }
    let mut rendered = writer.rendered;
    rendered.html = html;
    rendered.citations = citations.order;
    rendered.files = files;
    Ok(rendered)
}

fn parser_options(options: &MarkdownOptions) -> Options {
    let mut flags = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    if options.smart_punctuation {
        flags |= Options::ENABLE_SMART_PUNCTUATION;
    }
    flags
}

/// Whether a body could hold inline code or a code block: backticks, a `~~~` fence, or an
/// indented line. Without any, the extra parse that finds code is skipped.
fn may_hold_code(body: &str) -> bool {
    body.contains('`')
        || body.contains("~~~")
        || body
            .lines()
            .any(|line| line.starts_with("    ") || line.starts_with('\t'))
}

/// Byte ranges (file offsets) of inline code and code blocks, where shortcodes are text.
fn code_ranges(body: &str, options: Options, offset: usize) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let code = matches!(event, Event::Code(_) | Event::Start(Tag::CodeBlock(_)));
        if code
            && ranges
                .last()
                .is_none_or(|last| last.end <= range.start + offset)
        {
            ranges.push(range.start + offset..range.end + offset);
        }
    }
    ranges
}

/// Joins adjacent text events, so a placeholder is never split across two of them.
fn merge_text<'a>(
    events: impl Iterator<Item = (Event<'a>, Range<usize>)>,
) -> Vec<(Event<'a>, Range<usize>)> {
    let mut out: Vec<(Event<'a>, Range<usize>)> = Vec::new();
    // Text being joined: smart punctuation splits a paragraph's text at every quote mark, so
    // the pieces are appended to one buffer rather than copied into a new string each time.
    let mut joined: Option<String> = None;
    for (event, range) in events {
        if let (Event::Text(text), Some((Event::Text(previous), previous_range))) =
            (&event, out.last_mut())
        {
            let buffer = joined.get_or_insert_with(|| previous.to_string());
            buffer.push_str(text);
            previous_range.end = range.end;
            continue;
        }
        if let (Some(buffer), Some((previous, _))) = (joined.take(), out.last_mut()) {
            *previous = Event::Text(buffer.into());
        }
        out.push((event, range));
    }
    if let (Some(buffer), Some((previous, _))) = (joined.take(), out.last_mut()) {
        *previous = Event::Text(buffer.into());
    }
    out
}

#[derive(Default)]
struct Citations {
    numbers: HashMap<String, usize>,
    order: Vec<String>,
}

impl Citations {
    fn expand(
        &mut self,
        ids: &[(String, Range<usize>)],
        env: &dyn Env,
        locator: Locator<'_>,
    ) -> Result<Expansion, Diagnostic> {
        let mut links = Vec::with_capacity(ids.len());
        for (id, range) in ids {
            env.source(id).map_err(|help| {
                locator
                    .at(range.clone(), format!("unknown source `{id}`"))
                    .with_help(help)
            })?;
            let next = self.order.len() + 1;
            let number = *self.numbers.entry(id.clone()).or_insert(next);
            if number == next {
                self.order.push(id.clone());
            }
            let id = escape::html(id);
            links.push(format!("<a href=\"#ref-{id}\">{number}</a>"));
        }
        Ok(Expansion {
            html: format!("<sup class=\"citation\">[{}]</sup>", links.join(", ")),
            // Citations stay out of heading ids and the table of contents.
            text: String::new(),
            block: false,
            files: Vec::new(),
        })
    }
}

#[derive(Default)]
struct Footnotes {
    numbers: HashMap<String, usize>,
    references: HashMap<String, usize>,
    bodies: Vec<(String, String)>,
}

impl Footnotes {
    fn reference(&mut self, label: &str) -> String {
        let next = self.numbers.len() + 1;
        let number = *self.numbers.entry(label.to_string()).or_insert(next);
        let count = self.references.entry(label.to_string()).or_insert(0);
        *count += 1;
        let slug = escape::html(&heading::slugify(label));
        let id = if *count == 1 {
            format!("fnref-{slug}")
        } else {
            format!("fnref-{slug}-{count}")
        };
        format!("<sup class=\"footnote-ref\" id=\"{id}\"><a href=\"#fn-{slug}\">{number}</a></sup>")
    }

    fn push_section(&self, html: &mut String) {
        if self.bodies.is_empty() {
            return;
        }
        let mut bodies: Vec<_> = self.bodies.iter().collect();
        bodies.sort_by_key(|(label, _)| self.numbers.get(label).copied().unwrap_or(usize::MAX));
        html.push_str(
            "<section class=\"footnotes\" id=\"footnotes\" aria-label=\"Footnotes\">\n<ol>\n",
        );
        for (label, body) in bodies {
            let slug = escape::html(&heading::slugify(label));
            html.push_str(&format!("<li id=\"fn-{slug}\">\n{body}"));
            if self.numbers.contains_key(label) {
                html.push_str(&format!(
                    "<p class=\"footnote-back\"><a href=\"#fnref-{slug}\" aria-label=\"Back to the text\">↩</a></p>\n"
                ));
            }
            html.push_str("</li>\n");
        }
        html.push_str("</ol>\n</section>\n");
    }
}

struct Writer<'a> {
    locator: Locator<'a>,
    options: &'a MarkdownOptions,
    env: &'a dyn Env,
    placeholders: &'a Placeholders,
    ids: Ids,
    rendered: Rendered,
    errors: Vec<Diagnostic>,
    footnotes: Footnotes,
    /// Inside an image, text becomes the `alt` attribute, so expansions give plain text.
    in_image: usize,
}

impl<'a> Writer<'a> {
    fn process<'e>(&mut self, events: Vec<(Event<'e>, Range<usize>)>) -> Vec<Event<'e>> {
        let mut out: Vec<Event<'e>> = Vec::with_capacity(events.len());
        let mut footnote: Option<(String, Vec<Event<'e>>)> = None;
        let mut depth = 0usize;
        let mut iter = events.into_iter().peekable();
        while let Some((event, range)) = iter.next() {
            match &event {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth > MAX_DEPTH {
                let at = self
                    .placeholders
                    .original_range_of(range.start..range.start + 1);
                self.errors.push(
                    self.locator
                        .at(at, format!("markdown nested more than {MAX_DEPTH} levels deep"))
                        .with_help("browsers stop nesting elements long before this; flatten the blockquotes or lists"),
                );
                return Vec::new();
            }

            let target = match footnote.as_mut() {
                Some((_, events)) => events,
                None => &mut out,
            };
            match event {
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    footnote = Some((label.to_string(), Vec::new()));
                }
                Event::End(TagEnd::FootnoteDefinition) => {
                    if let Some((label, events)) = footnote.take() {
                        let mut html = String::new();
                        pulldown_cmark::html::push_html(&mut html, events.into_iter());
                        self.footnotes.bodies.push((label, html));
                    }
                }
                Event::FootnoteReference(label) => {
                    target.push(Event::InlineHtml(self.footnotes.reference(&label).into()));
                }
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }) => {
                    let mut inner = Vec::new();
                    for (event, range) in iter.by_ref() {
                        if matches!(event, Event::End(TagEnd::Heading(_))) {
                            break;
                        }
                        inner.push((event, range));
                    }
                    self.heading(target, level, id, classes, attrs, inner);
                }
                Event::Start(Tag::Paragraph) => {
                    if let Some(html) = self.block_paragraph(&mut iter) {
                        target.push(Event::Html(html.into()));
                    } else {
                        target.push(Event::Start(Tag::Paragraph));
                    }
                }
                other => self.inline(target, other, range),
            }
        }
        out
    }

    /// A paragraph holding only a block shortcode becomes that block, without `<p>`.
    fn block_paragraph<'e, I>(&mut self, iter: &mut std::iter::Peekable<I>) -> Option<String>
    where
        I: Iterator<Item = (Event<'e>, Range<usize>)>,
    {
        let (Event::Text(text), _) = iter.peek()? else {
            return None;
        };
        let expansion = self.placeholders.sole_block(text)?;
        let html = expansion.html.clone();
        iter.next();
        if matches!(iter.peek(), Some((Event::End(TagEnd::Paragraph), _))) {
            iter.next();
        }
        Some(html)
    }

    fn inline<'e>(&mut self, out: &mut Vec<Event<'e>>, event: Event<'e>, range: Range<usize>) {
        match event {
            Event::Text(text) => self.text(out, text),
            Event::Html(html) => {
                out.push(Event::Html(self.placeholders.replace_html(&html).into()))
            }
            Event::InlineHtml(html) => {
                out.push(Event::InlineHtml(
                    self.placeholders.replace_html(&html).into(),
                ));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = self.link(&dest_url, &title, link_type, range);
                if self.options.external_links_new_tab && is_external(&dest) {
                    out.push(Event::InlineHtml(
                        format!(
                            "<a href=\"{}\" target=\"_blank\" rel=\"noopener\">",
                            escape::html(&dest)
                        )
                        .into(),
                    ));
                } else {
                    out.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url: dest.into(),
                        title,
                        id,
                    }));
                }
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = self.link(&dest_url, &title, link_type, range);
                self.in_image += 1;
                out.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url: dest.into(),
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Image) => {
                self.in_image = self.in_image.saturating_sub(1);
                out.push(Event::End(TagEnd::Image));
            }
            other => out.push(other),
        }
    }

    fn text<'e>(&mut self, out: &mut Vec<Event<'e>>, text: CowStr<'e>) {
        self.rendered.words += count_words(&text);
        if !Placeholders::holds_any(&text) {
            out.push(Event::Text(text));
            return;
        }
        for piece in self.placeholders.split(&text) {
            match piece {
                Piece::Text(text) => out.push(Event::Text(text.to_string().into())),
                Piece::Expansion(index, expansion) => {
                    if expansion.block {
                        let at = self.placeholders.original_range(index);
                        self.errors.push(self.locator.at(at, "this shortcode makes a block (a figure) and must stand alone in its own paragraph").with_help("put a blank line before and after it"));
                    }
                    if self.in_image > 0 {
                        out.push(Event::Text(expansion.text.clone().into()));
                    } else if !expansion.html.is_empty() {
                        out.push(Event::InlineHtml(expansion.html.clone().into()));
                    }
                }
            }
        }
    }

    fn heading<'e>(
        &mut self,
        out: &mut Vec<Event<'e>>,
        level: HeadingLevel,
        id: Option<CowStr<'e>>,
        classes: Vec<CowStr<'e>>,
        attrs: Vec<(CowStr<'e>, Option<CowStr<'e>>)>,
        inner: Vec<(Event<'e>, Range<usize>)>,
    ) {
        let mut title = String::new();
        for (event, _) in &inner {
            match event {
                Event::Text(text) => title.push_str(&self.placeholders.plain_text(text)),
                Event::Code(code) => title.push_str(code),
                _ => {}
            }
        }
        let id = match id {
            Some(id) => {
                self.ids.claim(&id);
                id.to_string()
            }
            None => self.ids.unique(&heading::slugify(&title)),
        };
        let level_number = level as u8;
        self.rendered.toc.push(TocEntry {
            level: level_number,
            id: id.clone(),
            title: title.trim().to_string(),
        });
        out.push(Event::Start(Tag::Heading {
            level,
            id: Some(id.clone().into()),
            classes,
            attrs,
        }));
        for (event, range) in inner {
            self.inline(out, event, range);
        }
        if self.options.anchor_links {
            out.push(Event::InlineHtml(
                format!(
                    " <a class=\"heading-anchor\" href=\"#{}\" aria-hidden=\"true\" tabindex=\"-1\">#</a>",
                    escape::html(&id)
                )
                .into(),
            ));
        }
        out.push(Event::End(TagEnd::Heading(level)));
    }

    fn link(&mut self, dest: &str, title: &str, kind: LinkType, range: Range<usize>) -> String {
        let at = self.placeholders.original_range_of(range);
        if dest.contains(RESERVED_CHARS) || title.contains(RESERVED_CHARS) {
            self.errors.push(self.locator.at(
                at,
                "shortcodes and citations cannot be used inside a link destination or title",
            ));
            return String::new();
        }
        if matches!(kind, LinkType::Email) {
            return format!("mailto:{dest}");
        }
        match self.env.link(dest) {
            Ok(target) => {
                if let Some(check) = target.check {
                    self.rendered.links.push(FoundLink { check, range: at });
                }
                target.href
            }
            Err(message) => {
                self.errors.push(self.locator.at(at, message));
                dest.to_string()
            }
        }
    }
}

/// Words in a text, as `split_whitespace` counts them; ASCII text is counted byte by byte.
fn count_words(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    let mut words = 0;
    let mut in_word = false;
    for byte in text.bytes() {
        let space = byte.is_ascii_whitespace() || byte == 0x0B;
        words += usize::from(in_word && space);
        in_word = !space;
    }
    words + usize::from(in_word)
}

fn is_external(dest: &str) -> bool {
    dest.starts_with("http://") || dest.starts_with("https://")
}

#[cfg(test)]
mod tests;
