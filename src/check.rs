//! `factsite check`: everything a build does except writing, then a report of what a
//! fact-checker should look at: unused sources, unchecked claims, stale and shaky facts.

use std::collections::HashSet;
use std::ops::Range;
use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::output::NullSink;
use crate::render::{self, Outcome};
use crate::site::{LoadOptions, Site};
use crate::stats::Resolved;

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

/// Loads and renders the site without writing anything, then reviews it.
pub fn check(options: &CheckOptions) -> anyhow::Result<Report> {
    let site = Site::load(&LoadOptions {
        root: options.root.clone(),
        drafts: options.drafts,
        base_url: None,
    })?;
    let outcome = render::render(&site, &NullSink)?;
    let warnings = review(&site, &outcome);
    Ok(Report { outcome, warnings })
}

/// The warnings for a rendered site.
pub fn review(site: &Site, outcome: &Outcome) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    unused_sources(site, outcome, &mut warnings);
    sources_without_quotes(site, &mut warnings);
    unchecked_claims(site, &mut warnings);
    for (page, bindings) in site.pages.iter().zip(&outcome.bindings) {
        for used in &bindings.used {
            review_stat(
                site,
                page,
                &used.path,
                &used.resolved,
                used.range.clone(),
                true,
                &mut warnings,
            );
        }
        if let Some(claim) = &page.meta.claim {
            for (check, checked) in claim.check.iter().zip(&bindings.checks) {
                let span = check.stat.span();
                let range = page.toml_offset() + span.start..page.toml_offset() + span.end;
                review_stat(
                    site,
                    page,
                    &checked.path,
                    &checked.resolved,
                    range,
                    false,
                    &mut warnings,
                );
            }
        }
    }
    warnings
}

fn unused_sources(site: &Site, outcome: &Outcome, warnings: &mut Vec<Diagnostic>) {
    let mut used: HashSet<&str> = crate::dataset::cited_sources(&site.data.datasets);
    used.extend(site.data.figures.figures.iter().map(|f| f.source.as_str()));
    for bindings in &outcome.bindings {
        used.extend(bindings.citations.iter().map(String::as_str));
    }
    for page in &site.pages {
        if let Some(claim) = &page.meta.claim {
            used.extend(claim.sources.iter().map(|s| s.get_ref().as_str()));
        }
    }
    let bibliography = &site.data.bibliography;
    for source in &bibliography.sources {
        if !used.contains(source.id.get_ref().as_str()) {
            warnings.push(Diagnostic::at(
                &bibliography.file,
                &bibliography.text,
                source.id.span(),
                format!(
                    "source `{}` is never cited, and no data row, figure or claim names it",
                    source.id.get_ref()
                ),
            ));
        }
    }
}

fn sources_without_quotes(site: &Site, warnings: &mut Vec<Diagnostic>) {
    let bibliography = &site.data.bibliography;
    for source in &bibliography.sources {
        if source.quote.is_none() {
            warnings.push(
                Diagnostic::at(&bibliography.file, &bibliography.text, source.id.span(), format!(
                    "source `{}` has no `quote`: readers cannot see the words that support the data",
                    source.id.get_ref()
                ))
                .with_help("add the supporting words, verbatim, as `quote`"),
            );
        }
    }
}

fn unchecked_claims(site: &Site, warnings: &mut Vec<Diagnostic>) {
    let data_sources = crate::dataset::cited_sources(&site.data.datasets);
    let figure_sources: HashSet<&str> = site
        .data
        .figures
        .figures
        .iter()
        .map(|f| f.source.as_str())
        .collect();
    for page in &site.pages {
        let Some(claim) = &page.meta.claim else {
            continue;
        };
        if !claim.check.is_empty() {
            continue;
        }
        let backing = claim
            .sources
            .iter()
            .map(|s| s.get_ref().as_str())
            .find(|id| data_sources.contains(id) || figure_sources.contains(id));
        if let Some(id) = backing {
            warnings.push(
                page.error_at_key("[claim]", format!(
                    "claim has no `[[claim.check]]`, but its source `{id}` backs rows in the data"
                ))
                .with_help("bind the verdict to the data with a [[claim.check]] (stat and expect)"),
            );
        }
    }
}

