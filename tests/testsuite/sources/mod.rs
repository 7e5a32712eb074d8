//! `factsite check --sources` against a server on loopback: quotes found through markup,
//! changed words, 404, a 500 then success, redirects, timeouts, archive-only pages, the
//! cache, and the limits per host. Nothing here leaves the machine.

mod server;

use std::time::{Duration, Instant};

use server::{Reply, Server, closed_address, most_at_once};

use crate::support::{Run, Site};

const PRESENT: &str = r#"<!DOCTYPE html><html><head><title>Present</title>
<script>var decoy = "It sold 9 copies in its first year";</script><style>p { color: red }</style></head>
<body><nav>Home | News</nav><article>
<p>The song &ldquo;<a href="/golden">Golden</a>&rdquo; spent <b>eight</b>&nbsp;weeks
at No.&#160;1 &mdash; a <em>rec</em>ord.</p>
<p>It sold 1,234,567 copies, the label said, in its first year.</p>
</article></body></html>"#;

/// The fixture's replies: one path per case.
fn fixture_route(path: &str, before: usize) -> Reply {
    let page = |body: &str| Reply::Html(200, format!("<html><body>{body}</body></html>"));
    match path {
        "/present" | "/archive/present" => Reply::Html(200, PRESENT.to_string()),
        "/changed" => page(
            "<p>News</p><p>The song “Golden” spent seven weeks at No. 1 on the Hot 100 this summer.</p>",
        ),
        "/flaky" if before == 0 => Reply::Html(500, "busy".to_string()),
        "/flaky" => page("<p>Steady after all.</p>"),
        "/old" => Reply::Redirect(301, "/new/place".to_string()),
        "/new/place" => page("<p>The moved words are here.</p>"),
        "/removed" => Reply::Html(410, "gone".to_string()),
        "/archive/removed" => page("<p>The archived words.</p>"),
        "/column" => page("<p>He wrote: the song spent eight weeks at No. 1.</p>"),
        _ => Reply::Html(404, "not found".to_string()),
    }
}

/// The fixture site with its URLs pointed at `server` (and one at a closed port).
fn fixture(server: &Server) -> Site {
    let site = Site::fixture("sources/site");
    let closed = closed_address();
    for file in ["content/sources.toml", "content/claims/said.md"] {
        let text = site
            .read(file)
            .replace("{{base}}", &server.base())
            .replace("{{closed}}", &closed);
        site.write(file, &text);
    }
    site
}

fn check(site: &Site, extra: &[&str]) -> Run {
    let mut args = vec!["check", "--sources", "--delay", "0ms", "--timeout", "2s"];
    args.extend_from_slice(extra);
    site.run(&args)
}

/// The stderr with the server's address made stable.
fn shown(run: &Run, server: &Server) -> String {
    run.stderr.replace(&server.base(), "http://SERVER")
}

