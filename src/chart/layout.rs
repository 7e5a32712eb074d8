//! Sizes, fonts and ticks of the two layouts, and where the plot sits in the picture.

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
    /// Space below the plot, for the date ticks.
    pub bottom: i32,
    /// Font size of tick labels, notes and the axis title.
    pub font: f64,
    /// Font size of the direct labels.
    pub label_font: f64,
    /// The most position ticks.
    pub y_ticks: usize,
    /// The longest direct label, in characters.
    pub label_chars: usize,
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
                bottom: 24,
                font: 13.0,
                label_font: 14.0,
                y_ticks: 10,
                label_chars: 24,
                off_label: "Off chart",
                marker: 4,
                far: 3,
            },
            Self::Narrow => Metrics {
                name: "narrow",
                width: 360,
                height: 380,
                top: 30,
                bottom: 24,
                font: 14.0,
                label_font: 14.0,
                y_ticks: 5,
                label_chars: 14,
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

/// A date tick: where (days since 1970) and its label.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tick {
    /// Days since 1970-01-01.
    pub day: i64,
    /// `Jul 2025`, `Aug` or `Jul 5`.
    pub label: String,
}

/// Date ticks for chart dates spread over `span` user units: month starts (every 1, 2,
/// 3, 6 or 12 months, whichever fits), or chart dates when the range is too short.
pub(crate) fn x_ticks(dates: &[Date], span: f64, font: f64) -> Vec<Tick> {
    let (Some(first), Some(last)) = (dates.first(), dates.last()) else {
        return Vec::new();
    };
    let days = (last.days() - first.days()).max(1) as f64;
    let per_day = span / days;
    let room = text::width("Sep 2025", font) + font;
    let months = month_starts(*first, *last);
    if months.len() >= 2 {
        for every in [1, 2, 3, 6, 12] {
            let picked: Vec<Date> = months
                .iter()
                .copied()
                .filter(|d| (usize::from(d.month()) - 1).is_multiple_of(every))
                .collect();
            let gap = picked
                .windows(2)
                .map(|w| (w[1].days() - w[0].days()) as f64 * per_day)
                .fold(f64::INFINITY, f64::min);
            if gap >= room && picked.len() >= 2 {
                return month_labels(&picked);
            }
        }
    }
    date_ticks(dates, per_day, font)
}

fn month_starts(first: Date, last: Date) -> Vec<Date> {
    let mut starts = Vec::new();
    let (mut year, mut month) = (first.year(), first.month());
    while let Some(date) = Date::new(year, month, 1) {
        if date > last {
            break;
        }
        if date >= first {
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

/// `Jul 2025`, `Aug`, … `Jan 2026`: the year on the first tick and on every January.
fn month_labels(months: &[Date]) -> Vec<Tick> {
    months
        .iter()
        .enumerate()
        .map(|(i, d)| Tick {
            day: d.days(),
            label: if i == 0 || d.month() == 1 {
                d.month_year()
            } else {
                d.month_year()[..3].to_string()
            },
        })
        .collect()
}

fn date_ticks(dates: &[Date], per_day: f64, font: f64) -> Vec<Tick> {
    let room = text::width("Sep 30", font) + font;
    let step = dates
        .windows(2)
        .map(|w| (w[1].days() - w[0].days()) as f64 * per_day)
        .next()
        .unwrap_or(room);
    let every = (room / step.max(1.0)).ceil().max(1.0) as usize;
    dates
        .iter()
        .step_by(every)
        .map(|d| Tick {
            day: d.days(),
            label: d.short(),
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

    fn weeks(from: &str, n: i64) -> Vec<Date> {
        let start = Date::parse(from).unwrap();
        (0..n).map(|k| start.add_days(7 * k)).collect()
    }

    // Month ticks carry the year on the first and on January; thin out when crowded.
    #[test]
    fn picks_month_ticks_that_fit() {
        let dates = weeks("2025-07-05", 23);
        let labels = |span| -> Vec<String> {
            x_ticks(&dates, span, 12.0)
                .into_iter()
                .map(|t| t.label)
                .collect()
        };
        assert_eq!(labels(600.0), ["Aug 2025", "Sep", "Oct", "Nov", "Dec"]);
        assert_eq!(labels(200.0), ["Sep 2025", "Nov"]);
        let year = weeks("2025-11-01", 12);
        let ticks = x_ticks(&year, 600.0, 12.0);
        assert_eq!(ticks[2].label, "Jan 2026");
    }

    // A range shorter than two months falls back to chart dates.
    #[test]
    fn falls_back_to_date_ticks() {
        let days = [
            Date::parse("2025-07-03").unwrap(),
            Date::parse("2025-07-04").unwrap(),
        ];
        let ticks = x_ticks(&days, 300.0, 12.0);
        assert_eq!(ticks.len(), 2);
        assert_eq!(ticks[0].label, "Jul 3");
    }
}
