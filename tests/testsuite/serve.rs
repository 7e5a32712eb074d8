//! `factsite serve`: live reload, incremental rebuilds, errors while editing, and a server
//! that never answers with a byte from outside the built site.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use crate::support::Site;

/// A running `factsite serve`, stopped when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
    output: Receiver<String>,
    /// What it printed before its `Serving` line.
    pub preamble: Vec<String>,
}

impl Server {
    /// `factsite serve --port 0` in the site's root.
    pub fn start(site: &Site) -> Self {
        Self::start_with(site, &["serve", "--port", "0"])
    }

    /// `factsite` with these arguments (a serve) in the site's root, once it serves.
    pub fn start_with(site: &Site, args: &[&str]) -> Self {
        let mut child = Command::new(crate::support::factsite())
            .args(args)
            .current_dir(&site.root)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start factsite serve");
        let (sender, output) = channel();
        for stream in [
            Box::new(child.stdout.take().expect("stdout")) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().expect("stderr")),
        ] {
            let sender = sender.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    let _ = sender.send(line);
                }
            });
        }
        let mut server = Self {
            child,
            port: 0,
            output,
            preamble: Vec::new(),
        };
        let mut preamble = server.lines_until("Serving ");
        let line = preamble.pop().expect("the Serving line");
        server.preamble = preamble;
        let port = line
            .rsplit(':')
            .next()
            .and_then(|p| p.trim_end_matches('/').parse().ok())
            .expect("port in the Serving line");
        server.port = port;
        server
    }

    /// Waits for a line holding `needle` and returns it.
    pub fn wait_for_line(&mut self, needle: &str) -> String {
        self.lines_until(needle).pop().expect("the line")
    }

    /// The lines printed up to and including the first that holds `needle`.
    pub fn lines_until(&mut self, needle: &str) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut lines = Vec::new();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            if let Ok(line) = self.output.recv_timeout(left) {
                let found = line.contains(needle);
                lines.push(line);
                if found {
                    return lines;
                }
            }
        }
        panic!("factsite serve never printed {needle:?}; it printed {lines:#?}");
    }

    /// Sends raw bytes and returns the whole response.
    fn raw(&self, request: &[u8]) -> String {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        stream.write_all(request).expect("send");
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        String::from_utf8_lossy(&response).into_owned()
    }

    /// GET a path: the status code and the body.
    pub fn get(&self, path: &str) -> (u16, String) {
        let response = self.raw(
            format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        );
        let status = response
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body = response
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap_or_default();
        (status, body)
    }

    /// Opens the live-reload stream.
    fn events(&self) -> Events {
        self.events_for("")
    }

    /// Opens the live-reload stream as a page served from build `id` does.
    fn events_for(&self, id: &str) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        let query = if id.is_empty() {
            String::new()
        } else {
            format!("?build={id}")
        };
        stream
            .write_all(
                format!("GET /__factsite/livereload{query} HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .as_bytes(),
            )
            .expect("send");
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .expect("timeout");
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        while reader.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
            if line == ": connected\n" {
                return Events { reader };
            }
            line.clear();
        }
        panic!("no event stream");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    /// Waits for the next reload event (the stream's pings keep it open, so give up after 30 s).
    fn reload(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut line = String::new();
        loop {
            assert!(Instant::now() < deadline, "no reload event within 30 s");

            line.clear();
            let read = self
                .reader
                .read_line(&mut line)
                .expect("a reload event within 20 s");
            assert!(read > 0, "the event stream closed");
            if line == "data: reload\n" {
                return;
            }
        }
    }

    /// The next event, or `None` if there is none within `wait` (pings and blank lines
    /// are skipped).
    fn next_within(&mut self, wait: Duration) -> Option<String> {
        self.reader
            .get_ref()
            .set_read_timeout(Some(wait))
            .expect("timeout");
        let mut line = String::new();
        loop {
            line.clear();
            match self.reader.read_line(&mut line) {
                Ok(0) => panic!("the event stream closed"),
                Ok(_) if line.starts_with("data: ") => return Some(line),
                Ok(_) => {}
                Err(_) => return None,
            }
        }
    }
}

