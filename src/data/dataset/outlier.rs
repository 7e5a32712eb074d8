//! Dates far outside the rest of their run, refused as the typos they almost always are:
//! a chart draws and tables every date between its first and last, so one week dated
//! 0025 instead of 2025 would draw two thousand years of unknown weeks.
//!
//! The rule, for the dates of each entry and for the dates of the whole chart:
//!
//! - a run's first (or last) date is an outlier when the gap to the next date is longer
//!   than a year (366 days) *and* longer than all the run's other dates span. A run that
//!   is long and dense, or that pauses for most of a year (a Christmas song), passes; one
//!   date years away from a run of weeks does not. Of a run of two such dates, the one
//!   farther from the middle of the chart's dates is blamed.
//! - a chart may span at most [`MAX_CHART_DATES`] chart dates (a hundred years of weekly
//!   charts), whatever its shape: the bound on what one chart may cost to draw.

use std::ops::Range;

use crate::content::date::Date;
use crate::diagnostic::Diagnostic;
use crate::prose::digits::thousands;

use super::Cadence;

/// The longest gap, in days, between a run's first or last date and the rest of it that
/// is not taken for a typo when the rest spans less.
const GAP_DAYS: i64 = 366;
/// The most chart dates one chart may span: a hundred years of weekly charts, about 14
/// years of daily ones.
pub const MAX_CHART_DATES: i64 = 5_200;

/// An entry's id and its dates, each with the place of the date in the file.
pub(super) type Run = (String, Vec<(Date, Range<usize>)>);

/// One date of a run: when, and where it is written.
#[derive(Debug, Clone)]
struct Dated {
    date: Date,
    span: Range<usize>,
}

/// The located errors for outlying dates of a chart, at most one per date.
pub(super) fn check(file: &str, text: &str, runs: &[Run], cadence: Cadence) -> Vec<Diagnostic> {
    let sorted = |dates: &[(Date, Range<usize>)]| {
        let mut run: Vec<Dated> = dates
            .iter()
            .map(|(date, span)| Dated {
                date: *date,
                span: span.clone(),
            })
            .collect();
        run.sort_by_key(|d| (d.date, d.span.start));
        run.dedup_by_key(|d| d.date);
        run
    };
    let all: Vec<(Date, Range<usize>)> = runs.iter().flat_map(|(_, d)| d.iter().cloned()).collect();
    let chart = sorted(&all);
    let Some(middle) = chart.get(chart.len() / 2).map(|d| d.date) else {
        return Vec::new();
    };
    let mut errors: Vec<(usize, Diagnostic)> = Vec::new();
    let mut report = |run: &[Dated], whose: &str| {
        let Some((at, span, message, note)) = outlier(run, middle, cadence, whose) else {
            return;
        };
        if !errors.iter().any(|(seen, _)| *seen == at) {
            let error = Diagnostic::at(file, text, span, message).with_note(note).with_help(
                "check the year; if the date is right, a run that resumes after more than a year belongs in an entry of its own",
            );
            errors.push((at, error));
        }
    };
    for (id, dates) in runs {
        report(&sorted(dates), &format!("`{id}`"));
    }
    report(&chart, "this chart");
    if errors.is_empty()
        && let Some(error) = too_long(file, text, &chart, middle, cadence)
    {
        errors.push((0, error));
    }
    errors.sort_by_key(|(at, _)| *at);
    errors.into_iter().map(|(_, error)| error).collect()
}

