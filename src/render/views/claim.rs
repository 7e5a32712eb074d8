//! A claim as templates see it: the claim, its verdict, the checks with what the data says,
//! and the claims index grouped by verdict.

use serde::Serialize;

use crate::content::claim::{ClaimMeta, Verdict};
use crate::content::page::Page;
use crate::render::generated::{cards, json_ld};
use crate::render::plan::Plan;
use crate::site::Site;
use crate::verify::{Checked, number};

use super::summary::{DateView, Summary, VerdictView};

/// A checked claim as templates see it.
#[derive(Debug, Serialize)]
pub struct ClaimView {
    text: String,
    claimant: String,
    claim_date: Option<DateView>,
    appearance: Option<String>,
    verdict: VerdictView,
    as_of: DateView,
    summary: Option<String>,
    checks: Vec<CheckView>,
    /// Whether any check counts from a run with unknown weeks (the table's footnote).
    incomplete: bool,
    json_ld: String,
}

impl ClaimView {
    /// The `ClaimReview` script.
    pub fn json_ld(&self) -> &str {
        &self.json_ld
    }
}

/// One claim check and what the data said.
#[derive(Debug, Serialize)]
pub struct CheckView {
    stat: String,
    label: String,
    expect: String,
    actual: String,
    as_of: Option<DateView>,
    incomplete: bool,
    note: Option<String>,
}

/// The view of a claim page's claim.
pub fn view(site: &Site, page: &Page, claim: &ClaimMeta, checks: &[Checked]) -> ClaimView {
    ClaimView {
        text: claim.text.clone(),
        claimant: claim.claimant_line(),
        claim_date: claim.claim_date.map(DateView::from),
        appearance: claim.appearance.clone(),
        verdict: VerdictView::of(claim.verdict),
        as_of: claim.as_of.into(),
        summary: claim.summary.clone(),
        checks: checks.iter().map(check_view).collect(),
        incomplete: checks.iter().any(|c| c.resolved.incomplete),
        json_ld: json_ld::script(&json_ld::claim_review(
            &site.config,
            page,
            claim,
            cards::image(&site.config, &page.url).as_deref(),
        )),
    }
}

fn check_view(check: &Checked) -> CheckView {
    let actual = number::format(check.resolved.value, number::Style::Plain)
        .unwrap_or_else(|_| check.resolved.value.to_string());
    CheckView {
        stat: check.path.clone(),
        label: check.resolved.label.clone(),
        expect: check.expect.pretty(),
        actual,
        as_of: check.resolved.as_of.map(DateView::from),
        incomplete: check.resolved.incomplete,
        note: check.note.clone(),
    }
}

/// A group of the claims index.
#[derive(Debug, Serialize)]
pub struct VerdictGroup {
    verdict: VerdictView,
    claims: Vec<ClaimSummary>,
}

/// A claim in the claims index.
#[derive(Debug, Serialize)]
pub struct ClaimSummary {
    #[serde(flatten)]
    summary: Summary,
    text: String,
    claimant: String,
}

/// The claims below a section, grouped by verdict in scale order (empty groups left out).
pub fn by_verdict(site: &Site, plan: &Plan, section: usize) -> Vec<VerdictGroup> {
    let claims: Vec<(&Page, &ClaimMeta)> = plan
        .pages_of(section, &site.pages)
        .into_iter()
        .filter_map(|i| {
            site.pages[i]
                .meta
                .claim
                .as_ref()
                .map(|c| (&site.pages[i], c))
        })
        .collect();
    Verdict::ALL
        .iter()
        .map(|&verdict| VerdictGroup {
            verdict: VerdictView::of(verdict),
            claims: claims
                .iter()
                .filter(|(_, c)| c.verdict == verdict)
                .map(|(page, claim)| ClaimSummary {
                    summary: Summary::of(page),
                    text: claim.text.clone(),
                    claimant: claim.claimant_line(),
                })
                .collect(),
        })
        .filter(|group| !group.claims.is_empty())
        .collect()
}
