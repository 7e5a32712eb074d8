//! A small HTTP server on loopback for the source checks: fixed replies per path, a log of
//! every request (path, Host, User-Agent, when it came and when it was answered), and an
//! end when it is dropped.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// What the server answers.
#[derive(Debug, Clone)]
pub enum Reply {
    /// A status and an HTML body.
    Html(u16, String),
    /// A redirect to a path on this server.
    Redirect(u16, String),
    /// An HTML page after a pause.
    Slow(Duration, String),
}

/// One request the server saw.
#[derive(Debug, Clone)]
pub struct Seen {
    pub path: String,
    pub host: String,
    pub user_agent: String,
    pub arrived: Instant,
    /// When the reply was ready to send; `None` before (a slow page still waiting).
    pub answered: Option<Instant>,
}

type Route = dyn Fn(&str, usize) -> Reply + Send + Sync;

/// The server; it stops accepting when dropped.
pub struct Server {
    pub addr: SocketAddr,
    log: Arc<Mutex<Vec<Seen>>>,
    stop: Arc<AtomicBool>,
}

impl Server {
    /// Serves `route(path, how many times this path was asked before)`.
    pub fn start(route: impl Fn(&str, usize) -> Reply + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().expect("address");
        let log: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let route: Arc<Route> = Arc::new(route);
        let (accept_log, accept_stop) = (log.clone(), stop.clone());
        thread::spawn(move || {
            for stream in listener.incoming() {
                if accept_stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let arrived = Instant::now();
                let (log, route) = (accept_log.clone(), route.clone());
                thread::spawn(move || answer(stream, arrived, &log, route.as_ref()));
            }
        });
        Self { addr, log, stop }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `http://localhost:PORT`: the same server under another host name.
    pub fn other_host(&self) -> String {
        format!("http://localhost:{}", self.addr.port())
    }

    /// Every request that arrived so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.log.lock().expect("log").clone()
    }

    /// The paths asked for so far, in order of arrival, once at least `count` requests
    /// were logged (or after five seconds): a request the client sent just before it gave
    /// up may still be on its way through a busy machine's scheduler.
    pub fn paths_after(&self, count: usize) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(5);
        while self.seen().len() < count && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(20));
        }
        self.paths()
    }

    /// The paths asked for so far, in order of arrival.
    pub fn paths(&self) -> Vec<String> {
        let mut seen = self.seen();
        seen.sort_by_key(|s| s.arrived);
        seen.into_iter().map(|s| s.path).collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag.
        let _ = TcpStream::connect(self.addr);
    }
}

fn answer(stream: TcpStream, arrived: Instant, log: &Mutex<Vec<Seen>>, route: &Route) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(&stream);
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("").to_string();
    let (mut host, mut user_agent) = (String::new(), String::new());
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).is_err() || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            match name.trim().to_ascii_lowercase().as_str() {
                "host" => host = value.trim().to_string(),
                "user-agent" => user_agent = value.trim().to_string(),
                _ => {}
            }
        }
    }
    if path.is_empty() {
        return;
    }
    let (before, index) = {
        let mut log = log.lock().expect("log");
        let before = log.iter().filter(|s| s.path == path).count();
        log.push(Seen {
            path: path.clone(),
            host,
            user_agent,
            arrived,
            answered: None,
        });
        (before, log.len() - 1)
    };
    let response = match route(&path, before) {
        Reply::Html(status, body) => response(status, &[], &body),
        Reply::Redirect(status, location) => {
            response(status, &[("Location", location.as_str())], "")
        }
        Reply::Slow(pause, body) => {
            thread::sleep(pause);
            response(200, &[], &body)
        }
    };
    // Marked answered before the reply goes out: the client cannot start its next request
    // before it has read this one, so a request arriving later is never counted as
    // overlapping it.
    log.lock().expect("log")[index].answered = Some(Instant::now());
    let mut stream = &stream;
    let _ = stream.write_all(response.as_bytes());
    let _ = stream.flush();
}

fn response(status: u16, headers: &[(&str, &str)], body: &str) -> String {
    let mut out = format!(
        "HTTP/1.1 {status} Fixture\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    out.push_str(body);
    out
}

/// The most requests for one host in flight at the same moment.
pub fn most_at_once(seen: &[Seen], host_prefix: &str) -> usize {
    let mine: Vec<&Seen> = seen
        .iter()
        .filter(|s| s.host.starts_with(host_prefix))
        .collect();
    mine.iter()
        .map(|s| {
            mine.iter()
                .filter(|o| o.arrived <= s.arrived && o.answered.is_none_or(|end| s.arrived < end))
                .count()
        })
        .max()
        .unwrap_or(0)
}

/// A loopback address where nothing listens.
pub fn closed_address() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let addr = listener.local_addr().expect("address");
    drop(listener);
    format!("http://{addr}")
}
