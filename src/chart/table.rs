//! The data table, the chart's real text alternative: one column per drawn entry, one row
//! per chart date in the range, each known position linked to its source.

use std::fmt::Write;

use crate::data::dataset::{Basis, Week};
use crate::data::sources::Bibliography;
use crate::escape::html;

use super::Spec;
use super::grid::{Cell, Grid};
use super::provenance;

/// Which footnotes the table needs.
#[derive(Debug, Default, Clone, Copy)]
struct Marks {
    derived: bool,
    conflict: bool,
    unknown: bool,
}

/// The accessible HTML `<table>` of what the chart draws.
pub fn table(spec: &Spec) -> String {
    let grid = Grid::new(spec);
    let mut out = String::from("<table class=\"chart-table\">");
    let _ = write!(out, "<caption>{}</caption>", html(&caption(spec, &grid)));
    out.push_str("<thead><tr><th scope=\"col\">Chart date</th>");
    for row in &grid.rows {
        let _ = write!(
            out,
            "<th scope=\"col\">{}<span class=\"artist\">{}</span></th>",
            html(&spec.display(&row.entry.title)),
            html(&spec.display(&row.entry.artist))
        );
    }
    out.push_str("</tr></thead><tbody>");
    let mut marks = Marks::default();
    for (i, date) in grid.dates.iter().enumerate() {
        let _ = write!(
            out,
            "<tr id=\"{}-{}\"><th scope=\"row\"><time datetime=\"{}\">{}, {}</time></th>",
            html(&spec.id),
            date.iso(),
            date.iso(),
            date.short(),
            date.year()
        );
        for row in &grid.rows {
            out.push_str(&cell(spec.bibliography, row.cells[i], &mut marks));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody>");
    out.push_str(&foot(grid.rows.len() + 1, marks));
    out.push_str("</table>");
    out
}

fn caption(spec: &Spec, grid: &Grid) -> String {
    match (grid.dates.first(), grid.dates.last()) {
        (Some(first), Some(last)) => format!(
            "{}: positions on the {}, charts dated {} to {}",
            spec.title,
            spec.dataset.title,
            first.long(),
            last.long()
        ),
        _ => format!(
            "{}: no {} data in this range",
            spec.title, spec.dataset.title
        ),
    }
}

fn cell(bibliography: &Bibliography, cell: Cell, marks: &mut Marks) -> String {
    let Some(week) = cell.week() else {
        if matches!(cell, Cell::Before) {
            return "<td class=\"before\">pre-debut</td>".to_string();
        }
        marks.unknown = true;
        return "<td class=\"unknown\">no data</td>".to_string();
    };
    let value = match cell.rank() {
        Some(rank) => rank.to_string(),
        None => "off".to_string(),
    };
    let mut out = format!("<td>{}", link(bibliography, &week.source, &value));
    if week.basis == Basis::Derived {
        marks.derived = true;
        out.push('†');
    }
    out.push_str(&conflicts(bibliography, week, marks));
    out.push_str("</td>");
    out
}

/// ` (8 per Hypebeast)` for each conflicting source.
fn conflicts(bibliography: &Bibliography, week: &Week, marks: &mut Marks) -> String {
    let mut out = String::new();
    for conflict in &week.conflicts {
        marks.conflict = true;
        let value = match conflict.pos.rank() {
            Some(rank) => rank.to_string(),
            None => "off".to_string(),
        };
        let _ = write!(
            out,
            " ({} per {})",
            link(bibliography, &conflict.source, &value),
            html(&provenance::short(bibliography, &conflict.source))
        );
    }
    out
}

fn link(bibliography: &Bibliography, id: &str, text: &str) -> String {
    match bibliography.get(id) {
        Some(source) => format!(
            "<a href=\"{}\" title=\"{}\">{}</a>",
            html(source.url.get_ref()),
            html(&source.title),
            html(text)
        ),
        None => html(text),
    }
}

fn foot(columns: usize, marks: Marks) -> String {
    let mut notes = vec!["Each position links to its source."];
    if marks.derived {
        notes.push("† Derived: worked out from the source rather than stated by it.");
    }
    if marks.conflict {
        notes.push("A position in parentheses is what a conflicting source gives.");
    }
    if marks.unknown {
        notes.push("“No data”: the week is unknown, which is not the same as off the chart.");
    }
    // The note sits in a box as wide as the visible part of a table that scrolls, so that
    // it wraps there instead of running off to the side.
    format!(
        "<tfoot><tr><td colspan=\"{columns}\"><div class=\"chart-table-note\">{}</div></td></tr></tfoot>",
        html(&notes.join(" "))
    )
}
