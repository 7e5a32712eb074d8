//! What templates see: pages, listings, references and dates, ready to print.

use serde::Serialize;

use crate::date::Date;
use crate::front_matter::Correction;
use crate::page::{Page, PageKind};
use crate::sources::{Bibliography, Published};

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
        }
    }
}

impl VerdictView {
    /// The view of a verdict.
    pub fn of(verdict: crate::claim::Verdict) -> Self {
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
pub fn stance_name(stance: crate::front_matter::Stance) -> &'static str {
    match stance {
        crate::front_matter::Stance::For => "for",
        crate::front_matter::Stance::Against => "against",
        crate::front_matter::Stance::Context => "context",
    }
}

/// One numbered entry of a page's source list.
#[derive(Debug, Clone, Serialize)]
pub struct ReferenceView {
    /// The number shown in the text.
    pub number: usize,
    /// The source id (the anchor is `ref-<id>`).
    pub id: String,
    /// Headline.
    pub title: String,
    /// Where we read it.
    pub publisher: String,
    /// Whose text it is, for reprints.
    pub original_publisher: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Address.
    pub url: String,
    /// `July 8, 2025` or `undated`.
    pub published: String,
    /// `2025-07-08`, when dated.
    pub published_iso: Option<String>,
    /// When we checked it.
    pub accessed: DateView,
    /// A saved copy.
    pub archive_url: Option<String>,
    /// The supporting words.
    pub quotes: Vec<String>,
    /// Language, when not English.
    pub language: Option<String>,
    /// Reliability note.
    pub note: Option<String>,
}

/// The source list for cited ids, numbered in order of first citation.
pub fn references(ids: &[String], bibliography: &Bibliography) -> Vec<ReferenceView> {
    ids.iter()
        .enumerate()
        .filter_map(|(i, id)| bibliography.get(id).map(|source| (i, source)))
        .map(|(i, source)| ReferenceView {
            number: i + 1,
            id: source.id.get_ref().clone(),
            title: source.title.clone(),
            publisher: source.publisher.clone(),
            original_publisher: source.original_publisher.clone(),
            author: source.author.clone(),
            url: source.url.get_ref().clone(),
            published: source.published.get_ref().long(),
            published_iso: match source.published.get_ref() {
                Published::Date(date) => Some(date.iso()),
                Published::Undated => None,
            },
            accessed: DateView::from(*source.accessed.get_ref()),
            archive_url: source.archive_url.as_ref().map(|u| u.get_ref().clone()),
            quotes: source
                .quote
                .as_ref()
                .map(|q| q.snippets().into_iter().map(str::to_string).collect())
                .unwrap_or_default(),
            language: source.language.clone(),
            note: source.note.clone(),
        })
        .collect()
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
