//! A page's audit: its published body and its front matter texts, and a located
//! diagnostic for each number nothing accounts for.

use crate::content::page::Page;
use crate::data::stats::Value;
use crate::diagnostic::Diagnostic;
use crate::verify::Expect;

use super::{Backing, Class, Context, Finding, Piece, classify, front_matter};

/// Every number a page publishes, classified: its body (`prose`, from rendering) and its
/// title, description and claim texts, which are backed by what the page cites and binds.
pub fn page(page: &Page, prose: &[Piece], context: &Context) -> Vec<Finding> {
    let mut findings = classify(prose, &Backing::default(), context, &page.text);
    let backing = backing(page, prose);
    findings.extend(front_matter(page, &backing, context));
    findings
}

/// The sources a page cites (in its body, or as a claim's sources) and the values it
/// asserts (with `fact` in its body, or in a claim's checks).
fn backing(page: &Page, prose: &[Piece]) -> Backing {
    let mut backing = Backing::default();
    for piece in prose {
        match piece {
            Piece::Cite(ids) => backing.sources.extend(ids.iter().cloned()),
            Piece::Bound { value: Some(v), .. } => backing.values.push(*v),
            _ => {}
        }
    }
    if let Some(claim) = &page.meta.claim {
        backing
            .sources
            .extend(claim.sources.iter().map(|s| s.get_ref().clone()));
    }
    // The values the claim's checks require, or compare with (read from the front matter,
    // so a title stays backed while a failing check is reported on its own): the check
    // fails when the data leaves them, as a fact does. What a check found is not a backing.
    let expected = page.meta.claim.iter().flat_map(|claim| {
        claim
            .check
            .iter()
            .filter_map(|check| Expect::from_toml(check.expect.get_ref()).ok())
            .map(|expect| expect.value)
    });
    for value in expected {
        if let Value::Int(n) = value {
            #[allow(clippy::cast_precision_loss, reason = "compared with a written number")]
            backing.values.push(n as f64);
        }
    }
    backing
}

/// Where findings come from, for the help line of an unbound number.
#[derive(Debug, Clone, Copy)]
pub enum Place {
    /// A page whose markdown body starts at this offset (front matter before it).
    Page {
        /// Where the body starts.
        body_offset: usize,
    },
    /// Figure labels in `content/figures.toml`.
    FigureLabels,
}

/// A located diagnostic for every unbound number of `findings`, in the file `file` shown
/// as `display`.
pub fn unbound(display: &str, file: &str, findings: &[Finding], place: Place) -> Vec<Diagnostic> {
    findings
        .iter()
        .filter(|f| f.class == Class::Unbound)
        .map(|finding| {
            Diagnostic::at(
                display,
                file,
                finding.at.clone(),
                format!(
                    "unbound number `{}`: it is not bound to the data, no source cited with it quotes it, and it is not marked",
                    finding.text
                ),
            )
            .with_help(help(&finding.text, finding.at.start, place))
        })
        .collect()
}

fn help(number: &str, at: usize, place: Place) -> String {
    let mark = format!("or, if it is not a fact, mark it: {{{number}}}");
    match place {
        Place::Page { body_offset } if at >= body_offset => format!(
            "bind it to the data with {{{{ fact(...) }}}}, cite a source whose `quote` holds it in the same sentence ([@source-id]), {mark}"
        ),
        Place::Page { .. } => format!(
            "bind the same number in the page with {{{{ fact(...) }}}} (or a claim check), cite a source whose `quote` holds it, {mark}"
        ),
        Place::FigureLabels => {
            format!("use the figure's value, quote the number in its source's `quote`, {mark}")
        }
    }
}
