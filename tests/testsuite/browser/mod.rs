//! The built site in a real browser: every page of the flagship, served from a subpath
//! as a static host would serve it, loaded in headless Chromium.
//!
//! - At a phone and a desktop width, a page fails on a console error or uncaught
//!   exception, a request that fails or answers 4xx/5xx, a broken image, or a chart its
//!   markdown asks for that is not drawn.
//! - Light and dark, axe-core (vendored here, `axe.min.js`, version 4.14.1, MPL-2.0: see
//!   `axe-LICENSE.txt`) finds no accessibility violation: every page at 320 or 1440 px,
//!   every template at both. Each page is loaded once per width for both checks, and
//!   switched to dark in place.
//! - Printed, every table shows every cell within the page width, no block kept whole is
//!   taller than half a page, and the page count is close to what its length needs (no
//!   half-blank pages from forced breaks).
//! - Under `factsite serve`, a page whose reload stream connects late still reloads.
//!
//! Chromium is driven over the DevTools protocol. Without it installed, the tests say so
//! and pass, unless `FACTSITE_REQUIRE_BROWSER` is set, as `.ci/run` sets it.

mod chromium;
mod reload;
mod server;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

use crate::support::Site;
use chromium::{Browser, Scheme, View};
use server::StaticServer;

/// The subpath the site is served under, as on a GitHub Pages project site.
const PREFIX: &str = "/kpdh/";

/// Widths every page is loaded at: a small phone and a desktop.
const WIDTHS: [u32; 2] = [320, 1440];

/// axe-core, injected into every page the accessibility test loads.
const AXE: &str = include_str!("axe.min.js");

/// The printable width and height of an A4 page inside print.css's margins (210 by 297
/// mm less 16 and 18 mm each side), in CSS pixels.
const PRINT_WIDTH: u32 = 673;
const PRINT_HEIGHT: f64 = 986.0;

// Every page of the flagship loads cleanly on a phone, with every chart drawn, and axe-core
// finds no violation on it in light or dark: contrast, names, landmarks, and scrolling
// boxes a keyboard can reach. One load serves all three: the page is checked, then axe
// runs in light, then the page is switched to dark in place (the theme's dark scheme is
// CSS only) and axe runs again. axe sees every page at one width or both and every
// template at both (`axe_plan`).
#[test]
fn every_flagship_page_works_on_a_phone_in_light_and_dark() {
    every_page_at(WIDTHS[0]);
}

// The same on a desktop (its own test, so the two run side by side).
#[test]
fn every_flagship_page_works_on_a_desktop_in_light_and_dark() {
    every_page_at(WIDTHS[1]);
}

