//! Expanding what the scan found (shortcodes, citations, literals, marks), and, for a
//! shortcode that asks, what it holds: its body and string arguments, expanded the same
//! way, and the links its output writes, checked with the page's own.

use std::ops::Range;

use super::call::{self, SyntaxError};
use super::citations::Citations;
use super::held::Held;
use super::scan::{self, Found, Item};
use super::{Env, Expansion, FoundLink, Inner, LinkTarget, Locator};
use crate::diagnostic::Diagnostic;
use crate::escape;
use crate::prose::Piece;
use crate::write::OutputFile;

/// How deep shortcodes may sit inside each other's bodies and arguments.
const MAX_NESTING: usize = 16;

/// The help for a broken shortcode with no better hint of its own.
const SYNTAX_HELP: &str = "shortcodes look like {{ stat(chart=\"hot-100\", entry=\"golden\", value=\"peak\") }}; to show braces literally, put them in `code` or write {{/* ... */}}";

/// Expands the items of one page, keeping what they add to it.
pub(super) struct Expander<'a> {
    pub(super) env: &'a dyn Env,
    pub(super) locator: Locator<'a>,
    /// The page's code ranges, where nothing is expanded.
    pub(super) code: &'a [Range<usize>],
    pub(super) citations: Citations,
    pub(super) errors: Vec<Diagnostic>,
    /// Files shortcodes publish, each with the file range of its shortcode.
    pub(super) files: Vec<(OutputFile, Range<usize>)>,
    /// Links written in shortcodes' output.
    pub(super) links: Vec<FoundLink>,
    depth: usize,
}

impl<'a> Expander<'a> {
    pub(super) fn new(env: &'a dyn Env, locator: Locator<'a>, code: &'a [Range<usize>]) -> Self {
        Self {
            env,
            locator,
            code,
            citations: Citations::default(),
            errors: Vec::new(),
            files: Vec::new(),
            links: Vec::new(),
            depth: 0,
        }
    }

    /// A syntax error of the scan, located, with its hint.
    pub(super) fn syntax(&mut self, error: SyntaxError) {
        let help = error.help.unwrap_or_else(|| SYNTAX_HELP.to_string());
        self.errors
            .push(self.locator.at(error.range, error.message).with_help(help));
    }

    /// The expansion of a found item, and the file range it replaces. An error is kept,
    /// and the item expands to nothing.
    pub(super) fn found(&mut self, found: Found) -> (Range<usize>, Expansion) {
        let range = found.range;
        match self.item(found.item, &range) {
            Ok(mut expansion) => {
                let files = std::mem::take(&mut expansion.files);
                self.files
                    .extend(files.into_iter().map(|file| (file, range.clone())));
                (range, expansion)
            }
            Err(error) => {
                self.errors.push(error);
                (range, Expansion::default())
            }
        }
    }

    fn item(&mut self, item: Item, range: &Range<usize>) -> Result<Expansion, Diagnostic> {
        match item {
            Item::Shortcode(call) => {
                let (env, locator) = (self.env, self.locator);
                env.shortcode(&call, locator, self)
            }
            Item::Citation(ids) => self.citations.expand(&ids, self.env, self.locator),
            Item::Literal(text) => Ok(Expansion {
                html: escape::html(&text),
                text,
                prose: vec![Piece::Skip],
                ..Expansion::default()
            }),
            Item::Mark(text) => Ok(Expansion {
                html: escape::html(&text),
                text,
                prose: vec![Piece::Marked { at: range.clone() }],
                ..Expansion::default()
            }),
        }
    }
}

impl Inner for Expander<'_> {
    fn expand(&mut self, range: Range<usize>, string: bool, held: &mut Held) -> String {
        if self.depth >= MAX_NESTING {
            self.errors.push(self.locator.at(
                range,
                format!("shortcodes nest more than {MAX_NESTING} deep here"),
            ));
            return String::new();
        }
        self.depth += 1;
        let text = self.locator.text;
        // A string's quotes are not its text, and it holds no code.
        let (inner, code) = if string {
            (
                range.start + 1..range.end.saturating_sub(1).max(range.start + 1),
                &[][..],
            )
        } else {
            (range, self.code)
        };
        let (found, syntax) = scan::scan(&text[..inner.end], inner.start, code);
        for error in syntax {
            self.syntax(error);
        }
        let segment = |range: Range<usize>| {
            let raw = &text[range];
            if string {
                call::unescape(raw)
            } else {
                raw.to_string()
            }
        };
        let mut out = String::with_capacity(inner.len());
        let mut pos = inner.start;
        for found in found {
            out.push_str(&segment(pos..found.range.start));
            pos = found.range.end;
            let (range, expansion) = self.found(found);
            out.push_str(&held.hold(range, expansion));
        }
        out.push_str(&segment(pos..inner.end));
        self.depth -= 1;
        out
    }

    fn link(&mut self, dest: &str, at: Range<usize>) -> Result<LinkTarget, String> {
        let target = self.env.link(dest)?;
        if let Some(check) = &target.check {
            self.links.push(FoundLink {
                check: check.clone(),
                range: at,
            });
        }
        Ok(target)
    }
}
