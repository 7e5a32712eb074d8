//! The built-in shortcodes: `stat` inserts a number from the data, `fact` checks a number
//! the author wrote, `chart` draws a chart-run graph.

use std::ops::Range;

use crate::data::Data;
use crate::diagnostic::Diagnostic;
use crate::escape;
use crate::facts::{self, Expect, Style};
use crate::markdown::shortcode::{Arg, ArgValue, Call};
use crate::markdown::{Expansion, Locator};
use crate::stats::{Resolved, Stats, Value};

/// The names of the built-in shortcodes.
pub const NAMES: [&str; 3] = ["stat", "fact", "chart"];

/// A stat a page used, kept for `factsite check`.
#[derive(Debug, Clone)]
pub struct Used {
    /// `true` for `fact` (the text asserts the value), `false` for `stat` (inserted).
    pub asserted: bool,
    /// The stat path.
    pub path: String,
    /// What it resolved to.
    pub resolved: Resolved,
    /// Where in the file: the shortcode for `stat`, the written value for `fact` (where a
    /// mismatch is reported).
    pub range: Range<usize>,
}

/// The arguments of one call, with the ones already read marked.
pub struct Args<'a> {
    call: &'a Call,
    at: Locator<'a>,
    used: Vec<bool>,
}

impl<'a> Args<'a> {
    /// Wraps a call's arguments.
    pub fn new(call: &'a Call, at: Locator<'a>) -> Self {
        Self {
            call,
            at,
            used: vec![false; call.args.len()],
        }
    }

    /// A located error at a range of the file.
    pub fn error(&self, range: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.at.at(range, message)
    }

    /// A located error at the shortcode's name.
    pub fn error_at_call(&self, message: impl Into<String>) -> Diagnostic {
        self.at.at(self.call.name_range.clone(), message)
    }

    /// The named argument `name`, if given.
    pub fn named(&mut self, name: &str) -> Option<&'a Arg> {
        let index = self
            .call
            .args
            .iter()
            .position(|a| a.name.as_deref() == Some(name))?;
        self.used[index] = true;
        Some(&self.call.args[index])
    }

    /// The `n`-th positional argument, if given.
    pub fn positional(&mut self, n: usize) -> Option<&'a Arg> {
        let index = self
            .call
            .args
            .iter()
            .enumerate()
            .filter(|(_, a)| a.name.is_none())
            .nth(n)?
            .0;
        self.used[index] = true;
        Some(&self.call.args[index])
    }

    /// A string argument by name.
    pub fn string(&mut self, name: &str) -> Result<Option<(&'a str, Range<usize>)>, Diagnostic> {
        match self.named(name) {
            None => Ok(None),
            Some(Arg {
                value: ArgValue::Str(s),
                range,
                ..
            }) => Ok(Some((s.as_str(), range.clone()))),
            Some(arg) => Err(self.error(
                arg.range.clone(),
                format!(
                    "`{name}` must be text in double quotes, found {}",
                    arg.value.kind()
                ),
            )),
        }
    }

    /// A required string argument by name.
    pub fn required_string(&mut self, name: &str) -> Result<(&'a str, Range<usize>), Diagnostic> {
        self.string(name)?.ok_or_else(|| {
            self.error_at_call(format!("`{}` needs `{name}=\"...\"`", self.call.name))
        })
    }

    /// Errors for arguments nobody read: unknown names or extra positional values.
    pub fn finish(self, known: &[&str]) -> Result<(), Diagnostic> {
        for (arg, used) in self.call.args.iter().zip(&self.used) {
            if !used {
                let what = arg.name.as_deref().map_or_else(
                    || "extra argument".to_string(),
                    |n| format!("unknown argument `{n}`"),
                );
                return Err(self
                    .at
                    .at(
                        arg.whole.clone(),
                        format!("{what} for `{}`", self.call.name),
                    )
                    .with_help(format!("`{}` takes: {}", self.call.name, known.join(", "))));
            }
        }
        Ok(())
    }
}

/// `{{ stat(chart="hot-100", entry="golden", value="weeks_at_no1", week="2025-08-02") }}`.
pub fn stat(
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
        facts::format(resolved.value, style).map_err(|message| at.at(value_range, message))?;
    let title = format!("From the data: {}{}", resolved.label, as_of(&resolved));
    used.push(Used {
        asserted: false,
        path,
        resolved,
        range: call.range.clone(),
    });
    Ok(inline("stat", &title, text))
}

