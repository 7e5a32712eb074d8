//! Finding numbers in text and normalising them to the value they state: "$18 million",
//! "18 million" and "18,000,000" are 18,000,000; "eight" is 8; "No. 2", "2nd" and
//! "second" are 2. Dates and years are found too, and told apart from quantities.

use std::ops::Range;

use super::words;
use reading::{number, word};
use tokens::{Token, tokenize};

mod reading;
mod tokens;

/// A number found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Its byte range, prefix and scale included ("$18 million", "No. 2").
    pub range: Range<usize>,
    /// The value it states.
    pub value: f64,
    /// What kind of number it is.
    pub kind: Kind,
    /// What a quantity counts, as far as its wording says.
    pub sense: Sense,
}

/// What a quantity is, as far as its wording says: "No. 2" and "second" are ranks, "two"
/// is a count, "$2" an amount; a bare "2" could be any of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sense {
    /// Digits alone.
    Plain,
    /// "No. 2", "#2", "2nd", "second".
    Rank,
    /// "two", "twice".
    Count,
    /// "$2 million".
    Money,
    /// "21%", "21 percent".
    Percent,
}

impl Sense {
    /// Whether two numbers may state the same thing: the same sense, or a bare number.
    pub fn agrees(self, other: Self) -> bool {
        self == other || self == Self::Plain || other == Self::Plain
    }
}

/// Whether a number states a quantity or a point in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A count, position, amount or share.
    Quantity,
    /// A day of a month ("Sept. 20", "July 3 and 4") or an ISO date.
    Date,
    /// A year (1900 to 2099, written without a thousands separator) or a decade ("1990s").
    Year,
}

const MONTHS: [&str; 24] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

const CURRENCIES: [char; 5] = ['$', '£', '€', '¥', '₩'];

/// How far before a candidate the words that qualify it are looked for, in bytes: the
/// window then widens to the start of the word it falls in, so "September. 20", "US$18"
/// and "No. 2" are whole.
const BEFORE: usize = 4;
/// How far after a candidate its scale or unit is looked for ("hundred million",
/// "percent", the rest of "2025-07-05"), in bytes, widened to the end of a word.
const AFTER: usize = 32;

/// Every number in `text`, in order. Only the places a number can start are read, each
/// with the few words around it.
pub fn find(text: &str) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    let mut pos = 0;
    while let Some(start) = candidate(text, pos) {
        let mut from = word_start(text, start.saturating_sub(BEFORE));
        // A day just before ("July 3 and 4") belongs in the window, for the continuation.
        if let Some(last) = found
            .last()
            .filter(|m| start - m.range.end.min(start) <= 12)
        {
            from = from.min(last.range.end);
        }
        let to = word_end(text, start + AFTER);
        let tokens = tokenize(&text[from..to]);
        let Some(i) = tokens.iter().position(|(r, _)| r.start == start - from) else {
            pos = start + 1;
            continue;
        };
        // The mention before, as the window sees it, for "July 3 and 4".
        let previous = found
            .last()
            .filter(|m| m.range.end >= from)
            .map(|m| Mention {
                range: m.range.start.saturating_sub(from)..m.range.end - from,
                ..m.clone()
            });
        let window = &text[from..to];
        let (consumed, mention) = match &tokens[i].1 {
            Token::Number { .. } => number(window, &tokens, i, previous.as_ref()),
            Token::Word => word(window, &tokens, i),
            _ => (1, None),
        };
        let last = tokens[(i + consumed.max(1)).min(tokens.len()) - 1].0.end;
        pos = from + last.max(tokens[i].0.end);
        found.extend(mention.map(|m| Mention {
            range: m.range.start + from..m.range.end + from,
            ..m
        }));
    }
    found
}

/// Where the next number may start at or after `pos`: digits not glued to letters before
/// them, or a word that may be a number word. Every word of every page passes here, so
/// most are ruled out by their first two letters before anything else is done.
fn candidate(text: &str, mut pos: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut after_letter = text[..pos]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    while let Some(&byte) = bytes.get(pos) {
        if byte.is_ascii_alphabetic() {
            let start = pos;
            pos = letters_end(bytes, pos + 1);
            if !after_letter && number_pair(bytes, start) {
                let end = tokens::word_end(text, start);
                if maybe_number_word(&text[start..end], &text[end..]) {
                    return Some(start);
                }
                pos = pos.max(end);
            }
            after_letter = true;
        } else if byte.is_ascii_digit() {
            if !after_letter {
                return Some(pos);
            }
            pos += 1;
        } else if byte.is_ascii() {
            after_letter = false;
            pos += 1;
        } else {
            let c = text[pos..].chars().next().unwrap_or(' ');
            after_letter = c.is_alphanumeric();
            pos += c.len_utf8();
        }
    }
    None
}

