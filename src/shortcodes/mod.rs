//! The shortcodes: one registry of names and their dispatch, one file per built-in, and the
//! author's own. `stat` inserts a number from the data, `fact` checks a number the author
//! wrote, `chart` draws a chart-run graph; `templates/shortcodes/NAME.html` defines `NAME`
//! (`author.rs`). A built-in's name cannot be taken by an author's template.

mod args;
mod author;
mod chart;
mod fact;
mod links;
mod stat;

use std::cell::RefCell;
use std::collections::HashMap;

use crate::content::date::Date;
use crate::data::Data;
use crate::data::stats::{Resolved, Value};
use crate::diagnostic::Diagnostic;
use crate::escape;
use crate::markdown::call::Call;
use crate::markdown::{Expansion, Inner, Locator};
use crate::prose::Piece;
use crate::verify::Used;

pub use author::{Authored, SET};
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
    /// The date of the latest data its charts draw, as their captions give it.
    pub charts_as_of: RefCell<Option<Date>>,
    /// Whether charts curl straight quotes in their text, as the site's markdown does.
    pub smart_quotes: bool,
    /// Whether a number from a chart links to its row on the chart's page.
    pub link_charts: bool,
    /// Whether a number from `figures.toml` links to its row in the figures table of the
    /// charts section (`/charts/#figure-<id>`), which the site must then publish.
    pub link_figures: bool,
    /// The author's shortcodes (`templates/shortcodes/`), when the page has templates.
    pub authored: Option<&'a dyn Authored>,
    /// How many times each of the author's shortcodes was called so far, for `nth`.
    pub calls: RefCell<HashMap<String, usize>>,
}

impl std::fmt::Debug for dyn Authored + '_ {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.names()).finish()
    }
}

impl<'a> Page<'a> {
    /// A page whose shortcodes have not run yet.
    pub fn new(data: &'a Data, url: &'a str) -> Self {
        Self {
            data,
            url,
            used: RefCell::new(Vec::new()),
            charts: RefCell::new(Vec::new()),
            charts_as_of: RefCell::new(None),
            smart_quotes: true,
            link_charts: false,
            link_figures: false,
            authored: None,
            calls: RefCell::new(HashMap::new()),
        }
    }
}

/// Expands one shortcode call on `page`: a built-in, or one of the author's, which gets
/// what it holds (its body, its text arguments) expanded by `inner`.
pub fn expand(
    call: &Call,
    at: Locator<'_>,
    page: &Page<'_>,
    inner: &mut dyn Inner,
) -> Result<Expansion, Diagnostic> {
    if NAMES.contains(&call.name.as_str()) {
        if call.body.is_some() {
            return Err(at
                .at(
                    call.name_range.clone(),
                    format!("`{}` takes no body", call.name),
                )
                .with_help(format!(
                    "write it as {{{{ {}(...) }}}}, without {{% end %}}",
                    call.name
                )));
        }
        return builtin(call, at, page);
    }
    match page.authored {
        Some(templates) if templates.names().contains(&call.name.as_str()) => {
            author::expand(call, at, page, templates, inner)
        }
        authored => Err(unknown(call, at, authored)),
    }
}

/// The error for a shortcode nobody defines, listing those that exist.
fn unknown(call: &Call, at: Locator<'_>, authored: Option<&dyn Authored>) -> Diagnostic {
    let own = authored.map(Authored::names).unwrap_or_default();
    let mut known = format!("{} (built in)", NAMES.join(", "));
    if !own.is_empty() {
        known = format!("{known}, {} (templates/shortcodes/)", own.join(", "));
    }
    at.at(
        call.name_range.clone(),
        format!("unknown shortcode `{}`", call.name),
    )
    .with_help(format!(
        "shortcodes: {known}; to make `{name}`, write templates/shortcodes/{name}.html",
        name = call.name
    ))
}

