//! The context of a content page: what `index.html`, `section.html`, `page.html`,
//! `claim.html`, `claims.html` and `charts.html` see.

use serde::Serialize;
use tera::Context;

use crate::content::page::PageKind;
use crate::markdown::{self, heading::TocEntry};
use crate::render::generated::{cards, chart_pages, json_ld};
use crate::render::plan::Plan;
use crate::render::templates::{LinkMode, template_name};
use crate::site::Site;
use crate::verify::Checked;

use super::claim::{self, ClaimView};
use super::figures;
use super::references::{self, ReferenceView};
use super::summary::{self, CorrectionView, DateView, Summary};

/// A page or section as templates see it.
#[derive(Debug, Serialize)]
pub struct PageView {
    #[serde(flatten)]
    summary: Summary,
    updated: Option<DateView>,
    permalink: String,
    source: String,
    content: String,
    toc: Vec<TocEntry>,
    extra: toml::Table,
    references: Vec<ReferenceView>,
    corrections: Vec<CorrectionView>,
    words: usize,
    reading_minutes: usize,
    pages: Vec<Summary>,
    subsections: Vec<Summary>,
    draft: bool,
    claim: Option<ClaimView>,
}

/// The context for a content page: `page`, `parent`, `current_path`.
pub fn context(
    site: &Site,
    plan: &Plan,
    index: usize,
    body: &markdown::Body,
    checks: Option<&[Checked]>,
) -> Context {
    let page = &site.pages[index];
    let list = |ids: Vec<usize>| -> Vec<Summary> {
        ids.into_iter()
            .map(|i| Summary::of(&site.pages[i]))
            .collect()
    };
    let mut cited = body.citations.clone();
    if let Some(claim) = &page.meta.claim {
        for source in &claim.sources {
            if !cited.contains(source.get_ref()) {
                cited.push(source.get_ref().clone());
            }
        }
    }
    let view = PageView {
        summary: Summary::of(page),
        updated: page.meta.updated.map(DateView::from),
        permalink: site.config.absolute(&page.url),
        source: page.display.clone(),
        content: body.html.clone(),
        toc: body.toc.clone(),
        extra: page.meta.extra.clone(),
        references: references::of(&cited, &site.data.bibliography),
        corrections: page
            .meta
            .corrections
            .iter()
            .map(CorrectionView::from)
            .collect(),
        words: body.words,
        reading_minutes: summary::reading_minutes(body.words),
        pages: list(plan.pages_of(index, &site.pages)),
        subsections: list(plan.sections_of(index, &site.pages)),
        draft: page.meta.draft,
        claim: page
            .meta
            .claim
            .as_ref()
            .map(|c| claim::view(site, page, c, checks.unwrap_or_default())),
    };
    let parent = plan.parent[index].map(|i| Summary::of(&site.pages[i]));
    let json_ld = json_ld_of(site, index, view.claim.as_ref());
    let mut context = super::base(&view, &page.url, LinkMode::Relative, parent.as_ref());
    context.insert("json_ld", &json_ld);
    // Listings only the claims and charts sections show; computing them for every section
    // would cost a pass over all claims or all datasets per section.
    match template_name(page) {
        "claims.html" => {
            context.insert("claims_by_verdict", &claim::by_verdict(site, plan, index));
        }
        "charts.html" => {
            context.insert("charts", &chart_pages::views(site));
            context.insert("figures", &figures::views(site));
        }
        _ => {}
    }

    context
}

/// The JSON-LD scripts of a page (`json_ld`, printed by `base.html`): the site's
/// `Organization` on the home page, a claim's `ClaimReview`, a dated essay's `NewsArticle`.
fn json_ld_of(site: &Site, index: usize, claim: Option<&ClaimView>) -> Vec<String> {
    let page = &site.pages[index];
    let image = site.config.absolute(&cards::path(&page.url));
    let mut scripts = Vec::new();
    if page.url == "/" {
        scripts.push(json_ld::script(&json_ld::organization(&site.config)));
    }
    if let Some(claim) = claim {
        scripts.push(claim.json_ld().to_string());
    } else if page.kind == PageKind::Page && page.meta.date.is_some() {
        scripts.push(json_ld::script(&json_ld::news_article(
            &site.config,
            page,
            &image,
        )));
    }
    scripts
}
