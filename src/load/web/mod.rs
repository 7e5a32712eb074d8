//! Fetching the pages a site cites, for `factsite check --sources`: a polite HTTP client
//! (bounded concurrency overall and per host, a pause between starts on one host, timeouts,
//! retries with backoff), each answer's readable text, and a cache in the site root.

pub mod address;
pub(crate) mod cache;
mod client;
mod decode;
mod fetch;
mod limits;
mod readable;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

pub use cache::{CACHE_DIR, Cache};
pub use client::USER_AGENT;
pub use fetch::fetch_all;

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

/// Seconds since 1970.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}
