//! `check`'s report as text: warnings and errors with their code frames on standard error,
//! the archive suggestions, then the summary lines on standard output.

use crate::render::plural;
use crate::verify::quotes::Status;

use super::Report;
use super::sources::SourcesReport;

/// How `check` prints its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// For people: code frames on standard error, summary lines on standard output.
    #[default]
    Text,
    /// One JSON document on standard output, for CI.
    Json,
}

/// Prints the report for a person.
pub fn print_text(report: &Report) {
    for warning in &report.warnings {
        eprintln!("{}\n", warning.as_warning());
    }
    if let Some(sources) = &report.sources {
        for finding in sources.findings() {
            if finding.error {
                eprintln!("{}\n", finding.diagnostic);
            } else {
                eprintln!("{}\n", finding.diagnostic.as_warning());
            }
        }
        if let Some(block) = suggestions(sources) {
            eprintln!("{block}\n");
        }
        if let Some(error) = &sources.cache_error {
            eprintln!("warning: the fetch cache could not be written: {error}\n");
        }
    }
    for line in &report.number_list {
        println!("{line}");
    }
    println!("{}", checked_line(report));
    if !report.number_list.is_empty() || report.numbers.unbound > 0 {
        println!("Numbers: {}", report.numbers.line());
    }
    if let Some(sources) = &report.sources {
        println!("{}", summary(sources));
        if sources.offline() {
            println!(
                "note: no host name resolved (DNS): this machine looks offline, so nothing was concluded about the sources"
            );
        }
    }
}

/// `Checked 3 pages, ...: no errors, 2 warnings`.
fn checked_line(report: &Report) -> String {
    let errors = match report.errors() {
        0 => "no errors".to_string(),
        n => format!("{n} {}", plural(n, "error")),
    };
    let warnings = report.warning_count();
    format!(
        "Checked {}: {errors}, {warnings} {}",
        report.outcome.counts(),
        plural(warnings, "warning")
    )
}

/// The sources summary: what was fetched, how long it took, and each status's count.
pub fn summary(sources: &SourcesReport) -> String {
    let checked = sources.sources.len();
    let counts: Vec<String> = Status::ALL
        .iter()
        .map(|&status| format!("{} {}", sources.count(status), status.label()))
        .collect();
    let mut line = format!(
        "Sources: {checked} checked in {:.2} s ({} {}, {} {} from the cache): {}",
        sources.elapsed.as_secs_f64(),
        sources.requests,
        plural(sources.requests as usize, "request"),
        sources.from_cache,
        plural(sources.from_cache, "answer"),
        counts.join(", ")
    );
    let appearances = sources.appearances.len();
    if appearances > 0 {
        let fine = sources
            .appearances
            .iter()
            .filter(|a| a.findings.is_empty())
            .count();
        line.push_str(&format!(
            "; {appearances} claim {} ({fine} ok)",
            plural(appearances, "appearance")
        ));
    }
    line
}

/// The `archive_url` to add to each source that has none.
fn suggestions(sources: &SourcesReport) -> Option<String> {
    let lines: Vec<String> = sources
        .sources
        .iter()
        .filter_map(|source| {
            let url = source.suggested_archive_url.as_ref()?;
            Some(format!("  {}: archive_url = \"{url}\"", source.id))
        })
        .collect();
    if lines.is_empty() {
        return None;
    }
    Some(format!(
        "help: {} {} no `archive_url`; the Wayback Machine's capture nearest each `accessed` date would be (check that it exists, or save the page first at https://web.archive.org/save/):\n{}",
        lines.len(),
        if lines.len() == 1 {
            "source has"
        } else {
            "sources have"
        },
        lines.join("\n")
    ))
}
