//! How numbers are written in prose: `8`, `eight`, `8th`, `1,500`, dates, and scaled
//! figures such as "19.2 million".

use crate::data::stats::Value;
pub use crate::prose::digits::thousands;

/// How a number is written in prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Style {
    /// `8`, `266,000,000`, `August 16, 2025`.
    #[default]
    Plain,
    /// `eight` (zero to twenty).
    Word,
    /// `Eight`, to start a sentence.
    CapitalWord,
    /// `8th`.
    Ordinal,
    /// `eighth` (first to twentieth).
    OrdinalWord,
    /// `2025-08-16`.
    Iso,
}

impl Style {
    /// Parses a `style` argument.
    pub fn parse(text: &str) -> Result<Self, String> {
        match text {
            "plain" => Ok(Self::Plain),
            "word" => Ok(Self::Word),
            "Word" => Ok(Self::CapitalWord),
            "ordinal" => Ok(Self::Ordinal),
            "ordinal-word" => Ok(Self::OrdinalWord),
            "iso" => Ok(Self::Iso),
            _ => Err(format!(
                "unknown style `{text}` (styles: plain, word, Word, ordinal, ordinal-word, iso)"
            )),
        }
    }
}

const WORDS: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

const ORDINAL_WORDS: [&str; 21] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// Writes a value for prose in a style.
pub fn format(value: Value, style: Style) -> Result<String, String> {
    match (value, style) {
        (Value::Int(n), Style::Plain) => Ok(thousands(n)),
        (Value::Int(n), Style::Word) => small(n).map(|i| WORDS[i].to_string()),
        (Value::Int(n), Style::CapitalWord) => small(n).map(|i| capitalize(WORDS[i])),
        (Value::Int(n), Style::OrdinalWord) => small(n).map(|i| ORDINAL_WORDS[i].to_string()),
        (Value::Int(n), Style::Ordinal) => Ok(ordinal(n)),
        (Value::Date(d), Style::Plain) => Ok(d.long()),
        (Value::Date(d), Style::Iso) => Ok(d.iso()),
        (Value::Off, Style::Plain) => Ok("off the chart".to_string()),
        (value, style) => Err(format!("style {style:?} does not apply to {value}")),
    }
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn small(n: i64) -> Result<usize, String> {
    usize::try_from(n)
        .ok()
        .filter(|&i| i < WORDS.len())
        .ok_or_else(|| format!("{n} is too large to write in words (up to twenty)"))
}

fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A `scale` argument: `thousand`, `million` or `billion`.
pub fn scale_factor(scale: &str) -> Result<i64, String> {
    match scale {
        "thousand" => Ok(1_000),
        "million" => Ok(1_000_000),
        "billion" => Ok(1_000_000_000),
        _ => Err(format!(
            "unknown scale `{scale}` (scales: thousand, million, billion)"
        )),
    }
}

/// A written decimal (`19.2`) times a scale, exactly; `None` if it is not a whole number.
pub fn scaled(decimal: &str, factor: i64) -> Option<i64> {
    let (whole, fraction) = decimal.split_once('.').unwrap_or((decimal, ""));
    let negative = whole.starts_with('-');
    let whole: i64 = whole.trim_start_matches('-').parse().ok()?;
    let mut fraction_value: i64 = 0;
    let mut unit = factor;
    for digit in fraction.chars() {
        if unit % 10 != 0 {
            return None;
        }
        unit /= 10;
        fraction_value += i64::from(digit.to_digit(10)?) * unit;
    }
    let value = whole.checked_mul(factor)?.checked_add(fraction_value)?;
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::date::Date;

    #[test]
    fn formats_numbers_for_prose() {
        assert_eq!(format(Value::Int(8), Style::Plain).unwrap(), "8");
        assert_eq!(
            format(Value::Int(266_000_000), Style::Plain).unwrap(),
            "266,000,000"
        );
        assert_eq!(format(Value::Int(1700), Style::Plain).unwrap(), "1,700");
        assert_eq!(format(Value::Int(999), Style::Plain).unwrap(), "999");
        assert_eq!(format(Value::Int(8), Style::Word).unwrap(), "eight");
        assert_eq!(format(Value::Int(9), Style::CapitalWord).unwrap(), "Nine");
        assert_eq!(
            format(Value::Int(13), Style::OrdinalWord).unwrap(),
            "thirteenth"
        );
        for (n, text) in [
            (1, "1st"),
            (2, "2nd"),
            (3, "3rd"),
            (11, "11th"),
            (12, "12th"),
            (22, "22nd"),
            (103, "103rd"),
        ] {
            assert_eq!(format(Value::Int(n), Style::Ordinal).unwrap(), text);
        }
        assert!(format(Value::Int(21), Style::Word).is_err());
        let date = Date::parse("2025-08-16").unwrap();
        assert_eq!(
            format(Value::Date(date), Style::Plain).unwrap(),
            "August 16, 2025"
        );
        assert_eq!(format(Value::Off, Style::Plain).unwrap(), "off the chart");
    }

    #[test]
    fn scales_decimals_exactly() {
        assert_eq!(scaled("19.2", 1_000_000), Some(19_200_000));
        assert_eq!(scaled("291.5", 1_000_000), Some(291_500_000));
        assert_eq!(scaled("18", 1_000_000), Some(18_000_000));
        assert_eq!(scaled("0.0001", 1_000), None);
        assert_eq!(scaled("1.x", 1_000), None);
    }
}
