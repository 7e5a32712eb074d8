//! What a build produced, counted for the summary line, with what each page rests on.

use crate::content::page::PageKind;
use crate::site::Site;
use crate::verify::Bindings;

/// What a build produced, and what `check` reports on.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Pages rendered.
    pub pages: usize,
    /// Sections rendered (the home page included).
    pub sections: usize,
    /// Claim pages.
    pub claims: usize,
    /// Chart datasets.
    pub charts: usize,
    /// Sources in the bibliography.
    pub sources: usize,
    /// Files written, all kinds.
    pub files: usize,
    /// Per page (same order as `Site::pages`): the stats it used and the sources it cited.
    pub bindings: Vec<Bindings>,
}

impl Outcome {
    /// Counts for a site whose pages rendered.
    pub fn of(site: &Site, files: usize, bindings: Vec<Bindings>) -> Self {
        let sections = site
            .pages
            .iter()
            .filter(|p| p.kind == PageKind::Section)
            .count();
        Self {
            pages: site.pages.len() - sections,
            sections,
            claims: site.pages.iter().filter(|p| p.meta.claim.is_some()).count(),
            charts: site.data.datasets.len(),
            sources: site.data.bibliography.sources.len(),
            files,
            bindings,
        }
    }

    /// "25 pages, 6 sections, 5 charts, 19 claims and 143 sources", for summary lines.
    pub fn counts(&self) -> String {
        format!(
            "{} {}, {} {}, {} {}, {} {} and {} {}",
            self.pages,
            plural(self.pages, "page"),
            self.sections,
            plural(self.sections, "section"),
            self.charts,
            plural(self.charts, "chart"),
            self.claims,
            plural(self.claims, "claim"),
            self.sources,
            plural(self.sources, "source"),
        )
    }
}

/// `page` or `pages`.
pub fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}
