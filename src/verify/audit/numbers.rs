//! Finding numbers in text and normalising them to the value they state: "$18 million",
//! "18 million" and "18,000,000" are 18,000,000; "eight" is 8; "No. 2", "2nd" and
//! "second" are 2. Dates and years are found too, and told apart from quantities.

use std::ops::Range;

use super::words;

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

/// One token of text.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// Letters (with inner hyphens: "twenty-one").
    Word,
    /// Digits with thousands separators and a decimal part, and an optional suffix:
    /// "18,000,000", "19.2", "12th", "1990s", "18m".
    Number {
        value: f64,
        digits: usize,
        grouped: bool,
        suffix: Suffix,
    },
    /// Letters and digits mixed ("2NE1", "mp3"): a name, never a number.
    Name,
    /// Spaces.
    Space,
    /// Any other character.
    Mark(char),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Suffix {
    None,
    Ordinal,
    Decade,
    Scale(f64),
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

/// Every number in `text`, in order.
pub fn find(text: &str) -> Vec<Mention> {
    let tokens = tokenize(text);
    let mut found: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let (consumed, mention) = match &tokens[i].1 {
            Token::Number { .. } => number(text, &tokens, i, found.last()),
            Token::Word => word(text, &tokens, i),
            _ => (1, None),
        };
        found.extend(mention);
        i += consumed.max(1);
    }
    found
}

fn tokenize(text: &str) -> Vec<(Range<usize>, Token)> {
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
        let word = text[tokens[k + 1].0.clone()].to_lowercase();
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
    let lower = original.to_lowercase();
    let next_word = |k: usize| {
        (tokens.get(k).is_some_and(|(_, t)| *t == Token::Space)
            && tokens.get(k + 1).is_some_and(|(_, t)| *t == Token::Word))
        .then(|| text[tokens[k + 1].0.clone()].to_lowercase())
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
mod tests {
    use super::*;

    /// Each number of `text` as `(text, value, kind)`.
    fn numbers(text: &str) -> Vec<(String, f64, Kind)> {
        find(text)
            .into_iter()
            .map(|m| (text[m.range.clone()].to_string(), m.value, m.kind))
            .collect()
    }

    #[track_caller]
    fn case(text: &str, expected: &[(&str, f64, Kind)]) {
        let expected: Vec<(String, f64, Kind)> = expected
            .iter()
            .map(|(t, v, k)| ((*t).to_string(), *v, *k))
            .collect();
        assert_eq!(numbers(text), expected, "{text}");
    }

    use Kind::{Date, Quantity, Year};

    #[test]
    fn tells_ranks_counts_amounts_and_shares_apart() {
        let senses = |text: &str| find(text).into_iter().map(|m| m.sense).collect::<Vec<_>>();
        assert_eq!(
            senses("No. 2, second, 2nd, #2, two, twice, $2, 2%, 2 percent, 2"),
            [
                Sense::Rank,
                Sense::Rank,
                Sense::Rank,
                Sense::Rank,
                Sense::Count,
                Sense::Count,
                Sense::Money,
                Sense::Percent,
                Sense::Percent,
                Sense::Plain
            ]
        );
        assert!(Sense::Rank.agrees(Sense::Plain) && !Sense::Rank.agrees(Sense::Count));
    }

    #[test]
    fn normalises_money_scale_and_separators() {
        case("$18 million", &[("$18 million", 18e6, Quantity)]);
        case("18 million", &[("18 million", 18e6, Quantity)]);
        case("18,000,000 views", &[("18,000,000", 18e6, Quantity)]);
        case("$19.2 million", &[("$19.2 million", 19.2e6, Quantity)]);
        case(
            "$18m and £2bn",
            &[("$18m", 18e6, Quantity), ("£2bn", 2e9, Quantity)],
        );
        case(
            "up 21% or 21 percent",
            &[("21", 21.0, Quantity), ("21 percent", 21.0, Quantity)],
        );
        case(
            "1,2 and 1,234.5",
            &[
                ("1", 1.0, Quantity),
                ("2", 2.0, Quantity),
                ("1,234.5", 1234.5, Quantity),
            ],
        );
    }

    #[test]
    fn normalises_words_ordinals_and_positions() {
        case("eight weeks", &[("eight", 8.0, Quantity)]);
        case(
            "twenty-one and twenty one",
            &[
                ("twenty-one", 21.0, Quantity),
                ("twenty one", 21.0, Quantity),
            ],
        );
        case("three million views", &[("three million", 3e6, Quantity)]);
        case(
            "one million, but one song",
            &[("one million", 1e6, Quantity)],
        );
        case(
            "No. 2 and No.3 and #4",
            &[
                ("No. 2", 2.0, Quantity),
                ("No.3", 3.0, Quantity),
                ("#4", 4.0, Quantity),
            ],
        );
        case(
            "the second week, its 12th",
            &[("second", 2.0, Quantity), ("12th", 12.0, Quantity)],
        );
        case(
            "the first K-pop number one",
            &[("number one", 1.0, Quantity)],
        );
        case("topped it twice, not TWICE", &[("twice", 2.0, Quantity)]);
        case("second-hand, third-party", &[]);
        case("rising 2-1", &[("2", 2.0, Quantity), ("1", 1.0, Quantity)]);
    }

    #[test]
    fn tells_dates_and_years_from_quantities() {
        case(
            "Sept. 20, 2025",
            &[("20", 20.0, Date), ("2025", 2025.0, Year)],
        );
        case(
            "on July 3 and 4, 2025",
            &[("3", 3.0, Date), ("4", 4.0, Date), ("2025", 2025.0, Year)],
        );
        case("Aug. 22-24", &[("22", 22.0, Date), ("24", 24.0, Date)]);
        case(
            "5 January 2030",
            &[("5", 5.0, Date), ("2030", 2030.0, Year)],
        );
        case("Friday, October 31st", &[("31st", 31.0, Date)]);
        case("2025-07-05", &[("2025-07-05", 2025.0, Date)]);
        case(
            "the 1990s and mid-2025",
            &[("1990s", 1990.0, Year), ("2025", 2025.0, Year)],
        );
        case(
            "2,025 units and $2025",
            &[("2,025", 2025.0, Quantity), ("$2025", 2025.0, Quantity)],
        );
        case(
            "May 5 and 40 days",
            &[("5", 5.0, Date), ("40", 40.0, Quantity)],
        );
    }

    #[test]
    fn leaves_names_with_digits_alone() {
        case(
            "2NE1, U2, mp3, 3D and the top-10",
            &[("10", 10.0, Quantity)],
        );
    }
}
