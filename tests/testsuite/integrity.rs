//! The guarantee's holes, closed: every number in the site's own words is accounted for,
//! stats at a date need a known week, nothing in `content/` overwrites generated output,
//! claims and sources a fact-checker would refuse are errors, generated anchors are
//! checked, and staleness tells the truth. Each broken case pins its exact error, exit 1
//! and an untouched previous output.

use crate::support::Site;

fn site() -> Site {
    Site::fixture("integrity/site")
}

fn replace(site: &Site, file: &str, from: &str, to: &str) {
    let text = site.read(file);
    assert!(text.contains(from), "{file} does not contain {from:?}");
    site.write(file, &text.replacen(from, to, 1));
}

/// Builds the fixture, applies `breaks`, and returns the failed build's stderr after
/// checking that the previous output is untouched.
fn broken(breaks: impl FnOnce(&Site)) -> String {
    let site = site();
    site.build();
    let before = site.tree("public");
    breaks(&site);
    let run = site.run(&["build"]).failure();
    assert_eq!(site.tree("public"), before, "the previous output changed");
    assert!(
        site.leftovers().is_empty(),
        "a temporary directory was left"
    );
    run.stderr
}

#[track_caller]
fn starts_with(stderr: &str, expected: &str) {
    assert!(
        stderr.starts_with(expected),
        "expected:\n{expected}\n\nactual:\n{stderr}"
    );
}

// Every number of the fixture is bound, cited, exempt or marked, and check --numbers says
// which, with where and why; quotes, code, URLs and the claim's own words are not audited.
#[test]
fn every_number_is_accounted_for() {
    let site = site();
    site.build();
    let run = site.run(&["check", "--numbers"]).success();
    assert_eq!(
        run.stdout,
        "content/_index.md:3:35: cited by `wire`: No. 1
content/_index.md:3:53: marked: {two}
content/_index.md:5:34: exempt (name): 100
content/_index.md:5:53: bound: 81
content/_index.md:5:115: bound: 2025-07-05
content/_index.md:5:168: cited by `wire`: 2
content/_index.md:5:170: cited by `wire`: 1
content/_index.md:5:196: exempt (date): 16
content/_index.md:5:200: exempt (year): 2025
content/_index.md:5:242: bound: 18
content/_index.md:5:327: cited by `trade`: 18,000,000
content/_index.md:5:355: marked: {two}
content/charts/_index.md:7:80: bound: 1
content/charts/_index.md:7:127: bound: 2
content/claims/golden.md:2:25: bound: No. 1
content/claims/golden.md:10:44: exempt (date): 16
content/claims/golden.md:10:48: exempt (year): 2025
content/claims/golden.md:15:30: bound: No. 1
content/claims/golden.md:20:24: bound: 1
content/claims/golden.md:20:87: exempt (date): 16
content/essays/one.md:7:25: bound: 1
content/essays/one.md:9:31: bound: 2
content/essays/one.md:13:22: bound: 49
content/essays/one.md:15:32: bound: 23
content/essays/one.md:17:49: bound: 5
Checked 2 pages, 4 sections, 1 chart, 1 claim and 3 sources: no errors, 0 warnings
Numbers: 13 bound, 4 cited, 6 exempt, 2 marked, 0 unbound
"
    );
    // Without --numbers, and with nothing unbound, check prints its one summary line.
    let run = site.run(&["check"]).success();
    assert_eq!(
        run.stdout,
        "Checked 2 pages, 4 sections, 1 chart, 1 claim and 3 sources: no errors, 0 warnings\n"
    );
}

