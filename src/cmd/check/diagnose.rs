//! The located messages of `check --sources`: each source's verdict as an error or warning
//! at its `url`, `quote` or `archive_url` in `sources.toml`, and each claim appearance's
//! at its line in the claim page.

use std::ops::Range;

use crate::content::page::Page;
use crate::data::sources::{Bibliography, Source};
use crate::diagnostic::Diagnostic;
use crate::load::web::Fetched;
use crate::verify::quotes::{self, Found, Missing, Reading, Status, Verdict};

use super::sources::Finding;

/// What to tell the author about a source.
pub fn source(
    bibliography: &Bibliography,
    source: &Source,
    verdict: &Verdict,
    live: &Fetched,
) -> Vec<Finding> {
    let about = About {
        bibliography,
        source,
        verdict,
        live,
        id: source.id.get_ref(),
        url: source.url.get_ref(),
        archive_url: source.archive_url.as_ref().map(|a| a.get_ref().as_str()),
        archived: verdict
            .archive
            .as_ref()
            .is_some_and(Reading::has_every_quote),
    };
    let mut findings = match (&verdict.status, &verdict.live) {
        (Status::Moved, Reading::Read { moved_to, .. }) => {
            vec![about.moved(moved_to.as_deref().unwrap_or_default())]
        }
        (Status::QuoteNotFound, Reading::Read { found, moved_to }) => {
            about.quotes_missing(found, moved_to.as_deref())
        }
        (Status::ArchiveOnly, Reading::Gone { status }) => vec![about.archive_only(*status)],
        (Status::Gone, Reading::Gone { status }) => vec![about.gone(*status)],
        (Status::Failing, Reading::Failing { reason }) => vec![about.failing(reason)],
        _ => Vec::new(),
    };
    findings.extend(about.broken_archive());
    findings
}

/// One source and what was found, for writing its messages.
struct About<'a> {
    bibliography: &'a Bibliography,
    source: &'a Source,
    verdict: &'a Verdict,
    live: &'a Fetched,
    id: &'a str,
    url: &'a str,
    archive_url: Option<&'a str>,
    /// Whether the archived copy has every quote.
    archived: bool,
}

