//! The context of a content page: what `index.html`, `section.html`, `page.html`,
//! `claim.html`, `claims.html` and `charts.html` see.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::Context;

use crate::content::page::{Page, PageKind};
use crate::content::routes;
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
    /// For each taxonomy, the page's terms with their pages' paths
    /// (`page.terms.topics`, `page.terms.claimant`, `page.terms.verdict`).
    terms: BTreeMap<String, Vec<TermLink>>,
}

/// A term a page carries, linked to the term's page.
#[derive(Debug, Serialize)]
pub struct TermLink {
    name: String,
    path: String,
}

/// The terms page `page` carries in each of the site's taxonomies.
fn term_links(plan: &Plan, page: &Page) -> BTreeMap<String, Vec<TermLink>> {
    plan.taxonomies
        .iter()
        .map(|taxonomy| {
            let links = page
                .terms(&taxonomy.name)
                .into_iter()
                .map(|(name, slug)| TermLink {
                    name,
                    path: routes::term(&taxonomy.name, &slug),
                })
                .collect();
            (taxonomy.name.clone(), links)
        })
        .collect()
}

/// One listing page of a paginated section (`paginator` in its template), with site
/// paths where Zola has permalinks: link them with `url(path=...)`.
#[derive(Debug, Serialize)]
pub struct Paginator {
    paginate_by: usize,
    first: String,
    last: String,
    previous: Option<String>,
    next: Option<String>,
    number_pagers: usize,
    base_url: String,
    pages: Vec<Summary>,
    current_index: usize,
    total_pages: usize,
}

/// The listing pages of section `index`, each with its site path and its context, when
/// `paginate_by` splits it (page 1 is the section's own path): none otherwise.
pub fn pagers(
    site: &Site,
    plan: &Plan,
    index: usize,
    view: &mut PageView,
) -> Vec<(String, Context)> {
    let page = &site.pages[index];
    let Some(by) = page.meta.paginate_by.filter(|&by| by > 0) else {
        return Vec::new();
    };
    let all = std::mem::take(&mut view.pages);
    let count = page.pager_count(all.len());
    let path = |number: usize| {
        if number == 1 {
            page.url.clone()
        } else {
            routes::pager(&page.url, number)
        }
    };
    let pagers = (1..=count)
        .map(|number| {
            let chunk: Vec<Summary> = all
                .iter()
                .skip((number - 1) * by)
                .take(by)
                .cloned()
                .collect();
            let paginator = Paginator {
                paginate_by: by,
                first: path(1),
                last: path(count),
                previous: (number > 1).then(|| path(number - 1)),
                next: (number < count).then(|| path(number + 1)),
                number_pagers: count,
                base_url: format!("{}page/", page.url),
                pages: chunk.clone(),
                current_index: number,
                total_pages: all.len(),
            };
            view.pages = chunk;
            // Each listing page is its own canonical page, as search engines ask.
            view.permalink = site.config.absolute(&path(number));
            let mut context = context_of(site, plan, index, view, &path(number));
            context.insert("paginator", &paginator);
            (path(number), context)
        })
        .collect();
    view.pages = all;
    view.permalink = site.config.absolute(&page.url);
    pagers
}

/// The context for a content page: `page`, `parent`, `current_path`.
pub fn context(
    site: &Site,
    plan: &Plan,
    index: usize,
    body: &markdown::Body,
    checks: Option<&[Checked]>,
) -> (Context, PageView) {
    let view = view(site, plan, index, body, checks);
    let context = context_of(site, plan, index, &view, &site.pages[index].url);
    (context, view)
}

fn view(
    site: &Site,
    plan: &Plan,
    index: usize,
    body: &markdown::Body,
    checks: Option<&[Checked]>,
) -> PageView {
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
    PageView {
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
        terms: term_links(plan, page),
    }
}

fn context_of(
    site: &Site,
    plan: &Plan,
    index: usize,
    view: &PageView,
    current_path: &str,
) -> Context {
    let page = &site.pages[index];
    let parent = plan.parent[index].map(|i| Summary::of(&site.pages[i]));
    let json_ld = json_ld_of(site, index, view.claim.as_ref());
    let mut context = super::base(view, current_path, LinkMode::Relative, parent.as_ref());
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
    let image = cards::image(&site.config, &page.url);
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
            image.as_deref(),
        )));
    }
    scripts
}
