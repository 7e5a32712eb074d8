//! How a week's sources are named: in tooltips, table cells and the figure's source line.

use std::collections::{BTreeMap, BTreeSet};

use crate::data::dataset::{Basis, Conflict, Entry, Week};
use crate::data::sources::{Bibliography, Source};

use super::Spec;
use super::grid::Grid;

/// Who a source's text is by: `Yonhap via TopNews`, or the publisher alone.
pub(crate) fn by(bibliography: &Bibliography, id: &str) -> String {
    match bibliography.get(id) {
        Some(Source {
            original_publisher: Some(original),
            publisher,
            ..
        }) => format!("{original} via {publisher}"),
        Some(source) => source.publisher.clone(),
        None => id.to_string(),
    }
}

/// The shortest fair name of a source: the original publisher if reprinted.
pub(crate) fn short(bibliography: &Bibliography, id: &str) -> String {
    match bibliography.get(id) {
        Some(source) => source
            .original_publisher
            .clone()
            .unwrap_or_else(|| source.publisher.clone()),
        None => id.to_string(),
    }
}

/// `derived from Yonhap via TopNews` or `stated by Billboard`.
pub(crate) fn basis(bibliography: &Bibliography, week: &Week) -> String {
    let by = by(bibliography, &week.source);
    match week.basis {
        Basis::Stated => format!("stated by {by}"),
        Basis::Derived => format!("derived from {by}"),
    }
}

/// The tooltip of a drawn week: `Golden by HUNTR/X, chart dated July 5, 2025: No. 81
/// (derived from Yonhap via TopNews)`, plus what conflicting sources give. The artist tells
/// two recordings with one title apart.
pub(crate) fn tooltip(spec: &Spec, entry: &Entry, week: &Week) -> String {
    let bibliography = spec.bibliography;
    let mut text = String::with_capacity(120);
    text.push_str(&spec.display(&entry.title));
    text.push_str(" by ");
    text.push_str(&spec.display(&entry.artist));
    text.push_str(", chart dated ");
    week.date.push_long(&mut text);
    text.push_str(": ");
    text.push_str(&week.pos.label());
    text.push_str(" (");
    text.push_str(&basis(bibliography, week));
    text.push(')');
    for conflict in &week.conflicts {
        text.push_str("; ");
        text.push_str(&short(bibliography, &conflict.source));
        text.push_str(" gives ");
        text.push_str(&conflict.pos.label());
    }
    text
}

/// The tooltip of a conflicting source's ghost marker.
pub(crate) fn conflict_tooltip(
    spec: &Spec,
    entry: &Entry,
    week: &Week,
    conflict: &Conflict,
) -> String {
    format!(
        "{} by {}, chart dated {}: {} according to {} (conflicting source; the line uses {})",
        spec.display(&entry.title),
        spec.display(&entry.artist),
        week.date.long(),
        conflict.pos.label(),
        by(spec.bibliography, &conflict.source),
        week.pos.label()
    )
}

/// Every source id behind a drawn week of the range, in first-seen order, with its source.
pub(crate) fn used<'a>(grid: &Grid<'a>, bibliography: &'a Bibliography) -> Vec<&'a Source> {
    let mut seen = BTreeSet::new();
    let mut used = Vec::new();
    let weeks = grid
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().filter_map(|c| c.week()));
    for week in weeks {
        let ids = std::iter::once(&week.source)
            .chain(&week.also)
            .chain(week.conflicts.iter().map(|c| &c.source));
        for id in ids {
            if let Some(source) = bibliography.get(id)
                && seen.insert(id.as_str())
            {
                used.push(source);
            }
        }
    }
    used
}

/// The distinct publishers and original publishers of the sources, alphabetically.
pub(crate) fn publishers(sources: &[&Source]) -> Vec<String> {
    let mut names = BTreeMap::new();
    for source in sources {
        for name in std::iter::once(&source.publisher).chain(&source.original_publisher) {
            names.insert(name.to_lowercase(), name.clone());
        }
    }
    names.into_values().collect()
}

/// `A`, `A and B`, `A, B and C`.
pub(crate) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