/// The end of the run of ASCII letters at `pos` (`pos` itself if there is none), read
/// eight bytes at a time: every word of every page passes here.
fn letters_end(bytes: &[u8], mut pos: usize) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    const LOW7: u64 = ONES * 0x7F;
    while let Some(chunk) = bytes.get(pos..pos + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        // Folded to lower case, a letter is a byte strictly between 0x60 and 0x7B. The high
        // bit of each byte of `letters` says so, bytes of 0x80 and more excluded ("hasbetween"
        // of Bit Twiddling Hacks; no byte's sum or difference reaches into the next).
        let x = u64::from_le_bytes(eight) | (ONES * 0x20);
        let low = x & LOW7;
        let letters =
            (ONES * (127 + 0x7B)).wrapping_sub(low) & !x & (low + ONES * (127 - 0x60)) & HIGH;
        let others = !letters & HIGH;
        if others != 0 {
            return pos + (others.trailing_zeros() / 8) as usize;
        }
        pos += 8;
    }
    while bytes.get(pos).is_some_and(u8::is_ascii_alphabetic) {
        pos += 1;
    }
    pos
}

/// Whether the two letters at `pos` can begin a number word or "number": ze, tw, th, fo,
/// fi, si, se, ei, ni, te, el, nu, on.
fn number_pair(bytes: &[u8], pos: usize) -> bool {
    let Some(second) = bytes.get(pos + 1) else {
        return false;
    };
    matches!(
        [bytes[pos].to_ascii_lowercase(), second.to_ascii_lowercase()],
        [b'z', b'e']
            | [b't', b'w' | b'h' | b'e']
            | [b'f', b'o' | b'i']
            | [b's', b'i' | b'e']
            | [b'e', b'i' | b'l']
            | [b'n', b'i' | b'u']
            | [b'o', b'n']
    )
}

/// Whether a word could be read as a number (a number word, "number one", "one million").
fn maybe_number_word(word: &str, after: &str) -> bool {
    let bytes = word.as_bytes();
    if bytes.len() < 3 || bytes.len() > 16 || !word.is_ascii() {
        return false;
    }
    // Most words are ruled out by their first two letters and their length: every number
    // word, and "number", starts with one of these pairs.
    let lengths = match [bytes[0].to_ascii_lowercase(), bytes[1].to_ascii_lowercase()] {
        [b'z', b'e'] => 4..=4,
        [b't', b'w'] | [b's', b'i'] => 3..=14,
        [b't', b'h'] => 5..=14,
        [b'f', b'o'] | [b'f', b'i'] | [b'n', b'i'] => 4..=14,
        [b's', b'e'] => 5..=16,
        [b'e', b'i'] => 5..=14,
        [b't', b'e'] => 3..=5,
        [b'e', b'l'] => 6..=9,
        [b'n', b'u'] => 6..=10,
        [b'o', b'n'] => 3..=3,
        _ => return false,
    };
    if !lengths.contains(&bytes.len()) {
        return false;
    }
    let mut buffer = [0u8; 16];
    let lower = &mut buffer[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).unwrap_or_default();
    match lower {
        // "number" only counts in "number one".
        "number" => {
            let next = after.trim_start();
            next.len() < after.len()
                && next.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("one"))
                && !next[3..].starts_with(|c: char| c.is_alphanumeric())
        }
        "number-one" | "one" => true,
        _ => words::value(lower).is_some(),
    }
}

/// The start of the word around `i` (or `i` itself), on a character boundary.
fn word_start(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    while let Some(c) = text[..i]
        .chars()
        .next_back()
        .filter(|c| c.is_alphanumeric())
    {
        i -= c.len_utf8();
    }
    i
}

/// The end of the word around `i` (or `i` itself), on a character boundary.
fn word_end(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i += 1;
    }
    while let Some(c) = text[i..].chars().next().filter(|c| c.is_alphanumeric()) {
        i += c.len_utf8();
    }
    i
}

#[cfg(test)]
mod tests;
