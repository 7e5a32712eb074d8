//! The author's own shortcodes: `templates/shortcodes/NAME.html`, called as
//! `{{ name(key=value) }}` or with a body, `{% name(key=value) %}body{% end %}`, as in Zola.
//! Arguments reach the template as their types; `body`, `nth`, `page` and `config` are set
//! by factsite. Shortcodes, citations and marks inside the body and text arguments are
//! expanded first, so a `fact` there stays checked and bound; every other number the
//! template publishes is audited like the page's own words.

use serde::Serialize;
use tera::{Context, Value};

use crate::content::date::Date;
use crate::diagnostic::Diagnostic;
use crate::markdown::call::{Arg, ArgValue, Call};
use crate::markdown::held::{self, Held};
use crate::markdown::{Expansion, Inner, Locator};
use crate::prose::{Piece, mark};

use super::Page;
use super::links;

/// The author's shortcode templates, as the page being rendered sees them.
pub trait Authored {
    /// The names of the author's shortcodes, sorted.
    fn names(&self) -> Vec<&str>;
    /// The variables the template of `name` may read, sorted, when that can be told.
    fn reads(&self, name: &str) -> Option<Vec<&str>>;
    /// Renders `templates/shortcodes/NAME.html` with `values` (arguments, `body`, `nth`);
    /// the renderer adds `page`, `config` and what `url()` needs.
    fn render(&self, name: &str, values: Context) -> Result<String, Diagnostic>;
}

/// The names factsite sets in every author shortcode, which no argument may take.
pub const SET: [&str; 7] = [
    "body",
    "nth",
    "page",
    "config",
    "nav",
    "current_path",
    "link_mode",
];

/// Expands a call of the author's shortcode `call.name` on `page`.
pub(super) fn expand(
    call: &Call,
    at: Locator<'_>,
    page: &Page<'_>,
    templates: &dyn Authored,
    inner: &mut dyn Inner,
) -> Result<Expansion, Diagnostic> {
    let nth = {
        let mut calls = page.calls.borrow_mut();
        let count = calls.entry(call.name.clone()).or_insert(0);
        *count += 1;
        *count
    };
    let mut held = Held::new();
    let mut values = Context::new();
    let reads = templates.reads(&call.name);
    for (i, arg) in call.args.iter().enumerate() {
        let name = argument_name(call, arg, at, i)?;
        if let Some(reads) = &reads {
            read(call, arg, name, reads, at)?;
        }
        values.insert_value(name.to_string(), value(arg, at, inner, &mut held)?);
    }
    if let Some(body) = &call.body {
        let body = inner.expand(body.clone(), false, &mut held);
        values.insert("body", &body);
    }
    values.insert("nth", &nth);
    let html = templates.render(&call.name, values).map_err(|error| {
        let called = at.at(call.name_range.clone(), "").location();
        error.with_note(format!(
            "in the shortcode `{}` called at {called}",
            call.name
        ))
    })?;
    // A template file ends with a line break, which inline would be a space before the
    // text that follows (`{{ name() }}.`).
    let html = html.trim_end_matches(['\n', '\r']);
    // The links the template writes; what it was given (a chart, a citation) holds its
    // own links, already resolved.
    let html =
        links::resolve(html, |dest| inner.link(dest, call.range.clone())).map_err(|message| {
            at.at(call.name_range.clone(), message).with_note(format!(
                "the link is in the output of the shortcode `{}`",
                call.name
            ))
        })?;
    let output = held.output(&html, call.range.clone());
    if output.mangled {
        return Err(at
            .at(
                call.name_range.clone(),
                format!("the template of `{}` cut into a shortcode, citation or mark it was given", call.name),
            )
            .with_help("print `body` and text arguments whole (`{{ body | markdown | safe }}`), not truncated or sliced"));
    }
    if let Some(block) = output.block_in_text {
        return Err(at
            .at(
                block,
                "this shortcode makes a block (a figure) and must stand alone in its own paragraph",
            )
            .with_help(format!(
                "put a blank line before and after it in the body of `{}`",
                call.name
            )));
    }
    let html = output.html;
    let lifts = held::starts_block(&html);
    let mut prose = output.prose;
    if lifts {
        prose.insert(0, Piece::Break);
        prose.push(Piece::Break);
    }
    if prose.is_empty() {
        prose.push(Piece::Skip);
    }
    Ok(Expansion {
        html,
        text: output.text,
        lifts,
        prose,
        ..Expansion::default()
    })
}

