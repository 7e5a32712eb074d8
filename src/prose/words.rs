//! Numbers written as words: cardinals ("eight", "twenty-one", "three million"),
//! ordinals ("second", "twelfth") and counts of times ("twice").

use std::sync::OnceLock;

/// Cardinals below twenty, from two. "one" is left out on purpose: it is far more often a
/// word ("one of", "no one") than a count, and is read only in "number one" and "one
/// million".
const UNITS: [(&str, u32); 19] = [
    ("zero", 0),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

const TENS: [(&str, u32); 8] = [
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Ordinals from "second"; "first" is left out, as "one" is ("at first", "first season").
const ORDINALS: [(&str, u32); 18] = [
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
];

const TENS_ORDINALS: [(&str, u32); 8] = [
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
];

/// The units of a compound such as "twenty-one" or "twenty-first".
const COMPOUND_UNITS: [(&str, &str, u32); 9] = [
    ("one", "first", 1),
    ("two", "second", 2),
    ("three", "third", 3),
    ("four", "fourth", 4),
    ("five", "fifth", 5),
    ("six", "sixth", 6),
    ("seven", "seventh", 7),
    ("eight", "eighth", 8),
    ("nine", "ninth", 9),
];

/// Words that multiply the number before them.
pub(super) const SCALES: [(&str, f64); 5] = [
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Ordinal compounds that are adjectives, not ranks.
const NOT_RANKS: [&str; 5] = [
    "second-hand",
    "second-guess",
    "second-rate",
    "second-class",
    "third-party",
];

/// The value of one word (lowercase, possibly hyphenated like "twenty-one"), if it is a
/// number word: cardinals, ordinals and "twice"/"thrice".
pub(super) fn value(word: &str) -> Option<u32> {
    if let Ok(i) = simple().binary_search_by(|(w, _)| (*w).cmp(word)) {
        return Some(simple()[i].1);
    }
    let (tens, unit) = word.split_once('-')?;
    let tens = TENS.iter().find(|(w, _)| *w == tens)?.1;
    let unit = COMPOUND_UNITS
        .iter()
        .find(|(cardinal, ordinal, _)| *cardinal == unit || *ordinal == unit)?
        .2;
    Some(tens + unit)
}

/// Every number word that is one word, sorted for a binary search: the audit looks up
/// every word of the text.
fn simple() -> &'static [(&'static str, u32)] {
    static SIMPLE: OnceLock<Vec<(&'static str, u32)>> = OnceLock::new();
    SIMPLE.get_or_init(|| {
        let mut all: Vec<(&str, u32)> = [&UNITS[..], &TENS, &ORDINALS, &TENS_ORDINALS]
            .concat()
            .into_iter()
            .chain([("twice", 2), ("thrice", 3)])
            .collect();
        all.sort_unstable();
        all
    })
}

/// Whether a number word is an ordinal ("second", "twenty-first").
pub(super) fn is_ordinal(word: &str) -> bool {
    let last = word.rsplit('-').next().unwrap_or(word);
    ORDINALS.iter().any(|(w, _)| *w == last)
        || TENS_ORDINALS.iter().any(|(w, _)| *w == last)
        || last == "first" && word.contains('-')
}

/// The value of a cardinal from one to nine, the second word of "twenty one".
pub(super) fn unit(word: &str) -> Option<u32> {
    COMPOUND_UNITS
        .iter()
        .find(|(cardinal, _, _)| *cardinal == word)
        .map(|(_, _, v)| *v)
}

/// Whether a hyphenated word is an adjective built on an ordinal ("second-hand").
pub(super) fn not_a_rank(word: &str) -> bool {
    NOT_RANKS.contains(&word)
}

/// The factor of a scale word ("million"), if it is one.
pub(super) fn scale(word: &str) -> Option<f64> {
    SCALES.iter().find(|(w, _)| *w == word).map(|(_, f)| *f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cardinals_ordinals_and_compounds() {
        for (word, expected) in [
            ("two", Some(2)),
            ("eight", Some(8)),
            ("nineteen", Some(19)),
            ("twenty", Some(20)),
            ("twenty-one", Some(21)),
            ("ninety-nine", Some(99)),
            ("second", Some(2)),
            ("twelfth", Some(12)),
            ("twentieth", Some(20)),
            ("twenty-first", Some(21)),
            ("twice", Some(2)),
            ("zero", Some(0)),
            ("one", None),
            ("first", None),
            ("once", None),
            ("twenty-ten", None),
            ("tenfold", None),
        ] {
            assert_eq!(value(word), expected, "{word}");
        }
        assert_eq!(scale("million"), Some(1e6));
        assert!(not_a_rank("second-hand") && !not_a_rank("second-largest"));
    }
}