fn review_stat(
    site: &Site,
    page: &crate::page::Page,
    path: &str,
    resolved: &Resolved,
    range: Range<usize>,
    prose: bool,
    warnings: &mut Vec<Diagnostic>,
) {
    let at = |message: String| Diagnostic::at(&page.display, &page.text, range.clone(), message);
    let stats = site.data.stats();
    if resolved.incomplete && !(prose && qualified(&page.text, range.clone())) {
        warnings.push(
            at(format!(
                "`{path}` is {} from a run with unknown weeks: the true value may differ",
                resolved.value
            ))
            .with_help(
                "say \"at least\", \"known\", \"we have\" or \"in our data\" near the number, or find the missing weeks",
            ),
        );
    }
    for sensitivity in stats.conflicts(path) {
        let other = sensitivity
            .other_value
            .map_or_else(|| "unresolvable".to_string(), |v| v.to_string());
        warnings.push(at(format!(
            "`{path}` rests on a week where sources disagree: {} on {} follows `{}`; if `{}` is right, the value is {other}",
            sensitivity.entry, sensitivity.date, sensitivity.source, sensitivity.other_source
        )));
    }
    let chart = path.split('/').next().unwrap_or_default();
    let Ok(dataset) = stats.dataset(chart) else {
        return;
    };
    let Some(latest) = dataset.as_of() else {
        return;
    };
    let reviewed = match &page.meta.claim {
        Some(claim) => Some(claim.as_of),
        None => page.last_changed(),
    };
    if let Some(reviewed) = reviewed.filter(|&d| d < latest) {
        warnings.push(at(format!(
            "stale as of {reviewed}: the page was reviewed on {reviewed}, but `{chart}` now has data to {latest}"
        ))
        .with_help("review the text against the newest weeks, then move `updated` (or the claim's `as_of`) forward"));
    }
}

/// Words that tell the reader a count rests on the weeks we hold, not on the whole run.
const QUALIFIERS: [&str; 6] = [
    "at least",
    "known",
    "we have",
    "in our data",
    "sourced",
    "could source",
];

/// Whether the prose around a number already says that it is a count of known weeks:
/// the same paragraph, within 160 characters of prose either side, shortcodes left out.
fn qualified(text: &str, range: Range<usize>) -> bool {
    let paragraph_start = text[..range.start].rfind("\n\n").map_or(0, |at| at + 2);
    let rest = &text[range.end..];
    let paragraph_end = rest.find("\n\n").map_or(text.len(), |at| range.end + at);
    let before = prose(&text[paragraph_start..range.start]);
    // When the range is a number inside its shortcode, the prose after it starts where
    // that shortcode closes.
    let after = &text[range.end..paragraph_end];
    let head = &text[paragraph_start..range.end];
    let inside = head
        .rfind("{{")
        .is_some_and(|open| head.rfind("}}").is_none_or(|close| close < open));
    let after = match after.find("}}") {
        Some(at) if inside => &after[at + 2..],
        _ => after,
    };
    let after = prose(after);
    let before = &before[before.char_indices().rev().nth(159).map_or(0, |(at, _)| at)..];
    let after = &after[..after
        .char_indices()
        .nth(160)
        .map_or(after.len(), |(at, _)| at)];
    let window = format!("{before} {after}").to_lowercase();
    QUALIFIERS.iter().any(|word| window.contains(word))
}

/// Text with `{{ ... }}` shortcodes (and an unclosed opening one) removed.
fn prose(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        match rest[open..].find("}}") {
            Some(close) => rest = &rest[open + close + 2..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn around(text: &str, number: &str) -> bool {
        let start = text.find(number).expect("number in text");
        qualified(text, start..start + number.len())
    }

    #[test]
    fn a_qualifier_counts_past_the_shortcodes_between() {
        let text = r#"Takedown did no better than No. {{ fact(60, "hot-100/t/peak") }}, on the chart dated {{ fact(2025-08-23, "hot-100/t/peak_date") }}, in the {{ fact(5, "hot-100/t/weeks_on_chart", style="word") }} weeks we have for it."#;
        assert!(around(text, "60"));
        assert!(!around(&text.replace("we have", "it charted"), "60"));
    }

    #[test]
    fn a_qualifier_must_be_in_the_same_paragraph_and_near() {
        assert!(around("It spent at least {{ fact(8, \"x\") }} weeks.", "8"));
        assert!(!around(
            "We know at least this.\n\nIt spent {{ fact(8, \"x\") }} weeks.",
            "8"
        ));
        let far = format!(
            "At least one thing. {} It spent {{{{ fact(8, \"x\") }}}} weeks.",
            "word ".repeat(40)
        );
        assert!(!around(&far, "8"));
    }

    #[test]
    fn a_whole_shortcode_range_reads_the_prose_right_after_it() {
        let text = r#"It reached No. 1 on {{ stat(value="first") }} and spent at least {{ fact(2, "x") }} weeks."#;
        let start = text.find("{{ stat").expect("stat");
        let end = text.find("}} and").expect("end") + 2;
        assert!(qualified(text, start..end));
    }

    #[test]
    fn prose_drops_shortcodes_and_an_unclosed_one() {
        assert_eq!(prose("a {{ x() }} b {{ y"), "a  b ");
    }
}
