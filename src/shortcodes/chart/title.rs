//! A chart's title as written in its shortcode: words, `stat` and `fact` shortcodes, and
//! marks. Its facts are checked like any other, so a title cannot disagree with its chart.

use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::markdown::Locator;
use crate::markdown::call;
use crate::markdown::scan::{self, Item};
use crate::prose::Piece;

use super::Page;

/// A chart title: the text drawn and what the audit reads in it.
#[derive(Debug, Default)]
pub(in crate::shortcodes) struct Title {
    /// The title as published.
    pub text: String,
    /// Its words, bound numbers and marks.
    pub prose: Vec<Piece>,
}

impl Title {
    /// A title without shortcodes (the chart's name, when no title is given).
    pub fn plain(text: &str, at: Range<usize>) -> Self {
        Self {
            text: text.to_string(),
            prose: vec![Piece::Words {
                text: text.to_string(),
                at,
            }],
        }
    }

    fn words(&mut self, file: &str, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        let text = call::unescape(&file[range.clone()]);
        self.text.push_str(&text);
        self.prose.push(Piece::Words { text, at: range });
    }
}

/// The title string at `range` of the file (its quotes included), with its shortcodes
/// expanded on `page`.
pub(in crate::shortcodes) fn expand(
    at: Locator<'_>,
    range: Range<usize>,
    page: &Page<'_>,
) -> Result<Title, Diagnostic> {
    let inner = range.start + 1..range.end.saturating_sub(1).max(range.start + 1);
    let (found, errors) = scan::scan(&at.text[..inner.end], inner.start, &[]);
    if let Some(error) = errors.into_iter().next() {
        return Err(at.at(error.range, error.message));
    }
    let mut title = Title::default();
    let mut pos = inner.start;
    for found in found {
        title.words(at.text, pos..found.range.start);
        pos = found.range.end;
        match found.item {
            Item::Shortcode(call) if matches!(call.name.as_str(), "stat" | "fact") => {
                let expansion = crate::shortcodes::builtin(&call, at, page)?;
                title.text.push_str(&expansion.text);
                title.prose.extend(expansion.prose);
            }
            Item::Shortcode(call) => {
                return Err(at
                    .at(
                        call.name_range,
                        format!(
                            "a chart title can hold `stat` and `fact`, not `{}`",
                            call.name
                        ),
                    )
                    .with_help(
                        "write the title's numbers with fact(...) so the build checks them",
                    ));
            }
            Item::Citation(_) => {
                return Err(at
                    .at(found.range, "a chart title cannot cite a source")
                    .with_help("cite the source in the text around the chart"));
            }
            Item::Literal(text) => {
                title.text.push_str(&text);
                title.prose.push(Piece::Skip);
            }
            Item::Mark(text) => {
                title.text.push_str(&text);
                title.prose.push(Piece::Marked { at: found.range });
            }
        }
    }
    title.words(at.text, pos..inner.end);
    Ok(title)
}
