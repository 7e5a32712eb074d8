//! The ids a page takes before any heading is given one: its cited sources' entries in the
//! source list, its footnotes, and the heading ids the author chose with `{#id}`.
//!
//! An id written `{#id}` must be free: a second heading with it, a template landmark
//! (`main`, `sources`, ...), a footnote's or a cited source's id is a located error. Ids
//! made from heading text come later and step around every id taken here (`x-1`).

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{Event, Tag};

use super::footnotes::{self, reference_id};
use super::heading::{self, Ids, Owner, RESERVED};
use super::writer::Writer;

impl Writer<'_> {
    /// Takes the ids of the sources in `cited`, of every footnote and of every `{#id}`.
    pub(super) fn claim_ids(&mut self, events: &[(Event<'_>, Range<usize>)], cited: &[String]) {
        for id in cited {
            self.ids
                .reserve(format!("ref-{id}"), Owner::Source(id.clone()));
        }
        self.claim_footnote_ids(events);
        for (event, range) in events {
            if let Event::Start(Tag::Heading { id: Some(id), .. }) = event {
                self.claim_heading_id(id, range.clone());
            }
        }
    }

    /// Gives each footnote label a slug whose ids (`fn-x`, `fnref-x`, `fnref-x-2`, ...) are
    /// all free, so two labels that slugify alike still get ids of their own.
    fn claim_footnote_ids(&mut self, events: &[(Event<'_>, Range<usize>)]) {
        let mut labels: Vec<&str> = Vec::new();
        let mut references: HashMap<String, usize> = HashMap::new();
        for (event, _) in events {
            let (label, reference) = match event {
                Event::FootnoteReference(label) => (label.as_ref(), true),
                Event::Start(Tag::FootnoteDefinition(label)) => (label.as_ref(), false),
                _ => continue,
            };
            let key = footnotes::fold(label);
            if !references.contains_key(&key) {
                labels.push(label);
            }
            *references.entry(key).or_insert(0) += usize::from(reference);
        }
        for label in labels {
            let count = references[&footnotes::fold(label)].max(1);
            let slug = free_slug(&mut self.ids, label, count);
            for id in footnote_ids(&slug, count) {
                self.ids.reserve(id, Owner::Footnote(label.to_string()));
            }
            self.footnotes.assign(label, slug);
        }
    }

    fn claim_heading_id(&mut self, id: &str, range: Range<usize>) {
        let at = self.placeholders.original_range_of(range);
        let Err(owner) = self.ids.take(id, at.start) else {
            return;
        };
        let at = id_range(self.locator.text, at, id);
        let (message, help) = match owner {
            Owner::Heading(first) => (
                format!(
                    "heading id `{id}` is already used by the heading on line {}",
                    self.locator
                        .text
                        .get(..first)
                        .unwrap_or("")
                        .matches('\n')
                        .count()
                        + 1
                ),
                "ids must be unique within a page: choose another `{#...}`".to_string(),
            ),
            Owner::Template => (
                format!("heading id `{id}` is reserved: the page template uses it"),
                format!("reserved ids: {}", RESERVED.join(", ")),
            ),
            Owner::Footnote(label) => (
                format!("heading id `{id}` is taken by the footnote `[^{label}]`"),
                "choose another `{#...}`".to_string(),
            ),
            Owner::Source(source) => (
                format!("heading id `{id}` is taken by the source list entry for `[@{source}]`"),
                "choose another `{#...}`".to_string(),
            ),
            Owner::Generated => return,
        };
        self.errors
            .push(self.locator.at(at, message).with_help(help));
    }
}

/// Every id the footnote `slug` with `count` references puts in the page.
fn footnote_ids(slug: &str, count: usize) -> Vec<String> {
    std::iter::once(format!("fn-{slug}"))
        .chain((1..=count).map(|n| reference_id(slug, n)))
        .collect()
}

fn free_slug(ids: &mut Ids, label: &str, count: usize) -> String {
    let base = match heading::slugify(label) {
        slug if slug.is_empty() => "note".to_string(),
        slug => slug,
    };
    ids.first_free("footnote", &base, |slug| {
        footnote_ids(slug, count).into_iter()
    })
}

/// The `#id` of a heading's `{#id}` in the file, or the heading's start if not found.
fn id_range(text: &str, heading: Range<usize>, id: &str) -> Range<usize> {
    let source = text.get(heading.clone()).unwrap_or("");
    match source.rfind(&format!("#{id}")) {
        Some(at) => heading.start + at..heading.start + at + 1 + id.len(),
        None => heading.start..heading.start + 1,
    }
}
