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
    /// From starting `serve` to its first build being served.
    pub first_build_s: f64,
    /// Resident memory once serving, and its peak over the edits, in MiB.
    pub resident_mib: f64,
    pub peak_mib: f64,
}

/// A process's resident memory (`VmRSS`) and its peak (`VmHWM`), in MiB.
fn memory(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kib| kib.parse::<f64>().ok())
            .map_or(f64::NAN, |kib| kib / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

pub fn edits(binary: &Path, site: &Path, size: corpus::Size, count: usize) -> Option<Edits> {
    if count == 0 {
        return None;
    }
    let started = Instant::now();
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
    let first_build_s = started.elapsed().as_secs_f64();
    let (resident_mib, _) = memory(child.id());
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
    let page = site.join(corpus::page_path(7, size));
    let original = std::fs::read_to_string(&page).expect("page");
    let mut latencies = Vec::with_capacity(count);
    let mut rebuilds = Vec::with_capacity(count);
    for i in 0..count {
        std::thread::sleep(Duration::from_millis(150));
        let start = Instant::now();
        std::fs::write(&page, format!("{original}\nEdit number {}.\n", words(i))).expect("edit");
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
    let (_, peak_mib) = memory(child.id());
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
        first_build_s,
        resident_mib,
        peak_mib,
    })
}

/// An edit's counter in words, so the edited page stays free of unbound numbers.
fn words(i: usize) -> String {
    const DIGITS: [&str; 10] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    i.to_string()
        .bytes()
        .map(|b| DIGITS[usize::from(b - b'0')])
        .collect::<Vec<_>>()
        .join("-")
}
