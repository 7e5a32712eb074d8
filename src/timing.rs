//! Phase timings on stderr when `FACTSITE_TIMINGS` is set: where a build spends its time,
//! and how much of it the process spent on the CPU (a phase whose CPU time is near its
//! wall time ran on one core, one near twice it on two).

use std::time::Instant;

/// Records laps and prints them when timings are enabled.
#[derive(Debug)]
pub struct Timer {
    enabled: bool,
    last: Instant,
    last_cpu: Option<f64>,
}

impl Timer {
    /// A timer that prints only when `FACTSITE_TIMINGS` is set.
    pub fn new() -> Self {
        let enabled = std::env::var_os("FACTSITE_TIMINGS").is_some();
        Self {
            enabled,
            last: Instant::now(),
            last_cpu: if enabled { cpu_ms() } else { None },
        }
    }

    /// Prints the time since the previous lap.
    pub fn lap(&mut self, phase: &str) {
        if self.enabled {
            let cpu = cpu_ms();
            let spent = match (cpu, self.last_cpu) {
                (Some(now), Some(before)) => format!(", CPU {:.0} ms", now - before),
                _ => String::new(),
            };
            eprintln!(
                "timing: {phase}: {:.1} ms{spent} (resident {})",
                self.last.elapsed().as_secs_f64() * 1000.0,
                resident()
            );
            self.last_cpu = cpu;
        }
        self.last = Instant::now();
    }
}

/// The process's user and system CPU time so far in milliseconds, from `/proc` where
/// there is one (counted in ticks of 10 ms).
fn cpu_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    cpu_from_stat(&stat)
}

/// User plus system time from the text of `/proc/PID/stat`: fields 14 and 15, counted
/// after the command name, which is in parentheses and may itself hold spaces.
fn cpu_from_stat(stat: &str) -> Option<f64> {
    let (_, rest) = stat.rsplit_once(')')?;
    let mut fields = rest.split_whitespace().skip(11);
    let user: f64 = fields.next()?.parse().ok()?;
    let system: f64 = fields.next()?.parse().ok()?;
    Some((user + system) * 10.0)
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

#[cfg(test)]
mod tests {
    use super::cpu_from_stat;

    #[test]
    fn cpu_time_is_read_after_a_command_name_with_spaces_and_parentheses() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
        let stat = "4242 (fact (site) x) R 1 4242 4242 0 -1 4194304 100 0 0 0 123 45 0 0 20 0";
        assert_eq!(cpu_from_stat(stat), Some(1680.0));
        assert_eq!(cpu_from_stat("garbage"), None);
    }
}
