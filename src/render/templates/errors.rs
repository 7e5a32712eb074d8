//! Tera errors as located diagnostics in `templates/`, naming the page being rendered.

use std::collections::{BTreeMap, BTreeSet};
use std::error::Error as _;

use tera::ErrorKind;

use crate::diagnostic::Diagnostic;

/// Turns a Tera error into a located diagnostic in `templates/`.
pub(super) fn template_error(
    error: &tera::Error,
    sources: &BTreeMap<String, String>,
    builtin: &BTreeSet<String>,
    context_file: Option<&str>,
) -> anyhow::Error {
    let shown = |name: &str| {
        if builtin.contains(name) {
            format!("(built-in template) {name}")
        } else {
            format!("templates/{name}")
        }
    };
    let mut diagnostic = match error.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            let name = report.filename();
            let file = shown(name);
            let span = report.span();
            let mut message = report.message().to_string();
            let mut cause = error.source();
            while let Some(inner) = cause {
                let text = inner.to_string();
                if !message.contains(&text) {
                    message = format!("{message}: {text}");
                }
                cause = inner.source();
            }
            match sources.get(name) {
                Some(text) => {
                    let start = line_offset(text, span.start_line) + span.start_col;
                    let end = if span.end_line == span.start_line {
                        line_offset(text, span.end_line) + span.end_col
                    } else {
                        start + 1
                    };
                    Diagnostic::at(&file, text, start..end, message)
                }
                None => Diagnostic::file(&file, message),
            }
        }
        ErrorKind::CircularInclude { tpl, include_chain } => Diagnostic::file(
            &shown(tpl),
            format!(
                "templates include each other in a cycle: {}",
                include_chain.join(" -> ")
            ),
        ),
        ErrorKind::CircularExtend {
            tpl,
            inheritance_chain,
        } => Diagnostic::file(
            &shown(tpl),
            format!(
                "templates extend each other in a cycle: {}",
                inheritance_chain.join(" -> ")
            ),
        ),
        ErrorKind::MissingParent { current, parent } => Diagnostic::file(
            &shown(current),
            format!("`{current}` extends `{parent}`, which does not exist"),
        ),
        _ => {
            // Errors found while linking templates arrive as finished reports naming the
            // template; point them at the file the user can open.
            let mut text = error.to_string();
            text = text.strip_prefix("error: ").unwrap_or(&text).to_string();
            for name in sources.keys() {
                text = text.replace(&format!("--> {name}:"), &format!("--> {}:", shown(name)));
            }
            let mut diagnostic = Diagnostic::file("", text);
            if builtin
                .iter()
                .any(|name| diagnostic.message.contains(&shown(name)))
            {
                diagnostic = diagnostic.with_help(
                    "built-in templates extend your templates/base.html and only need it to define `{% block main %}`; or add your own template with that name under templates/",
                );
            }
            diagnostic
        }
    };
    if let Some(file) = context_file {
        diagnostic = diagnostic.with_note(format!("while rendering `{file}`"));
    }
    diagnostic.into()
}

fn line_offset(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line - 2)
        .map_or(text.len(), |(i, _)| i + 1)
}
