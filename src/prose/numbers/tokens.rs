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
    let mut tokens = Vec::with_capacity(text.len() / 3);
    let mut pos = 0;
    let mut after_alnum = false;
    while let Some(c) = text[pos..].chars().next() {
        let start = pos;
        let (end, token) = if c.is_ascii_digit() && !after_alnum {
            let digits = digits_end(text, start);
            let suffix_end = alnum_end(text, digits);
            let token = number_token(&text[start..digits], &text[digits..suffix_end]);
            (suffix_end, token)
        } else if c.is_alphanumeric() {
            let end = alnum_end(text, word_end(text, start));
            let kind = if text[start..end].bytes().any(|b| b.is_ascii_digit()) {
                Token::Name
            } else {
                Token::Word
            };
            (end, kind)
        } else if c.is_whitespace() {
            (start + c.len_utf8(), Token::Space)
        } else {
            (start + c.len_utf8(), Token::Mark(c))
        };
        after_alnum = matches!(token, Token::Word | Token::Name | Token::Number { .. });
        tokens.push((start..end, token));
        pos = end;
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
    let bytes = text.as_bytes();
    let mut end = start;
    while end < bytes.len() {
        if bytes[end].is_ascii_alphanumeric() {
            end += 1;
        } else if bytes[end].is_ascii() {
            break;
        } else {
            match text[end..].chars().next() {
                Some(c) if c.is_alphanumeric() => end += c.len_utf8(),
                _ => break,
            }
        }
    }
    end
}

/// The end of a word: letters, with hyphens between letters.
pub(super) fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    loop {
        // ASCII letters first, eight at a time: most text is ASCII.
        end = super::letters_end(bytes, end);
        match bytes.get(end) {
            Some(b'-') if end > start && letter_len(text, end + 1) > 0 => end += 1,
            Some(b) if !b.is_ascii() => match letter_len(text, end) {
                0 => return end,
                n => end += n,
            },
            _ => return end,
        }
    }
}

/// The length in bytes of the letter at `i`, or 0.
fn letter_len(text: &str, i: usize) -> usize {
    text.get(i..)
        .and_then(|rest| rest.chars().next())
        .filter(|c| c.is_alphabetic())
        .map_or(0, char::len_utf8)
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
