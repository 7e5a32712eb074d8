//! `fact`: a number the author wrote, checked against the data on every build.

use crate::data::stats::{Stats, Value};
use crate::diagnostic::Diagnostic;
use crate::markdown::call::{Arg, ArgValue, Call};
use crate::markdown::{Expansion, Locator};
use crate::verify::number::{self, Style};
use crate::verify::{Expect, Used};

use super::args::{Args, style};
use super::{as_of, bound, inline};

/// `{{ fact(8, "hot-100/golden/weeks_at_no1") }}`: renders the written value and fails the
/// build if the data says otherwise. `scale="million"` reads `19.2` as 19,200,000.
pub(super) fn expand(
    call: &Call,
    at: Locator<'_>,
    stats: Stats<'_>,
    used: &mut Vec<Used>,
) -> Result<Expansion, Diagnostic> {
    let mut args = Args::new(call, at);
    let written = args
        .positional(0)
        .ok_or_else(|| args.error_at_call("`fact` needs the value as written and a stat path: fact(8, \"hot-100/golden/weeks_at_no1\")"))?;
    let (path, path_range) = match args.positional(1) {
        Some(Arg {
            value: ArgValue::Str(path),
            range,
            ..
        }) => (path.as_str(), range.clone()),
        Some(arg) => {
            return Err(args.error(
                arg.range.clone(),
                "the second argument of `fact` is a stat path in double quotes",
            ));
        }
        None => {
            return Err(args.error_at_call(
                "`fact` needs a stat path as its second argument, like \"hot-100/golden/peak\"",
            ));
        }
    };
    let scale = match args.string("scale")? {
        Some((scale, range)) => number::scale_factor(scale).map_err(|m| at.at(range, m))?,
        None => 1,
    };
    let style = style(&mut args)?;
    args.finish(&["value", "path", "scale", "style"])?;
    let expected =
        written_value(&written.value, scale).map_err(|m| at.at(written.range.clone(), m))?;
    let resolved = stats
        .resolve(path)
        .map_err(|message| at.at(path_range, message))?;
    let expect = Expect::equals(expected);
    let holds = expect
        .holds(resolved.value)
        .map_err(|m| at.at(written.range.clone(), m))?;
    if !holds {
        return Err(at
            .at(
                written.range.clone(),
                format!(
                    "fact does not match the data: the text says {}, but `{path}` is {} ({}{})",
                    written.value,
                    resolved.value,
                    resolved.label,
                    as_of(&resolved)
                ),
            )
            .with_help("correct the text, or the data (with its source) if the text is right"));
    }
    let text = match (&written.value, style) {
        (ArgValue::Decimal(decimal), _) => decimal.clone(),
        (ArgValue::Int(n), Style::Plain) if scale != 1 => number::thousands(*n),
        _ => number::format(expected, style).map_err(|m| at.at(written.range.clone(), m))?,
    };
    // Dates as the page prints them (July 5, 2025), beside the "data as of" date.
    let value = match resolved.value {
        Value::Date(date) => date.long(),
        other => other.to_string(),
    };
    let title = format!(
        "Checked against the data: {} is {value}{}",
        resolved.label,
        as_of(&resolved)
    );
    let piece = bound(Some(resolved.value), written.range.clone());
    used.push(Used {
        asserted: true,
        path: path.to_string(),
        resolved,
        range: written.range.clone(),
    });
    Ok(inline("fact", &title, text, piece))
}

fn written_value(value: &ArgValue, scale: i64) -> Result<Value, String> {
    match value {
        ArgValue::Int(n) => n.checked_mul(scale).map(Value::Int).ok_or_else(|| "the value is too large".to_string()),
        ArgValue::Decimal(decimal) => number::scaled(decimal, scale)
            .map(Value::Int)
            .ok_or_else(|| format!("{decimal} is not a whole number; add scale=\"million\" (or thousand, billion) to write {decimal} million")),
        ArgValue::Date(date) if scale == 1 => Ok(Value::Date(*date)),
        ArgValue::Str(text) if text == "off" && scale == 1 => Ok(Value::Off),
        other => Err(format!("the value of a fact is a number, a date or \"off\", found {}", other.kind())),
    }
}
