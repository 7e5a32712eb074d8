//! Unknown weeks in a run: the reason a count may be only a lower bound.

use crate::content::date::Date;
use crate::data::dataset::{Dataset, Entry, Pos, Week};

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
pub(super) fn unknown_before(dataset: &Dataset, entry: &Entry, date: Date) -> bool {
    let step = dataset.cadence.step();
    let known: Vec<&Week> = entry.weeks.iter().take_while(|w| w.date <= date).collect();
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
