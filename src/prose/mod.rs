//! Published prose as the number audit reads it: the pieces a page's text is made of (words,
//! bound numbers, citations, marks), the numbers written in words and digits, and the
//! author's mark for a number that is not a fact (`{two} articles`). Markdown and the
//! shortcodes produce the pieces; `verify::audit` classifies them.

pub mod digits;
pub mod mark;
pub mod numbers;
pub mod words;

use std::ops::Range;

/// One piece of published text, as the audit reads it.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Words as published, from the byte range `at` of the file (its numbers are found
    /// there for error messages).
    Words {
        /// The text.
        text: String,
        /// Where it comes from in the file.
        at: Range<usize>,
    },
    /// A number bound to the data by `stat` or `fact`, with its value when it is a number.
    Bound {
        /// The value, for a title that repeats it.
        value: Option<f64>,
        /// Where the shortcode's number is.
        at: Range<usize>,
    },
    /// Citations of these source ids.
    Cite(Vec<String>),
    /// Text the author marked as not a fact (`{two}`).
    Marked {
        /// Where the mark is.
        at: Range<usize>,
    },
    /// Published text that is not the site's own words (a literal shortcode): skipped.
    Skip,
    /// The end of a block: a sentence never runs across it.
    Break,
}
