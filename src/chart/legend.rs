//! The legend under the picture: every drawn entry with a sample of its line (colour and
//! dash) and its marker, drawn by the chart's own code and classes, so that a line can be
//! told from its neighbours on paper, in black and white, and on a small screen.

use std::fmt::Write;

use plotters::prelude::*;

use crate::escape::html;
use crate::typography;

use super::Spec;
use super::backend::{Pen, SemanticBackend};
use super::grid::Grid;
use super::marker;
use super::style::Look;

/// The `<ul class="chart-legend">` of the drawn entries, in drawing order.
pub(crate) fn legend(spec: &Spec, grid: &Grid) -> String {
    let mut out = String::from("<ul class=\"chart-legend\">");
    for row in &grid.rows {
        let name = typography::with_artist(&row.entry.title, &row.entry.artist);
        let _ = write!(
            out,
            "<li>{} {}</li>",
            sample(Look::of(row.entry.style)),
            html(&spec.display(&name))
        );
    }
    out.push_str("</ul>");
    out
}

/// A 30 by 12 picture of a style: a stretch of its line with its marker in the middle.
fn sample(look: Look) -> String {
    let pen = Pen::default();
    let root = SemanticBackend::new((30, 12), pen.clone()).into_drawing_area();
    pen.raw(&format!("<g class=\"series {}\">", look.classes()));
    pen.attrs(" class=\"line\"");
    let drawn = root.draw(&PathElement::new(vec![(1, 6), (29, 6)], BLACK));
    pen.attrs("");
    pen.raw("<g class=\"pt stated\">");
    let drawn = drawn.and_then(|()| marker::draw(&root, look.marker, (15, 6), 4));
    pen.raw("</g></g>");
    drop(root);
    debug_assert!(drawn.is_ok(), "the semantic backend never fails");
    format!(
        "<svg class=\"fs-chart chart-key-mark\" viewBox=\"0 0 30 12\" width=\"30\" height=\"12\" \
         aria-hidden=\"true\" focusable=\"false\">{}</svg>",
        pen.into_svg()
    )
}
