//! The CSV download: exactly what the chart draws, one row per entry per chart date.

use crate::data::dataset::Basis;
use crate::escape::push_csv_cell;

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
    let mut out = String::with_capacity(160 * (1 + grid.rows.len() * grid.dates.len()));
    out.push_str(&HEADER.join(","));
    out.push_str("\r\n");
    for row in &grid.rows {
        for (date, cell) in grid.dates.iter().zip(&row.cells) {
            let week = cell.week();
            let source = week.and_then(|w| spec.bibliography.get(&w.source));
            let rank = cell.rank().map(|r| r.to_string()).unwrap_or_default();
            let cells: [&str; 11] = [
                &spec.dataset.id,
                &date.iso(),
                &row.entry.id,
                &row.entry.title,
                &row.entry.artist,
                &rank,
                cell.status(),
                week.map(|w| basis(w.basis)).unwrap_or_default(),
                week.map_or("", |w| w.source.as_str()),
                source.map_or("", |s| s.url.get_ref().as_str()),
                &conflicts(*cell),
            ];
            for (i, text) in cells.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_csv_cell(&mut out, text);
            }
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
