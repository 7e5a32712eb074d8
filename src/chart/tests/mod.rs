//! Tests of the chart module: small datasets, SVG snapshots, and the properties a reader
//! relies on (honest gaps, tooltips, no overlapping text, safe escaping, stable bytes).

//! Tests of the chart module: snapshots of the SVG for each case, and the properties every
//! picture, table, CSV and description must have.

mod picture;
mod properties;
mod shapes;
mod text;

use super::*;
use crate::data::dataset;
use crate::escape;

pub(super) const SOURCES: &str = r#"
[[source]]
id = "yonhap"
title = "Seven songs storm the Hot 100"
publisher = "TopNews"
original_publisher = "Yonhap"
url = "https://example.org/yonhap?a=1&b=2"
published = 2025-07-08
accessed = 2026-11-21

[[source]]
id = "billboard"
title = "Billboard Hot 100"
publisher = "Billboard"
url = "https://example.org/billboard"
published = 2025-07-01
accessed = 2026-11-21

[[source]]
id = "hypebeast"
title = "Platz 8"
publisher = "Hypebeast"
url = "https://example.org/hypebeast"
published = "undated"
accessed = 2026-11-21
"#;

pub(super) const HEAD: &str = r#"title = "Billboard Hot 100"
publisher = "Billboard"
positions = 100
dated = "Saturday issue date"
"#;

/// One entry: a debut, a climb and two weeks at No. 1, stated and derived.
pub(super) const SINGLE: &str = r#"
[[entry]]
id = "golden"
title = "Golden"
artist = "HUNTR/X"
starts_at_debut = true
weeks = [
  { date = 2025-07-05, pos = 81, source = "yonhap", basis = "derived" },
  { date = 2025-07-12, pos = 23, source = "yonhap" },
  { date = 2025-07-19, pos = 6, source = "billboard" },
  { date = 2025-07-26, pos = 1, source = "billboard" },
  { date = 2025-08-02, pos = 1, source = "billboard", basis = "derived" },
  { date = 2025-08-09, pos = 2, source = "billboard" },
]
"#;

/// Three entries with unknown weeks, one week unknown for all of them.
pub(super) const GAPS: &str = r#"
[[entry]]
id = "golden"
title = "Golden"
artist = "HUNTR/X"
starts_at_debut = true
weeks = [
  { date = 2025-07-05, pos = 81, source = "yonhap", basis = "derived" },
  { date = 2025-07-12, pos = 23, source = "yonhap" },
  { date = 2025-07-26, pos = 4, source = "billboard" },
  { date = 2025-08-02, pos = 2, source = "billboard" },
  { date = 2025-08-23, pos = 1, source = "billboard" },
]

[[entry]]
id = "soda-pop"
title = "Soda Pop"
artist = "Saja Boys"
starts_at_debut = true
weeks = [
  { date = 2025-07-12, pos = 49, source = "yonhap" },
  { date = 2025-07-26, pos = 30, source = "billboard" },
  { date = 2025-08-02, pos = 21, source = "billboard", basis = "derived" },
  { date = 2025-08-23, pos = 10, source = "billboard" },
]

[[entry]]
id = "your-idol"
title = "Your Idol"
artist = "Saja Boys"
weeks = [
  { date = 2025-07-05, pos = 77, source = "yonhap", basis = "derived" },
  { date = 2025-07-12, pos = 31, source = "yonhap" },
  { date = 2025-08-02, pos = 12, source = "billboard" },
  { date = 2025-08-09, pos = 9, source = "billboard" },
]
"#;

/// Off-chart weeks, then unknown weeks, then a re-entry.
pub(super) const OFF: &str = r#"
[[entry]]
id = "takedown"
title = "Takedown"
artist = "HUNTR/X"
starts_at_debut = true
weeks = [
  { date = 2025-07-05, pos = 40, source = "billboard" },
  { date = 2025-07-12, pos = 60, source = "billboard" },
  { date = 2025-07-19, pos = "off", source = "billboard" },
  { date = 2025-07-26, pos = "off", source = "billboard", basis = "derived" },
  { date = 2025-08-16, pos = 45, source = "billboard" },
  { date = 2025-08-23, pos = 50, source = "billboard" },
]
"#;

/// Sources disagree: No. 10 against No. 8, and No. 12 against off the chart.
pub(super) const CONFLICT: &str = r#"
[[entry]]
id = "how-its-done"
title = "How It's Done"
artist = "HUNTR/X"
weeks = [
  { date = 2025-09-06, pos = 9, source = "yonhap", basis = "derived" },
  { date = 2025-09-13, pos = 8, source = "billboard" },
  { date = 2025-09-20, pos = 10, source = "yonhap", conflict = [{ pos = 8, source = "hypebeast" }] },
  { date = 2025-09-27, pos = 12, source = "billboard", conflict = [{ pos = "off", source = "hypebeast" }] },
]
"#;

/// Two entries ending in the same week at adjacent positions.
pub(super) const COLLIDE: &str = r#"
[[entry]]
id = "soda-pop"
title = "Soda Pop"
artist = "Saja Boys"
weeks = [
  { date = 2025-08-02, pos = 21, source = "billboard" },
  { date = 2025-08-09, pos = 12, source = "billboard" },
  { date = 2025-08-16, pos = 5, source = "billboard" },
]

[[entry]]
id = "your-idol"
title = "Your Idol"
artist = "Saja Boys"
weeks = [
  { date = 2025-08-02, pos = 12, source = "billboard" },
  { date = 2025-08-09, pos = 9, source = "billboard" },
  { date = 2025-08-16, pos = 6, source = "billboard" },
]
"#;

