//! Heading ids and the table of contents.

use std::collections::HashSet;

use serde::Serialize;

/// One heading in the table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TocEntry {
    /// 1 to 6.
    pub level: u8,
    /// The heading's id (the anchor).
    pub id: String,
    /// The heading's text.
    pub title: String,
}

/// Ids the templates use for their own landmarks; headings never take them.
const RESERVED: [&str; 7] = [
    "main",
    "content",
    "sources",
    "footnotes",
    "toc",
    "corrections",
    "top",
];

/// Hands out unique ids within one page.
#[derive(Debug)]
pub struct Ids {
    used: HashSet<String>,
}

impl Default for Ids {
    fn default() -> Self {
        Self {
            used: RESERVED.iter().map(|id| (*id).to_string()).collect(),
        }
    }
}

impl Ids {
    /// A unique id based on `wanted`: `x`, then `x-1`, `x-2`, ...
    pub fn unique(&mut self, wanted: &str) -> String {
        let base = if wanted.is_empty() { "section" } else { wanted };
        let mut id = base.to_string();
        let mut n = 0;
        while self.used.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.used.insert(id.clone());
        id
    }

    /// Records an id the author chose (`{#id}`); it is kept as written.
    pub fn claim(&mut self, id: &str) {
        self.used.insert(id.to_string());
    }
}

/// Turns heading text into an id: lowercase letters and digits joined by hyphens.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() || c == '-' || c == '_' || c == '/' {
            pending_hyphen = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, expected: &str) {
        assert_eq!(slugify(text), expected);
    }

    #[test]
    fn slugifies_headings() {
        case("Why “Golden” matters", "why-golden-matters");
        case("  No. 1 — for 8 weeks!  ", "no-1-for-8-weeks");
        case("Über Ärger", "über-ärger");
        case("K-pop's reach / the data", "k-pops-reach-the-data");
        case("???", "");
    }

    #[test]
    fn dedupes_and_avoids_reserved_ids() {
        let mut ids = Ids::default();
        assert_eq!(ids.unique("data"), "data");
        assert_eq!(ids.unique("data"), "data-1");
        assert_eq!(ids.unique("sources"), "sources-1");
        assert_eq!(ids.unique(""), "section");
    }
}
