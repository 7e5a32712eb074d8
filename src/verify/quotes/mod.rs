//! Whether sources still say what the site quotes them as saying: the readable text of a
//! fetched page, folding for matching, finding each quote (and the nearest passage when it
//! is gone), the numbers a page writes, and the verdict for each source. Pure: the pages
//! are fetched by `load::web`.

mod find;
mod normalise;
mod numbers;
mod verdict;

use std::collections::{HashMap, HashSet};

use crate::content::date::Date;

pub use find::{Found, Missing, Page, Passage};
pub use normalise::fold;
pub use numbers::canonical;
pub use verdict::{Reading, Status, Verdict, judge, read, status_text};

/// The numbers each source's fetched page writes, by source id: what the number audit
/// asks to confirm a cited number.
#[derive(Debug, Clone, Default)]
pub struct SourceTexts {
    numbers: HashMap<String, HashSet<String>>,
}

impl SourceTexts {
    /// Records the readable text fetched for a source (called again for the same id, the
    /// numbers of both texts count: the live page and its archived copy).
    pub fn insert(&mut self, source_id: &str, text: &str) {
        self.numbers
            .entry(source_id.to_string())
            .or_default()
            .extend(numbers::numbers(text));
    }

    /// Whether the fetched text of source `source_id` writes `number`, a plain number
    /// such as `8`, `19.2` or `266000000` (thousands separators allowed: `1,234`). The page
    /// may write it grouped any common way (`1,234`, `1 234`, `1.234`), with a decimal
    /// comma, or scaled (`19.2 million`). `None` when no text of that source was fetched
    /// or `number` is not a plain number.
    pub fn contains_number(&self, source_id: &str, number: &str) -> Option<bool> {
        let numbers = self.numbers.get(source_id)?;
        let wanted = canonical(number)?;
        Some(numbers.contains(&wanted))
    }

    /// How many sources have a fetched text.
    pub fn len(&self) -> usize {
        self.numbers.len()
    }

    /// Whether no source has a fetched text.
    pub fn is_empty(&self) -> bool {
        self.numbers.is_empty()
    }
}

/// The Wayback Machine's address for `url` as captured nearest to the day it was read:
/// `https://web.archive.org/web/20261121/https://...`.
pub fn wayback(url: &str, accessed: Date) -> String {
    format!(
        "https://web.archive.org/web/{:04}{:02}{:02}/{url}",
        accessed.year(),
        accessed.month(),
        accessed.day()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confirms_numbers_by_source() {
        let mut texts = SourceTexts::default();
        texts.insert("a", "It earned $19.2 million and sold 1,234,567 tickets.");
        assert_eq!(texts.contains_number("a", "19.2"), Some(true));
        assert_eq!(texts.contains_number("a", "19200000"), Some(true));
        assert_eq!(texts.contains_number("a", "1,234,567"), Some(true));
        assert_eq!(texts.contains_number("a", "1234567"), Some(true));
        assert_eq!(texts.contains_number("a", "18"), Some(false));
        assert_eq!(texts.contains_number("a", "many"), None);
        assert_eq!(texts.contains_number("b", "1"), None);
        texts.insert("a", "archived: 18 million");
        assert_eq!(texts.contains_number("a", "18"), Some(true));
    }

    #[test]
    fn suggests_the_capture_nearest_the_accessed_date() {
        assert_eq!(
            wayback("https://example.org/a?b=1", Date::new(2026, 1, 5).unwrap()),
            "https://web.archive.org/web/20260105/https://example.org/a?b=1"
        );
    }
}
