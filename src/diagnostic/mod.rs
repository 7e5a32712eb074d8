//! Located errors: `file:line:col`, the offending line and a caret, as a person reads them.

mod list;
pub mod report;
mod toml_error;

pub use list::{Diagnostics, into_result};
pub use toml_error::from_toml;

use std::fmt;
use std::ops::Range;

/// One error that points at a place in a file the user wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as shown to the user (relative to the site root).
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub col: usize,
    /// Width of the caret underline, in characters (at least 1).
    pub width: usize,
    /// The text of the offending line, without its line ending.
    pub source_line: String,
    /// What went wrong.
    pub message: String,
    /// An optional hint on how to fix it.
    pub help: Option<String>,
    /// Optional notes (context such as "while rendering ...").
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// Builds a diagnostic for the byte `range` of `text`, a file shown as `file`.
    pub fn at(file: &str, text: &str, range: Range<usize>, message: impl Into<String>) -> Self {
        let start = clamp_to_char_boundary(text, range.start.min(text.len()));
        let end = clamp_to_char_boundary(text, range.end.clamp(start, text.len()));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = text[..start].matches('\n').count() + 1;
        let col = text[line_start..start].chars().count() + 1;
        let width = text[start..end.min(line_end)].chars().count().max(1);
        let source_line = text[line_start..line_end]
            .trim_end_matches('\r')
            .to_string();
        Self {
            file: file.to_string(),
            line,
            col,
            width,
            source_line,
            message: message.into(),
            help: None,
            notes: Vec::new(),
        }
    }

    /// Builds a diagnostic for a whole file, when no finer place is known.
    pub fn file(file: &str, message: impl Into<String>) -> Self {
        Self {
            file: file.to_string(),
            line: 0,
            col: 0,
            width: 0,
            source_line: String::new(),
            message: message.into(),
            help: None,
            notes: Vec::new(),
        }
    }

    /// Adds a hint shown under the code frame.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a note shown under the code frame.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// `file:line:col`, or just the file when no line is known.
    pub fn location(&self) -> String {
        if self.line == 0 {
            self.file.clone()
        } else {
            format!("{}:{}:{}", self.file, self.line, self.col)
        }
    }
}

fn clamp_to_char_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

impl Diagnostic {
    /// The diagnostic printed as a warning rather than an error.
    pub fn as_warning(&self) -> String {
        let text = self.to_string();
        text.strip_prefix("error: ")
            .map_or(text.clone(), |rest| format!("warning: {rest}"))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        if self.line == 0 {
            if !self.file.is_empty() {
                write!(f, " --> {}", self.file)?;
            }
        } else {
            let number = self.line.to_string();
            let pad = " ".repeat(number.len());
            let indent: String = self
                .source_line
                .chars()
                .take(self.col.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            writeln!(f, "{pad}--> {}", self.location())?;
            writeln!(f, "{pad} |")?;
            // A control or bidirectional character in the line would reorder or garble
            // what the terminal shows: each is shown as U+FFFD, one for one, so the caret
            // still lines up.
            let line: String = self
                .source_line
                .chars()
                .map(|c| {
                    if c != '\t' && crate::chars::is_control(c) {
                        '\u{FFFD}'
                    } else {
                        c
                    }
                })
                .collect();
            writeln!(f, "{number} | {line}")?;
            write!(f, "{pad} | {indent}{}", "^".repeat(self.width))?;
        }
        for note in &self.notes {
            write!(f, "\nnote: {note}")?;
        }
        if let Some(help) = &self.help {
            write!(f, "\nhelp: {help}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

impl Diagnostic {
    /// Any error as a diagnostic of `file`: a located one stays as it is, anything else
    /// becomes a whole-file error carrying the cause chain.
    pub fn from_error(error: anyhow::Error, file: &str) -> Self {
        match error.downcast::<Diagnostic>() {
            Ok(diagnostic) => diagnostic,
            Err(other) => Diagnostic::file(file, format!("{other:#}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, range: Range<usize>, expected: &str) {
        let diagnostic = Diagnostic::at("content/x.md", text, range, "boom");
        assert_eq!(diagnostic.to_string(), expected);
    }

    #[test]
    fn renders_line_column_and_caret() {
        case(
            "title = 1\nfoo = bar\n",
            16..19,
            "error: boom\n --> content/x.md:2:7\n  |\n2 | foo = bar\n  |       ^^^",
        );
    }

    #[test]
    fn counts_columns_in_characters_not_bytes() {
        case(
            "héllo wörld",
            8..13,
            "error: boom\n --> content/x.md:1:8\n  |\n1 | héllo wörld\n  |        ^^^^",
        );
    }

    #[test]
    fn clamps_ranges_past_the_end_and_inside_characters() {
        let diagnostic = Diagnostic::at("f", "é", 1..99, "m");
        assert_eq!(
            (diagnostic.line, diagnostic.col, diagnostic.width),
            (1, 1, 1)
        );
    }

    #[test]
    fn shows_control_characters_in_the_line_as_replacement_characters() {
        case(
            "title = \"ab\u{202E}cd\"",
            11..14,
            "error: boom\n --> content/x.md:1:12\n  |\n1 | title = \"ab\u{FFFD}cd\"\n  |            ^",
        );
    }

    #[test]
    fn strips_carriage_returns_from_the_shown_line() {
        let diagnostic = Diagnostic::at("f", "a\r\nbad\r\n", 3..6, "m");
        assert_eq!(diagnostic.source_line, "bad");
        assert_eq!(diagnostic.location(), "f:2:1");
    }
}
