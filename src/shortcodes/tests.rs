//! Tests of the built-in shortcodes: values inserted, facts checked, arguments refused.

use super::*;
use crate::data::dataset::tests::hot_100;
use crate::data::figures::Figures;
use crate::data::stats::Stats;
use crate::markdown::call;

fn expand(text: &str) -> Result<(String, Vec<Used>), String> {
    let bibliography = crate::data::sources::Bibliography::parse(
        "content/sources.toml",
        "[[source]]\nid = \"s\"\ntitle = \"t\"\npublisher = \"p\"\nurl = \"https://e.org/\"\npublished = 2025-01-01\naccessed = 2025-01-02\n".into(),
    )
    .expect("sources");
    let figures = Figures::parse(
        "content/figures.toml",
        "[[figure]]\nid = \"gross\"\nlabel = \"Gross\"\nvalue = 1_500_000_000\nunit = \"USD\"\nas_of = 2025-08-31\nsource = \"s\"\n".into(),
        &bibliography,
    )
    .expect("figures");
    let datasets = [hot_100()];
    let stats = Stats {
        datasets: &datasets,
        figures: &figures,
        audit: None,
    };
    let call = call::parse(text, 0).map_err(|e| e.message)?;
    let at = Locator {
        file: "content/x.md",
        text,
    };
    let mut used = Vec::new();
    let expansion = match call.name.as_str() {
        "stat" => stat::expand(&call, at, stats, &mut used),
        _ => fact::expand(&call, at, stats, &mut used),
    };
    expansion
        .map(|e| (e.html, used))
        .map_err(|d| format!("{}: {}", d.location(), d.message))
}

#[test]
fn stat_inserts_the_value_from_the_data() {
    let (html, used) =
        expand("{{ stat(chart=\"hot-100\", entry=\"golden\", value=\"weeks_at_no1\") }}").unwrap();
    assert!(html.starts_with("<span class=\"stat\" title=\"From the data: Golden (HUNTR/X) on the Billboard Hot 100: weeks at No. 1, data as of August 9, 2025\">2</span>"), "{html}");
    assert!(!used[0].asserted);
    let (html, _) = expand("{{ stat(chart=\"hot-100\", value=\"entries_on_chart\", week=\"2025-07-12\", style=\"word\") }}").unwrap();
    assert!(html.ends_with(">two</span>"), "{html}");
}

#[test]
fn fact_renders_the_written_value_when_the_data_agrees() {
    let (html, used) = expand("{{ fact(2, \"hot-100/golden/weeks_at_no1\") }}").unwrap();
    assert!(html.ends_with(">2</span>"), "{html}");
    assert!(used[0].asserted);
    let (html, _) = expand("{{ fact(2025-07-26, \"hot-100/golden/first_no1_date\") }}").unwrap();
    assert!(html.ends_with(">July 26, 2025</span>"), "{html}");
    let (html, _) = expand("{{ fact(\"off\", \"hot-100/soda-pop/latest_pos\") }}").unwrap();
    assert!(html.ends_with(">off the chart</span>"), "{html}");
}

// A scaled whole number gets thousands separators like every other number.
#[test]
fn scaled_facts_print_as_written_with_separators() {
    let (html, _) = expand("{{ fact(1500, \"figures/gross\", scale=\"million\") }}").unwrap();
    assert!(html.ends_with(">1,500</span>"), "{html}");
    let (html, _) = expand("{{ fact(1.5, \"figures/gross\", scale=\"billion\") }}").unwrap();
    assert!(html.ends_with(">1.5</span>"), "{html}");
}

#[test]
fn fact_fails_when_the_data_disagrees() {
    assert_eq!(
        expand("{{ fact(3, \"hot-100/golden/weeks_at_no1\") }}").unwrap_err(),
        "content/x.md:1:9: fact does not match the data: the text says 3, but `hot-100/golden/weeks_at_no1` is 2 (Golden (HUNTR/X) on the Billboard Hot 100: weeks at No. 1, data as of August 9, 2025)"
    );
    assert_eq!(
        expand("{{ fact(2, \"hot-100/golden/weeks_at_n1\") }}")
            .unwrap_err()
            .split(" (entry")
            .next()
            .unwrap(),
        "content/x.md:1:12: unknown stat `weeks_at_n1`"
    );
}

#[test]
fn rejects_unknown_and_mistyped_arguments() {
    assert_eq!(
        expand("{{ stat(chart=\"hot-100\", entry=\"golden\", value=\"peak\", colour=\"red\") }}")
            .unwrap_err(),
        "content/x.md:1:56: unknown argument `colour` for `stat`"
    );
    assert_eq!(
        expand("{{ stat(chart=100, value=\"peak\") }}").unwrap_err(),
        "content/x.md:1:15: `chart` must be text in double quotes, found an integer"
    );
    assert_eq!(
        expand("{{ stat(chart=\"hot-100\") }}").unwrap_err(),
        "content/x.md:1:4: `stat` needs `value=\"...\"`"
    );
    assert_eq!(
        expand("{{ fact(19.2, \"hot-100/golden/peak\") }}").unwrap_err(),
        "content/x.md:1:9: 19.2 is not a whole number; add scale=\"million\" (or thousand, billion) to write 19.2 million"
    );
}
