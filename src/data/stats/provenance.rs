//! How well the data is sourced, per chart and over every chart: rows by basis, rows a
//! second outlet confirms, rows with disagreeing sources, unknown weeks inside runs and the
//! sources used. The audit page shows these counts; prose binds them as
//! `hot-100/confirmed_rows` or, over all charts, `data/confirmed_rows`.

use std::collections::HashSet;

use serde::Serialize;

use crate::data::dataset::{Basis, Dataset};

use super::{Resolved, Value};

/// The stat names of [`Counts`], each with what it counts (for labels and the guide).
pub const COUNT_STATS: [(&str, &str); 9] = [
    ("entries", "entries tracked"),
    (
        "rows",
        "rows in the data (weeks with a position or known off the chart)",
    ),
    (
        "stated_rows",
        "rows whose source states both chart date and position",
    ),
    ("derived_rows", "rows whose date or position was worked out"),
    (
        "confirmed_rows",
        "rows confirmed by a second, independent source (another outlet's report, not a reprint)",
    ),
    (
        "single_source_rows",
        "rows resting on one source, or on reprints of one report",
    ),
    ("conflicted_rows", "rows where sources disagree"),
    (
        "unknown_weeks",
        "unknown weeks inside the runs (days, for a daily chart)",
    ),
    ("sources", "distinct sources named by rows"),
];

/// The counts of one chart, or of every chart together.
///
/// `confirmed_rows`, `single_source_rows` and `conflicted_rows` split the rows: a row with a
/// disagreeing source counts as conflicted whatever agrees with it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Entries tracked.
    pub entries: usize,
    /// Rows: known weeks, on the chart or off it.
    pub rows: usize,
    /// Rows whose source states the chart date and the position.
    pub stated_rows: usize,
    /// Rows worked out from their source.
    pub derived_rows: usize,
    /// Rows without a conflict that another outlet's report confirms.
    pub confirmed_rows: usize,
    /// Rows without a conflict resting on one report (reprints included).
    pub single_source_rows: usize,
    /// Rows where a source disagrees.
    pub conflicted_rows: usize,
    /// Chart dates with no row between an entry's first and last row, summed over entries.
    pub unknown_weeks: usize,
    /// Distinct source ids named by rows (`source`, `also`, `conflict`).
    pub sources: usize,
}

impl Counts {
    /// The counts of one chart.
    pub fn of(dataset: &Dataset) -> Self {
        let mut counts = Self::rows_of(dataset);
        counts.sources = dataset.source_ids().collect::<HashSet<_>>().len();
        counts
    }

    /// The counts over every chart: sums, except that a source named by several charts is
    /// counted once.
    pub fn total(datasets: &[Dataset]) -> Self {
        let mut total = datasets
            .iter()
            .map(Self::rows_of)
            .fold(Self::default(), Self::plus);
        total.sources = datasets
            .iter()
            .flat_map(Dataset::source_ids)
            .collect::<HashSet<_>>()
            .len();
        total
    }

    /// The count with this stat name.
    pub fn get(&self, name: &str) -> Option<usize> {
        Some(match name {
            "entries" => self.entries,
            "rows" => self.rows,
            "stated_rows" => self.stated_rows,
            "derived_rows" => self.derived_rows,
            "confirmed_rows" => self.confirmed_rows,
            "single_source_rows" => self.single_source_rows,
            "conflicted_rows" => self.conflicted_rows,
            "unknown_weeks" => self.unknown_weeks,
            "sources" => self.sources,
            _ => return None,
        })
    }

    /// Everything but `sources`, which does not add up across charts.
    fn rows_of(dataset: &Dataset) -> Self {
        let step = dataset.cadence.step();
        let mut counts = Self {
            entries: dataset.entries.len(),
            ..Self::default()
        };
        for entry in &dataset.entries {
            for week in &entry.weeks {
                counts.rows += 1;
                match week.basis {
                    Basis::Stated => counts.stated_rows += 1,
                    Basis::Derived => counts.derived_rows += 1,
                }
                if !week.conflicts.is_empty() {
                    counts.conflicted_rows += 1;
                } else if week.confirmed {
                    counts.confirmed_rows += 1;
                } else {
                    counts.single_source_rows += 1;
                }
            }
            let gaps: i64 = entry
                .weeks
                .windows(2)
                .map(|pair| (pair[1].date.days() - pair[0].date.days()) / step - 1)
                .sum();
            counts.unknown_weeks += usize::try_from(gaps).unwrap_or(0);
        }
        counts
    }

    fn plus(self, other: Self) -> Self {
        Self {
            entries: self.entries + other.entries,
            rows: self.rows + other.rows,
            stated_rows: self.stated_rows + other.stated_rows,
            derived_rows: self.derived_rows + other.derived_rows,
            confirmed_rows: self.confirmed_rows + other.confirmed_rows,
            single_source_rows: self.single_source_rows + other.single_source_rows,
            conflicted_rows: self.conflicted_rows + other.conflicted_rows,
            unknown_weeks: self.unknown_weeks + other.unknown_weeks,
            sources: self.sources + other.sources,
        }
    }
}

