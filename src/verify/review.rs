//! What `factsite check` asks a fact-checker to review once the site builds: sources never
//! used or without a quote, claims without a data check, and numbers that rest on unknown
//! weeks, on conflicting sources or on data newer than the page.

use std::collections::HashSet;
use std::ops::Range;

use crate::content::config::Strictness;
use crate::content::date::Date;
use crate::content::page::Page;
use crate::data::stats::Resolved;
use crate::diagnostic::Diagnostic;
use crate::site::Site;

use super::audit;
use super::bindings::Bindings;
use super::qualifiers::qualified;

/// The warnings for a rendered site.
pub fn review(site: &Site, bindings: &[Bindings]) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    unbound_numbers(site, bindings, &mut warnings);
    unused_sources(site, bindings, &mut warnings);
    sources_without_quotes(site, &mut warnings);
    unchecked_claims(site, &mut warnings);
    for (page, bindings) in site.pages.iter().zip(bindings) {
        let mut numbers: Vec<Number<'_>> = bindings
            .used
            .iter()
            .map(|used| Number {
                path: &used.path,
                resolved: &used.resolved,
                range: used.range.clone(),
                prose: true,
            })
            .collect();
        if let Some(claim) = &page.meta.claim {
            for (check, checked) in claim.check.iter().zip(&bindings.checks) {
                let span = check.stat.span();
                numbers.push(Number {
                    path: &checked.path,
                    resolved: &checked.resolved,
                    range: page.toml_offset() + span.start..page.toml_offset() + span.end,
                    prose: false,
                });
            }
        }
        for number in &numbers {
            review_stat(site, page, number, &mut warnings);
        }
        stale(site, page, &numbers, &mut warnings);
    }
    warnings
}

/// Unbound numbers, when they are warnings rather than errors.
fn unbound_numbers(site: &Site, bindings: &[Bindings], warnings: &mut Vec<Diagnostic>) {
    if site.config.facts.unbound_numbers != Strictness::Warn {
        return;
    }
    for (page, bindings) in site.pages.iter().zip(bindings) {
        let place = audit::Place::Page {
            body_offset: page.body_offset,
        };
        warnings.extend(audit::unbound(
            &page.display,
            &page.text,
            &bindings.numbers,
            place,
        ));
    }
    warnings.extend(super::figure_labels(site, Strictness::Warn));
}

/// How many numbers of the site fall in each class of the number audit.
pub fn number_counts(site: &Site, bindings: &[Bindings]) -> audit::Counts {
    let context = audit::Context::new(&site.data, &site.config.facts.names);
    let labels = audit::figure_labels(&site.data.figures, &context);
    bindings
        .iter()
        .map(|b| audit::Counts::of(&b.numbers))
        .fold(audit::Counts::of(&labels), audit::Counts::plus)
}

/// Every number of the site with how it is accounted for, one line each, for
/// `factsite check --numbers`: `content/x.md:12:5: cited by `source`: No. 2`.
pub fn number_list(site: &Site, bindings: &[Bindings]) -> Vec<String> {
    let line = |display: &str, text: &str, finding: &audit::Finding| {
        let at = Diagnostic::at(display, text, finding.at.clone(), "").location();
        let class = match &finding.class {
            audit::Class::Bound => "bound".to_string(),
            audit::Class::Cited(id) => format!("cited by `{id}`"),
            audit::Class::Exempt(why) => format!("exempt ({})", why.name()),
            audit::Class::Marked => "marked".to_string(),
            audit::Class::Unbound => "unbound".to_string(),
        };
        format!("{at}: {class}: {}", finding.text)
    };
    let mut lines = Vec::new();
    for (page, bindings) in site.pages.iter().zip(bindings) {
        let mut numbers: Vec<&audit::Finding> = bindings.numbers.iter().collect();
        numbers.sort_by_key(|f| f.at.start);
        lines.extend(
            numbers
                .into_iter()
                .map(|f| line(&page.display, &page.text, f)),
        );
    }
    let figures = &site.data.figures;
    let context = audit::Context::new(&site.data, &site.config.facts.names);
    for finding in audit::figure_labels(figures, &context) {
        lines.push(line(&figures.file, &figures.text, &finding));
    }
    lines
}

fn unused_sources(site: &Site, bindings: &[Bindings], warnings: &mut Vec<Diagnostic>) {
    let mut used: HashSet<&str> = crate::data::dataset::cited_sources(&site.data.datasets);
    used.extend(site.data.figures.figures.iter().map(|f| f.source.as_str()));
    for page in bindings {
        used.extend(page.citations.iter().map(String::as_str));
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
    let data_sources = crate::data::dataset::cited_sources(&site.data.datasets);
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

/// A number on a page that rests on a stat: a bound number in prose, or a claim check.
struct Number<'a> {
    path: &'a str,
    resolved: &'a Resolved,
    /// Where it is in the page's file.
    range: Range<usize>,
    /// In prose, where the words around it may already qualify it.
    prose: bool,
}

fn review_stat(site: &Site, page: &Page, number: &Number<'_>, warnings: &mut Vec<Diagnostic>) {
    let Number {
        path,
        resolved,
        ref range,
        prose,
    } = *number;
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
}

/// One warning for a page reviewed before the latest week of a chart it reads, naming the
/// numbers that depend on that week. A number pinned to a week (`pos@DATE`) is about that
/// week and never goes stale.
fn stale(site: &Site, page: &Page, numbers: &[Number<'_>], warnings: &mut Vec<Diagnostic>) {
    let reviewed = match &page.meta.claim {
        Some(claim) => Some(claim.as_of),
        None => page.last_changed(),
    };
    let Some(reviewed) = reviewed else {
        return;
    };
    let stats = site.data.stats();
    let mut charts: Vec<(&str, Date)> = Vec::new();
    let mut depending: Vec<String> = Vec::new();
    for number in numbers.iter().filter(|n| !n.path.contains('@')) {
        let chart = number.path.split('/').next().unwrap_or_default();
        let Some(latest) = stats.dataset(chart).ok().and_then(|d| d.as_of()) else {
            continue;
        };
        if latest <= reviewed {
            continue;
        }
        if !charts.iter().any(|(c, _)| *c == chart) {
            charts.push((chart, latest));
        }
        let line = Diagnostic::at(&page.display, &page.text, number.range.clone(), "").line;
        let entry = format!("`{}` (line {line})", number.path);
        if !depending.contains(&entry) {
            depending.push(entry);
        }
    }
    let Some(((first, first_latest), others)) = charts.split_first() else {
        return;
    };
    let mut newer = format!("`{first}` now has data to {first_latest}");
    for (chart, latest) in others {
        newer.push_str(&format!(", `{chart}` to {latest}"));
    }
    let key = match (&page.meta.claim, page.meta.updated) {
        (Some(_), _) => "as_of",
        (None, Some(_)) => "updated",
        (None, None) => "date",
    };
    warnings.push(
        page.error_at_key(key, format!(
            "stale as of {reviewed}: the page was reviewed on {reviewed}, but {newer}"
        ))
        .with_note(format!(
            "{} on it {} on the latest week: {}",
            if depending.len() == 1 {
                "1 number".to_string()
            } else {
                format!("{} numbers", depending.len())
            },
            if depending.len() == 1 { "depends" } else { "depend" },
            depending.join(", ")
        ))
        .with_help(format!(
            "review them against the newest weeks, then move `{key}` forward; a number about a past week stays true: pin it to that week (pos@DATE, entries_on_chart@DATE)"
        )),
    );
}
