//! The numbers a page writes, in one canonical form, so that a number cited from a source
//! can be looked up in the source's fetched text however the page punctuates it:
//! `1,234,567`, `1 234 567`, `1.234.567`, `19,2`, `19.2 million`.

use std::collections::HashSet;

/// Characters that group digits or mark decimals between two digits.
const SEPARATORS: &[char] = &[',', '.', '\'', '’', '\u{A0}', '\u{202F}', '\u{2009}'];

/// Scale words after a number, and the power of ten each stands for.
const SCALES: &[(&str, usize)] = &[("thousand", 3), ("million", 6), ("billion", 9)];

/// The canonical form of a number written the English way (`1,234.50` is `1234.5`,
/// `007` is `7`), or `None` when `number` is not one.
pub fn canonical(number: &str) -> Option<String> {
    let number = number.trim();
    match tokens(number).as_slice() {
        [(token, end)]
            if *end == number.len() && number.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            english(token)
        }
        _ => None,
    }
}

/// Every number in `text`, canonical. A number whose separators read two ways (`1.234`,
/// `1,5`) is there in both readings; one followed by "thousand", "million" or "billion"
/// is also there multiplied out (`19.2 million` gives `19.2` and `19200000`).
pub fn numbers(text: &str) -> HashSet<String> {
    let mut found = HashSet::new();
    for (token, end) in tokens(text) {
        let readings: Vec<String> = [english(&token), european(&token)]
            .into_iter()
            .flatten()
            .collect();
        if readings.is_empty() {
            // Not one number (a date such as 2025.08.16, a list 1,2,3): each run of digits.
            found.extend(token.split(SEPARATORS).map(|digits| trim(digits, "")));
            continue;
        }
        let scale = scale_after(&text[end..]);
        for reading in readings {
            if let Some(power) = scale {
                found.insert(shift(&reading, power));
            }
            found.insert(reading);
        }
    }
    found
}

/// Runs of digits joined by single separators, with the byte offset where each ends.
/// Full-width digits count as digits.
fn tokens(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        let Some(digit) = ascii_digit(c) else {
            continue;
        };
        let mut token = String::from(digit);
        let mut end = text.len();
        while let Some(&(at, next)) = chars.peek() {
            if let Some(digit) = ascii_digit(next) {
                token.push(digit);
                chars.next();
            } else if SEPARATORS.contains(&next)
                && text[at + next.len_utf8()..]
                    .chars()
                    .next()
                    .and_then(ascii_digit)
                    .is_some()
            {
                token.push(next);
                chars.next();
            } else {
                end = at;
                break;
            }
        }
        out.push((token, end));
    }
    out
}

fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(u32::from(c) - 0xFEE0),
        _ => None,
    }
}

/// `1,234.5`: `,`, spaces and apostrophes group thousands, one `.` marks decimals.
fn english(token: &str) -> Option<String> {
    reading(token, '.')
}

/// `1.234,5`: `.`, spaces and apostrophes group thousands, one `,` marks decimals.
fn european(token: &str) -> Option<String> {
    reading(token, ',')
}

fn reading(token: &str, decimal: char) -> Option<String> {
    let (whole, fraction) = match token.split_once(decimal) {
        Some((whole, fraction)) => (whole, fraction),
        None => (token, ""),
    };
    if !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let groups: Vec<&str> = whole.split(SEPARATORS).collect();
    let grouped = groups.len() > 1;
    let valid =
        !grouped || (groups[0].len() <= 3 && groups[1..].iter().all(|group| group.len() == 3));
    valid.then(|| trim(&groups.concat(), fraction))
}

/// Leading zeros of the whole part and trailing zeros of the fraction dropped.
fn trim(whole: &str, fraction: &str) -> String {
    let whole = whole.trim_start_matches('0');
    let fraction = fraction.trim_end_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    if fraction.is_empty() {
        whole.to_string()
    } else {
        format!("{whole}.{fraction}")
    }
}

/// The power of ten of a scale word starting `rest` (after spaces).
fn scale_after(rest: &str) -> Option<usize> {
    let word: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    SCALES
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, power)| power)
}

/// A canonical number times ten to the `power`.
fn shift(number: &str, power: usize) -> String {
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if fraction.len() <= power {
        let zeros = "0".repeat(power - fraction.len());
        trim(&format!("{whole}{fraction}{zeros}"), "")
    } else {
        trim(
            &format!("{whole}{}", &fraction[..power]),
            &fraction[power..],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn has(text: &str, expected: &[&str]) {
        let found = numbers(text);
        for number in expected {
            assert!(
                found.contains(*number),
                "{text:?} gives {found:?}, not {number}"
            );
        }
    }

    #[test]
    fn reads_numbers_however_they_are_grouped() {
        has("It sold 1,234,567 copies", &["1234567"]);
        has(
            "vendió 1.234.567 copias, 19,2 millones",
            &["1234567", "19.2"],
        );
        has("1\u{202F}234 and 1\u{A0}000\u{A0}000", &["1234", "1000000"]);
        has("No. 1 for 17 weeks; ranked 08.", &["1", "17", "8"]);
        has("１７週連続", &["17"]);
        has("grew 1.50%.", &["1.5"]);
    }

    #[test]
    fn keeps_both_readings_of_an_ambiguous_number() {
        has("1.234", &["1.234", "1234"]);
        has("1,5", &["1.5"]);
    }

    #[test]
    fn multiplies_out_scale_words() {
        has("$19.2 million in ticket sales", &["19.2", "19200000"]);
        has("266 Million views", &["266", "266000000"]);
        has("1.23456 billion", &["1234560000"]);
        has("2.5 thousand", &["2500"]);
        assert_eq!(shift("1.23456789", 6), "1234567.89");
    }

    #[test]
    fn splits_what_is_not_one_number() {
        has("on 2025.08.16, 1,2,3", &["2025", "8", "16", "1", "2", "3"]);
        assert!(!numbers("2025").contains("202"));
        assert!(!numbers("12,100").contains("100"));
    }

    #[test]
    fn canonical_queries() {
        assert_eq!(canonical("1,234.50").as_deref(), Some("1234.5"));
        assert_eq!(canonical(" 19.2 ").as_deref(), Some("19.2"));
        assert_eq!(canonical("0.0").as_deref(), Some("0"));
        assert_eq!(canonical("12,34"), None);
        assert_eq!(canonical("12 apples"), None);
        assert_eq!(canonical(""), None);
    }
}
