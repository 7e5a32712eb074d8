//! The direct label of a line: the name it shows and how that name wraps. A label is
//! never cut: it wraps at spaces, and a name too long for any room goes where there is
//! room (see `annotations.rs`).

use crate::data::dataset::Entry;
use crate::typography;

use super::grid::Grid;
use super::text;

/// A label's lines at one font size.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Wrapped {
    /// The lines, top to bottom.
    pub lines: Vec<String>,
    /// The widest line's estimated width.
    pub width: f64,
}

impl Wrapped {
    fn of(lines: Vec<String>, size: f64) -> Self {
        let width = lines
            .iter()
            .map(|l| text::width(l, size))
            .fold(0.0, f64::max);
        Self { lines, width }
    }
}

/// The name a line is labelled with: the entry's `label`, else its title; with the
/// artist (up to any parenthesis) after it when another drawn entry has the same name,
/// as two recordings of "Takedown" do. With `smart`, straight quotes and apostrophes
/// become curly.
pub(crate) fn name(grid: &Grid, entry: &Entry, smart: bool) -> String {
    let own = |e: &Entry| e.label.clone().unwrap_or_else(|| e.title.clone());
    let mine = own(entry);
    let shared = grid
        .rows
        .iter()
        .filter(|row| own(row.entry) == mine)
        .count()
        > 1;
    let artist = entry.artist.split(" (").next().unwrap_or("").trim();
    let name = if shared && !artist.is_empty() {
        format!("{mine} ({artist})")
    } else {
        mine
    };
    if smart {
        typography::curly(&name)
    } else {
        name
    }
}

/// `name` in as few lines as fit `width` at `size`, breaking at spaces; `None` when one
/// word alone is wider.
pub(crate) fn wrap(name: &str, size: f64, width: f64) -> Option<Wrapped> {
    let mut lines: Vec<String> = Vec::new();
    for word in name.split_whitespace() {
        if text::width(word, size) > width {
            return None;
        }
        match lines.last_mut() {
            Some(line) if text::width(&format!("{line} {word}"), size) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    Some(Wrapped::of(lines, size))
}

/// The narrowest wrapping of `name` in at most `count` lines.
pub(crate) fn narrowest(name: &str, size: f64, count: usize) -> Wrapped {
    let widest = text::width(name, size);
    let longest_word = name
        .split_whitespace()
        .map(|w| text::width(w, size))
        .fold(0.0, f64::max);
    let (mut low, mut high) = (longest_word, widest.max(longest_word));
    // The line count only falls as the width grows, so halve the interval.
    while high - low > 0.5 {
        let mid = (low + high) / 2.0;
        match wrap(name, size, mid) {
            Some(w) if w.lines.len() <= count => high = mid,
            _ => low = mid,
        }
    }
    wrap(name, size, high).unwrap_or_else(|| Wrapped::of(vec![name.to_string()], size))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Wrapping keeps every word whole and every line within the width; a word too wide
    // for the width is refused rather than cut.
    #[test]
    fn wraps_at_spaces_without_cutting() {
        let name = "KPop Demon Hunters (Soundtrack from the Netflix Film)";
        for width in [60.0, 90.0, 150.0, 400.0, 1000.0] {
            let Some(wrapped) = wrap(name, 14.0, width) else {
                assert!(width < text::width("(Soundtrack", 14.0));
                continue;
            };
            assert_eq!(wrapped.lines.join(" "), name);
            assert!(wrapped.width <= width);
        }
        assert_eq!(wrap("Golden", 14.0, 1000.0).unwrap().lines, ["Golden"]);
        assert_eq!(wrap("Golden", 14.0, 10.0), None);
    }

    // The narrowest two-line wrapping balances the lines.
    #[test]
    fn balances_two_lines() {
        let two = narrowest("What It Sounds Like", 14.0, 2);
        assert_eq!(two.lines, ["What It", "Sounds Like"]);
        let one = narrowest("Golden", 14.0, 2);
        assert_eq!(one.lines, ["Golden"]);
        let long = narrowest(
            "KPop Demon Hunters (Soundtrack from the Netflix Film)",
            14.0,
            2,
        );
        assert_eq!(long.lines.len(), 2);
        assert!(long.width < text::width("KPop Demon Hunters (Soundtrack from", 14.0));
    }
}
