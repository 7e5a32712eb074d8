//! `chart`: a figure with the chart-run graph, its data table and the CSV of what it draws.

use std::ops::Range;

use crate::chart::{self, Spec};
use crate::content::date::Date;
use crate::content::routes;
use crate::data::dataset::{Dataset, Entry};
use crate::diagnostic::Diagnostic;
use crate::escape;
use crate::markdown::call::{Arg, ArgValue, Call};
use crate::markdown::{Expansion, Locator};
use crate::prose::Piece;
use crate::write::OutputFile;

use super::Page;
use super::args::Args;

mod title;

/// Where a chart shortcode sits, for its ids and its CSV link.
#[derive(Debug, Clone, Copy)]
pub struct ChartPlace<'a> {
    /// The page's site path, for the relative CSV link.
    pub page_url: &'a str,
    /// The chart's number on the page (1, 2, ...), for unique ids.
    pub number: usize,
    /// Whether the chart curls straight quotes in its text.
    pub smart_quotes: bool,
}

/// `{{ chart(data="hot-100", entries=["golden"], from=2025-07-05, to=2025-12-06, title="...") }}`:
/// a figure with the chart-run graph, its data table and a link to the CSV it draws; with
/// the dataset's id and the date of the latest data drawn.
pub(super) fn expand(
    call: &Call,
    at: Locator<'_>,
    page: &Page<'_>,
    place: ChartPlace<'_>,
) -> Result<(Expansion, String, Option<Date>), Diagnostic> {
    let data = page.data;
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
    let title = match args.string("title")? {
        Some((_, range)) => title::expand(at, range, page)?,
        None => title::Title::plain(&dataset.title, call.name_range.clone()),
    };
    args.finish(&["data", "entries", "from", "to", "title"])?;
    let spec = Spec {
        dataset,
        entries,
        from: from.map(|(d, _)| d),
        to: to.map(|(d, _)| d),
        title: title.text,
        id: format!("chart-{}", place.number),
        bibliography: &data.bibliography,
        smart_quotes: place.smart_quotes,
    };
    let csv = chart::csv(&spec);
    if csv.lines().count() <= 1 {
        return Err(at.at(
            call.name_range.clone(),
            "this chart has no weeks to draw between `from` and `to`",
        ));
    }

    let csv_path = csv_path(&spec);
    let href = routes::relative(place.page_url, &format!("/{csv_path}"));
    let mut prose = vec![Piece::Break];
    prose.extend(title.prose);
    prose.push(Piece::Break);
    let expansion = Expansion {
        html: chart::figure(&spec, &escape::url_path(&href)),
        text: String::new(),
        block: true,
        lifts: false,
        files: vec![OutputFile::text(csv_path, csv)],
        prose,
        unlinked: None,
    };
    Ok((expansion, dataset.id.clone(), chart::as_of(&spec)))
}

/// `charts/hot-100/golden--soda-pop_2025-07-05_2025-12-06.csv`: named after exactly what is drawn.
pub fn csv_path(spec: &Spec<'_>) -> String {
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
        let show = |d: Option<Date>| d.map_or_else(|| "start".to_string(), |d| d.iso());
        name = format!("{name}_{}_{}", show(spec.from), show(spec.to));
    }
    format!("charts/{}/{name}.csv", spec.dataset.id)
}

fn chart_entries<'d>(
    args: &Args<'_>,
    dataset: &'d Dataset,
    items: &[ArgValue],
    range: Range<usize>,
) -> Result<Vec<&'d Entry>, Diagnostic> {
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
        if entries.iter().any(|e: &&Entry| e.id == entry.id) {
            return Err(args.error(range, format!("entry `{id}` is listed twice")));
        }
        entries.push(entry);
    }
    Ok(entries)
}

fn date_arg(args: &mut Args<'_>, name: &str) -> Result<Option<(Date, Range<usize>)>, Diagnostic> {
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
