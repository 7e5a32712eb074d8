//! Stats of a whole chart: its dates, and how many tracked entries were on it in a week.

use crate::content::date::Date;
use crate::data::dataset::Dataset;

use super::provenance::{self, Counts};
use super::week::{chart_date, known_week};
use super::{CHART_STATS, COUNT_STATS, Resolved, Value, split_week};

pub(super) fn stat(dataset: &Dataset, stat: &str) -> Result<Resolved, String> {
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
            chart_date(dataset, date)?;
            known_week(dataset, date)?;
            let count = count_entries(dataset, date, u32::MAX);
            Ok(lower(
                resolved(
                    count,
                    format!(
                        "{}: tracked entries on the chart dated {}",
                        dataset.title,
                        date.long()
                    ),
                ),
                dataset,
                date,
            ))
        }
        (name, Some(date)) if name.starts_with("entries_in_top_") => {
            let n = top_n(dataset, &name["entries_in_top_".len()..])
                .ok_or_else(|| format!("`{name}` needs a number from 1 to {} (the chart's size), like entries_in_top_10", dataset.positions))?;
            chart_date(dataset, date)?;
            known_week(dataset, date)?;
            let count = count_entries(dataset, date, n);
            Ok(lower(
                resolved(
                    count,
                    format!(
                        "{}: tracked entries in the top {n} on the chart dated {}",
                        dataset.title,
                        date.long()
                    ),
                ),
                dataset,
                date,
            ))
        }
        (name, None) if provenance::describe(name).is_some() => {
            let count = Counts::of(dataset).get(name).unwrap_or_default();
            Ok(resolved(
                provenance::value(count),
                format!(
                    "{}: {}",
                    dataset.title,
                    provenance::describe(name).unwrap_or(name)
                ),
            ))
        }
        (name, Some(_)) if provenance::describe(name).is_some() => Err(format!(
            "`{name}` counts the whole data and does not take a week"
        )),
        (name, None) if name.starts_with("entries_") => {
            Err(format!("`{name}` needs a week: write `{name}@2025-08-02`"))
        }
        ("as_of" | "first_date", Some(_)) => Err(format!(
            "`{name}` does not take a week; the weekly chart stats are entries_on_chart@DATE and entries_in_top_N@DATE"
        )),
        _ => Err(format!(
            "unknown chart stat `{stat}` (chart stats: {}, {})",
            CHART_STATS.join(", "),
            COUNT_STATS.map(|(name, _)| name).join(", ")
        )),
    }
}

/// The N of `entries_in_top_N`: digits without a leading zero, from 1 to the chart's size.
fn top_n(dataset: &Dataset, digits: &str) -> Option<u32> {
    let canonical = !digits.is_empty()
        && !digits.starts_with('0')
        && digits.bytes().all(|b| b.is_ascii_digit());
    let n: u32 = digits.parse().ok().filter(|_| canonical)?;
    (1..=dataset.positions).contains(&n).then_some(n)
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
