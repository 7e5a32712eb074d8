//! Placeholders that stand in for expanded shortcodes while pulldown-cmark parses.
//!
//! A placeholder is `⸨ U+E000 <index> U+E001 ⸩`. The private-use characters make it
//! unmistakable; the double parentheses around them are punctuation, so smart punctuation
//! and emphasis treat a placeholder like the citation or number it stands for (a quote
//! mark before `[@source]` still closes).

use std::ops::Range;

use super::Expansion;

/// The private-use characters a placeholder is made of, reserved in content.
pub const RESERVED: [char; 2] = ['\u{E000}', '\u{E001}'];
/// Opens a placeholder.
const OPEN: &str = "\u{2E28}\u{E000}";
/// Closes a placeholder.
const CLOSE: &str = "\u{E001}\u{2E29}";

/// The placeholder of the expansion `index`.
pub fn token(index: usize) -> String {
    format!("{OPEN}{index}{CLOSE}")
}

/// The expansions of one page and where each one was in the original file.
#[derive(Debug)]
pub struct Placeholders {
    body_offset: usize,
    items: Vec<(Range<usize>, Expansion)>,
    /// For each item: its range in the rewritten body.
    rewritten: Vec<Range<usize>>,
}

/// A piece of a text event: plain text or an expansion.
#[derive(Debug)]
pub enum Piece<'t, 'p> {
    /// Text between placeholders.
    Text(&'t str),
    /// An expansion, with its index.
    Expansion(usize, &'p Expansion),
}

impl Placeholders {
    /// No placeholders yet, for a body starting at `body_offset` in its file.
    pub fn new(body_offset: usize) -> Self {
        Self {
            body_offset,
            items: Vec::new(),
            rewritten: Vec::new(),
        }
    }

    /// Records an expansion replacing the file range `range` (ranges come in order).
    pub fn push(&mut self, range: Range<usize>, expansion: Expansion) {
        self.items.push((range, expansion));
    }

    /// How many expansions are recorded.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// The body with every recorded range replaced by its placeholder.
    pub fn apply(&mut self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() - self.body_offset + self.items.len() * 8);
        let mut pos = self.body_offset;
        self.rewritten.clear();
        for (index, (range, _)) in self.items.iter().enumerate() {
            out.push_str(&text[pos..range.start]);
            let start = out.len();
            out.push_str(&token(index));
            self.rewritten.push(start..out.len());
            pos = range.end;
        }
        out.push_str(&text[pos..]);
        out
    }

    /// The file range of item `index`.
    pub fn original_range(&self, index: usize) -> Range<usize> {
        self.items
            .get(index)
            .map_or(0..0, |(range, _)| range.clone())
    }

    /// Maps a range of the rewritten body back to a range of the file.
    pub fn original_range_of(&self, range: Range<usize>) -> Range<usize> {
        let start = self.original_offset(range.start);
        let end = self.original_offset(range.end).max(start);
        start..end
    }

    fn original_offset(&self, offset: usize) -> usize {
        let before = self.rewritten.partition_point(|r| r.start <= offset);
        if before == 0 {
            return self.body_offset + offset;
        }
        let index = before - 1;
        let rewritten = &self.rewritten[index];
        let original = &self.items[index].0;
        if offset < rewritten.end {
            original.start
        } else {
            original.end + (offset - rewritten.end)
        }
    }

    /// Whether `text` may hold a placeholder: most text holds none and is passed through.
    pub fn holds_any(text: &str) -> bool {
        text.contains('\u{E000}')
    }

    /// Splits a text event into plain text and expansions.
    pub fn split<'t>(&self, text: &'t str) -> Vec<Piece<'t, '_>> {
        let mut pieces = Vec::new();
        let mut rest = text;
        while let Some((before, index, after)) = self.next_placeholder(rest) {
            if !before.is_empty() {
                pieces.push(Piece::Text(before));
            }
            if let Some((_, expansion)) = self.items.get(index) {
                pieces.push(Piece::Expansion(index, expansion));
            }
            rest = after;
        }
        if !rest.is_empty() {
            pieces.push(Piece::Text(rest));
        }
        pieces
    }

    fn next_placeholder<'t>(&self, text: &'t str) -> Option<(&'t str, usize, &'t str)> {
        // memchr's substring search: `str::find` with a `&str` sets up a two-way searcher
        // on every call, and every text event of every page is asked.
        let open = memchr::memmem::find(text.as_bytes(), OPEN.as_bytes())?;
        let digits_start = open + OPEN.len();
        let close = digits_start
            + memchr::memmem::find(&text.as_bytes()[digits_start..], CLOSE.as_bytes())?;
        let index = text[digits_start..close].parse().unwrap_or(usize::MAX);
        Some((&text[..open], index, &text[close + CLOSE.len()..]))
    }

    /// The expansion if `text` is exactly one block placeholder, or one that lifts out of
    /// a paragraph it stands alone in (surrounding spaces aside).
    pub fn sole_block(&self, text: &str) -> Option<&Expansion> {
        let (before, index, after) = self.next_placeholder(text)?;
        let (_, expansion) = self.items.get(index)?;
        ((expansion.block || expansion.lifts)
            && before.trim().is_empty()
            && after.trim().is_empty())
        .then_some(expansion)
    }

    /// Raw HTML with placeholders swapped for their HTML.
    pub fn replace_html(&self, html: &str) -> String {
        self.join(html, |expansion| &expansion.html)
    }

    /// Text with placeholders swapped for their plain text.
    pub fn plain_text(&self, text: &str) -> String {
        self.join(text, |expansion| &expansion.text)
    }

    fn join(&self, text: &str, pick: impl Fn(&Expansion) -> &str) -> String {
        if !Self::holds_any(text) {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        for piece in self.split(text) {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Expansion(_, expansion) => out.push_str(pick(expansion)),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expansion(html: &str, block: bool) -> Expansion {
        Expansion {
            html: html.into(),
            text: html.to_uppercase(),
            block,
            ..Expansion::default()
        }
    }

    #[test]
    fn maps_rewritten_offsets_back_to_the_file() {
        let text = "+++\n+++\nab{{ x() }}cd{{ y() }}e";
        let mut placeholders = Placeholders::new(8);
        placeholders.push(10..19, expansion("X", false));
        placeholders.push(21..30, expansion("Y", true));
        let body = placeholders.apply(text);
        assert_eq!(body, "ab⸨\u{E000}0\u{E001}⸩cd⸨\u{E000}1\u{E001}⸩e");
        assert_eq!(placeholders.original_range_of(0..2), 8..10);
        assert_eq!(placeholders.original_range_of(2..15), 10..19);
        assert_eq!(placeholders.original_range_of(15..17), 19..21);
        assert_eq!(placeholders.original_range_of(30..31), 30..31);
        assert_eq!(placeholders.plain_text(&body), "abXcdYe");
        assert_eq!(placeholders.replace_html(&body), "abXcdYe");
        assert!(placeholders.sole_block(" ⸨\u{E000}1\u{E001}⸩\n").is_some());
        assert!(placeholders.sole_block("⸨\u{E000}0\u{E001}⸩").is_none());
    }

    #[test]
    fn ignores_forged_indexes() {
        let placeholders = Placeholders::new(0);
        assert_eq!(placeholders.plain_text("a⸨\u{E000}99\u{E001}⸩b"), "ab");
    }
}
