//! The built site in a real browser: every page of the flagship, served from a subpath
//! as a static host would serve it, loaded in headless Chromium at a phone and a desktop
//! width. A page fails on a console error or uncaught exception, a request that fails or
//! answers 4xx/5xx, a broken image, or a chart its markdown asks for that is not drawn.
//!
//! Also live reload under `factsite serve`, in the same browser: a page whose reload
//! stream connects late still reloads.
//!
//! Chromium is driven over the DevTools protocol. Without it installed, the tests say so
//! and pass, unless `FACTSITE_REQUIRE_BROWSER` is set, as `.ci/run` sets it.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tungstenite::{Message, WebSocket};

use crate::serve::{Server, fixture};
use crate::support::Site;

/// The subpath the site is served under, as on a GitHub Pages project site.
const PREFIX: &str = "/kpdh/";

/// Widths every page is loaded at: a small phone and a desktop.
const WIDTHS: [u32; 2] = [360, 1280];

// Every page of the flagship loads cleanly, with every chart drawn, at both widths.
#[test]
fn every_flagship_page_loads_cleanly_in_chromium() {
    let Some(mut browser) = Browser::start() else {
        return;
    };
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    build(repo, &out);
    let server = StaticServer::start(&out);
    let pages = pages(repo, &out);
    assert!(pages.len() >= 25, "only {} pages found", pages.len());
    let mut failures = Vec::new();
    for width in WIDTHS {
        for page in &pages {
            failures.extend(browser.audit(&server, page, width));
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
    let failures = browser.audit(&server, &page, 1280).join("\n");
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
    assert_eq!(browser.audit(&server, &clean, 360), Vec::<String>::new());
}

// A page loaded just before a save, whose reload stream connects only after the save's
// rebuild has sent its reload to nobody, still reloads to the new text. The lateness is
// made certain: the browser holds the page's EventSource request (DevTools Fetch
// interception) until the rebuild is published, then lets it go.
#[test]
fn a_page_that_connects_after_the_reload_still_reloads() {
    let Some(mut browser) = Browser::start() else {
        return;
    };
    let site = fixture();
    let mut server = Server::start(&site);
    browser.call(
        "Fetch.enable",
        json!({ "patterns": [{ "urlPattern": "*/__factsite/livereload*", "requestStage": "Request" }] }),
    );
    let url = format!("http://127.0.0.1:{}/for/first/", server.port);
    browser.navigate(&url);
    let held = browser.wait_for("Fetch.requestPaused", Duration::from_secs(30));
    assert!(
        held["params"]["request"]["url"]
            .as_str()
            .is_some_and(|u| u.contains("/__factsite/livereload?build=")),
        "the page asks for the stream with its build id: {held}"
    );
    browser.wait_for("Page.loadEventFired", Duration::from_secs(30));
    assert!(browser.text().contains("See the second"));

    site.write(
        "content/for/first.md",
        &site
            .read("content/for/first.md")
            .replace("See [the second]", "Now see [the second]"),
    );
    server.wait_for_line("Rebuilt 1 page in");
    browser.pending.clear();
    browser.call(
        "Fetch.continueRequest",
        json!({ "requestId": held["params"]["requestId"] }),
    );
    browser.call("Fetch.disable", json!({}));
    browser.wait_for("Page.loadEventFired", Duration::from_secs(15));
    let text = browser.text();
    assert!(
        text.contains("Now see the second"),
        "the page reloaded to the new text: {text}"
    );
}

fn build(root: &Path, out: &Path) {
    let run = Command::new(env!("CARGO_BIN_EXE_factsite"))
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

/// Headless Chromium with one tab, driven over the DevTools protocol.
struct Browser {
    child: Child,
    _profile: tempfile::TempDir,
    socket: WebSocket<TcpStream>,
    session: String,
    next_id: u64,
    /// Events read while waiting for a command's answer.
    pending: Vec<Value>,
}

impl Browser {
    /// Starts Chromium, or returns `None` (having said why) when it is not installed and
    /// not required.
    fn start() -> Option<Self> {
        let program = ["chromium", "chromium-browser", "google-chrome"]
            .into_iter()
            .find(|p| {
                Command::new(p)
                    .arg("--version")
                    .output()
                    .is_ok_and(|o| o.status.success())
            });
        let Some(program) = program else {
            assert!(
                std::env::var_os("FACTSITE_REQUIRE_BROWSER").is_none(),
                "FACTSITE_REQUIRE_BROWSER is set but Chromium is not installed (apt-get install chromium)"
            );
            eprintln!("skipped: Chromium is not installed (apt-get install chromium)");
            return None;
        };
        let profile = tempfile::tempdir().expect("profile dir");
        let mut child = Command::new(program)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start Chromium");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(url) = line.strip_prefix("DevTools listening on ") {
                    let _ = tx.send(url.trim().to_string());
                }
            }
        });
        let url = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("Chromium printed its DevTools address");
        let address = url
            .strip_prefix("ws://")
            .and_then(|rest| rest.split('/').next())
            .expect("a ws:// address")
            .to_string();
        let stream = TcpStream::connect(&address).expect("connect to DevTools");
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .expect("read timeout");
        let (socket, _) = tungstenite::client(url.as_str(), stream).expect("DevTools handshake");
        let mut browser = Self {
            child,
            _profile: profile,
            socket,
            session: String::new(),
            next_id: 0,
            pending: Vec::new(),
        };
        let target = browser.call("Target.createTarget", json!({ "url": "about:blank" }));
        let target_id = target["targetId"].clone();
        let attached = browser.call(
            "Target.attachToTarget",
            json!({ "targetId": target_id, "flatten": true }),
        );
        browser.session = attached["sessionId"]
            .as_str()
            .expect("session id")
            .to_string();
        for domain in [
            "Page.enable",
            "Runtime.enable",
            "Log.enable",
            "Network.enable",
        ] {
            browser.call(domain, json!({}));
        }
        Some(browser)
    }

    /// Sends a command (to the tab once attached) and returns its result.
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({ "id": id, "method": method, "params": params });
        if !self.session.is_empty() {
            message["sessionId"] = json!(self.session);
        }
        self.socket
            .send(Message::text(message.to_string()))
            .expect("send to DevTools");
        loop {
            let message = self.read();
            if message["id"] == json!(id) {
                assert!(message.get("error").is_none(), "{method}: {message}");
                return message["result"].clone();
            }
            self.pending.push(message);
        }
    }

    fn read(&mut self) -> Value {
        loop {
            match self.socket.read().expect("read from DevTools") {
                Message::Text(text) => {
                    return serde_json::from_str(text.as_str()).expect("DevTools sends JSON");
                }
                Message::Close(_) => panic!("DevTools closed the connection"),
                _ => {}
            }
        }
    }

    /// Starts loading `url` in the tab, forgetting earlier events.
    fn navigate(&mut self, url: &str) {
        self.pending.clear();
        self.call("Page.navigate", json!({ "url": url }));
    }

    /// Waits for an event (one already read while waiting for an answer counts).
    fn wait_for(&mut self, method: &str, limit: Duration) -> Value {
        if let Some(at) = self.pending.iter().position(|e| e["method"] == method) {
            return self.pending.remove(at);
        }
        let deadline = Instant::now() + limit;
        loop {
            assert!(Instant::now() < deadline, "no {method} within {limit:?}");
            let event = self.read();
            if event["method"] == method {
                return event;
            }
            self.pending.push(event);
        }
    }

    /// The text of the page in the tab.
    fn text(&mut self) -> String {
        let result = self.call(
            "Runtime.evaluate",
            json!({ "expression": "document.body.innerText", "returnByValue": true }),
        );
        result["result"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Loads one page at one width and lists what is wrong with it.
    fn audit(&mut self, server: &StaticServer, page: &Page, width: u32) -> Vec<String> {
        let label = format!(
            "{} at {width} px",
            if page.path.is_empty() {
                "/"
            } else {
                &page.path
            }
        );
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600 }),
        );
        self.pending.clear();
        let url = format!("http://127.0.0.1:{}{PREFIX}{}", server.port, page.path);
        self.call("Page.navigate", json!({ "url": url }));
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut events = std::mem::take(&mut self.pending);
        while !events.iter().any(|e| e["method"] == "Page.loadEventFired") {
            assert!(
                Instant::now() < deadline,
                "{label}: the page did not finish loading"
            );
            events.push(self.read());
        }
        let mut failures = Vec::new();
        let mut urls: HashMap<String, String> = HashMap::new();
        for event in &events {
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
                    if page.missing && entry["url"].as_str() == Some(url.as_str()) {
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
        let report = self.call(
            "Runtime.evaluate",
            json!({ "expression": AUDIT_SCRIPT, "returnByValue": true }),
        );
        let report: Value = serde_json::from_str(
            report["result"]["value"]
                .as_str()
                .expect("the audit script's answer"),
        )
        .expect("JSON from the audit script");
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
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
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

/// Serves a directory under `PREFIX` on loopback, as a static host does: `dir/` answers
/// with `dir/index.html`, and a missing file with `404.html` and status 404.
struct StaticServer {
    port: u16,
}

impl StaticServer {
    fn start(root: &Path) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("address").port();
        let root = root.to_path_buf();
        std::thread::spawn(move || {
            for stream in listener.incoming().map_while(Result::ok) {
                let root = root.clone();
                std::thread::spawn(move || serve_one(&root, stream));
            }
        });
        Self { port }
    }
}

fn serve_one(root: &Path, mut stream: TcpStream) {
    let mut request = Vec::new();
    let mut buffer = [0u8; 4096];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buffer[..n]),
        }
    }
    let request = String::from_utf8_lossy(&request);
    let target = request.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("");
    let file = path
        .strip_prefix(PREFIX)
        .filter(|rest| !rest.split('/').any(|part| part == ".."))
        .map(|rest| {
            let file = root.join(rest);
            if rest.is_empty() || rest.ends_with('/') {
                file.join("index.html")
            } else {
                file
            }
        })
        .filter(|file| file.is_file());
    let (status, file) = match file {
        Some(file) => ("200 OK", file),
        None => ("404 Not Found", root.join("404.html")),
    };
    let body = std::fs::read(&file).unwrap_or_default();
    let kind = factsite::serve::content_type(&file.to_string_lossy());
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}
