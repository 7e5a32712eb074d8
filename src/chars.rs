//! Characters that cannot be shown as themselves, in published text or in a terminal:
//! control characters and the bidirectional controls, how to name them and how to show text
//! that holds them.

/// The bidirectional embedding, override and isolate controls (U+202A to U+202E, U+2066
/// to U+2069): the characters rustc refuses in literals for the same reason.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether a character has no business in a name or a one-line field: a C0 or C1 control
/// (tab and line breaks included), DEL, a bidirectional control, or the Unicode line and
/// paragraph separators.
pub fn is_control(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Whether a character is refused in multi-line text: as [`is_control`], except tab and
/// the line endings `\n` and `\r`.
pub fn is_refused_in_text(c: char) -> bool {
    is_control(c) && !matches!(c, '\t' | '\n' | '\r')
}

/// `U+202E (RIGHT-TO-LEFT OVERRIDE)`: a character that cannot be shown as itself.
pub fn describe(c: char) -> String {
    let name = match c {
        '\0' => "NUL",
        '\t' => "TAB",
        '\n' => "LINE FEED",
        '\r' => "CARRIAGE RETURN",
        '\u{1B}' => "ESCAPE",
        '\u{7F}' => "DELETE",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        _ => "a control character",
    };
    format!("U+{:04X} ({name})", u32::from(c))
}

/// Text safe to print in a message: every character of [`is_control`] written as an
/// escape (`\u{202e}`), so a terminal never reorders or swallows it.
pub fn shown(text: &str) -> String {
    if !text.chars().any(is_control) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if is_control(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}