// Every status a source can end in, each reported at its line in sources.toml, with the
// exit code that says whether anything failed.
#[test]
fn reports_every_kind_of_source() {
    let server = Server::start(fixture_route);
    let site = fixture(&server);
    let run = check(&site, &[]).failure();
    let stderr = shown(&run, &server);
    assert!(
        stderr.contains(
            "error: quote not found in source `changed`: http://SERVER/changed does not have it
  --> content/sources.toml:23:10
   |
23 | quote = \"“Golden” spent eight weeks at No. 1 on the Hot 100\"
   |          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
note: the nearest passage on the page (10 of 11 words): “Golden” spent seven weeks at No. 1 on the Hot 100
help: if the page was rewritten, update `quote` (and `accessed`) to what it says now and check that it still supports the data; to cite the page as it was, use an archived copy as `url`\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "error: source `gone` is gone: http://SERVER/gone answers 404 Not Found\n  --> content/sources.toml:29:7\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "help: find where the page went and update `url`, or cite an archived copy: add `archive_url`, e.g. the Wayback Machine's https://web.archive.org/web/20261121/http://SERVER/gone if it has one"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "warning: source `moved` has moved: http://SERVER/old redirects to http://SERVER/new/place\n  --> content/sources.toml:47:7\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "warning: source `archived` exists only in the archive: http://SERVER/removed answers 410 Gone, and http://SERVER/archive/removed has the quote\n  --> content/sources.toml:57:7\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning: source `refused` could not be checked: http://127.0.0.1:")
            && stderr
                .contains("/nothing failed: connection refused\n  --> content/sources.toml:67:7\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "warning: the archived copy of source `moved` does not hold its quote: http://SERVER/archive/missing answers 404 Not Found\n  --> content/sources.toml:50:15\n"
        ),
        "{stderr}"
    );
    for quiet in ["`present`", "`flaky`", "claim's"] {
        assert!(!stderr.contains(quiet), "{quiet} is fine:\n{stderr}");
    }
    assert!(
        stderr.contains(
            "  gone: archive_url = \"https://web.archive.org/web/20261121/http://SERVER/gone\""
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("  present: archive_url"), "{stderr}");
    assert!(
        stderr.ends_with("error: the sources check found 2 errors\n"),
        "{stderr}"
    );
    let summary = run.stdout.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with("Sources: 7 checked in ")
            && summary.ends_with(
                " s (12 requests, 0 answers from the cache): 2 ok, 1 moved, 1 archive only, 1 failing, 1 gone, 1 quote not found; 1 claim appearance (1 ok)"
            ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(": 2 errors, 4 warnings\n"),
        "{}",
        run.stdout
    );
    assert_eq!(
        server.paths().iter().filter(|p| *p == "/flaky").count(),
        2,
        "the 500 was retried once, then answered"
    );
}

// The requests name factsite and its version, and a plain `check` or `build` asks nothing.
#[test]
fn names_itself_and_stays_offline_without_the_flag() {
    let server = Server::start(fixture_route);
    let site = fixture(&server);
    site.run(&["check"]).success();
    site.build();
    assert!(
        server.seen().is_empty(),
        "plain check and build fetch nothing"
    );
    check(&site, &[]).failure();
    let agents: Vec<String> = server.seen().into_iter().map(|s| s.user_agent).collect();
    assert!(!agents.is_empty());
    let expected = format!("factsite/{} (", env!("CARGO_PKG_VERSION"));
    assert!(
        agents.iter().all(|agent| agent.starts_with(&expected)),
        "{agents:?}"
    );
}

// `--format json` gives CI each source's status, HTTP answer, quotes and suggestion.
#[test]
fn json_report_for_ci() {
    let server = Server::start(fixture_route);
    let site = fixture(&server);
    let run = check(&site, &["--format", "json"]).failure();
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    assert_eq!(report["errors"], 2);
    let status = |id: &str| {
        report["sources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap_or_else(|| panic!("{id} in {report}"))
            .clone()
    };
    assert_eq!(status("present")["status"], "ok");
    assert_eq!(status("present")["quotes"][1]["found"], true);
    assert_eq!(status("present")["archive"]["has_quotes"], true);
    assert_eq!(
        status("present")["suggested_archive_url"],
        serde_json::Value::Null
    );
    assert_eq!(status("flaky")["attempts"], 2);
    assert_eq!(status("gone")["http_status"], 404);
    assert_eq!(status("gone")["error"], true);
    assert_eq!(status("moved")["status"], "moved");
    assert_eq!(
        status("moved")["final_url"],
        format!("{}/new/place", server.base())
    );
    assert_eq!(status("archived")["status"], "archive-only");
    assert_eq!(status("refused")["failure"]["kind"], "refused");
    let changed = status("changed");
    assert_eq!(changed["status"], "quote-not-found");
    assert_eq!(changed["quotes"][0]["nearest"]["matched_words"], 10);
    assert_eq!(report["summary"]["statuses"]["ok"], 2);
    assert_eq!(report["summary"]["requests"], 12);
    assert_eq!(status("moved")["archive"]["http_status"], 404);
    assert_eq!(status("moved")["archive"]["has_quotes"], false);
    assert_eq!(report["appearances"][0]["claim_text_found"], true);
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert!(
        diagnostics.iter().any(|d| d["severity"] == "error"
            && d["line"] == 29
            && d["file"] == "content/sources.toml"),
        "{report}"
    );
    assert!(
        run.stderr
            .ends_with("error: the sources check found 2 errors\n"),
        "{}",
        run.stderr
    );
}

// A rerun within --max-age asks no server; --refresh and --max-age 0 ask again; the cache
// is git-ignored, never published, and a damaged entry is fetched again.
#[test]
fn the_cache_spares_the_servers() {
    let server = Server::start(fixture_route);
    let site = fixture(&server);
    check(&site, &[]).failure();
    let first = server.seen().len();
    assert_eq!(first, 12);
    let again = check(&site, &[]).failure();
    assert_eq!(server.seen().len(), first, "the second run made no request");
    assert!(
        again
            .stdout
            .contains("(1 request, 10 answers from the cache)"),
        "{}",
        again.stdout
    );
    assert!(
        again.stderr.contains("error: source `gone` is gone"),
        "{}",
        again.stderr
    );
    assert!(site.read(".factsite-cache/.gitignore").contains("\n*\n"));
    check(&site, &["--refresh"]).failure();
    assert_eq!(
        server.seen().len(),
        2 * first - 1,
        "the 500 is not repeated"
    );
    check(&site, &["--max-age", "0"]).failure();
    assert_eq!(server.seen().len(), 3 * first - 2);
    let cache = site.root.join(".factsite-cache/sources");
    for entry in std::fs::read_dir(&cache).expect("cache dir") {
        let path = entry.expect("entry").path();
        assert!(path.extension().is_some_and(|e| e == "json"), "{path:?}");
        std::fs::write(&path, "{ damaged").expect("damage");
    }
    check(&site, &[]).failure();
    assert_eq!(
        server.seen().len(),
        4 * first - 3,
        "damaged entries are fetched again"
    );
    site.build();
    assert!(
        site.tree("public")
            .keys()
            .all(|name| !name.contains("factsite-cache")),
        "the cache is never published"
    );
}

// A page slower than --timeout is failing after its retries, and the run does not wait
// for it.
#[test]
fn a_slow_page_times_out_as_a_warning() {
    let server = Server::start(|path, _| match path {
        "/slow" => Reply::Slow(Duration::from_secs(4), "<p>too late</p>".to_string()),
        _ => Reply::Html(404, String::new()),
    });
    let site = Site::minimal();
    site.write(
        "content/sources.toml",
        &format!(
            "[[source]]\nid = \"slow\"\ntitle = \"T\"\npublisher = \"P\"\nurl = \"{}/slow\"\npublished = \"undated\"\naccessed = 2026-11-21\nquote = \"too late\"\n",
            server.base()
        ),
    );
    let started = Instant::now();
    let run = site
        .run(&["check", "--sources", "--timeout", "500ms", "--delay", "0ms"])
        .success();
    let took = started.elapsed();
    assert!(
        run.stderr
            .contains("failed: timed out\n --> content/sources.toml:5:7")
            && run.stderr.contains("note: after 3 tries"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout
            .contains(": 0 ok, 0 moved, 0 archive only, 1 failing, 0 gone, 0 quote not found"),
        "{}",
        run.stdout
    );
    assert_eq!(
        server.paths_after(3),
        ["/slow"; 3].map(String::from).to_vec()
    );
    // Three tries of 0.5 s and backoffs of 0.5 s and 1.5 s: about 3.5 s, far from 3 x 4 s.
    assert!(took < Duration::from_secs(8), "{took:?}");
}

// No more than --per-host requests reach one host at once, the other host is served
// alongside, and --delay spaces the starts on one host.
#[test]
fn limits_requests_per_host() {
    let server = Server::start(|_, _| {
        Reply::Slow(Duration::from_millis(300), "<p>slow words</p>".to_string())
    });
    let site = Site::minimal();
    let mut sources = String::new();
    for i in 0..6 {
        for (name, base) in [("a", server.base()), ("b", server.other_host())] {
            sources.push_str(&format!(
                "[[source]]\nid = \"{name}{i}\"\ntitle = \"T\"\npublisher = \"P\"\nurl = \"{base}/{name}{i}\"\npublished = \"undated\"\naccessed = 2026-11-21\nquote = \"slow words\"\n\n"
            ));
        }
    }
    site.write("content/sources.toml", &sources);
    site.run(&[
        "check",
        "--sources",
        "--delay",
        "0ms",
        "--per-host",
        "2",
        "--concurrency",
        "8",
    ])
    .success();
    let seen = server.seen();
    assert_eq!(seen.len(), 12);
    assert_eq!(most_at_once(&seen, "127.0.0.1"), 2);
    assert_eq!(most_at_once(&seen, "localhost"), 2);
    assert_eq!(
        most_at_once(&seen, ""),
        4,
        "the two hosts are served alongside"
    );

    // Arrival times carry the scheduling jitter of a busy machine: a generous margin.
    let spaced = Site::minimal();
    let four: String = sources
        .split("\n\n")
        .filter(|s| s.contains("id = \"a"))
        .take(4)
        .collect::<Vec<_>>()
        .join("\n\n");
    spaced.write("content/sources.toml", &four.replace("/a", "/c"));
    spaced
        .run(&["check", "--sources", "--delay", "600ms", "--per-host", "4"])
        .success();
    let mut starts: Vec<Instant> = server
        .seen()
        .into_iter()
        .filter(|s| s.path.starts_with("/c"))
        .map(|s| s.arrived)
        .collect();
    starts.sort();
    assert_eq!(starts.len(), 4);
    for pair in starts.windows(2) {
        let gap = pair[1] - pair[0];
        assert!(gap >= Duration::from_millis(450), "{gap:?}");
    }
}

// `factsite new` ignores the cache in git.
#[test]
fn new_sites_ignore_the_cache() {
    let site = Site::minimal();
    site.run(&["new", "fresh"]).success();
    let ignore = site.read("fresh/.gitignore");
    assert!(
        ignore.lines().any(|line| line == "/.factsite-cache/"),
        "{ignore}"
    );
    assert!(ignore.lines().any(|line| line == "/public/"), "{ignore}");
}