/// Expands a call of a built-in shortcode.
pub(crate) fn builtin(
    call: &Call,
    at: Locator<'_>,
    page: &Page<'_>,
) -> Result<Expansion, Diagnostic> {
    let stats = page.data.stats();
    match call.name.as_str() {
        "stat" | "fact" => {
            let mut used = page.used.borrow_mut();
            let expansion = if call.name == "stat" {
                stat::expand(call, at, stats, &mut used)?
            } else {
                fact::expand(call, at, stats, &mut used)?
            };
            let href = used.last().and_then(|u| data_row(page, &u.path));
            Ok(match href {
                Some(href) => as_link(expansion, &href),
                None => expansion,
            })
        }
        "chart" => {
            let number = page.charts.borrow().len() + 1;
            let place = chart::ChartPlace {
                page_url: page.url,
                number,
                smart_quotes: page.smart_quotes,
            };
            let (expansion, dataset, as_of) = chart::expand(call, at, page, place)?;
            page.charts.borrow_mut().push(dataset);
            let mut latest = page.charts_as_of.borrow_mut();
            *latest = (*latest).max(as_of);
            Ok(expansion)
        }
        _ => Err(unknown(call, at, None)),
    }
}

/// Where the data behind a stat path is shown, as a link from the page: a chart's page,
/// at the row of the entry (`#entry-golden`) or of the week (`#chart-1-2025-08-02`) it
/// names; a figure's row in the charts section's figures table.
fn data_row(page: &Page<'_>, path: &str) -> Option<String> {
    let (path, week) = path
        .split_once('@')
        .map_or((path, None), |(p, w)| (p, Some(w)));
    let parts: Vec<&str> = path.split('/').collect();
    let target = match parts.as_slice() {
        ["figures", id] if page.link_figures => format!("/charts/#figure-{id}"),
        [chart, rest @ ..] if page.link_charts && *chart != "figures" && !rest.is_empty() => {
            page.data.stats().dataset(chart).ok()?;
            match (rest, week) {
                (_, Some(week)) => format!("/charts/{chart}/#chart-1-{week}"),
                ([entry, _], None) => format!("/charts/{chart}/#entry-{entry}"),
                _ => format!("/charts/{chart}/"),
            }
        }
        _ => return None,
    };
    let (path, fragment) = target.split_once('#').unwrap_or((&target, ""));
    let href = escape::url_path(&crate::content::routes::relative(page.url, path));
    Some(if fragment.is_empty() {
        href
    } else {
        format!("{href}#{}", escape::url_path(fragment))
    })
}

/// A bound number's `<span class="fact" title="…">` as `<a class="fact" href="…" title="…">`.
fn as_link(mut expansion: Expansion, href: &str) -> Expansion {
    if let Some(rest) = expansion.html.strip_prefix("<span ")
        && let Some(inner) = rest.strip_suffix("</span>")
    {
        let linked = format!("<a href=\"{}\" {inner}</a>", escape::html(href));
        expansion.unlinked = Some(std::mem::replace(&mut expansion.html, linked));
    }
    expansion
}

pub(super) fn as_of(resolved: &Resolved) -> String {
    resolved
        .as_of
        .map(|d| format!(", data as of {}", d.long()))
        .unwrap_or_default()
}

/// A bound number: its HTML with the tooltip, its text, and a bound piece for the audit
/// at `at` (the number in the file).
pub(super) fn inline(class: &str, title: &str, text: String, bound: Piece) -> Expansion {
    Expansion {
        html: format!(
            "<span class=\"{class}\" title=\"{}\">{}</span>",
            escape::html(title),
            escape::html(&text)
        ),
        text,
        block: false,
        lifts: false,
        files: Vec::new(),
        prose: vec![bound],
        unlinked: None,
    }
}

/// The audit's piece for a number bound to the data at `at`; `asserted` is the value a
/// `fact` checks, which a title on the same page may repeat.
pub(super) fn bound(asserted: Option<Value>, at: std::ops::Range<usize>) -> Piece {
    #[allow(
        clippy::cast_precision_loss,
        reason = "a value compared with a title's number"
    )]
    let value = match asserted {
        Some(Value::Int(n)) => Some(n as f64),
        _ => None,
    };
    Piece::Bound { value, at }
}

#[cfg(test)]
mod tests;