/// The outlying date of one sorted run: where it is, its span, the message and a note.
fn outlier(
    run: &[Dated],
    middle: Date,
    cadence: Cadence,
    whose: &str,
) -> Option<(usize, Range<usize>, String, String)> {
    let n = run.len();
    if n < 2 {
        return None;
    }
    let days = |a: &Dated, b: &Dated| b.date.days() - a.date.days();
    let first = days(&run[0], &run[1]) > GAP_DAYS.max(days(&run[1], &run[n - 1]));
    let last = days(&run[n - 2], &run[n - 1]) > GAP_DAYS.max(days(&run[0], &run[n - 2]));
    let blame_first = match (first, last) {
        (true, true) => {
            let far = |d: &Dated| (d.date.days() - middle.days()).abs();
            let (a, b) = (far(&run[0]), far(&run[n - 1]));
            a > b || (a == b && run[0].span.start > run[n - 1].span.start)
        }
        (true, false) => true,
        (false, true) => false,
        (false, false) => return None,
    };
    let (odd, next, rest) = if blame_first {
        (&run[0], &run[1], &run[1..])
    } else {
        (&run[n - 1], &run[n - 2], &run[..n - 1])
    };
    let gap = days(odd, next).abs();
    let message = format!(
        "{} is {} from the next date of {whose} ({}), far outside the rest of its run",
        odd.date,
        length(gap, cadence),
        next.date
    );
    let (from, to) = (rest[0].date, rest[rest.len() - 1].date);
    let rest_text = if from == to {
        format!("the rest of the run is {from}")
    } else {
        format!("the rest of the run spans {from} to {to}")
    };
    let note = format!(
        "{rest_text}; the chart would draw and list every {} between as unknown",
        cadence.unit()
    );
    Some((odd.span.start, odd.span.clone(), message, note))
}

/// The chart's span, if it passes [`MAX_CHART_DATES`], blamed on the end farther from
/// the middle of its dates.
fn too_long(
    file: &str,
    text: &str,
    chart: &[Dated],
    middle: Date,
    cadence: Cadence,
) -> Option<Diagnostic> {
    let (first, last) = (chart.first()?, chart.last()?);
    let step = cadence.step();
    let dates = (last.date.days() - first.date.days()) / step + 1;
    if dates <= MAX_CHART_DATES {
        return None;
    }
    let odd = if middle.days() - first.date.days() >= last.date.days() - middle.days() {
        first
    } else {
        last
    };
    Some(
        Diagnostic::at(
            file,
            text,
            odd.span.clone(),
            format!(
                "{} makes this chart span {} {}s ({} to {}); a chart may span at most {} {}s",
                odd.date,
                thousands(dates),
                cadence.unit(),
                first.date,
                last.date,
                thousands(MAX_CHART_DATES),
                cadence.unit()
            ),
        )
        .with_note(format!(
            "the chart draws and lists every {} between its first and last date",
            cadence.unit()
        ))
        .with_help("check the year of this date"),
    )
}

/// `104,313 weeks (about 2,000 years)`.
fn length(days: i64, cadence: Cadence) -> String {
    let units = days / cadence.step();
    let plural = if units == 1 { "" } else { "s" };
    let years = days as f64 / 365.2425;
    if years >= 1.5 {
        format!(
            "{} {}{plural} (about {} years)",
            thousands(units),
            cadence.unit(),
            thousands(years.round() as i64)
        )
    } else {
        format!("{} {}{plural}", thousands(units), cadence.unit())
    }
}

#[cfg(test)]
mod tests {
    use crate::content::date::Date;
    use crate::data::dataset::{parse, tests::bibliography};

    /// A chart with one entry per list of dates, each date written on its own line.
    fn chart(cadence: &str, entries: &[&[String]]) -> String {
        let mut text = format!(
            "title = \"T\"\npublisher = \"P\"\npositions = 100\ncadence = \"{cadence}\"\ndated = \"d\"\n"
        );
        for (i, dates) in entries.iter().enumerate() {
            text.push_str(&format!(
                "\n[[entry]]\nid = \"e{i}\"\ntitle = \"E\"\nartist = \"A\"\nweeks = [\n"
            ));
            for date in *dates {
                text.push_str(&format!(
                    "  {{ date = {date}, pos = 5, source = \"yonhap\" }},\n"
                ));
            }
            text.push_str("]\n");
        }
        text
    }

    /// The first Saturday on or after a date, as the weekly charts here fall on.
    fn saturday(date: &str) -> String {
        let date = Date::parse(date).expect("date");
        let offset = (5 - i64::try_from(date.weekday_index()).expect("small")).rem_euclid(7);
        date.add_days(offset).iso()
    }

    /// `count` chart dates from `start`, `step` days apart.
    fn run(start: &str, count: i64, step: i64) -> Vec<String> {
        let start = Date::parse(start).expect("date");
        (0..count).map(|i| start.add_days(i * step).iso()).collect()
    }

