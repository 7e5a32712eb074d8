//! Typography for text the site writes outside markdown (titles, labels, blurbs, quotes,
//! chart text): straight quotes and apostrophes made curly as markdown's smart
//! punctuation makes them, and a quotation set inside curly quotes with its own inner
//! quotes turned to single ones.

/// Whether `c` opens a word or a quotation, so that a quote mark after it opens too.
fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || "([{“‘—–-/".contains(c),
    }
}

/// `text` with straight `"` and `'` replaced by curly quotes and apostrophes: a mark at
/// the start, after a space or after an opening bracket or dash opens (“ ‘), any other
/// closes (” ’), so "It's" gets an apostrophe and "'Golden'" single quotes.
pub fn curly(text: &str) -> String {
    if !text.contains(['"', '\'']) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut previous = None;
    for c in text.chars() {
        let open = opens_after(previous);
        out.push(match (c, open) {
            ('"', true) => '“',
            ('"', false) => '”',
            ('\'', true) => '‘',
            ('\'', false) => '’',
            (other, _) => other,
        });
        previous = Some(c);
    }
    out
}

/// `text` as a quotation inside “ ”: straight quotes made curly first (when `smart`), then
/// the quotation's own double quotes turned to single ones, so that “‘Soda Pop’ leaps
/// 10-5.” reads as one quotation. Quote marks already around the whole text are not
/// doubled.
pub fn quoted(text: &str, smart: bool) -> String {
    let text = text.trim();
    let text = if smart { curly(text) } else { text.to_string() };
    let inner = text
        .strip_prefix('“')
        .and_then(|t| t.strip_suffix('”'))
        .filter(|t| !t.contains(['“', '”']))
        .unwrap_or(&text);
    let nested: String = inner
        .chars()
        .map(|c| match c {
            '“' => '‘',
            '”' => '’',
            other => other,
        })
        .collect();
    format!("“{nested}”")
}

/// `text` cut at a word boundary to at most `limit` characters, ending in ` …` when cut.
pub fn shorten(text: &str, limit: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let mut kept = String::new();
    for word in text.split_whitespace() {
        if kept.chars().count() + word.chars().count() + 1 > limit.saturating_sub(2) {
            break;
        }
        if !kept.is_empty() {
            kept.push(' ');
        }
        kept.push_str(word);
    }
    let kept = kept
        .trim_end_matches([',', ';', ':', '—', '–', '-'])
        .trim_end();
    format!("{kept} …")
}

/// `Golden (HUNTR/X)`: a title and who it is by; `Takedown by TWICE (Jeongyeon, Jihyo,
/// Chaeyoung)` when the artist has brackets of its own, so that brackets never nest.
pub fn with_artist(title: &str, artist: &str) -> String {
    if artist.contains(['(', ')']) {
        format!("{title} by {artist}")
    } else {
        format!("{title} ({artist})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, expected: &str) {
        assert_eq!(curly(text), expected);
    }

    // Apostrophes inside and after words close; quotes open after a space or a bracket.
    #[test]
    fn curls_quotes_and_apostrophes() {
        case("How It's Done", "How It’s Done");
        case("the members' pasts", "the members’ pasts");
        case(
            "'Kpop Demon Hunters' continues",
            "‘Kpop Demon Hunters’ continues",
        );
        case(
            "the lead song \"Golden\" reached No. 1",
            "the lead song “Golden” reached No. 1",
        );
        case("(\"x\")", "(“x”)");
        case("no quotes at all", "no quotes at all");
        case("“already” curly", "“already” curly");
    }

    // A quotation gets one pair of double quotes; its own quotes become single.
    #[test]
    fn quotes_without_doubling() {
        assert_eq!(
            quoted("“Soda Pop” leaps 10-5.", true),
            "“‘Soda Pop’ leaps 10-5.”"
        );
        assert_eq!(quoted("“already quoted”", true), "“already quoted”");
        assert_eq!(
            quoted("the lead song \"Golden\"", true),
            "“the lead song ‘Golden’”"
        );
        assert_eq!(quoted("It's \"x\"", false), "“It's \"x\"”");
    }

    // Shortening cuts at a word and marks the cut; a short text is left whole.
    #[test]
    fn shortens_at_a_word() {
        assert_eq!(shorten("over 20 million", 40), "over 20 million");
        let text = "earning over 20 million in the North American box office in a weekend.";
        let short = shorten(text, 30);
        assert_eq!(short, "earning over 20 million in …");
        assert!(short.chars().count() <= 30);
    }

    // Brackets never nest in a title with its artist.
    #[test]
    fn names_the_artist_without_nested_brackets() {
        assert_eq!(with_artist("Golden", "HUNTR/X"), "Golden (HUNTR/X)");
        assert_eq!(
            with_artist("Takedown", "TWICE (Jeongyeon, Jihyo, Chaeyoung)"),
            "Takedown by TWICE (Jeongyeon, Jihyo, Chaeyoung)"
        );
    }
}
