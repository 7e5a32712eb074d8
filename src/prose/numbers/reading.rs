//! Reading one number where the scan found it: the token, a currency or "No." before it, a
//! scale word or unit after it, the month that makes it a day, number words with their
//! compounds.

use std::ops::Range;

use super::tokens::{Suffix, Token};
use super::*;

/// A number token at `i` and what surrounds it: a currency or "No." before, a scale word
/// or "percent" after, a month that makes it a day. Returns the tokens consumed.
pub(super) fn number(
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
pub(super) fn word(
    text: &str,
    tokens: &[(Range<usize>, Token)],
    i: usize,
) -> (usize, Option<Mention>) {
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