fn every_page_at(width: u32) {
    let Some(mut browser) = Browser::start() else {
        return;
    };
    browser.inject(AXE);
    let (_dir, out, pages) = flagship();
    let server = StaticServer::start(&out);
    let plan = axe_plan(&pages);
    let mut failures = Vec::new();
    for page in &pages {
        let light = View::screen(width);
        failures.extend(audit(&mut browser, &server, page, light));
        if plan
            .iter()
            .any(|(p, w)| std::ptr::eq(*p, page) && *w == width)
        {
            failures.extend(axe_loaded(&mut browser, page, light));
            let dark = View {
                scheme: Scheme::Dark,
                ..light
            };
            browser.show(dark);
            failures.extend(axe_loaded(&mut browser, page, dark));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// The audit catches each kind of breakage it is there for.
#[test]
fn the_browser_audit_reports_errors_broken_images_and_missing_charts() {
    let Some(mut browser) = Browser::start() else {
        return;
    };
    let site = Site::fixture("facts/site");
    site.write(
        "content/essays/broken.md",
        "+++\ntitle = \"Broken\"\n+++\n\
         <img src=\"missing.png\" alt=\"A missing picture\">\n\n\
         <script>console.error(\"boom\")</script>\n\n\
         <style>figure.chart svg { display: none !important }</style>\n\n\
         {{ chart(data=\"hot-100\", entries=[\"golden\"], title=\"Hidden\") }}\n",
    );
    site.build();
    let out = site.root.join("public");
    let server = StaticServer::start(&out);
    let page = pages(&site.root, &out)
        .into_iter()
        .find(|p| p.path == "essays/broken/")
        .expect("the broken page");
    assert_eq!(page.charts, 1);
    let failures = audit(&mut browser, &server, &page, View::screen(1280)).join("\n");
    for expected in [
        "essays/broken/ at 1280 px: console error: boom",
        "essays/broken/ at 1280 px: broken image: ",
        "essays/broken/ at 1280 px: HTTP 404 for ",
        "essays/broken/ at 1280 px: 1 chart(s) in the markdown, 0 drawn",
    ] {
        assert!(
            failures.contains(expected),
            "missing {expected:?} in:\n{failures}"
        );
    }
    let clean = pages(&site.root, &out)
        .into_iter()
        .find(|p| p.path.is_empty())
        .expect("the home page");
    assert_eq!(
        audit(&mut browser, &server, &clean, View::screen(360)),
        Vec::<String>::new()
    );
}

/// The widths axe checks each page at: every page at least once; every top-level page,
/// and the first of each family of like pages (`claims/*/`, `topics/*/`, `charts/*/`,
/// `charts/*/embed/`), at both `WIDTHS`; the rest of a family alternate between the two,
/// so that each is seen once and each template at both widths.
fn axe_plan(pages: &[Page]) -> Vec<(&Page, u32)> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut plan = Vec::new();
    for page in pages {
        let mut parts = page.path.split_terminator('/');
        let family = match parts.next() {
            Some(first) if parts.clone().next().is_some() => {
                format!("{first}/{}", "*/".repeat(parts.count()))
            }
            _ => page.path.clone(),
        };
        let count = seen.entry(family).or_insert(0);
        match *count {
            0 => plan.extend(WIDTHS.map(|width| (page, width))),
            n => plan.push((page, WIDTHS[1 - n % 2])),
        }
        *count += 1;
    }
    plan
}

// The accessibility check reports what it is there for: a scrolling box a keyboard cannot
// reach, text too faint to read, an image without a text alternative.
#[test]
fn the_axe_check_reports_violations() {
    let Some(mut browser) = Browser::start() else {
        return;
    };
    browser.inject(AXE);
    let site = Site::fixture("facts/site");
    site.write(
        "content/essays/faint.md",
        "+++\ntitle = \"Faint\"\n+++\n\
         <div style=\"overflow-x: scroll; width: 10rem\"><p style=\"width: 40rem\">Wide text</p></div>\n\n\
         <p style=\"color: #ddd\">Faint text</p>\n\n<img src=\"../../favicon.svg\">\n\n\
         <style>@media (prefers-color-scheme: dark) { p.dim { color: #333 } }</style>\n\n\
         <p class=\"dim\">Dim in the dark</p>\n",
    );
    site.build();
    let out = site.root.join("public");
    let server = StaticServer::start(&out);
    let page = pages(&site.root, &out)
        .into_iter()
        .find(|p| p.path == "essays/faint/")
        .expect("the faint page");
    let failures = axe(&mut browser, &server, &page, View::screen(1440)).join("\n");
    for rule in ["keyboard-scroll", "color-contrast", "image-alt"] {
        assert!(
            failures.contains(&format!("essays/faint/ at 1440 px: axe {rule} ")),
            "{rule} missing from:\n{failures}"
        );
    }
    // Text faint only in the dark is found once the loaded page is switched to dark.
    assert!(!failures.contains("dim"), "{failures}");
    let dark = View {
        scheme: Scheme::Dark,
        ..View::screen(1440)
    };
    browser.show(dark);
    let failures = axe_loaded(&mut browser, &page, dark).join("\n");
    assert!(
        failures.contains("essays/faint/ at 1440 px dark: axe color-contrast ")
            && failures.contains("dim"),
        "{failures}"
    );
}

// Printed, every page type keeps its data: each table's every cell is drawn (closed data
// tables included) inside the printable width, no separator is left dangling in the
// footer, nothing kept whole is taller than half a page, and the PDF has no more pages
// than the page's length needs.
#[test]
fn every_page_type_prints_its_tables() {
    let Some(mut browser) = Browser::start() else {
        return;
    };
    let (_dir, out, pages) = flagship();
    let server = StaticServer::start(&out);
    let mut failures = Vec::new();
    let mut tables = 0;
    for page in &pages {
        let (found, problems) = printed(&mut browser, &server, page);
        tables += found;
        failures.extend(problems);
    }
    assert!(tables >= 30, "only {tables} tables printed");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// The print check reports what it is there for: sections forced onto pages of their own,
// a block taller than half a page kept whole, a table wider than the page, a table whose
// cells do not print, a note in larger type than its table; and a wide table written in
// markdown prints whole.
#[test]
fn the_print_check_reports_forced_breaks_and_cut_tables() {
    let Some(mut browser) = Browser::start() else {
        return;
    };
    let site = Site::fixture("facts/site");
    let mut broken = String::from(
        "+++\ntitle = \"Breaks\"\n+++\n\
         <style>@media print { h2 { break-before: page } .wide td { min-width: 20rem } \
         .gone td { display: none } blockquote { break-inside: avoid } }</style>\n\n",
    );
    broken.push_str(&"> A long quotation.\n>\n".repeat(15));
    broken.push('\n');
    for part in 1..=6 {
        broken.push_str(&format!("## Part {part}\n\nA short part.\n\n"));
    }
    broken.push_str(
        "<table class=\"wide\"><tr><td>a</td><td>b</td><td>c</td></tr></table>\n\n\
         <table class=\"gone\"><tr><td>hidden</td></tr></table>\n\n\
         <table><tr><td>x <small style=\"font-size: 2em\">a big note</small></td></tr></table>\n",
    );
    site.write("content/essays/breaks.md", &broken);
    let header: Vec<String> = (1..=10).map(|n| format!("Column{n}")).collect();
    let row: Vec<String> = ('a'..='j').map(|c| format!("value-letter-{c}")).collect();
    site.write(
        "content/essays/wide.md",
        &format!(
            "+++\ntitle = \"Wide\"\n+++\n| {} |\n|{}\n| {} |\n",
            header.join(" | "),
            "---|".repeat(10),
            row.join(" | ")
        ),
    );
    site.build();
    let out = site.root.join("public");
    let server = StaticServer::start(&out);
    let pages = pages(&site.root, &out);
    let page = |path: &str| {
        pages
            .iter()
            .find(|p| p.path == path)
            .unwrap_or_else(|| panic!("the page {path}"))
    };
    let (tables, failures) = printed(&mut browser, &server, page("essays/breaks/"));
    assert_eq!(tables, 3);
    let failures = failures.join("\n");
    for expected in [
        "essays/breaks/ at print: table 1 (",
        "cells past the page edge",
        "essays/breaks/ at print: table 2 (",
        "1 of 1 cells not printed",
        "essays/breaks/ at print: table 3 (",
        "1 element(s) in larger type than the table's ",
        "essays/breaks/ at print: blockquote is kept whole and ",
        "PDF pages for content that fills",
    ] {
        assert!(
            failures.contains(expected),
            "missing {expected:?} in:\n{failures}"
        );
    }
    assert_eq!(
        printed(&mut browser, &server, page("essays/wide/")),
        (1, Vec::<String>::new())
    );
}

/// Builds the flagship into a temporary directory: the directory, the output and its pages.
fn flagship() -> (tempfile::TempDir, PathBuf, Vec<Page>) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    build(repo, &out);
    let pages = pages(repo, &out);
    assert!(pages.len() >= 25, "only {} pages found", pages.len());
    (dir, out, pages)
}

fn build(root: &Path, out: &Path) {
    let run = Command::new(crate::support::factsite())
        .args(["build", "--quiet", "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .output()
        .expect("run factsite");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// A page to load: its path under the site root and how many charts it must show.
#[derive(Debug)]
struct Page {
    path: String,
    charts: usize,
    /// The 404 page is loaded from a URL that does not exist.
    missing: bool,
}

impl Page {
    fn url(&self, server: &StaticServer) -> String {
        format!("http://127.0.0.1:{}{PREFIX}{}", server.port, self.path)
    }

    fn label(&self, view: View) -> String {
        let path = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        format!("{path} at {}", view.name())
    }
}

/// Every HTML page in the output, with the charts its markdown (or, for a chart's own
/// page, its template) asks for.
fn pages(root: &Path, out: &Path) -> Vec<Page> {
    let content = root.join("content");
    let datasets: Vec<String> = std::fs::read_dir(content.join("charts"))
        .map(|dir| {
            dir.filter_map(Result::ok)
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.strip_suffix(".toml").map(str::to_string)
                })
                .collect()
        })
        .unwrap_or_default();
    let mut pages = Vec::new();
    for entry in walkdir::WalkDir::new(out).sort_by_file_name() {
        let entry = entry.expect("walk the output");
        let name = entry.file_name().to_string_lossy();
        if !entry.file_type().is_file() || !name.ends_with(".html") {
            continue;
        }
        let relative = entry.path().strip_prefix(out).expect("inside the output");
        if name == "404.html" && relative.parent() == Some(Path::new("")) {
            pages.push(Page {
                path: "no/such/page/".into(),
                charts: 0,
                missing: true,
            });
            continue;
        }
        let path = relative
            .parent()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .filter(|p| !p.is_empty())
            .map_or_else(String::new, |p| format!("{p}/"));
        let source = source_of(&content, &path);
        let mut charts = source
            .and_then(|file| std::fs::read_to_string(file).ok())
            .map_or(0, |text| text.matches("{{ chart(").count());
        let dataset = path
            .strip_prefix("charts/")
            .map(|p| p.trim_end_matches('/'));
        if dataset.is_some_and(|id| datasets.iter().any(|d| d == id)) {
            charts += 1;
        }
        pages.push(Page {
            path,
            charts,
            missing: false,
        });
    }
    pages
}

/// The markdown file a page URL comes from, if any.
fn source_of(content: &Path, path: &str) -> Option<PathBuf> {
    let trimmed = path.trim_end_matches('/');
    let section = content.join(trimmed).join("_index.md");
    let page = content.join(format!("{trimmed}.md"));
    [section, page].into_iter().find(|p| p.is_file())
}

/// Loads one page as `view` shows it and lists what is wrong with it.
fn audit(browser: &mut Browser, server: &StaticServer, page: &Page, view: View) -> Vec<String> {
    let label = page.label(view);
    let url = page.url(server);
    let events = browser.visit(&url, view, &label);
    let mut failures = events_failures(&events, page, &url, &label);
    let report = browser.eval_json(AUDIT_SCRIPT);
    for src in report["broken"].as_array().into_iter().flatten() {
        failures.push(format!(
            "{label}: broken image: {}",
            src.as_str().unwrap_or("?")
        ));
    }
    let drawn = report["drawn"].as_u64().unwrap_or(0) as usize;
    if drawn < page.charts {
        failures.push(format!(
            "{label}: {} chart(s) in the markdown, {drawn} drawn",
            page.charts
        ));
    }
    if report["styled"] != json!(true) {
        failures.push(format!("{label}: the stylesheet did not apply"));
    }
    failures
}

/// Console errors, exceptions and failed requests among the events of a page load.
fn events_failures(events: &[Value], page: &Page, url: &str, label: &str) -> Vec<String> {
    let mut failures = Vec::new();
    let mut urls: HashMap<String, String> = HashMap::new();
    for event in events {
        let params = &event["params"];
        match event["method"].as_str().unwrap_or("") {
            "Network.requestWillBeSent" => {
                urls.insert(
                    params["requestId"].as_str().unwrap_or("").to_string(),
                    params["request"]["url"].as_str().unwrap_or("").to_string(),
                );
            }
            "Network.responseReceived" => {
                let status = params["response"]["status"].as_u64().unwrap_or(0);
                let address = params["response"]["url"].as_str().unwrap_or("");
                let the_page = params["type"] == "Document";
                if status >= 400 && !(the_page && page.missing && status == 404) {
                    failures.push(format!("{label}: HTTP {status} for {address}"));
                }
            }
            "Network.loadingFailed" => {
                let id = params["requestId"].as_str().unwrap_or("");
                let address = urls.get(id).map_or("?", String::as_str);
                let error = params["errorText"].as_str().unwrap_or("");
                failures.push(format!("{label}: {error} loading {address}"));
            }
            "Runtime.consoleAPICalled"
                if matches!(params["type"].as_str(), Some("error" | "assert")) =>
            {
                let text: Vec<String> = params["args"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|a| {
                        a["value"]
                            .as_str()
                            .map_or_else(|| a["description"].to_string(), str::to_string)
                    })
                    .collect();
                failures.push(format!("{label}: console error: {}", text.join(" ")));
            }
            "Runtime.exceptionThrown" => {
                failures.push(format!(
                    "{label}: uncaught exception: {}",
                    params["exceptionDetails"]
                ));
            }
            "Log.entryAdded" if params["entry"]["level"] == "error" => {
                let entry = &params["entry"];
                if page.missing && entry["url"].as_str() == Some(url) {
                    continue; // the 404 page's own status
                }
                failures.push(format!(
                    "{label}: logged error: {} {}",
                    entry["text"].as_str().unwrap_or(""),
                    entry["url"].as_str().unwrap_or("")
                ));
            }
            _ => {}
        }
    }
    failures
}

/// Counts charts whose SVG is drawn at a visible size, lists images that did not load,
/// and tells whether the theme's stylesheet applied (a styled page has no default 8 px
/// body margin).
const AUDIT_SCRIPT: &str = r#"JSON.stringify({
  drawn: [...document.querySelectorAll("figure.chart")].filter(f =>
    [...f.querySelectorAll("svg[role=img]")].some(s => {
      const r = s.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    })).length,
  broken: [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src),
  styled: getComputedStyle(document.body).marginTop !== "8px"
})"#;

/// axe-core's violations on one page as `view` shows it, one line per rule, naming the
/// elements (at most five).
fn axe(browser: &mut Browser, server: &StaticServer, page: &Page, view: View) -> Vec<String> {
    browser.visit(&page.url(server), view, &page.label(view));
    axe_loaded(browser, page, view)
}

/// axe-core's violations on the page loaded, as `view` shows it.
fn axe_loaded(browser: &mut Browser, page: &Page, view: View) -> Vec<String> {
    let label = page.label(view);
    let violations = browser.eval_json(AXE_SCRIPT);
    violations
        .as_array()
        .into_iter()
        .flatten()
        .map(|v| {
            let nodes: Vec<String> = v["nodes"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|n| {
                    let detail = n["summary"].as_str().unwrap_or("").replace('\n', " ");
                    format!("{} ({detail})", n["target"])
                })
                .collect();
            format!(
                "{label}: axe {} ({}, {} element(s)): {} at {}",
                v["id"].as_str().unwrap_or("?"),
                v["impact"].as_str().unwrap_or("?"),
                nodes.len(),
                v["help"].as_str().unwrap_or(""),
                nodes.iter().take(5).cloned().collect::<Vec<_>>().join("; ")
            )
        })
        .collect()
}

/// Runs axe-core's WCAG 2.2 A and AA rules and its best practices on the whole page,
/// plus one check of our own, `keyboard-scroll`, in the spirit of axe's
/// scrollable-region-focusable, which stands down in browsers that focus scrolling boxes
/// themselves (Chromium does; Safari does not): a box that scrolls must take focus, or
/// hold something that does.
const AXE_SCRIPT: &str = r#"axe.run(document, {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
  resultTypes: ["violations"]
}).then(r => {
  const violations = r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({ target: n.target.join(" "), summary: n.failureSummary || "" }))
  }));
  const focusable = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])";
  const stuck = [...document.querySelectorAll("body *")].filter(e => {
    const style = getComputedStyle(e);
    const scrolls = ["auto", "scroll"].includes(style.overflowX) && e.scrollWidth > e.clientWidth + 1
      || ["auto", "scroll"].includes(style.overflowY) && e.scrollHeight > e.clientHeight + 1;
    return scrolls && e.checkVisibility() && !e.matches(focusable) && !e.querySelector(focusable);
  });
  if (stuck.length) violations.push({
    id: "keyboard-scroll", impact: "serious",
    help: "A box that scrolls must be reachable by keyboard (tabindex=0 and a name)",
    nodes: stuck.map(e => ({ target: e.tagName.toLowerCase() + (e.getAttribute("class") ? "." + e.getAttribute("class") : ""), summary: "" }))
  });
  return JSON.stringify(violations);
})"#;

