//! Text width estimates without fonts: conservative, and counted in characters, not bytes.
//!
//! The SVG is rendered in the reader's font, which the build cannot measure, so every
//! estimate errs wide: a label box that is too big only costs a little space.

/// The estimated advance of one character, in ems (a generous sans-serif, semi-bold).
fn advance(c: char) -> f64 {
    match c {
        '\u{0300}'..='\u{036F}' | '\u{200B}'..='\u{200F}' | '\u{FE00}'..='\u{FE0F}' => 0.0,
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | '\u{2019}' => 0.34,
        ' ' | 'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '/' | '-' => 0.44,
        'm' | 'w' | 'M' | 'W' | '@' | '%' | '&' | '\u{2014}' => 0.96,
        c if wide(c) => 1.05,
        c if c.is_uppercase() => 0.76,
        _ => 0.64,
    }
}

/// East Asian wide and fullwidth characters, and emoji: a full em or more.
fn wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1FAFF
        | 0x20000..=0x3FFFD)
}

/// The estimated width of `text` at `size` user units.
pub(crate) fn width(text: &str, size: f64) -> f64 {
    text.chars().map(advance).sum::<f64>() * size
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, at_least: f64, at_most: f64) {
        let w = width(text, 10.0);
        assert!(
            (at_least..=at_most).contains(&w),
            "{text:?} is {w}, expected {at_least}..={at_most}"
        );
    }

    // Widths count characters, not UTF-8 bytes, and stay generous for wide scripts.
    #[test]
    fn estimates_widths_by_character() {
        case("Golden", 30.0, 45.0);
        case("Rosalía", 35.0, 50.0);
        case("Beyoncé", width("Beyonce", 10.0), width("Beyonce", 10.0));
        case("골든", 20.0, 22.0);
        case("", 0.0, 0.0);
    }
}
