//! Parsing `content/audit.toml` strictly: known fields and kinds only, real dates, known
//! sources, well-formed targets, no blank text; and checking its targets against the data.

use std::collections::HashSet;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::content::date::Date;
use crate::data::dataset::Dataset;
use crate::data::figures::Figures;
use crate::data::sources::Bibliography;
use crate::data::stats::COUNT_STATS;
use crate::diagnostic::{self, Diagnostic};

use super::target::{FORMS, Target};
use super::{Audit, Before, Change, Kind};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    audit: RawAudit,
    #[serde(default)]
    change: Vec<RawChange>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAudit {
    date: Spanned<Date>,
    method: Spanned<String>,
    #[serde(default)]
    before: RawBefore,
}

/// The counts before the audit: the names of the data's count stats (`COUNT_STATS`).
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawBefore {
    entries: Option<Spanned<i64>>,
    rows: Option<Spanned<i64>>,
    stated_rows: Option<Spanned<i64>>,
    derived_rows: Option<Spanned<i64>>,
    confirmed_rows: Option<Spanned<i64>>,
    single_source_rows: Option<Spanned<i64>>,
    conflicted_rows: Option<Spanned<i64>>,
    unknown_weeks: Option<Spanned<i64>>,
    sources: Option<Spanned<i64>>,
}

impl RawBefore {
    /// The given counts in `COUNT_STATS` order.
    fn given(&self) -> Vec<(&'static str, &Spanned<i64>)> {
        let values = [
            &self.entries,
            &self.rows,
            &self.stated_rows,
            &self.derived_rows,
            &self.confirmed_rows,
            &self.single_source_rows,
            &self.conflicted_rows,
            &self.unknown_weeks,
            &self.sources,
        ];
        COUNT_STATS
            .iter()
            .zip(values)
            .filter_map(|((name, _), value)| value.as_ref().map(|v| (*name, v)))
            .collect()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChange {
    date: Spanned<Date>,
    target: Spanned<String>,
    kind: Kind,
    what: Spanned<String>,
    why: Spanned<String>,
    #[serde(default)]
    sources: Vec<Spanned<String>>,
}

/// What the audit's sources are checked against when it is parsed. Its targets are checked
/// against the data later ([`Audit::check_targets`]), so that a fact which an edit of the
/// data breaks is reported at its own place, not hidden behind the log's stale target.
pub struct Known<'a> {
    /// The bibliography.
    pub bibliography: &'a Bibliography,
}

impl Audit {
    /// Parses and validates `content/audit.toml` against the rest of the data.
    pub fn parse(file: &str, text: String, known: &Known) -> Result<Self, Vec<Diagnostic>> {
        let raw: File =
            toml::from_str(&text).map_err(|e| vec![diagnostic::from_toml(file, &text, 0, &e)])?;
        let mut errors = Vec::new();
        let at = |range: Range<usize>, message: String| Diagnostic::at(file, &text, range, message);
        let text_field = |value: &Spanned<String>, name: &str, errors: &mut Vec<Diagnostic>| {
            if value.get_ref().trim().is_empty() {
                errors.push(
                    at(value.span(), format!("`{name}` is empty"))
                        .with_help(format!("say in a sentence {}", purpose(name))),
                );
            }
            value.get_ref().trim().to_string()
        };
        let method = text_field(&raw.audit.method, "method", &mut errors);
        let mut before = Vec::new();
        for (name, value) in raw.audit.before.given() {
            match usize::try_from(*value.get_ref()) {
                Ok(count) => before.push((name, count)),
                Err(_) => errors.push(at(
                    value.span(),
                    format!(
                        "`{name}` must be a count of 0 or more, found {}",
                        value.get_ref()
                    ),
                )),
            }
        }
        let date = *raw.audit.date.get_ref();
        let mut changes = Vec::with_capacity(raw.change.len());
        for change in raw.change {
            if *change.date.get_ref() > date {
                errors.push(
                    at(
                        change.date.span(),
                        format!("this change is dated {}, after the audit's date, {date}", change.date.get_ref()),
                    )
                    .with_help("`[audit] date` is the day the audit was completed: no change of it comes later"),
                );
            }
            let target = match Target::parse(change.target.get_ref()) {
                Ok(target) => Some(target),
                Err(message) => {
                    errors.push(
                        at(change.target.span(), message)
                            .with_help(format!("a target names {FORMS}")),
                    );
                    None
                }
            };
            let what = text_field(&change.what, "what", &mut errors);
            let why = text_field(&change.why, "why", &mut errors);
            let sources = sources(&change.sources, known.bibliography, &at, &mut errors);
            if let Some(target) = target {
                changes.push(Change {
                    date: *change.date.get_ref(),
                    target,
                    target_span: change.target.span(),
                    kind: change.kind,
                    what,
                    why,
                    sources,
                });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            date,
            method,
            before: Before(before),
            changes,
            file: file.to_string(),
            text,
        })
    }

    /// Every change whose target the data does not hold (a chart, entry, row or figure), as
    /// located errors; pages are checked where the audit page is built.
    pub fn check_targets(&self, datasets: &[Dataset], figures: &Figures) -> Vec<Diagnostic> {
        self.changes
            .iter()
            .filter_map(|change| {
                let (message, help) = change.target.check(datasets, figures).err()?;
                Some(
                    Diagnostic::at(&self.file, &self.text, change.target_span.clone(), message)
                        .with_help(help),
                )
            })
            .collect()
    }
}

/// A change's source ids: each known, none twice.
fn sources(
    ids: &[Spanned<String>],
    bibliography: &Bibliography,
    at: &impl Fn(Range<usize>, String) -> Diagnostic,
    errors: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut seen = HashSet::new();
    for id in ids {
        let name = id.get_ref();
        if bibliography.get(name).is_none() {
            errors.push(
                at(id.span(), format!("unknown source `{name}`"))
                    .with_help(bibliography.suggest(name)),
            );
        } else if !seen.insert(name.as_str()) {
            errors.push(at(id.span(), format!("`sources` names `{name}` twice")));
        }
    }
    ids.iter().map(|id| id.get_ref().clone()).collect()
}

fn purpose(field: &str) -> &'static str {
    match field {
        "method" => "how the audit checked the data",
        "what" => "what the change did",
        _ => "why the change was made",
    }
}
