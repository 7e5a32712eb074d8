//! Edits of the data that change a stat's value: the proof that an asserted number is bound
//! to the data. The guarantee test applies each edit to a copy of the site and expects the
//! build to fail at the fact or claim check that depends on it.

use std::ops::Range;

use factsite::content::date::Date;
use factsite::data::Data;
use factsite::data::audit::{Audit, Known};
use factsite::data::dataset::{self, Dataset, Pos, Week};
use factsite::data::figures::Figures;
use factsite::data::stats::{Stats, Value};
use factsite::verify::Expect;

/// Replacements of byte ranges in one data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The file, as shown in errors (`content/charts/hot-100.toml`).
    pub file: String,
    /// Disjoint ranges and what replaces each.
    pub changes: Vec<(Range<usize>, String)>,
}

impl Edit {
    /// The file's text with the edit applied.
    pub fn apply(&self, text: &str) -> String {
        let mut changes: Vec<&(Range<usize>, String)> = self.changes.iter().collect();
        changes.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
        let mut out = text.to_string();
        for (range, replacement) in changes {
            out.replace_range(range.clone(), replacement);
        }
        out
    }
}

/// A single edit of the data, still valid, after which the stat at `path` has a different
/// value (or no longer resolves). `None` when no single-row edit changes it.
pub fn changing_edit(data: &Data, path: &str) -> Option<Edit> {
    let original = data.stats().resolve(path).ok()?.value;
    breaking_edit(data, path, &Expect::equals(original))
}

/// An edit of the data, still valid, after which the stat at `path` no longer meets
/// `expect` (or no longer resolves): the edit that must stop the build.
pub fn breaking_edit(data: &Data, path: &str, expect: &Expect) -> Option<Edit> {
    let breaks = |value: Option<Value>| value.is_none_or(|v| !expect.holds(v).unwrap_or(true));
    // The file still parses after the edit, and the stat no longer meets the expectation.
    let breaks_valid = |edit: &Edit| {
        Edited::new(data, std::slice::from_ref(edit))
            .is_some_and(|edited| breaks(edited.value(path)))
    };
    if let Some(id) = path.strip_prefix("figures/") {
        let figure = data.figures.get(id)?;
        return figure_values(figure.value, expect)
            .into_iter()
            .map(|value| Edit {
                file: data.figures.file.clone(),
                changes: vec![(figure.value_span.clone(), value.to_string())],
            })
            .find(|edit| breaks(value_after(data, path, edit)));
    }
    if let Some(stat) = path.strip_prefix("audit/") {
        return audit_edits(data.audit.as_ref()?, stat)
            .into_iter()
            .find(|edit| breaks(value_after(data, path, edit)));
    }
    if path.starts_with("data/") {
        // A count over every chart: any row of any chart, added to or taken from a count.
        return data
            .datasets
            .iter()
            .flat_map(|dataset| {
                candidates(dataset, None, None)
                    .into_iter()
                    .flat_map(move |row| edits(dataset, row))
            })
            .find(|edit| breaks_valid(edit));
    }
    let parts: Vec<&str> = path.split('/').collect();
    let index = data.datasets.iter().position(|d| d.id == parts[0])?;
    let dataset = &data.datasets[index];
    let entry = if parts.len() == 3 {
        Some(parts[1])
    } else {
        None
    };
    let week = path.split_once('@').and_then(|(_, date)| Date::parse(date));
    let rows = candidates(dataset, entry, week);
    let single = rows.iter().flat_map(|row| edits(dataset, row));
    single
        .chain(group_edits(dataset, &rows))
        .find(|edit| breaks_valid(edit))
}

