//! Sizes, fonts and ticks of the two layouts, and where the plot sits in the picture.

use std::ops::Range;

use crate::content::date::Date;

use super::Layout;
use super::text;

/// Everything that differs between the wide and the narrow picture.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Metrics {
    /// `wide` or `narrow`: the id suffix and the class modifier.
    pub name: &'static str,
    /// The viewBox width.
    pub width: u32,
    /// The viewBox height.
    pub height: u32,
    /// Space above the plot, for notes about No. 1 and the axis title.
    pub top: i32,
    /// Space below the plot, for the date ticks and the year under them.
    pub bottom: i32,
    /// Font size of tick labels, notes and the axis title.
    pub font: f64,
    /// Font size of the direct labels.
    pub label_font: f64,
    /// The most position ticks.
    pub y_ticks: usize,
    /// The label of the row of off-chart weeks.
    pub off_label: &'static str,
    /// Marker radius.
    pub marker: i32,
    /// How many line heights away from its point a note may go, with a leader line.
    pub far: usize,
}

impl Layout {
    /// The sizes of this layout.
    pub(crate) fn metrics(self) -> Metrics {
        match self {
            Self::Wide => Metrics {
                name: "wide",
                width: 720,
                height: 400,
                top: 30,
                bottom: 40,
                font: 13.0,
                label_font: 14.0,
                y_ticks: 10,
                off_label: "Off chart",
                marker: 4,
                far: 3,
            },
            Self::Narrow => Metrics {
                name: "narrow",
                width: 360,
                height: 380,
                top: 30,
                bottom: 42,
                font: 14.0,
                label_font: 14.0,
                y_ticks: 5,
                off_label: "Off",
                marker: 3,
                far: 0,
            },
        }
    }
}

impl Metrics {
    /// Height of one line of label text, with leading.
    pub(crate) fn line(&self) -> f64 {
        (self.label_font * 1.3).ceil()
    }
}

/// The lowest position the scale shows: the first of 10, 20, 50, 100, 200, 500, 1000, …
/// at or past `deepest`, the lowest position drawn; the chart's full size when that is
/// smaller. A run that stays in the top 10 of a 200-position chart is drawn on 1 to 10.
pub(crate) fn ceiling(deepest: u32, positions: u32) -> u32 {
    let mut scale: u32 = 10;
    loop {
        for round in [scale, scale * 2, scale * 5] {
            if round >= deepest || round >= positions {
                return round.min(positions);
            }
        }
        scale = scale.saturating_mul(10);
    }
}

/// Position ticks: 1, then multiples of a round step, at most `max` of them.
pub(crate) fn y_ticks(positions: u32, max: usize) -> Vec<u32> {
    let steps = [
        1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000,
    ];
    let step = steps
        .into_iter()
        .find(|&s| (positions / s) as usize <= max.max(1))
        .unwrap_or(10_000);
    let mut ticks = vec![1];
    // A multiple too close to 1 would crowd its label.
    ticks.extend(
        (1..=positions / step)
            .map(|k| k * step)
            .filter(|&t| t * 2 > step + 1),
    );
    ticks.dedup();
    ticks
}

/// A date tick: where (days since 1970), its label, and the year under it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tick {
    /// Days since 1970-01-01.
    pub day: i64,
    /// `Jul` or `Jul 5`.
    pub label: String,
    /// `2025`, on a second line under the first tick and under each January's.
    pub year: Option<String>,
}

impl Tick {
    fn width(&self, font: f64) -> f64 {
        let year = self.year.as_deref().map_or(0.0, |y| text::width(y, font));
        text::width(&self.label, font).max(year)
    }
}

/// The shortest run, in days, whose axis is labelled by month rather than by chart date.
pub(crate) const MONTH_TICKS_DAYS: f64 = 62.0;

