//! Tera errors as located diagnostics in `templates/`, naming the page being rendered, with
//! a hint when the mistake is a Zola, Hugo or Tera 1 habit.

use std::collections::{BTreeMap, BTreeSet};
use std::error::Error as _;

use tera::ErrorKind;

use super::hints;
use crate::diagnostic::{self, Diagnostic};

/// The templates an error may point into.
#[derive(Debug, Clone, Copy)]
pub(super) struct Sources<'a> {
    /// Every template's text by name.
    pub text: &'a BTreeMap<String, String>,
    /// The names of the built-in ones.
    pub builtin: &'a BTreeSet<String>,
}

impl Sources<'_> {
    /// A template as shown in errors.
    fn shown(&self, name: &str) -> String {
        if self.builtin.contains(name) {
            format!("(built-in template) {name}")
        } else {
            format!("templates/{name}")
        }
    }
}

/// Turns a Tera error into located diagnostics in `templates/`, as one error.
pub(super) fn template_error(
    error: &tera::Error,
    sources: Sources<'_>,
    context_file: Option<&str>,
) -> anyhow::Error {
    match diagnostic::into_result(diagnostics(error, sources, context_file, None)) {
        Err(error) => error,
        Ok(()) => anyhow::anyhow!("{error}"),
    }
}

/// The diagnostics of a Tera error; `shortcode` names the author's shortcode whose
/// template failed, for the hint of a missing argument.
pub(super) fn diagnostics(
    error: &tera::Error,
    sources: Sources<'_>,
    context_file: Option<&str>,
    shortcode: Option<&str>,
) -> Vec<Diagnostic> {
    let mut diagnostics = match error.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            let name = report.filename();
            let mut message = report.message().to_string();
            let mut cause = error.source();
            while let Some(inner) = cause {
                let text = inner.to_string();
                if !message.contains(&text) {
                    message = format!("{message}: {text}");
                }
                cause = inner.source();
            }
            let span = report.span();
            let at = (span.start_line, span.start_col);
            let width = (span.end_line == span.start_line)
                .then(|| span.end_col.saturating_sub(span.start_col));
            let diagnostic = located(sources, name, at, width, message);
            vec![hinted(diagnostic, report.message(), shortcode)]
        }
        ErrorKind::CircularInclude { tpl, include_chain } => vec![Diagnostic::file(
            &sources.shown(tpl),
            format!(
                "templates include each other in a cycle: {}",
                include_chain.join(" -> ")
            ),
        )],
        ErrorKind::CircularExtend {
            tpl,
            inheritance_chain,
        } => vec![Diagnostic::file(
            &sources.shown(tpl),
            format!(
                "templates extend each other in a cycle: {}",
                inheritance_chain.join(" -> ")
            ),
        )],
        ErrorKind::MissingParent { current, parent } => vec![Diagnostic::file(
            &sources.shown(current),
            format!("`{current}` extends `{parent}`, which does not exist"),
        )],
        _ => {
            let text = error.to_string();
            reports(&text, sources).unwrap_or_else(|| vec![unparsed(&text, sources)])
        }
    };
    if let Some(file) = context_file {
        for diagnostic in &mut diagnostics {
            diagnostic.notes.push(format!("while rendering `{file}`"));
        }
    }
    diagnostics
}

/// A diagnostic at a 1-based line and 0-based column (in characters) of template `name`,
/// `width` characters wide (one if unknown).
fn located(
    sources: Sources<'_>,
    name: &str,
    (line, col): (usize, usize),
    width: Option<usize>,
    message: String,
) -> Diagnostic {
    let file = sources.shown(name);
    let Some(text) = sources.text.get(name) else {
        return Diagnostic::file(&file, message);
    };
    let line_start = line_offset(text, line);
    let start = text[line_start..]
        .char_indices()
        .nth(col)
        .map_or(text.len(), |(i, _)| line_start + i);
    let end = text[start..]
        .char_indices()
        .nth(width.unwrap_or(1).max(1))
        .map_or(text.len(), |(i, _)| start + i);
    Diagnostic::at(&file, text, start..end, message)
}

/// Errors found while linking templates (an unknown function or filter) arrive as
/// finished reports, one after another: each becomes a diagnostic at its place, with
/// its hint. `None` when the text is not made of such reports.
fn reports(text: &str, sources: Sources<'_>) -> Option<Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    let mut blocks: Vec<Vec<&str>> = Vec::new();
    for line in text.lines() {
        if line.starts_with("error: ") {
            blocks.push(Vec::new());
        }
        blocks.last_mut()?.push(line);
    }
    for block in blocks {
        let message = block.first()?.strip_prefix("error: ")?;
        let place = block.get(1)?.trim_start().strip_prefix("--> ")?;
        let mut parts = place.rsplitn(3, ':');
        let col: usize = parts.next()?.parse().ok()?;
        let line: usize = parts.next()?.parse().ok()?;
        let name = parts.next()?;
        let width = block.get(4).map(|l| l.matches('^').count());
        let diagnostic = located(
            sources,
            name,
            (line, col.saturating_sub(1)),
            width,
            message.to_string(),
        );
        diagnostics.push(hinted(diagnostic, message, None));
    }
    (!diagnostics.is_empty()).then_some(diagnostics)
}

/// The diagnostic with the hint for its (Tera) message, if there is one.
fn hinted(diagnostic: Diagnostic, message: &str, shortcode: Option<&str>) -> Diagnostic {
    let path = expression(&diagnostic.source_line, diagnostic.col.saturating_sub(1));
    match hints::help(message, shortcode, path.as_deref()) {
        Some(help) => diagnostic.with_help(help),
        None => diagnostic,
    }
}

/// The dotted expression (`config.extra?.x.y`) around the character `col` of `line`,
/// without its `?`s.
fn expression(line: &str, col: usize) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    let part = |c: &char| c.is_alphanumeric() || matches!(c, '_' | '.' | '?');
    if !chars.get(col).is_some_and(part) {
        return None;
    }
    let start = chars[..col]
        .iter()
        .rposition(|c| !part(c))
        .map_or(0, |i| i + 1);
    let end = chars[col..]
        .iter()
        .position(|c| !part(c))
        .map_or(chars.len(), |i| col + i);
    Some(
        chars[start..end]
            .iter()
            .collect::<String>()
            .replace('?', ""),
    )
}

/// An error as Tera wrote it, pointed at the files the user can open.
fn unparsed(text: &str, sources: Sources<'_>) -> Diagnostic {
    let mut text = text.strip_prefix("error: ").unwrap_or(text).to_string();
    for name in sources.text.keys() {
        text = text.replace(
            &format!("--> {name}:"),
            &format!("--> {}:", sources.shown(name)),
        );
    }
    let mut diagnostic = Diagnostic::file("", text);
    if sources
        .builtin
        .iter()
        .any(|name| diagnostic.message.contains(&sources.shown(name)))
    {
        diagnostic = diagnostic.with_help(
            "built-in templates extend your templates/base.html and only need it to define `{% block main %}`; or add your own template with that name under templates/",
        );
    }
    diagnostic
}

fn line_offset(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line - 2)
        .map_or(text.len(), |(i, _)| i + 1)
}
