//! What each page rests on: the stats its numbers are bound to, the sources it cites, the
//! claim checks it shows and the charts it draws. Kept from rendering for `check` and for
//! rebuilding what a data change touches.

use std::ops::Range;

use crate::data::stats::Resolved;

use super::audit::Finding;
use super::claims::Checked;

/// A stat a page used.
#[derive(Debug, Clone)]
pub struct Used {
    /// `true` for `fact` (the text asserts the value), `false` for `stat` (inserted).
    pub asserted: bool,
    /// The stat path.
    pub path: String,
    /// What it resolved to.
    pub resolved: Resolved,
    /// Where in the file: the shortcode for `stat`, the written value for `fact` (where a
    /// mismatch is reported).
    pub range: Range<usize>,
}

/// The data one page rests on.
#[derive(Debug, Clone, Default)]
pub struct Bindings {
    /// Stats from `stat` and `fact` shortcodes.
    pub used: Vec<Used>,
    /// Cited source ids.
    pub citations: Vec<String>,
    /// Claim checks, for claim pages.
    pub checks: Vec<Checked>,
    /// Ids of the datasets its charts draw.
    pub charts: Vec<String>,
    /// Every number it publishes, classified by the number audit.
    pub numbers: Vec<Finding>,
}

impl Bindings {
    /// Whether a change to the data can change this page.
    pub fn rests_on_data(&self) -> bool {
        !self.used.is_empty()
            || !self.citations.is_empty()
            || !self.checks.is_empty()
            || !self.charts.is_empty()
    }
}
