//! Chart datasets, `content/charts/*.toml`: weekly positions, each with its source.

mod outlier;
mod parse;
pub mod styles;

use std::collections::HashSet;
use std::ops::Range;

use serde::Deserialize;

use crate::content::date::Date;
use crate::diagnostic::Diagnostic;

pub use parse::{parse, valid_id};

/// How often the chart is published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Cadence {
    /// One chart a week: every date falls on the same weekday.
    #[default]
    Weekly,
    /// One chart a day.
    Daily,
}

impl Cadence {
    /// Days between two charts.
    pub fn step(self) -> i64 {
        match self {
            Self::Weekly => 7,
            Self::Daily => 1,
        }
    }

    /// `week` or `day`.
    pub fn unit(self) -> &'static str {
        match self {
            Self::Weekly => "week",
            Self::Daily => "day",
        }
    }
}

/// A position: on the chart at a rank, or known to be off it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Pos {
    /// Ranked at this position (1 is the top).
    At(u32),
    /// Known to be off the chart that week.
    Off,
}

impl Pos {
    /// The rank, if on the chart.
    pub fn rank(self) -> Option<u32> {
        match self {
            Self::At(rank) => Some(rank),
            Self::Off => None,
        }
    }

    /// `No. 8` or `off the chart`.
    pub fn label(self) -> String {
        match self {
            Self::At(rank) => format!("No. {rank}"),
            Self::Off => "off the chart".to_string(),
        }
    }
}

/// Whether a source states a week's date and position or we worked them out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// The source states the chart date and the position.
    #[default]
    Stated,
    /// Worked out from the source (a count, a movement, a publication date).
    Derived,
}

/// One week of an entry's run.
#[derive(Debug, Clone)]
pub struct Week {
    /// The chart date.
    pub date: Date,
    /// The position.
    pub pos: Pos,
    /// The source id.
    pub source: String,
    /// Stated or derived.
    pub basis: Basis,
    /// How the row was worked out, or anything a reader should know.
    pub note: Option<String>,
    /// Sources that agree.
    pub also: Vec<String>,
    /// Sources that disagree, kept rather than hidden.
    pub conflicts: Vec<Conflict>,
    /// Whether a source in `also` is another outlet's report (its original publisher
    /// differs from the row's source's): a second, independent confirmation. A reprint of
    /// the same text is not one.
    pub confirmed: bool,
    /// Where the row is in the file.
    pub span: Range<usize>,
    /// Where the position is in the file.
    pub pos_span: Range<usize>,
}

/// A source that gives a different position for the same week.
#[derive(Debug, Clone)]
pub struct Conflict {
    /// The position it gives.
    pub pos: Pos,
    /// The source id.
    pub source: String,
    /// Why it differs, if known.
    pub note: Option<String>,
}

/// One song or album on the chart.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The id used in stat paths (`golden`).
    pub id: String,
    /// The title.
    pub title: String,
    /// Who it is by.
    pub artist: String,
    /// A shorter name for the chart's direct label (`KPop Demon Hunters`), if the title
    /// is too long to label a line.
    pub label: Option<String>,
    /// Whether the first week listed is known to be the debut.
    pub starts_at_debut: bool,
    /// The known weeks, sorted by date.
    pub weeks: Vec<Week>,
    /// Where the entry's id is in the file.
    pub span: Range<usize>,
    /// The entry's drawing style (colour, marker and dash), 0-based and site-wide: the
    /// same id gets the same style in every dataset (see [`styles::assign`]).
    pub style: usize,
}

impl Entry {
    /// The week with this date.
    pub fn week(&self, date: Date) -> Option<&Week> {
        self.weeks
            .binary_search_by(|w| w.date.cmp(&date))
            .ok()
            .map(|i| &self.weeks[i])
    }

    /// Weeks on the chart (with a position).
    pub fn charted(&self) -> impl Iterator<Item = (&Week, u32)> {
        self.weeks
            .iter()
            .filter_map(|w| w.pos.rank().map(|rank| (w, rank)))
    }
}

/// A chart and the entries we track on it.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// The file stem (`hot-100`).
    pub id: String,
    /// The file as shown in errors.
    pub file: String,
    /// The file's text, for errors found later.
    pub text: String,
    /// The chart's name.
    pub title: String,
    /// Who publishes the chart.
    pub publisher: String,
    /// The chart's size: valid positions are 1 to this.
    pub positions: u32,
    /// Weekly or daily.
    pub cadence: Cadence,
    /// What a row's date means.
    pub dated: String,
    /// About the chart, in the site's words.
    pub description: Option<String>,
    /// The entries, in file order.
    pub entries: Vec<Entry>,
}

impl Dataset {
    /// The entry with this id.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The latest date of any row: the data is "as of" this chart.
    pub fn as_of(&self) -> Option<Date> {
        self.entries
            .iter()
            .filter_map(|e| e.weeks.last())
            .map(|w| w.date)
            .max()
    }

    /// The earliest date of any row.
    pub fn first_date(&self) -> Option<Date> {
        self.entries
            .iter()
            .filter_map(|e| e.weeks.first())
            .map(|w| w.date)
            .min()
    }

    /// Every chart date from the first to the last row, at the chart's cadence.
    pub fn dates(&self, from: Option<Date>, to: Option<Date>) -> Vec<Date> {
        let (Some(first), Some(last)) = (self.first_date(), self.as_of()) else {
            return Vec::new();
        };
        let step = self.cadence.step();
        let mut dates = Vec::new();
        let mut day = first.days();
        while day <= last.days() {
            let date = Date::from_days(day);
            if from.is_none_or(|f| date >= f) && to.is_none_or(|t| date <= t) {
                dates.push(date);
            }
            day += step;
        }
        dates
    }

    /// A located error at a byte range of the file.
    pub fn error(&self, range: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(&self.file, &self.text, range, message)
    }

    /// Every source id the dataset names.
    pub fn source_ids(&self) -> impl Iterator<Item = &str> {
        self.entries
            .iter()
            .flat_map(|e| e.weeks.iter())
            .flat_map(|w| {
                std::iter::once(w.source.as_str())
                    .chain(w.also.iter().map(String::as_str))
                    .chain(w.conflicts.iter().map(|c| c.source.as_str()))
            })
    }
}

/// The ids of every source named anywhere in `datasets`.
pub fn cited_sources(datasets: &[Dataset]) -> HashSet<&str> {
    datasets.iter().flat_map(Dataset::source_ids).collect()
}

#[cfg(test)]
pub(crate) mod tests;