// A mark is published without its braces, in the text and in the description; a mark
// escaped with a backslash keeps them.
#[test]
fn a_mark_is_published_without_its_braces() {
    let site = site();
    replace(
        &site,
        "content/_index.md",
        "We read {two} reports.",
        "We read {two} reports, \\{not} a mark.",
    );
    site.build();
    let home = site.read("public/index.html");
    assert!(
        home.contains("We read two reports, {not} a mark."),
        "{home}"
    );
    assert!(
        home.contains(
            "<meta name=\"description\" content=\"How Golden reached No. 1, checked in two ways.\">"
        ),
        "{home}"
    );
    assert!(!home.contains("{two}"), "{home}");
    // Escaped, the braces are text, and the number in them is audited.
    replace(
        &site,
        "content/_index.md",
        "We read {two} reports",
        "We read \\{two} reports",
    );
    let run = site.run(&["build"]).failure();
    starts_with(
        &run.stderr,
        "error: unbound number `two`: it is not bound to the data, no source cited with it quotes it, and it is not marked\n --> content/_index.md:5:357\n",
    );
}

// An unbound number in the text fails the build (the default for a new site) at its place,
// with the three ways out.
#[test]
fn an_unbound_number_in_the_text_fails_the_build() {
    let stderr = broken(|s| {
        replace(
            s,
            "content/_index.md",
            "We read {two} reports.",
            "We read two reports.",
        )
    });
    assert_eq!(
        stderr,
        "error: unbound number `two`: it is not bound to the data, no source cited with it quotes it, and it is not marked
 --> content/_index.md:5:355
  |
5 | Golden entered the Billboard Hot 100 at No. {{ fact(81, \"hot-100/golden/debut_pos\") }} on the chart dated {{ fact(2025-07-05, \"hot-100/golden/debut_date\") }} and rose 2-1 on the chart dated Aug. 16, 2025[@wire]. The sing-along took ${{ fact(18, \"figures/singalong\", scale=\"million\") }} million, which the trade press wrote as 18,000,000[@trade]. We read two reports.
  |                                                                                                                                                                                                                                                                                                                                                                   ^^^
help: bind it to the data with {{ fact(...) }}, cite a source whose `quote` holds it in the same sentence ([@source-id]), or, if it is not a fact, mark it: {two}
"
    );
}

// Titles, descriptions, claim summaries and check notes, chart titles and figure labels are
// audited too, each at its own line.
#[test]
fn numbers_outside_the_text_are_audited_where_they_are_written() {
    let stderr = broken(|s| {
        replace(
            s,
            "content/essays/one.md",
            "title = \"One essay\"",
            "title = \"One essay in 3 parts\"",
        );
        replace(
            s,
            "content/claims/golden.md",
            "summary = \"It did,",
            "summary = \"It did, 4 times,",
        );
        replace(
            s,
            "content/claims/golden.md",
            "note = \"Its best position is No. 1.\"",
            "note = \"Its best position is No. 1, for 6 weeks.\"",
        );
        replace(
            s,
            "content/charts/_index.md",
            "known weeks there",
            "known weeks there, out of 7",
        );
        replace(
            s,
            "content/figures.toml",
            "trade estimate",
            "trade estimate from 5 reports",
        );
    });
    for expected in [
        "error: unbound number `5`: it is not bound to the data, no source cited with it quotes it, and it is not marked\n --> content/figures.toml:3:56\n",
        "help: use the figure's value, quote the number in its source's `quote`, or, if it is not a fact, mark it: {5}",
        "error: unbound number `4`: it is not bound to the data, no source cited with it quotes it, and it is not marked\n  --> content/claims/golden.md:10:20\n",
        "error: unbound number `6`: it is not bound to the data, no source cited with it quotes it, and it is not marked\n  --> content/claims/golden.md:15:41\n",
        "help: bind the same number in the page with {{ fact(...) }} (or a claim check), cite a source whose `quote` holds it, or, if it is not a fact, mark it: {6}",
        "error: unbound number `7`: it is not bound to the data, no source cited with it quotes it, and it is not marked\n --> content/charts/_index.md:7:204\n",
        "error: unbound number `3`: it is not bound to the data, no source cited with it quotes it, and it is not marked\n --> content/essays/one.md:2:23\n",
    ] {
        assert!(
            stderr.contains(expected),
            "missing:\n{expected}\n\nin:\n{stderr}"
        );
    }
    assert!(stderr.ends_with("5 errors\n"), "{stderr}");
}

// With `unbound_numbers = "warn"` the build goes on, and check lists each unbound number
// and counts the numbers by class.
#[test]
fn warn_lists_unbound_numbers_without_failing() {
    let site = site();
    let toml = site.read("site.toml");
    site.write(
        "site.toml",
        &format!("{toml}\n[facts]\nunbound_numbers = \"warn\"\n"),
    );
    replace(
        &site,
        "content/_index.md",
        "We read {two} reports.",
        "We read two reports.",
    );
    site.build();
    let run = site.run(&["check"]).success();
    assert_eq!(
        run.stdout,
        "Checked 2 pages, 4 sections, 1 chart, 1 claim and 3 sources: no errors, 1 warning\nNumbers: 13 bound, 4 cited, 6 exempt, 1 marked, 1 unbound\n"
    );
    starts_with(
        &run.stderr,
        "warning: unbound number `two`: it is not bound to the data, no source cited with it quotes it, and it is not marked\n --> content/_index.md:5:355\n",
    );
    site.write(
        "site.toml",
        &format!("{toml}\n[facts]\nunbound_numbers = \"sometimes\"\n"),
    );
    let run = site.run(&["build"]).failure();
    starts_with(
        &run.stderr,
        "error: unknown variant `sometimes`, expected `warn` or `error`\n --> site.toml:7:19",
    );
}

// Names listed in `[facts] names` are exempt like the chart names in the data.
#[test]
fn listed_names_with_numbers_are_exempt() {
    let site = site();
    replace(
        &site,
        "content/_index.md",
        "We read {two} reports.",
        "We read Squid Game 2 reports.",
    );
    assert!(
        site.run(&["build"])
            .failure()
            .stderr
            .contains("unbound number `2`")
    );
    let toml = site.read("site.toml");
    site.write(
        "site.toml",
        &format!("{toml}\n[facts]\nnames = [\"Squid Game 2\"]\n"),
    );
    site.build();
}

// A fact in a chart's title is checked like any other, so the title cannot disagree with
// the chart it names, and the title is drawn with the number in it.
#[test]
fn a_chart_title_binds_its_numbers() {
    let site = site();
    site.build();
    let charts = site.read("public/charts/index.html");
    assert!(
        charts.contains(
            "<p class=\"chart-title\">Golden reached No. 1 and spent two known weeks there</p>"
        ),
        "{charts}"
    );
    let stderr = broken(|s| {
        replace(
            s,
            "content/charts/_index.md",
            "fact(2, \"hot-100/golden/weeks_at_no1\"",
            "fact(3, \"hot-100/golden/weeks_at_no1\"",
        );
    });
    starts_with(
        &stderr,
        "error: fact does not match the data: the text says 3, but `hot-100/golden/weeks_at_no1` is 2 (Golden (HUNTR/X) on the Billboard Hot 100: weeks at No. 1, data as of August 30, 2025)\n --> content/charts/_index.md:7:127\n",
    );
    let stderr = broken(|s| {
        replace(
            s,
            "content/charts/_index.md",
            "title=\"Golden reached",
            "title=\"{{ chart(data=\"hot-100\") }} Golden reached",
        );
    });
    starts_with(
        &stderr,
        "error: a chart title can hold `stat` and `fact`, not `chart`\n --> content/charts/_index.md:7:56\n",
    );
    let stderr = broken(|s| {
        replace(
            s,
            "content/charts/_index.md",
            "weeks there\")",
            "weeks there[@wire]\")",
        );
    });
    starts_with(
        &stderr,
        "error: a chart title cannot cite a source\n --> content/charts/_index.md:7:195\n",
    );
}

// A stat at a date must name a chart date the data covers and a week some row knows;
// nonsense parameters are errors, as `pos@DATE` on an unknown week always was.
#[test]
fn stats_at_a_date_need_a_known_chart_week() {
    for (fact, expected) in [
        (
            "{{ fact(0, \"hot-100/entries_on_chart@2030-01-05\") }}",
            "error: no data for `hot-100` on the chart dated 2030-01-05: that week is unknown (the data runs from 2025-07-05 to 2025-08-30)\n --> content/essays/one.md:9:",
        ),
        (
            "{{ fact(0, \"hot-100/entries_on_chart@2025-07-06\") }}",
            "error: 2025-07-06 is not a chart date of `hot-100`: its charts are dated Saturdays (the nearest are 2025-07-05 and 2025-07-12)\n --> content/essays/one.md:9:",
        ),
        (
            "{{ fact(0, \"hot-100/entries_on_chart@2025-07-26\") }}",
            "error: no data for `hot-100` on the chart dated 2025-07-26: that week is unknown\n --> content/essays/one.md:9:",
        ),
        (
            "{{ fact(0, \"hot-100/entries_in_top_0@2025-07-12\") }}",
            "error: `entries_in_top_0` needs a number from 1 to 100 (the chart's size), like entries_in_top_10\n --> content/essays/one.md:9:",
        ),
        (
            "{{ fact(1, \"hot-100/golden/pos@2025-08-17\") }}",
            "error: 2025-08-17 is not a chart date of `hot-100`: its charts are dated Saturdays (the nearest are 2025-08-16 and 2025-08-23)\n --> content/essays/one.md:9:",
        ),
    ] {
        let stderr = broken(|s| {
            replace(
                s,
                "content/essays/one.md",
                "weeks at the top",
                &format!("weeks at the top, and {fact}"),
            );
        });
        starts_with(&stderr, expected);
    }
}

/// Each case: what to add or change, and the start of the error it must give.
struct Case {
    name: &'static str,
    breaks: fn(&Site),
    expect: &'static str,
}

const COLLISIONS: &[Case] = &[
    Case {
        name: "content/index.html",
        breaks: |s| s.write("content/index.html", "<p>Not checked</p>"),
        expect: "error: `content/index.html` and the page `content/_index.md` would both be written to `index.html`\n --> content/_index.md:2:1\n  |\n2 | title = \"Home\"\n  | ^^^^^\nhelp: rename or remove `content/index.html`: nothing in content/ or theme/ may replace a file the build writes\n",
    },
    Case {
        name: "a chart's generated CSV",
        breaks: |s| {
            s.write(
                "content/charts/hot-100/hot-100.csv",
                "week,golden\n2025-07-05,1\n",
            )
        },
        expect: "error: `content/charts/hot-100/hot-100.csv` and the CSV factsite generates for the chart `hot-100` would both be written to `charts/hot-100/hot-100.csv`\n --> content/charts/hot-100/hot-100.csv\nhelp: rename or remove `content/charts/hot-100/hot-100.csv`: nothing in content/ or theme/ may replace a file the build writes\n",
    },
    Case {
        name: "a verified claim page",
        breaks: |s| {
            s.write(
                "content/claims/golden/index.html",
                "<p>Verdict: whatever</p>",
            )
        },
        expect: "error: `content/claims/golden/index.html` and the page `content/claims/golden.md` would both be written to `claims/golden/index.html`\n --> content/claims/golden.md:2:1\n",
    },
    Case {
        name: "the CSV a chart shortcode publishes",
        breaks: |s| s.write("content/charts/hot-100/golden.csv", "week,golden\n"),
        expect: "error: this chart publishes `charts/hot-100/golden.csv`, where `content/charts/hot-100/golden.csv` is written\n --> content/charts/_index.md:7:1\n",
    },
    Case {
        name: "robots.txt",
        breaks: |s| s.write("content/robots.txt", "User-agent: *\n"),
        expect: "error: `content/robots.txt` and the robots.txt factsite generates would both be written to `robots.txt`\n --> content/robots.txt\n",
    },
    Case {
        name: "a page named after the sitemap",
        breaks: |s| {
            s.write(
                "content/sitemap.md",
                "+++\ntitle = \"Map\"\nslug = \"sitemap.xml\"\n+++\n",
            )
        },
        expect: "error: the page `content/sitemap.md` is written to `sitemap.xml/index.html`, which needs a directory `sitemap.xml`, but the sitemap factsite generates writes a file there\n --> content/sitemap.md:3:1\n  |\n3 | slug = \"sitemap.xml\"\n  | ^^^^\nhelp: give the page another `slug`: factsite writes that file itself\n",
    },
    Case {
        name: "a file where a page needs a directory",
        breaks: |s| s.write("content/essays/one", "not a directory"),
        expect: "error: the page `content/essays/one.md` is written to `essays/one/index.html`, which needs a directory `essays/one`, but `content/essays/one` writes a file there\n --> content/essays/one.md:2:1\n",
    },
];

// Nothing in content/ replaces a page, a chart page or CSV, a feed, the sitemap, robots.txt
// or 404.html, and no file stands where a page needs a directory: one located error names
// both, and the previous output stays.
#[test]
fn nothing_in_content_overwrites_generated_output() {
    run_cases(COLLISIONS);
}

fn run_cases(cases: &[Case]) {
    let mut failures = Vec::new();
    for case in cases {
        let site = site();
        site.build();
        let before = site.tree("public");
        (case.breaks)(&site);
        let run = site.run(&["build"]);
        if run.code != 1 || !run.stderr.starts_with(case.expect) {
            failures.push(format!(
                "{}: exit {}\nexpected:\n{}\nactual:\n{}",
                case.name, run.code, case.expect, run.stderr
            ));
        } else if site.tree("public") != before || !site.leftovers().is_empty() {
            failures.push(format!("{}: the previous output changed", case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

const REFUSED: &[Case] = &[
    Case {
        name: "a javascript: appearance",
        breaks: |s| {
            replace(
                s,
                "content/claims/golden.md",
                "https://blog.example.org/post",
                "javascript:alert(1)",
            )
        },
        expect: "error: `appearance`: malformed URL `javascript:alert(1)`: it must start with https:// or http://\n --> content/claims/golden.md:7:15\n  |\n7 | appearance = \"javascript:alert(1)\"\n  |               ^^^^^^^^^^^^^^^^^^^\nnote: claim: Golden reached No. 1 (verdict: accurate)\nhelp: `appearance` is the address where the claim can be read: an http:// or https:// URL\n",
    },
    Case {
        name: "a data: appearance",
        breaks: |s| {
            replace(
                s,
                "content/claims/golden.md",
                "https://blog.example.org/post",
                "data:text/html,x",
            )
        },
        expect: "error: `appearance`: malformed URL `data:text/html,x`: it must start with https:// or http://\n --> content/claims/golden.md:7:15\n",
    },
    Case {
        name: "a javascript: link in the text",
        breaks: |s| {
            replace(
                s,
                "content/claims/golden.md",
                "on the chart dated Aug. 16[@wire].",
                "on the chart dated Aug. 16[@wire]. [Click](javascript:alert(1)).",
            )
        },
        expect: "error: refused link `javascript:alert(1)`: a `javascript:` link runs code or hides content in the reader's browser\n  --> content/claims/golden.md:20:",
    },
    Case {
        name: "an accurate claim without sources",
        breaks: |s| replace(s, "content/claims/golden.md", "sources = [\"wire\"]\n", ""),
        expect: "error: a claim rated `accurate` names no source\n --> content/claims/golden.md:8:12\n  |\n8 | verdict = \"accurate\"\n  |            ^^^^^^^^\nnote: claim: Golden reached No. 1 (verdict: accurate)\nhelp: list the sources the verdict rests on in `sources`, or rate the claim \"unverifiable\"\n",
    },
    Case {
        name: "an accurate claim with no visible evidence",
        breaks: |s| {
            let text = s.read("content/claims/golden.md");
            let start = text.find("[[claim.check]]").expect("checks");
            let end = text.rfind("+++").expect("end");
            s.write(
                "content/claims/golden.md",
                &format!("{}{}", &text[..start], &text[end..])
                    .replace("sources = [\"wire\"]", "sources = [\"quoteless\"]"),
            );
            let sources = s.read("content/sources.toml");
            s.write("content/sources.toml", &format!("{sources}\n[[source]]\nid = \"quoteless\"\ntitle = \"No words\"\npublisher = \"Nobody\"\nurl = \"https://nobody.example.org/\"\npublished = 2025-08-01\naccessed = 2026-11-21\n"));
        },
        expect: "error: a claim rated `accurate` has no evidence a reader can see: no `[[claim.check]]` against the data, and none of its sources has a `quote`\n --> content/claims/golden.md:8:12\n",
    },
    Case {
        name: "a check on data newer than the claim's as_of",
        breaks: |s| {
            replace(
                s,
                "content/claims/golden.md",
                "as_of = 2025-08-30",
                "as_of = 2025-08-20",
            )
        },
        expect: "error: this check reads data to 2025-08-30, after the claim's `as_of` (2025-08-20): the page would present it as evidence as of August 20, 2025\n  --> content/claims/golden.md:13:8\n   |\n13 | stat = \"hot-100/golden/peak\"\n   |        ^^^^^^^^^^^^^^^^^^^^^\nnote: claim: Golden reached No. 1 (verdict: accurate)\nhelp: pin the check to a week on or before `as_of` (pos@DATE), or review the verdict against the newer data and move `as_of` forward\n",
    },
    Case {
        name: "a pinned check after the claim's as_of",
        breaks: |s| {
            replace(
                s,
                "content/claims/golden.md",
                "stat = \"hot-100/golden/peak\"",
                "stat = \"hot-100/golden/pos@2025-08-30\"",
            );
            replace(
                s,
                "content/claims/golden.md",
                "as_of = 2025-08-30",
                "as_of = 2025-08-20",
            );
        },
        expect: "error: this check reads data to 2025-08-30, after the claim's `as_of` (2025-08-20)",
    },
    Case {
        name: "an empty source title",
        breaks: |s| {
            replace(
                s,
                "content/sources.toml",
                "title = \"Golden tops the Hot 100\"",
                "title = \"\"",
            )
        },
        expect: "error: source `wire` has an empty `title`\n --> content/sources.toml:3:1\n",
    },
    Case {
        name: "a blank publisher",
        breaks: |s| {
            replace(
                s,
                "content/sources.toml",
                "publisher = \"Wire\"",
                "publisher = \"  \"",
            )
        },
        expect: "error: source `wire` has an empty `publisher`\n --> content/sources.toml:4:1\n",
    },
    Case {
        name: "an empty quote",
        breaks: |s| {
            replace(
                s,
                "content/sources.toml",
                "quote = \"raking in US$18,000,000\"",
                "quote = \"\"",
            )
        },
        expect: "error: source `trade` has an empty `quote`\n  --> content/sources.toml:26:1\n",
    },
    Case {
        name: "also naming the row's own source",
        breaks: |s| {
            replace(
                s,
                "content/charts/hot-100.toml",
                "also = [\"blog\"]",
                "also = [\"wire\"]",
            )
        },
        expect: "error: `also` names `wire`, the row's own source\n  --> content/charts/hot-100.toml:16:58\n",
    },
    Case {
        name: "a conflict identical to its row",
        breaks: |s| {
            replace(
                s,
                "content/charts/hot-100.toml",
                "{ pos = 90, source = \"wire\" }",
                "{ pos = \"off\", source = \"wire\" }",
            )
        },
        expect: "error: this conflict gives the row's own position (off the chart), so `wire` agrees with the row\n  --> content/charts/hot-100.toml:25:",
    },
    Case {
        name: "a correction dated before publication",
        breaks: |s| {
            replace(
                s,
                "content/essays/one.md",
                "stance = \"context\"\n",
                "stance = \"context\"\n[[corrections]]\ndate = 2025-07-31\ntext = \"Fixed a date.\"\n",
            )
        },
        expect: "error: this correction is dated 2025-07-31, before the page's `date` (2025-08-01)\n --> content/essays/one.md:7:1\n",
    },
    Case {
        name: "updated before date",
        breaks: |s| {
            replace(
                s,
                "content/essays/one.md",
                "updated = 2025-08-30",
                "updated = 2025-07-30",
            )
        },
        expect: "error: `updated` (2025-07-30) is before the page's `date` (2025-08-01)\n --> content/essays/one.md:4:1\n",
    },
];

// Claims and sources a fact-checker would refuse are located errors.
#[test]
fn claims_and_sources_a_fact_checker_would_refuse_are_errors() {
    run_cases(REFUSED);
}

// A same-page link in the final HTML (a citation, a footnote, a template's own link) must
// point at an id of that page, whatever the templates: a custom page.html without the
// references partial leaves every citation dangling.
#[test]
fn generated_anchors_are_checked_whatever_the_templates() {
    let stderr = broken(|s| {
        s.write(
            "templates/page.html",
            "{% extends \"base.html\" %}\n{% block main %}\n<h1>{{ page.title }}</h1>\n{{ page.content | safe }}\n{% endblock main %}\n",
        );
        replace(
            s,
            "content/essays/one.md",
            "known weeks in all.",
            "known weeks in all[@wire].",
        );
    });
    starts_with(
        &stderr,
        "error: this citation links to `#ref-wire`, but the page has no element with that id\n  --> content/essays/one.md:17:",
    );
    assert!(stderr.contains("help: the template `page.html` does not list the page's sources: include \"partials/references.html\", or give each of `page.references` the id `ref-{{ source.id }}`"), "{stderr}");
    let stderr = broken(|s| {
        s.write(
            "templates/page.html",
            "{% extends \"base.html\" %}\n{% block main %}\n<a href=\"#contents\">Contents</a>\n{{ page.content | safe }}\n{% endblock main %}\n",
        );
    });
    starts_with(
        &stderr,
        "error: broken anchor: `#contents` on content/essays/one.md points at no element of that page\n --> templates/page.html:3:4\n  |\n3 | <a href=\"#contents\">Contents</a>\n  |    ^^^^^^^^^^^^^^^^\nhelp: the template links to `#contents` (a table of contents entry, or a fixed link), but it does not print an element with that id; ids on the page include: fn-weeks, footnotes, main, weeks-at-no-1\n",
    );
}

// A page reviewed before the latest week gets one warning naming the numbers that depend
// on that week; numbers and checks pinned to a week are never stale.
#[test]
fn staleness_names_the_numbers_that_depend_on_the_latest_week() {
    let site = site();
    replace(
        &site,
        "content/essays/one.md",
        "updated = 2025-08-30",
        "updated = 2025-08-20",
    );
    let run = site.run(&["check"]).success();
    assert_eq!(
        run.stderr,
        "warning: stale as of 2025-08-20: the page was reviewed on 2025-08-20, but `hot-100` now has data to 2025-08-30
 --> content/essays/one.md:4:1
  |
4 | updated = 2025-08-20
  | ^^^^^^^
note: 4 numbers on it depend on the latest week: `hot-100/golden/peak` (line 7), `hot-100/golden/weeks_at_no1` (line 9), `hot-100/soda-pop/peak` (line 13), `hot-100/golden/weeks_on_chart` (line 17)
help: review them against the newest weeks, then move `updated` forward; a number about a past week stays true: pin it to that week (pos@DATE, entries_on_chart@DATE)

"
    );
    // The claim's checks are on its peak and on the week of Aug. 16; only the peak can
    // change with a new week.
    let site = self::site();
    replace(
        &site,
        "content/claims/golden.md",
        "stat = \"hot-100/golden/peak\"\nexpect = 1\nnote = \"Its best position is No. 1.\"\n",
        "",
    );
    replace(
        &site,
        "content/claims/golden.md",
        "as_of = 2025-08-30",
        "as_of = 2025-08-16",
    );
    replace(
        &site,
        "content/claims/golden.md",
        "[[claim.check]]\n[[claim.check]]",
        "[[claim.check]]",
    );
    let run = site.run(&["check"]).success();
    assert!(!run.stderr.contains("stale"), "{}", run.stderr);
}
