//! The number audit: every number in the site's own words is accounted for. It is
//! **bound** (a `stat` or `fact`), **cited** (its sentence cites a source whose `quote`
//! holds the same number), **exempt** (a date, a year, or part of a name such as "Billboard
//! Hot 100"), **marked** by the author as not a fact (`{two} articles`), or **unbound**.
//!
//! Extraction turns what will be published (a markdown body with its shortcodes already
//! expanded, a title, a chart title, a figure label) into [`Piece`]s; classification, in
//! one place, reads the pieces. A shortcode's expansion says what its text is to the audit
//! (see [`Piece`]), so a new shortcode's words are audited like any other.

mod classify;
mod context;
mod fields;
mod locate;
mod names;
mod page;
mod sentences;

use std::ops::Range;

pub use crate::prose::Piece;

pub use classify::classify;
pub use context::Context;
pub use fields::{figure_labels, front_matter};
pub use locate::raw_string;
pub use page::{Place, page, unbound};

/// How a number is accounted for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Class {
    /// A `stat` or `fact`, or a title or note repeating a number the page binds.
    Bound,
    /// Its sentence cites this source, whose quote holds the number.
    Cited(String),
    /// A date, a year or part of a name.
    Exempt(Exemption),
    /// Marked by the author as not a fact.
    Marked,
    /// Nothing accounts for it.
    Unbound,
}

/// Why a number needs no source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exemption {
    /// A day of a month.
    Date,
    /// A year or a decade.
    Year,
    /// Part of a name with a number in it (a chart's title in the data, or a name listed
    /// in `[facts] names`).
    Name,
    /// The number of a part of the text itself ("Part 2", "Chapter 3", "Figure 1"), not
    /// a fact about the world.
    Label,
}

impl Exemption {
    /// `date`, `year`, `name` or `label`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Date => "date",
            Self::Year => "year",
            Self::Name => "name",
            Self::Label => "label",
        }
    }
}

/// One number of the published text and its class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// How it is accounted for.
    pub class: Class,
    /// The number as written ("two", "$18 million", "No. 2").
    pub text: String,
    /// Where it is in its file.
    pub at: Range<usize>,
}

/// What backs a text that has no citations of its own (a title, a description, a claim
/// summary or check note, a figure label): the sources and bound values of its page.
#[derive(Debug, Clone, Default)]
pub struct Backing {
    /// Sources whose quotes may hold its numbers.
    pub sources: Vec<String>,
    /// Values bound to the data on the same page.
    pub values: Vec<f64>,
}

/// How many numbers fall in each class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Bound to the data.
    pub bound: usize,
    /// Cited to a quote.
    pub cited: usize,
    /// Dates, years, names.
    pub exempt: usize,
    /// Marked as not facts.
    pub marked: usize,
    /// Unaccounted for.
    pub unbound: usize,
}

impl Counts {
    /// Counts of a list of findings.
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Self {
        let mut counts = Self::default();
        for finding in findings {
            counts.add(&finding.class);
        }
        counts
    }

    fn add(&mut self, class: &Class) {
        match class {
            Class::Bound => self.bound += 1,
            Class::Cited(_) => self.cited += 1,
            Class::Exempt(_) => self.exempt += 1,
            Class::Marked => self.marked += 1,
            Class::Unbound => self.unbound += 1,
        }
    }

    /// Adds another count.
    pub fn plus(self, other: Self) -> Self {
        Self {
            bound: self.bound + other.bound,
            cited: self.cited + other.cited,
            exempt: self.exempt + other.exempt,
            marked: self.marked + other.marked,
            unbound: self.unbound + other.unbound,
        }
    }

    /// "191 bound, 12 cited, 300 exempt, 4 marked, 0 unbound".
    pub fn line(&self) -> String {
        format!(
            "{} bound, {} cited, {} exempt, {} marked, {} unbound",
            self.bound, self.cited, self.exempt, self.marked, self.unbound
        )
    }
}

#[cfg(test)]
mod tests;
