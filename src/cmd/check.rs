//! `factsite check`: everything a build does except writing, then a report of what a
//! fact-checker should look at: unused sources, unchecked claims, stale and shaky facts, code
//! in a language factsite cannot highlight.

use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::load::{self, LoadOptions};
use crate::markdown;
use crate::render::{self, Outcome};
use crate::verify;
use crate::write::NullSink;

/// Options of `factsite check`.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// The site root.
    pub root: PathBuf,
    /// Include drafts.
    pub drafts: bool,
}

/// What `check` found, once the build itself passed.
#[derive(Debug, Default)]
pub struct Report {
    /// Counts from the build.
    pub outcome: Outcome,
    /// Things to review; they do not fail the check.
    pub warnings: Vec<Diagnostic>,
}

/// Loads, verifies and renders the site without writing anything, then reviews it.
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
    Ok(Report { outcome, warnings })
}
