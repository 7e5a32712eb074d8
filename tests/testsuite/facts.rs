//! Facts bound to data: stat and fact shortcodes, claims and their checks, sources,
//! corrections, and `factsite check`.

use crate::support::Site;

fn site() -> Site {
    Site::fixture("facts/site")
}

#[track_caller]
fn build_error(site: &Site) -> String {
    let run = site.run(&["build"]).failure();
    run.stderr
}

// stat inserts the data's value; fact keeps the author's wording; code is left alone.
#[test]
fn renders_stats_and_facts() {
    let site = site();
    site.build();
    let home = site.read("public/index.html");
    // A number from a chart links to its entry's row on the chart's page; a figure, with
    // no charts section to list it, keeps its tooltip alone.
    assert!(home.contains("<a href=\"charts/hot-100/#entry-golden\" class=\"stat\" title=\"From the data: Golden (HUNTR/X) on the Billboard Hot 100: first week at No. 1, data as of August 30, 2025\">August 16, 2025</a>"), "{home}");
    assert!(home.contains(">2</a> weeks there"), "{home}");
    assert!(home.contains("$<span class=\"fact\" title=\"Checked against the data: Sing-along weekend gross, AFP estimate is 18000000\">18</span> million"), "{home}");
    let chart = site.read("public/charts/hot-100/index.html");
    assert!(chart.contains("<tr id=\"entry-golden\">"), "{chart}");
    assert!(
        home.contains("<code>{{ fact(99, \"not/checked\") }}</code>"),
        "{home}"
    );
}

// A written number the data contradicts fails the build at the fact, with both values.
#[test]
fn a_wrong_fact_fails_the_build() {
    let site = site();
    site.write(
        "content/_index.md",
        &site.read("content/_index.md").replace("fact(2,", "fact(3,"),
    );
    assert_eq!(
        build_error(&site)
            .lines()
            .take(5)
            .collect::<Vec<_>>()
            .join("\n"),
        "error: fact does not match the data: the text says 3, but `hot-100/golden/weeks_at_no1` is 2 (Golden (HUNTR/X) on the Billboard Hot 100: weeks at No. 1, data as of August 30, 2025)\n --> content/_index.md:4:127\n  |\n4 | Golden reached No. 1 on the chart dated {{ stat(chart=\"hot-100\", entry=\"golden\", value=\"first_no1_date\") }} and spent {{ fact(3, \"hot-100/golden/weeks_at_no1\") }} weeks there[@wire]. The sing-along took ${{ fact(18, \"figures/singalong-afp\", scale=\"million\") }} million[@boxoffice].\n  |                                                                                                                               ^"
    );
}

// When the data changes, the prose that asserted the old value stops the build.
#[test]
fn changed_data_fails_the_fact_that_depends_on_it() {
    let site = site();
    site.build();
    let before = site.tree("public");
    site.write(
        "content/charts/hot-100.toml",
        &site.read("content/charts/hot-100.toml").replace(
            "{ date = 2025-08-30, pos = 1,",
            "{ date = 2025-08-30, pos = 3,",
        ),
    );
    let stderr = build_error(&site);
    assert!(
        stderr.contains("the text says 2, but `hot-100/golden/weeks_at_no1` is 1"),
        "{stderr}"
    );
    assert!(stderr.contains(" --> content/_index.md:4:"), "{stderr}");
    assert_eq!(site.tree("public"), before, "the previous output stays");
}

