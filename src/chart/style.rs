//! How an entry looks: its colour, marker and dash, from its site-wide style number.
//!
//! The SVG carries classes, not colours or CSS: `series-N` (N = 1 to [`COLOURS`]) paints a
//! series through `color` and `currentColor`, `dash-N` gives its line a dash pattern, and
//! the marker is drawn in its own shape. The rules live once per page in the theme's
//! `charts.css`, which takes the colours from the `--series-N` and `--chart-*` custom
//! properties, so light, dark and print themes restyle every chart.

use super::marker::SHAPES;

/// Series colours, `--series-1` … `--series-10` in the theme.
pub(crate) const COLOURS: usize = 10;

/// Dash patterns, `dash-1` (solid) … `dash-10` in the theme.
pub(crate) const DASHES: usize = 10;

/// The three cues of one style, 1-based for the classes and 0-based for the shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Look {
    /// `series-N`.
    pub colour: usize,
    /// `dash-N`.
    pub dash: usize,
    /// Index into [`SHAPES`].
    pub marker: usize,
}

impl Look {
    /// The look of style `style` (0-based). The first ten styles differ in all three
    /// cues; later ones repeat a colour with another marker and dash, so the first
    /// hundred styles are all different.
    pub(crate) fn of(style: usize) -> Self {
        let round = style / COLOURS;
        Self {
            colour: style % COLOURS + 1,
            dash: (style + 3 * round) % DASHES + 1,
            marker: (style + round) % SHAPES.len(),
        }
    }

    /// `series-3 dash-3`: the classes of the series' group.
    pub(crate) fn classes(self) -> String {
        format!("series-{} dash-{}", self.colour, self.dash)
    }

    /// `series-3`: the colour alone, for labels and leader lines.
    pub(crate) fn colour_class(self) -> String {
        format!("series-{}", self.colour)
    }
}

/// The `<defs>` of a picture whose ids start with `prefix` (already escaped): the hatch
/// of "no data" bands, referenced by `fill` attribute so that it resolves in this SVG.
pub(crate) fn defs(prefix: &str) -> String {
    format!(
        "<defs><pattern id=\"{prefix}-hatch\" width=\"6\" height=\"6\" \
         patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <line class=\"hatch\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern></defs>"
    )
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    // The first ten styles differ in colour, marker and dash; the first hundred are all
    // distinct, and any two of them differ in colour or in marker.
    #[test]
    fn gives_distinct_looks() {
        let first: Vec<Look> = (0..10).map(Look::of).collect();
        for cue in [|l: &Look| l.colour, |l: &Look| l.dash, |l: &Look| l.marker] {
            let values: HashSet<usize> = first.iter().map(cue).collect();
            assert_eq!(values.len(), 10);
        }
        let pairs: HashSet<(usize, usize)> = (0..100)
            .map(Look::of)
            .map(|l| (l.colour, l.marker))
            .collect();
        assert_eq!(pairs.len(), 100);
        assert_eq!(Look::of(0).classes(), "series-1 dash-1");
        assert_eq!(Look::of(10).colour, 1);
        assert_ne!(Look::of(10).marker, Look::of(0).marker);
    }
}
