//! `check --sources`: which URLs a site cites (each source's `url` and `archive_url`, each
//! claim's `appearance`), fetching them once each, and judging every source.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::content::page::Page;
use crate::data::sources::{Source, check_url};
use crate::diagnostic::Diagnostic;
use crate::load::web::{self, Body, Cache, Fetched};
use crate::site::Site;
use crate::verify::quotes::{self, SourceTexts, Status, Verdict};

use super::SourcesOptions;
use super::diagnose;
use super::progress::Bar;

/// What the sources check found.
#[derive(Debug, Default)]
pub struct SourcesReport {
    /// One per source, in `sources.toml` order.
    pub sources: Vec<SourceCheck>,
    /// One per claim with an `appearance`.
    pub appearances: Vec<AppearanceCheck>,
    /// The numbers each source's fetched text writes, for the number audit.
    pub texts: SourceTexts,
    /// Wall time of the fetching and judging.
    pub elapsed: Duration,
    /// Requests sent.
    pub requests: u32,
    /// URLs answered from the cache.
    pub from_cache: usize,
    /// Why the cache could not be written, if so.
    pub cache_error: Option<String>,
}

/// One source, judged.
#[derive(Debug)]
pub struct SourceCheck {
    /// Its id.
    pub id: String,
    /// Its quotes.
    pub quotes: Vec<String>,
    /// The verdict.
    pub verdict: Verdict,
    /// The answer for `url`.
    pub live: Fetched,
    /// The answer for `archive_url`.
    pub archive: Option<Fetched>,
    /// A Wayback Machine address, for a source without `archive_url`.
    pub suggested_archive_url: Option<String>,
    /// What to tell the author: errors first, then warnings.
    pub findings: Vec<Finding>,
}

/// One claim's `appearance`, judged with the claim's text as the quote.
#[derive(Debug)]
pub struct AppearanceCheck {
    /// The claim page, as shown in errors.
    pub page: String,
    /// The verdict.
    pub verdict: Verdict,
    /// The answer.
    pub live: Fetched,
    /// What to tell the author.
    pub findings: Vec<Finding>,
}

/// A located message and whether it fails the check.
#[derive(Debug, Clone)]
pub struct Finding {
    /// Fails the check.
    pub error: bool,
    /// Where and what.
    pub diagnostic: Diagnostic,
}

impl SourcesReport {
    /// Findings that fail the check.
    pub fn errors(&self) -> usize {
        self.findings().filter(|f| f.error).count()
    }

    /// Findings that do not.
    pub fn warnings(&self) -> usize {
        self.findings().filter(|f| !f.error).count()
    }

    /// Every finding, sources first.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        let sources = self.sources.iter().flat_map(|s| &s.findings);
        sources.chain(self.appearances.iter().flat_map(|a| &a.findings))
    }

    /// Whether no host name resolved at all: the machine is most likely offline.
    pub fn offline(&self) -> bool {
        let mut lives = self.sources.iter().map(|s| &s.live).peekable();
        lives.peek().is_some()
            && lives.all(|live| {
                matches!(&live.answer, web::Answer::Failed(f) if f.kind == web::FailureKind::Dns)
            })
    }

    /// How many sources ended with `status`.
    pub fn count(&self, status: Status) -> usize {
        self.sources
            .iter()
            .filter(|s| s.verdict.status == status)
            .count()
    }
}

/// Fetches every URL the site cites and judges each source and claim appearance.
pub fn check(site: &Site, options: &SourcesOptions) -> SourcesReport {
    let started = Instant::now();
    let sources = &site.data.bibliography.sources;
    let appearances: Vec<(&Page, &str)> = site
        .pages
        .iter()
        .filter_map(|page| {
            let url = page.meta.claim.as_ref()?.appearance.as_deref()?;
            check_url(url).is_ok().then_some((page, url))
        })
        .collect();
    let urls = unique_urls(sources, &appearances);
    let mut cache = Cache::new(&site.root, options.max_age);
    if options.refresh {
        cache = cache.write_only();
    }
    let bar = Bar::new(urls.len(), options.progress);
    let fetch = web::fetch_all(&urls, &options.fetch, Some(&cache), &|progress| {
        bar.update(progress)
    });
    bar.finish();
    let by_url: HashMap<&str, &Fetched> = fetch.pages.iter().map(|f| (f.url.as_str(), f)).collect();
    let mut report = SourcesReport {
        requests: fetch.requests,
        from_cache: fetch.pages.iter().filter(|f| f.from_cache).count(),
        cache_error: fetch.cache_error.clone(),
        ..SourcesReport::default()
    };
    for source in sources {
        let checked = source_check(site, source, &by_url);
        for fetched in std::iter::once(&checked.live).chain(&checked.archive) {
            if let Some(text) = text_of(fetched) {
                report.texts.insert(&checked.id, text);
            }
        }
        report.sources.push(checked);
    }
    for (page, url) in appearances {
        let live = by_url[url].clone();
        let verdict = quotes::judge(&[page_claim_text(page)], &live, None);
        let findings = diagnose::appearance(page, url, &verdict, &live);
        report.appearances.push(AppearanceCheck {
            page: page.display.clone(),
            verdict,
            live,
            findings,
        });
    }
    report.elapsed = started.elapsed();
    report
}

fn source_check(site: &Site, source: &Source, by_url: &HashMap<&str, &Fetched>) -> SourceCheck {
    let quotes: Vec<String> = source
        .quote
        .as_ref()
        .map(|quote| quote.snippets().into_iter().map(str::to_string).collect())
        .unwrap_or_default();
    let quote_refs: Vec<&str> = quotes.iter().map(String::as_str).collect();
    let live = (*by_url[source.url.get_ref().as_str()]).clone();
    let archive = source
        .archive_url
        .as_ref()
        .map(|url| (*by_url[url.get_ref().as_str()]).clone());
    let verdict = quotes::judge(&quote_refs, &live, archive.as_ref());
    let suggested_archive_url = source
        .archive_url
        .is_none()
        .then(|| quotes::wayback(source.url.get_ref(), *source.accessed.get_ref()));
    let findings = diagnose::source(&site.data.bibliography, source, &verdict, &live);
    SourceCheck {
        id: source.id.get_ref().clone(),
        quotes,
        verdict,
        live,
        archive,
        suggested_archive_url,
        findings,
    }
}

/// Every URL once, in the order the site names them.
fn unique_urls(sources: &[Source], appearances: &[(&Page, &str)]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let named = sources
        .iter()
        .flat_map(|s| std::iter::once(&s.url).chain(&s.archive_url))
        .map(|url| url.get_ref().as_str())
        .chain(appearances.iter().map(|(_, url)| *url));
    named
        .filter(|url| seen.insert(*url))
        .map(str::to_string)
        .collect()
}

fn text_of(fetched: &Fetched) -> Option<&str> {
    match &fetched.answer {
        web::Answer::Response(response) if (200..300).contains(&response.status) => {
            match &response.body {
                Body::Text(text) => Some(text),
                _ => None,
            }
        }
        _ => None,
    }
}

fn page_claim_text(page: &Page) -> &str {
    page.meta
        .claim
        .as_ref()
        .map_or("", |claim| claim.text.as_str())
}