/// One page printed: how many tables it has, and what is wrong with its print.
fn printed(browser: &mut Browser, server: &StaticServer, page: &Page) -> (usize, Vec<String>) {
    let view = View {
        width: PRINT_WIDTH,
        scheme: Scheme::Light,
        print: true,
    };
    let label = page.label(view);
    browser.visit(&page.url(server), view, &label);
    let report = browser.eval_json(PRINT_SCRIPT);
    let mut failures: Vec<String> = report["problems"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| format!("{label}: {}", p.as_str().unwrap_or("?")))
        .collect();
    // A block kept whole that is taller than half a page can leave more than half a page
    // blank when it falls below the middle of one.
    for (name, tallest) in report["kept"].as_object().into_iter().flatten() {
        let tallest = tallest.as_f64().unwrap_or(0.0);
        if tallest > PRINT_HEIGHT / 2.0 {
            failures.push(format!(
                "{label}: {name} is kept whole and {tallest:.0} px tall, more than half a page"
            ));
        }
    }
    let height = report["height"].as_f64().unwrap_or(0.0);
    let needed = (height / PRINT_HEIGHT).ceil().max(1.0) as usize;
    let pdf = browser.print_pdf();
    let pages = pdf_pages(&pdf);
    // Keeping headings with their first lines and rows and small blocks whole costs at most
    // a page; a break forced before every section, or a tall block that may not break,
    // costs more. A chart's caption and picture are kept together, so a chart that falls
    // at the foot of a page moves on and leaves up to that height blank: on a page of
    // several charts those gaps add up, and are allowed in whole pages.
    let charts = report["charts"].as_f64().unwrap_or(0.0);
    let allowed = needed + 1 + (charts / PRINT_HEIGHT).floor() as usize;
    if std::env::var_os("FACTSITE_PRINT_PAGES").is_some() {
        eprintln!("{label}: {pages} pages, {needed} needed, {allowed} allowed");
    }
    if pages > allowed {
        failures.push(format!(
            "{label}: {pages} PDF pages for content that fills {needed} (at most {allowed} allowed)"
        ));
    }
    let tables = report["tables"].as_u64().unwrap_or(0) as usize;
    (tables, failures)
}

