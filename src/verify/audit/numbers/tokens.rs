//! Text cut into tokens for finding numbers: words, digits with their separators and
//! suffixes ("12th", "1990s", "$18m"), names mixing letters and digits, spaces and marks.

use std::ops::Range;

/// One token of text.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Token {
    /// Letters (with inner hyphens: "twenty-one").
    Word,
    /// Digits with thousands separators and a decimal part, and an optional suffix:
    /// "18,000,000", "19.2", "12th", "1990s", "18m".
    Number {
        /// The value of the digits.
        value: f64,
        /// How many digits.
        digits: usize,
        /// Whether thousands separators are written.
        grouped: bool,
        /// What follows the digits.
        suffix: Suffix,
    },
    /// Letters and digits mixed ("2NE1", "mp3"): a name, never a number.
    Name,
    /// Spaces.
    Space,
    /// Any other character.
    Mark(char),
}

/// What follows a number's digits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Suffix {
    /// Nothing.
    None,
    /// `st`, `nd`, `rd`, `th`.
    Ordinal,
    /// `s` after a year or two digits (`1990s`, `90s`).
    Decade,
    /// `k`, `m`, `bn` after an amount (`$18m`).
    Scale(f64),
}

/// `text` as tokens, each with its byte range.
pub(super) fn tokenize(text: &str) -> Vec<(Range<usize>, Token)> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut previous: Option<char> = None;
    while let Some((start, c)) = chars.next() {
        let token = if c.is_ascii_digit() && !previous.is_some_and(char::is_alphanumeric) {
            let end = digits_end(text, start);
            while chars.peek().is_some_and(|&(i, _)| i < end) {
                chars.next();
            }
            let suffix_end = alnum_end(text, end);
            let token = number_token(&text[start..end], &text[end..suffix_end]);
            let end = if token == Token::Name || suffix_end > end {
                suffix_end
            } else {
                end
            };
            while chars.peek().is_some_and(|&(i, _)| i < end) {
                chars.next();
            }
            previous = text[..end].chars().next_back();
            tokens.push((start..end, token));
            continue;
        } else if c.is_alphanumeric() {
            let end = word_end(text, start);
            let glued = alnum_end(text, end);
            let end = glued.max(end);
            while chars.peek().is_some_and(|&(i, _)| i < end) {
                chars.next();
            }
            previous = text[..end].chars().next_back();
            let kind = if text[start..end].chars().any(|c| c.is_ascii_digit()) {
                Token::Name
            } else {
                Token::Word
            };
            tokens.push((start..end, kind));
            continue;
        } else if c.is_whitespace() {
            Token::Space
        } else {
            Token::Mark(c)
        };
        previous = Some(c);
        tokens.push((start..start + c.len_utf8(), token));
    }
    tokens
}

/// The end of digits with `,ddd` groups and a `.d` decimal part starting at `start`.
fn digits_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let run = |from: usize| {
        bytes[from..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .map_or(bytes.len(), |n| from + n)
    };
    let mut end = run(start);
    while bytes.get(end) == Some(&b',') && run(end + 1) == end + 4 {
        end += 4;
    }
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end = run(end + 1);
    }
    end
}

/// The end of letters and digits glued on at `start`.
fn alnum_end(text: &str, start: usize) -> usize {
    text[start..]
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(i, _)| start + i)
}

/// The end of a word: letters, with hyphens between letters.
fn word_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphabetic() {
            end = start + i + c.len_utf8();
        } else if c == '-' && chars.peek().is_some_and(|(_, n)| n.is_alphabetic()) {
            continue;
        } else {
            break;
        }
    }
    end
}

fn number_token(digits: &str, suffix: &str) -> Token {
    let clean: String = digits.chars().filter(|&c| c != ',').collect();
    let Ok(value) = clean.parse::<f64>() else {
        return Token::Name;
    };
    let suffix = match suffix {
        "" => Suffix::None,
        "st" | "nd" | "rd" | "th" if !digits.contains('.') => Suffix::Ordinal,
        "s" if digits.len() == 4 || digits.len() == 2 => Suffix::Decade,
        "k" | "K" => Suffix::Scale(1e3),
        "m" | "M" | "mn" => Suffix::Scale(1e6),
        "b" | "B" | "bn" => Suffix::Scale(1e9),
        _ => return Token::Name,
    };
    Token::Number {
        value,
        digits: clean.len(),
        grouped: digits.contains(','),
        suffix,
    }
}