/// Date ticks over the x range `range` (days since 1970) drawn `span` user units wide:
/// for a run of [`MONTH_TICKS_DAYS`] or more, month starts (every 1, 2, 3, 6 or 12 months,
/// the first whose labels do not touch); for a shorter one, chart dates.
pub(crate) fn x_ticks(dates: &[Date], range: &Range<f64>, span: f64, font: f64) -> Vec<Tick> {
    let (Some(first), Some(last)) = (dates.first(), dates.last()) else {
        return Vec::new();
    };
    let per_day = span / (range.end - range.start).max(1.0);
    let months = month_starts(range);
    if (last.days() - first.days()) as f64 >= MONTH_TICKS_DAYS && months.len() >= 2 {
        for every in [1, 2, 3, 6, 12] {
            let picked: Vec<Date> = months
                .iter()
                .copied()
                .filter(|d| (usize::from(d.month()) - 1).is_multiple_of(every))
                .collect();
            let ticks = month_labels(&picked);
            if picked.len() >= 2 && apart(&ticks, per_day, font) {
                return ticks;
            }
        }
    }
    date_ticks(dates, per_day, font)
}

/// Whether neighbouring labels keep at least a space apart.
fn apart(ticks: &[Tick], per_day: f64, font: f64) -> bool {
    ticks.windows(2).all(|w| {
        let gap = (w[1].day - w[0].day) as f64 * per_day;
        gap >= (w[0].width(font) + w[1].width(font)) / 2.0 + font * 0.8
    })
}

