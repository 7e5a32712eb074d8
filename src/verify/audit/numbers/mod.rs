//! Finding numbers in text and normalising them to the value they state: "$18 million",
//! "18 million" and "18,000,000" are 18,000,000; "eight" is 8; "No. 2", "2nd" and
//! "second" are 2. Dates and years are found too, and told apart from quantities.

use std::ops::Range;

use super::words;
use tokens::{Suffix, Token, tokenize};

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
            pos += 1;
            while bytes.get(pos).is_some_and(u8::is_ascii_alphabetic) {
                pos += 1;
            }
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

/// A number token at `i` and what surrounds it: a currency or "No." before, a scale word
/// or "percent" after, a month that makes it a day. Returns the tokens consumed.
fn number(
    text: &str,
    tokens: &[(Range<usize>, Token)],
    i: usize,
    previous: Option<&Mention>,
) -> (usize, Option<Mention>) {
    let Token::Number {
        value,
        digits,
        grouped,
        suffix,
    } = tokens[i].1
    else {
        return (1, None);
    };
    if let Some(end) = iso_date(text, tokens, i) {
        return (
            5,
            Some(Mention {
                range: tokens[i].0.start..end,
                value,
                kind: Kind::Date,
                sense: Sense::Plain,
            }),
        );
    }
    let mut start = tokens[i].0.start;
    let mut end = tokens[i].0.end;
    let money = i > 0 && matches!(tokens[i - 1].1, Token::Mark(c) if CURRENCIES.contains(&c));
    if money {
        start = tokens[i - 1].0.start;
    }
    let rank = rank_before(text, tokens, i);
    if let Some(rank_start) = rank {
        start = rank_start;
    }
    let mut value = value;
    let mut consumed = 1;
    let mut scaled = false;
    match suffix {
        Suffix::Scale(factor) if money => {
            value *= factor;
            scaled = true;
        }
        Suffix::Scale(_) => return (1, None),
        _ => {}
    }
    if let Some((factor, after)) = scale_after(text, tokens, i + 1) {
        value *= factor;
        end = tokens[after - 1].0.end;
        consumed = after - i;
        scaled = true;
    }
    let percent = matches!(tokens.get(i + 1), Some((_, Token::Mark('%'))))
        || text[tokens[i].0.end..end].ends_with("percent");
    let plain = !money && !scaled && !percent && rank.is_none() && !grouped;
    let whole = value.fract() == 0.0;
    let year = plain && whole && digits == 4 && (1900.0..=2099.0).contains(&value);
    let kind = if suffix == Suffix::Decade || year {
        Kind::Year
    } else if plain && whole && (1.0..=31.0).contains(&value) && is_day(text, tokens, i, previous) {
        Kind::Date
    } else {
        Kind::Quantity
    };
    let sense = if money {
        Sense::Money
    } else if percent {
        Sense::Percent
    } else if rank.is_some() || suffix == Suffix::Ordinal {
        Sense::Rank
    } else {
        Sense::Plain
    };
    (
        consumed,
        Some(Mention {
            range: start..end,
            value,
            kind,
            sense,
        }),
    )
}

/// `2025-07-05`: returns the end of the date.
fn iso_date(text: &str, tokens: &[(Range<usize>, Token)], i: usize) -> Option<usize> {
    let part = |k: usize, len: usize| {
        tokens.get(k).is_some_and(|(r, t)| {
            matches!(
                t,
                Token::Number {
                    suffix: Suffix::None,
                    grouped: false,
                    ..
                }
            ) && r.len() == len
                && text[r.clone()].bytes().all(|b| b.is_ascii_digit())
        })
    };
    let dash = |k: usize| matches!(tokens.get(k), Some((_, Token::Mark('-'))));
    (part(i, 4) && dash(i + 1) && part(i + 2, 2) && dash(i + 3) && part(i + 4, 2))
        .then(|| tokens[i + 4].0.end)
}

/// "No. 2", "No 2", "#2": where the prefix starts.
fn rank_before(text: &str, tokens: &[(Range<usize>, Token)], i: usize) -> Option<usize> {
    let mut k = i.checked_sub(1)?;
    if matches!(tokens[k].1, Token::Mark('#')) {
        return Some(tokens[k].0.start);
    }
    if tokens[k].1 == Token::Space {
        k = k.checked_sub(1)?;
    }
    if matches!(tokens[k].1, Token::Mark('.')) {
        k = k.checked_sub(1)?;
    }
    let word = &text[tokens[k].0.clone()];
    (tokens[k].1 == Token::Word && matches!(word, "No" | "no" | "Nos" | "nos" | "NO"))
        .then(|| tokens[k].0.start)
}