    fn errors(text: &str) -> Vec<String> {
        match parse(
            "c",
            "content/charts/c.toml",
            text.to_string(),
            &bibliography(),
        ) {
            Ok(_) => Vec::new(),
            Err(errors) => errors
                .iter()
                .map(|e| format!("{}: {}", e.location(), e.message))
                .collect(),
        }
    }

    // One mistyped year among a few weeks is a located error, not two thousand years of
    // drawn weeks.
    #[test]
    fn refuses_a_date_far_outside_its_run() {
        let mut weeks = run("2025-07-05", 2, 7);
        weeks.push(saturday("0025-07-05"));
        assert_eq!(
            errors(&chart("weekly", &[&weeks])),
            [
                "content/charts/c.toml:14:12: 0025-07-05 is 104,355 weeks (about 2,000 years) from the next date of `e0` (2025-07-05), far outside the rest of its run"
            ]
        );
        let mut days = run("2025-07-01", 30, 1);
        days.insert(3, "0001-01-01".to_string());
        assert_eq!(
            errors(&chart("daily", &[&days])),
            [
                "content/charts/c.toml:15:12: 0001-01-01 is 739,432 days (about 2,024 years) from the next date of `e0` (2025-07-01), far outside the rest of its run"
            ]
        );
        let mut typo = run("2025-07-05", 3, 7);
        typo[2] = saturday("2023-07-15");
        assert_eq!(
            errors(&chart("weekly", &[&typo])),
            [
                "content/charts/c.toml:14:12: 2023-07-15 is 103 weeks (about 2 years) from the next date of `e0` (2025-07-05), far outside the rest of its run"
            ]
        );
    }

    // An entry with a single week far from every other entry is judged against the chart.
    #[test]
    fn refuses_a_lone_entry_far_from_the_chart() {
        let dense = run("2025-07-05", 10, 7);
        let lone = [saturday("1925-07-01")];
        assert_eq!(
            errors(&chart("weekly", &[&dense, &lone])),
            [
                "content/charts/c.toml:29:12: 1925-07-04 is 5,218 weeks (about 100 years) from the next date of this chart (2025-07-05), far outside the rest of its run"
            ]
        );
    }

    // Runs that are long and dense, or pause for most of a year, pass.
    #[test]
    fn accepts_real_runs() {
        let mut christmas = Vec::new();
        for year in 2019..2026 {
            christmas.extend(run(&format!("{year}-12-0{}", 1 + (year - 2019) % 3), 4, 7));
        }
        let christmas: Vec<String> = christmas.iter().map(|d| saturday(d)).collect();
        assert_eq!(
            errors(&chart("weekly", &[&christmas])),
            Vec::<String>::new()
        );
        let mut reentry = vec![saturday("2025-01-04")];
        reentry.extend(run(&saturday("2025-12-06"), 4, 7));
        assert_eq!(errors(&chart("weekly", &[&reentry])), Vec::<String>::new());
        let mut comeback = run("1985-08-17", 13, 7);
        comeback.extend(run("2022-06-04", 30, 7));
        assert_eq!(errors(&chart("weekly", &[&comeback])), Vec::<String>::new());
        assert_eq!(
            errors(&chart("daily", &[&run("2017-01-01", 3000, 1)])),
            Vec::<String>::new()
        );
    }

    // Two mistyped dates that shield each other from the gap rule still cannot make a
    // chart span more than 5,200 dates.
    #[test]
    fn bounds_the_span_of_a_chart() {
        let mut weeks = vec![saturday("0001-01-01"), saturday("0025-07-01")];
        weeks.extend(run("2025-07-05", 20, 7));
        let found = errors(&chart("weekly", &[&weeks]));
        assert_eq!(
            found,
            [
                "content/charts/c.toml:12:12: 0001-01-06 makes this chart span 105,653 weeks (0001-01-06 to 2025-11-15); a chart may span at most 5,200 weeks"
            ]
        );
        let days = [run("2000-01-01", 2, 1), run("2015-01-01", 3, 300)].concat();
        let found = errors(&chart("daily", &[&days]));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("a chart may span at most 5,200 days"),
            "{found:?}"
        );
    }
}
