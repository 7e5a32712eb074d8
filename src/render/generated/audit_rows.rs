//! The audit page's ledger: one line per checked chart row and per claim, with what the
//! check found (counted from the data and the verdicts) and what the audit log changed.

use serde::Serialize;

use crate::data::audit::{Audit, Kind, Target};
use crate::data::dataset::{Basis, Dataset, Pos, Week};
use crate::render::views::summary::DateView;
use crate::site::Site;

use super::chart_pages;

/// One chart row as the ledger shows it.
#[derive(Debug, Serialize)]
pub(super) struct RowCheck {
    chart: String,
    entry: String,
    date: DateView,
    /// The row on its chart page.
    path: String,
    pos: String,
    basis: &'static str,
    /// `confirmed`, `single` or `conflicted`, for styling.
    result: &'static str,
    result_text: String,
    /// What the audit did to the row, or "checked, unchanged".
    audit: String,
}

/// One claim as the ledger shows it.
#[derive(Debug, Serialize)]
pub(super) struct ClaimCheck {
    title: String,
    path: String,
    verdict: &'static str,
    as_of: DateView,
    audit: String,
}

/// Every row of every chart, in chart, entry and date order.
pub(super) fn rows(site: &Site, log: &Audit) -> Vec<RowCheck> {
    site.data
        .datasets
        .iter()
        .flat_map(|dataset| {
            dataset.entries.iter().flat_map(move |entry| {
                entry.weeks.iter().map(move |week| RowCheck {
                    chart: dataset.title.clone(),
                    entry: entry.title.clone(),
                    date: week.date.into(),
                    path: format!("{}#chart-1-{}", chart_pages::path(dataset), week.date.iso()),
                    pos: position(week.pos),
                    basis: match week.basis {
                        Basis::Stated => "stated",
                        Basis::Derived => "derived",
                    },
                    result: result(week),
                    result_text: result_text(week),
                    audit: changes(log, |target| row_is(target, dataset, &entry.id, week)),
                })
            })
        })
        .collect()
}

/// Every claim page, in site order.
pub(super) fn claims(site: &Site, log: &Audit) -> Vec<ClaimCheck> {
    site.pages
        .iter()
        .filter_map(|page| {
            let claim = page.meta.claim.as_ref()?;
            Some(ClaimCheck {
                title: page.meta.title.clone(),
                path: page.url.clone(),
                verdict: claim.verdict.label(),
                as_of: claim.as_of.into(),
                audit: changes(log, |target| {
                    matches!(target, Target::Page { relative } if *relative == page.relative)
                }),
            })
        })
        .collect()
}

fn row_is(target: &Target, dataset: &Dataset, entry: &str, week: &Week) -> bool {
    matches!(target, Target::Row { chart, entry: e, date }
        if *chart == dataset.id && e == entry && *date == week.date)
}

fn position(pos: Pos) -> String {
    match pos {
        Pos::At(rank) => format!("No. {rank}"),
        Pos::Off => "off the chart".to_string(),
    }
}

fn result(week: &Week) -> &'static str {
    if !week.conflicts.is_empty() {
        "conflicted"
    } else if week.confirmed {
        "confirmed"
    } else {
        "single"
    }
}

fn result_text(week: &Week) -> String {
    if week.conflicts.is_empty() {
        return if week.confirmed {
            "Confirmed by a second source".to_string()
        } else {
            "One source only".to_string()
        };
    }
    let mut others: Vec<String> = Vec::new();
    for conflict in &week.conflicts {
        let pos = position(conflict.pos);
        if !others.contains(&pos) {
            others.push(pos);
        }
    }
    format!("Sources disagree (also reported: {})", others.join(", "))
}

/// The kinds of the log's changes to a target, in the guide's order, or "checked, unchanged".
fn changes(log: &Audit, is_target: impl Fn(&Target) -> bool) -> String {
    let kinds: Vec<&str> = Kind::ALL
        .into_iter()
        .filter(|kind| {
            log.changes
                .iter()
                .any(|c| c.kind == *kind && is_target(&c.target))
        })
        .map(Kind::name)
        .collect();
    if kinds.is_empty() {
        "checked, unchanged".to_string()
    } else {
        kinds.join(", ")
    }
}