/// A scale word after the number ("18 million", "two hundred million"): its factor and the
/// index after it.
fn scale_after(text: &str, tokens: &[(Range<usize>, Token)], mut k: usize) -> Option<(f64, usize)> {
    let mut factor = 1.0;
    let mut found = None;
    while tokens.get(k).is_some_and(|(_, t)| *t == Token::Space)
        && tokens.get(k + 1).is_some_and(|(_, t)| *t == Token::Word)
    {
        let word = text[tokens[k + 1].0.clone()].to_ascii_lowercase();
        if let Some(f) = words::scale(&word) {
            factor *= f;
            k += 2;
            found = Some((factor, k));
        } else if word == "percent" {
            k += 2;
            found = Some((factor, k));
            break;
        } else {
            break;
        }
    }
    found
}

/// Whether the number at `i` is a day of a month: a month name before it ("Sept. 20") or
/// after it ("20 September"), or a day continuing one just before ("July 3 and 4").
fn is_day(
    text: &str,
    tokens: &[(Range<usize>, Token)],
    i: usize,
    previous: Option<&Mention>,
) -> bool {
    let month = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|(r, t)| *t == Token::Word && MONTHS.contains(&&text[r.clone()]))
    };
    let mut k = i;
    let mut steps = 0;
    while k > 0 && steps < 3 {
        k -= 1;
        steps += 1;
        match tokens[k].1 {
            Token::Space | Token::Mark('.') => {}
            Token::Word if month(k) => return true,
            _ => break,
        }
    }
    if tokens.get(i + 1).is_some_and(|(_, t)| *t == Token::Space) && month(i + 2) {
        return true;
    }
    let Some(previous) = previous.filter(|p| p.kind == Kind::Date) else {
        return false;
    };
    let between = text[previous.range.end..tokens[i].0.start].trim();
    matches!(
        between,
        "and" | "to" | "through" | "or" | "-" | "–" | "—" | "&"
    )
}

/// A number word at `i`, with a scale after it or a tens-units compound written with a
/// space ("twenty one"). Returns the tokens consumed.
fn word(text: &str, tokens: &[(Range<usize>, Token)], i: usize) -> (usize, Option<Mention>) {
    let range = tokens[i].0.clone();
    let original = &text[range.clone()];
    // Most words cannot be numbers: every number word, and "number", starts with one of
    // these letters and is short.
    let first = original.as_bytes()[0].to_ascii_lowercase();
    if original.len() > 16 || !b"eftnosz".contains(&first) {
        return (1, None);
    }
    let lower = original.to_ascii_lowercase();
    let next_word = |k: usize| {
        (tokens.get(k).is_some_and(|(_, t)| *t == Token::Space)
            && tokens.get(k + 1).is_some_and(|(_, t)| *t == Token::Word))
        .then(|| text[tokens[k + 1].0.clone()].to_ascii_lowercase())
    };
    if lower == "number-one" {
        return (
            1,
            Some(Mention {
                range,
                value: 1.0,
                kind: Kind::Quantity,
                sense: Sense::Rank,
            }),
        );
    }
    if lower == "number" && next_word(i + 1).as_deref() == Some("one") {
        let end = tokens[i + 2].0.end;
        return (
            3,
            Some(Mention {
                range: range.start..end,
                value: 1.0,
                kind: Kind::Quantity,
                sense: Sense::Rank,
            }),
        );
    }
    // An all-capitals number word is a name (the group TWICE), not a count.
    let capitals = original.chars().count() > 1 && original.chars().all(|c| c.is_uppercase());
    let value = match lower.as_str() {
        "one" if next_word(i + 1).is_some_and(|w| words::scale(&w).is_some()) => Some(1),
        _ if capitals || words::not_a_rank(&lower) => None,
        _ => words::value(&lower),
    };
    let Some(mut value) = value.map(f64::from) else {
        return (1, None);
    };
    let mut consumed = 1;
    let mut end = range.end;
    if value >= 20.0
        && value % 10.0 == 0.0
        && let Some(unit) = next_word(i + 1).and_then(|w| words::unit(&w))
    {
        value += f64::from(unit);
        consumed = 3;
        end = tokens[i + 2].0.end;
    }
    if let Some((factor, after)) = scale_after(text, tokens, i + consumed) {
        value *= factor;
        end = tokens[after - 1].0.end;
        consumed = after - i;
    }
    let sense = if words::is_ordinal(&lower) {
        Sense::Rank
    } else {
        Sense::Count
    };
    (
        consumed,
        Some(Mention {
            range: range.start..end,
            value,
            kind: Kind::Quantity,
            sense,
        }),
    )
}

#[cfg(test)]
mod tests;
