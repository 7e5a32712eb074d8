//! Footnotes compared by what they say rather than their markup: pulldown-cmark leaves each
//! note where it is defined, factsite gathers the notes in a numbered list at the end of the
//! page with links back to the text.

/// A page's HTML with its footnotes taken out.
#[derive(Debug, PartialEq, Eq)]
pub struct Split {
    /// The HTML without the notes, each reference replaced by [`REFERENCE`].
    pub text: String,
    /// The notes' bodies, sorted (the two writers order them differently).
    pub notes: Vec<String>,
}

/// What a footnote reference becomes in [`Split::text`].
const REFERENCE: &str = "⟦footnote⟧";

/// Splits pulldown-cmark's HTML (normalised): references are
/// `<sup class="footnote-reference">...</sup>`, notes `<div class="footnote-definition">`.
pub fn pulldown(html: &str) -> Option<Split> {
    let text = references(html, "<sup class=\"footnote-reference\">");
    let mut notes = Vec::new();
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("<div class=\"footnote-definition\"") {
        // The writer starts a note on a new line: that line break goes with the note.
        let before = &rest[..at];
        out.push_str(before.strip_suffix('\n').unwrap_or(before));
        let label_end = rest[at..].find("</sup>")? + at + "</sup>".len();
        let end = balanced(rest, at, "<div", "</div>")?;
        notes.push(rest[label_end..end].trim().to_string());
        rest = &rest[end + "</div>".len()..];
    }
    out.push_str(rest);
    Some(finish(out, notes))
}

/// Splits factsite's HTML (normalised): references are `<sup class="footnote-ref" ...>`,
/// notes the items of the `<section class="footnotes">` at the end, without their back link.
pub fn factsite(html: &str) -> Option<Split> {
    let text = references(html, "<sup class=\"footnote-ref\"");
    let open = "<section class=\"footnotes\" id=\"footnotes\" aria-label=\"Footnotes\"><ol>";
    let Some(start) = text.find(open) else {
        return Some(finish(text, Vec::new()));
    };
    let section_end = text.rfind("</ol></section>")?;
    let mut notes = Vec::new();
    let mut pos = start + open.len();
    while pos < section_end {
        let item = &text[pos..];
        if !item.starts_with("<li id=\"fn-") {
            return None;
        }
        let body_start = pos + item.find('>')? + 1;
        let end = balanced(&text, pos, "<li", "</li>")?;
        let body = &text[body_start..end];
        let body = match body.rfind("<p class=\"footnote-back\">") {
            Some(back) if body.ends_with("</p>") => &body[..back],
            _ => body,
        };
        notes.push(body.trim().to_string());
        pos = end + "</li>".len();
    }
    let mut out = text[..start].to_string();
    out.push_str(&text[section_end + "</ol></section>".len()..]);
    Some(finish(out, notes))
}

fn finish(text: String, mut notes: Vec<String>) -> Split {
    notes.sort();
    Split {
        text: text.trim().to_string(),
        notes,
    }
}

/// `html` with every `<sup>` starting with `open` (a footnote reference) replaced.
fn references(html: &str, open: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(open) {
        out.push_str(&rest[..at]);
        match rest[at..].find("</sup>") {
            Some(end) => {
                out.push_str(REFERENCE);
                rest = &rest[at + end + "</sup>".len()..];
            }
            None => {
                out.push_str(&rest[at..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Where the `close` tag matching the `open` tag at `start` begins.
fn balanced(html: &str, start: usize, open: &str, close: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut pos = start;
    loop {
        let next_open = html[pos..].find(open).map(|i| pos + i);
        let next_close = html[pos..].find(close).map(|i| pos + i)?;
        match next_open {
            Some(o) if o < next_close => {
                depth += 1;
                pos = o + open.len();
            }
            _ => {
                depth -= 1;
                if depth == 0 {
                    return Some(next_close);
                }
                pos = next_close + close.len();
            }
        }
    }
}