impl About<'_> {
    fn at(&self, range: Range<usize>, message: String) -> Diagnostic {
        let bibliography = self.bibliography;
        Diagnostic::at(&bibliography.file, &bibliography.text, range, message)
    }

    fn at_url(&self, message: String) -> Diagnostic {
        self.at(self.source.url.span(), message)
    }

    fn moved(&self, to: &str) -> Finding {
        let (id, url) = (self.id, self.url);
        warning(
            self.at_url(format!("source `{id}` has moved: {url} redirects to {to}"))
                .with_help("the quote is there: update `url` to the new address"),
        )
    }

    /// One error per quote the page does not have, each at its own quote.
    fn quotes_missing(&self, found: &[Found], moved_to: Option<&str>) -> Vec<Finding> {
        let (id, url) = (self.id, self.url);
        let snippets = self
            .source
            .quote
            .as_ref()
            .map(|q| q.snippets())
            .unwrap_or_default();
        let mut findings = Vec::new();
        for (quote, found) in snippets.iter().zip(found) {
            let Found::No(missing) = found else { continue };
            let range = quote_span(self.bibliography, self.source, quote);
            let mut diagnostic = self.at(
                range,
                format!("quote not found in source `{id}`: {url} does not have it"),
            );
            // The code frame shows a one-line quote whole; a part of one is named.
            if missing.part != quote.trim() || quote.contains('\n') {
                diagnostic =
                    diagnostic.with_note(format!("the page does not have: {}", missing.part));
            }
            diagnostic = diagnostic.with_note(nearest(missing));
            if let Some(to) = moved_to {
                diagnostic = diagnostic.with_note(format!("{url} redirects to {to}"));
            }
            if self.archived {
                diagnostic = diagnostic.with_note(format!(
                    "the archived copy still has it: {}",
                    self.archive_url.unwrap_or_default()
                ));
            }
            findings.push(error(diagnostic.with_help(
                "if the page was rewritten, update `quote` (and `accessed`) to what it says now and check that it still supports the data; to cite the page as it was, use an archived copy as `url`",
            )));
        }
        findings
    }

    fn archive_only(&self, status: u16) -> Finding {
        let (id, url) = (self.id, self.url);
        warning(
            self.at_url(format!(
                "source `{id}` exists only in the archive: {url} answers {}, and {} has the quote",
                quotes::status_text(status),
                self.archive_url.unwrap_or_default()
            ))
            .with_help("readers can check the quote only in the archived copy; find where the page went, if it went anywhere"),
        )
    }

    fn gone(&self, status: u16) -> Finding {
        let (id, url) = (self.id, self.url);
        let help = match self.archive_url {
            Some(_) => {
                "find where the page went and update `url`, and fix `archive_url`".to_string()
            }
            None => format!(
                "find where the page went and update `url`, or cite an archived copy: add `archive_url`, e.g. the Wayback Machine's {} if it has one",
                quotes::wayback(url, *self.source.accessed.get_ref())
            ),
        };
        error(
            self.at_url(format!(
                "source `{id}` is gone: {url} answers {}",
                quotes::status_text(status)
            ))
            .with_help(help),
        )
    }

    fn failing(&self, reason: &str) -> Finding {
        let (id, url) = (self.id, self.url);
        let mut diagnostic = self.at_url(format!(
            "source `{id}` could not be checked: {url} {}",
            phrase(reason)
        ));
        if self.live.attempts > 1 {
            diagnostic = diagnostic.with_note(format!("after {} tries", self.live.attempts));
        }
        if self.archived {
            diagnostic = diagnostic.with_note(format!(
                "the archived copy has the quote: {}",
                self.archive_url.unwrap_or_default()
            ));
        }
        warning(diagnostic.with_help(
            "this may pass: run the check again later, and open the page in a browser if it keeps failing",
        ))
    }

    /// A warning at `archive_url` when the archived copy does not hold the quotes.
    fn broken_archive(&self) -> Option<Finding> {
        if !self.verdict.archive_broken() {
            return None;
        }
        let (archive, reading) = (
            self.source.archive_url.as_ref()?,
            self.verdict.archive.as_ref()?,
        );
        Some(warning(
            self.at(
                archive.span(),
                format!(
                    "the archived copy of source `{}` does not hold its quote: {} {}",
                    self.id,
                    archive.get_ref(),
                    reading_phrase(reading)
                ),
            )
            .with_help("point `archive_url` at a copy that has the quote, or save one with the Wayback Machine"),
        ))
    }
}

/// What to tell the author about a claim's `appearance`: gone is an error; the claim's
/// words missing (it may be quoted in translation, or from a video) and the rest warnings.
pub fn appearance(page: &Page, url: &str, verdict: &Verdict, live: &Fetched) -> Vec<Finding> {
    let at = |message: String| match appearance_span(page) {
        Some(range) => Diagnostic::at(&page.display, &page.text, range, message),
        None => Diagnostic::file(&page.display, message),
    };
    let finding = match &verdict.live {
        Reading::Gone { status } => error(
            at(format!(
                "the claim's appearance is gone: {url} answers {}",
                quotes::status_text(*status)
            ))
            .with_help(
                "point `appearance` at where the claim can be read now, or at an archived copy",
            ),
        ),
        Reading::Failing { reason } => {
            let mut diagnostic = at(format!(
                "the claim's appearance could not be checked: {url} {}",
                phrase(reason)
            ));
            if live.attempts > 1 {
                diagnostic = diagnostic.with_note(format!("after {} tries", live.attempts));
            }
            warning(diagnostic.with_help("this may pass: run the check again later"))
        }
        Reading::Read { found, .. } if !verdict.live.has_every_quote() => {
            let mut diagnostic = at(format!(
                "the claim's words are not at its appearance: {url} does not have the claim's `text`"
            ));
            if let Some(Found::No(missing)) = found.first() {
                diagnostic = diagnostic.with_note(nearest(missing));
            }
            warning(diagnostic.with_help(
                "`text` should be the claim verbatim as it appears there; a translated or spoken claim can stay as it is",
            ))
        }
        Reading::Read {
            moved_to: Some(to), ..
        } => warning(
            at(format!(
                "the claim's appearance has moved: {url} redirects to {to}"
            ))
            .with_help("update `appearance` to the new address"),
        ),
        Reading::Read { .. } => return Vec::new(),
    };
    vec![finding]
}

fn error(diagnostic: Diagnostic) -> Finding {
    Finding {
        error: true,
        diagnostic,
    }
}

