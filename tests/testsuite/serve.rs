//! `factsite serve`: live reload, incremental rebuilds, errors while editing, and a server
//! that never answers with a byte from outside the built site.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use crate::support::Site;

/// A running `factsite serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    output: Receiver<String>,
}

impl Server {
    fn start(site: &Site) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factsite"))
            .args(["serve", "--port", "0"])
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
        };
        let line = server.wait_for_line("Serving ");
        let port = line
            .rsplit(':')
            .next()
            .and_then(|p| p.trim_end_matches('/').parse().ok())
            .expect("port in the Serving line");
        server.port = port;
        server
    }

    fn wait_for_line(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            if let Ok(line) = self.output.recv_timeout(left)
                && line.contains(needle)
            {
                return line;
            }
        }
        panic!("factsite serve never printed {needle:?}");
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
    fn get(&self, path: &str) -> (u16, String) {
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
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream
            .write_all(b"GET /__factsite/livereload HTTP/1.1\r\nHost: localhost\r\n\r\n")
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
}

fn fixture() -> Site {
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