/// The build id a served page carries in its reload script.
fn build_id(page: &str) -> String {
    let start = page
        .find("livereload?build=")
        .expect("a build id in the page")
        + 17;
    let end = start + page[start..].find('"').expect("the end of the id");
    page[start..end].to_string()
}

/// The `build/site` fixture with one more page.
pub fn fixture() -> Site {
    let site = Site::fixture("build/site");
    site.write(
        "content/for/data.md",
        "+++\ntitle = \"Data\"\n+++\nSee the [first](first.md).\n",
    );
    site
}

// Edit, break, fix and delete while serving: reload events, the overlay on the last good
// build, recovery, and 404 for a deleted page.
#[test]
fn reloads_and_recovers_while_editing() {
    let site = fixture();
    let mut server = Server::start(&site);
    let (status, home) = server.get("/");
    assert_eq!(status, 200);
    assert!(
        home.contains("Read <a href=\"for/first/#why-it-matters\">the first essay</a>"),
        "{home}"
    );
    assert!(
        home.contains("/__factsite/livereload"),
        "the reload script is injected: {home}"
    );
    assert!(
        !site.exists("public"),
        "serve never writes the output directory"
    );

    let mut events = server.events();
    site.write(
        "content/for/first.md",
        &site
            .read("content/for/first.md")
            .replace("See [the second]", "Now see [the second]"),
    );
    events.reload();
    server.wait_for_line("Rebuilt 1 page in");
    assert!(
        server
            .get("/for/first/")
            .1
            .contains("Now see <a href=\"../second/\">the second</a>")
    );

    site.write(
        "content/for/first.md",
        "+++\ntitle = \"First essay\"\nweight = \n+++\n",
    );
    events.reload();
    let (status, page) = server.get("/for/first/");
    assert_eq!(status, 200, "the last good build is still served");
    assert!(
        page.contains("Now see <a href=\"../second/\">the second</a>"),
        "{page}"
    );
    assert!(page.contains("<div id=\"factsite-error\""), "{page}");
    assert!(page.contains("--&gt; content/for/first.md:3:"), "{page}");
    assert!(
        server.get("/").1.contains("factsite-error"),
        "the overlay shows on every page"
    );

    site.write(
        "content/for/first.md",
        "+++\ntitle = \"First essay, fixed\"\nweight = 2\n+++\n## Why it matters\n\nFixed.\n",
    );
    events.reload();
    let page = server.get("/for/first/").1;
    assert!(
        page.contains("<h1>First essay, fixed</h1>") && !page.contains("factsite-error"),
        "{page}"
    );
    assert!(
        server.get("/for/").1.contains(">First essay, fixed<"),
        "the section listing follows the title"
    );

    assert_eq!(server.get("/for/data/").0, 200);
    site.remove("content/for/data.md");
    events.reload();
    assert_eq!(server.get("/for/data/").0, 404, "a deleted page is gone");
    assert_eq!(server.get("/").0, 200);

    site.remove("content/about.md");
    events.reload();
    let home = server.get("/").1;
    assert!(
        home.contains("broken link `about.md`"),
        "deleting a linked page is an error shown on the last good build: {home}"
    );
    assert_eq!(server.get("/about/").0, 200);
}

