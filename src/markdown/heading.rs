//! Heading ids and the table of contents.

use std::collections::HashMap;

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
pub(super) const RESERVED: [&str; 11] = [
    "main",
    "content",
    "sections",
    "sources",
    "sources-title",
    "footnotes",
    "toc",
    "toc-title",
    "corrections",
    "corrections-title",
    "top",
];

/// What already holds an id on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    /// The page template (one of [`RESERVED`]).
    Template,
    /// The source list entry of a cited source (`ref-<id>`).
    Source(String),
    /// A footnote or a reference to it (`fn-<label>`, `fnref-<label>`).
    Footnote(String),
    /// A heading whose id was written `{#id}`, starting at this byte offset of the file.
    Heading(usize),
    /// A heading whose id was made from its text.
    Generated,
}

/// Hands out unique ids within one page, remembering what holds each one.
#[derive(Debug)]
pub struct Ids {
    taken: HashMap<String, Owner>,
    /// For each kind and base, the suffix to try next: a page with thousands of headings
    /// of the same text gets its ids in linear time.
    next: HashMap<(&'static str, String), usize>,
}

impl Default for Ids {
    fn default() -> Self {
        Self {
            taken: RESERVED
                .iter()
                .map(|id| ((*id).to_string(), Owner::Template))
                .collect(),
            next: HashMap::new(),
        }
    }
}

impl Ids {
    /// A unique id based on `wanted`: `x`, then `x-1`, `x-2`, ...
    pub fn unique(&mut self, wanted: &str) -> String {
        let base = if wanted.is_empty() { "section" } else { wanted };
        let id = self.first_free("heading", base, |candidate| {
            std::iter::once(candidate.to_string())
        });
        self.taken.insert(id.clone(), Owner::Generated);
        id
    }

    /// The first of `base`, `base-1`, `base-2`, ... whose ids (`ids_of` it) are all free.
    /// Each `kind` of id set keeps its own count.
    pub fn first_free<I>(
        &mut self,
        kind: &'static str,
        base: &str,
        ids_of: impl Fn(&str) -> I,
    ) -> String
    where
        I: Iterator<Item = String>,
    {
        let key = (kind, base.to_string());
        // Ids are never given back, so a suffix found taken stays taken.
        let mut n = self.next.get(&key).copied().unwrap_or(0);
        loop {
            let candidate = if n == 0 {
                base.to_string()
            } else {
                format!("{base}-{n}")
            };
            if !ids_of(&candidate).any(|id| self.taken.contains_key(&id)) {
                self.next.insert(key, n + 1);
                return candidate;
            }
            n += 1;
        }
    }

    /// Records an id that something other than a heading writes; the first owner keeps it.
    pub fn reserve(&mut self, id: String, owner: Owner) {
        self.taken.entry(id).or_insert(owner);
    }

    /// Takes an id the author chose (`{#id}`) for the heading at byte offset `at`, or says
    /// what already holds it.
    pub fn take(&mut self, id: &str, at: usize) -> Result<(), Owner> {
        match self.taken.get(id) {
            Some(owner) => Err(owner.clone()),
            None => {
                self.taken.insert(id.to_string(), Owner::Heading(at));
                Ok(())
            }
        }
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
        assert_eq!(ids.unique("toc-title"), "toc-title-1");
        assert_eq!(ids.unique(""), "section");
    }

    // An id the author chose is refused when something already holds it, naming the holder.
    #[test]
    fn explicit_ids_name_what_holds_them() {
        let mut ids = Ids::default();
        ids.reserve("fn-note".into(), Owner::Footnote("note".into()));
        assert_eq!(ids.take("why", 4), Ok(()));
        assert_eq!(ids.take("why", 9), Err(Owner::Heading(4)));
        assert_eq!(ids.take("main", 9), Err(Owner::Template));
        assert_eq!(ids.take("fn-note", 9), Err(Owner::Footnote("note".into())));
        assert_eq!(ids.unique("why"), "why-1");
    }
}
