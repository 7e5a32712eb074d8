//! TOML parse and type errors as located diagnostics, with hints for common mistakes.

use super::Diagnostic;

/// A TOML parse or type error turned into a located diagnostic.
///
/// `offset` is where the TOML text starts inside `text` (front matter sits after `+++`).
pub fn from_toml(file: &str, text: &str, offset: usize, error: &toml::de::Error) -> Diagnostic {
    let message = error.message().trim_end().to_string();
    let diagnostic = match error.span() {
        Some(span) => Diagnostic::at(file, text, offset + span.start..offset + span.end, message),
        None => Diagnostic::at(file, text, offset..offset, message),
    };
    match toml_hint(&diagnostic.message) {
        Some(hint) => diagnostic.with_help(hint),
        None => diagnostic,
    }
}

fn toml_hint(message: &str) -> Option<&'static str> {
    if message.starts_with("unknown field") {
        Some("check the spelling; free-form keys belong in the `[extra]` table where one exists")
    } else if message.starts_with("missing field") {
        Some("add the field; see the authoring guide for the required keys")
    } else {
        None
    }
}