/// Edits of the audit log that change one of its stats (`changes`, `changes/KIND`,
/// `before/COUNT`): a change removed, a change's kind turned into or out of KIND, a count
/// before the audit moved by one.
fn audit_edits(audit: &Audit, stat: &str) -> Vec<Edit> {
    let text = &audit.text;
    let edit = |range: Range<usize>, replacement: String| Edit {
        file: audit.file.clone(),
        changes: vec![(range, replacement)],
    };
    let starts: Vec<usize> = text.match_indices("[[change]]").map(|(i, _)| i).collect();
    match stat.split('/').collect::<Vec<_>>().as_slice() {
        ["changes"] => starts
            .iter()
            .enumerate()
            .map(|(n, start)| {
                edit(
                    *start..starts.get(n + 1).copied().unwrap_or(text.len()),
                    String::new(),
                )
            })
            .collect(),
        ["changes", kind] => text
            .match_indices("kind = \"")
            .map(|(i, key)| {
                let from = i + key.len();
                let to = from + text[from..].find('"').unwrap_or(0);
                let other = if text[from..to] != **kind {
                    (*kind).to_string()
                } else if *kind == "added" {
                    "explanation".to_string()
                } else {
                    "added".to_string()
                };
                edit(from..to, other)
            })
            .collect(),
        ["before", name] => {
            let key = format!("\n{name} = ");
            let Some(before) = text.find("[audit.before]") else {
                return Vec::new();
            };
            let Some(at) = text[before..].find(&key).map(|i| before + i + key.len()) else {
                return Vec::new();
            };
            let end = at + text[at..].find(|c: char| !c.is_ascii_digit()).unwrap_or(0);
            let value: i64 = text[at..end].parse().unwrap_or(0);
            vec![edit(at..end, (value + 1).to_string())]
        }
        _ => Vec::new(),
    }
}

/// Values a figure could take that move it across the expectation.
fn figure_values(value: i64, expect: &Expect) -> Vec<i64> {
    let mut values = vec![value + 1, value - 1];
    if let Value::Int(threshold) = expect.value {
        values.extend([threshold, threshold - 1, threshold + 1]);
    }
    values.retain(|v| *v != value && *v >= 0);
    values
}

/// Rows to try, most relevant first: the entry's rows (or all rows), the stat's week first.
fn candidates<'a>(dataset: &'a Dataset, entry: Option<&str>, week: Option<Date>) -> Vec<&'a Week> {
    let mut rows: Vec<&Week> = dataset
        .entries
        .iter()
        .filter(|e| entry.is_none_or(|id| e.id == id))
        .flat_map(|e| e.weeks.iter())
        .collect();
    rows.sort_by_key(|w| (Some(w.date) != week, std::cmp::Reverse(w.date)));
    rows
}

/// Every row at the same position moved down one place (changes a peak held for several weeks).
fn group_edits(dataset: &Dataset, rows: &[&Week]) -> Vec<Edit> {
    let mut ranks: Vec<u32> = rows.iter().filter_map(|w| w.pos.rank()).collect();
    ranks.sort_unstable();
    ranks.dedup();
    ranks
        .into_iter()
        .map(|rank| {
            let other = if rank < dataset.positions {
                rank + 1
            } else {
                rank - 1
            };
            let changes = rows
                .iter()
                .filter(|w| w.pos == Pos::At(rank))
                .map(|w| (w.pos_span.clone(), other.to_string()))
                .collect();
            Edit {
                file: dataset.file.clone(),
                changes,
            }
        })
        .collect()
}

/// Edits of one row: another position, off the chart, or gone (unknown).
fn edits(dataset: &Dataset, week: &Week) -> Vec<Edit> {
    let edit = |range: Range<usize>, text: String| Edit {
        file: dataset.file.clone(),
        changes: vec![(range, text)],
    };
    let mut out = Vec::new();
    if let Pos::At(rank) = week.pos {
        let other = if rank < dataset.positions {
            rank + 1
        } else {
            rank - 1
        };
        out.push(edit(week.pos_span.clone(), other.to_string()));
        out.push(edit(week.pos_span.clone(), "\"off\"".to_string()));
    } else {
        out.push(edit(week.pos_span.clone(), "1".to_string()));
    }
    out.push(edit(
        row_with_comma(&dataset.text, &week.span),
        String::new(),
    ));
    out
}

/// A row's range extended over the comma and spaces that follow it.
fn row_with_comma(text: &str, span: &Range<usize>) -> Range<usize> {
    let rest = &text[span.end..];
    let after = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let comma = usize::from(rest[after..].starts_with(','));
    span.start..span.end + after + comma
}