// A claim check the data contradicts fails the build in the claim file, naming the claim.
#[test]
fn a_contradicted_claim_check_fails_the_build() {
    let site = site();
    site.write(
        "content/figures.toml",
        &site
            .read("content/figures.toml")
            .replace("18000000", "21000000"),
    );
    let stderr = build_error(&site);
    assert_eq!(
        stderr.trim_end(),
        "error: claim check failed: `figures/singalong-afp` is 21000000 in the data (Sing-along weekend gross, AFP estimate), but this expects < 20000000\n  --> content/claims/box-office.md:12:10\n   |\n12 | expect = \"< 20000000\"\n   |          ^^^^^^^^^^^^\nnote: claim: The sing-along did not make over $20 million (verdict: inaccurate)\nhelp: if the data is right, the verdict or the check must change; if not, correct the data with its source\n\nerror: fact does not match the data: the text says 18, but `figures/singalong-afp` is 21000000 (Sing-along weekend gross, AFP estimate)\n --> content/_index.md:4:213\n  |\n4 | Golden reached No. 1 on the chart dated {{ stat(chart=\"hot-100\", entry=\"golden\", value=\"first_no1_date\") }} and spent {{ fact(2, \"hot-100/golden/weeks_at_no1\") }} weeks there[@wire]. The sing-along took ${{ fact(18, \"figures/singalong-afp\", scale=\"million\") }} million[@boxoffice].\n  |                                                                                                                                                                                                                     ^^\nhelp: correct the text, or the data (with its source) if the text is right\n\n2 errors"
    );
}

