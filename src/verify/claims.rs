//! A claim's verdict checked against the data: its sources exist and every
//! `[[claim.check]]` holds.

use std::ops::Range;

use crate::content::claim::{ClaimMeta, Verdict};
use crate::content::page::Page;
use crate::data::sources::{Bibliography, check_url};
use crate::data::stats::{Resolved, Stats};
use crate::diagnostic::Diagnostic;

use super::audit;
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
    let mut errors = fields(page, claim, bibliography);
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
        if let Some(read) = resolved.as_of.filter(|&d| d > claim.as_of) {
            errors.push(
                at(
                    check.stat.span(),
                    format!(
                        "this check reads data to {read}, after the claim's `as_of` ({}): the page would present it as evidence as of {}",
                        claim.as_of,
                        claim.as_of.long()
                    ),
                )
                .with_help("pin the check to a week on or before `as_of` (pos@DATE), or review the verdict against the newer data and move `as_of` forward"),
            );
            continue;
        }
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

/// The claim's own texts, its link and its evidence: a link a reader can follow is
/// http(s), no text is blank, and a verdict other than "unverifiable" rests on at least
/// one source and on a data check or a quoted source.
fn fields(page: &Page, claim: &ClaimMeta, bibliography: &Bibliography) -> Vec<Diagnostic> {
    let toml_start = page.toml_offset();
    let toml = &page.text[toml_start..page.body_offset.max(toml_start)];
    let at = |key: &str, message: String| {
        let diagnostic = match audit::raw_string(toml, Some(("claim", 0)), key) {
            Some(r) => Diagnostic::at(
                &page.display,
                &page.text,
                toml_start + r.start..toml_start + r.end,
                message,
            ),
            None => page.error_at_key("[claim]", message),
        };
        diagnostic.with_note(format!(
            "claim: {} (verdict: {})",
            page.meta.title,
            claim.verdict.slug()
        ))
    };
    let mut errors = Vec::new();
    if let Some(url) = &claim.appearance
        && let Err(message) = check_url(url)
    {
        errors.push(at("appearance", format!("`appearance`: {message}")).with_help(
            "`appearance` is the address where the claim can be read: an http:// or https:// URL",
        ));
    }
    let texts = [
        ("text", Some(&claim.text)),
        ("claimant", Some(&claim.claimant)),
        ("summary", claim.summary.as_ref()),
        ("short", claim.short.as_ref()),
        ("claimant_role", claim.claimant_role.as_ref()),
        ("publication", claim.publication.as_ref()),
        ("appearance_title", claim.appearance_title.as_ref()),
    ];
    for (key, value) in texts {
        if value.is_some_and(|v| v.trim().is_empty()) {
            errors.push(at(key, format!("the claim's `{key}` is empty")));
        }
    }
    if claim.verdict == Verdict::Unverifiable {
        return errors;
    }
    let verdict = claim.verdict.slug();
    let quoted = claim.sources.iter().any(|id| {
        bibliography
            .get(id.get_ref())
            .and_then(|s| s.quote.as_ref())
            .is_some()
    });
    if claim.sources.is_empty() {
        errors.push(
            at("verdict", format!("a claim rated `{verdict}` names no source"))
                .with_help("list the sources the verdict rests on in `sources`, or rate the claim \"unverifiable\""),
        );
    } else if claim.check.is_empty() && !quoted {
        errors.push(
            at("verdict", format!("a claim rated `{verdict}` has no evidence a reader can see: no `[[claim.check]]` against the data, and none of its sources has a `quote`"))
                .with_help("add a [[claim.check]] (stat and expect), or the supporting words, verbatim, as a source's `quote`"),
        );
    }
    errors
}
