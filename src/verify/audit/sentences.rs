//! Published text read as blocks and sentences: the pieces of a block joined into one
//! string (a bound number, citation or mark stands in as one private-use character), cut
//! into sentences so a citation covers the numbers of its own sentence.

use std::ops::Range;

use super::Piece;

/// Stands for a piece that is not words.
pub(super) const SPECIAL: char = '\u{E010}';

/// One block of text, joined.
#[derive(Debug, Default)]
pub(super) struct Block {
    /// The words, with [`SPECIAL`] for each piece that is not words.
    pub text: String,
    /// For each run of words: its range in `text` and its piece's index.
    pub words: Vec<(Range<usize>, usize)>,
    /// For each [`SPECIAL`]: its offset in `text` and its piece's index.
    pub specials: Vec<(usize, usize)>,
}

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: [&str; 34] = [
    "No", "Nos", "no", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "vs", "e.g", "i.e", "U.S", "U.K",
    "Inc", "Co", "Ltd", "approx", "Excl", "Vol", "p.m",
];

/// The blocks of a list of pieces: every [`Piece::Break`] ends one.
pub(super) fn blocks(pieces: &[Piece]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut block = Block::default();
    for (index, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Break => {
                if !block.text.is_empty() {
                    blocks.push(std::mem::take(&mut block));
                }
            }
            Piece::Words { text, .. } => {
                let start = block.text.len();
                block.text.push_str(text);
                block.words.push((start..block.text.len(), index));
            }
            Piece::Skip => block.text.push(' '),
            Piece::Bound { .. } | Piece::Cite(_) | Piece::Marked { .. } => {
                block.specials.push((block.text.len(), index));
                block.text.push(SPECIAL);
            }
        }
    }
    if !block.text.is_empty() {
        blocks.push(block);
    }
    blocks
}

/// The sentences of a block's text, as byte ranges. A citation right after a sentence's
/// full stop (`No. 1.[@x] Next`) belongs to that sentence.
pub(super) fn sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let at = i;
        let stop = match bytes[i] {
            b'.' | b'!' | b'?' => 1,
            // U+2026, the ellipsis.
            0xE2 if bytes[i..].starts_with("…".as_bytes()) => 3,
            _ => 0,
        };
        i += 1;
        if stop == 0 || (bytes[at] == b'.' && abbreviation(&text[start..at])) {
            continue;
        }
        let mut k = at + stop;
        let rest = &text[k..];
        let closing = rest.len()
            - rest
                .trim_start_matches(['"', '\'', '”', '’', ')', ']'])
                .len();
        k += closing;
        let rest = &text[k..];
        k += rest.len() - rest.trim_start_matches(SPECIAL).len();
        let rest = &text[k..];
        let spaced = rest.chars().next().is_none_or(char::is_whitespace);
        let next = rest.trim_start();
        let starts_sentence = next.chars().next().is_none_or(|c| {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[')
        });
        if spaced && starts_sentence {
            let end = text.len() - next.len();
            out.push(start..end);
            start = end;
            i = k;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// Whether the text before a full stop ends in an abbreviation or a single letter.
fn abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“'))
        .next()
        .unwrap_or("");
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_letter || ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn cuts_sentences_but_not_at_abbreviations() {
        assert_eq!(
            split("It rose to No. 1 on Sept. 20. Then it fell. J. Smith said so!"),
            [
                "It rose to No. 1 on Sept. 20. ",
                "Then it fell. ",
                "J. Smith said so!"
            ]
        );
        assert_eq!(
            split("It was \"No. 2.\" Then 3 more."),
            ["It was \"No. 2.\" ", "Then 3 more."]
        );
        assert_eq!(split("one.two. three"), ["one.two. three"]);
    }

    #[test]
    fn a_citation_after_the_full_stop_stays_with_its_sentence() {
        let text = format!("It was No. 1.{SPECIAL} Next{SPECIAL}.");
        assert_eq!(
            split(&text),
            [
                format!("It was No. 1.{SPECIAL} "),
                format!("Next{SPECIAL}.")
            ]
        );
    }

    #[test]
    fn blocks_end_at_breaks() {
        let words = |text: &str| Piece::Words {
            text: text.into(),
            at: 0..0,
        };
        let pieces = [
            words("a "),
            Piece::Bound {
                value: Some(2.0),
                at: 0..0,
            },
            Piece::Break,
            Piece::Break,
            words("b"),
        ];
        let blocks = blocks(&pieces);
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].text, format!("a {SPECIAL}"));
        assert_eq!(blocks[0].specials, [(2, 1)]);
        assert_eq!(blocks[1].words, [(0..1, 4)]);
    }
}
