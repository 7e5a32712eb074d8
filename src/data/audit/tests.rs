//! Tests of the audit log's parser: what it keeps, and every mistake located.

use super::*;
use crate::data::dataset::tests::{bibliography, hot_100};
use crate::data::figures::Figures;

const GOOD: &str = r#"[audit]
date = 2026-12-01
method = "Every row checked against its source."

[audit.before]
rows = 5
confirmed_rows = 0

[[change]]
date = 2026-11-30
target = "charts/hot-100.toml#golden@2025-07-26"
kind = "added"
what = "Agreeing source added."
why = "An independent report of the same week."
sources = ["yonhap"]

[[change]]
date = 2026-12-01
target = "claims/golden.md"
kind = "verdict"
what = "Accurate as of date to accurate."
why = "The run is complete."
sources = ["billboard", "yonhap"]
"#;

fn figures() -> Figures {
    Figures::parse(
        "content/figures.toml",
        "[[figure]]\nid = \"views\"\nlabel = \"Views\"\nvalue = 1\nunit = \"views\"\nsource = \"yonhap\"\n".into(),
        &bibliography(),
    )
    .unwrap()
}

/// Parses the log and checks its targets against the fixture data, as a build does.
fn parse(text: &str) -> Result<Audit, Vec<Diagnostic>> {
    let datasets = [hot_100()];
    let figures = figures();
    let known = Known {
        bibliography: &bibliography(),
    };
    let audit = Audit::parse("content/audit.toml", text.to_string(), &known)?;
    let errors = audit.check_targets(&datasets, &figures);
    if errors.is_empty() {
        Ok(audit)
    } else {
        Err(errors)
    }
}

use crate::diagnostic::Diagnostic;

/// The errors of a broken log, as `file:line:col: message`.
#[track_caller]
fn errors(text: &str) -> Vec<String> {
    parse(text)
        .expect_err("the log should not parse")
        .iter()
        .map(|e| format!("{}: {}", e.location(), e.message))
        .collect()
}

#[track_caller]
fn case(from: &str, to: &str, expected: &str) {
    assert!(GOOD.contains(from), "the fixture has no {from:?}");
    assert_eq!(
        errors(&GOOD.replacen(from, to, 1)),
        [expected],
        "{from} -> {to}"
    );
}

#[test]
fn keeps_every_field_of_a_good_log() {
    let audit = parse(GOOD).unwrap();
    assert_eq!(audit.date.iso(), "2026-12-01");
    assert_eq!(audit.method, "Every row checked against its source.");
    assert_eq!(
        audit.before,
        Before(vec![("rows", 5), ("confirmed_rows", 0)])
    );
    assert_eq!(audit.before.get("rows"), Some(5));
    assert_eq!(audit.before.get("stated_rows"), None);
    let first = &audit.changes[0];
    assert_eq!(
        first.target,
        Target::Row {
            chart: "hot-100".into(),
            entry: "golden".into(),
            date: Date::new(2025, 7, 26).unwrap()
        }
    );
    assert_eq!(
        (first.kind, first.date.iso()),
        (Kind::Added, "2026-11-30".into())
    );
    assert_eq!(first.what, "Agreeing source added.");
    assert_eq!(first.why, "An independent report of the same week.");
    assert_eq!(audit.count(Kind::Verdict), 1);
    assert_eq!(audit.count(Kind::Removed), 0);
    assert_eq!(audit.source_ids(), ["yonhap", "billboard"]);
}

#[test]
fn a_log_needs_only_its_audit_table() {
    let audit = parse("[audit]\ndate = 2026-12-01\nmethod = \"Checked.\"\n").unwrap();
    assert!(audit.changes.is_empty());
    assert_eq!(audit.before, Before::default());
}

#[test]
fn locates_unknown_fields_kinds_and_counts() {
    assert!(
        errors(&GOOD.replacen("why =", "reason =", 1))[0]
            .starts_with("content/audit.toml:14:1: unknown field `reason`, expected one of")
    );
    assert!(
        errors(&GOOD.replacen("kind = \"added\"", "kind = \"fixed\"", 1))[0].starts_with(
            "content/audit.toml:12:8: unknown variant `fixed`, expected one of `added`"
        )
    );
    assert!(
        errors(&GOOD.replacen("rows = 5", "rowz = 5", 1))[0].starts_with(
            "content/audit.toml:6:1: unknown field `rowz`, expected one of `entries`, `rows`"
        )
    );
    assert!(
        errors(&GOOD.replacen("[audit]\ndate = 2026-12-01\n", "[audit]\n", 1))[0]
            .contains("missing field `date`")
    );
    case(
        "rows = 5",
        "rows = -5",
        "content/audit.toml:6:8: `rows` must be a count of 0 or more, found -5",
    );
}

#[test]
fn locates_bad_dates() {
    assert_eq!(
        errors(&GOOD.replacen("date = 2026-11-30", "date = 2026-02-30", 1)),
        ["content/audit.toml:10:8: invalid date, expected day between 01 and 28"]
    );
    assert_eq!(
        errors(&GOOD.replacen("date = 2026-11-30", "date = \"2026-11-30\"", 1)),
        ["content/audit.toml:10:8: invalid type: string \"2026-11-30\", expected a TOML datetime"]
    );
    case(
        "date = 2026-11-30",
        "date = 2026-12-02",
        "content/audit.toml:10:8: this change is dated 2026-12-02, after the audit's date, 2026-12-01",
    );
}

#[test]
fn locates_unknown_sources_and_targets() {
    case(
        "sources = [\"yonhap\"]",
        "sources = [\"yonhapp\"]",
        "content/audit.toml:15:12: unknown source `yonhapp`",
    );
    case(
        "sources = [\"billboard\", \"yonhap\"]",
        "sources = [\"billboard\", \"billboard\"]",
        "content/audit.toml:23:25: `sources` names `billboard` twice",
    );
    case(
        "hot-100.toml#golden",
        "hot-101.toml#golden",
        "content/audit.toml:11:10: unknown chart `hot-101` in `target`",
    );
    case(
        "#golden@",
        "#goldn@",
        "content/audit.toml:11:10: unknown entry `goldn` in chart `hot-100`",
    );
    case(
        "@2025-07-26",
        "@2025-07-19",
        "content/audit.toml:11:10: `golden` has no row dated 2025-07-19 in content/charts/hot-100.toml",
    );
    case(
        "charts/hot-100.toml#golden@2025-07-26",
        "figures.toml#view",
        "content/audit.toml:11:10: unknown figure `view` in `target`",
    );
    case(
        "charts/hot-100.toml#golden@2025-07-26",
        "hot-100",
        "content/audit.toml:11:10: `hot-100` is not a target",
    );
}

#[test]
fn refuses_blank_text() {
    case(
        "what = \"Agreeing source added.\"",
        "what = \" \"",
        "content/audit.toml:13:8: `what` is empty",
    );
    case(
        "method = \"Every row checked against its source.\"",
        "method = \"\"",
        "content/audit.toml:3:10: `method` is empty",
    );
}

#[test]
fn every_target_the_data_holds_passes() {
    for target in [
        "charts/hot-100.toml",
        "charts/hot-100.toml#soda-pop",
        "charts/hot-100.toml#soda-pop@2025-07-19",
        "figures.toml",
        "figures.toml#views",
        "for/anything.md",
    ] {
        let text = GOOD.replacen("charts/hot-100.toml#golden@2025-07-26", target, 1);
        assert!(parse(&text).is_ok(), "{target}");
    }
}
