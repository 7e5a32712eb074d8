//! Fetching a list of URLs on worker threads: cache hits first, then every other URL
//! through the scheduler's limits, with retries, each new answer stored in the cache.

use std::sync::{Mutex, MutexGuard};
use std::thread;

use super::client::{self, Client};
use super::limits::{Limits, Scheduler};
use super::{
    Answer, Cache, Failure, FailureKind, Fetch, FetchOptions, Fetched, Progress, address, now,
};

/// Fetches every URL (each once; pass them deduplicated), reading fresh answers from the
/// cache when one is given and storing new ones in it.
pub fn fetch_all(
    urls: &[String],
    options: &FetchOptions,
    cache: Option<&Cache>,
    progress: &(dyn Fn(Progress<'_>) + Sync),
) -> Fetch {
    let now = now();
    let mut pages: Vec<Option<Fetched>> = urls
        .iter()
        .map(|url| cache.and_then(|cache| cache.get(url, now)))
        .collect();
    let mut done = 0;
    for page in pages.iter().flatten() {
        done += 1;
        progress(Progress {
            done,
            total: urls.len(),
            url: &page.url,
        });
    }
    let jobs: Vec<(usize, String)> = pages
        .iter()
        .enumerate()
        .filter(|(_, page)| page.is_none())
        .map(|(i, _)| (i, address::host(&urls[i])))
        .collect();
    let run = Run {
        urls,
        options,
        cache,
        progress,
        scheduler: Scheduler::new(
            Limits {
                per_host: options.per_host,
                delay: options.delay,
            },
            jobs.clone(),
        ),
        client: Client::new(options.timeout),
        state: Mutex::new(Shared {
            done,
            requests: 0,
            cache_error: None,
            fetched: Vec::new(),
        }),
    };
    let workers = options.concurrency.clamp(1, jobs.len().max(1));
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| run.work());
        }
    });
    let shared = run.state.into_inner().unwrap_or_else(|e| e.into_inner());
    for (index, fetched) in shared.fetched {
        pages[index] = Some(fetched);
    }
    Fetch {
        pages: pages
            .into_iter()
            .zip(urls)
            .map(|(page, url)| page.unwrap_or_else(|| unanswered(url)))
            .collect(),
        requests: shared.requests,
        cache_error: shared.cache_error,
    }
}

struct Run<'a> {
    urls: &'a [String],
    options: &'a FetchOptions,
    cache: Option<&'a Cache>,
    progress: &'a (dyn Fn(Progress<'_>) + Sync),
    scheduler: Scheduler,
    client: Client,
    state: Mutex<Shared>,
}

struct Shared {
    done: usize,
    requests: u32,
    cache_error: Option<String>,
    fetched: Vec<(usize, Fetched)>,
}

impl Run<'_> {
    /// One worker: take a job allowed to start, fetch, retry or record, until none is left.
    fn work(&self) {
        while let Some(job) = self.scheduler.take() {
            let url = &self.urls[job.index];
            let attempt = if job.unreachable {
                client::Attempt {
                    answer: Answer::Failed(Failure {
                        kind: FailureKind::Dns,
                        message: format!(
                            "host not found (DNS), as for another URL on {}",
                            job.host
                        ),
                    }),
                    retry: None,
                }
            } else {
                self.lock().requests += 1;
                self.client.get(url)
            };
            if matches!(&attempt.answer, Answer::Failed(f) if f.kind == FailureKind::Dns) {
                self.scheduler.unreachable(&job.host);
            }
            if let Some(wait) = attempt.retry
                && job.attempts <= self.options.retries
            {
                let backoff = self.options.backoff * 3u32.pow(job.attempts - 1);
                self.scheduler.retry(job, backoff.max(wait));
                continue;
            }
            let fetched = Fetched {
                url: url.clone(),
                answer: attempt.answer,
                fetched_at: now(),
                attempts: job.attempts,
                from_cache: false,
            };
            let stored = match self.cache {
                Some(cache) if Cache::keeps(&fetched) => cache.put(&fetched).err(),
                _ => None,
            };
            self.scheduler.finish(&job);
            let mut state = self.lock();
            if let Some(error) = stored {
                state
                    .cache_error
                    .get_or_insert_with(|| format!("{error:#}"));
            }
            state.done += 1;
            (self.progress)(Progress {
                done: state.done,
                total: self.urls.len(),
                url,
            });
            state.fetched.push((job.index, fetched));
        }
    }

    fn lock(&self) -> MutexGuard<'_, Shared> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// What stands for a URL no worker answered (only if a worker thread panicked).
fn unanswered(url: &str) -> Fetched {
    Fetched {
        url: url.to_string(),
        answer: Answer::Failed(Failure {
            kind: FailureKind::Network,
            message: "not fetched".to_string(),
        }),
        fetched_at: now(),
        attempts: 0,
        from_cache: false,
    }
}
