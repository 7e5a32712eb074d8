//! A page's numbered source list, as templates print it.

use serde::Serialize;

use crate::data::sources::{Bibliography, Published};

use super::summary::DateView;

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
pub fn of(ids: &[String], bibliography: &Bibliography) -> Vec<ReferenceView> {
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
