//! Parsing a dataset file strictly: every position in range, every date on the chart's
//! weekday, every source known, no duplicate entry or week.

use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::content::date::Date;
use crate::data::sources::Bibliography;
use crate::diagnostic::{self, Diagnostic};

use super::{Basis, Cadence, Conflict, Dataset, Entry, Pos, Week, outlier};

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
    label: Option<Spanned<String>>,
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

/// Chart ids taken by other stat paths: `figures/<id>`, `data/<count>`, `audit/...`.
const RESERVED: [&str; 3] = ["figures", "data", "audit"];

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
        weekday: None,
        seen_ids: HashMap::new(),
    };
    if !valid_id(id) {
        checker.errors.push(
            Diagnostic::file(file, format!("chart file name `{id}` is not a valid id"))
                .with_help("name chart files in lowercase letters, digits and single hyphens, like hot-100.toml"),
        );
    }
    if RESERVED.contains(&id) {
        checker.errors.push(
            Diagnostic::file(
                file,
                format!(
                    "`{id}` cannot name a chart: stat paths starting `{id}/` mean something else"
                ),
            )
            .with_help(format!(
                "rename the file; {} are reserved",
                RESERVED.map(|r| format!("`{r}`")).join(", ")
            )),
        );
    }
    let positions = checker.positions(&raw.positions);
    let mut entries = Vec::with_capacity(raw.entry.len());
    let mut runs = Vec::with_capacity(raw.entry.len());
    for entry in raw.entry {
        let dates: Vec<(Date, Range<usize>)> = entry
            .weeks
            .iter()
            .map(|week| (*week.get_ref().date.get_ref(), week.get_ref().date.span()))
            .collect();
        runs.push((entry.id.get_ref().clone(), dates));
        entries.push(checker.entry(entry, positions, raw.cadence));
    }
    let outliers = outlier::check(file, &text, &runs, raw.cadence);
    checker.errors.extend(outliers);
    if !checker.errors.is_empty() {
        return Err(checker.errors);
    }
    // Alone, a dataset styles its entries in file order; `styles::assign` makes the
    // styles site-wide once every dataset is parsed.
    for (style, entry) in entries.iter_mut().enumerate() {
        entry.style = style;
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
    /// The first weekly date and where it is: it sets the weekday every date must fall on.
    weekday: Option<(Date, Range<usize>)>,
    /// Entry ids seen so far, and where.
    seen_ids: HashMap<String, Range<usize>>,
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

    fn entry(&mut self, raw: RawEntry, positions: u32, cadence: Cadence) -> Entry {
        let id = raw.id.get_ref().clone();
        if !valid_id(&id) {
            let error = self
                .at(raw.id.span(), format!("invalid entry id `{id}`"))
                .with_help(
                    "ids are lowercase letters and digits joined by single hyphens, like soda-pop",
                );
            self.errors.push(error);
        }
        if let Some(first) = self.seen_ids.insert(id.clone(), raw.id.span()) {
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
            self.weekday(cadence, date, week.date.span());
            weeks.push(self.week(week, positions, span));
        }
        weeks.sort_by_key(|w| w.date);
        let label = raw.label.and_then(|label| self.label(label));
        Entry {
            id,
            title: raw.title,
            artist: raw.artist,
            label,
            starts_at_debut: raw.starts_at_debut,
            weeks,
            span: raw.id.span(),
            style: 0,
        }
    }

    /// A chart label must say something: an empty one would leave a line unnamed.
    fn label(&mut self, label: Spanned<String>) -> Option<String> {
        let text = label.get_ref().trim();
        if text.is_empty() {
            let error = self
                .at(label.span(), "`label` is empty")
                .with_help("leave `label` out to label the line with its title");
            self.errors.push(error);
            return None;
        }
        Some(text.to_string())
    }

    fn weekday(&mut self, cadence: Cadence, date: Date, span: Range<usize>) {
        if cadence != Cadence::Weekly {
            return;
        }
        match &self.weekday {
            None => self.weekday = Some((date, span)),
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
        self.agreeing(&raw.source, &raw.also);
        let conflicts = raw
            .conflict
            .into_iter()
            .map(|c| {
                self.source(&c.source);
                let conflict = Conflict {
                    pos: self.pos(&c.pos, positions),
                    source: c.source.get_ref().clone(),
                    note: c.note,
                };
                self.disagreeing(&raw.source, &raw.also, pos, (&conflict, &c.source));
                conflict
            })
            .collect();
        let confirmed = self.confirmed(&raw.source, &raw.also);
        Week {
            date: *raw.date.get_ref(),
            pos_span: raw.pos.span(),
            pos,

            source: raw.source.into_inner(),
            basis: raw.basis,
            note: raw.note,
            also: raw.also.into_iter().map(Spanned::into_inner).collect(),
            conflicts,
            confirmed,
            span,
        }
    }

    /// Whether an agreeing source is another outlet's report, not a reprint of the row's.
    fn confirmed(&self, source: &Spanned<String>, also: &[Spanned<String>]) -> bool {
        let Some(own) = self.bibliography.get(source.get_ref()) else {
            return false;
        };
        also.iter()
            .filter_map(|id| self.bibliography.get(id.get_ref()))
            .any(|other| other.independent_of(own))
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

    /// `also` lists other sources that agree: never the row's own source, never one twice.
    fn agreeing(&mut self, source: &Spanned<String>, also: &[Spanned<String>]) {
        for (i, id) in also.iter().enumerate() {
            self.source(id);
            let name = id.get_ref();
            let message = if name == source.get_ref() {
                format!("`also` names `{name}`, the row's own source")
            } else if also[..i].iter().any(|other| other.get_ref() == name) {
                format!("`also` names `{name}` twice")
            } else {
                continue;
            };
            let error = self
                .at(id.span(), message)
                .with_help("`also` lists other sources that give the same position");
            self.errors.push(error);
        }
    }

    /// A conflict is a different position from a different source, not one that agrees.
    fn disagreeing(
        &mut self,
        source: &Spanned<String>,
        also: &[Spanned<String>],
        pos: Pos,
        (conflict, id): (&Conflict, &Spanned<String>),
    ) {
        let name = id.get_ref();
        let message = if name == source.get_ref() {
            format!(
                "`conflict` names `{name}`, the row's own source: a source cannot disagree with itself"
            )
        } else if also.iter().any(|a| a.get_ref() == name) {
            format!("`{name}` is listed both in `also` and in `conflict`")
        } else if conflict.pos == pos {
            format!(
                "this conflict gives the row's own position ({}), so `{name}` agrees with the row",
                pos.label()
            )
        } else {
            return;
        };
        let error = self
            .at(id.span(), message)
            .with_help("a conflict keeps a source that gives a different position; a source that agrees goes in `also`");
        self.errors.push(error);
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
