//! The audit page (`/audit/`), published from `content/audit.toml` and the data: how well
//! each chart is sourced, counted now, and every change the audit made, each linked to what
//! it changed and to its sources.

use serde::Serialize;
use tera::Context;

use crate::data::audit::{Audit, Change, Target};
use crate::data::stats::{COUNT_STATS, Counts, Value};
use crate::diagnostic::Diagnostic;
use crate::render::templates::LinkMode;
use crate::render::views::{self, generated::GeneratedPage, references, summary::DateView};
use crate::site::Site;
use crate::verify::number::{self, Style};

use super::audit_rows::{self, ClaimCheck, RowCheck};
use super::chart_pages;

/// The site path of the audit page.
pub const PATH: &str = "/audit/";

/// The column headings of the counts table, by stat name, in `COUNT_STATS` order.
const HEADINGS: [(&str, &str); 9] = [
    ("entries", "Entries"),
    ("rows", "Weeks with a row"),
    ("stated_rows", "Stated"),
    ("derived_rows", "Derived"),
    ("confirmed_rows", "Confirmed by a second source"),
    ("single_source_rows", "One source only"),
    ("conflicted_rows", "Sources disagree"),
    ("unknown_weeks", "Unknown weeks inside runs"),
    ("sources", "Sources"),
];

/// A column of the counts table.
#[derive(Debug, Serialize)]
struct Column {
    /// The stat name (`confirmed_rows`): `data/<name>` and `<chart>/<name>` in prose.
    stat: &'static str,
    heading: &'static str,
    /// What it counts, in a sentence.
    description: &'static str,
}

/// One chart's counts, in column order.
#[derive(Debug, Serialize)]
struct ChartCounts {
    id: String,
    title: String,
    path: String,
    counts: Vec<String>,
}

/// A change as the table shows it.
#[derive(Debug, Serialize)]
struct ChangeView {
    date: DateView,
    kind: &'static str,
    target: TargetView,
    what: String,
    why: String,
    /// `{id, number}`: each links to the page's source list.
    sources: Vec<SourceLink>,
}

#[derive(Debug, Serialize)]
struct TargetView {
    text: String,
    /// The site path (with its anchor) of what changed, when it is published.
    path: Option<String>,
}

#[derive(Debug, Serialize)]
struct SourceLink {
    id: String,
    number: usize,
}

/// Kinds of change and how many the log has of each.
#[derive(Debug, Serialize)]
struct KindCount {
    kind: &'static str,
    count: usize,
}

/// The whole page as templates see it, as `audit`.
#[derive(Debug, Serialize)]
struct AuditView {
    date: DateView,
    method: String,
    columns: Vec<Column>,
    charts: Vec<ChartCounts>,
    total: Vec<String>,
    /// For each column, the count before the audit, or "" when the log does not give it.
    before: Vec<String>,
    has_before: bool,
    kinds: Vec<KindCount>,
    changes: Vec<ChangeView>,
    /// Every chart row, with what the check found and what the audit changed.
    rows: Vec<RowCheck>,
    /// Every claim, with its verdict and what the audit changed.
    claims: Vec<ClaimCheck>,
}

