//! Stats of one entry: debut, peak, weeks at No. 1 and in the top 10, latest position, and
//! its position in a given week.

use crate::data::dataset::{Dataset, Entry, Pos};

use super::runs::{incomplete, unknown_before};
use super::week::chart_date;
use super::{ENTRY_STATS, Resolved, Value, split_week};

pub(super) fn stat(dataset: &Dataset, entry: &Entry, stat: &str) -> Result<Resolved, String> {
    let (name, week) = split_week(stat)?;
    let label = |what: &str| {
        format!(
            "{} on the {}: {what}",
            crate::typography::with_artist(&entry.title, &entry.artist),
            dataset.title
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
            chart_date(dataset, date)?;
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
                label: label(&format!("position on the chart dated {}", date.long())),
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
        (name, Some(_)) if ENTRY_STATS.contains(&name) => Err(format!(
            "`{name}` does not take a week; the weekly entry stat is pos@DATE"
        )),
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