// A page served before a rebuild whose reload stream connects after the rebuild (its
// reload event already sent to nobody) is told to reload at once; a page from the current
// build is not; and a page left open from an earlier run of serve is stale too.
#[test]
fn a_page_from_an_older_build_reloads_as_soon_as_it_connects() {
    let site = fixture();
    let mut server = Server::start(&site);
    let (_, before) = server.get("/for/first/");
    let old = build_id(&before);
    site.write(
        "content/for/first.md",
        &site
            .read("content/for/first.md")
            .replace("See [the second]", "Now see [the second]"),
    );
    server.wait_for_line("Rebuilt 1 page in");
    let (_, after) = server.get("/for/first/");
    assert!(after.contains("Now see"), "{after}");
    let new = build_id(&after);
    assert_ne!(old, new, "each build has its own id");
    assert_eq!(
        build_id(&server.get("/").1),
        new,
        "every page carries the current build's id"
    );

    let mut late = server.events_for(&old);
    assert_eq!(
        late.next_within(Duration::from_secs(2)).as_deref(),
        Some("data: reload\n"),
        "the stale page is reloaded at once"
    );
    // A current page is left alone. (One save can make two rebuilds when its events come
    // in two bursts; a reload is right then, and the page's build must have changed.)
    let mut current_id = new.clone();
    for _ in 0..5 {
        let mut current = server.events_for(&current_id);
        if current.next_within(Duration::from_millis(500)).is_none() {
            break;
        }
        let now = build_id(&server.get("/for/first/").1);
        assert_ne!(now, current_id, "a page of the current build was reloaded");
        current_id = now;
    }

    drop(server);
    let server = Server::start(&site);
    let mut reopened = server.events_for(&current_id);
    assert_eq!(
        reopened.next_within(Duration::from_secs(2)).as_deref(),
        Some("data: reload\n"),
        "a page from the previous serve is reloaded by the new one"
    );
}

// serve's first line counts what it built exactly as build's summary does.
#[test]
fn serve_counts_what_it_built_as_build_does() {
    let site = fixture();
    let built = site.build().stdout;
    let counts = built
        .strip_prefix("Built ")
        .and_then(|rest| rest.split(" in ").next())
        .expect("build's summary line");
    assert!(
        counts.contains(" pages, ") && counts.contains(" sections, "),
        "{counts}"
    );
    let server = Server::start(&site);
    assert!(
        server.preamble[0].starts_with(&format!("Built {counts} in ")),
        "{:?} against build's {built:?}",
        server.preamble
    );
}

// Requests that try to leave the site get 404 or 400 and never a byte from outside.
#[test]
fn never_serves_outside_the_site() {
    let site = fixture();
    std::fs::write(
        site.root.parent().expect("parent").join("secret.txt"),
        "TOP SECRET",
    )
    .expect("secret");
    let server = Server::start(&site);
    for target in [
        "/../secret.txt",
        "/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/secret.txt",
        "/..%2fsecret.txt",
        "/..%2Fsite.toml",
        "/for/../../secret.txt",
        "/%2e%2e%2f%2e%2e%2fsecret.txt",
        "//secret.txt",
        "/.%2e/secret.txt",
        "/..\\secret.txt",
        "/site.toml",
        "/content/for/first.md",
        "/../site/site.toml",
        "/%00",
    ] {
        let (status, body) = server.get(target);
        assert!(status == 404 || status == 400, "{target}: {status}");
        assert!(
            !body.contains("TOP SECRET") && !body.contains("base_url"),
            "{target} leaked: {body}"
        );
    }
    assert!(
        server
            .raw(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .starts_with("HTTP/1.1 405")
    );
    assert!(
        server.raw(b"GARBAGE\r\n\r\n").starts_with("HTTP/1.1 400"),
        "malformed requests get 400"
    );
    assert_eq!(server.get("/").0, 200, "and the server keeps serving");
    let response = server.raw(b"HEAD /for/first/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert!(
        response.starts_with("HTTP/1.1 200")
            && response.contains("Content-Type: text/html; charset=utf-8"),
        "{response}"
    );
    assert!(
        response.ends_with("\r\n\r\n"),
        "HEAD has no body: {response}"
    );
    assert_eq!(
        server.get("/for/first").0,
        308,
        "a directory without its slash is redirected"
    );
}

// A symbolic link under content/ that points outside the site is refused, not published.
#[test]
fn refuses_links_outside_the_site() {
    let site = fixture();
    let secret = site.root.parent().expect("parent").join("secret.txt");
    std::fs::write(&secret, "TOP SECRET").expect("secret");
    std::os::unix::fs::symlink(&secret, site.root.join("content/leak.txt")).expect("symlink");
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr
            .starts_with("error: `content/leak.txt` is a symbolic link to `"),
        "{}",
        run.stderr
    );
}

