//! Timing a command with its peak memory (through GNU time when present).

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// One run.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    pub seconds: f64,
    /// Peak resident memory in KiB, when known.
    pub max_rss_kib: u64,
    /// User and system CPU seconds, when known.
    pub user: f64,
    pub system: f64,
}

impl Sample {
    pub fn mib(self) -> f64 {
        self.max_rss_kib as f64 / 1024.0
    }
}

/// The run with the median wall time.
pub fn median(samples: &[Sample]) -> Sample {
    let mut sorted = samples.to_vec();
    sorted.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
    sorted[sorted.len() / 2]
}

/// Whether a program is on the PATH.
pub fn has(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// The version a program prints for `version` (Hugo: `hugo v0.111.3+extended ...`;
/// Zola: `zola 0.22.1`): its second word.
pub fn version(program: &str) -> String {
    let flag = if program == "zola" {
        "--version"
    } else {
        "version"
    };
    Command::new(program)
        .arg(flag)
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .split_whitespace()
                .nth(1)
                .unwrap_or("?")
                .to_string()
        })
        .unwrap_or_default()
}

/// `zola build` of the site at `source` into `out`.
pub fn zola(source: &Path, out: &Path) -> Sample {
    command(
        "zola".as_ref(),
        &[
            "--root",
            source.to_str().expect("utf-8"),
            "build",
            "--output-dir",
            out.to_str().expect("utf-8"),
        ],
    )
}

/// The CPU and core count of this machine.
pub fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .unwrap_or("unknown CPU")
        .trim()
        .to_string();
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    format!("{model}, {cores} cores")
}

/// Runs a command to completion, failing loudly if it fails.
pub fn command(program: &OsStr, args: &[&str]) -> Sample {
    let time = std::path::Path::new("/usr/bin/time");
    let report = std::env::temp_dir().join(format!("factsite-bench-time-{}", std::process::id()));
    let start = Instant::now();
    let status = if time.exists() {
        Command::new(time)
            .arg("-f")
            .arg("%M %U %S")
            .arg("-o")
            .arg(&report)
            .arg(program)
            .args(args)
            .stdout(Stdio::null())
            .status()
    } else {
        Command::new(program)
            .args(args)
            .stdout(Stdio::null())
            .status()
    }
    .expect("run the benchmark command");
    let seconds = start.elapsed().as_secs_f64();
    assert!(
        status.success(),
        "{} {:?} failed",
        program.to_string_lossy(),
        args
    );
    let fields: Vec<f64> = std::fs::read_to_string(&report)
        .ok()
        .and_then(|t| t.trim().lines().last().map(str::to_string))
        .map(|l| {
            l.split_whitespace()
                .filter_map(|f| f.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    let _ = std::fs::remove_file(&report);
    Sample {
        seconds,
        max_rss_kib: fields.first().map_or(0, |&k| k as u64),
        user: fields.get(1).copied().unwrap_or(0.0),
        system: fields.get(2).copied().unwrap_or(0.0),
    }
}

/// Flushes dirty pages to disk, so that one run's writeback is not billed to the next.
pub fn settle() {
    let _ = std::process::Command::new("sync").status();
}

/// Runs `work` in this process and times it, with the CPU this process spent meanwhile
/// (from `/proc/self/stat`, in clock ticks of 10 ms; zero where there is no `/proc`).
pub fn in_process(work: impl FnOnce()) -> Sample {
    let (user_before, system_before) = own_cpu();
    let start = Instant::now();
    work();
    let seconds = start.elapsed().as_secs_f64();
    let (user_after, system_after) = own_cpu();
    Sample {
        seconds,
        max_rss_kib: 0,
        user: user_after - user_before,
        system: system_after - system_before,
    }
}

/// User and system CPU seconds this process has used so far.
fn own_cpu() -> (f64, f64) {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after the name.
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) / 100.0, ticks(12) / 100.0)
}