/// A count over every chart (`data/<stat>`), as of the latest chart date in the data.
pub(super) fn total(datasets: &[Dataset], stat: &str) -> Result<Resolved, String> {
    let names = || COUNT_STATS.map(|(name, _)| name).join(", ");
    if stat.contains('@') {
        return Err(format!(
            "`{stat}`: the counts over every chart do not take a week (data stats: {})",
            names()
        ));
    }
    let what = describe(stat).ok_or_else(|| {
        format!(
            "unknown stat `{stat}` over every chart (data stats: {})",
            names()
        )
    })?;
    let count = Counts::total(datasets).get(stat).unwrap_or_default();
    Ok(Resolved {
        value: value(count),
        as_of: datasets.iter().filter_map(Dataset::as_of).max(),
        incomplete: false,
        label: format!("Every chart: {what}"),
    })
}

/// A count as a stat value.
pub(super) fn value(count: usize) -> Value {
    Value::Int(i64::try_from(count).unwrap_or(i64::MAX))
}

/// What a count stat counts, for its label.
pub fn describe(name: &str) -> Option<&'static str> {
    COUNT_STATS
        .iter()
        .find(|(stat, _)| *stat == name)
        .map(|(_, what)| *what)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::dataset::{self, tests::HOT_100};
    use crate::data::sources::Bibliography;

    /// The shared fixture's sources, with real outlets: `yonhap` reprints Billboard's report,
    /// `hypebeast` is its own.
    fn bibliography() -> Bibliography {
        let mut text = String::new();
        for (id, publisher, original) in [
            ("yonhap", "Yonhap", Some("Billboard")),
            ("billboard", "Billboard", None),
            ("hypebeast", "Hypebeast", None),
        ] {
            let original =
                original.map_or(String::new(), |o| format!("original_publisher = \"{o}\"\n"));
            text.push_str(&format!(
                "[[source]]\nid = \"{id}\"\ntitle = \"T\"\npublisher = \"{publisher}\"\n{original}url = \"https://e.org/{id}\"\npublished = 2025-07-01\naccessed = 2026-11-21\n\n"
            ));
        }
        Bibliography::parse("content/sources.toml", text).unwrap()
    }

    fn chart(text: &str) -> Dataset {
        dataset::parse(
            "hot-100",
            "content/charts/hot-100.toml",
            text.to_string(),
            &bibliography(),
        )
        .unwrap()
    }

    // A reprint of the row's own report does not confirm it; another outlet's report does;
    // confirmed, single-source and conflicted rows add up to the rows.
    #[test]
    fn counts_rows_by_basis_and_by_how_many_outlets_report_them() {
        let counts = Counts::of(&chart(HOT_100));
        assert_eq!(
            counts,
            Counts {
                entries: 2,
                rows: 7,
                stated_rows: 6,
                derived_rows: 1,
                confirmed_rows: 0,
                single_source_rows: 6,
                conflicted_rows: 1,
                unknown_weeks: 1,
                sources: 3,
            }
        );
        let confirmed = chart(&HOT_100.replace(
            "{ date = 2025-07-12, pos = 23, source = \"yonhap\" }",
            "{ date = 2025-07-12, pos = 23, source = \"yonhap\", also = [\"hypebeast\"] }",
        ));
        let counts = Counts::of(&confirmed);
        assert_eq!((counts.confirmed_rows, counts.single_source_rows), (1, 5));
        assert_eq!(
            counts.confirmed_rows + counts.single_source_rows + counts.conflicted_rows,
            counts.rows
        );
    }

    // Over every chart the row counts add up, and a source two charts name counts once.
    #[test]
    fn totals_add_rows_and_count_each_source_once() {
        let one = chart(HOT_100);
        let total = Counts::total(&[one.clone(), one.clone()]);
        assert_eq!((total.rows, total.entries, total.sources), (14, 4, 3));
        let resolved = super::total(std::slice::from_ref(&one), "confirmed_rows").unwrap();
        assert_eq!(resolved.value, Value::Int(0));
        assert_eq!(resolved.as_of, one.as_of());
        assert_eq!(
            super::total(std::slice::from_ref(&one), "rows@2025-07-05").unwrap_err(),
            "`rows@2025-07-05`: the counts over every chart do not take a week (data stats: entries, rows, stated_rows, derived_rows, confirmed_rows, single_source_rows, conflicted_rows, unknown_weeks, sources)"
        );
        assert!(
            super::total(&[one], "row")
                .unwrap_err()
                .starts_with("unknown stat `row` over every chart")
        );
    }
}
