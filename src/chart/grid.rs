//! What each drawn entry is on each chart date of the range: on, off, unknown or not yet out.

use std::ops::Range;

use crate::content::date::Date;
use crate::data::dataset::{Entry, Pos, Week};

use super::Spec;

/// One entry on one chart date.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Cell<'a> {
    /// On the chart at this rank.
    On(&'a Week, u32),
    /// Known to be off the chart.
    Off(&'a Week),
    /// No row for this date: the week is unknown.
    Unknown,
    /// Before the entry's known debut (`starts_at_debut`): not on the chart yet.
    Before,
}

impl<'a> Cell<'a> {
    /// The data row, if the week is known.
    pub(crate) fn week(self) -> Option<&'a Week> {
        match self {
            Self::On(week, _) | Self::Off(week) => Some(week),
            Self::Unknown | Self::Before => None,
        }
    }

    /// The rank, if on the chart.
    pub(crate) fn rank(self) -> Option<u32> {
        match self {
            Self::On(_, rank) => Some(rank),
            _ => None,
        }
    }

    /// `on`, `off` or `unknown`, as in the CSV; a week before the debut is `off`.
    pub(crate) fn status(self) -> &'static str {
        match self {
            Self::On(..) => "on",
            Self::Off(_) | Self::Before => "off",
            Self::Unknown => "unknown",
        }
    }
}

/// One drawn entry across the range.
#[derive(Debug)]
pub(crate) struct Row<'a> {
    /// The entry.
    pub entry: &'a Entry,
    /// One cell per chart date.
    pub cells: Vec<Cell<'a>>,
}

impl Row<'_> {
    /// Index ranges of consecutive chart dates on the chart: the pieces of the line.
    pub(crate) fn runs(&self) -> Vec<Range<usize>> {
        let mut runs = Vec::new();
        let mut start = None;
        for (i, cell) in self.cells.iter().enumerate() {
            match (cell.rank(), start) {
                (Some(_), None) => start = Some(i),
                (None, Some(s)) => {
                    runs.push(s..i);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            runs.push(s..self.cells.len());
        }
        runs
    }

    /// The index of the line's end: the last date on the chart, else the last date off it.
    pub(crate) fn end(&self) -> Option<usize> {
        let last = |on: bool| {
            self.cells.iter().rposition(|c| {
                if on {
                    c.rank().is_some()
                } else {
                    c.week().is_some()
                }
            })
        };
        last(true).or_else(|| last(false))
    }
}

/// The drawn entries on every chart date of the range.
#[derive(Debug)]
pub(crate) struct Grid<'a> {
    /// Every chart date in the range, at the chart's cadence.
    pub dates: Vec<Date>,
    /// Days between chart dates.
    pub step: i64,
    /// One row per drawn entry, in the spec's order.
    pub rows: Vec<Row<'a>>,
}

impl<'a> Grid<'a> {
    /// Classifies every drawn entry on every chart date of the spec's range.
    pub(crate) fn new(spec: &Spec<'a>) -> Self {
        let dates = spec.dataset.dates(spec.from, spec.to);
        let rows = spec
            .entries
            .iter()
            .map(|entry| Row {
                entry,
                cells: dates.iter().map(|&date| cell(entry, date)).collect(),
            })
            .collect();
        Grid {
            dates,
            step: spec.dataset.cadence.step(),
            rows,
        }
    }

    /// Whether any drawn entry has a row (on or off) on the date at `index`.
    pub(crate) fn known(&self, index: usize) -> bool {
        self.rows.iter().any(|r| r.cells[index].week().is_some())
    }

    /// Runs of dates where no drawn entry has data and at least one is unknown: the
    /// hatched "no data" bands.
    pub(crate) fn unknown_bands(&self) -> Vec<Range<usize>> {
        let gap = |i: usize| {
            !self.known(i)
                && self
                    .rows
                    .iter()
                    .any(|r| matches!(r.cells[i], Cell::Unknown))
        };
        let mut bands: Vec<Range<usize>> = Vec::new();
        for i in (0..self.dates.len()).filter(|&i| gap(i)) {
            match bands.last_mut() {
                Some(band) if band.end == i => band.end = i + 1,
                _ => bands.push(i..i + 1),
            }
        }
        bands
    }

    /// The latest chart date with data for a drawn entry: what the chart is "as of".
    pub(crate) fn as_of(&self) -> Option<Date> {
        (0..self.dates.len())
            .rev()
            .find(|&i| self.known(i))
            .map(|i| self.dates[i])
    }

    /// The lowest position drawn (the largest rank), a conflicting source's included; 1
    /// when nothing is on the chart.
    pub(crate) fn deepest(&self) -> u32 {
        self.rows
            .iter()
            .flat_map(|r| &r.cells)
            .filter_map(|c| match c {
                Cell::On(week, rank) => {
                    let other = week.conflicts.iter().filter_map(|k| k.pos.rank()).max();
                    Some((*rank).max(other.unwrap_or(0)))
                }
                _ => None,
            })
            .max()
            .unwrap_or(1)
    }

    /// Whether anything is drawn on the "Off chart" row.
    pub(crate) fn has_off(&self) -> bool {
        self.rows.iter().flat_map(|r| &r.cells).any(|c| match c {
            Cell::Off(_) => true,
            Cell::On(week, _) => week.conflicts.iter().any(|k| k.pos == Pos::Off),
            _ => false,
        })
    }

    /// `week` or `day`, pluralised for `n`.
    pub(crate) fn units(&self, n: usize) -> String {
        let unit = if self.step == 1 { "day" } else { "week" };
        if n == 1 {
            format!("1 {unit}")
        } else {
            format!("{n} {unit}s")
        }
    }
}

fn cell(entry: &Entry, date: Date) -> Cell<'_> {
    if let Some(week) = entry.week(date) {
        return match week.pos {
            Pos::At(rank) => Cell::On(week, rank),
            Pos::Off => Cell::Off(week),
        };
    }
    match entry.weeks.first() {
        Some(first) if date < first.date && entry.starts_at_debut => Cell::Before,
        _ => Cell::Unknown,
    }
}
