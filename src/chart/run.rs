//! What a drawn entry did within the range: first week, peak, No. 1 weeks, exits and
//! re-entries, unknown weeks. Read by the notes on the chart and by the description.

use std::ops::Range;

use crate::data::dataset::Week;

use super::grid::{Cell, Row};

/// The highest position in the range and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Peak {
    /// The best rank.
    pub rank: u32,
    /// Index of the first date at that rank.
    pub first: usize,
    /// How many dates at that rank.
    pub weeks: usize,
}

/// One entry's run within the range.
#[derive(Debug)]
pub(crate) struct Facts<'a> {
    /// The first known week in the range.
    pub first: Option<(usize, &'a Week)>,
    /// Whether that week is the entry's first row at all (not cut off by the range).
    pub first_overall: bool,
    /// The peak.
    pub peak: Option<Peak>,
    /// Dates at No. 1.
    pub no1: usize,
    /// Runs of consecutive dates known to be off the chart.
    pub exits: Vec<Range<usize>>,
    /// Returns to the chart after a known exit: the index and the rank.
    pub reentries: Vec<(usize, u32)>,
    /// Dates with no data (not counting those before a known debut).
    pub unknown: usize,
    /// Dates where sources disagree.
    pub conflicts: usize,
    /// The last known week in the range.
    pub last: Option<(usize, &'a Week)>,
}

impl<'a> Facts<'a> {
    /// The facts of one row.
    pub(crate) fn of(row: &Row<'a>) -> Self {
        let known = |i: &usize| row.cells[*i].week().map(|w| (*i, w));
        let indices = 0..row.cells.len();
        let first = indices.clone().find_map(|i| known(&i));
        let first_overall =
            first.is_some_and(|(_, w)| row.entry.weeks.first().is_some_and(|f| f.date == w.date));
        Facts {
            first,
            first_overall,
            peak: peak(row),
            no1: row.cells.iter().filter(|c| c.rank() == Some(1)).count(),
            exits: exits(row),
            reentries: reentries(row),
            unknown: row
                .cells
                .iter()
                .filter(|c| matches!(c, Cell::Unknown))
                .count(),
            conflicts: row
                .cells
                .iter()
                .filter(|c| c.week().is_some_and(|w| !w.conflicts.is_empty()))
                .count(),
            last: indices.rev().find_map(|i| known(&i)),
        }
    }
}

fn peak(row: &Row) -> Option<Peak> {
    let rank = row.cells.iter().filter_map(|c| c.rank()).min()?;
    let first = row.cells.iter().position(|c| c.rank() == Some(rank))?;
    let weeks = row.cells.iter().filter(|c| c.rank() == Some(rank)).count();
    Some(Peak { rank, first, weeks })
}

fn exits(row: &Row) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    for (i, cell) in row.cells.iter().enumerate() {
        if matches!(cell, Cell::Off(_)) {
            match runs.last_mut() {
                Some(run) if run.end == i => run.end = i + 1,
                _ => runs.push(i..i + 1),
            }
        }
    }
    runs
}

/// A week on the chart whose previous known week was off it (unknown weeks between are
/// skipped: the exit and the return are both known).
fn reentries(row: &Row) -> Vec<(usize, u32)> {
    let mut previous_off = false;
    let mut found = Vec::new();
    for (i, cell) in row.cells.iter().enumerate() {
        match cell {
            Cell::On(_, rank) => {
                if previous_off {
                    found.push((i, *rank));
                }
                previous_off = false;
            }
            Cell::Off(_) => previous_off = true,
            Cell::Unknown | Cell::Before => {}
        }
    }
    found
}
