//! Fetching the pages a site cites, for `factsite check --sources`: a polite HTTP client
//! (bounded concurrency overall and per host, a pause between starts on one host, timeouts,
//! retries with backoff), each answer's readable text, and a cache in the site root.

pub mod address;
mod cache;
mod client;
mod limits;

use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

pub use cache::{CACHE_DIR, Cache};
pub use client::USER_AGENT;

use client::Client;
use limits::{Limits, Scheduler};

/// How to fetch.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Requests in flight at once, over all hosts.
    pub concurrency: usize,
    /// Requests in flight at once to one host.
    pub per_host: usize,
    /// The least time between two request starts on one host.
    pub delay: Duration,
    /// The longest one request may take, redirects and body included.
    pub timeout: Duration,
    /// Tries after the first, for failures that may pass.
    pub retries: u32,
    /// The first retry's backoff; each later one waits three times longer.
    pub backoff: Duration,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            concurrency: 8,
            per_host: 2,
            delay: Duration::from_millis(500),
            timeout: Duration::from_secs(20),
            retries: 2,
            backoff: Duration::from_millis(500),
        }
    }
}

/// The answer for one URL.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Fetched {
    /// The URL as written in the site.
    pub url: String,
    /// What came back.
    pub answer: Answer,
    /// When, in seconds since 1970.
    pub fetched_at: u64,
    /// Requests made for it (retries included).
    pub attempts: u32,
    /// Whether it was read from the cache rather than fetched now.
    #[serde(skip)]
    pub from_cache: bool,
}

/// An HTTP response, or why there was none.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The server answered (any status).
    Response(Response),
    /// No answer: DNS, connection, TLS, timeout.
    Failed(Failure),
}

/// The server's last answer, after redirects.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Response {
    /// The HTTP status.
    pub status: u16,
    /// The URL that answered, after redirects.
    pub final_url: String,
    /// Each URL redirected to, in order (the last is `final_url`).
    pub redirects: Vec<String>,
    /// The Content-Type header.
    pub content_type: Option<String>,
    /// The page's words, for a 2xx answer.
    pub body: Body,
}

/// What a response carried.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Body {
    /// Not read: the status was not 2xx.
    None,
    /// The readable text of an HTML or text page.
    Text(String),
    /// A type that is not HTML or text (a PDF, an image), by its Content-Type.
    Unreadable(String),
}

/// Why no response came.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Failure {
    /// The kind, for the report.
    pub kind: FailureKind,
    /// What happened, in a few words.
    pub message: String,
}

/// Kinds of failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailureKind {
    /// The host name does not resolve.
    Dns,
    /// Nothing listens at the address.
    Refused,
    /// No complete answer in time.
    Timeout,
    /// The TLS handshake or certificate failed.
    Tls,
    /// The connection broke.
    Network,
    /// The server spoke broken HTTP.
    Protocol,
    /// Redirects went on too long.
    Redirects,
    /// The page was too large to read.
    TooLarge,
    /// The URL cannot be requested.
    BadUrl,
}

/// Every answer, in the order of the URLs asked for.
#[derive(Debug)]
pub struct Fetch {
    /// One per URL.
    pub pages: Vec<Fetched>,
    /// Requests sent (cache hits send none).
    pub requests: u32,
    /// Why writing the cache failed, if it did (the check goes on without it).
    pub cache_error: Option<String>,
}

/// How far a fetch has come, for a progress bar.
#[derive(Debug, Clone, Copy)]
pub struct Progress<'a> {
    /// URLs answered (from the cache or the network).
    pub done: usize,
    /// URLs in all.
    pub total: usize,
    /// The URL just answered.
    pub url: &'a str,
}

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
        state: std::sync::Mutex::new(Shared {
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
    state: std::sync::Mutex<Shared>,
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

    fn lock(&self) -> std::sync::MutexGuard<'_, Shared> {
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

/// Seconds since 1970.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}
