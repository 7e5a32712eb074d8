//! Every check of words against data: what facts and claim checks expect, claim verdicts,
//! and the review `factsite check` prints.

pub mod audit;
pub(crate) mod bindings;
pub(crate) mod claims;
pub(crate) mod expect;
pub(crate) mod number;
mod qualifiers;
pub mod quotes;
mod review;

use std::collections::HashMap;

use rayon::prelude::*;

use crate::content::config::Strictness;
use crate::diagnostic::Diagnostic;
use crate::site::Site;

pub use bindings::{Bindings, Used};
pub use claims::Checked;
pub use expect::Expect;
pub use review::{number_counts, number_list, review};

/// The claim checks of a loaded site, and the errors found, which are reported with the
/// pages' own errors so that one build shows every problem at once.
#[derive(Debug, Default)]
pub struct Verified {
    /// Claim checks by page index.
    pub checks: HashMap<usize, Vec<Checked>>,
    /// Claims the data contradicts, unknown sources, malformed checks.
    pub errors: Vec<Diagnostic>,
}

/// Evaluates every claim's checks against the data.
pub fn site(site: &Site) -> Verified {
    type Result = (usize, std::result::Result<Vec<Checked>, Vec<Diagnostic>>);
    let results: Vec<Result> = site
        .pages
        .par_iter()
        .enumerate()
        .filter_map(|(i, page)| {
            let claim = page.meta.claim.as_ref()?;
            Some((
                i,
                claims::verify(page, claim, site.data.stats(), &site.data.bibliography),
            ))
        })
        .collect();
    let mut verified = Verified {
        errors: figure_labels(site, Strictness::Error),
        ..Verified::default()
    };
    for (i, result) in results {
        match result {
            Ok(checked) => {
                verified.checks.insert(i, checked);
            }
            Err(mut found) => verified.errors.append(&mut found),
        }
    }
    verified
}

/// The numbers of the figure labels, and a located diagnostic for each unbound one when
/// unbound numbers are at `level` (errors for the build, warnings for `check`).
pub(crate) fn figure_labels(site: &Site, level: Strictness) -> Vec<Diagnostic> {
    if site.config.facts.unbound_numbers != level {
        return Vec::new();
    }
    let figures = &site.data.figures;
    let context = audit::Context::new(&site.data, &site.config.facts.names);
    let findings = audit::figure_labels(figures, &context);
    audit::unbound(
        &figures.file,
        &figures.text,
        &findings,
        audit::Place::FigureLabels,
    )
}
