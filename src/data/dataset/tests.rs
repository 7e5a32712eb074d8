//! Tests of dataset parsing, and the fixture other modules' tests share.

use super::*;
use crate::data::sources::Bibliography;

pub(crate) fn bibliography() -> Bibliography {
    let mut text = String::new();
    for id in ["yonhap", "billboard", "hypebeast"] {
        text.push_str(&format!(
            "[[source]]\nid = \"{id}\"\ntitle = \"T\"\npublisher = \"P\"\nurl = \"https://e.org/{id}\"\npublished = 2025-07-01\naccessed = 2026-11-21\n\n"
        ));
    }
    Bibliography::parse("content/sources.toml", text).unwrap()
}

pub(crate) const HOT_100: &str = r#"title = "Billboard Hot 100"
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

pub(crate) fn hot_100() -> Dataset {
    parse(
        "hot-100",
        "content/charts/hot-100.toml",
        HOT_100.to_string(),
        &bibliography(),
    )
    .unwrap()
}

fn errors(text: &str) -> Vec<String> {
    match parse(
        "hot-100",
        "content/charts/hot-100.toml",
        text.to_string(),
        &bibliography(),
    ) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| format!("{}: {}", e.location(), e.message))
            .collect(),
    }
}

#[test]
fn loads_weeks_sources_and_conflicts() {
    let data = hot_100();
    let golden = data.entry("golden").unwrap();
    assert_eq!(golden.weeks.len(), 5);
    assert_eq!(golden.weeks[0].basis, Basis::Derived);
    assert_eq!(golden.weeks[2].also, ["yonhap"]);
    assert_eq!(golden.weeks[4].conflicts[0].pos, Pos::At(3));
    assert_eq!(data.entry("soda-pop").unwrap().weeks[1].pos, Pos::Off);
    assert_eq!(data.as_of().map(Date::iso).as_deref(), Some("2025-08-09"));
    assert_eq!(data.dates(None, None).len(), 6);
}

#[test]
fn locates_out_of_range_positions() {
    assert_eq!(
        errors(&HOT_100.replace("pos = 23,", "pos = 101,")),
        ["content/charts/hot-100.toml:13:30: position 101 is outside this chart's 1..=100"]
    );
    assert_eq!(
        errors(&HOT_100.replace("pos = 23,", "pos = 0,")),
        ["content/charts/hot-100.toml:13:30: position 0 is outside this chart's 1..=100"]
    );
    assert_eq!(
        errors(&HOT_100.replace("pos = 23,", "pos = \"gone\",")),
        ["content/charts/hot-100.toml:13:30: `pos` must be a position or \"off\", found \"gone\""]
    );
}

#[test]
fn locates_duplicate_and_misdated_weeks() {
    assert_eq!(
        errors(&HOT_100.replace("2025-07-12, pos = 23", "2025-07-05, pos = 23")),
        ["content/charts/hot-100.toml:13:12: duplicate week 2025-07-05 in entry `golden`"]
    );
    assert_eq!(
        errors(&HOT_100.replace("2025-07-12, pos = 23", "2025-07-13, pos = 23")),
        [
            "content/charts/hot-100.toml:13:12: 2025-07-13 is a Sunday, but this weekly chart's dates fall on Saturdays"
        ]
    );
    assert!(
        errors(&HOT_100.replace("2025-07-12, pos = 23", "2025-07-32, pos = 23"))[0]
            .starts_with("content/charts/hot-100.toml:13:")
    );
}

#[test]
fn locates_unknown_sources_and_fields() {
    assert_eq!(
        errors(&HOT_100.replace(
            "pos = 23, source = \"yonhap\"",
            "pos = 23, source = \"yonhap2\""
        )),
        ["content/charts/hot-100.toml:13:43: unknown source `yonhap2`"]
    );
    assert_eq!(
        errors(&HOT_100.replace("also = [\"yonhap\"]", "also = [\"nobody\"]")),
        ["content/charts/hot-100.toml:14:63: unknown source `nobody`"]
    );
    assert!(
        errors(&HOT_100.replace("basis = \"derived\"", "basis = \"derived\", rank = 2"))[0]
            .starts_with("content/charts/hot-100.toml:12:")
    );
    assert_eq!(
        errors(&HOT_100.replace("id = \"soda-pop\"", "id = \"golden\"")),
        ["content/charts/hot-100.toml:20:6: duplicate entry id `golden`"]
    );
    assert_eq!(
        errors(&HOT_100.replace("id = \"soda-pop\"", "id = \"Soda Pop\"")),
        ["content/charts/hot-100.toml:20:6: invalid entry id `Soda Pop`"]
    );
}

#[test]
fn validates_ids() {
    for id in ["golden", "soda-pop", "hot-100", "a1"] {
        assert!(valid_id(id), "{id}");
    }
    for id in ["", "Golden", "soda--pop", "-x", "x-", "a_b", "über"] {
        assert!(!valid_id(id), "{id}");
    }
}

// A short chart label is kept when given, and an empty one is an error at its place.
#[test]
fn reads_an_optional_label() {
    let data = hot_100();
    assert_eq!(data.entry("golden").unwrap().label, None);
    let labelled = HOT_100.replace(
        "artist = \"Saja Boys\"",
        "artist = \"Saja Boys\"\nlabel = \"Pop\"",
    );
    let data = parse("hot-100", "hot-100.toml", labelled, &bibliography()).unwrap();
    assert_eq!(
        data.entry("soda-pop").unwrap().label.as_deref(),
        Some("Pop")
    );
    assert_eq!(
        errors(&HOT_100.replace(
            "artist = \"Saja Boys\"",
            "artist = \"Saja Boys\"\nlabel = \" \""
        )),
        ["content/charts/hot-100.toml:23:9: `label` is empty"]
    );
}

#[test]
fn refuses_rows_that_agree_or_disagree_with_themselves() {
    // Line 14: `{ date = 2025-07-26, pos = 1, source = "billboard", also = ["yonhap"] }`.
    assert_eq!(
        errors(&HOT_100.replace("also = [\"yonhap\"]", "also = [\"billboard\"]")),
        ["content/charts/hot-100.toml:14:63: `also` names `billboard`, the row's own source"]
    );
    assert_eq!(
        errors(&HOT_100.replace("also = [\"yonhap\"]", "also = [\"yonhap\", \"yonhap\"]")),
        ["content/charts/hot-100.toml:14:73: `also` names `yonhap` twice"]
    );
    // Line 16: `{ date = 2025-08-09, pos = 4, source = "yonhap", conflict = [{ pos = 3, source = "hypebeast", ... }] }`.
    assert_eq!(
        errors(&HOT_100.replace(
            "{ pos = 3, source = \"hypebeast\"",
            "{ pos = 4, source = \"hypebeast\""
        )),
        [
            "content/charts/hot-100.toml:16:84: this conflict gives the row's own position (No. 4), so `hypebeast` agrees with the row"
        ]
    );
    assert_eq!(
        errors(&HOT_100.replace(
            "{ pos = 3, source = \"hypebeast\"",
            "{ pos = 3, source = \"yonhap\""
        )),
        [
            "content/charts/hot-100.toml:16:84: `conflict` names `yonhap`, the row's own source: a source cannot disagree with itself"
        ]
    );
    assert_eq!(
        errors(&HOT_100.replace(
            "source = \"yonhap\", conflict",
            "source = \"yonhap\", also = [\"hypebeast\"], conflict"
        )),
        [
            "content/charts/hot-100.toml:16:106: `hypebeast` is listed both in `also` and in `conflict`"
        ]
    );
}
