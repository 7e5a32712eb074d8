//! The shortcodes: one registry of names and their dispatch, one file per built-in. `stat`
//! inserts a number from the data, `fact` checks a number the author wrote, `chart` draws a
//! chart-run graph.

mod args;
mod chart;
mod fact;
mod stat;

use std::cell::RefCell;

use crate::data::Data;
use crate::data::stats::{Resolved, Value};
use crate::diagnostic::Diagnostic;
use crate::escape;
use crate::markdown::call::Call;
use crate::markdown::{Expansion, Locator};
use crate::verify::{Used, audit};

pub use chart::csv_path;

/// The names of the built-in shortcodes.
pub const NAMES: [&str; 3] = ["stat", "fact", "chart"];

/// What the shortcodes of one page read, and what they record about it.
#[derive(Debug)]
pub struct Page<'a> {
    /// The site's data.
    pub data: &'a Data,
    /// The page's site path, for links from the page (a chart's CSV).
    pub url: &'a str,
    /// The stats its numbers used.
    pub used: RefCell<Vec<Used>>,
    /// The datasets its charts draw, in order (the n-th chart gets the id `chart-n`).
    pub charts: RefCell<Vec<String>>,
}

impl<'a> Page<'a> {
    /// A page whose shortcodes have not run yet.
    pub fn new(data: &'a Data, url: &'a str) -> Self {
        Self {
            data,
            url,
            used: RefCell::new(Vec::new()),
            charts: RefCell::new(Vec::new()),
        }
    }
}

/// Expands one shortcode call on `page`.
pub fn expand(call: &Call, at: Locator<'_>, page: &Page<'_>) -> Result<Expansion, Diagnostic> {
    let stats = page.data.stats();
    match call.name.as_str() {
        "stat" => stat::expand(call, at, stats, &mut page.used.borrow_mut()),
        "fact" => fact::expand(call, at, stats, &mut page.used.borrow_mut()),
        "chart" => {
            let number = page.charts.borrow().len() + 1;
            let place = chart::ChartPlace {
                page_url: page.url,
                number,
            };
            let (expansion, dataset) = chart::expand(call, at, page, place)?;
            page.charts.borrow_mut().push(dataset);
            Ok(expansion)
        }
        _ => Err(at
            .at(
                call.name_range.clone(),
                format!("unknown shortcode `{}`", call.name),
            )
            .with_help(format!("shortcodes: {}", NAMES.join(", ")))),
    }
}

pub(super) fn as_of(resolved: &Resolved) -> String {
    resolved
        .as_of
        .map(|d| format!(", data as of {}", d.long()))
        .unwrap_or_default()
}

/// A bound number: its HTML with the tooltip, its text, and a bound piece for the audit
/// at `at` (the number in the file).
pub(super) fn inline(class: &str, title: &str, text: String, bound: audit::Piece) -> Expansion {
    Expansion {
        html: format!(
            "<span class=\"{class}\" title=\"{}\">{}</span>",
            escape::html(title),
            escape::html(&text)
        ),
        text,
        block: false,
        files: Vec::new(),
        prose: vec![bound],
    }
}

/// The audit's piece for a number bound to the data at `at`; `asserted` is the value a
/// `fact` checks, which a title on the same page may repeat.
pub(super) fn bound(asserted: Option<Value>, at: std::ops::Range<usize>) -> audit::Piece {
    #[allow(
        clippy::cast_precision_loss,
        reason = "a value compared with a title's number"
    )]
    let value = match asserted {
        Some(Value::Int(n)) => Some(n as f64),
        _ => None,
    };
    audit::Piece::Bound { value, at }
}

#[cfg(test)]
mod tests;
