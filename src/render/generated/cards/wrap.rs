//! Breaking a text into lines that fit a width, at spaces, shortened with ` …` when it
//! needs more lines than a card has room for.

use super::fonts::Measure;

/// How a block of text is set.
#[derive(Debug, Clone, Copy)]
pub struct Setting {
    /// Font size in pixels.
    pub size: f64,
    /// Bold or regular.
    pub bold: bool,
    /// The widest a line may be.
    pub width: f64,
    /// The most lines it may take.
    pub lines: usize,
}

/// `text` broken into at most `setting.lines` lines no wider than `setting.width`; the
/// last line ends in ` …` when words were left out. A word wider than a line on its own
/// is cut between characters.
pub fn wrap(text: &str, setting: Setting, measure: &Measure) -> Vec<String> {
    let fits = |line: &str| measure.width(line, setting.size, setting.bold) <= setting.width;
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if fits(&candidate) {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        let mut rest = word.to_string();
        while !fits(&rest) {
            let (head, tail) = split_to_fit(&rest, &fits);
            lines.push(head);
            rest = tail;
        }
        current = rest;
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > setting.lines.max(1) {
        lines.truncate(setting.lines.max(1));
        let last = lines.pop().unwrap_or_default();
        lines.push(ellipsis(&last, &fits));
    }
    lines
}

/// The longest head of `word` that fits (at least one character), and the rest.
fn split_to_fit(word: &str, fits: &dyn Fn(&str) -> bool) -> (String, String) {
    let chars: Vec<char> = word.chars().collect();
    let mut keep = chars.len().saturating_sub(1).max(1);
    while keep > 1 && !fits(&chars[..keep].iter().collect::<String>()) {
        keep -= 1;
    }
    (
        chars[..keep].iter().collect(),
        chars[keep..].iter().collect(),
    )
}

/// `line` with words dropped from its end until `line …` fits.
fn ellipsis(line: &str, fits: &dyn Fn(&str) -> bool) -> String {
    let mut words: Vec<&str> = line.split(' ').collect();
    loop {
        let kept = words
            .join(" ")
            .trim_end_matches([',', ';', ':', '—', '–', '-'])
            .trim_end()
            .to_string();
        let candidate = format!("{kept} …");
        if fits(&candidate) || words.len() <= 1 {
            return candidate;
        }
        words.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::generated::cards::tests::fonts;

    fn setting(width: f64, lines: usize) -> Setting {
        Setting {
            size: 40.0,
            bold: false,
            width,
            lines,
        }
    }

    // Every line fits, no word is lost, and a text that needs too many lines ends in " …".
    #[test]
    fn breaks_at_spaces_and_shortens() {
        let fonts = fonts();
        let measure = fonts.measure();
        let text = "The soundtrack reached No. 1 on the Billboard 200 and stayed on the chart for many weeks";
        let lines = wrap(text, setting(500.0, 10), &measure);
        assert!(lines.len() > 2, "{lines:?}");
        for line in &lines {
            assert!(measure.width(line, 40.0, false) <= 500.0, "{line}");
        }
        assert_eq!(lines.join(" "), text);
        let short = wrap(text, setting(500.0, 2), &measure);
        assert_eq!(short.len(), 2);
        assert!(short[1].ends_with(" …"), "{short:?}");
        assert!(measure.width(&short[1], 40.0, false) <= 500.0);
        assert!(text.starts_with(&format!("{} ", short[0])));
    }

    // A word wider than the line is cut, never drawn past the edge.
    #[test]
    fn cuts_a_word_wider_than_the_line() {
        let fonts = fonts();
        let measure = fonts.measure();
        let lines = wrap(
            "Supercalifragilisticexpialidocious",
            setting(200.0, 5),
            &measure,
        );
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.concat(), "Supercalifragilisticexpialidocious");
        assert!(wrap("", setting(200.0, 5), &measure).is_empty());
    }
}