/// The first days of months inside `range`.
fn month_starts(range: &Range<f64>) -> Vec<Date> {
    let first = Date::from_days(range.start.ceil() as i64);
    let mut starts = Vec::new();
    let (mut year, mut month) = (first.year(), first.month());
    while let Some(date) = Date::new(year, month, 1) {
        if date.days() as f64 > range.end {
            break;
        }
        if date.days() as f64 >= range.start {
            starts.push(date);
        }
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    starts
}

/// `Jul`, `Aug`, … `Jan`, with the year under the first tick and under every January.
fn month_labels(months: &[Date]) -> Vec<Tick> {
    months
        .iter()
        .enumerate()
        .map(|(i, d)| Tick {
            day: d.days(),
            label: d.month_year()[..3].to_string(),
            year: (i == 0 || d.month() == 1).then(|| d.year().to_string()),
        })
        .collect()
}

/// Every n-th chart date, `Jul 3`, with the year under the first and where it changes.
fn date_ticks(dates: &[Date], per_day: f64, font: f64) -> Vec<Tick> {
    let room = text::width("Sep 30", font) + font;
    let step = dates
        .windows(2)
        .map(|w| (w[1].days() - w[0].days()) as f64 * per_day)
        .next()
        .unwrap_or(room);
    let every = (room / step.max(1.0)).ceil().max(1.0) as usize;
    let mut year = None;
    dates
        .iter()
        .step_by(every)
        .map(|d| {
            let changed = year != Some(d.year());
            year = Some(d.year());
            Tick {
                day: d.days(),
                label: d.short(),
                year: changed.then(|| d.year().to_string()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(positions: u32, max: usize, expected: &[u32]) {
        assert_eq!(y_ticks(positions, max), expected);
    }

    // Position ticks start at 1 and continue in round steps that fit the layout.
    #[test]
    fn picks_round_position_ticks() {
        case(100, 10, &[1, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
        case(100, 5, &[1, 20, 40, 60, 80, 100]);
        case(200, 10, &[1, 20, 40, 60, 80, 100, 120, 140, 160, 180, 200]);
        case(200, 5, &[1, 50, 100, 150, 200]);
        case(10, 10, &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        case(1, 5, &[1]);
    }

    // The scale ends at the first round position at or past the lowest one drawn, and
    // never past the chart.
    #[test]
    fn fits_the_scale_to_the_data() {
        let cases = [
            (1, 200, 10),
            (10, 200, 10),
            (11, 200, 20),
            (21, 200, 50),
            (81, 100, 100),
            (51, 200, 100),
            (101, 200, 200),
            (150, 150, 150),
            (3, 5, 5),
            (600, 10_000, 1000),
        ];
        for (deepest, positions, expected) in cases {
            assert_eq!(
                ceiling(deepest, positions),
                expected,
                "{deepest} of {positions}"
            );
        }
    }

    // Whatever the data, every drawn position is on the scale, the scale is a round
    // number or the chart's size, and it is never more than 2.5 times the lowest
    // position drawn (so no run is squashed into a tenth of the plot).
    #[test]
    fn scale_holds_every_position_and_no_more() {
        for positions in [1, 5, 10, 40, 100, 200, 1000, 10_000] {
            for deepest in 1..=positions.min(2500) {
                let top = ceiling(deepest, positions);
                assert!(
                    top >= deepest && top <= positions,
                    "{deepest} of {positions}"
                );
                let round = [10, 20, 50].iter().any(|r| {
                    let mut r = *r;
                    while r < top {
                        r *= 10;
                    }
                    r == top
                });
                assert!(round || top == positions, "{top}");
                assert!(
                    f64::from(top) <= 2.5 * f64::from(deepest.max(4)),
                    "{deepest} of {positions} drawn on 1 to {top}"
                );
            }
        }
    }

    fn weeks(from: &str, n: i64) -> Vec<Date> {
        let start = Date::parse(from).unwrap();
        (0..n).map(|k| start.add_days(7 * k)).collect()
    }

    fn range(dates: &[Date], before: f64) -> Range<f64> {
        dates[0].days() as f64 - before..dates[dates.len() - 1].days() as f64 + 3.5
    }

    // Month ticks carry the year under the first and under January; they thin out only
    // when neighbouring labels would touch, and a month whose first day is in the range
    // gets its tick.
    #[test]
    fn picks_month_ticks_that_fit() {
        let dates = weeks("2025-07-05", 23);
        let labels = |span, before| -> Vec<(String, Option<String>)> {
            x_ticks(&dates, &range(&dates, before), span, 12.0)
                .into_iter()
                .map(|t| (t.label, t.year))
                .collect()
        };
        let names = |ticks: Vec<(String, Option<String>)>| -> Vec<String> {
            ticks.into_iter().map(|t| t.0).collect()
        };
        let wide = labels(600.0, 4.0);
        assert_eq!(
            names(wide.clone()),
            ["Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        );
        assert_eq!(wide[0].1.as_deref(), Some("2025"));
        assert!(wide[1..].iter().all(|t| t.1.is_none()));
        assert_eq!(
            names(labels(600.0, 3.5)),
            ["Aug", "Sep", "Oct", "Nov", "Dec"]
        );
        // A six-month run on a phone keeps every month.
        assert_eq!(names(labels(280.0, 4.0)).len(), 6);
        assert_eq!(names(labels(120.0, 4.0)), ["Jul", "Sep", "Nov"]);
        let year = weeks("2025-11-01", 12);
        let ticks = x_ticks(&year, &range(&year, 3.5), 600.0, 12.0);
        assert_eq!(
            (ticks[2].label.as_str(), ticks[2].year.as_deref()),
            ("Jan", Some("2026"))
        );
    }

    // A range shorter than two months falls back to chart dates.
    #[test]
    fn falls_back_to_date_ticks() {
        let days = [
            Date::parse("2025-07-03").unwrap(),
            Date::parse("2025-07-04").unwrap(),
        ];
        let ticks = x_ticks(&days, &(20271.5..20273.5), 300.0, 12.0);
        assert_eq!(ticks.len(), 2);
        assert_eq!(ticks[0].label, "Jul 3");
        assert_eq!(ticks[0].year.as_deref(), Some("2025"));
        assert_eq!(ticks[1].year, None);
    }
}
