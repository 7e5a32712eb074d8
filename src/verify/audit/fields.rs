//! The texts outside a markdown body that a reader sees: a page's title and description, a
//! claim's summary and check notes, and figure labels. None can cite or bind on its own,
//! so each is backed by its page (or its figure): the sources it cites and the values it
//! binds.

use std::ops::Range;

use crate::content::page::Page;
use crate::data::figures::Figures;

use super::locate::{raw_string, string_at};
use super::{Backing, Context, Finding, Piece, classify};
use crate::prose::mark;

/// A front matter text: its table (`None` for the top level, else the header and which
/// of the tables with that header), its key, and its value if set.
type Field<'a> = (Option<(&'a str, usize)>, &'a str, Option<&'a str>);

/// The numbers of a page's front matter texts, backed by `backing`.
pub fn front_matter(page: &Page, backing: &Backing, context: &Context) -> Vec<Finding> {
    let toml_start = page.toml_offset();
    let toml = &page.text[toml_start..page.body_offset.max(toml_start)];
    let mut fields: Vec<Field<'_>> = vec![
        (None, "title", Some(page.meta.title.as_str())),
        (None, "description", page.meta.description.as_deref()),
    ];
    if let Some(claim) = &page.meta.claim {
        fields.push((Some(("claim", 0)), "summary", claim.summary.as_deref()));
        for (i, check) in claim.check.iter().enumerate() {
            fields.push((Some(("claim.check", i)), "note", check.note.as_deref()));
        }
    }
    let mut findings = Vec::new();
    for (table, key, value) in fields {
        let Some(value) = value else {
            continue;
        };
        let pieces = match raw_string(toml, table, key) {
            Some(raw) => pieces(&page.text, toml_start + raw.start..toml_start + raw.end),
            None => vec![Piece::Words {
                text: value.to_string(),
                at: 0..0,
            }],
        };
        findings.extend(classify(&pieces, backing, context, &page.text));
    }
    findings
}

/// The numbers of every figure's label, each backed by its figure's source.
pub fn figure_labels(figures: &Figures, context: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    for figure in &figures.figures {
        let Some(raw) = string_at(&figures.text, figure.label_span.start) else {
            continue;
        };
        // A label's numbers are cited by the figure's source, as a sentence's are; the
        // figure's own value backs nothing, since it changes with the data.
        let backing = Backing {
            sources: vec![figure.source.clone()],
            values: Vec::new(),
        };
        findings.extend(classify(
            &pieces(&figures.text, raw),
            &backing,
            context,
            &figures.text,
        ));
    }
    findings
}

/// The words of a string as written in its file, with its marks.
fn pieces(file: &str, range: Range<usize>) -> Vec<Piece> {
    let text = &file[range.clone()];
    let mut out = Vec::new();
    let mut pos = 0;
    for found in mark::find_all(text) {
        out.push(Piece::Words {
            text: text[pos..found.start].to_string(),
            at: range.start + pos..range.start + found.start,
        });
        out.push(Piece::Marked {
            at: range.start + found.start..range.start + found.end,
        });
        pos = found.end;
    }
    out.push(Piece::Words {
        text: text[pos..].to_string(),
        at: range.start + pos..range.end,
    });
    out
}
