//! Footnotes: numbered references in the text and their notes gathered at the end.
//!
//! Labels match as pulldown-cmark matches them, ignoring case (`[^Note]` finds `[^note]:`).
//! Each label gets an id slug of its own before the page is written (see `ids.rs`), so
//! two labels never share an id and no heading takes one.

use std::collections::HashMap;

use crate::escape;

use super::heading;

#[derive(Default)]
pub(super) struct Footnotes {
    /// Folded label to its id slug: `fn-<slug>` is the note, `fnref-<slug>` the reference.
    slugs: HashMap<String, String>,
    numbers: HashMap<String, usize>,
    references: HashMap<String, usize>,
    /// Folded label and the note's HTML, in the order the notes are defined.
    pub(super) bodies: Vec<(String, String)>,
}

/// The key a label is matched by.
pub(super) fn fold(label: &str) -> String {
    label.to_lowercase()
}

impl Footnotes {
    /// Gives the label its id slug.
    pub(super) fn assign(&mut self, label: &str, slug: String) {
        self.slugs.entry(fold(label)).or_insert(slug);
    }

    fn slug(&self, key: &str) -> String {
        let slug = match self.slugs.get(key) {
            Some(slug) => slug.clone(),
            None => heading::slugify(key),
        };
        escape::html(&slug)
    }

    /// A note's HTML, once its definition has been written.
    pub(super) fn define(&mut self, label: &str, html: String) {
        self.bodies.push((fold(label), html));
    }

    /// The superscript number that links a reference to its note.
    pub(super) fn reference(&mut self, label: &str) -> String {
        let key = fold(label);
        let next = self.numbers.len() + 1;
        let number = *self.numbers.entry(key.clone()).or_insert(next);
        let count = self.references.entry(key.clone()).or_insert(0);
        *count += 1;
        let count = *count;
        let slug = self.slug(&key);
        let id = reference_id(&slug, count);
        format!("<sup class=\"footnote-ref\" id=\"{id}\"><a href=\"#fn-{slug}\">{number}</a></sup>")
    }

    pub(super) fn push_section(&self, html: &mut String) {
        if self.bodies.is_empty() {
            return;
        }
        let mut bodies: Vec<_> = self.bodies.iter().collect();
        bodies.sort_by_key(|(key, _)| self.numbers.get(key).copied().unwrap_or(usize::MAX));
        html.push_str(
            "<section class=\"footnotes\" id=\"footnotes\" aria-label=\"Footnotes\">\n<ol>\n",
        );
        for (key, body) in bodies {
            let slug = self.slug(key);
            html.push_str(&format!("<li id=\"fn-{slug}\">\n{body}"));
            if self.numbers.contains_key(key) {
                html.push_str(&format!(
                    "<p class=\"footnote-back\"><a href=\"#fnref-{slug}\" aria-label=\"Back to the text\">↩</a></p>\n"
                ));
            }
            html.push_str("</li>\n");
        }
        html.push_str("</ol>\n</section>\n");
    }
}

/// The id of the `count`th reference to the note `slug`: `fnref-x`, then `fnref-x-2`, ...
pub(super) fn reference_id(slug: &str, count: usize) -> String {
    if count == 1 {
        format!("fnref-{slug}")
    } else {
        format!("fnref-{slug}-{count}")
    }
}
