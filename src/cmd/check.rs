//! `factsite check`: everything a build does except writing, then a report of what a
//! fact-checker should look at: unused sources, unchecked claims, stale and shaky facts.

use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::load::{self, LoadOptions};
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
    /// List every number with its class.
    pub numbers: bool,
}

/// What `check` found, once the build itself passed.
#[derive(Debug, Default)]
pub struct Report {
    /// Counts from the build.
    pub outcome: Outcome,
    /// Things to review; they do not fail the check.
    pub warnings: Vec<Diagnostic>,
    /// How the site's numbers are accounted for.
    pub numbers: verify::audit::Counts,
    /// With `--numbers`: every number and its class, one line each.
    pub number_list: Vec<String>,
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
    let warnings = verify::review(&site, &outcome.bindings);
    let numbers = verify::number_counts(&site, &outcome.bindings);
    let number_list = if options.numbers {
        verify::number_list(&site, &outcome.bindings)
    } else {
        Vec::new()
    };
    Ok(Report {
        outcome,
        warnings,
        numbers,
        number_list,
    })
}
