//! Politeness: which request may start now. At most so many requests in flight per host,
//! a pause between two starts on one host, and retries waiting out their backoff without
//! holding a place. A host whose name did not resolve is not asked again: its other jobs
//! are handed out at once, marked, to be answered without a request.

use std::collections::{HashMap, HashSet};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// The limits.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Requests in flight to one host at once.
    pub per_host: usize,
    /// The least time between the starts of two requests to one host.
    pub delay: Duration,
}

/// A request waiting to start, or started.
#[derive(Debug, Clone)]
pub struct Job {
    /// Which URL, by index into the caller's list.
    pub index: usize,
    /// Its host.
    pub host: String,
    /// Attempts made so far.
    pub attempts: u32,
    /// Its host's name did not resolve for an earlier job: send nothing.
    pub unreachable: bool,
    not_before: Instant,
}

#[derive(Debug, Default)]
struct Host {
    active: usize,
    next_start: Option<Instant>,
}

#[derive(Debug, Default)]
struct State {
    waiting: Vec<Job>,
    hosts: HashMap<String, Host>,
    unreachable: HashSet<String>,
    /// Jobs not finished: waiting or in flight.
    open: usize,
}

/// Hands out jobs to worker threads within the limits.
#[derive(Debug)]
pub struct Scheduler {
    limits: Limits,
    state: Mutex<State>,
    changed: Condvar,
}

impl Scheduler {
    /// A scheduler for these `(index, host)` jobs, all ready now.
    pub fn new(limits: Limits, jobs: Vec<(usize, String)>) -> Self {
        let now = Instant::now();
        let waiting: Vec<Job> = jobs
            .into_iter()
            .map(|(index, host)| Job {
                index,
                host,
                attempts: 0,
                unreachable: false,
                not_before: now,
            })
            .collect();
        Self {
            limits,
            state: Mutex::new(State {
                open: waiting.len(),
                waiting,
                hosts: HashMap::new(),
                unreachable: HashSet::new(),
            }),
            changed: Condvar::new(),
        }
    }

    /// The next job allowed to start, waiting until one is; `None` once every job is
    /// finished.
    pub fn take(&self) -> Option<Job> {
        let mut state = self.lock();
        loop {
            if state.open == 0 {
                return None;
            }
            let now = Instant::now();
            match self.ready(&state, now) {
                Ok(position) => {
                    let mut job = state.waiting.remove(position);
                    if state.unreachable.contains(&job.host) {
                        job.unreachable = true;
                        return Some(job);
                    }
                    job.attempts += 1;
                    let host = state.hosts.entry(job.host.clone()).or_default();
                    host.active += 1;
                    host.next_start = Some(now + self.limits.delay);
                    return Some(job);
                }
                Err(Some(wake)) => {
                    let wait = wake.saturating_duration_since(now);
                    state = self
                        .changed
                        .wait_timeout(state, wait)
                        .unwrap_or_else(PoisonError::into_inner)
                        .0;
                }
                Err(None) => {
                    state = self
                        .changed
                        .wait(state)
                        .unwrap_or_else(PoisonError::into_inner);
                }
            }
        }
    }

    /// The first waiting job that may start now, or else the earliest time one may
    /// (`None`: every host with waiting jobs is full, so wait for a finish).
    fn ready(&self, state: &State, now: Instant) -> Result<usize, Option<Instant>> {
        let mut earliest: Option<Instant> = None;
        for (position, job) in state.waiting.iter().enumerate() {
            if state.unreachable.contains(&job.host) {
                return Ok(position);
            }
            let host = state.hosts.get(&job.host);
            if host.is_some_and(|h| h.active >= self.limits.per_host.max(1)) {
                continue;
            }
            let start = host
                .and_then(|h| h.next_start)
                .map_or(job.not_before, |next| next.max(job.not_before));
            if start <= now {
                return Ok(position);
            }
            earliest = Some(earliest.map_or(start, |e: Instant| e.min(start)));
        }
        Err(earliest)
    }

    /// The job is done: its place on the host is free.
    pub fn finish(&self, job: &Job) {
        let mut state = self.lock();
        if !job.unreachable {
            Self::release(&mut state, &job.host);
        }
        state.open -= 1;
        drop(state);
        self.changed.notify_all();
    }

    /// The job failed in a way worth another try, after `backoff`.
    pub fn retry(&self, mut job: Job, backoff: Duration) {
        let mut state = self.lock();
        Self::release(&mut state, &job.host);
        job.not_before = Instant::now() + backoff;
        state.waiting.push(job);
        drop(state);
        self.changed.notify_all();
    }

    /// The host's name does not resolve: its waiting jobs need no request.
    pub fn unreachable(&self, host: &str) {
        self.lock().unreachable.insert(host.to_string());
        self.changed.notify_all();
    }

    fn release(state: &mut State, host: &str) {
        if let Some(host) = state.hosts.get_mut(host) {
            host.active = host.active.saturating_sub(1);
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scheduler(per_host: usize, delay_ms: u64, hosts: &[&str]) -> Scheduler {
        let jobs = hosts
            .iter()
            .enumerate()
            .map(|(i, host)| (i, host.to_string()))
            .collect();
        Scheduler::new(
            Limits {
                per_host,
                delay: Duration::from_millis(delay_ms),
            },
            jobs,
        )
    }

    #[test]
    fn holds_a_host_to_its_limit_while_others_go_ahead() {
        let scheduler = scheduler(2, 0, &["a", "a", "a", "b"]);
        let first = scheduler.take().unwrap();
        let second = scheduler.take().unwrap();
        let third = scheduler.take().unwrap();
        assert_eq!(
            (first.index, second.index, third.index),
            (0, 1, 3),
            "the third `a` waits, `b` does not"
        );
        scheduler.finish(&first);
        assert_eq!(scheduler.take().unwrap().index, 2);
    }

    #[test]
    fn spaces_the_starts_on_one_host() {
        let scheduler = scheduler(4, 60, &["a", "a"]);
        let started = Instant::now();
        let first = scheduler.take().unwrap();
        let second = scheduler.take().unwrap();
        assert!(started.elapsed() >= Duration::from_millis(60));
        scheduler.finish(&first);
        scheduler.finish(&second);
        assert!(scheduler.take().is_none());
    }

    #[test]
    fn an_unreachable_host_waits_for_nothing() {
        let scheduler = scheduler(1, 10_000, &["a", "a", "a"]);
        let first = scheduler.take().unwrap();
        assert!(!first.unreachable);
        scheduler.unreachable("a");
        scheduler.finish(&first);
        let started = Instant::now();
        let rest: Vec<Job> = (0..2).map(|_| scheduler.take().unwrap()).collect();
        assert!(started.elapsed() < Duration::from_secs(1), "no 10 s pause");
        assert!(rest.iter().all(|job| job.unreachable && job.attempts == 0));
        rest.iter().for_each(|job| scheduler.finish(job));
        assert!(scheduler.take().is_none());
    }

    #[test]
    fn a_retry_waits_its_backoff_and_counts_attempts() {
        let scheduler = scheduler(1, 0, &["a"]);
        let job = scheduler.take().unwrap();
        let started = Instant::now();
        scheduler.retry(job, Duration::from_millis(50));
        let again = scheduler.take().unwrap();
        assert!(started.elapsed() >= Duration::from_millis(50));
        assert_eq!(again.attempts, 2);
        scheduler.finish(&again);
        assert!(scheduler.take().is_none());
    }
}
