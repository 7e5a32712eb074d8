//! `stat`: inserts a number computed from the data.

use crate::data::stats::Stats;
use crate::diagnostic::Diagnostic;
use crate::markdown::call::Call;
use crate::markdown::{Expansion, Locator};
use crate::verify::{Used, number};

use super::args::{Args, style};
use super::{as_of, bound, inline};

/// `{{ stat(chart="hot-100", entry="golden", value="weeks_at_no1", week="2025-08-02") }}`.
pub(super) fn expand(
    call: &Call,
    at: Locator<'_>,
    stats: Stats<'_>,
    used: &mut Vec<Used>,
) -> Result<Expansion, Diagnostic> {
    let mut args = Args::new(call, at);
    let (chart, _) = args.required_string("chart")?;
    let entry = args.string("entry")?;
    let (value, value_range) = args.required_string("value")?;
    let week = args.string("week")?;
    let style = style(&mut args)?;
    args.finish(&["chart", "entry", "value", "week", "style"])?;
    let mut path = match entry {
        Some((entry, _)) => format!("{chart}/{entry}/{value}"),
        None => format!("{chart}/{value}"),
    };
    if let Some((week, _)) = week {
        path = format!("{path}@{week}");
    }
    let resolved = stats
        .resolve(&path)
        .map_err(|message| at.at(call.range.clone(), message))?;
    let text =
        number::format(resolved.value, style).map_err(|message| at.at(value_range, message))?;
    let title = format!("From the data: {}{}", resolved.label, as_of(&resolved));
    // An inserted number follows the data, so a title may not lean on its value.
    let piece = bound(None, call.range.clone());
    used.push(Used {
        asserted: false,
        path,
        resolved,
        range: call.range.clone(),
    });
    Ok(inline("stat", &title, text, piece))
}