/// The page count of a PDF: the largest `/Count` of its page tree.
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Count ")
        .filter_map(|(i, m)| {
            let digits: String = text[i + m.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse().ok()
        })
        .max()
        .unwrap_or(0)
}

/// In print media: every table cell has a box (so a closed `<details>` prints its
/// table) and ends inside the printable width, and nothing in a table is in larger type
/// than the table itself; the footer has no separator at either end
/// or next to another. Also what print keeps whole (the tallest block of each kind that
/// may not break) and the document's height, to compare with the page count.
const PRINT_SCRIPT: &str = r#"(() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  const tables = [...document.querySelectorAll("main table")];
  tables.forEach((table, t) => {
    const name = (table.querySelector("caption") || table.closest("section") || table).textContent.trim().slice(0, 60);
    const cells = [...table.querySelectorAll("th, td")];
    // checkVisibility() is false inside a closed <details>, whose content is skipped.
    const hidden = cells.filter(c => !c.checkVisibility() || c.getBoundingClientRect().width === 0);
    if (hidden.length) problems.push(`table ${t + 1} (${name}): ${hidden.length} of ${cells.length} cells not printed`);
    const wide = cells.filter(c => c.getBoundingClientRect().right > width + 1);
    if (wide.length) problems.push(`table ${t + 1} (${name}): ${wide.length} of ${cells.length} cells past the page edge (${Math.round(Math.max(...wide.map(c => c.getBoundingClientRect().right)))} px of ${width})`);
    // A note or name in a cell is set no larger than the table's own text.
    const size = e => parseFloat(getComputedStyle(e).fontSize);
    const big = [...table.querySelectorAll("*")].filter(e => e.checkVisibility() && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) && size(e) > size(table) + 0.5);
    if (big.length) problems.push(`table ${t + 1} (${name}): ${big.length} element(s) in larger type than the table's ${size(table).toFixed(1)} px, such as ${big[0].tagName.toLowerCase()}${[...big[0].classList].map(c => "." + c).join("")} at ${size(big[0]).toFixed(1)} px`);
  });
  const footer = document.querySelector(".site-footer");
  if (footer) {
    const text = footer.innerText.replace(/\s+/g, " ").trim();
    if (/(^|\n)\s*·|·\s*·|·\s*($|\n)/.test(footer.innerText) || /^·|·$/.test(text)) problems.push(`footer has a dangling separator: "${text.slice(0, 120)}"`);
  }
  // What print keeps whole: each kind of block that may not break inside, with the height of
  // its tallest; and each chart's caption with its picture, whose heights are also summed.
  const kept = {};
  const keep = (name, height) => { kept[name] = Math.max(kept[name] || 0, height); };
  for (const e of document.querySelectorAll("main *")) {
    if (getComputedStyle(e).breakInside.startsWith("avoid")) keep(e.tagName.toLowerCase() + [...e.classList].map(c => "." + c).join(""), e.getBoundingClientRect().height);
  }
  const charts = [...document.querySelectorAll("main figure.chart")].map(f => {
    const parts = [...f.querySelectorAll(".chart-caption, .chart-svg")].map(e => e.getBoundingClientRect()).filter(r => r.height > 0);
    const height = parts.length ? Math.max(...parts.map(r => r.bottom)) - Math.min(...parts.map(r => r.top)) : 0;
    keep("a chart's caption with its picture", height);
    return height;
  }).reduce((sum, h) => sum + h, 0);
  return JSON.stringify({ problems, tables: tables.length, kept, charts, height: document.documentElement.scrollHeight });
})()"#;

