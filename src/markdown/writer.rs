//! The writer: pulldown-cmark's events with expansions put back, headings given ids and
//! anchors, fenced code highlighted, links resolved and recorded for the check, footnotes
//! gathered.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Tag, TagEnd};

use crate::content::config::MarkdownOptions;
use crate::diagnostic::Diagnostic;
use crate::escape;

use super::events::count_words;
use super::heading::{self, Ids, TocEntry};
use super::highlight;
use super::link_tag;
use super::placeholder::{Piece, Placeholders};
use super::{Body, Env, FoundLink, Locator, RESERVED_CHARS};

pub(super) use super::footnotes::Footnotes;

/// The deepest nesting of blocks and inlines a page may have.
const MAX_DEPTH: usize = 100;

/// How a paragraph starts: as a block shortcode standing alone, or as text (with the first
/// event, if it was already taken to find out).
enum Paragraph<'e> {
    Block(String),
    Text(Option<(Event<'e>, Range<usize>)>),
}

pub(super) struct Writer<'a> {
    pub(super) locator: Locator<'a>,
    pub(super) options: &'a MarkdownOptions,
    pub(super) env: &'a dyn Env,
    pub(super) placeholders: &'a Placeholders,
    pub(super) ids: Ids,
    pub(super) body: Body,
    pub(super) errors: Vec<Diagnostic>,
    pub(super) footnotes: Footnotes,
    /// Inside an image, text becomes the `alt` attribute, so expansions give plain text.
    pub(super) in_image: usize,
    /// Inside a link's text, an expansion that makes a link would nest one link in another.
    pub(super) in_link: usize,
}

