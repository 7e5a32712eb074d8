//! Tests of the stats: every stat path, unknown weeks, conflicts.

use super::*;
use crate::data::dataset::tests::hot_100;

fn resolve(path: &str) -> Result<Resolved, String> {
    let datasets = [hot_100()];
    let figures = Figures::default();
    Stats {
        datasets: &datasets,
        figures: &figures,
        audit: None,
    }
    .resolve(path)
}

#[track_caller]
fn value(path: &str) -> String {
    resolve(path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .value
        .to_string()
}

#[track_caller]
fn error(path: &str) -> String {
    resolve(path).unwrap_err()
}

#[test]
fn computes_entry_stats_from_the_data() {
    for (stat, expected) in [
        ("debut_date", "2025-07-05"),
        ("debut_pos", "81"),
        ("peak", "1"),
        ("peak_date", "2025-07-26"),
        ("weeks_at_peak", "2"),
        ("weeks_at_no1", "2"),
        ("first_no1_date", "2025-07-26"),
        ("top10_weeks", "3"),
        ("weeks_on_chart", "5"),
        ("first_date", "2025-07-05"),
        ("latest_date", "2025-08-09"),
        ("latest_pos", "4"),
        ("pos@2025-07-12", "23"),
    ] {
        assert_eq!(value(&format!("hot-100/golden/{stat}")), expected, "{stat}");
    }
    assert_eq!(value("hot-100/soda-pop/latest_pos"), "off");
}

#[test]
fn computes_chart_stats() {
    assert_eq!(value("hot-100/as_of"), "2025-08-09");
    assert_eq!(value("hot-100/entries_on_chart@2025-07-12"), "2");
    assert_eq!(value("hot-100/entries_in_top_10@2025-07-26"), "1");
    assert_eq!(value("hot-100/entries_on_chart@2025-07-19"), "0");
}

#[test]
fn marks_stats_from_runs_with_unknown_weeks() {
    assert!(
        resolve("hot-100/golden/weeks_at_no1").unwrap().incomplete,
        "2025-07-19 is unknown"
    );
    assert!(!resolve("hot-100/golden/debut_pos").unwrap().incomplete);
    let datasets = [hot_100()];
    assert_eq!(
        unknown_weeks(&datasets[0], datasets[0].entry("golden").unwrap()),
        1
    );
    assert_eq!(
        unknown_weeks(&datasets[0], datasets[0].entry("soda-pop").unwrap()),
        0,
        "known off at the end"
    );
}

#[test]
fn explains_unknown_paths() {
    assert_eq!(
        error("hot-101/golden/peak"),
        "unknown chart `hot-101` (charts: hot-100)"
    );
    assert_eq!(
        error("hot-100/goldn/peak"),
        "unknown entry `goldn` in chart `hot-100` (entries: golden, soda-pop)"
    );
    assert!(
        error("hot-100/golden/weeks_at_n01")
            .starts_with("unknown stat `weeks_at_n01` (entry stats: debut_date, ")
    );
    assert_eq!(
        error("hot-100/golden/pos@2025-07-19"),
        "no data for `golden` on the chart dated 2025-07-19: that week is unknown"
    );
    assert_eq!(
        error("hot-100/golden/pos"),
        "`pos` needs a week: write `pos@2025-09-27`"
    );
    assert!(
        error("hot-100/soda-pop/debut_pos")
            .starts_with("the data for `soda-pop` is not known to start at its debut")
    );
    assert_eq!(
        error("hot-100/soda-pop/first_no1_date"),
        "`soda-pop` is never at No. 1 in the data"
    );
    assert_eq!(
        error("figures/nope"),
        "unknown figure `nope` in content/figures.toml"
    );
    assert_eq!(
        error("golden"),
        "`golden` is not a stat path: write chart/entry/stat, chart/stat, figures/id, data/stat or audit/stat"
    );
    assert_eq!(
        error("hot-100/golden/pos@2025-7-1"),
        "`2025-7-1` in `pos@2025-7-1` is not a date like 2025-07-05"
    );
}

#[test]
fn a_stat_at_a_date_needs_a_chart_date_the_data_covers() {
    assert_eq!(
        error("hot-100/entries_on_chart@2030-01-05"),
        "no data for `hot-100` on the chart dated 2030-01-05: that week is unknown (the data runs from 2025-07-05 to 2025-08-09)"
    );
    assert_eq!(
        error("hot-100/entries_on_chart@2025-07-06"),
        "2025-07-06 is not a chart date of `hot-100`: its charts are dated Saturdays (the nearest are 2025-07-05 and 2025-07-12)"
    );
    assert_eq!(
        error("hot-100/entries_in_top_10@2025-06-28"),
        "no data for `hot-100` on the chart dated 2025-06-28: that week is unknown (the data runs from 2025-07-05 to 2025-08-09)"
    );
    assert_eq!(
        error("hot-100/golden/pos@2025-07-06"),
        "2025-07-06 is not a chart date of `hot-100`: its charts are dated Saturdays (the nearest are 2025-07-05 and 2025-07-12)"
    );
    assert_eq!(
        error("hot-100/golden/pos@2030-01-05"),
        "no data for `hot-100` on the chart dated 2030-01-05: that week is unknown (the data runs from 2025-07-05 to 2025-08-09)"
    );
}

#[test]
fn a_week_no_entry_has_a_row_for_is_unknown_not_zero() {
    let text = crate::data::dataset::tests::HOT_100.replace(
        "  { date = 2025-07-19, pos = \"off\", source = \"yonhap\" },\n",
        "",
    );
    let dataset = crate::data::dataset::parse(
        "hot-100",
        "content/charts/hot-100.toml",
        text,
        &crate::data::dataset::tests::bibliography(),
    )
    .unwrap();
    let datasets = [dataset];
    let figures = Figures::default();
    let stats = Stats {
        datasets: &datasets,
        figures: &figures,
        audit: None,
    };
    for path in [
        "hot-100/entries_on_chart@2025-07-19",
        "hot-100/entries_in_top_10@2025-07-19",
    ] {
        assert_eq!(
            stats.resolve(path).unwrap_err(),
            "no data for `hot-100` on the chart dated 2025-07-19: that week is unknown",
            "{path}"
        );
    }
    assert_eq!(
        stats
            .resolve("hot-100/entries_on_chart@2025-07-12")
            .unwrap()
            .value,
        Value::Int(2)
    );
}

#[test]
fn refuses_nonsense_parameters_and_weeks_on_stats_without_one() {
    for n in ["0", "101", "010", "+5", "", "1x"] {
        assert_eq!(
            error(&format!("hot-100/entries_in_top_{n}@2025-07-12")),
            format!(
                "`entries_in_top_{n}` needs a number from 1 to 100 (the chart's size), like entries_in_top_10"
            )
        );
    }
    assert_eq!(value("hot-100/entries_in_top_100@2025-07-12"), "2");
    assert_eq!(
        error("hot-100/golden/peak@2025-07-12"),
        "`peak` does not take a week; the weekly entry stat is pos@DATE"
    );
    assert_eq!(
        error("hot-100/as_of@2025-07-12"),
        "`as_of` does not take a week; the weekly chart stats are entries_on_chart@DATE and entries_in_top_N@DATE"
    );
}