// 10,000 requests from 50 clients at once all succeed, and malformed requests in the middle
// get 400 without stopping the server.
#[test]
fn serves_under_load() {
    let site = fixture();
    let server = Server::start(&site);
    let port = server.port;
    let paths = [
        "/",
        "/for/first/",
        "/for/",
        "/about/",
        "/atom.xml",
        "/sitemap.xml",
        "/nope/",
    ];
    let failures: usize = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..50)
            .map(|worker| {
                scope.spawn(move || {
                    let mut failures = 0;
                    for i in 0..200 {
                        let path = paths[(worker + i) % paths.len()];
                        let request = if i % 50 == 7 {
                            "BROKEN REQUEST\r\n\r\n".to_string()
                        } else {
                            format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                        };
                        let expected = match (i % 50 == 7, path) {
                            (true, _) => "HTTP/1.1 400",
                            (false, "/nope/") => "HTTP/1.1 404",
                            _ => "HTTP/1.1 200",
                        };
                        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
                            failures += 1;
                            continue;
                        };
                        let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
                        let mut response = Vec::new();
                        let ok = stream.write_all(request.as_bytes()).is_ok() && stream.read_to_end(&mut response).is_ok();
                        if !ok || !response.starts_with(expected.as_bytes()) {
                            failures += 1;
                        }
                    }
                    failures
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().expect("worker")).sum()
    });
    assert_eq!(failures, 0, "{failures} of 10000 requests failed");
    assert_eq!(server.get("/").0, 200);
}

