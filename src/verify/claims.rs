//! A claim's verdict checked against the data: its sources exist and every
//! `[[claim.check]]` holds.

use std::ops::Range;

use crate::content::claim::ClaimMeta;
use crate::content::page::Page;
use crate::data::sources::Bibliography;
use crate::data::stats::{Resolved, Stats};
use crate::diagnostic::Diagnostic;

use super::expect::{self, Expect};

/// A claim check evaluated against the data.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The stat path.
    pub path: String,
    /// What the check expects.
    pub expect: Expect,
    /// What the data says.
    pub resolved: Resolved,
    /// Why the check supports the verdict.
    pub note: Option<String>,
}

/// Verifies a claim page: its sources exist and every check holds. Errors point into the
/// claim's front matter.
pub fn verify(
    page: &Page,
    claim: &ClaimMeta,
    stats: Stats<'_>,
    bibliography: &Bibliography,
) -> Result<Vec<Checked>, Vec<Diagnostic>> {
    let offset = page.toml_offset();
    let at = |span: Range<usize>, message: String| {
        Diagnostic::at(
            &page.display,
            &page.text,
            offset + span.start..offset + span.end,
            message,
        )
        .with_note(format!(
            "claim: {} (verdict: {})",
            page.meta.title,
            claim.verdict.slug()
        ))
    };
    let mut errors = Vec::new();
    for source in &claim.sources {
        if bibliography.get(source.get_ref()).is_none() {
            errors.push(
                at(
                    source.span(),
                    format!("unknown source `{}`", source.get_ref()),
                )
                .with_help(bibliography.suggest(source.get_ref())),
            );
        }
    }
    let mut checked = Vec::with_capacity(claim.check.len());
    for check in &claim.check {
        let path = check.stat.get_ref();
        let expect = match Expect::from_toml(check.expect.get_ref()) {
            Ok(expect) => expect,
            Err(message) => {
                errors.push(at(check.expect.span(), message));
                continue;
            }
        };
        let resolved = match stats.resolve(path) {
            Ok(resolved) => resolved,
            Err(message) => {
                errors.push(at(check.stat.span(), message));
                continue;
            }
        };
        match expect.holds(resolved.value) {
            Ok(true) => checked.push(Checked { path: path.clone(), expect, resolved, note: check.note.clone() }),
            Ok(false) => errors.push(
                at(check.expect.span(), format!("claim check failed: {}", expect::mismatch(path, &expect, &resolved)))
                    .with_help("if the data is right, the verdict or the check must change; if not, correct the data with its source"),
            ),
            Err(message) => errors.push(at(check.expect.span(), message)),
        }
    }
    if errors.is_empty() {
        Ok(checked)
    } else {
        Err(errors)
    }
}