/// The context for the audit page. A target the data does not hold, or a page target that
/// names no page, is a located error in the log.
pub fn page_context(site: &Site, audit: &Audit) -> Result<Context, Vec<Diagnostic>> {
    let ids: Vec<String> = audit.source_ids().into_iter().map(str::to_string).collect();
    let number = |id: &str| ids.iter().position(|i| i == id).map_or(0, |i| i + 1);
    let mut errors = audit.check_targets(&site.data.datasets, &site.data.figures);
    if !errors.is_empty() {
        return Err(errors);
    }
    let changes: Vec<ChangeView> = audit
        .changes
        .iter()
        .filter_map(|change| match target(site, change) {
            Ok(target) => Some(ChangeView {
                date: change.date.into(),
                kind: change.kind.name(),
                target,
                what: change.what.clone(),
                why: change.why.clone(),
                sources: change
                    .sources
                    .iter()
                    .map(|id| SourceLink {
                        id: id.clone(),
                        number: number(id),
                    })
                    .collect(),
            }),
            Err(message) => {
                errors.push(
                    Diagnostic::at(
                        &audit.file,
                        &audit.text,
                        change.target_span.clone(),
                        message,
                    )
                    .with_help("name the page by its path under content/, like for/industry.md"),
                );
                None
            }
        })
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let row = |counts: &Counts| -> Vec<String> {
        COUNT_STATS
            .iter()
            .map(|(name, _)| written(counts.get(name).unwrap_or_default()))
            .collect()
    };
    let view = AuditView {
        date: audit.date.into(),
        method: audit.method.clone(),
        columns: COUNT_STATS
            .iter()
            .zip(HEADINGS)
            .map(|((stat, description), (_, heading))| Column {
                stat,
                heading,
                description,
            })
            .collect(),
        charts: site
            .data
            .datasets
            .iter()
            .map(|dataset| ChartCounts {
                id: dataset.id.clone(),
                title: dataset.title.clone(),
                path: chart_pages::path(dataset),
                counts: row(&Counts::of(dataset)),
            })
            .collect(),
        total: row(&Counts::total(&site.data.datasets)),
        before: COUNT_STATS
            .iter()
            .map(|(name, _)| audit.before.get(name).map(written).unwrap_or_default())
            .collect(),
        has_before: !audit.before.0.is_empty(),
        kinds: crate::data::audit::Kind::ALL
            .into_iter()
            .map(|kind| KindCount {
                kind: kind.name(),
                count: audit.count(kind),
            })
            .filter(|k| k.count > 0)
            .collect(),
        changes,
        rows: audit_rows::rows(site, audit),
        claims: audit_rows::claims(site, audit),
    };
    let mut page = GeneratedPage::new(site, "Data audit", PATH);
    page.description = Some(format!(
        "How well every chart row is sourced, and every change made by the audit of {}.",
        audit.date.long()
    ));
    page.references = references::of(&ids, &site.data.bibliography);
    let mut context = views::base(&page, PATH, LinkMode::Relative, None);
    context.insert("audit", &view);
    Ok(context)
}

/// What a change touched, in words, and where it is published.
fn target(site: &Site, change: &Change) -> Result<TargetView, String> {
    let data = &site.data;
    let view = |text: String, path: Option<String>| TargetView { text, path };
    Ok(match &change.target {
        Target::Row { chart, entry, date } => {
            let (dataset, title) = names(site, chart, entry);
            view(
                format!("{dataset}: {title}, {}", date.long()),
                Some(format!("/charts/{chart}/#chart-1-{}", date.iso())),
            )
        }
        Target::Entry { chart, entry } => {
            let (dataset, title) = names(site, chart, entry);
            view(
                format!("{dataset}: {title}"),
                Some(format!("/charts/{chart}/#entry-{entry}")),
            )
        }
        Target::Chart { chart } => {
            view(names(site, chart, "").0, Some(format!("/charts/{chart}/")))
        }
        Target::Figure { id } => view(
            data.figures
                .get(id)
                .map_or_else(|| id.clone(), |f| f.label.clone()),
            charts_index(site).then(|| format!("/charts/#figure-{id}")),
        ),
        Target::Figures => view(
            "Sourced figures".to_string(),
            charts_index(site).then(|| "/charts/#figures-title".to_string()),
        ),
        Target::Page { relative } => {
            if let Some(page) = site.pages.iter().find(|p| &p.relative == relative) {
                view(page.meta.title.clone(), Some(page.url.clone()))
            } else if site.drafts.contains(relative) {
                view(relative.clone(), None)
            } else {
                return Err(format!("there is no page content/{relative}"));
            }
        }
    })
}

/// A chart's title and an entry's, by id (the log's targets were checked against the data).
fn names(site: &Site, chart: &str, entry: &str) -> (String, String) {
    let dataset = site.data.datasets.iter().find(|d| d.id == chart);
    (
        dataset.map_or_else(|| chart.to_string(), |d| d.title.clone()),
        dataset
            .and_then(|d| d.entry(entry))
            .map_or_else(|| entry.to_string(), |e| e.title.clone()),
    )
}

/// A count as the site prints numbers (`1,234`).
fn written(count: usize) -> String {
    let value = Value::Int(i64::try_from(count).unwrap_or(i64::MAX));
    number::format(value, Style::Plain).unwrap_or_else(|_| count.to_string())
}

/// Whether the charts section page, which holds the table of figures, is published.
fn charts_index(site: &Site) -> bool {
    site.pages.iter().any(|p| p.url == "/charts/")
}
