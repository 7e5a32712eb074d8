//! Every check of words against data: what facts and claim checks expect, claim verdicts,
//! and the review `factsite check` prints.

pub(crate) mod bindings;
pub(crate) mod claims;
pub(crate) mod expect;
pub(crate) mod number;
mod qualifiers;
pub mod quotes;
mod review;

use std::collections::HashMap;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::site::Site;

pub use bindings::{Bindings, Used};
pub use claims::Checked;
pub use expect::Expect;
pub use review::review;

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
    let mut verified = Verified::default();
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
