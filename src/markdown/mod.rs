//! Markdown to HTML: shortcodes, citations, heading ids, highlighted code, checked links and
//! footnotes.
//!
//! Shortcodes and citations are found in the source first (outside code), evaluated,
//! and replaced by private-use placeholders; pulldown-cmark then parses the text and the
//! placeholders are swapped for their HTML in the event stream. A shortcode with a body
//! (or with shortcodes in its arguments) gets them expanded first, the same way.

pub mod call;
mod citations;
mod events;
mod expand;
mod footnotes;
pub mod fragment;
pub(crate) mod heading;
pub mod held;
pub mod highlight;
mod ids;
mod link_tag;
pub(crate) mod placeholder;
mod prose;
pub mod scan;
mod writer;

use std::ops::Range;

use pulldown_cmark::{Event, Parser};

pub use highlight::{take_gave_up as highlighting_gave_up, unknown_languages};

use crate::content::config::MarkdownOptions;
use crate::diagnostic::Diagnostic;
use crate::prose::Piece;
use crate::write::OutputFile;
use call::Call;
use expand::Expander;
use heading::{Ids, TocEntry};
use held::Held;
use placeholder::Placeholders;
use writer::{Footnotes, Writer};

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
    /// Written without the `<p>` around it when it stands alone in a paragraph, and
    /// allowed inline too (an author's shortcode whose HTML starts with a `<div>`).
    pub lifts: bool,
    /// Extra files the expansion publishes (such as a chart's CSV).
    pub files: Vec<OutputFile>,
    /// What the expansion publishes, as the number audit reads it (a bound number, a
    /// citation, a chart's title). Empty: `text` is audited as words.
    pub prose: Vec<Piece>,
    /// When `html` is a link (a bound number linking to its row of data): the same without
    /// the link, for a link's text, where links cannot nest.
    pub unlinked: Option<String>,
}

/// Where a link points once resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkTarget {
    /// The URL to write into the page (relative for internal links).
    pub href: String,
    /// Whether it points at another web site (`http:`, `https:` or `//host`), for
    /// `external_links_new_tab`.
    pub web: bool,
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
    /// Expands a shortcode call (ranges are file offsets); `inner` expands what it holds.
    fn shortcode(
        &self,
        call: &Call,
        at: Locator<'_>,
        inner: &mut dyn Inner,
    ) -> Result<Expansion, Diagnostic>;
    /// Whether a source id exists in the bibliography; `Err` carries a hint.
    fn source(&self, id: &str) -> Result<(), String>;
    /// Resolves a link destination written in this page.
    fn link(&self, dest: &str) -> Result<LinkTarget, String>;
}

/// What a shortcode's expansion may ask of the page being rendered.
pub trait Inner {
    /// Expands the shortcodes, citations and marks in the file range `range` into `held`,
    /// and returns its text with a placeholder for each: a body as written, or, with
    /// `string`, a string argument (its quotes included in `range`, its escapes resolved).
    /// Errors inside are the page's.
    fn expand(&mut self, range: Range<usize>, string: bool, held: &mut Held) -> String;
    /// Resolves a link the shortcode's output writes, as a link written in the page, and
    /// checks it with the page's links, at `at` (the call).
    fn link(&mut self, dest: &str, at: Range<usize>) -> Result<LinkTarget, String>;
}

/// A rendered markdown body.
#[derive(Debug, Clone, Default)]
pub struct Body {
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
    /// For each of `files`: the file range of the shortcode that publishes it.
    pub file_origins: Vec<Range<usize>>,
    /// The published text, for the number audit.
    pub prose: Vec<Piece>,
}

const RESERVED_CHARS: [char; 2] = placeholder::RESERVED;

/// Renders one markdown body. All errors found are returned together.
pub fn render(input: &Input<'_>, env: &dyn Env) -> Result<Body, Vec<Diagnostic>> {
    let locator = Locator {
        file: input.file,
        text: input.text,
    };
    let body = &input.text[input.body_offset..];
    let options = events::parser_options(input.options);
    if let Some(at) = body.find(RESERVED_CHARS) {
        let start = input.body_offset + at;
        return Err(vec![locator.at(
            start..start + 3,
            "private-use characters U+E000 and U+E001 are reserved by factsite",
        )]);
    }
    let mut placeholders = Placeholders::new(input.body_offset);
    let scanned = body.contains('{') || body.contains("[@");
    let code = if scanned && events::may_hold_code(body) {
        events::code_ranges(body, options, input.body_offset)
    } else {
        Vec::new()
    };
    let mut expander = Expander::new(env, locator, &code);
    if scanned {
        let (found, syntax) = scan::scan(input.text, input.body_offset, &code);
        for error in syntax {
            expander.syntax(error);
        }
        for found in found {
            let (range, expansion) = expander.found(found);
            placeholders.push(range, expansion);
        }
    }
    let (files, file_origins): (Vec<OutputFile>, Vec<Range<usize>>) =
        expander.files.into_iter().unzip();
    let citations = expander.citations;
    let source = placeholders.apply(input.text);
    let mut writer = Writer {
        locator,
        options: input.options,
        env,
        placeholders: &placeholders,
        ids: Ids::default(),
        body: Body {
            links: expander.links,
            ..Body::default()
        },
        errors: expander.errors,
        footnotes: Footnotes::default(),
        in_image: 0,
        in_link: 0,
    };
    let events: Vec<(Event<'_>, Range<usize>)> =
        events::merge_text(Parser::new_ext(&source, options).into_offset_iter());
    writer.claim_ids(&events, &citations.order);
    let prose = prose::body(&events, &placeholders);
    let body_events = writer.process(events);
    let mut html = String::with_capacity(source.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, body_events.into_iter());
    writer.footnotes.push_section(&mut html);
    if !writer.errors.is_empty() {
        return Err(writer.errors);
    }
    let mut rendered = writer.body;
    rendered.html = html;
    rendered.citations = citations.order;
    rendered.files = files;
    rendered.file_origins = file_origins;
    rendered.prose = prose;
    Ok(rendered)
}

#[cfg(test)]
mod tests;
