//! `check --format json`: the whole report as one JSON document, for CI.

use serde_json::{Value, json};

use crate::content::date::Date;
use crate::diagnostic::Diagnostic;
use crate::load::web::{Answer, Fetched};
use crate::verify::quotes::{Found, Reading, Status, Verdict};

use super::Report;
use super::sources::{AppearanceCheck, Finding, SourceCheck, SourcesReport};

/// The report as pretty-printed JSON.
pub fn report(report: &Report) -> String {
    let mut diagnostics: Vec<Value> = report
        .warnings
        .iter()
        .map(|warning| diagnostic(warning, false))
        .collect();
    let mut document = json!({
        "errors": report.errors(),
        "warnings": report.warning_count(),
        "checked": {
            "pages": report.outcome.pages,
            "sections": report.outcome.sections,
            "charts": report.outcome.charts,
            "claims": report.outcome.claims,
            "sources": report.outcome.sources,
        },
    });
    if let Some(sources) = &report.sources {
        diagnostics.extend(sources.findings().map(finding));
        document["sources"] = sources.sources.iter().map(source).collect();
        document["appearances"] = sources.appearances.iter().map(appearance).collect();
        document["summary"] = summary(sources);
    }
    document["diagnostics"] = Value::Array(diagnostics);
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

fn summary(sources: &SourcesReport) -> Value {
    let mut counts = serde_json::Map::new();
    for status in Status::ALL {
        counts.insert(status_name(status), json!(sources.count(status)));
    }
    json!({
        "sources": sources.sources.len(),
        "statuses": counts,
        "appearances": sources.appearances.len(),
        "seconds": (sources.elapsed.as_secs_f64() * 1000.0).round() / 1000.0,
        "requests": sources.requests,
        "from_cache": sources.from_cache,
        "without_archive_url": sources.sources.iter().filter(|s| s.suggested_archive_url.is_some()).count(),
        "cache_error": sources.cache_error,
        "offline": sources.offline(),
    })
}

fn source(checked: &SourceCheck) -> Value {
    let mut value = verdict(&checked.verdict, &checked.live);
    value["id"] = json!(checked.id);
    value["quotes"] = quotes(&checked.quotes, &checked.verdict.live);
    value["archive"] = match (&checked.archive, &checked.verdict.archive) {
        (Some(fetched), Some(reading)) => {
            let mut archive = fetched_value(fetched);
            archive["has_quotes"] = json!(reading.has_every_quote());
            archive
        }
        _ => Value::Null,
    };
    value["suggested_archive_url"] = json!(checked.suggested_archive_url);
    value
}

fn appearance(checked: &AppearanceCheck) -> Value {
    let mut value = verdict(&checked.verdict, &checked.live);
    value["page"] = json!(checked.page);
    value["claim_text_found"] = json!(checked.verdict.live.has_every_quote());
    value
}

fn verdict(verdict: &Verdict, live: &Fetched) -> Value {
    let mut value = fetched_value(live);
    value["status"] = json!(status_name(verdict.status));
    value["error"] = json!(verdict.status.is_error());
    value["reason"] = match &verdict.live {
        Reading::Failing { reason } => json!(reason),
        _ => Value::Null,
    };
    value
}

/// What one URL answered.
fn fetched_value(fetched: &Fetched) -> Value {
    let mut value = json!({
        "url": fetched.url,
        "fetched_at": timestamp(fetched.fetched_at),
        "from_cache": fetched.from_cache,
        "attempts": fetched.attempts,
    });
    match &fetched.answer {
        Answer::Response(response) => {
            value["http_status"] = json!(response.status);
            value["final_url"] = json!(response.final_url);
            value["redirects"] = json!(response.redirects);
            value["content_type"] = json!(response.content_type);
        }
        Answer::Failed(failure) => {
            value["failure"] = json!({ "kind": failure.kind, "message": failure.message });
        }
    }
    value
}

fn quotes(quotes: &[String], reading: &Reading) -> Value {
    let found: &[Found] = match reading {
        Reading::Read { found, .. } => found,
        _ => &[],
    };
    quotes
        .iter()
        .enumerate()
        .map(|(i, quote)| match found.get(i) {
            None => json!({ "quote": quote, "found": Value::Null }),
            Some(Found::Yes) => json!({ "quote": quote, "found": true }),
            Some(Found::No(missing)) => json!({
                "quote": quote,
                "found": false,
                "missing_part": missing.part,
                "words": missing.words,
                "nearest": missing.nearest.as_ref().map(|passage| json!({
                    "passage": passage.text,
                    "matched_words": passage.matched,
                })),
            }),
        })
        .collect()
}

fn finding(finding: &Finding) -> Value {
    diagnostic(&finding.diagnostic, finding.error)
}

fn diagnostic(diagnostic: &Diagnostic, error: bool) -> Value {
    json!({
        "severity": if error { "error" } else { "warning" },
        "file": diagnostic.file,
        "line": diagnostic.line,
        "column": diagnostic.col,
        "message": diagnostic.message,
        "notes": diagnostic.notes,
        "help": diagnostic.help,
    })
}

fn status_name(status: Status) -> String {
    status.label().replace(' ', "-")
}

/// `2026-11-21T10:04:05Z`.
fn timestamp(seconds: u64) -> String {
    let days = i64::try_from(seconds / 86_400).unwrap_or_default();
    let rest = seconds % 86_400;
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        Date::from_days(days).iso(),
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_utc_timestamps() {
        assert_eq!(timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(timestamp(1_795_255_445), "2026-11-21T10:04:05Z");
    }
}
