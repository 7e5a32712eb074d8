//! The names with numbers in them ("Billboard Hot 100"), and where they occur in a text:
//! a number inside a name is part of the name, not a fact.
//!
//! Every block of text with a number is searched for every name of the site, and a site
//! has a name per chart title, entry and artist that holds a number, so the search runs
//! all names at once (Aho-Corasick, built once) instead of once per name: a cost that grew
//! with pages x datasets now grows with the text alone.

use std::ops::Range;

use aho_corasick::AhoCorasick;

/// The site's names with numbers, lowercase, longest first, and their finder.
#[derive(Debug, Clone, Default)]
pub struct Names {
    list: Vec<String>,
    /// `None` for no names, or for a set too large for the automaton (then each name is
    /// searched for on its own).
    finder: Option<AhoCorasick>,
}

impl Names {
    /// `list`: lowercase names, without repeats.
    pub fn new(list: Vec<String>) -> Self {
        let finder = if list.is_empty() {
            None
        } else {
            AhoCorasick::new(&list).ok()
        };
        Self { list, finder }
    }

    /// Where the names occur in `text` as whole words, ASCII case ignored: for each name,
    /// its occurrences left to right, none overlapping another of the same name (as
    /// `str::match_indices` finds them); those of different names may overlap.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        if self.list.is_empty() {
            return Vec::new();
        }
        let lower = text.to_ascii_lowercase();
        let Some(finder) = &self.finder else {
            return one_by_one(&lower, &self.list);
        };
        let mut next = vec![0; self.list.len()];
        let mut ranges = Vec::new();
        for found in finder.find_overlapping_iter(&lower) {
            let name = found.pattern().as_usize();
            if found.start() < next[name] {
                continue;
            }
            next[name] = found.end();
            if whole_word(&lower, found.range()) {
                ranges.push(found.range());
            }
        }
        ranges
    }
}

/// Each name searched for on its own.
fn one_by_one(lower: &str, names: &[String]) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    for name in names {
        for (i, _) in lower.match_indices(name.as_str()) {
            let range = i..i + name.len();
            if whole_word(lower, range.clone()) {
                ranges.push(range);
            }
        }
    }
    ranges
}

/// Whether `range` of `text` is neither preceded nor followed by a letter or digit.
fn whole_word(text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn names(list: &[&str]) -> Names {
        Names::new(list.iter().map(|n| n.to_string()).collect())
    }

    fn sorted(mut ranges: Vec<Range<usize>>) -> Vec<(usize, usize)> {
        ranges.sort_by_key(|r| (r.start, r.end));
        ranges.into_iter().map(|r| (r.start, r.end)).collect()
    }

    #[test]
    fn names_are_found_as_whole_words_in_any_case() {
        let site = names(&["billboard hot 100", "hot 100", "billboard 200"]);
        let text = "It led the Billboard Hot 100, then the hot 1000 and BILLBOARD 200.";
        assert_eq!(sorted(site.ranges(text)), [(11, 28), (21, 28), (52, 65)]);
        assert!(names(&[]).ranges(text).is_empty());
        // A letter or digit next to the name, ASCII or not, makes it another word.
        assert!(site.ranges("xhot 100 and hot 100é").is_empty());
    }

    #[test]
    fn a_name_repeated_back_to_back_is_found_as_match_indices_finds_it() {
        let site = names(&["10 10"]);
        // "10 10 10": the name at 0, and not again at 3, which overlaps it.
        assert_eq!(sorted(site.ranges("10 10 10")), [(0, 5)]);
        assert_eq!(sorted(site.ranges("10 10 10 10")), [(0, 5), (6, 11)]);
    }

    proptest! {
        // The one-pass search finds exactly what a search per name finds.
        #[test]
        fn the_one_pass_search_finds_what_each_name_alone_finds(
            text in "[aB1 0é]{0,40}",
            list in proptest::collection::vec("[ab10 ]{1,5}", 1..6),
        ) {
            let mut unique: Vec<String> = Vec::new();
            for name in list {
                let name = name.to_ascii_lowercase();
                if !unique.contains(&name) {
                    unique.push(name);
                }
            }
            unique.sort_by_key(|n| std::cmp::Reverse(n.len()));
            let site = Names::new(unique.clone());
            prop_assert!(site.finder.is_some());
            let lower = text.to_ascii_lowercase();
            prop_assert_eq!(sorted(site.ranges(&text)), sorted(one_by_one(&lower, &unique)));
        }
    }
}
