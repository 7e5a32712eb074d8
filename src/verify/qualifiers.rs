//! Whether the prose around a number already tells the reader it counts only the weeks we
//! hold ("at least", "known", "in our data").

use std::ops::Range;

/// Words that tell the reader a count rests on the weeks we hold, not on the whole run.
const QUALIFIERS: [&str; 6] = [
    "at least",
    "known",
    "we have",
    "in our data",
    "sourced",
    "could source",
];

/// Whether the prose around a number already says that it is a count of known weeks:
/// the same paragraph, within 160 characters of prose either side, shortcodes left out.
pub(crate) fn qualified(text: &str, range: Range<usize>) -> bool {
    let paragraph_start = text[..range.start].rfind("\n\n").map_or(0, |at| at + 2);
    let rest = &text[range.end..];
    let paragraph_end = rest.find("\n\n").map_or(text.len(), |at| range.end + at);
    let before = prose(&text[paragraph_start..range.start]);
    // When the range is a number inside its shortcode, the prose after it starts where
    // that shortcode closes.
    let after = &text[range.end..paragraph_end];
    let head = &text[paragraph_start..range.end];
    let inside = head
        .rfind("{{")
        .is_some_and(|open| head.rfind("}}").is_none_or(|close| close < open));
    let after = match after.find("}}") {
        Some(at) if inside => &after[at + 2..],
        _ => after,
    };
    let after = prose(after);
    let before = &before[before.char_indices().rev().nth(159).map_or(0, |(at, _)| at)..];
    let after = &after[..after
        .char_indices()
        .nth(160)
        .map_or(after.len(), |(at, _)| at)];
    let window = format!("{before} {after}").to_lowercase();
    QUALIFIERS.iter().any(|word| window.contains(word))
}

/// Text with `{{ ... }}` shortcodes (and an unclosed opening one) removed.
fn prose(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        match rest[open..].find("}}") {
            Some(close) => rest = &rest[open + close + 2..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn around(text: &str, number: &str) -> bool {
        let start = text.find(number).expect("number in text");
        qualified(text, start..start + number.len())
    }

    #[test]
    fn a_qualifier_counts_past_the_shortcodes_between() {
        let text = r#"Takedown did no better than No. {{ fact(60, "hot-100/t/peak") }}, on the chart dated {{ fact(2025-08-23, "hot-100/t/peak_date") }}, in the {{ fact(5, "hot-100/t/weeks_on_chart", style="word") }} weeks we have for it."#;
        assert!(around(text, "60"));
        assert!(!around(&text.replace("we have", "it charted"), "60"));
    }

    #[test]
    fn a_qualifier_must_be_in_the_same_paragraph_and_near() {
        assert!(around("It spent at least {{ fact(8, \"x\") }} weeks.", "8"));
        assert!(!around(
            "We know at least this.\n\nIt spent {{ fact(8, \"x\") }} weeks.",
            "8"
        ));
        let far = format!(
            "At least one thing. {} It spent {{{{ fact(8, \"x\") }}}} weeks.",
            "word ".repeat(40)
        );
        assert!(!around(&far, "8"));
    }

    #[test]
    fn a_whole_shortcode_range_reads_the_prose_right_after_it() {
        let text = r#"It reached No. 1 on {{ stat(value="first") }} and spent at least {{ fact(2, "x") }} weeks."#;
        let start = text.find("{{ stat").expect("stat");
        let end = text.find("}} and").expect("end") + 2;
        assert!(qualified(text, start..end));
    }

    #[test]
    fn prose_drops_shortcodes_and_an_unclosed_one() {
        assert_eq!(prose("a {{ x() }} b {{ y"), "a  b ");
    }
}