/// The name of the `i`-th argument: named, not one factsite sets, not given twice.
fn argument_name<'c>(
    call: &'c Call,
    arg: &'c Arg,
    at: Locator<'_>,
    i: usize,
) -> Result<&'c str, Diagnostic> {
    let Some(name) = arg.name.as_deref() else {
        return Err(at
            .at(
                arg.whole.clone(),
                format!("`{}` takes named arguments only", call.name),
            )
            .with_help(
                "write key=value: the template reads each argument by its name, as in Zola",
            ));
    };
    if SET.contains(&name) {
        return Err(at
            .at(
                arg.whole.clone(),
                format!("`{name}` is set by factsite in every shortcode"),
            )
            .with_help(format!(
                "give the argument another name; factsite sets {}",
                SET.join(", ")
            )));
    }
    if call.args[..i]
        .iter()
        .any(|a| a.name.as_deref() == Some(name))
    {
        return Err(at.at(arg.whole.clone(), format!("`{name}` is given twice")));
    }
    Ok(name)
}

/// An error unless the template reads the argument `name`, as a misspelt one would be
/// ignored: the help lists the arguments it does read.
fn read(
    call: &Call,
    arg: &Arg,
    name: &str,
    reads: &[&str],
    at: Locator<'_>,
) -> Result<(), Diagnostic> {
    if reads.contains(&name) {
        return Ok(());
    }
    let known: Vec<String> = reads
        .iter()
        .filter(|variable| !SET.contains(variable))
        .map(|variable| format!("`{variable}`"))
        .collect();
    let known = if known.is_empty() {
        "none".to_string()
    } else {
        known.join(", ")
    };
    let width = name.len();
    Err(at
        .at(
            arg.whole.start..arg.whole.start + width,
            format!("`{}` has no argument `{name}`", call.name),
        )
        .with_help(format!(
            "templates/shortcodes/{}.html reads {known}; rename the argument, or read `{name}` in the template",
            call.name
        )))
}

/// A date as templates see every date: `{iso, long}`.
#[derive(Serialize)]
struct DateValue {
    iso: String,
    long: String,
}

impl From<Date> for DateValue {
    fn from(date: Date) -> Self {
        Self {
            iso: date.iso(),
            long: date.long(),
        }
    }
}

/// An argument's value as its Tera type; a text argument with its shortcodes expanded.
fn value(
    arg: &Arg,
    at: Locator<'_>,
    inner: &mut dyn Inner,
    held: &mut Held,
) -> Result<Value, Diagnostic> {
    match &arg.value {
        ArgValue::Str(_) => Ok(Value::from(inner.expand(arg.range.clone(), true, held))),
        other => plain(other).map_err(|message| at.at(arg.range.clone(), message)),
    }
}

/// A value without shortcodes in it (in a list, they are not expanded).
fn plain(value: &ArgValue) -> Result<Value, String> {
    Ok(match value {
        ArgValue::Str(text) => {
            if text.contains("{{")
                || text.contains("{%")
                || text.contains("[@")
                || !mark::find_all(text).is_empty()
            {
                return Err("shortcodes, citations and marks are not expanded inside a list: pass the text as an argument of its own".to_string());
            }
            Value::from(text.as_str())
        }
        ArgValue::Int(n) => Value::from(*n),
        ArgValue::Decimal(decimal) => Value::from(
            decimal
                .parse::<f64>()
                .map_err(|_| format!("`{decimal}` is not a number"))?,
        ),
        ArgValue::Bool(b) => Value::from(*b),
        ArgValue::Date(date) => Value::from_serializable(&DateValue::from(*date)),
        ArgValue::List(items) => {
            let items = items.iter().map(plain).collect::<Result<Vec<_>, _>>()?;
            Value::from(items.as_slice())
        }
    })
}
