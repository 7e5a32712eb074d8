//! The one place numbers are classified: bound, cited, exempt, marked or unbound.

use std::ops::Range;

use super::context::{Context, same};
use super::locate;
use super::sentences::{self, Block};
use super::{Backing, Class, Exemption, Finding, Piece};
use crate::prose::numbers::{self, Kind, Mention};

/// Classifies every number of published `pieces` taken from `file`. A sentence's numbers
/// are cited by the sources it cites; `backing` adds sources and bound values for text
/// that cannot cite (a title).
pub fn classify(
    pieces: &[Piece],
    backing: &Backing,
    context: &Context,
    file: &str,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for block in sentences::blocks(pieces) {
        let read = Reader {
            block: &block,
            pieces,
        };
        read.classify(backing, context, file, &mut findings);
    }
    findings.sort_by_key(|f| f.at.start);
    findings
}

/// One block of published text being classified.
struct Reader<'a> {
    block: &'a Block,
    pieces: &'a [Piece],
}

impl Reader<'_> {
    fn classify(&self, backing: &Backing, context: &Context, file: &str, out: &mut Vec<Finding>) {
        for &(_, index) in &self.block.specials {
            match &self.pieces[index] {
                Piece::Bound { at, .. } => out.push(self.finding(Class::Bound, file, at)),
                Piece::Marked { at } => out.push(self.finding(Class::Marked, file, at)),
                _ => {}
            }
        }
        let text = &self.block.text;
        let mentions = numbers::find(text);
        if mentions.is_empty() {
            return;
        }
        let names = context.names().ranges(text);
        // Sentences matter only for what their citations cover.
        let cites_here = self
            .block
            .specials
            .iter()
            .any(|&(_, i)| matches!(self.pieces[i], Piece::Cite(_)));
        let whole: Range<usize> = 0..text.len();
        let sentences = if cites_here {
            sentences::sentences(text)
        } else {
            std::iter::once(whole).collect()
        };
        let mut sentence = 0;
        let mut cites = self.cites(backing, &sentences[0]);
        for mention in mentions {
            while sentence + 1 < sentences.len() && sentences[sentence].end <= mention.range.start {
                sentence += 1;
                cites = self.cites(backing, &sentences[sentence]);
            }
            let range = mention.range.clone();
            let in_name = names
                .iter()
                .any(|n| n.start <= range.start && range.end <= n.end);
            let class = if labels_part(&text[..range.start]) {
                Class::Exempt(Exemption::Label)
            } else {
                class_of(&mention, in_name, &cites, backing, context)
            };
            out.push(Finding {
                class,
                text: text[range.clone()].to_string(),
                at: self.locate(file, range),
            });
        }
    }

    /// The sources that cover a sentence: its citations and the backing's.
    fn cites<'p>(&'p self, backing: &'p Backing, sentence: &Range<usize>) -> Vec<&'p str> {
        let mut cites: Vec<&str> = backing.sources.iter().map(String::as_str).collect();
        for &(offset, index) in &self.block.specials {
            if let (true, Piece::Cite(ids)) = (sentence.contains(&offset), &self.pieces[index]) {
                cites.extend(ids.iter().map(String::as_str));
            }
        }
        cites
    }

    fn finding(&self, class: Class, file: &str, at: &Range<usize>) -> Finding {
        Finding {
            class,
            text: file.get(at.clone()).unwrap_or_default().to_string(),
            at: at.clone(),
        }
    }

    /// The file range of a range of the block's text.
    fn locate(&self, file: &str, range: Range<usize>) -> Range<usize> {
        let Some((words, index)) = self
            .block
            .words
            .iter()
            .find(|(words, _)| words.start <= range.start && range.start < words.end)
        else {
            return 0..0;
        };
        let Piece::Words { text, at } = &self.pieces[*index] else {
            return 0..0;
        };
        let end = range.end.min(words.end);
        let token = &self.block.text[range.start..end];
        let offset = range.start - words.start;
        let found = locate::in_file(file, at, (text, offset), token);
        if !found.is_empty() {
            return found;
        }
        // The source may break the number across lines ("No.\n2"): find its core alone.
        let (core_start, core) = core(token);
        locate::in_file(file, at, (text, offset + core_start), core)
    }
}

/// The part of a number as written that holds its digits or its word: "2" of "No. 2",
/// "18" of "$18 million", "eight" of "eight".
fn core(token: &str) -> (usize, &str) {
    let digits = token.find(|c: char| c.is_ascii_digit());
    let start = digits.unwrap_or_else(|| token.find(char::is_alphabetic).unwrap_or(0));
    let rest = &token[start..];
    let len = rest
        .find(|c: char| {
            if digits.is_some() {
                !(c.is_ascii_digit() || c == ',' || c == '.')
            } else {
                !c.is_alphabetic() && c != '-'
            }
        })
        .unwrap_or(rest.len());
    (start, &rest[..len])
}

fn class_of(
    mention: &Mention,
    in_name: bool,
    cites: &[&str],
    backing: &Backing,
    context: &Context,
) -> Class {
    match mention.kind {
        Kind::Date => return Class::Exempt(Exemption::Date),
        Kind::Year => return Class::Exempt(Exemption::Year),
        Kind::Quantity => {}
    }
    if in_name {
        return Class::Exempt(Exemption::Name);
    }
    // A title repeating a number its page binds is bound to the same data.
    if backing.values.iter().any(|v| same(*v, mention.value)) {
        return Class::Bound;
    }
    // A quote in the same wording ("No. 2" for "No. 2") names the source before one that
    // only gives the digits.
    let cited = cites
        .iter()
        .find(|id| context.quoted(id, mention, true))
        .or_else(|| cites.iter().find(|id| context.quoted(id, mention, false)));
    match cited {
        Some(id) => Class::Cited((*id).to_string()),
        None => Class::Unbound,
    }
}

/// Words that number a part of the text itself, not the world: "Part 2", "Figure 1".
const PART_WORDS: [&str; 14] = [
    "appendix", "chapter", "fig.", "figure", "footnote", "note", "p.", "page", "part", "question",
    "section", "step", "table", "vol.",
];

/// Whether the text right before a number ends in a word that numbers a part of the text
/// ("Part ", "see Figure "): the number is then a label, not a fact.
fn labels_part(before: &str) -> bool {
    let Some(trimmed) = before
        .strip_suffix(' ')
        .or_else(|| before.strip_suffix('\u{a0}'))
    else {
        return false;
    };
    let word = trimmed
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '[')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    PART_WORDS.contains(&word.as_str())
}