/// `{{ fact(8, "hot-100/golden/weeks_at_no1") }}`: renders the written value and fails the
/// build if the data says otherwise. `scale="million"` reads `19.2` as 19,200,000.
pub fn fact(
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
        Some((scale, range)) => facts::scale_factor(scale).map_err(|m| at.at(range, m))?,
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
        (ArgValue::Int(n), Style::Plain) if scale != 1 => facts::thousands(*n),
        _ => facts::format(expected, style).map_err(|m| at.at(written.range.clone(), m))?,
    };
    let title = format!(
        "Checked against the data: {} is {}{}",
        resolved.label,
        resolved.value,
        as_of(&resolved)
    );
    used.push(Used {
        asserted: true,
        path: path.to_string(),
        resolved,
        range: written.range.clone(),
    });

    Ok(inline("fact", &title, text))
}

/// Where a chart shortcode sits, for its ids and its CSV link.
#[derive(Debug, Clone, Copy)]
pub struct ChartPlace<'a> {
    /// The page's site path, for the relative CSV link.
    pub page_url: &'a str,
    /// The chart's number on the page (1, 2, ...), for unique ids.
    pub number: usize,
}

/// `{{ chart(data="hot-100", entries=["golden"], from=2025-07-05, to=2025-12-06, title="...") }}`:
/// a figure with the chart-run graph, its data table and a link to the CSV it draws.
pub fn chart(
    call: &Call,
    at: Locator<'_>,
    data: &Data,
    place: ChartPlace<'_>,
) -> Result<Expansion, Diagnostic> {
    let mut args = Args::new(call, at);
    let (id, id_range) = args.required_string("data")?;
    let stats = data.stats();
    let dataset = stats
        .dataset(id)
        .map_err(|message| args.error(id_range, message))?;
    let entries = match args.named("entries") {
        None => dataset.entries.iter().collect(),
        Some(Arg {
            value: ArgValue::List(items),
            range,
            ..
        }) => chart_entries(&args, dataset, items, range.clone())?,
        Some(arg) => {
            return Err(args.error(
                arg.range.clone(),
                "`entries` must be a list such as [\"golden\", \"soda-pop\"]",
            ));
        }
    };
    let from = date_arg(&mut args, "from")?;
    let to = date_arg(&mut args, "to")?;
    if let (Some((from, range)), Some((to, _))) = (&from, &to)
        && from > to
    {
        return Err(args.error(
            range.clone(),
            format!("`from` ({from}) is after `to` ({to})"),
        ));
    }
    let title = args
        .string("title")?
        .map_or_else(|| dataset.title.clone(), |(t, _)| t.to_string());
    args.finish(&["data", "entries", "from", "to", "title"])?;
    let spec = crate::chart::Spec {
        dataset,
        entries,
        from: from.map(|(d, _)| d),
        to: to.map(|(d, _)| d),
        title,
        id: format!("chart-{}", place.number),
        bibliography: &data.bibliography,
    };
    if crate::chart::csv(&spec).lines().count() <= 1 {
        return Err(at.at(
            call.name_range.clone(),
            "this chart has no weeks to draw between `from` and `to`",
        ));
    }

    let csv_path = csv_path(&spec);
    let href = crate::urls::relative(place.page_url, &format!("/{csv_path}"));
    Ok(Expansion {
        html: crate::chart::figure(&spec, &crate::escape::url_path(&href)),
        text: String::new(),
        block: true,
        files: vec![crate::output::OutputFile::text(
            csv_path,
            crate::chart::csv(&spec),
        )],
    })
}

/// `charts/hot-100/golden--soda-pop_2025-07-05_2025-12-06.csv`: named after exactly what is drawn.
pub fn csv_path(spec: &crate::chart::Spec<'_>) -> String {
    let all = spec.entries.len() == spec.dataset.entries.len()
        && spec
            .entries
            .iter()
            .zip(&spec.dataset.entries)
            .all(|(a, b)| a.id == b.id);
    let mut name = if all {
        spec.dataset.id.clone()
    } else {
        spec.entries
            .iter()
            .map(|e| e.id.as_str())
            .collect::<Vec<_>>()
            .join("--")
    };
    if spec.from.is_some() || spec.to.is_some() {
        let show =
            |d: Option<crate::date::Date>| d.map_or_else(|| "start".to_string(), |d| d.iso());
        name = format!("{name}_{}_{}", show(spec.from), show(spec.to));
    }
    format!("charts/{}/{name}.csv", spec.dataset.id)
}