fn warning(diagnostic: Diagnostic) -> Finding {
    Finding {
        error: false,
        diagnostic,
    }
}

/// "answers 503 ...", "refuses ...", "serves ..." read after a URL; a client failure
/// ("timed out", "host not found (DNS)") after a colon.
fn phrase(reason: &str) -> String {
    if reason.starts_with("answers")
        || reason.starts_with("refuses")
        || reason.starts_with("serves")
    {
        reason.to_string()
    } else {
        format!("failed: {reason}")
    }
}

fn reading_phrase(reading: &Reading) -> String {
    match reading {
        Reading::Gone { status } => format!("answers {}", quotes::status_text(*status)),
        Reading::Failing { reason } => phrase(reason),
        Reading::Read { found, .. } => {
            let missing = found.iter().find_map(|f| match f {
                Found::No(missing) => Some(missing.part.as_str()),
                Found::Yes => None,
            });
            format!("does not have: {}", missing.unwrap_or_default())
        }
    }
}

/// The note showing what the page says instead.
fn nearest(missing: &Missing) -> String {
    match &missing.nearest {
        Some(passage) => format!(
            "the nearest passage on the page ({} of {} words): {}",
            passage.matched, missing.words, passage.text
        ),
        None => format!(
            "no passage on the page comes close (at most {} of its {} words together): the page may now be another one",
            missing.best, missing.words
        ),
    }
}

/// Where `quote` is written in the source's record: the start of its text (up to the first
/// character TOML may escape), or the record's `quote` key, or its id.
fn quote_span(bibliography: &Bibliography, source: &Source, quote: &str) -> Range<usize> {
    let text = &bibliography.text;
    let start = source.id.span().start;
    let end = text[start..]
        .find("[[source]]")
        .map_or(text.len(), |at| start + at);
    let record = &text[start..end];
    let prefix: String = quote
        .chars()
        .take_while(|c| !matches!(c, '"' | '\\' | '\n' | '\t'))
        .take(60)
        .collect();
    if !prefix.is_empty()
        && let Some(at) = record.find(&prefix)
    {
        return start + at..start + at + prefix.len();
    }
    match record.find("quote") {
        Some(at) => start + at..start + at + "quote".len(),
        None => source.id.span(),
    }
}

/// The value of `appearance = "..."` in a claim page's front matter.
fn appearance_span(page: &Page) -> Option<Range<usize>> {
    let front = &page.text[..page.body_offset.min(page.text.len())];
    let key = front.find("appearance")?;
    let open = key + front[key..].find(['"', '\''])?;
    let quote = &front[open..open + 1];
    let close = open + 1 + front[open + 1..].find(quote)?;
    Some(open..close + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCES: &str = r#"[[source]]
id = "a"
title = "T"
publisher = "P"
url = "https://example.org/a"
published = "undated"
accessed = 2026-11-21
quote = ["first words", "say \"hi\" now"]

[[source]]
id = "b"
title = "T"
publisher = "P"
url = "https://example.org/b"
published = "undated"
accessed = 2026-11-21
quote = "first words"
"#;

    #[test]
    fn locates_each_quote_in_its_own_record() {
        let bibliography =
            Bibliography::parse("content/sources.toml", SOURCES.to_string()).unwrap();
        let located = |id: &str, quote: &str| {
            let range = quote_span(&bibliography, bibliography.get(id).unwrap(), quote);
            Diagnostic::at("f", SOURCES, range, "").location()
        };
        assert_eq!(located("a", "first words"), "f:8:11");
        assert_eq!(located("a", "say \"hi\" now"), "f:8:26");
        assert_eq!(located("b", "first words"), "f:17:10");
        assert_eq!(located("b", "not there"), "f:17:1");
    }

    #[test]
    fn locates_the_appearance() {
        let text = "+++\ntitle = \"C\"\n[claim]\ntext = \"It was said.\"\nclaimant = \"Someone\"\n\
                    appearance = \"https://example.org/c\"\nverdict = \"unverifiable\"\n\
                    as_of = 2025-08-16\n+++\nBody.\n";
        let page = Page::parse("claims/c.md", text.to_string()).unwrap();
        let range = appearance_span(&page).unwrap();
        assert_eq!(&text[range], "\"https://example.org/c\"");
    }
}
