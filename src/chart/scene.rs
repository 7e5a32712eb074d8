//! What every drawing step shares: the plotters chart and the scene (spec, grid, layout,
//! frame and the pen writing the SVG).

use std::cell::RefCell;

use plotters::prelude::*;

use super::Spec;
use super::backend::{Pen, SemanticBackend};
use super::frame::Frame;
use super::grid::Grid;
use super::layout::Metrics;
use super::scale::Axis;

/// The plotters chart: days since 1970 across, positions down.
pub(crate) type Chart<'r> = ChartContext<'r, SemanticBackend, Cartesian2d<Axis, Axis>>;

/// What the drawing code needs: the spec, its grid, the layout and the pen.
pub(crate) struct Scene<'s, 'a> {
    /// The chart asked for.
    pub spec: &'s Spec<'a>,
    /// The drawn entries on every date.
    pub grid: Grid<'a>,
    /// The layout's sizes.
    pub metrics: Metrics,
    /// Where the plot sits.
    pub frame: Frame,
    /// The escaped prefix of every id in this SVG (`chart-1-wide`).
    pub prefix: String,
    /// The SVG being written.
    pub pen: Pen,
    /// Whether points carry tooltips and data attributes: in the wide picture only, as
    /// the narrow one is for touch screens, where tooltips do not show, and the data
    /// table holds the same words.
    pub detail: bool,
    /// Sideways marker offsets per row and date, set once the plot's scale is known.
    pub offsets: RefCell<Vec<Vec<i32>>>,
}

impl Scene<'_, '_> {
    /// The user-unit point of the date at `index` and the y value `y`.
    pub(crate) fn at(&self, chart: &Chart, index: usize, y: f64) -> (i32, i32) {
        chart.backend_coord(&(self.grid.dates[index].days() as f64, y))
    }

    /// Where row `row`'s marker on the date at `index`, at rank `rank`, is drawn: its
    /// point, moved sideways when it would overlap another (see `dodge.rs`).
    pub(crate) fn marker(&self, chart: &Chart, row: usize, index: usize, rank: u32) -> (i32, i32) {
        let (x, y) = self.at(chart, index, f64::from(rank));
        let dx = self
            .offsets
            .borrow()
            .get(row)
            .and_then(|r| r.get(index).copied())
            .unwrap_or(0);
        (x + dx, y)
    }
}
