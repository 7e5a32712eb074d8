//! Phase timings on stderr when `FACTSITE_TIMINGS` is set: where a build spends its time.

use std::time::Instant;

/// Records laps and prints them when timings are enabled.
#[derive(Debug)]
pub struct Timer {
    enabled: bool,
    last: Instant,
}

impl Timer {
    /// A timer that prints only when `FACTSITE_TIMINGS` is set.
    pub fn new() -> Self {
        Self {
            enabled: std::env::var_os("FACTSITE_TIMINGS").is_some(),
            last: Instant::now(),
        }
    }

    /// Prints the time since the previous lap.
    pub fn lap(&mut self, phase: &str) {
        if self.enabled {
            eprintln!(
                "timing: {phase}: {:.1} ms (resident {})",
                self.last.elapsed().as_secs_f64() * 1000.0,
                resident()
            );
        }
        self.last = Instant::now();
    }
}

/// The process's resident memory, from `/proc` where there is one.
fn resident() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmRSS:"))
                .map(|l| l[6..].trim().to_string())
        })
        .unwrap_or_else(|| "unknown".to_string())
}

impl Default for Timer {
    fn default() -> Self {
        Self::new()
    }
}