// Claim checks with unknown stats, bad expectations and unknown sources are located.
#[test]
fn claim_errors_are_located() {
    let site = site();
    site.write(
        "content/claims/golden-no1.md",
        &site
            .read("content/claims/golden-no1.md")
            .replace("hot-100/golden/peak", "hot-100/golden/peek")
            .replace("sources = [\"wire\"]", "sources = [\"wyre\"]")
            .replace("expect = 2025-08-16", "expect = \"about then\""),
    );
    let stderr = build_error(&site);
    assert!(
        stderr.contains("error: unknown source `wyre`\n --> content/claims/golden-no1.md:9:12"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: unknown stat `peek` (entry stats: "),
        "{stderr}"
    );
    assert!(
        stderr.contains(" --> content/claims/golden-no1.md:11:8"),
        "{stderr}"
    );
    assert!(stderr.contains("error: cannot read `about then`: write a number, a date, \"off\", or a comparison such as \"<= 3\"\n  --> content/claims/golden-no1.md:16:10"), "{stderr}");
}

// Claim pages show the verbatim claim, a verdict readable without colour, the checks and
// ClaimReview JSON-LD that no text can break out of.
#[test]
fn renders_claim_pages() {
    let site = site();
    site.build();
    let page = site.read("public/claims/golden-no1/index.html");
    // The verdict leads, then the claim in quotation marks (its own quotes made single).
    assert!(page.contains("Accurate<span class=\"visually-hidden\">:</span></span> <span class=\"claim-quoted\">“The lead song ‘Golden’ reached No. 1 on the Hot 100.”</span></h1>"), "{page}");
    assert!(page.contains("<p class=\"verdict verdict-accurate\"><span class=\"verdict-symbol\" aria-hidden=\"true\">✓</span> Verdict: Accurate</p>"), "{page}");
    assert!(
        page.contains("Evidence as of <time datetime=\"2025-08-30\">August 30, 2025</time>"),
        "{page}"
    );
    assert!(
        page.contains("<td>August 16, 2025 <span class=\"check-pass\">✓ holds</span></td>"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"../../essays/\">How we rate claims</a>"),
        "{page}"
    );
    // The page's first JSON-LD block, parsed.
    let json_ld = |html: &str| -> serde_json::Value {
        let json = html
            .split("<script type=\"application/ld+json\">")
            .nth(1)
            .and_then(|s| s.split("</script>").next())
            .expect("json-ld");
        serde_json::from_str(json).expect("valid JSON")
    };
    let value = json_ld(&page);
    assert_eq!(value["@type"], "ClaimReview");
    assert_eq!(
        value["claimReviewed"],
        "The lead song \"Golden\" reached No. 1 on the Hot 100."
    );
    assert_eq!(value["reviewRating"]["alternateName"], "Accurate");
    assert_eq!(value["itemReviewed"]["author"]["name"], "An explainer");
    assert_eq!(value["url"], "https://example.org/claims/golden-no1/");
    let person = site.read("public/claims/box-office/index.html");
    assert_eq!(
        json_ld(&person)["itemReviewed"]["author"]["@type"],
        "Person"
    );
    // The whole of what a reader and a search engine get, pinned.
    let main = page
        .split_once("<main id=\"main\" tabindex=\"-1\">")
        .and_then(|(_, rest)| rest.split_once("</main>"))
        .map(|(main, _)| main.trim())
        .expect("the main element");
    insta::assert_snapshot!("claim_page_main", main);
    insta::assert_snapshot!(
        "claim_json_ld",
        serde_json::to_string_pretty(&value).expect("JSON")
    );
}

// The claims index groups claims by verdict, in the order of the scale.
#[test]
fn groups_claims_by_verdict() {
    let site = site();
    site.build();
    let index = site.read("public/claims/index.html");
    let order: Vec<usize> = [
        "id=\"verdict-accurate\"",
        "id=\"verdict-inaccurate\"",
        "id=\"verdict-unverifiable\"",
    ]
    .iter()
    .map(|id| index.find(id).unwrap_or_else(|| panic!("{id} in {index}")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{index}");
    assert!(
        !index.contains("verdict-misleading\""),
        "empty groups are left out"
    );
    assert!(index.contains("<span class=\"count\">1 claim</span>"));
}

// Citations become numbered references to a source list with the supporting quote.
#[test]
fn lists_cited_sources() {
    let site = site();
    site.build();
    let home = site.read("public/index.html");
    assert!(
        home.contains("there<sup class=\"citation\">[<a href=\"#ref-wire\">1</a>]</sup>"),
        "{home}"
    );
    assert!(
        home.contains("<li id=\"ref-boxoffice\" value=\"2\">"),
        "{home}"
    );
    assert!(home.contains("<cite><a href=\"https://wire.example.org/golden\">Golden tops the Hot 100</a></cite>. Wire (reprinting Billboard), <time datetime=\"2025-08-12\">August 12, 2025</time>. Accessed <time datetime=\"2026-11-21\">November 21, 2026</time>."), "{home}");
    assert!(home.contains("<blockquote class=\"source-quote\"><p>“Golden hit No. 1 on the chart dated Aug. 16”</p></blockquote>"), "{home}");
    site.write(
        "content/_index.md",
        "+++\ntitle = \"Home\"\n+++\nAs reported[@wired].\n",
    );
    let stderr = build_error(&site);
    assert!(
        stderr.starts_with("error: unknown source `wired`\n --> content/_index.md:4:14\n"),
        "{stderr}"
    );
}

// Corrections show on their page and on the corrections page, which has its own feed.
#[test]
fn publishes_corrections() {
    let site = site();
    site.build();
    let essay = site.read("public/essays/one/index.html");
    assert!(essay.contains("<li><time datetime=\"2025-09-02\">September 2, 2025</time>: An earlier version gave the wrong debut position.</li>"), "{essay}");
    let page = site.read("public/corrections/index.html");
    assert!(page.contains("<a href=\"../essays/one/\">One essay</a>: An earlier version gave the wrong debut position."), "{page}");
    let feed = site.read("public/corrections/atom.xml");
    assert!(
        feed.contains("<title>Correction: One essay</title>"),
        "{feed}"
    );
    assert!(feed.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://example.org/essays/one/#corrections\"/>"), "{feed}");
}

// Pages under claims/ must be claims, and [claim] belongs only there.
#[test]
fn claims_live_under_claims() {
    let site = site();
    site.write("content/claims/plain.md", "+++\ntitle = \"Plain\"\n+++\n");
    let stderr = build_error(&site);
    assert!(stderr.starts_with("error: pages under content/claims/ are checked claims and need a `[claim]` table\n --> content/claims/plain.md:2:1"), "{stderr}");
    site.remove("content/claims/plain.md");
    site.write("content/essays/two.md", "+++\ntitle = \"Two\"\n[claim]\ntext = \"x\"\nclaimant = \"y\"\nverdict = \"accurate\"\nas_of = 2025-01-01\n+++\n");
    let stderr = build_error(&site);
    assert!(stderr.starts_with("error: a `[claim]` table belongs in a page under content/claims/\n --> content/essays/two.md:3:1"), "{stderr}");
}

// check reports what a fact-checker should review, and warnings do not fail it.
#[test]
fn check_reports_warnings_without_failing() {
    let site = site();
    let run = site.run(&["check"]).success();
    assert_eq!(
        run.stdout,
        "Checked 4 pages, 3 sections, 1 chart, 3 claims and 4 sources: no errors, 9 warnings\n"
    );
    let stderr = run.stderr;
    for expected in [
        "warning: source `never-used` is never cited, and no data row, figure or claim names it\n  --> content/sources.toml:30:6",
        "warning: source `never-used` has no `quote`: readers cannot see the words that support the data",
        "warning: claim has no `[[claim.check]]`, but its source `blog` backs rows in the data\n --> content/claims/unchecked.md:3:1",
        "warning: `hot-100/golden/first_no1_date` is 2025-08-16 from a run with unknown weeks: the true value may differ\n  --> content/claims/golden-no1.md:15:8",
        "warning: `hot-100/golden/weeks_at_no1` is 2 from a run with unknown weeks: the true value may differ\n --> content/_index.md:4:",
        "warning: `hot-100/how-its-done/peak` rests on a week where sources disagree: how-its-done on 2025-07-19 follows `wire`; if `blog` is right, the value is 8\n --> content/essays/one.md:",
        "warning: stale as of 2025-08-01: the page was reviewed on 2025-08-01, but `hot-100` now has data to 2025-08-30\n --> content/essays/one.md:",
    ] {
        assert!(
            stderr.contains(expected),
            "missing:\n{expected}\n\nin:\n{stderr}"
        );
    }
    assert!(!site.exists("public"), "check writes nothing");
}

// A count from a run with unknown weeks is flagged until the prose says it counts the
// weeks we hold; a claim's check is flagged whatever its page says.
#[test]
fn check_accepts_a_qualified_count_from_an_incomplete_run() {
    let site = site();
    let warning = "`hot-100/golden/weeks_at_no1` is 2 from a run with unknown weeks";
    let index = site.read("content/_index.md");
    assert!(site.run(&["check"]).success().stderr.contains(warning));
    let qualified = index.replace("and spent {{ fact(2,", "and spent at least {{ fact(2,");
    assert_ne!(qualified, index, "the fixture sentence changed");
    site.write("content/_index.md", &qualified);
    let run = site.run(&["check"]).success();
    assert!(!run.stderr.contains(warning), "{}", run.stderr);
    assert!(
        run.stderr.contains("`hot-100/golden/first_no1_date` is 2025-08-16 from a run with unknown weeks: the true value may differ\n  --> content/claims/golden-no1.md:15:8"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stdout,
        "Checked 4 pages, 3 sections, 1 chart, 3 claims and 4 sources: no errors, 7 warnings\n"
    );
    // A qualifier in another paragraph does not count.
    site.write(
        "content/_index.md",
        &index.replace(
            "Golden reached",
            "We count at least some weeks.\n\nGolden reached",
        ),
    );
    assert!(site.run(&["check"]).success().stderr.contains(warning));
}

// check fails like build on errors.
#[test]
fn check_fails_on_errors() {
    let site = site();
    site.write(
        "content/_index.md",
        "+++\ntitle = \"Home\"\n+++\n{{ fact(9, \"hot-100/golden/peak\") }}\n",
    );
    let run = site.run(&["check"]).failure();
    assert!(
        run.stderr
            .starts_with("error: fact does not match the data"),
        "{}",
        run.stderr
    );
}