/// The value a stat has after an edit, for tests and reports.
pub fn value_after(data: &Data, path: &str, edit: &Edit) -> Option<Value> {
    Edited::new(data, std::slice::from_ref(edit))?.value(path)
}

/// The data files as they read after several edits at once, for the guarantee test's
/// batches.
#[derive(Clone)]
pub struct Edited {
    datasets: Vec<Dataset>,
    figures: Figures,
    audit: Option<Audit>,
}

impl Edited {
    /// The data as it is.
    pub fn of(data: &Data) -> Self {
        Self {
            datasets: data.datasets.clone(),
            figures: data.figures.clone(),
            audit: data.audit.clone(),
        }
    }

    /// The data after every edit of `edits`, the edits of one file merged. `None` when two
    /// ranges of a file overlap or an edited file no longer parses.
    pub fn new(data: &Data, edits: &[Edit]) -> Option<Self> {
        let mut edited = Self::of(data);
        for edit in &by_file(edits) {
            edited.reparse(data, edit)?;
        }
        Some(edited)
    }

    /// This data with `edit.file` read again as `edit` leaves the original: `edit` holds
    /// every change of that file. `None` when its ranges overlap or the file no longer
    /// parses.
    pub fn reparse(&mut self, data: &Data, edit: &Edit) -> Option<()> {
        if !disjoint(&edit.changes) {
            return None;
        }
        if let Some(log) = data.audit.as_ref().filter(|log| log.file == edit.file) {
            let known = Known {
                bibliography: &data.bibliography,
            };
            self.audit = Some(Audit::parse(&log.file, edit.apply(&log.text), &known).ok()?);
        } else if edit.file == data.figures.file {
            let text = edit.apply(&data.figures.text);
            self.figures = Figures::parse(&data.figures.file, text, &data.bibliography).ok()?;
        } else {
            let index = data.datasets.iter().position(|d| d.file == edit.file)?;
            let text = edit.apply(&data.datasets[index].text);
            self.datasets[index] = dataset::parse(
                &data.datasets[index].id,
                &edit.file,
                text,
                &data.bibliography,
            )
            .ok()?;
        }
        Some(())
    }

    /// The value of the stat at `path` in the edited data.
    pub fn value(&self, path: &str) -> Option<Value> {
        Stats {
            datasets: &self.datasets,
            figures: &self.figures,
            audit: self.audit.as_ref(),
        }
        .resolve(path)
        .ok()
        .map(|r| r.value)
    }
}

/// The edits merged into one per file, in the order the files first appear.
pub fn by_file(edits: &[Edit]) -> Vec<Edit> {
    let mut merged: Vec<Edit> = Vec::new();
    for edit in edits {
        match merged.iter_mut().find(|m| m.file == edit.file) {
            Some(m) => m.changes.extend(edit.changes.iter().cloned()),
            None => merged.push(edit.clone()),
        }
    }
    merged
}

