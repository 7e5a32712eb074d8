//! The fetch cache in the site root, `.factsite-cache/sources/`: one JSON file per URL
//! (named by its SHA-256), holding the answer and when it was fetched, so that a rerun
//! within the allowed age asks no server. Written to a temporary file and renamed, so a
//! reader never sees half a file; never under `content/`, so never read as content or
//! published.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::Context;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Answer, Fetched};

/// The cache directory, relative to the site root.
pub const CACHE_DIR: &str = ".factsite-cache";

/// What marks an entry as readable by this build of factsite: the page text is extracted
/// before it is cached, so a newer extractor must not trust an older one's text.
const FORMAT: &str = concat!("factsite ", env!("CARGO_PKG_VERSION"), " sources 1");

/// Files that mark the directory as a cache for tools (and for git, in a site that never
/// ran `factsite new`).
const MARKERS: &[(&str, &str)] = &[
    (
        ".gitignore",
        "# factsite's cache: never commit or publish it.\n*\n",
    ),
    (
        "CACHEDIR.TAG",
        "Signature: 8a477f597d28d172789f06886806bc55\n# factsite's cache: fetched sources for `factsite check --sources`, drawn pictures for `build`.\n",
    ),
];

/// Writes the files that mark `top` (the cache directory) as a cache, where missing.
pub(crate) fn mark(top: &Path) -> anyhow::Result<()> {
    for (name, text) in MARKERS {
        let path = top.join(name);
        if !path.exists() {
            std::fs::write(&path, text)
                .with_context(|| format!("failed to write `{}`", path.display()))?;
        }
    }
    Ok(())
}

/// The cache of one site.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    max_age: Duration,
    read: bool,
    temp_counter: AtomicUsize,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    format: String,
    #[serde(flatten)]
    fetched: Fetched,
}

impl Cache {
    /// The cache of the site at `root`; entries older than `max_age` are not used, and
    /// none is when it is zero.
    pub fn new(root: &Path, max_age: Duration) -> Self {
        Self {
            dir: root.join(CACHE_DIR).join("sources"),
            max_age,
            read: !max_age.is_zero(),
            temp_counter: AtomicUsize::new(0),
        }
    }

    /// The same cache, never read, only written (`--refresh`).
    pub fn write_only(self) -> Self {
        Self {
            read: false,
            ..self
        }
    }

    /// The stored answer for `url`, if fetched no longer than the allowed age before `now`
    /// (seconds since 1970). A missing, unreadable, foreign or future entry is a miss.
    pub fn get(&self, url: &str, now: u64) -> Option<Fetched> {
        if !self.read {
            return None;
        }
        let text = std::fs::read_to_string(self.path(url)).ok()?;
        let entry: Entry = serde_json::from_str(&text).ok()?;
        let age = now.checked_sub(entry.fetched.fetched_at)?;
        let fresh =
            entry.format == FORMAT && entry.fetched.url == url && age <= self.max_age.as_secs();
        fresh.then_some(Fetched {
            from_cache: true,
            ..entry.fetched
        })
    }

    /// Whether an answer is worth keeping: a page, or a 4xx that says it is not there; not
    /// a failure that may pass (5xx, a timeout, DNS) nor a refusal (401, 403, 429, ...).
    pub fn keeps(fetched: &Fetched) -> bool {
        match &fetched.answer {
            Answer::Response(response) => {
                response.status < 500
                    && !matches!(response.status, 401 | 403 | 407 | 408 | 429 | 451)
            }
            Answer::Failed(_) => false,
        }
    }

    /// Stores an answer, atomically: a temporary file in the same directory, renamed.
    pub fn put(&self, fetched: &Fetched) -> anyhow::Result<()> {
        self.prepare()?;
        let entry = Entry {
            format: FORMAT.to_string(),
            fetched: fetched.clone(),
        };
        let json = serde_json::to_string(&entry).context("failed to encode a cache entry")?;
        let path = self.path(&fetched.url);
        let temp = self.dir.join(format!(
            ".{}.{}.{}.tmp",
            file_name(&fetched.url),
            std::process::id(),
            self.temp_counter.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::write(&temp, json)
            .with_context(|| format!("failed to write `{}`", temp.display()))?;
        std::fs::rename(&temp, &path).with_context(|| {
            let _ = std::fs::remove_file(&temp);
            format!("failed to write `{}`", path.display())
        })
    }

    fn prepare(&self) -> anyhow::Result<()> {
        std::fs::create_dir_all(&self.dir)
            .with_context(|| format!("failed to create `{}`", self.dir.display()))?;
        mark(self.dir.parent().unwrap_or(&self.dir))
    }

    fn path(&self, url: &str) -> PathBuf {
        self.dir.join(format!("{}.json", file_name(url)))
    }
}

fn file_name(url: &str) -> String {
    let digest = Sha256::digest(url.as_bytes());
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::web::{Body, Failure, FailureKind, Response};

    fn page(url: &str, status: u16, fetched_at: u64) -> Fetched {
        Fetched {
            url: url.to_string(),
            answer: Answer::Response(Response {
                status,
                final_url: url.to_string(),
                redirects: Vec::new(),
                content_type: Some("text/html".to_string()),
                body: Body::Text("words".to_string()),
            }),
            fetched_at,
            attempts: 1,
            from_cache: false,
        }
    }

    #[test]
    fn stores_and_ages_entries() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path(), Duration::from_secs(100));
        let url = "https://example.org/a";
        assert!(cache.get(url, 1_000).is_none());
        cache.put(&page(url, 200, 1_000)).unwrap();
        let hit = cache.get(url, 1_100).expect("fresh");
        assert!(hit.from_cache);
        assert!(matches!(hit.answer, Answer::Response(ref r) if r.status == 200));
        assert!(cache.get(url, 1_101).is_none(), "too old");
        assert!(cache.get(url, 999).is_none(), "from the future");
        assert!(cache.get("https://example.org/b", 1_000).is_none());
        let refreshing = Cache::new(dir.path(), Duration::from_secs(100)).write_only();
        assert!(
            refreshing.get(url, 1_000).is_none(),
            "--refresh reads nothing"
        );
        let top = dir.path().join(CACHE_DIR);
        assert!(top.join(".gitignore").is_file() && top.join("CACHEDIR.TAG").is_file());
        let files: Vec<_> = std::fs::read_dir(top.join("sources")).unwrap().collect();
        assert_eq!(files.len(), 1, "no temporary file left behind");
    }

    #[test]
    fn a_damaged_entry_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path(), Duration::from_secs(100));
        let url = "https://example.org/a";
        cache.put(&page(url, 200, 1_000)).unwrap();
        std::fs::write(cache.path(url), "{ not json").unwrap();
        assert!(cache.get(url, 1_000).is_none());
    }

    #[test]
    fn keeps_answers_not_passing_failures() {
        assert!(Cache::keeps(&page("u", 200, 0)));
        assert!(Cache::keeps(&page("u", 404, 0)));
        assert!(!Cache::keeps(&page("u", 503, 0)));
        assert!(!Cache::keeps(&page("u", 429, 0)));
        assert!(!Cache::keeps(&page("u", 403, 0)));
        let failed = Fetched {
            answer: Answer::Failed(Failure {
                kind: FailureKind::Timeout,
                message: "timed out".to_string(),
            }),
            ..page("u", 200, 0)
        };
        assert!(!Cache::keeps(&failed));
    }
}
