//! Stats computed from the data and nothing else, addressed by paths such as
//! `hot-100/golden/weeks_at_no1`, `hot-100/entries_on_chart@2025-08-02` or `figures/<id>`.

use std::fmt;

use serde::Serialize;

use crate::dataset::{Dataset, Entry, Pos};
use crate::date::Date;
use crate::figures::Figures;

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

/// Chart-level stats.
pub const CHART_STATS: [&str; 4] = [
    "as_of",
    "first_date",
    "entries_on_chart@DATE",
    "entries_in_top_N@DATE",
];

/// Where stats come from.
#[derive(Debug, Clone, Copy)]
pub struct Stats<'a> {
    /// The chart datasets, sorted by id.
    pub datasets: &'a [Dataset],
    /// The sourced figures.
    pub figures: &'a Figures,
}

impl Stats<'_> {
    /// Resolves a stat path; the error explains what is unknown and what exists.
    pub fn resolve(&self, path: &str) -> Result<Resolved, String> {
        let parts: Vec<&str> = path.split('/').collect();
        match parts.as_slice() {
            ["figures", id] => self.figure(id),
            [chart, stat] => {
                let dataset = self.dataset(chart)?;
                chart_stat(dataset, stat)
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
                entry_stat(dataset, entry, stat)
            }
            _ => Err(format!(
                "`{path}` is not a stat path: write chart/entry/stat, chart/stat or figures/id"
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

fn split_week(stat: &str) -> Result<(&str, Option<Date>), String> {
    match stat.split_once('@') {
        Some((name, date)) => {
            let date = Date::parse(date)
                .ok_or_else(|| format!("`{date}` in `{stat}` is not a date like 2025-07-05"))?;
            Ok((name, Some(date)))
        }
        None => Ok((stat, None)),
    }
}

fn chart_stat(dataset: &Dataset, stat: &str) -> Result<Resolved, String> {
    let (name, week) = split_week(stat)?;
    let as_of = dataset.as_of();
    let resolved = |value, label: String| Resolved {
        value,
        as_of,
        incomplete: false,
        label,
    };
    match (name, week) {
        ("as_of", None) => as_of
            .map(|d| {
                resolved(
                    Value::Date(d),
                    format!("{}: latest chart date in the data", dataset.title),
                )
            })
            .ok_or_else(|| format!("chart `{}` has no weeks", dataset.id)),
        ("first_date", None) => dataset
            .first_date()
            .map(|d| {
                resolved(
                    Value::Date(d),
                    format!("{}: earliest chart date in the data", dataset.title),
                )
            })
            .ok_or_else(|| format!("chart `{}` has no weeks", dataset.id)),
        ("entries_on_chart", Some(date)) => {
            let count = count_entries(dataset, date, u32::MAX);
            Ok(lower(
                resolved(
                    count,
                    format!(
                        "{}: tracked entries on the chart dated {date}",
                        dataset.title
                    ),
                ),
                dataset,
                date,
            ))
        }
        (name, Some(date)) if name.starts_with("entries_in_top_") => {
            let n: u32 = name["entries_in_top_".len()..]
                .parse()
                .map_err(|_| format!("`{name}` needs a number, like entries_in_top_10"))?;
            let count = count_entries(dataset, date, n);
            Ok(lower(
                resolved(
                    count,
                    format!(
                        "{}: tracked entries in the top {n} on the chart dated {date}",
                        dataset.title
                    ),
                ),
                dataset,
                date,
            ))
        }
        (name, None) if name.starts_with("entries_") => {
            Err(format!("`{name}` needs a week: write `{name}@2025-08-02`"))
        }
        _ => Err(format!(
            "unknown chart stat `{stat}` (chart stats: {})",
            CHART_STATS.join(", ")
        )),
    }
}

/// Counting entries in a week is a lower bound when any tracked entry's week is unknown.
fn lower(mut resolved: Resolved, dataset: &Dataset, date: Date) -> Resolved {
    resolved.incomplete = dataset
        .entries
        .iter()
        .any(|e| e.week(date).is_none() && e.weeks.first().is_some_and(|w| w.date < date));
    resolved.as_of = Some(date);
    resolved
}

fn count_entries(dataset: &Dataset, date: Date, top: u32) -> Value {
    let count = dataset
        .entries
        .iter()
        .filter(|e| {
            e.week(date)
                .and_then(|w| w.pos.rank())
                .is_some_and(|rank| rank <= top)
        })
        .count();
    Value::Int(i64::try_from(count).unwrap_or(i64::MAX))
}

fn entry_stat(dataset: &Dataset, entry: &Entry, stat: &str) -> Result<Resolved, String> {
    let (name, week) = split_week(stat)?;
    let label = |what: &str| {
        format!(
            "{} ({}) on the {}: {what}",
            entry.title, entry.artist, dataset.title
        )
    };
    let as_of = entry.weeks.last().map(|w| w.date);
    let gaps = incomplete(dataset, entry);
    let count = |n: usize, what: &str| Resolved {
        value: Value::Int(i64::try_from(n).unwrap_or(i64::MAX)),
        as_of,
        incomplete: gaps,
        label: label(what),
    };
    let exact = |value: Value, what: &str| Resolved {
        value,
        as_of,
        incomplete: false,
        label: label(what),
    };
    let peak = entry.charted().map(|(_, rank)| rank).min();
    let no_chart = || format!("`{}` has no week on the chart in the data", entry.id);
    match (name, week) {
        ("pos", Some(date)) => {
            let found = entry.week(date).ok_or_else(|| {
                format!(
                    "no data for `{}` on the chart dated {date}: that week is unknown",
                    entry.id
                )
            })?;
            Ok(Resolved {
                value: pos_value(found.pos),
                as_of: Some(date),
                incomplete: false,
                label: label(&format!("position on the chart dated {date}")),
            })
        }
        ("debut_date" | "debut_pos", None) if !entry.starts_at_debut => Err(format!(
            "the data for `{}` is not known to start at its debut (set `starts_at_debut = true` in {} if its first week is the debut)",
            entry.id, dataset.file
        )),
        ("debut_date", None) => entry
            .charted()
            .next()
            .map(|(w, _)| exact(Value::Date(w.date), "debut week"))
            .ok_or_else(no_chart),
        ("debut_pos", None) => entry
            .charted()
            .next()
            .map(|(_, r)| exact(Value::Int(r.into()), "debut position"))
            .ok_or_else(no_chart),
        // No. 1 cannot be bettered, so a peak of 1 stands whatever the unknown weeks held.
        ("peak", None) => peak
            .map(|p| Resolved {
                incomplete: gaps && p > 1,
                ..exact(Value::Int(p.into()), "peak position")
            })
            .ok_or_else(no_chart),
        ("peak_date", None) => {
            let peak = peak.ok_or_else(no_chart)?;
            let week = entry
                .charted()
                .find(|(_, r)| *r == peak)
                .map(|(w, _)| w.date)
                .ok_or_else(no_chart)?;
            Ok(Resolved {
                incomplete: unknown_before(dataset, entry, week) || (gaps && peak > 1),
                ..exact(Value::Date(week), "first week at its peak")
            })
        }

        ("weeks_at_peak", None) => {
            let peak = peak.ok_or_else(no_chart)?;
            Ok(count(
                entry.charted().filter(|(_, r)| *r == peak).count(),
                "weeks at its peak",
            ))
        }
        ("weeks_at_no1", None) => Ok(count(
            entry.charted().filter(|(_, r)| *r == 1).count(),
            "weeks at No. 1",
        )),
        ("first_no1_date", None) => entry
            .charted()
            .find(|(_, r)| *r == 1)
            .map(|(w, _)| Resolved {
                incomplete: unknown_before(dataset, entry, w.date),
                ..exact(Value::Date(w.date), "first week at No. 1")
            })
            .ok_or_else(|| format!("`{}` is never at No. 1 in the data", entry.id)),
        ("top10_weeks", None) => Ok(count(
            entry.charted().filter(|(_, r)| *r <= 10).count(),
            "weeks in the top 10",
        )),
        ("weeks_on_chart", None) => Ok(count(entry.charted().count(), "known weeks on the chart")),
        ("first_date", None) => entry
            .weeks
            .first()
            .map(|w| exact(Value::Date(w.date), "first week in the data"))
            .ok_or_else(no_chart),
        ("latest_date", None) => entry
            .weeks
            .last()
            .map(|w| exact(Value::Date(w.date), "latest week in the data"))
            .ok_or_else(no_chart),
        ("latest_pos", None) => entry
            .weeks
            .last()
            .map(|w| exact(pos_value(w.pos), "latest known position"))
            .ok_or_else(no_chart),
        ("pos", None) => Err("`pos` needs a week: write `pos@2025-09-27`".to_string()),
        _ => Err(format!(
            "unknown stat `{stat}` (entry stats: {})",
            ENTRY_STATS.join(", ")
        )),
    }
}

fn pos_value(pos: Pos) -> Value {
    match pos {
        Pos::At(rank) => Value::Int(rank.into()),
        Pos::Off => Value::Off,
    }
}

/// Weeks of an entry's run that are unknown: between known weeks, and after the last known
/// week up to the chart's latest date unless that week is known to be off the chart.
pub fn unknown_weeks(dataset: &Dataset, entry: &Entry) -> usize {
    let step = dataset.cadence.step();
    let inside: i64 = entry
        .weeks
        .windows(2)
        .map(|pair| (pair[1].date.days() - pair[0].date.days()) / step - 1)
        .sum();
    let after = match (entry.weeks.last(), dataset.as_of()) {
        (Some(last), Some(as_of)) if last.pos != Pos::Off => {
            (as_of.days() - last.date.days()) / step
        }
        _ => 0,
    };
    usize::try_from(inside + after).unwrap_or(0)
}

/// Whether any week of the entry's run before `date` is unknown.
fn unknown_before(dataset: &Dataset, entry: &Entry, date: Date) -> bool {
    let step = dataset.cadence.step();
    let known: Vec<&crate::dataset::Week> =
        entry.weeks.iter().take_while(|w| w.date <= date).collect();
    !entry.starts_at_debut
        || known
            .windows(2)
            .any(|pair| pair[1].date.days() - pair[0].date.days() > step)
}

/// Whether stats of an entry rest on a run with unknown weeks, or one not known to start
/// at its debut.
pub fn incomplete(dataset: &Dataset, entry: &Entry) -> bool {
    !entry.starts_at_debut || unknown_weeks(dataset, entry) > 0
}

#[cfg(test)]
mod tests;

/// A week where sources disagree and the disagreement changes a stat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sensitivity {
    /// The entry.
    pub entry: String,
    /// The chart date.
    pub date: Date,
    /// The source the data follows.
    pub source: String,
    /// The source that disagrees.
    pub other_source: String,
    /// What the stat would be if the other source were right (`None`: it would not resolve).
    pub other_value: Option<Value>,
}

impl Stats<'_> {
    /// The conflicting weeks that would change the stat at `path` if the other source were right.
    pub fn conflicts(&self, path: &str) -> Vec<Sensitivity> {
        let Ok(original) = self.resolve(path) else {
            return Vec::new();
        };
        let parts: Vec<&str> = path.split('/').collect();
        let (chart, only_entry) = match parts.as_slice() {
            [chart, _] => (*chart, None),
            [chart, entry, _] if *chart != "figures" => (*chart, Some(*entry)),
            _ => return Vec::new(),
        };
        let Some(index) = self.datasets.iter().position(|d| d.id == chart) else {
            return Vec::new();
        };
        let dataset = &self.datasets[index];
        let mut found = Vec::new();
        for (e, entry) in dataset.entries.iter().enumerate() {
            if only_entry.is_some_and(|id| id != entry.id) {
                continue;
            }
            for (w, week) in entry.weeks.iter().enumerate() {
                for conflict in &week.conflicts {
                    let mut datasets = self.datasets.to_vec();
                    datasets[index].entries[e].weeks[w].pos = conflict.pos;
                    let other = Stats {
                        datasets: &datasets,
                        figures: self.figures,
                    }
                    .resolve(path)
                    .ok()
                    .map(|r| r.value);
                    if other != Some(original.value) {
                        found.push(Sensitivity {
                            entry: entry.id.clone(),
                            date: week.date,
                            source: week.source.clone(),
                            other_source: conflict.source.clone(),
                            other_value: other,
                        });
                    }
                }
            }
        }
        found
    }
}
