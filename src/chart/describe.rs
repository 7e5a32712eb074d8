//! The chart's text summary, written from the data: the SVG's `<desc>`.

use crate::content::date::Date;
use crate::data::dataset::Pos;

use crate::typography;

use super::Spec;
use super::grid::{Grid, Row};
use super::layout::ceiling;
use super::run::{Facts, Peak};

/// A summary of what the chart shows: the range, then per entry its first week (and
/// debut when known), peak, weeks at No. 1, exits and re-entries, latest position and
/// how many weeks have no data.
pub fn describe(spec: &Spec) -> String {
    let grid = Grid::new(spec);
    let (Some(first), Some(last)) = (grid.dates.first(), grid.dates.last()) else {
        return format!("No {} data in this range.", spec.dataset.title);
    };
    let mut text = format!(
        "Chart run on the {} from the chart dated {} to the chart dated {}, with No. 1 at the top.",
        spec.display(&spec.dataset.title),
        first.long(),
        last.long()
    );
    let (shown, positions) = (
        ceiling(grid.deepest(), spec.dataset.positions),
        spec.dataset.positions,
    );
    if shown < positions {
        text.push_str(&format!(
            " The scale shows positions 1 to {shown} of the chart's {positions}."
        ));
    }
    for row in &grid.rows {
        text.push(' ');
        text.push_str(&entry(spec, &grid, row));
    }
    text
}

fn entry(spec: &Spec, grid: &Grid, row: &Row) -> String {
    let facts = Facts::of(row);
    let name = spec.display(&typography::with_artist(
        &row.entry.title,
        &row.entry.artist,
    ));
    let Some((_, week)) = facts.first else {
        return format!("{name} has no data in this range.");
    };
    let mut sentences = vec![first(&name, week.date, week.pos, &facts, row)];
    sentences.extend(facts.peak.map(|peak| peaked(grid, peak, &facts)));
    sentences.extend(exits(grid, &facts));
    if let Some((end, last)) = facts.last
        && facts.first.is_some_and(|(start, _)| start != end)
    {
        sentences.push(format!(
            "Its latest known position is {}, on the chart dated {}.",
            last.pos.label(),
            last.date.long()
        ));
    }
    sentences.push(match facts.unknown {
        0 => format!("No {} in this range is missing from the data.", unit(grid)),
        1 => format!("1 {} in this range has no data.", unit(grid)),
        n => format!("{} in this range have no data.", capital(&grid.units(n))),
    });
    if facts.conflicts > 0 {
        sentences.push(format!(
            "Sources disagree on {}.",
            grid.units(facts.conflicts)
        ));
    }
    sentences.join(" ")
}

fn first(name: &str, date: Date, pos: Pos, facts: &Facts, row: &Row) -> String {
    let at = match pos {
        Pos::At(rank) => format!("at No. {rank}"),
        Pos::Off => "off the chart".to_string(),
    };
    if !facts.first_overall {
        return format!(
            "{name} first appears in this range on the chart dated {} {at}.",
            date.long()
        );
    }
    let debut = if row.entry.starts_at_debut && pos != Pos::Off {
        "; it debuted that week"
    } else {
        " (not known to be its debut)"
    };
    format!(
        "{name} first appears on the chart dated {} {at}{debut}.",
        date.long()
    )
}

fn peaked(grid: &Grid, peak: Peak, facts: &Facts) -> String {
    let date = grid.dates[peak.first].long();
    match (peak.rank, peak.weeks) {
        (1, _) => format!(
            "It peaked at No. 1, first on the chart dated {date}, and spent {} at No. 1.",
            grid.units(facts.no1)
        ),
        (rank, 1) => format!("It peaked at No. {rank} on the chart dated {date}."),
        (rank, weeks) => format!(
            "It peaked at No. {rank}, first on the chart dated {date}, for {} in all.",
            grid.units(weeks)
        ),
    }
}

fn exits(grid: &Grid, facts: &Facts) -> Vec<String> {
    let mut sentences: Vec<String> = facts
        .exits
        .iter()
        .map(|run| {
            let from = grid.dates[run.start].long();
            if run.len() == 1 {
                format!("It is off the chart on the chart dated {from}.")
            } else {
                let to = grid.dates[run.end - 1].long();
                format!("It is off the chart from the chart dated {from} to the chart dated {to}.")
            }
        })
        .collect();
    sentences.extend(facts.reentries.iter().map(|&(i, rank)| {
        format!(
            "It re-entered at No. {rank} on the chart dated {}.",
            grid.dates[i].long()
        )
    }));
    sentences
}

fn unit(grid: &Grid) -> &'static str {
    if grid.step == 1 { "day" } else { "week" }
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