/// Text that must be escaped, and a title a spreadsheet would run as a formula.
pub(super) const HOSTILE: &str = r#"
[[entry]]
id = "remix"
title = "Ain't <It> & \"Fun\""
artist = "A&B <script>"
weeks = [
  { date = 2025-07-05, pos = 3, source = "billboard" },
  { date = 2025-07-12, pos = 2, source = "billboard" },
]

[[entry]]
id = "formula"
title = "=cmd|' /C calc'!A0"
artist = "@evil"
weeks = [
  { date = 2025-07-05, pos = 50, source = "billboard" },
]
"#;

pub(super) struct Fixture {
    pub(super) bibliography: Bibliography,
    pub(super) dataset: Dataset,
}

impl Fixture {
    pub(super) fn new(entries: &str) -> Self {
        Self::with_head(HEAD, entries)
    }

    pub(super) fn with_head(head: &str, entries: &str) -> Self {
        let bibliography = Bibliography::parse("sources.toml", SOURCES.to_string()).unwrap();
        let text = format!("{head}{entries}");
        let dataset = dataset::parse("hot-100", "hot-100.toml", text, &bibliography).unwrap();
        Self {
            bibliography,
            dataset,
        }
    }

    /// Every entry, in file order.
    pub(super) fn spec(&self, title: &str) -> Spec<'_> {
        Spec {
            dataset: &self.dataset,
            entries: self.dataset.entries.iter().collect(),
            from: None,
            to: None,
            title: title.to_string(),
            id: "chart-1".to_string(),
            bibliography: &self.bibliography,
            // Straight quotes kept, so that the hostile fixture's quotes reach the SVG.
            smart_quotes: false,
        }
    }
}

/// One element per line, so that snapshot diffs are readable.
pub(super) fn lines(svg: &str) -> String {
    svg.replace("><", ">\n<")
}

/// Every start tag of element `name`.
pub(super) fn tags<'s>(svg: &'s str, name: &str) -> Vec<&'s str> {
    let open = format!("<{name} ");
    svg.match_indices(&open)
        .map(|(i, _)| &svg[i..i + svg[i..].find('>').unwrap() + 1])
        .collect()
}

/// The text of every `<text>` element, unescaped, a multi-line label's lines joined by
/// spaces.
pub(super) fn texts(svg: &str) -> Vec<String> {
    svg.split("<text ")
        .skip(1)
        .map(|rest| {
            let body = &rest[rest.find('>').unwrap() + 1..rest.find("</text>").unwrap()];
            let lines: Vec<&str> = body
                .split("<tspan")
                .filter_map(|part| {
                    let start = part.find('>').map_or(0, |i| i + 1);
                    let text = part[start..].trim_end_matches("</tspan>");
                    (!text.is_empty()).then_some(text)
                })
                .collect();
            lines
                .join(" ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&")
        })
        .collect()
}

/// The value of attribute `name` in a start tag.
pub(super) fn attr<'s>(tag: &'s str, name: &str) -> Option<&'s str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    Some(&tag[start..start + tag[start..].find('"')?])
}

// The SVG of a single run: line, markers, No. 1 band and note, peak, label.
#[test]
fn snapshot_single_run() {
    let fixture = Fixture::new(SINGLE);
    let spec = fixture.spec("Golden climbs to No. 1");
    insta::assert_snapshot!("single_run_wide", lines(&svg(&spec, Layout::Wide)));
    insta::assert_snapshot!("single_run_narrow", lines(&svg(&spec, Layout::Narrow)));
}

// Several entries broken at their unknown weeks, with a hatched band where none has data.
#[test]
fn snapshot_entries_with_gaps() {
    let fixture = Fixture::new(GAPS);
    let svg = svg(&fixture.spec("Three songs climb"), Layout::Wide);
    insta::assert_snapshot!("entries_with_gaps", lines(&svg));
}

// Off-chart weeks as × on their own row; unknown weeks as a hatched "no data" band.
#[test]
fn snapshot_unknown_versus_off() {
    let fixture = Fixture::new(OFF);
    let svg = svg(
        &fixture.spec("Takedown drops out and returns"),
        Layout::Wide,
    );
    insta::assert_snapshot!("unknown_versus_off", lines(&svg));
}

// A conflict: a ring on the drawn week, a dashed ghost at the other source's position.
#[test]
fn snapshot_conflict() {
    let fixture = Fixture::new(CONFLICT);
    let svg = svg(&fixture.spec("Sources disagree"), Layout::Wide);
    insta::assert_snapshot!("conflict", lines(&svg));
}

// Two labels that would collide are stacked apart.
#[test]
fn snapshot_colliding_labels() {
    let fixture = Fixture::new(COLLIDE);
    let svg = svg(&fixture.spec("Neck and neck"), Layout::Wide);
    insta::assert_snapshot!("colliding_labels", lines(&svg));
}

// Titles with markup characters come out escaped.
#[test]
fn snapshot_hostile_text() {
    let fixture = Fixture::new(HOSTILE);
    let svg = svg(
        &fixture.spec("Why <b>this</b> & \"that\" won't break"),
        Layout::Wide,
    );
    insta::assert_snapshot!("hostile_text", lines(&svg));
}

pub(super) fn all_fixtures() -> Vec<Fixture> {
    [SINGLE, GAPS, OFF, CONFLICT, COLLIDE, HOSTILE]
        .into_iter()
        .map(Fixture::new)
        .collect()
}
