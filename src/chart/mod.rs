//! Chart-run graphs: SVG drawn with plotters on a semantic backend, and the figure, data
//! table and CSV around them, all read from the same grid of weeks.
//!
//! The SVG carries classes, not colours: the theme's `charts.css`, once per page, paints
//! them from the `--series-N` and `--chart-*` custom properties, so light, dark and print
//! themes restyle every chart. An entry keeps one colour, marker and dash on every chart
//! of the site (`Entry::style`).

mod annotations;
mod backend;
mod bands;
mod csv;
mod describe;
mod direct;
mod dodge;
mod draw;
mod figure;
mod frame;
mod grid;
mod label;
mod layout;
mod legend;
mod marker;
mod placement;
mod provenance;
mod run;
mod scale;
mod scene;
mod series;
mod style;
mod table;
mod text;

use crate::content::date::Date;
use crate::data::dataset::{Dataset, Entry};
use crate::data::sources::Bibliography;

pub use csv::csv;
pub use describe::describe;
pub use figure::figure;
pub use table::table;

/// One chart to draw: which entries of which dataset, over which dates, titled how.
pub struct Spec<'a> {
    /// The chart's data.
    pub dataset: &'a Dataset,
    /// The lines to draw, in this order (series 1, 2, ...).
    pub entries: Vec<&'a Entry>,
    /// First chart date drawn (inclusive); `None` = the dataset's first date.
    pub from: Option<Date>,
    /// Last chart date drawn (inclusive); `None` = the dataset's last date.
    pub to: Option<Date>,
    /// The action title written by the author.
    pub title: String,
    /// Unique within the page; prefix of every id in the SVG and the figure (`chart-1`).
    pub id: String,
    /// Where the sources of the weeks are described.
    pub bibliography: &'a Bibliography,
    /// Whether straight quotes and apostrophes in titles become curly, as the site's
    /// markdown makes them (`smart_punctuation`).
    pub smart_quotes: bool,
}

impl Spec<'_> {
    /// `text` as the chart prints it: with curly quotes when the site uses them.
    pub(crate) fn display(&self, text: &str) -> String {
        if self.smart_quotes {
            crate::typography::curly(text)
        } else {
            text.to_string()
        }
    }
}

/// Which picture to draw: the page shows one or the other with a media query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// For desktop: 720 by 400 user units.
    Wide,
    /// For small screens: 360 by 380 user units, larger text, fewer ticks, no tooltips.
    Narrow,
}

/// The chart's credit, `Source: … (publisher), positions as reported by …`, and the date
/// of its latest data.
pub fn credit(spec: &Spec) -> (String, Option<crate::content::date::Date>) {
    let grid = grid::Grid::new(spec);
    (figure::credit(spec, &grid), grid.as_of())
}

/// The date of the chart's latest data, as its caption and credit give it.
pub fn as_of(spec: &Spec) -> Option<crate::content::date::Date> {
    grid::Grid::new(spec).as_of()
}

/// One complete `<svg>` element of the chart, sized by `viewBox` only.
pub fn svg(spec: &Spec, layout: Layout) -> String {
    draw::draw(spec, layout).svg
}

#[cfg(test)]
mod tests;