impl<'a> Writer<'a> {
    pub(super) fn process<'e>(&mut self, events: Vec<(Event<'e>, Range<usize>)>) -> Vec<Event<'e>> {
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
                        self.footnotes.define(&label, html);
                    }
                }
                Event::FootnoteReference(label) => {
                    target.push(Event::InlineHtml(self.footnotes.reference(&label).into()));
                }
                Event::Start(start @ Tag::Heading { .. }) => {
                    let mut inner = Vec::new();
                    for (event, range) in iter.by_ref() {
                        if matches!(event, Event::End(TagEnd::Heading(_))) {
                            break;
                        }
                        inner.push((event, range));
                    }
                    self.heading(target, start, inner);
                    // The heading's end was taken with its content.
                    depth -= 1;
                }
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                    if self.options.highlight_code =>
                {
                    let mut inner = Vec::new();
                    for (event, range) in iter.by_ref() {
                        if matches!(event, Event::End(TagEnd::CodeBlock)) {
                            break;
                        }
                        inner.push((event, range));
                    }
                    self.fenced_code(target, info, inner);
                    // The block's end was taken with its content.
                    depth -= 1;
                }
                Event::Start(Tag::Paragraph) => match self.block_paragraph(&mut iter) {
                    Paragraph::Block(html) => {
                        target.push(Event::Html(html.into()));
                        depth -= 1;
                    }
                    Paragraph::Text(first) => {
                        target.push(Event::Start(Tag::Paragraph));
                        if let Some((event, range)) = first {
                            self.inline(target, event, range);
                        }
                    }
                },
                other => self.inline(target, other, range),
            }
        }
        out
    }

    /// A paragraph holding only a block shortcode becomes that block, without `<p>`; its
    /// end is taken with it. Anything after the shortcode in the paragraph (a line break,
    /// emphasis) keeps the paragraph, and the shortcode is refused as not standing alone.
    fn block_paragraph<'e, I>(&mut self, iter: &mut std::iter::Peekable<I>) -> Paragraph<'e>
    where
        I: Iterator<Item = (Event<'e>, Range<usize>)>,
    {
        let Some((Event::Text(text), _)) = iter.peek() else {
            return Paragraph::Text(None);
        };
        let Some(expansion) = self.placeholders.sole_block(text) else {
            return Paragraph::Text(None);
        };
        let html = expansion.html.clone();
        let first = iter.next();
        if matches!(iter.peek(), Some((Event::End(TagEnd::Paragraph), _))) {
            iter.next();
            return Paragraph::Block(html);
        }
        Paragraph::Text(first)
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
            // Inside an image a link is only alt text: nothing is written or checked.
            link @ Event::Start(Tag::Link { .. }) if self.in_image > 0 => {
                self.in_link += 1;
                out.push(link);
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) => {
                self.in_link += 1;
                let (href, web) = self.link(&dest_url, &title, link_type, range);
                let new_tab = self.options.external_links_new_tab && web;
                out.push(Event::InlineHtml(
                    link_tag::open(&href, &title, new_tab).into(),
                ));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let (dest, _) = self.link(&dest_url, &title, link_type, range);
                self.in_image += 1;
                out.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url: dest.into(),
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Link) => {
                self.in_link = self.in_link.saturating_sub(1);
                out.push(Event::End(TagEnd::Link));
            }
            Event::End(TagEnd::Image) => {
                self.in_image = self.in_image.saturating_sub(1);
                out.push(Event::End(TagEnd::Image));
            }
            other => out.push(other),
        }
    }

    fn text<'e>(&mut self, out: &mut Vec<Event<'e>>, text: CowStr<'e>) {
        self.body.words += count_words(&text);
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
                    let in_link_text = self.in_link > 0 && self.in_image == 0;
                    let html = match &expansion.unlinked {
                        Some(unlinked) if in_link_text => unlinked,
                        _ => &expansion.html,
                    };
                    if in_link_text && html.contains("<a ") {
                        let at = self.placeholders.original_range(index);
                        self.errors.push(
                            self.locator
                                .at(at, "a citation inside a link's text would put a link inside a link")
                                .with_help("put it after the link: [text](url)[@source]"),
                        );
                    }
                    if self.in_image > 0 {
                        out.push(Event::Text(expansion.text.clone().into()));
                    } else if !html.is_empty() {
                        out.push(Event::InlineHtml(html.clone().into()));
                    }
                }
            }
        }
    }

    /// A fenced code block, highlighted when its language is known. pulldown-cmark still
    /// writes `<pre><code class="language-x">` around it; only the text inside changes, from
    /// escaped code to escaped code in classed spans.
    fn fenced_code<'e>(
        &mut self,
        out: &mut Vec<Event<'e>>,
        info: CowStr<'e>,
        inner: Vec<(Event<'e>, Range<usize>)>,
    ) {
        // Code holds no placeholders (shortcodes in code are text): if some event is not
        // plain text after all, the block is written as it came.
        let code: Option<String> = inner
            .iter()
            .map(|(event, _)| match event {
                Event::Text(text) if !Placeholders::holds_any(text) => Some(text.as_ref()),
                _ => None,
            })
            .collect();
        let html = code
            .as_deref()
            .and_then(|code| highlight::block(&info, code));
        out.push(Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))));
        match (html, code) {
            (Some(html), Some(code)) => {
                self.body.words += count_words(&code);
                out.push(Event::Html(html.into()));
            }
            _ => {
                for (event, range) in inner {
                    self.inline(out, event, range);
                }
            }
        }
        out.push(Event::End(TagEnd::CodeBlock));
    }

    /// A heading (`start` is its `Tag::Heading`) with its id, table-of-contents entry and
    /// anchor link.
    fn heading<'e>(
        &mut self,
        out: &mut Vec<Event<'e>>,
        start: Tag<'e>,
        inner: Vec<(Event<'e>, Range<usize>)>,
    ) {
        let Tag::Heading {
            level,
            id,
            classes,
            attrs,
        } = start
        else {
            return;
        };
        let mut title = String::new();
        for (event, _) in &inner {
            match event {
                Event::Text(text) => title.push_str(&self.placeholders.plain_text(text)),
                Event::Code(code) => title.push_str(code),
                _ => {}
            }
        }
        // An id written `{#id}` was taken (or refused) before the first heading.
        let id = match id {
            Some(id) => id.to_string(),
            None => self.ids.unique(&heading::slugify(&title)),
        };
        let level_number = level as u8;
        self.body.toc.push(TocEntry {
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

    /// The href to write for a link (`mailto:` added to an email autolink), and whether it
    /// points at another web site.
    fn link(
        &mut self,
        dest: &str,
        title: &str,
        kind: LinkType,
        range: Range<usize>,
    ) -> (String, bool) {
        let at = self.placeholders.original_range_of(range);
        if dest.contains(RESERVED_CHARS) || title.contains(RESERVED_CHARS) {
            self.errors.push(self.locator.at(
                at,
                "shortcodes and citations cannot be used inside a link destination or title",
            ));
            return (String::new(), false);
        }
        if matches!(kind, LinkType::Email) {
            return (format!("mailto:{dest}"), false);
        }
        match self.env.link(dest) {
            Ok(target) => {
                if let Some(check) = target.check {
                    self.body.links.push(FoundLink { check, range: at });
                }
                (target.href, target.web)
            }
            Err(message) => {
                self.errors.push(self.locator.at(at, message));
                (dest.to_string(), false)
            }
        }
    }
}
