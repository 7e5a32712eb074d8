//! The audit log, `content/audit.toml`: when the data was audited and how, what it counted
//! before the audit, and every change the audit made, each with what it touched, why, and
//! the sources behind it. Published as the `/audit/` page; its numbers are stats
//! (`audit/before/rows`, `audit/changes/verdict`).

mod parse;
mod target;

use std::collections::HashSet;
use std::ops::Range;

use serde::Deserialize;

use crate::content::date::Date;

pub use parse::Known;
pub use target::Target;

/// What a change did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A row, a figure or an agreeing or disagreeing source was added.
    Added,
    /// A value or the source a row follows was corrected.
    Corrected,
    /// A row's basis (stated, derived) or an entry's debut label changed.
    Relabelled,
    /// A note or a page's explanation was written or rewritten.
    Explanation,
    /// A claim's verdict changed.
    Verdict,
    /// A row or a figure was removed.
    Removed,
}

impl Kind {
    /// Every kind, in the order the guide lists them.
    pub const ALL: [Kind; 6] = [
        Self::Added,
        Self::Corrected,
        Self::Relabelled,
        Self::Explanation,
        Self::Verdict,
        Self::Removed,
    ];

    /// The name written in the file.
    pub fn name(self) -> &'static str {
        match self {
            Self::Added => "added",
            Self::Corrected => "corrected",
            Self::Relabelled => "relabelled",
            Self::Explanation => "explanation",
            Self::Verdict => "verdict",
            Self::Removed => "removed",
        }
    }

    /// The kind with this name.
    pub fn named(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

/// One change the audit made.
#[derive(Debug, Clone)]
pub struct Change {
    /// When it was made.
    pub date: Date,
    /// What it changed.
    pub target: Target,
    /// Where the target is in the file, quotes included.
    pub target_span: Range<usize>,
    /// What kind of change it was.
    pub kind: Kind,
    /// What changed, in the site's words.
    pub what: String,
    /// Why.
    pub why: String,
    /// The sources behind it, by id.
    pub sources: Vec<String>,
}

/// The counts the data had before the audit, by stat name (`rows`, `stated_rows`...): only
/// those the file gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Before(pub Vec<(&'static str, usize)>);

impl Before {
    /// The count before the audit with this stat name, if the file gives it.
    pub fn get(&self, name: &str) -> Option<usize> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
    }
}

/// `content/audit.toml`, parsed and checked against the data.
#[derive(Debug, Clone)]
pub struct Audit {
    /// When the audit was completed.
    pub date: Date,
    /// How it was done, in the site's words.
    pub method: String,
    /// The counts before the audit, as history.
    pub before: Before,
    /// Every change, in file order.
    pub changes: Vec<Change>,
    /// The file as shown in errors.
    pub file: String,
    /// Its text, for errors found later (a target page that does not exist).
    pub text: String,
}

impl Audit {
    /// How many changes are of this kind.
    pub fn count(&self, kind: Kind) -> usize {
        self.changes.iter().filter(|c| c.kind == kind).count()
    }

    /// Every source id the log names, in order of first mention.
    pub fn source_ids(&self) -> Vec<&str> {
        let mut seen = HashSet::new();
        self.changes
            .iter()
            .flat_map(|c| c.sources.iter().map(String::as_str))
            .filter(|id| seen.insert(*id))
            .collect()
    }
}

#[cfg(test)]
mod tests;
