//! The audit page: `content/audit.toml` published at `/audit/` with the data's own counts,
//! prose that binds those counts, and a log naming what the data does not hold refused.

use crate::support::Site;

const LOG: &str = r#"[audit]
date = 2026-12-01
method = "Every row was checked against its source's own words."

[audit.before]
rows = 6
confirmed_rows = 0

[[change]]
date = 2026-12-01
target = "charts/hot-100.toml#golden@2025-08-30"
kind = "added"
what = "Agreeing source added: blog."
why = "Another outlet reports the same position."
sources = ["blog"]

[[change]]
date = 2026-12-01
target = "essays/one.md"
kind = "explanation"
what = "The essay says which weeks are unknown."
why = "A reader should know the run has gaps."
sources = ["wire", "blog"]
"#;

const PROSE: &str = "\nThe [audit](/audit/) counts {{ fact(7, \"data/rows\") }} rows, {{ fact(1, \"hot-100/confirmed_rows\") }} of them confirmed by another outlet, and made {{ fact(2, \"audit/changes\") }} changes.\n";

fn site() -> Site {
    let site = Site::fixture("integrity/site");
    site.write("content/audit.toml", LOG);
    let home = site.read("content/_index.md");
    site.write("content/_index.md", &(home + PROSE));
    site
}

fn squeeze(html: &str) -> String {
    html.split_whitespace().collect::<Vec<_>>().join(" ")
}

// The page shows each chart's counts computed from the data (a row confirmed by another
// outlet, one resting on one source, one where sources disagree), the counts before, and
// every change linked to what it changed and to its sources, and one line per chart row and
// per claim with what its check found; the sitemap lists it.
#[test]
fn the_audit_page_counts_the_data_and_lists_every_change() {
    let site = site();
    site.build();
    let html = squeeze(&site.read("public/audit/index.html"));
    for expected in [
        "<h1>Data audit</h1>",
        "<tr id=\"counts-hot-100\"><th scope=\"row\"><a href=\"../charts/hot-100/\">Billboard Hot 100</a></th><td>2</td><td>7</td><td>6</td><td>1</td><td>1</td><td>5</td><td>1</td><td>4</td><td>2</td></tr>",
        "<tr id=\"counts-before\"><th scope=\"row\">Before the audit</th><td><span class=\"check-note\">not recorded</span></td><td>6</td>",
        "<p>1 added and 1 explanation.",
        "<a href=\"../charts/hot-100/#chart-1-2025-08-30\">Billboard Hot 100: Golden, August 30, 2025</a>",
        "<a href=\"../essays/one/\">One essay</a>",
        "<sup class=\"citation\">[<a href=\"#ref-wire\">2</a>]</sup><sup class=\"citation\">[<a href=\"#ref-blog\">1</a>]</sup>",
        "<li id=\"ref-blog\" value=\"1\">",
        "<tr class=\"result-confirmed\"><td>Billboard Hot 100</td><th scope=\"row\">Golden</th><td><a href=\"../charts/hot-100/#chart-1-2025-08-30\"><time datetime=\"2025-08-30\">August 30, 2025</time></a></td><td>No. 1</td><td>stated</td><td>Confirmed by a second source</td><td>added</td></tr>",
        "<tr class=\"result-single\"><td>Billboard Hot 100</td><th scope=\"row\">Golden</th><td><a href=\"../charts/hot-100/#chart-1-2025-07-05\"><time datetime=\"2025-07-05\">July 5, 2025</time></a></td><td>No. 81</td><td>derived</td><td>One source only</td><td>checked, unchanged</td></tr>",
        "<td>off the chart</td><td>stated</td><td>Sources disagree (also reported: No. 90)</td><td>checked, unchanged</td></tr>",
    ] {
        assert!(html.contains(expected), "missing {expected}\n\n{html}");
    }
    assert!(
        site.read("public/sitemap.xml")
            .contains("<loc>https://example.org/audit/</loc>")
    );
    let home = site.read("public/index.html");
    assert!(home.contains("href=\"audit/\""), "{home}");
}

// A count in prose that disagrees with the data fails the build, naming the stat and
// where the number is written, and leaves the previous output alone.
#[test]
fn a_count_that_disagrees_with_the_data_fails_the_build() {
    let site = site();
    site.build();
    let before = site.tree("public");
    let home = site.read("content/_index.md");
    site.write(
        "content/_index.md",
        &home.replace("fact(7, \"data/rows\")", "fact(8, \"data/rows\")"),
    );
    let run = site.run(&["build"]).failure();
    assert!(run.stderr.contains("content/_index.md:"), "{}", run.stderr);
    assert!(run.stderr.contains("data/rows"), "{}", run.stderr);
    assert_eq!(site.tree("public"), before, "the previous output changed");
}

// A change naming a page that does not exist is an error at its target, exit 1, and the
// previous output is intact.
#[test]
fn a_change_naming_no_page_is_located() {
    let site = site();
    site.build();
    let before = site.tree("public");
    site.write(
        "content/audit.toml",
        &LOG.replace("essays/one.md", "essays/none.md"),
    );
    let run = site.run(&["build"]).failure();
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(
            "error: there is no page content/essays/none.md\n  --> content/audit.toml:19:10\n"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(site.tree("public"), before, "the previous output changed");
}

// Without content/audit.toml there is no audit page, and `audit/...` stats say why.
#[test]
fn without_a_log_there_is_no_page() {
    let site = Site::fixture("integrity/site");
    site.build();
    assert!(!site.exists("public/audit/index.html"));
    let home = site.read("content/_index.md");
    site.write(
        "content/_index.md",
        &(home + "\nIt made {{ fact(2, \"audit/changes\") }} changes.\n"),
    );
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr
            .contains("there is no content/audit.toml: `audit/...` stats come from the audit log"),
        "{}",
        run.stderr
    );
}

// A change naming a row the data does not hold is an error at its target, exit 1; and when
// an edit of the data breaks a fact as well, the fact's own error is reported first.
#[test]
fn a_change_naming_no_row_is_located_after_the_facts() {
    let site = site();
    site.write(
        "content/audit.toml",
        &LOG.replace("golden@2025-08-30", "golden@2025-07-19"),
    );
    let run = site.run(&["build"]).failure();
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error: `golden` has no row dated 2025-07-19 in content/charts/hot-100.toml\n  --> content/audit.toml:11:10\n"),
        "{}",
        run.stderr
    );
    let site = self::site();
    let chart = site.read("content/charts/hot-100.toml");
    let row = "  { date = 2025-08-30, pos = 1, source = \"wire\", also = [\"blog\"] },\n";
    assert!(chart.contains(row));
    site.write("content/charts/hot-100.toml", &chart.replace(row, ""));
    let run = site.run(&["build"]).failure();
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    assert!(
        run.stderr.contains("--> content/_index.md:11:"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("content/audit.toml"), "{}", run.stderr);
}