fn chart_entries<'d>(
    args: &Args<'_>,
    dataset: &'d crate::dataset::Dataset,
    items: &[ArgValue],
    range: Range<usize>,
) -> Result<Vec<&'d crate::dataset::Entry>, Diagnostic> {
    if items.is_empty() {
        return Err(args.error(
            range,
            "`entries` is empty; leave it out to draw every entry",
        ));
    }
    let mut entries = Vec::with_capacity(items.len());
    for item in items {
        let ArgValue::Str(id) = item else {
            return Err(args.error(
                range,
                format!("entry ids are text in double quotes, found {}", item.kind()),
            ));
        };
        let entry = dataset.entry(id).ok_or_else(|| {
            let known: Vec<&str> = dataset.entries.iter().map(|e| e.id.as_str()).collect();
            args.error(
                range.clone(),
                format!(
                    "unknown entry `{id}` in chart `{}` (entries: {})",
                    dataset.id,
                    known.join(", ")
                ),
            )
        })?;
        if entries
            .iter()
            .any(|e: &&crate::dataset::Entry| e.id == entry.id)
        {
            return Err(args.error(range, format!("entry `{id}` is listed twice")));
        }
        entries.push(entry);
    }
    Ok(entries)
}

fn date_arg(
    args: &mut Args<'_>,
    name: &str,
) -> Result<Option<(crate::date::Date, Range<usize>)>, Diagnostic> {
    match args.named(name) {
        None => Ok(None),
        Some(Arg {
            value: ArgValue::Date(date),
            range,
            ..
        }) => Ok(Some((*date, range.clone()))),
        Some(arg) => Err(args.error(
            arg.range.clone(),
            format!(
                "`{name}` must be a date like 2025-07-05, found {}",
                arg.value.kind()
            ),
        )),
    }
}

fn style(args: &mut Args<'_>) -> Result<Style, Diagnostic> {
    match args.string("style")? {
        Some((style, range)) => Style::parse(style).map_err(|m| args.error(range, m)),
        None => Ok(Style::Plain),
    }
}

fn written_value(value: &ArgValue, scale: i64) -> Result<Value, String> {
    match value {
        ArgValue::Int(n) => n.checked_mul(scale).map(Value::Int).ok_or_else(|| "the value is too large".to_string()),
        ArgValue::Decimal(decimal) => facts::scaled(decimal, scale)
            .map(Value::Int)
            .ok_or_else(|| format!("{decimal} is not a whole number; add scale=\"million\" (or thousand, billion) to write {decimal} million")),
        ArgValue::Date(date) if scale == 1 => Ok(Value::Date(*date)),
        ArgValue::Str(text) if text == "off" && scale == 1 => Ok(Value::Off),
        other => Err(format!("the value of a fact is a number, a date or \"off\", found {}", other.kind())),
    }
}

fn as_of(resolved: &Resolved) -> String {
    resolved
        .as_of
        .map(|d| format!(", data as of {}", d.long()))
        .unwrap_or_default()
}

