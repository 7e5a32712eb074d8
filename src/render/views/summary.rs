//! What templates see of a page in a listing, of a date, a verdict and a correction.

use serde::Serialize;

use crate::content::claim::Verdict;
use crate::content::date::Date;
use crate::content::front_matter::{Correction, Stance};
use crate::content::page::{Page, PageKind};

/// A date in the forms templates print.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// `2025-07-05`, for `datetime` attributes.
    pub iso: String,
    /// `July 5, 2025`.
    pub long: String,
}

impl From<Date> for DateView {
    fn from(date: Date) -> Self {
        Self {
            iso: date.iso(),
            long: date.long(),
        }
    }
}

/// A page in a listing.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// `page` or `section`.
    pub kind: &'static str,
    /// The title.
    pub title: String,
    /// The description, if any.
    pub description: Option<String>,
    /// The site path; templates link to it with `url(path=...)`.
    pub path: String,
    /// The publication date.
    pub date: Option<DateView>,
    /// `for`, `against` or `context`.
    pub stance: Option<String>,
    /// `Argument for`, ...
    pub stance_label: Option<&'static str>,
    /// Topics.
    pub topics: Vec<String>,
    /// The claim's verdict, for claim pages.
    pub verdict: Option<VerdictView>,
    /// The claim's words, for claim pages: listings quote them after the verdict.
    pub quote: Option<String>,
}

/// A verdict, ready for a badge.
#[derive(Debug, Clone, Serialize)]
pub struct VerdictView {
    /// `accurate-as-of`.
    pub slug: &'static str,
    /// `Accurate as of date`.
    pub label: &'static str,
    /// A text symbol, so the badge never relies on colour alone.
    pub symbol: &'static str,
    /// The definition from the methodology.
    pub definition: &'static str,
}

impl Summary {
    /// The listing entry for a page.
    pub fn of(page: &Page) -> Self {
        Self {
            kind: kind_name(page.kind),
            title: page.meta.title.clone(),
            description: page.meta.description.clone(),
            path: page.url.clone(),
            date: page.meta.date.map(DateView::from),
            stance: page.meta.stance.map(|s| stance_name(s).to_string()),
            stance_label: page.meta.stance.map(|s| s.label()),
            topics: page.meta.topics.clone(),
            verdict: page
                .meta
                .claim
                .as_ref()
                .map(|claim| VerdictView::of(claim.verdict)),
            quote: page.meta.claim.as_ref().map(|claim| claim.text.clone()),
        }
    }
}

impl VerdictView {
    /// The view of a verdict.
    pub fn of(verdict: Verdict) -> Self {
        Self {
            slug: verdict.slug(),
            label: verdict.label(),
            symbol: verdict.symbol(),
            definition: verdict.definition(),
        }
    }
}

/// `page` or `section`.
pub fn kind_name(kind: PageKind) -> &'static str {
    match kind {
        PageKind::Page => "page",
        PageKind::Section => "section",
    }
}

/// `for`, `against` or `context`.
pub fn stance_name(stance: Stance) -> &'static str {
    match stance {
        Stance::For => "for",
        Stance::Against => "against",
        Stance::Context => "context",
    }
}

/// A correction, ready to print.
#[derive(Debug, Clone, Serialize)]
pub struct CorrectionView {
    /// When.
    pub date: DateView,
    /// What changed.
    pub text: String,
}

impl From<&Correction> for CorrectionView {
    fn from(correction: &Correction) -> Self {
        Self {
            date: correction.date.into(),
            text: correction.text.clone(),
        }
    }
}

/// Minutes to read `words` words at 230 words a minute, at least one.
pub fn reading_minutes(words: usize) -> usize {
    words.div_ceil(230).max(1)
}
