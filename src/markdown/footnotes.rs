//! Footnotes: numbered references in the text and their notes gathered at the end.

use std::collections::HashMap;

use crate::escape;

use super::heading;

#[derive(Default)]
pub(super) struct Footnotes {
    numbers: HashMap<String, usize>,
    references: HashMap<String, usize>,
    pub(super) bodies: Vec<(String, String)>,
}

impl Footnotes {
    pub(super) fn reference(&mut self, label: &str) -> String {
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

    pub(super) fn push_section(&self, html: &mut String) {
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