/// Whether no two of the ranges overlap.
fn disjoint(changes: &[(Range<usize>, String)]) -> bool {
    let mut ranges: Vec<&Range<usize>> = changes.iter().map(|(range, _)| range).collect();
    ranges.sort_by_key(|r| r.start);
    ranges.windows(2).all(|pair| pair[0].end <= pair[1].start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use factsite::data::sources::Bibliography;

    const HOT_100: &str = r#"title = "Billboard Hot 100"
    publisher = "Billboard"
    positions = 100
    dated = "Saturday issue date"

    [[entry]]
    id = "golden"
    title = "Golden"
    artist = "HUNTR/X"
    starts_at_debut = true
    weeks = [
      { date = 2025-07-05, pos = 81, source = "yonhap", basis = "derived" },
      { date = 2025-07-12, pos = 23, source = "yonhap" },
      { date = 2025-07-26, pos = 1, source = "billboard", also = ["yonhap"] },
      { date = 2025-08-02, pos = 1, source = "billboard" },
      { date = 2025-08-09, pos = 4, source = "yonhap", conflict = [{ pos = 3, source = "hypebeast", note = "Differs" }] },
    ]

    [[entry]]
    id = "soda-pop"
    title = "Soda Pop"
    artist = "Saja Boys"
    weeks = [
      { date = 2025-07-12, pos = 49, source = "yonhap" },
      { date = 2025-07-19, pos = "off", source = "yonhap" },
    ]
    "#;

    fn data() -> Data {
        let mut sources = String::new();
        for id in ["yonhap", "billboard", "hypebeast"] {
            sources.push_str(&format!(
                "[[source]]\nid = \"{id}\"\ntitle = \"T\"\npublisher = \"P\"\nurl = \"https://e.org/{id}\"\npublished = 2025-07-01\naccessed = 2026-11-21\n\n"
            ));
        }
        let bibliography = Bibliography::parse("content/sources.toml", sources).unwrap();
        let hot_100 = dataset::parse(
            "hot-100",
            "content/charts/hot-100.toml",
            HOT_100.to_string(),
            &bibliography,
        )
        .unwrap();
        Data {
            bibliography,
            datasets: vec![hot_100],
            figures: Default::default(),
            audit: None,
        }
    }

    #[test]
    fn finds_an_edit_that_changes_every_kind_of_stat() {
        let data = data();
        for path in [
            "hot-100/golden/weeks_at_no1",
            "hot-100/golden/peak",
            "hot-100/golden/debut_pos",
            "hot-100/golden/first_no1_date",
            "hot-100/golden/latest_pos",
            "hot-100/golden/pos@2025-07-12",
            "hot-100/golden/top10_weeks",
            "hot-100/soda-pop/latest_pos",
            "hot-100/entries_on_chart@2025-07-12",
            "hot-100/entries_in_top_10@2025-07-26",
            "hot-100/as_of",
        ] {
            let before = data.stats().resolve(path).unwrap().value;
            let edit = changing_edit(&data, path).unwrap_or_else(|| panic!("no edit for {path}"));
            assert_ne!(
                value_after(&data, path, &edit),
                Some(before),
                "{path}: {edit:?}"
            );
        }
    }

    // Counts over every chart and the audit log's own counts have edits too, so a
    // methodology page that binds them is held to the data like any other page.
    #[test]
    fn finds_an_edit_that_changes_every_count_and_audit_stat() {
        let mut data = data();
        let log = "[audit]\ndate = 2026-12-01\nmethod = \"M.\"\n\n[audit.before]\nrows = 5\n\n[[change]]\ndate = 2026-12-01\ntarget = \"charts/hot-100.toml#golden@2025-07-26\"\nkind = \"added\"\nwhat = \"W.\"\nwhy = \"Y.\"\nsources = [\"yonhap\"]\n\n[[change]]\ndate = 2026-12-01\ntarget = \"figures.toml\"\nkind = \"verdict\"\nwhat = \"W.\"\nwhy = \"Y.\"\n";
        let known = Known {
            bibliography: &data.bibliography,
        };
        data.audit = Some(Audit::parse("content/audit.toml", log.to_string(), &known).unwrap());
        for path in [
            "data/rows",
            "data/stated_rows",
            "data/derived_rows",
            "data/single_source_rows",
            "data/conflicted_rows",
            "data/unknown_weeks",
            "hot-100/rows",
            "audit/changes",
            "audit/changes/added",
            "audit/changes/verdict",
            "audit/changes/removed",
            "audit/before/rows",
        ] {
            let before = data.stats().resolve(path).unwrap().value;
            let edit = changing_edit(&data, path).unwrap_or_else(|| panic!("no edit for {path}"));
            assert_ne!(
                value_after(&data, path, &edit),
                Some(before),
                "{path}: {edit:?}"
            );
        }
    }

    #[test]
    fn keeps_the_file_valid_when_deleting_a_row() {
        let data = data();
        let dataset = &data.datasets[0];
        let week = &dataset.entries[0].weeks[1];
        let range = row_with_comma(&dataset.text, &week.span);
        let text = Edit {
            file: dataset.file.clone(),
            changes: vec![(range, String::new())],
        }
        .apply(&dataset.text);
        assert!(dataset::parse("hot-100", &dataset.file, text, &data.bibliography).is_ok());
    }
}
