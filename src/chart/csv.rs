//! The CSV download: exactly what the chart draws, one row per entry per chart date.

use crate::dataset::Basis;
use crate::escape::csv_cell;

use super::Spec;
use super::grid::{Cell, Grid};

const HEADER: [&str; 11] = [
    "chart",
    "chart_date",
    "entry_id",
    "title",
    "artist",
    "position",
    "status",
    "basis",
    "source_id",
    "source_url",
    "conflicts",
];

/// The CSV of the drawn entries over the range, in entry order then date order.
///
/// `status` is `on`, `off` or `unknown`; a week before an entry's known debut is `off`
/// with no source. `conflicts` lists what other sources give, as `8 (source-id)`,
/// separated by `; `. Every cell is guarded against spreadsheet formula injection.
pub fn csv(spec: &Spec) -> String {
    let grid = Grid::new(spec);
    let mut out = HEADER.join(",");
    out.push_str("\r\n");
    for row in &grid.rows {
        for (date, cell) in grid.dates.iter().zip(&row.cells) {
            let week = cell.week();
            let source = week.and_then(|w| spec.bibliography.get(&w.source));
            let cells = [
                spec.dataset.id.clone(),
                date.iso(),
                row.entry.id.clone(),
                row.entry.title.clone(),
                row.entry.artist.clone(),
                cell.rank().map(|r| r.to_string()).unwrap_or_default(),
                cell.status().to_string(),
                week.map(|w| basis(w.basis)).unwrap_or_default().to_string(),
                week.map(|w| w.source.clone()).unwrap_or_default(),
                source.map(|s| s.url.get_ref().clone()).unwrap_or_default(),
                conflicts(*cell),
            ];
            let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

fn basis(basis: Basis) -> &'static str {
    match basis {
        Basis::Stated => "stated",
        Basis::Derived => "derived",
    }
}

fn conflicts(cell: Cell) -> String {
    let Some(week) = cell.week() else {
        return String::new();
    };
    let listed: Vec<String> = week
        .conflicts
        .iter()
        .map(|c| {
            let pos = c.pos.rank().map_or("off".to_string(), |r| r.to_string());
            format!("{pos} ({})", c.source)
        })
        .collect();
    listed.join("; ")
}
