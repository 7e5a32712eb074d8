//! The week a stat is asked about (`@2025-08-02`): it must be a chart date of the dataset,
//! inside the run the data covers, so no stat reads a week nobody charted as a known zero.

use crate::content::date::Date;
use crate::data::dataset::{Cadence, Dataset};

/// Checks that `date` is one of the dataset's chart dates between its first and latest
/// week.
pub(super) fn chart_date(dataset: &Dataset, date: Date) -> Result<(), String> {
    let (Some(first), Some(last)) = (dataset.first_date(), dataset.as_of()) else {
        return Err(format!("chart `{}` has no weeks", dataset.id));
    };
    let step = dataset.cadence.step();
    let offset = (date.days() - first.days()).rem_euclid(step);
    if offset != 0 {
        let before = Date::from_days(date.days() - offset);
        let after = Date::from_days(before.days() + step);
        return Err(format!(
            "{date} is not a chart date of `{}`: its charts are dated {}s (the nearest are {before} and {after})",
            dataset.id,
            first.weekday()
        ));
    }
    if date < first || date > last {
        return Err(format!(
            "no data for `{}` on the chart dated {date}: that week is unknown (the data runs from {first} to {last})",
            dataset.id
        ));
    }
    Ok(())
}

/// Checks that at least one tracked entry has a row (a position or "off") for `date`, an
/// already valid chart date: a week without any row is unknown, not a week of zeros.
pub(super) fn known_week(dataset: &Dataset, date: Date) -> Result<(), String> {
    if dataset.entries.iter().any(|e| e.week(date).is_some()) {
        return Ok(());
    }
    let unit = match dataset.cadence {
        Cadence::Weekly => "week",
        Cadence::Daily => "day",
    };
    Err(format!(
        "no data for `{}` on the chart dated {date}: that {unit} is unknown",
        dataset.id
    ))
}
