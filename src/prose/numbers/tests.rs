//! Tests of finding numbers and normalising them.

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

proptest::proptest! {
    // The eight-at-a-time scan stops where a byte-by-byte one does: at the first byte that
    // is not an ASCII letter, with the bytes that fold next to letters (`@`, `[`, `` ` ``,
    // `{`) and every byte of 0x80 and more among the candidates.
    #[test]
    fn letters_end_stops_at_the_first_byte_that_is_not_a_letter(
        bytes in proptest::collection::vec(
            proptest::prop_oneof![
                4 => b'a'..=b'z',
                4 => b'A'..=b'Z',
                1 => proptest::sample::select(vec![b'@', b'[', b'`', b'{', b' ', b'0', b'9', 0x7F, 0x80, 0xC1, 0xE1, 0xFA, 0xFF]),
                1 => proptest::num::u8::ANY,
            ],
            0..40,
        ),
        start in 0usize..40,
    ) {
        let start = start.min(bytes.len());
        let mut expected = start;
        while bytes.get(expected).is_some_and(u8::is_ascii_alphabetic) {
            expected += 1;
        }
        proptest::prop_assert_eq!(letters_end(&bytes, start), expected);
    }
}
