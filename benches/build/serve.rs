//! Edit-to-reload latency under `factsite serve`: the time from writing a page to the
//! browser's reload event.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::corpus;

pub struct Edits {
    pub count: usize,
    pub median_ms: f64,
    pub p90_ms: f64,
    pub rebuild_ms: f64,
}

pub fn edits(binary: &Path, site: &Path, count: usize) -> Option<Edits> {
    if count == 0 {
        return None;
    }
    let mut child = Command::new(binary)
        .args(["serve", "--port", "0", "--root"])
        .arg(site)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start serve");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let port: u16 = lines
        .by_ref()
        .map_while(Result::ok)
        .find(|l| l.starts_with("Serving "))
        .and_then(|l| {
            l.rsplit(':')
                .next()
                .map(|p| p.trim_end_matches('/').to_string())
        })
        .and_then(|p| p.parse().ok())
        .expect("serve printed its address");
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .write_all(b"GET /__factsite/livereload HTTP/1.1\r\nHost: x\r\n\r\n")
        .expect("send");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let mut events = BufReader::new(stream);
    let mut line = String::new();
    while events.read_line(&mut line).expect("read") > 0 && line != ": connected\n" {
        line.clear();
    }
    let page = site.join(corpus::page_path(7));
    let original = std::fs::read_to_string(&page).expect("page");
    let mut latencies = Vec::with_capacity(count);
    let mut rebuilds = Vec::with_capacity(count);
    for i in 0..count {
        std::thread::sleep(Duration::from_millis(150));
        let start = Instant::now();
        std::fs::write(&page, format!("{original}\nEdit number {i}.\n")).expect("edit");
        loop {
            line.clear();
            assert!(
                events.read_line(&mut line).expect("read event") > 0,
                "event stream closed"
            );
            if line == "data: reload\n" {
                break;
            }
        }
        latencies.push(start.elapsed().as_secs_f64() * 1000.0);
        if let Some(Ok(printed)) = lines.next()
            && let Some(ms) = printed
                .split(" in ")
                .nth(1)
                .and_then(|r| r.split(" ms").next())
                .and_then(|v| v.parse::<f64>().ok())
        {
            rebuilds.push(ms);
        }
    }
    std::fs::write(&page, original).expect("restore");
    let _ = child.kill();
    let _ = child.wait();
    latencies.sort_by(f64::total_cmp);
    rebuilds.sort_by(f64::total_cmp);
    Some(Edits {
        count,
        median_ms: latencies[count / 2],
        p90_ms: latencies[(count * 9 / 10).min(count - 1)],
        rebuild_ms: rebuilds
            .get(rebuilds.len() / 2)
            .copied()
            .unwrap_or(f64::NAN),
    })
}
