//! The whole `<figure>`: caption with title, source line and "as of" date, both pictures,
//! a legend of the lines, a key to the markers, the data table and the CSV download.

use std::fmt::Write;

use crate::data::dataset::Basis;
use crate::escape::html;

use super::grid::{Cell, Grid};
use super::{Layout, Spec, legend, provenance, svg, table};

/// The figure of `spec`, linking the CSV download at `csv_href`.
pub fn figure(spec: &Spec, csv_href: &str) -> String {
    let grid = Grid::new(spec);
    let mut out = format!("<figure class=\"chart\" id=\"{}\">", html(&spec.id));
    let _ = write!(
        out,
        "<figcaption class=\"chart-caption\"><p class=\"chart-title\">{}</p>\
         <p class=\"chart-source\">{}</p></figcaption>",
        html(&spec.display(&spec.title)),
        html(&source_line(spec, &grid))
    );
    let _ = write!(
        out,
        "<div class=\"chart-svg chart-svg--wide\">{}</div>\
         <div class=\"chart-svg chart-svg--narrow\">{}</div>",
        svg(spec, Layout::Wide),
        svg(spec, Layout::Narrow)
    );
    out.push_str(&legend::legend(spec, &grid));
    out.push_str(&key(&grid, &html(&spec.id)));
    // The table scrolls sideways in its own box when wider than the page: a region with a
    // name, focusable so that a keyboard can scroll it.
    let _ = write!(
        out,
        "<details class=\"chart-data\"><summary>Data table</summary>\
         <div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Data table: {}\">{}</div>\
         </details><p class=\"chart-links\"><a class=\"chart-download\" href=\"{}\" download>\
         Download the data (CSV)</a></p></figure>",
        html(&spec.display(&spec.title)),
        table(spec),
        html(csv_href)
    );
    out
}

/// `Source: Billboard Hot 100 (Billboard), positions as reported by A, B and C. Chart
/// dates are the …. Data as of December 6, 2025.`
pub(super) fn source_line(spec: &Spec, grid: &Grid) -> String {
    let mut line = credit(spec, grid);
    line.push_str(". ");
    line.push_str(&dated(&spec.dataset.dated));
    if let Some(as_of) = grid.as_of() {
        line.push_str(&format!(" Data as of {}.", as_of.long()));
    }
    line
}

/// `Source: Billboard Hot 100 (Billboard), positions as reported by A, B and C`: the
/// first sentence of the source line, without its full stop.
pub(super) fn credit(spec: &Spec, grid: &Grid) -> String {
    let dataset = spec.dataset;
    let mut line = format!(
        "Source: {} ({})",
        spec.display(&dataset.title),
        spec.display(&dataset.publisher)
    );
    let publishers = provenance::publishers(&provenance::used(grid, spec.bibliography));
    // A long list of outlets buries the source line; the table names each week's source.
    if publishers.len() > 6 {
        line.push_str(&format!(
            ", positions as reported by {} news outlets and reprints, named week by week in the data table",
            publishers.len()
        ));
    } else if !publishers.is_empty() {
        line.push_str(", positions as reported by ");
        line.push_str(&provenance::and_list(&publishers));
    }
    line
}

/// `Chart dates are the Saturday issue date …`, whether or not the dataset's sentence
/// starts with "The".
fn dated(text: &str) -> String {
    let text = text.trim().trim_end_matches('.');
    let text = text.strip_prefix("The ").unwrap_or(text);
    let text = text.strip_prefix("the ").unwrap_or(text);
    format!("Chart dates are the {text}.")
}

/// The key to what the chart draws, listing only the conventions it uses, each with a
/// small picture drawn with the chart's own classes, so that it looks like the mark.
fn key(grid: &Grid, id: &str) -> String {
    let cells: Vec<Cell> = grid
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().copied())
        .collect();
    let has = |test: &dyn Fn(&Cell) -> bool| cells.iter().any(test);
    let unit = if grid.step == 1 { "day" } else { "week" };
    let mut items: Vec<(String, String)> = Vec::new();
    let stated =
        |basis| move |c: &Cell| c.rank().is_some() && c.week().is_some_and(|w| w.basis == basis);
    if has(&stated(Basis::Stated)) {
        let mark = glyph("<g class=\"pt stated\"><circle cx=\"9\" cy=\"6\" r=\"4\"/></g>");
        items.push((mark, "filled marker: position stated by the source".into()));
    }
    if has(&stated(Basis::Derived)) {
        let mark = glyph("<g class=\"pt derived\"><circle cx=\"9\" cy=\"6\" r=\"4\"/></g>");
        items.push((
            mark,
            "hollow marker: position derived from the source".into(),
        ));
    }
    if has(&|c| matches!(c, Cell::Off(_))) {
        let mark = glyph(
            "<g class=\"off\"><polyline points=\"5,2 13,10\"/><polyline points=\"5,10 13,2\"/></g>",
        );
        items.push((mark, format!("off the chart that {unit}")));
    }
    if !grid.unknown_bands().is_empty() || has(&|c| matches!(c, Cell::Unknown)) {
        let mark = glyph(&format!(
            "<defs><pattern id=\"{id}-key-hatch\" width=\"6\" height=\"6\" \
             patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
             <line class=\"hatch\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern></defs>\
             <g class=\"band-unknown\"><rect x=\"1\" y=\"0\" width=\"16\" height=\"12\" \
             fill=\"url(#{id}-key-hatch)\"/></g>"
        ));
        items.push((
            mark,
            format!("gap or hatched band: no data for that {unit}"),
        ));
    }
    if has(&|c| c.week().is_some_and(|w| !w.conflicts.is_empty())) {
        let mark = glyph(
            "<g class=\"pt stated conflict\"><circle class=\"ring\" cx=\"6\" cy=\"6\" r=\"5\"/>\
             <circle cx=\"6\" cy=\"6\" r=\"2.5\"/></g><g class=\"ghost\"><circle cx=\"14\" cy=\"6\" r=\"2.5\"/></g>",
        );
        items.push((
            mark,
            "ring: sources conflict; the dashed marker is the other source".into(),
        ));
    }
    if has(&|c| c.rank() == Some(1)) {
        let mark =
            glyph("<g class=\"band-no1\"><rect x=\"1\" y=\"2.5\" width=\"16\" height=\"7\"/></g>");
        items.push((mark, format!("shaded band: {unit}s at No. 1")));
    }
    let mut out = String::from("<ul class=\"chart-key\">");
    for (mark, text) in items {
        let _ = write!(out, "<li>{mark} {text}</li>");
    }
    out.push_str("</ul>");
    out
}

/// A key picture, 18 by 12 units, hidden from assistive technology (the text says it).
fn glyph(inner: &str) -> String {
    format!(
        "<svg class=\"fs-chart chart-key-mark\" viewBox=\"0 0 18 12\" width=\"18\" height=\"12\" \
         aria-hidden=\"true\" focusable=\"false\">{inner}</svg>"
    )
}