/// Polls `check` every 20 ms for up to 20 s.
#[track_caller]
fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !check() {
        assert!(Instant::now() < deadline, "never: {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    let status = Command::new("cp")
        .arg("-a")
        .arg(from)
        .arg(to)
        .status()
        .expect("cp");
    assert!(status.success());
}

// content/ deleted and restored, moved away and back, and swapped for another folder (as
// a branch checkout does) while serving: after each, a save is still seen and served.
#[test]
fn keeps_watching_when_content_is_replaced() {
    let site = fixture();
    let server = Server::start(&site);
    let content = site.root.join("content");
    let spare = site.root.parent().expect("parent").join("spare");
    copy_tree(&content, &spare);
    let mut saves = 0;
    let mut save_and_see = |what: &str| {
        saves += 1;
        let words = format!("Save number {saves}.");
        site.write(
            "content/about.md",
            &format!("+++\ntitle = \"About\"\n+++\n{words}\n"),
        );
        eventually(&format!("{what}: the save is served"), || {
            server.get("/about/").1.contains(&words)
        });
    };
    save_and_see("at the start");

    std::fs::remove_dir_all(&content).expect("rm -rf");
    eventually("the missing content/ is an error", || {
        server.get("/").1.contains("factsite-error")
    });
    copy_tree(&spare, &content);
    save_and_see("deleted and restored");
    save_and_see("deleted and restored, a second save");

    let away = site.root.parent().expect("parent").join("away");
    std::fs::rename(&content, &away).expect("mv away");
    eventually("the moved content/ is an error", || {
        server.get("/").1.contains("factsite-error")
    });
    std::fs::rename(&away, &content).expect("mv back");
    save_and_see("moved away and back");
    save_and_see("moved away and back, a second save");

    std::fs::rename(&content, &away).expect("mv away");
    std::fs::rename(&spare, &content).expect("another folder in its place");
    save_and_see("swapped for another folder");
    save_and_see("swapped for another folder, a second save");
}

// A request head larger than the limits is refused with 414 or 431 as soon as it passes
// them, without reading the rest, and the server keeps serving.
#[test]
fn refuses_oversized_request_heads() {
    let site = fixture();
    let server = Server::start(&site);
    let huge = |head: &[u8], tail: u8| {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        let mut writer = stream.try_clone().expect("clone");
        let head = head.to_vec();
        let sender = std::thread::spawn(move || {
            // 64 MB of one line, unless the server stops reading first.
            let chunk = vec![tail; 1024 * 1024];
            let _ = writer.write_all(&head);
            for _ in 0..64 {
                if writer.write_all(&chunk).is_err() {
                    return false;
                }
            }
            true
        });
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        let _ = stream.shutdown(std::net::Shutdown::Both);
        let sent_everything = sender.join().expect("sender");
        (
            String::from_utf8_lossy(&response).into_owned(),
            sent_everything,
        )
    };
    let (response, sent) = huge(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: ", b'a');
    assert!(
        response.starts_with("HTTP/1.1 431 Request Header Fields Too Large\r\n"),
        "{response}"
    );
    assert!(!sent, "the server stopped reading the 64 MB line");
    let (response, _) = huge(b"GET /", b'a');
    assert!(
        response.starts_with("HTTP/1.1 414 URI Too Long\r\n"),
        "{response}"
    );
    let many = format!(
        "GET / HTTP/1.1\r\nHost: x\r\n{}\r\n",
        (0..200)
            .map(|i| format!("X-{i}: 1\r\n"))
            .collect::<String>()
    );
    assert!(server.raw(many.as_bytes()).starts_with("HTTP/1.1 431"));
    assert!(
        server
            .raw(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n")
            .starts_with("HTTP/1.1 413")
    );
    let pipelined = server.raw(
        b"GET /about/ HTTP/1.1\r\nHost: x\r\n\r\nHEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(
        pipelined.matches("HTTP/1.1 200 OK\r\n").count(),
        2,
        "{pipelined}"
    );
    assert_eq!(server.get("/").0, 200, "and the server keeps serving");
}

// Nothing outside the site reaches a response or the error overlay: a static file
// swapped for a link to an outside file while serving, a new data file that links
// outside, and a theme link.
#[test]
fn never_reads_through_a_link_out_of_the_site() {
    let site = fixture();
    let secret = site.root.parent().expect("parent").join("secret.toml");
    std::fs::write(
        &secret,
        "title = \"TOP SECRET LINE\"\n[[entry]\nid = \"x\"\n",
    )
    .expect("secret");
    let mut server = Server::start(&site);
    let (status, chart) = server.get("/for/chart.svg");
    assert_eq!(status, 200);
    let mut events = server.events();

    site.remove("content/for/chart.svg");
    std::os::unix::fs::symlink(&secret, site.root.join("content/for/chart.svg")).expect("symlink");
    events.reload();
    let (status, body) = server.get("/for/chart.svg");
    assert_eq!(
        (status, body.as_str()),
        (200, chart.as_str()),
        "the last good file stays"
    );
    let page = server.get("/").1;
    assert!(
        page.contains("content/for/chart.svg` is a symbolic link to `"),
        "{page}"
    );
    assert!(!page.contains("TOP SECRET"), "{page}");
    site.remove("content/for/chart.svg");
    site.write("content/for/chart.svg", &chart);
    events.reload();

    std::fs::create_dir_all(site.root.join("content/charts")).expect("mkdir");
    std::os::unix::fs::symlink(&secret, site.root.join("content/charts/leak.toml"))
        .expect("symlink");
    events.reload();
    server.wait_for_line("is a symbolic link to");
    let page = server.get("/").1;
    assert!(page.contains("is a symbolic link to `"), "{page}");
    assert!(!page.contains("TOP SECRET"), "{page}");
    site.remove("content/charts/leak.toml");
    events.reload();

    std::fs::create_dir_all(site.root.join("theme")).expect("mkdir");
    std::os::unix::fs::symlink(&secret, site.root.join("theme/logo.txt")).expect("symlink");
    events.reload();
    server.wait_for_line("theme/logo.txt` is a symbolic link to");
    let page = server.get("/").1;
    assert!(!page.contains("TOP SECRET"), "{page}");
}

// A one-page edit is checked and published as a full build would be, though only what it
// touches is redone: links from other pages into it are checked again, the feed carries
// its new text, and a new correction reaches the corrections page and its feed.
#[test]
fn a_page_edit_redoes_everything_it_touches() {
    let site = fixture();
    let mut server = Server::start(&site);
    let mut events = server.events();
    let first = site.read("content/for/first.md");

    site.write(
        "content/for/first.md",
        &first.replace("See [the second]", "Now read [the second]"),
    );
    events.reload();
    server.wait_for_line("Rebuilt 1 page in");
    let feed = server.get("/atom.xml").1;
    assert!(
        feed.contains("Now read"),
        "the feed carries the new text: {feed}"
    );

    site.write(
        "content/for/first.md",
        &first.replace("## Why it matters", "## Why it counts"),
    );
    events.reload();
    let home = server.get("/").1;
    assert!(
        home.contains("factsite-error") && home.contains("broken anchor"),
        "the home page's link into the edited page is checked again: {home}"
    );
    assert!(home.contains("content/_index.md:4:"), "{home}");

    site.write(
        "content/for/first.md",
        &first.replace(
            "weight = 2\n",
            "weight = 2\n\n[[corrections]]\ndate = 2025-07-09\ntext = \"The second essay was misnamed.\"\n",
        ),
    );
    events.reload();
    let corrections = server.get("/corrections/").1;
    assert!(
        corrections.contains("The second essay was misnamed.")
            && !corrections.contains("factsite-error"),
        "{corrections}"
    );
    assert!(
        server
            .get("/corrections/atom.xml")
            .1
            .contains("The second essay was misnamed."),
        "the corrections feed follows"
    );
}

// serve says when highlighting gave up on a block, as build does, and still serves the page
// with the block plain.
#[test]
fn serve_warns_when_highlighting_gives_up() {
    let site = Site::minimal();
    site.write(
        "content/_index.md",
        "+++\ntitle = \"Home\"\n+++\n```js\nx /*\n```\n",
    );
    let mut server = Server::start(&site);
    let warning =
        "warning: highlighting a `js` block (its first line: `x /*`) did not finish in 5 s";
    if !server.preamble.iter().any(|line| line.contains(warning)) {
        server.wait_for_line(warning);
    }
    let (status, body) = server.get("/");
    assert_eq!(status, 200);
    assert!(
        body.contains("<pre><code class=\"language-js\">x /*\n</code></pre>"),
        "{body}"
    );
}

// The default theme's header is rendered once per section and kept (`cached()`): when a
// section's title changes under serve, every page's navigation shows the new one, not a
// kept copy of the old.
#[test]
fn a_renamed_section_reaches_every_cached_navigation() {
    let site = crate::habits::cached::site();
    let server = Server::start(&site);
    let mut events = server.events();
    let nav = "<li><a href=\"../../for/\">For</a></li>";
    let page = server.get("/against/y/").1;
    assert!(page.contains(nav), "{page}");

    site.write("content/for/_index.md", "+++\ntitle = \"In favour\"\n+++\n");
    events.reload();
    for path in ["/against/y/", "/for/reach/"] {
        let page = server.get(path).1;
        assert!(page.contains(">In favour</a></li>"), "{path}: {page}");
        assert!(!page.contains(">For</a></li>"), "{path}: {page}");
    }
}
