//! What the audit reads from the site: the names that contain numbers, and the numbers
//! each source's quote holds.

use std::collections::HashMap;

use crate::data::Data;

use super::names::Names;

use crate::prose::numbers::{self, Kind, Mention, Sense};

/// Names and quoted numbers, worked out once for the whole site.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Names with a number in them, lowercase, longest first.
    names: Names,
    /// The quantities each source's quote states, by source id.
    quotes: HashMap<String, Vec<(f64, Sense)>>,
}

impl Context {
    /// The names in the data (chart titles, entry titles and artists) and `extra` (from
    /// `[facts] names`), and every source's quoted numbers.
    pub fn new(data: &Data, extra: &[String]) -> Self {
        let mut names: Vec<String> = Vec::new();
        let from_data = data.datasets.iter().flat_map(|d| {
            std::iter::once(d.title.as_str()).chain(
                d.entries
                    .iter()
                    .flat_map(|e| [e.title.as_str(), e.artist.as_str()]),
            )
        });
        for name in from_data.chain(extra.iter().map(String::as_str)) {
            for form in forms(name) {
                if !names.contains(&form) {
                    names.push(form);
                }
            }
        }
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let quotes = data
            .bibliography
            .sources
            .iter()
            .map(|source| {
                let values = source
                    .quote
                    .as_ref()
                    .map(|q| q.snippets().into_iter().flat_map(quantities).collect())
                    .unwrap_or_default();
                (source.id.get_ref().clone(), values)
            })
            .collect();
        Self {
            names: Names::new(names),
            quotes,
        }
    }

    /// Whether the quote of source `id` states the number `mention` states: the same value,
    /// in the same sense or where either is bare digits (`strict`: in the same sense only).
    pub(super) fn quoted(&self, id: &str, mention: &Mention, strict: bool) -> bool {
        self.quotes.get(id).is_some_and(|values| {
            values.iter().any(|(v, sense)| {
                same(*v, mention.value)
                    && if strict {
                        *sense == mention.sense
                    } else {
                        sense.agrees(mention.sense)
                    }
            })
        })
    }

    /// Names with numbers, lowercase, longest first, and where they occur in a text.
    pub(super) fn names(&self) -> &Names {
        &self.names
    }
}

/// A name with a number in it, in digits or words, and its shorter forms that still hold
/// the number: "Billboard Hot 100" is also "Hot 100"; "Twenty One Pilots" is whole.
fn forms(name: &str) -> Vec<String> {
    if !holds_number(name) {
        return Vec::new();
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut forms = vec![words.join(" ").to_ascii_lowercase()];
    for start in 1..words.len().saturating_sub(1) {
        let tail = words[start..].join(" ");
        if holds_number(&tail) {
            forms.push(tail.to_ascii_lowercase());
        }
    }
    forms
}

/// Whether a name has a digit, or a number the audit would count ("Twenty One").
fn holds_number(name: &str) -> bool {
    name.bytes().any(|b| b.is_ascii_digit()) || !numbers::find(name).is_empty()
}

/// The quantities a text states (dates and years left out).
fn quantities(text: &str) -> Vec<(f64, Sense)> {
    numbers::find(text)
        .into_iter()
        .filter(|m| m.kind == Kind::Quantity)
        .map(|m| (m.value, m.sense))
        .collect()
}

/// Whether two values are the same number (decimals compared with a tolerance).
pub(super) fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_with_a_number_has_its_shorter_forms() {
        assert_eq!(forms("Billboard Hot 100"), ["billboard hot 100", "hot 100"]);
        assert_eq!(forms("Billboard 200"), ["billboard 200"]);
        assert_eq!(
            forms("Official Singles Top 100"),
            ["official singles top 100", "singles top 100", "top 100"]
        );
        assert!(forms("Golden").is_empty());
        // A number in words makes a name too (listed in `[facts] names`).
        assert_eq!(forms("Twenty One Pilots"), ["twenty one pilots"]);
        assert!(same(19.2e6, 19_200_000.0) && !same(18.0, 19.0));
    }
}
