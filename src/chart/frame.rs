//! Where the plot sits in the picture: the axis gutter, the scale, the room for direct
//! labels at the line ends, and the data ranges plotters maps onto it.

use std::ops::Range;

use crate::content::date::Date;

use super::Spec;
use super::grid::Grid;
use super::label::{self, Wrapped};
use super::layout::{MONTH_TICKS_DAYS, Metrics, ceiling, y_ticks};
use super::text;

/// Space above position 1 inside the plot.
const PAD_TOP: f64 = 8.0;
/// Space below the last position: for the "Off chart" row, or a little air.
const OFF_ROW: f64 = 30.0;
const NO_OFF_ROW: f64 = 6.0;
/// The most room, in user units, left between the plot's edge and the first or last date.
const PAD_X: f64 = 16.0;
/// Gap between the end of a line and its label.
pub(crate) const LABEL_GAP: f64 = 6.0;
/// The share of the room right of the position labels that the plot always keeps.
pub(crate) const MIN_PLOT: f64 = 0.85;
/// A label too long for the room beside its line wraps to lines this share of the plot.
const INSIDE_WIDTH: f64 = 0.45;

/// A line's direct label, wrapped.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DirectLabel {
    /// The lines.
    pub text: Wrapped,
    /// Whether it fits beside its line's end in at most two lines; if not, it is placed
    /// inside the plot where there is room.
    pub beside: bool,
}

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
    /// The x range in days since 1970: the dates with a little room each side.
    pub x: Range<f64>,
    /// The y range, reversed: from below the lowest position shown up to above No. 1.
    pub y: Range<f64>,
    /// The y value of the "Off chart" row, if there is one.
    pub off: Option<f64>,
    /// The y value of the rule between the positions and the off row.
    pub rule: f64,
    /// The lowest position the scale shows (see [`ceiling`]).
    pub ceiling: u32,
    /// Position ticks.
    pub ticks: Vec<u32>,
    /// Each row's direct label.
    pub labels: Vec<Option<DirectLabel>>,
}

impl Frame {
    /// Lays out the plot of `spec`, whose entries on each date are `grid`, in a picture
    /// of `metrics`.
    pub(crate) fn new(spec: &Spec, grid: &Grid, metrics: &Metrics) -> Self {
        let ceiling = ceiling(grid.deepest(), spec.dataset.positions);
        let ticks = y_ticks(ceiling, metrics.y_ticks);
        let has_off = grid.has_off();
        let tick_width = ticks
            .iter()
            .map(|t| text::width(&t.to_string(), metrics.font))
            .chain(has_off.then(|| text::width(metrics.off_label, metrics.font)))
            .fold(0.0, f64::max);
        let left = (tick_width + 10.0).ceil() as i32;
        let top = metrics.top;
        let bottom = metrics.height as i32 - metrics.bottom;
        let room = f64::from(metrics.width) - 4.0 - f64::from(left);
        let x = x_range(grid, room);
        let (right, labels) = gutter((spec, grid), metrics, left, &x);
        let (y, off, rule) = y_range(ceiling, f64::from(bottom - top), has_off);
        Self {
            left,
            top,
            right,
            bottom,
            x,
            y,
            off,
            rule,
            ceiling,
            ticks,
            labels,
        }
    }
}

/// The dates, with room for a marker each side (half a chart step at most). A run long
/// enough for month ticks starts at the first month's first day when that is less than a
/// step earlier, so that the month gets its tick.
fn x_range(grid: &Grid, plot: f64) -> Range<f64> {
    let (Some(first), Some(last)) = (grid.dates.first(), grid.dates.last()) else {
        return 0.0..1.0;
    };
    let (first_day, last_day) = (first.days() as f64, last.days() as f64);
    let span = (last_day - first_day).max(1.0);
    let pad = (grid.step as f64 / 2.0).min(span * PAD_X / plot.max(1.0));
    let mut start = first_day - pad;
    if let Some(month) = Date::new(first.year(), first.month(), 1)
        && span >= MONTH_TICKS_DAYS
    {
        let month = month.days() as f64;
        if first_day - month < grid.step as f64 && month < start {
            start = month;
        }
    }
    start..last_day + pad
}

/// The y range so that position 1 sits `PAD_TOP` below the top and the off row (if any)
/// below the lowest position shown, for a plot `height` tall.
fn y_range(lowest: u32, height: f64, has_off: bool) -> (Range<f64>, Option<f64>, f64) {
    let below = if has_off { OFF_ROW } else { NO_OFF_ROW };
    let span = f64::from(lowest.max(2) - 1);
    let per_unit = span / (height - PAD_TOP - below).max(1.0);
    let last = f64::from(lowest);
    let y = last + below * per_unit..1.0 - PAD_TOP * per_unit;
    let off = has_off.then_some(last + below * 0.62 * per_unit);
    (y, off, last + below * 0.2 * per_unit)
}

/// The plot's right edge and each row's label. The plot keeps at least [`MIN_PLOT`] of
/// the room; within that it leaves each label room after its line's end on one line if
/// it can, else it takes no more than that share, and labels wrap to two lines. A label
/// that would need more goes inside the plot. A label needs `gap + width` after a point at fraction `t` of the
/// plot, so the plot can be at most `(room - gap - width) / t` wide.
fn gutter(
    (spec, grid): (&Spec, &Grid),
    metrics: &Metrics,
    left: i32,
    x: &Range<f64>,
) -> (i32, Vec<Option<DirectLabel>>) {
    let size = metrics.label_font;
    let room = f64::from(metrics.width) - 4.0 - f64::from(left);
    let gap = f64::from(metrics.marker) + LABEL_GAP;
    let ends: Vec<Option<(f64, String)>> = grid
        .rows
        .iter()
        .map(|row| {
            let end = row.end()?;
            let t = (grid.dates[end].days() as f64 - x.start) / (x.end - x.start);
            Some((t.max(0.01), label::name(grid, row.entry, spec.smart_quotes)))
        })
        .collect();
    let least = (room * MIN_PLOT).floor();
    // A label too long for the room beside its line even in two lines goes inside the
    // plot, and so asks nothing of the plot's width.
    let fits = |t: f64, name: &str| {
        label::wrap(name, size, room - least * t - gap).is_some_and(|w| w.lines.len() <= 2)
    };
    let one = ends
        .iter()
        .flatten()
        .filter(|(t, name)| fits(*t, name))
        .map(|(t, name)| (room - gap - text::width(name, size)) / t)
        .fold(room - 8.0, f64::min);
    // When a label needs two lines, give the labels all the room the plot can spare.
    let plot = if one >= least { one } else { least };
    let plot = plot.clamp(least, room - 8.0).floor();
    let labels = ends
        .into_iter()
        .map(|end| {
            let (t, name) = end?;
            let space = room - plot * t - gap;
            let beside = label::wrap(&name, size, space).filter(|w| w.lines.len() <= 2);
            Some(match beside {
                Some(text) => DirectLabel { text, beside: true },
                None => DirectLabel {
                    text: inside(&name, size, plot),
                    beside: false,
                },
            })
        })
        .collect();
    (left + plot as i32, labels)
}

/// A label placed inside a plot `plot` wide: wrapped to lines no wider than
/// [`INSIDE_WIDTH`] of it, or one word a line when a word is wider still.
fn inside(name: &str, size: f64, plot: f64) -> Wrapped {
    label::wrap(name, size, plot * INSIDE_WIDTH)
        .unwrap_or_else(|| label::narrowest(name, size, usize::MAX))
}
