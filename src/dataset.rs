//! Chart datasets, `content/charts/*.toml`: weekly positions, each with its source.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::date::Date;
use crate::diagnostic::{self, Diagnostic};
use crate::sources::Bibliography;

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
    /// Whether the first week listed is known to be the debut.
    pub starts_at_debut: bool,
    /// The known weeks, sorted by date.
    pub weeks: Vec<Week>,
    /// Where the entry's id is in the file.
    pub span: Range<usize>,
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDataset {
    title: String,
    publisher: String,
    positions: Spanned<i64>,
    #[serde(default)]
    cadence: Cadence,
    dated: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    entry: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: Spanned<String>,
    title: String,
    artist: String,
    #[serde(default)]
    starts_at_debut: bool,
    #[serde(default)]
    weeks: Vec<Spanned<RawWeek>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWeek {
    date: Spanned<Date>,
    pos: Spanned<toml::Value>,
    source: Spanned<String>,
    #[serde(default)]
    basis: Basis,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    also: Vec<Spanned<String>>,
    #[serde(default)]
    conflict: Vec<RawConflict>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConflict {
    pos: Spanned<toml::Value>,
    source: Spanned<String>,
    #[serde(default)]
    note: Option<String>,
}

/// Whether an id is lowercase letters and digits in hyphen-separated words (`soda-pop`).
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Parses and validates one dataset. `id` is the file stem.
pub fn parse(
    id: &str,
    file: &str,
    text: String,
    bibliography: &Bibliography,
) -> Result<Dataset, Vec<Diagnostic>> {
    let raw: RawDataset = toml::from_str(&text)
        .map_err(|error| vec![diagnostic::from_toml(file, &text, 0, &error)])?;
    let mut checker = Checker {
        file,
        text: &text,
        bibliography,
        errors: Vec::new(),
    };
    if !valid_id(id) {
        checker.errors.push(
            Diagnostic::file(file, format!("chart file name `{id}` is not a valid id"))
                .with_help("name chart files in lowercase letters, digits and single hyphens, like hot-100.toml"),
        );
    }
    let positions = checker.positions(&raw.positions);
    let mut weekday: Option<(Date, Range<usize>)> = None;
    let mut seen_ids: HashMap<String, Range<usize>> = HashMap::new();
    let mut entries = Vec::with_capacity(raw.entry.len());
    for entry in raw.entry {
        entries.push(checker.entry(entry, positions, raw.cadence, &mut weekday, &mut seen_ids));
    }
    if !checker.errors.is_empty() {
        return Err(checker.errors);
    }
    Ok(Dataset {
        id: id.to_string(),
        file: file.to_string(),
        title: raw.title,
        publisher: raw.publisher,
        positions,
        cadence: raw.cadence,
        dated: raw.dated,
        description: raw.description,
        entries,
        text,
    })
}

struct Checker<'a> {
    file: &'a str,
    text: &'a str,
    bibliography: &'a Bibliography,
    errors: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn at(&self, range: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(self.file, self.text, range, message)
    }

    fn positions(&mut self, positions: &Spanned<i64>) -> u32 {
        match u32::try_from(*positions.get_ref()) {
            Ok(n) if (1..=10_000).contains(&n) => n,
            _ => {
                let error = self.at(
                    positions.span(),
                    format!(
                        "`positions` must be between 1 and 10000, found {}",
                        positions.get_ref()
                    ),
                );
                self.errors.push(error);
                1
            }
        }
    }

    fn entry(
        &mut self,
        raw: RawEntry,
        positions: u32,
        cadence: Cadence,
        weekday: &mut Option<(Date, Range<usize>)>,
        seen_ids: &mut HashMap<String, Range<usize>>,
    ) -> Entry {
        let id = raw.id.get_ref().clone();
        if !valid_id(&id) {
            let error = self
                .at(raw.id.span(), format!("invalid entry id `{id}`"))
                .with_help(
                    "ids are lowercase letters and digits joined by single hyphens, like soda-pop",
                );
            self.errors.push(error);
        }
        if let Some(first) = seen_ids.insert(id.clone(), raw.id.span()) {
            let line = self.at(first, "").line;
            let error = self
                .at(raw.id.span(), format!("duplicate entry id `{id}`"))
                .with_note(format!("first used on line {line}"));
            self.errors.push(error);
        }
        let mut weeks = Vec::with_capacity(raw.weeks.len());
        let mut dates: HashMap<Date, Range<usize>> = HashMap::new();
        for week in raw.weeks {
            let span = week.span();
            let week = week.into_inner();
            let date = *week.date.get_ref();
            if let Some(first) = dates.insert(date, week.date.span()) {
                let line = self.at(first, "").line;
                let error = self
                    .at(
                        week.date.span(),
                        format!("duplicate week {date} in entry `{id}`"),
                    )
                    .with_note(format!("first listed on line {line}"));
                self.errors.push(error);
            }
            self.weekday(cadence, date, week.date.span(), weekday);
            weeks.push(self.week(week, positions, span));
        }
        weeks.sort_by_key(|w| w.date);
        Entry {
            id,
            title: raw.title,
            artist: raw.artist,
            starts_at_debut: raw.starts_at_debut,
            weeks,
            span: raw.id.span(),
        }
    }

    fn weekday(
        &mut self,
        cadence: Cadence,
        date: Date,
        span: Range<usize>,
        first: &mut Option<(Date, Range<usize>)>,
    ) {
        if cadence != Cadence::Weekly {
            return;
        }
        match first {
            None => *first = Some((date, span)),
            Some((reference, reference_span)) => {
                if reference.weekday_index() != date.weekday_index() {
                    let line = self.at(reference_span.clone(), "").line;
                    let error = self
                        .at(
                            span,
                            format!(
                                "{date} is a {}, but this weekly chart's dates fall on {}s",
                                date.weekday(),
                                reference.weekday()
                            ),
                        )
                        .with_note(format!(
                            "the first date, {reference} on line {line}, sets the weekday"
                        ));
                    self.errors.push(error);
                }
            }
        }
    }

    fn week(&mut self, raw: RawWeek, positions: u32, span: Range<usize>) -> Week {
        let pos = self.pos(&raw.pos, positions);
        self.source(&raw.source);
        for also in &raw.also {
            self.source(also);
        }
        let conflicts = raw
            .conflict
            .into_iter()
            .map(|c| {
                self.source(&c.source);
                Conflict {
                    pos: self.pos(&c.pos, positions),
                    source: c.source.into_inner(),
                    note: c.note,
                }
            })
            .collect();
        Week {
            date: *raw.date.get_ref(),
            pos_span: raw.pos.span(),
            pos,

            source: raw.source.into_inner(),
            basis: raw.basis,
            note: raw.note,
            also: raw.also.into_iter().map(Spanned::into_inner).collect(),
            conflicts,
            span,
        }
    }

    fn pos(&mut self, raw: &Spanned<toml::Value>, positions: u32) -> Pos {
        match raw.get_ref() {
            toml::Value::Integer(n) if (1..=i64::from(positions)).contains(n) => {
                Pos::At(u32::try_from(*n).unwrap_or(1))
            }
            toml::Value::Integer(n) => {
                let error = self.at(
                    raw.span(),
                    format!("position {n} is outside this chart's 1..={positions}"),
                );
                self.errors.push(error);
                Pos::Off
            }
            toml::Value::String(s) if s == "off" => Pos::Off,
            other => {
                let error = self
                    .at(
                        raw.span(),
                        format!("`pos` must be a position or \"off\", found {other}"),
                    )
                    .with_help("leave a week out entirely when its position is unknown");
                self.errors.push(error);
                Pos::Off
            }
        }
    }

    fn source(&mut self, id: &Spanned<String>) {
        if self.bibliography.get(id.get_ref()).is_none() {
            let error = self
                .at(id.span(), format!("unknown source `{}`", id.get_ref()))
                .with_help(self.bibliography.suggest(id.get_ref()));
            self.errors.push(error);
        }
    }
}

/// The ids of every source named anywhere in `datasets`.
pub fn cited_sources(datasets: &[Dataset]) -> HashSet<&str> {
    datasets.iter().flat_map(Dataset::source_ids).collect()
}

#[cfg(test)]
pub(crate) mod tests;