// Not a check: writes screenshots of every page at 320, 768 and 1440 px in light and
// dark, and each page's PDF, into `$FACTSITE_SCREENSHOTS`, for a person to look at.
#[test]
#[ignore = "writes screenshots; run with FACTSITE_SCREENSHOTS=/tmp/shots"]
fn screenshots() {
    let Ok(dir) = std::env::var("FACTSITE_SCREENSHOTS") else {
        return;
    };
    let Some(mut browser) = Browser::start() else {
        return;
    };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("screenshot directory");
    let (_out_dir, out, pages) = flagship();
    let server = StaticServer::start(&out);
    for page in &pages {
        let name = match page.path.trim_end_matches('/') {
            "" => "home".to_string(),
            path => path.replace('/', "_"),
        };
        for scheme in [Scheme::Light, Scheme::Dark] {
            for width in [320, 768, 1440] {
                let view = View {
                    width,
                    scheme,
                    print: false,
                };
                browser.visit(&page.url(&server), view, &name);
                let shot = browser.screenshot();
                let file = dir.join(format!("{name}-{}.png", view.name().replace(' ', "-")));
                std::fs::write(file, shot).expect("write screenshot");
            }
        }
        let view = View {
            width: PRINT_WIDTH,
            scheme: Scheme::Light,
            print: true,
        };
        browser.visit(&page.url(&server), view, &name);
        let pdf = browser.print_pdf();
        std::fs::write(dir.join(format!("{name}.pdf")), pdf).expect("write PDF");
    }
}
