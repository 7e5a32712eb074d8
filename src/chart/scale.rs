//! The chart's axes for plotters: a linear scale with the ticks chosen in `layout.rs`.

use std::ops::Range;

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};

/// A linear axis over `range` (which may run backwards, as positions do) with fixed ticks.
#[derive(Debug, Clone)]
pub(crate) struct Axis {
    range: Range<f64>,
    ticks: Vec<f64>,
}

impl Axis {
    /// An axis mapping `range` onto the plot, with grid lines and labels at `ticks`.
    pub(crate) fn new(range: Range<f64>, ticks: Vec<f64>) -> Self {
        Self { range, ticks }
    }
}

impl Ranged for Axis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, (from, to): (i32, i32)) -> i32 {
        let span = self.range.end - self.range.start;
        if span == 0.0 {
            return (from + to) / 2;
        }
        let t = (value - self.range.start) / span;
        from + (t * f64::from(to - from)).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        // Only bold grid lines: the light ones are asked for with `allow_light_points`.
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.range.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(range: Range<f64>, value: f64, expected: i32) {
        assert_eq!(Axis::new(range, vec![]).map(&value, (100, 0)), expected);
    }

    // A reversed range puts its end (No. 1) at the top of the pixel range.
    #[test]
    fn maps_reversed_ranges() {
        case(100.0..1.0, 100.0, 100);
        case(100.0..1.0, 1.0, 0);
        case(0.0..10.0, 2.5, 75);
        case(5.0..5.0, 5.0, 50);
    }
}
