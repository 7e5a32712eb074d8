//! The template context of each kind of page: what `page.html`, `claim.html`,
//! `claims.html` and `corrections.html` see.

use serde::Serialize;
use tera::Context;

use crate::claim::{Checked, ClaimMeta, Verdict};
use crate::facts;
use crate::json_ld;
use crate::markdown::{self, heading::TocEntry};
use crate::page::Page;
use crate::plan::Plan;
use crate::site::Site;
use crate::view::{self, CorrectionView, DateView, ReferenceView, Summary, VerdictView};

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

/// A checked claim as templates see it.
#[derive(Debug, Serialize)]
pub struct ClaimView {
    text: String,
    claimant: String,
    claim_date: Option<DateView>,
    appearance: Option<String>,
    verdict: VerdictView,
    as_of: DateView,
    summary: Option<String>,
    checks: Vec<CheckView>,
    json_ld: String,
}

/// One claim check and what the data said.
#[derive(Debug, Serialize)]
pub struct CheckView {
    stat: String,
    label: String,
    expect: String,
    actual: String,
    as_of: Option<DateView>,
    incomplete: bool,
    note: Option<String>,
}

/// The context for a content page: `page`, `parent`, `current_path`.
pub fn page(
    site: &Site,
    plan: &Plan,
    index: usize,
    body: &markdown::Rendered,
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
        references: view::references(&cited, &site.data.bibliography),
        corrections: page
            .meta
            .corrections
            .iter()
            .map(CorrectionView::from)
            .collect(),
        words: body.words,
        reading_minutes: view::reading_minutes(body.words),
        pages: list(plan.pages_of(index, &site.pages)),
        subsections: list(plan.sections_of(index, &site.pages)),
        draft: page.meta.draft,
        claim: page
            .meta
            .claim
            .as_ref()
            .map(|claim| claim_view(site, page, claim, checks.unwrap_or_default())),
    };
    let mut context = Context::new();
    context.insert("page", &view);
    context.insert(
        "parent",
        &plan.parent[index].map(|i| Summary::of(&site.pages[i])),
    );
    context.insert("current_path", &page.url);
    context.insert("link_mode", "relative");
    // Listings only the claims and charts sections show; computing them for every section
    // would cost a pass over all claims or all datasets per section.
    match crate::render::template_name(page) {
        "claims.html" => context.insert("claims_by_verdict", &claims_by_verdict(site, plan, index)),
        "charts.html" => context.insert("charts", &crate::chart_pages::views(site)),
        _ => {}
    }

    context
}

fn claim_view(site: &Site, page: &Page, claim: &ClaimMeta, checks: &[Checked]) -> ClaimView {
    ClaimView {
        text: claim.text.clone(),
        claimant: claim.claimant.clone(),
        claim_date: claim.claim_date.map(DateView::from),
        appearance: claim.appearance.clone(),
        verdict: VerdictView::of(claim.verdict),
        as_of: claim.as_of.into(),
        summary: claim.summary.clone(),
        checks: checks.iter().map(check_view).collect(),
        json_ld: json_ld::claim_review(&site.config, page, claim),
    }
}

fn check_view(check: &Checked) -> CheckView {
    let actual = facts::format(check.resolved.value, facts::Style::Plain)
        .unwrap_or_else(|_| check.resolved.value.to_string());
    CheckView {
        stat: check.path.clone(),
        label: check.resolved.label.clone(),
        expect: check.expect.pretty(),
        actual,
        as_of: check.resolved.as_of.map(DateView::from),
        incomplete: check.resolved.incomplete,
        note: check.note.clone(),
    }
}

/// A group of the claims index.
#[derive(Debug, Serialize)]
pub struct VerdictGroup {
    verdict: VerdictView,
    claims: Vec<ClaimSummary>,
}

/// A claim in the claims index.
#[derive(Debug, Serialize)]
pub struct ClaimSummary {
    #[serde(flatten)]
    summary: Summary,
    text: String,
    claimant: String,
}

/// The claims below a section, grouped by verdict in scale order (empty groups left out).
pub fn claims_by_verdict(site: &Site, plan: &Plan, section: usize) -> Vec<VerdictGroup> {
    let claims: Vec<(&Page, &ClaimMeta)> = plan
        .pages_of(section, &site.pages)
        .into_iter()
        .filter_map(|i| {
            site.pages[i]
                .meta
                .claim
                .as_ref()
                .map(|c| (&site.pages[i], c))
        })
        .collect();
    Verdict::ALL
        .iter()
        .map(|&verdict| VerdictGroup {
            verdict: VerdictView::of(verdict),
            claims: claims
                .iter()
                .filter(|(_, c)| c.verdict == verdict)
                .map(|(page, claim)| ClaimSummary {
                    summary: Summary::of(page),
                    text: claim.text.clone(),
                    claimant: claim.claimant.clone(),
                })
                .collect(),
        })
        .filter(|group| !group.claims.is_empty())
        .collect()
}

/// A correction with the page it belongs to, for the corrections page.
#[derive(Debug, Serialize)]
pub struct CorrectionEntry {
    date: DateView,
    text: String,
    page: Summary,
}

/// Every correction on the site, newest first.
pub fn corrections(
    site: &Site,
) -> Vec<(crate::date::Date, &Page, &crate::front_matter::Correction)> {
    let mut all: Vec<_> = site
        .pages
        .iter()
        .flat_map(|page| page.meta.corrections.iter().map(move |c| (c.date, page, c)))
        .collect();
    all.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.url.cmp(&b.1.url)));
    all
}

/// The context for the generated corrections page.
pub fn corrections_page(site: &Site) -> Context {
    let entries: Vec<CorrectionEntry> = corrections(site)
        .into_iter()
        .map(|(date, page, correction)| CorrectionEntry {
            date: date.into(),
            text: correction.text.clone(),
            page: Summary::of(page),
        })
        .collect();
    let mut context = Context::new();
    context.insert("corrections", &entries);
    context.insert(
        "page",
        &GeneratedPage::new(site, "Corrections", "/corrections/"),
    );
    context.insert("current_path", "/corrections/");
    context.insert("link_mode", "relative");
    context.insert("parent", &Option::<Summary>::None);
    context
}

/// What a generated page (corrections, charts) offers as `page`.
#[derive(Debug, Serialize)]
pub struct GeneratedPage {
    kind: &'static str,
    title: String,
    /// The meta description.
    pub description: Option<String>,
    path: String,
    permalink: String,
    /// The source list.
    pub references: Vec<ReferenceView>,
    corrections: Vec<CorrectionView>,
}

impl GeneratedPage {
    /// A generated page at a site path.
    pub fn new(site: &Site, title: &str, path: &str) -> Self {
        Self {
            kind: "generated",
            title: title.to_string(),
            description: None,
            path: path.to_string(),
            permalink: site.config.absolute(path),
            references: Vec::new(),
            corrections: Vec::new(),
        }
    }
}
