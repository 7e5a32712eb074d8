//! The sourced figures (`figures.toml`) as templates see them: the table on the charts
//! section's page where each number written from a figure links to its row.

use serde::Serialize;

use crate::data::figures::Figure;
use crate::data::stats::Value;
use crate::site::Site;
use crate::verify::number::{self, Style};

use super::summary::DateView;

/// One figure, ready to print.
#[derive(Debug, Serialize)]
pub struct FigureView {
    /// The id; the row's anchor is `figure-<id>`.
    id: String,
    /// What the number is.
    label: String,
    /// `266,000,000 views`, `US$19,200,000`, `No. 7`.
    value: String,
    /// The date it refers to.
    as_of: Option<DateView>,
    /// `stated`, `derived` or `estimate`.
    basis: &'static str,
    /// The source's headline and address.
    source_title: Option<String>,
    source_url: Option<String>,
    /// Who published it.
    source_publisher: Option<String>,
    /// Anything a reader should know.
    note: Option<String>,
}

/// Every figure, in file order.
pub fn views(site: &Site) -> Vec<FigureView> {
    site.data
        .figures
        .figures
        .iter()
        .map(|figure| view(site, figure))
        .collect()
}

fn view(site: &Site, figure: &Figure) -> FigureView {
    let source = site.data.bibliography.get(&figure.source);
    FigureView {
        id: figure.id.clone(),
        label: figure.label.clone(),
        value: value(figure),
        as_of: figure.as_of.map(DateView::from),
        basis: figure.basis.name(),
        source_title: source.map(|s| s.title.clone()),
        source_url: source.map(|s| s.url.get_ref().clone()),
        source_publisher: source.map(|s| s.publisher.clone()),
        note: figure.note.clone(),
    }
}

/// The value with its unit: dollars as `US$`, ranks as `No.`, others after the number.
fn value(figure: &Figure) -> String {
    let n = number::format(Value::Int(figure.value), Style::Plain)
        .unwrap_or_else(|_| figure.value.to_string());
    match figure.unit.as_str() {
        "usd" => format!("US${n}"),
        "rank" => format!("No. {n}"),
        unit if figure.value == 1 => format!("{n} {}", unit.strip_suffix('s').unwrap_or(unit)),
        unit => format!("{n} {unit}"),
    }
}
