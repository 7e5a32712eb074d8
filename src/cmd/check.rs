//! `factsite check`: everything a build does except writing, then a report of what a
//! fact-checker should look at: unused sources, unchecked claims, stale and shaky facts,
//! code in a language factsite cannot highlight; with `--sources`, whether every cited page
//! still says what the site quotes.

mod diagnose;
mod json;
mod progress;
mod report;
mod sources;

use std::path::PathBuf;
use std::time::Duration;

use crate::diagnostic::Diagnostic;
use crate::load::web::FetchOptions;
use crate::load::{self, LoadOptions};
use crate::markdown;
use crate::render::{self, Outcome};
use crate::verify;
use crate::write::NullSink;

pub use report::Format;
pub use sources::SourcesReport;

/// Options of `factsite check`.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// The site root.
    pub root: PathBuf,
    /// Include drafts.
    pub drafts: bool,
    /// List every number with its class.
    pub numbers: bool,
    /// Fetch every source (`--sources`); `None` keeps the check offline.
    pub sources: Option<SourcesOptions>,
}

/// How `check --sources` fetches.
#[derive(Debug, Clone)]
pub struct SourcesOptions {
    /// Concurrency, politeness, timeouts and retries.
    pub fetch: FetchOptions,
    /// Cached answers younger than this are used instead of asking again.
    pub max_age: Duration,
    /// Ask again even when the cache has a fresh answer (`--refresh`).
    pub refresh: bool,
    /// Draw a progress bar on standard error (only on a terminal).
    pub progress: bool,
}

/// What `check` found, once the build itself passed.
#[derive(Debug, Default)]
pub struct Report {
    /// Counts from the build.
    pub outcome: Outcome,
    /// Things to review; they do not fail the check.
    pub warnings: Vec<Diagnostic>,
    /// What `--sources` found.
    pub sources: Option<SourcesReport>,
    /// How the site's numbers are accounted for.
    pub numbers: verify::audit::Counts,
    /// With `--numbers`: every number and its class, one line each.
    pub number_list: Vec<String>,
}

impl Report {
    /// Errors: only the sources check has any (a build error stops `check` before).
    pub fn errors(&self) -> usize {
        self.sources.as_ref().map_or(0, SourcesReport::errors)
    }

    /// Every warning, the review's and the sources check's.
    pub fn warning_count(&self) -> usize {
        self.warnings.len() + self.sources.as_ref().map_or(0, SourcesReport::warnings)
    }
}

/// Loads, verifies and renders the site without writing anything, then reviews it; with
/// sources options, fetches every source and judges it.
pub fn check(options: &CheckOptions) -> anyhow::Result<Report> {
    let site = load::site(&LoadOptions {
        root: options.root.clone(),
        drafts: options.drafts,
        base_url: None,
    })?;
    let verified = verify::site(&site);
    let outcome = render::render(&site, verified, &NullSink)?;
    let mut warnings = verify::review(&site, &outcome.bindings);
    for page in &site.pages {
        warnings.extend(markdown::unknown_languages(&markdown::Input {
            file: &page.display,
            text: &page.text,
            body_offset: page.body_offset,
            options: &site.config.markdown,
        }));
    }
    let numbers = verify::number_counts(&site, &outcome.bindings);
    let number_list = if options.numbers {
        verify::number_list(&site, &outcome.bindings)
    } else {
        Vec::new()
    };
    let sources = options
        .sources
        .as_ref()
        .map(|sources_options| sources::check(&site, sources_options));
    Ok(Report {
        outcome,
        warnings,
        sources,
        numbers,
        number_list,
    })
}

/// Prints the report in `format`; an error when the sources check found errors.
pub fn print(report: &Report, format: Format) -> anyhow::Result<()> {
    match format {
        Format::Text => report::print_text(report),
        Format::Json => println!("{}", json::report(report)),
    }
    match report.errors() {
        0 => Ok(()),
        errors => anyhow::bail!(
            "the sources check found {errors} {}",
            crate::render::plural(errors, "error")
        ),
    }
}
