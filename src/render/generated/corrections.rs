//! The corrections page and its feed: every dated correction on the site, newest first.

use serde::Serialize;
use tera::Context;

use crate::content::date::Date;
use crate::content::front_matter::Correction;
use crate::content::page::Page;
use crate::render::templates::LinkMode;
use crate::render::views::{
    self,
    generated::GeneratedPage,
    summary::{DateView, Summary},
};
use crate::site::Site;

use super::atom::FeedEntry;

/// A correction with the page it belongs to, for the corrections page.
#[derive(Debug, Serialize)]
pub struct CorrectionEntry {
    date: DateView,
    text: String,
    page: Summary,
}

/// Every correction on the site, newest first.
pub fn all(site: &Site) -> Vec<(Date, &Page, &Correction)> {
    let mut all: Vec<_> = site
        .pages
        .iter()
        .flat_map(|page| page.meta.corrections.iter().map(move |c| (c.date, page, c)))
        .collect();
    all.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.url.cmp(&b.1.url)));
    all
}

/// The context for the generated corrections page.
pub fn page_context(site: &Site) -> Context {
    let entries: Vec<CorrectionEntry> = all(site)
        .into_iter()
        .map(|(date, page, correction)| CorrectionEntry {
            date: date.into(),
            text: correction.text.clone(),
            page: Summary::of(page),
        })
        .collect();
    let page = GeneratedPage::new(site, "Corrections", "/corrections/");
    let mut context = views::base(&page, "/corrections/", LinkMode::Relative, None);
    context.insert("corrections", &entries);
    context
}

/// The entries of the corrections feed.
pub fn feed_entries(site: &Site) -> Vec<FeedEntry> {
    all(site)
        .into_iter()
        .map(|(date, page, correction)| FeedEntry {
            title: format!("Correction: {}", page.meta.title),
            path: format!("{}#corrections", page.url),
            published: date,
            updated: date,
            summary: Some(correction.text.clone()),
            content: None,
        })
        .collect()
}
