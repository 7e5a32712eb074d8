//! Where the plot sits in the picture: the axis gutter, the room for direct labels at the
//! line ends, and the data ranges plotters maps onto it.

use std::ops::Range;

use super::grid::Grid;
use super::layout::{Metrics, y_ticks};
use super::text;

/// Space above position 1 inside the plot.
const PAD_TOP: f64 = 8.0;
/// Space below the last position: for the "Off chart" row, or a little air.
const OFF_ROW: f64 = 30.0;
const NO_OFF_ROW: f64 = 6.0;
/// Gap between the end of a line and its label.
pub(crate) const LABEL_GAP: f64 = 6.0;

/// The plot's rectangle and data ranges.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    /// Left edge of the plot (the position labels are to its left).
    pub left: i32,
    /// Top edge of the plot.
    pub top: i32,
    /// Right edge of the plot (the direct labels may use the space to its right).
    pub right: i32,
    /// Bottom edge of the plot (the date labels are below it).
    pub bottom: i32,
    /// The x range in days since 1970, half a chart step wider than the dates each side.
    pub x: Range<f64>,
    /// The y range, reversed: from below the last position up to above No. 1.
    pub y: Range<f64>,
    /// The y value of the "Off chart" row, if there is one.
    pub off: Option<f64>,
    /// The y value of the rule between the positions and the off row.
    pub rule: f64,
    /// Position ticks.
    pub ticks: Vec<u32>,
    /// Each row's direct label, cut to the room it has.
    pub labels: Vec<Option<String>>,
}

impl Frame {
    /// Lays out the plot for `grid` in a picture of `metrics`.
    pub(crate) fn new(grid: &Grid, positions: u32, metrics: &Metrics) -> Self {
        let ticks = y_ticks(positions, metrics.y_ticks);
        let has_off = grid.has_off();
        let tick_width = ticks
            .iter()
            .map(|t| text::width(&t.to_string(), metrics.font))
            .chain(has_off.then(|| text::width(metrics.off_label, metrics.font)))
            .fold(0.0, f64::max);
        let left = (tick_width + 10.0).ceil() as i32;
        let top = metrics.top;
        let bottom = metrics.height as i32 - metrics.bottom;
        let x = x_range(grid);
        let (right, labels) = gutter(grid, metrics, left, &x);
        let (y, off, rule) = y_range(positions, f64::from(bottom - top), has_off);
        Self {
            left,
            top,
            right,
            bottom,
            x,
            y,
            off,
            rule,
            ticks,
            labels,
        }
    }
}

fn x_range(grid: &Grid) -> Range<f64> {
    let half = grid.step as f64 / 2.0;
    match (grid.dates.first(), grid.dates.last()) {
        (Some(first), Some(last)) => first.days() as f64 - half..last.days() as f64 + half,
        _ => 0.0..1.0,
    }
}

/// The y range so that position 1 sits `PAD_TOP` below the top and the off row (if any)
/// below the last position, for a plot `height` tall.
fn y_range(positions: u32, height: f64, has_off: bool) -> (Range<f64>, Option<f64>, f64) {
    let below = if has_off { OFF_ROW } else { NO_OFF_ROW };
    let span = f64::from(positions.max(2) - 1);
    let per_unit = span / (height - PAD_TOP - below).max(1.0);
    let last = f64::from(positions);
    let y = last + below * per_unit..1.0 - PAD_TOP * per_unit;
    let off = has_off.then_some(last + below * 0.62 * per_unit);
    (y, off, last + below * 0.2 * per_unit)
}

/// The name a line is labelled with, as a title and a suffix that is never cut: when
/// another drawn entry has the same title (two recordings of "Takedown"), the suffix is
/// its artist, up to any parenthesis.
fn label_name(grid: &Grid, entry: &crate::data::dataset::Entry) -> (String, String) {
    let shared = grid
        .rows
        .iter()
        .filter(|row| row.entry.title == entry.title)
        .count()
        > 1;
    let artist = entry.artist.split(" (").next().unwrap_or("").trim();
    let suffix = if shared && !artist.is_empty() {
        format!(" ({artist})")
    } else {
        String::new()
    };
    (entry.title.clone(), suffix)
}

/// A label of at most `max` characters that fits in `room`: the title is cut, the suffix kept.
fn label(title: &str, suffix: &str, max: usize, size: f64, room: f64) -> String {
    let keep = max.saturating_sub(suffix.chars().count()).max(2);
    let title = text::truncate(title, keep);
    let room = room - text::width(suffix, size);
    format!("{}{suffix}", text::fit(&title, size, room))
}

/// The plot's right edge, leaving each row's label room after its line's end, and the
/// labels cut to fit. A label needs `gap + width` after a point at fraction `t` of the
/// plot, so the plot can be at most `(room - gap - width) / t` wide.
fn gutter(grid: &Grid, metrics: &Metrics, left: i32, x: &Range<f64>) -> (i32, Vec<Option<String>>) {
    let room = f64::from(metrics.width) - 4.0 - f64::from(left);
    let gap = f64::from(metrics.marker) + LABEL_GAP;
    let ends: Vec<Option<(f64, String, String, String)>> = grid
        .rows
        .iter()
        .map(|row| {
            let end = row.end()?;
            let t = (grid.dates[end].days() as f64 - x.start) / (x.end - x.start);
            let (title, suffix) = label_name(grid, row.entry);
            let full = label(
                &title,
                &suffix,
                metrics.label_chars,
                metrics.label_font,
                f64::INFINITY,
            );
            Some((t, title, suffix, full))
        })
        .collect();
    let mut plot = room - 8.0;
    for (t, _, _, full) in ends.iter().flatten() {
        let needed = gap + text::width(full, metrics.label_font);
        plot = plot.min((room - needed) / t.max(0.01));
    }
    let plot = plot.max(room * 0.55).floor();
    let labels = ends
        .into_iter()
        .map(|end| {
            let (t, title, suffix, _) = end?;
            let space = room - plot * t - gap;
            Some(label(
                &title,
                &suffix,
                metrics.label_chars,
                metrics.label_font,
                space,
            ))
        })
        .collect();
    (left + plot as i32, labels)
}
