//! Stats computed from the data and nothing else, addressed by paths such as
//! `hot-100/golden/weeks_at_no1`, `hot-100/entries_on_chart@2025-08-02`, `figures/<id>`,
//! `data/rows` (over every chart) or `audit/before/rows` (from the audit log).

use std::fmt;

use serde::Serialize;

mod audit;
mod chart;
mod conflicts;
mod entry;
mod provenance;
mod runs;
mod week;

use crate::content::date::Date;
use crate::data::audit::Audit;
use crate::data::dataset::Dataset;
use crate::data::figures::Figures;

pub use audit::AUDIT_STATS;
pub use conflicts::Sensitivity;
pub use provenance::{COUNT_STATS, Counts};
pub use runs::{incomplete, unknown_weeks};

/// A stat's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// A count, a position or a figure.
    Int(i64),
    /// A chart date.
    Date(Date),
    /// Off the chart (`latest_pos` and `pos@date` can be).
    Off,
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Int(n) => write!(f, "{n}"),
            Self::Date(d) => write!(f, "{d}"),
            Self::Off => write!(f, "off"),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Int(n) => serializer.serialize_i64(*n),
            Self::Date(d) => serializer.serialize_str(&d.iso()),
            Self::Off => serializer.serialize_str("off"),
        }
    }
}

/// A resolved stat and what a reader should know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The value.
    pub value: Value,
    /// The latest data it rests on.
    pub as_of: Option<Date>,
    /// Computed from a run with unknown weeks (inside it, before a debut that is not
    /// known, or after its last known week): the true value may differ.
    pub incomplete: bool,
    /// A plain description, for tooltips and messages.
    pub label: String,
}

/// Entry-level stats, for error hints and the authoring guide.
pub const ENTRY_STATS: [&str; 13] = [
    "debut_date",
    "debut_pos",
    "peak",
    "peak_date",
    "weeks_at_peak",
    "weeks_at_no1",
    "first_no1_date",
    "top10_weeks",
    "weeks_on_chart",
    "first_date",
    "latest_date",
    "latest_pos",
    "pos@DATE",
];

/// Chart-level stats, besides the counts of [`COUNT_STATS`].
pub const CHART_STATS: [&str; 4] = [
    "as_of",
    "first_date",
    "entries_on_chart@DATE",
    "entries_in_top_N@DATE",
];

/// The reserved first part of the paths of stats over every chart (`data/rows`).
pub const ALL_CHARTS: &str = "data";

/// Where stats come from.
#[derive(Debug, Clone, Copy)]
pub struct Stats<'a> {
    /// The chart datasets, sorted by id.
    pub datasets: &'a [Dataset],
    /// The sourced figures.
    pub figures: &'a Figures,
    /// The audit log, if the site has one.
    pub audit: Option<&'a Audit>,
}

impl Stats<'_> {
    /// Resolves a stat path; the error explains what is unknown and what exists.
    pub fn resolve(&self, path: &str) -> Result<Resolved, String> {
        let parts: Vec<&str> = path.split('/').collect();
        match parts.as_slice() {
            ["figures", id] => self.figure(id),
            [ALL_CHARTS, stat] => provenance::total(self.datasets, stat),
            ["audit", rest @ ..] => audit::stat(self.audit, rest),
            [chart, stat] => {
                let dataset = self.dataset(chart)?;
                chart::stat(dataset, stat)
            }
            [chart, entry, stat] => {
                let dataset = self.dataset(chart)?;
                let entry = dataset.entry(entry).ok_or_else(|| {
                    let known: Vec<&str> = dataset.entries.iter().map(|e| e.id.as_str()).collect();
                    format!(
                        "unknown entry `{entry}` in chart `{chart}` (entries: {})",
                        known.join(", ")
                    )
                })?;
                entry::stat(dataset, entry, stat)
            }
            _ => Err(format!(
                "`{path}` is not a stat path: write chart/entry/stat, chart/stat, figures/id, data/stat or audit/stat"
            )),
        }
    }

    /// The dataset with this id.
    pub fn dataset(&self, id: &str) -> Result<&Dataset, String> {
        // Datasets are sorted by id (see `Data::load`), so this is a binary search.
        let found = self
            .datasets
            .binary_search_by(|d| d.id.as_str().cmp(id))
            .ok();
        found.map(|i| &self.datasets[i]).ok_or_else(|| {
            let known: Vec<&str> = self.datasets.iter().map(|d| d.id.as_str()).collect();
            format!("unknown chart `{id}` (charts: {})", known.join(", "))
        })
    }

    fn figure(&self, id: &str) -> Result<Resolved, String> {
        let figure = self
            .figures
            .get(id)
            .ok_or_else(|| format!("unknown figure `{id}` in content/figures.toml"))?;
        Ok(Resolved {
            value: Value::Int(figure.value),
            as_of: figure.as_of,
            incomplete: false,
            label: figure.label.clone(),
        })
    }
}

pub(crate) fn split_week(stat: &str) -> Result<(&str, Option<Date>), String> {
    match stat.split_once('@') {
        Some((name, date)) => {
            let date = Date::parse(date)
                .ok_or_else(|| format!("`{date}` in `{stat}` is not a date like 2025-07-05"))?;
            Ok((name, Some(date)))
        }
        None => Ok((stat, None)),
    }
}

#[cfg(test)]
mod tests;