fn inline(class: &str, title: &str, text: String) -> Expansion {
    Expansion {
        html: format!(
            "<span class=\"{class}\" title=\"{}\">{}</span>",
            escape::html(title),
            escape::html(&text)
        ),
        text,
        block: false,
        files: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::tests::hot_100;
    use crate::figures::Figures;
    use crate::markdown::shortcode;

    fn expand(text: &str) -> Result<(String, Vec<Used>), String> {
        let bibliography = crate::sources::Bibliography::parse(
            "content/sources.toml",
            "[[source]]\nid = \"s\"\ntitle = \"t\"\npublisher = \"p\"\nurl = \"https://e.org/\"\npublished = 2025-01-01\naccessed = 2025-01-02\n".into(),
        )
        .expect("sources");
        let figures = Figures::parse(
            "content/figures.toml",
            "[[figure]]\nid = \"gross\"\nlabel = \"Gross\"\nvalue = 1_500_000_000\nunit = \"USD\"\nas_of = 2025-08-31\nsource = \"s\"\n".into(),
            &bibliography,
        )
        .expect("figures");
        let datasets = [hot_100()];
        let stats = Stats {
            datasets: &datasets,
            figures: &figures,
        };
        let call = shortcode::parse(text, 0).map_err(|e| e.message)?;
        let at = Locator {
            file: "content/x.md",
            text,
        };
        let mut used = Vec::new();
        let expansion = match call.name.as_str() {
            "stat" => stat(&call, at, stats, &mut used),
            _ => fact(&call, at, stats, &mut used),
        };
        expansion
            .map(|e| (e.html, used))
            .map_err(|d| format!("{}: {}", d.location(), d.message))
    }

    #[test]
    fn stat_inserts_the_value_from_the_data() {
        let (html, used) =
            expand("{{ stat(chart=\"hot-100\", entry=\"golden\", value=\"weeks_at_no1\") }}")
                .unwrap();
        assert!(html.starts_with("<span class=\"stat\" title=\"From the data: Golden (HUNTR/X) on the Billboard Hot 100: weeks at No. 1, data as of August 9, 2025\">2</span>"), "{html}");
        assert!(!used[0].asserted);
        let (html, _) = expand("{{ stat(chart=\"hot-100\", value=\"entries_on_chart\", week=\"2025-07-12\", style=\"word\") }}").unwrap();
        assert!(html.ends_with(">two</span>"), "{html}");
    }

    #[test]
    fn fact_renders_the_written_value_when_the_data_agrees() {
        let (html, used) = expand("{{ fact(2, \"hot-100/golden/weeks_at_no1\") }}").unwrap();
        assert!(html.ends_with(">2</span>"), "{html}");
        assert!(used[0].asserted);
        let (html, _) =
            expand("{{ fact(2025-07-26, \"hot-100/golden/first_no1_date\") }}").unwrap();
        assert!(html.ends_with(">July 26, 2025</span>"), "{html}");
        let (html, _) = expand("{{ fact(\"off\", \"hot-100/soda-pop/latest_pos\") }}").unwrap();
        assert!(html.ends_with(">off the chart</span>"), "{html}");
    }

    // A scaled whole number gets thousands separators like every other number.
    #[test]
    fn scaled_facts_print_as_written_with_separators() {
        let (html, _) = expand("{{ fact(1500, \"figures/gross\", scale=\"million\") }}").unwrap();
        assert!(html.ends_with(">1,500</span>"), "{html}");
        let (html, _) = expand("{{ fact(1.5, \"figures/gross\", scale=\"billion\") }}").unwrap();
        assert!(html.ends_with(">1.5</span>"), "{html}");
    }

    #[test]
    fn fact_fails_when_the_data_disagrees() {
        assert_eq!(
            expand("{{ fact(3, \"hot-100/golden/weeks_at_no1\") }}").unwrap_err(),
            "content/x.md:1:9: fact does not match the data: the text says 3, but `hot-100/golden/weeks_at_no1` is 2 (Golden (HUNTR/X) on the Billboard Hot 100: weeks at No. 1, data as of August 9, 2025)"
        );
        assert_eq!(
            expand("{{ fact(2, \"hot-100/golden/weeks_at_n1\") }}")
                .unwrap_err()
                .split(" (entry")
                .next()
                .unwrap(),
            "content/x.md:1:12: unknown stat `weeks_at_n1`"
        );
    }

    #[test]
    fn rejects_unknown_and_mistyped_arguments() {
        assert_eq!(
            expand(
                "{{ stat(chart=\"hot-100\", entry=\"golden\", value=\"peak\", colour=\"red\") }}"
            )
            .unwrap_err(),
            "content/x.md:1:56: unknown argument `colour` for `stat`"
        );
        assert_eq!(
            expand("{{ stat(chart=100, value=\"peak\") }}").unwrap_err(),
            "content/x.md:1:15: `chart` must be text in double quotes, found an integer"
        );
        assert_eq!(
            expand("{{ stat(chart=\"hot-100\") }}").unwrap_err(),
            "content/x.md:1:4: `stat` needs `value=\"...\"`"
        );
        assert_eq!(
            expand("{{ fact(19.2, \"hot-100/golden/peak\") }}").unwrap_err(),
            "content/x.md:1:9: 19.2 is not a whole number; add scale=\"million\" (or thousand, billion) to write 19.2 million"
        );
    }
}
