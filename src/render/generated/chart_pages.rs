//! A page for every chart dataset (`/charts/<id>/`): the whole run, every entry's stats,
//! the sources, and the CSV of the full dataset.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::chart::{self, Spec};
use crate::content::routes;
use crate::data::dataset::{Cadence, Dataset};
use crate::data::stats::{self, ENTRY_STATS};
use crate::escape;
use crate::render::Renderer;
use crate::render::card::{self, Drawn};
use crate::render::generated::cards::{Card, Pictures};
use crate::render::generated::cite::{self, Versions};
use crate::render::generated::{chart_downloads, json_ld};
use crate::render::templates::LinkMode;
use crate::render::views::{
    self,
    generated::GeneratedPage,
    references,
    summary::{DateView, Summary},
};
use crate::site::Site;
use crate::verify::number::{self, Style};
use crate::write::{OutputFile, Sink};

/// The site path of a dataset's page.
pub fn path(dataset: &Dataset) -> String {
    format!("/charts/{}/", dataset.id)
}

/// The site path of a dataset's full CSV.
pub fn csv_path(dataset: &Dataset) -> String {
    format!("/charts/{}/{}.csv", dataset.id, dataset.id)
}

/// A chart as templates see it.
#[derive(Debug, Serialize)]
pub struct ChartView {
    id: String,
    title: String,
    publisher: String,
    positions: u32,
    cadence: &'static str,
    dated: String,
    description: Option<String>,
    path: String,
    csv_path: String,
    svg_path: String,
    png_path: String,
    embed_path: String,
    embed_code: String,
    as_of: Option<DateView>,
    first_date: Option<DateView>,
    entries: Vec<EntryView>,
}

/// One entry with its stats, as printed.
#[derive(Debug, Serialize)]
pub struct EntryView {
    id: String,
    title: String,
    artist: String,
    starts_at_debut: bool,
    stats: BTreeMap<&'static str, String>,
    unknown_weeks: usize,
    incomplete: bool,
}

/// The summary of every dataset, for the charts section and chart pages.
pub fn views(site: &Site) -> Vec<ChartView> {
    site.data.datasets.iter().map(|d| view(site, d)).collect()
}

fn view(site: &Site, dataset: &Dataset) -> ChartView {
    let stats = site.data.stats();
    let entries = dataset
        .entries
        .iter()
        .map(|entry| {
            let mut values = BTreeMap::new();
            for name in ENTRY_STATS.iter().filter(|n| !n.contains('@')) {
                if let Ok(resolved) = stats.resolve(&format!("{}/{}/{name}", dataset.id, entry.id))
                {
                    let text = number::format(resolved.value, Style::Plain)
                        .unwrap_or_else(|_| resolved.value.to_string());
                    values.insert(*name, text);
                }
            }
            EntryView {
                id: entry.id.clone(),
                title: entry.title.clone(),
                artist: entry.artist.clone(),
                starts_at_debut: entry.starts_at_debut,
                stats: values,
                unknown_weeks: stats::unknown_weeks(dataset, entry),
                incomplete: stats::incomplete(dataset, entry),
            }
        })
        .collect();
    ChartView {
        id: dataset.id.clone(),
        title: dataset.title.clone(),
        publisher: dataset.publisher.clone(),
        positions: dataset.positions,
        cadence: match dataset.cadence {
            Cadence::Weekly => "weekly",
            Cadence::Daily => "daily",
        },
        dated: dataset.dated.clone(),
        description: dataset.description.clone(),
        path: path(dataset),
        csv_path: csv_path(dataset),
        svg_path: chart_downloads::svg_path(dataset),
        png_path: chart_downloads::png_path(dataset),
        embed_path: chart_downloads::embed_path(dataset),
        embed_code: chart_downloads::iframe_code(site, dataset),
        as_of: dataset.as_of().map(DateView::from),
        first_date: dataset.first_date().map(DateView::from),
        entries,
    }
}

/// Renders every chart page and writes it with its CSV. Returns the number of files.
pub fn write(site: &Site, renderer: &Renderer, sink: &dyn Sink) -> anyhow::Result<usize> {
    let parent = renderer
        .plan
        .by_url
        .get("/charts/")
        .map(|&i| Summary::of(&site.pages[i]));
    let versions = Versions::new(&site.data);
    // Each page is written as soon as it is rendered, so memory does not grow with the
    // number of charts.
    let counts = site
        .data
        .datasets
        .par_iter()
        .map(|dataset| {
            let files = render(site, dataset, parent.as_ref(), renderer, &versions)?;
            for file in &files {
                sink.write(&file.path, &file.bytes)?;
            }
            anyhow::Ok(files.len())
        })
        .collect::<anyhow::Result<Vec<usize>>>()?;
    Ok(counts.into_iter().sum())
}

fn render(
    site: &Site,
    dataset: &Dataset,
    parent: Option<&Summary>,
    renderer: &Renderer,
    versions: &Versions<'_>,
) -> anyhow::Result<Vec<OutputFile>> {
    let templates = &renderer.templates;
    let page_path = path(dataset);
    let spec = Spec {
        dataset,
        entries: dataset.entries.iter().collect(),
        from: None,
        to: None,
        title: dataset.title.clone(),
        id: "chart-1".to_string(),
        bibliography: &site.data.bibliography,
        smart_quotes: site.config.markdown.smart_punctuation,
    };
    let csv_href = escape::url_path(&routes::relative(&page_path, &csv_path(dataset)));
    // On its own page the data table is open: it is what chart readers come for.
    let figure = chart::figure(&spec, &csv_href).replacen(
        "<details class=\"chart-data\">",
        "<details class=\"chart-data\" open>",
        1,
    );
    let mut page = GeneratedPage::new(site, &dataset.title, &page_path);
    page.description = dataset.description.clone();
    let mut ids: Vec<String> = Vec::new();
    for id in dataset.source_ids() {
        if !ids.iter().any(|seen| seen == id) {
            ids.push(id.to_string());
        }
    }
    page.references = references::of(&ids, &site.data.bibliography);
    let mut context = views::base(&page, &page_path, LinkMode::Relative, parent);
    let drawn = chart_card(site, &spec, &renderer.pictures, &page_path)?;
    context.insert("card", &drawn.as_ref().map(|d| &d.view));
    let files = json_ld::Downloads {
        page: site.config.absolute(&page_path),
        csv: site.config.absolute(&csv_path(dataset)),
        svg: Some(site.config.absolute(&chart_downloads::svg_path(dataset))),
        png: Some(site.config.absolute(&chart_downloads::png_path(dataset))),
    };
    let standalone = chart_downloads::standalone(site, &spec, &renderer.pictures, &page_path);
    let png = chart_downloads::png(site, &spec, &renderer.pictures, (&standalone, &page_path))?;
    let embed = embed(site, &spec, &page_path);
    let dataset_ld = json_ld::script(&json_ld::dataset(&site.config, dataset, &files));
    context.insert("json_ld", &[dataset_ld]);
    context.insert("chart", &view(site, dataset));
    context.insert("figure", &figure);
    let cite = cite::chart(site, dataset, (&page_path, chart::as_of(&spec)), versions);
    context.insert("cite", &cite);
    let display = format!("content/charts/{}.toml", dataset.id);
    let html = templates.render("chart.html", &context, &display)?;
    let shown = format!("the page of the chart `{}`", dataset.id);
    crate::render::anchors::check_generated(&html, "chart.html", &shown, templates)?;
    let card = drawn.map(|d| d.file(&renderer.pictures)).transpose()?;
    Ok([
        Some(OutputFile::text(routes::output_path(&page_path), html)),
        card,
        Some(OutputFile::text(
            csv_path(dataset).trim_start_matches('/'),
            chart::csv(&spec),
        )),
        Some(OutputFile::text(
            chart_downloads::svg_path(dataset).trim_start_matches('/'),
            standalone,
        )),
        Some(OutputFile {
            path: chart_downloads::png_path(dataset)
                .trim_start_matches('/')
                .to_string(),
            bytes: png,
        }),
        Some(OutputFile::text(
            routes::output_path(&chart_downloads::embed_path(dataset)),
            embed,
        )),
    ]
    .into_iter()
    .flatten()
    .collect())
}

/// The card of a chart's page: its title, the wide chart and its source line.
fn chart_card(
    site: &Site,
    spec: &Spec,
    pictures: &Pictures,
    page_path: &str,
) -> anyhow::Result<Option<Drawn>> {
    if !site.config.share.cards {
        return Ok(None);
    }
    let title = spec.display(&spec.title);
    let (source, as_of) = chart::credit(spec);
    let source = format!("{source}.");
    let svg = styled(&chart::svg(spec, chart::Layout::Wide), &pictures.chart_css);
    let alt = match as_of {
        Some(date) => format!("Chart: {title}. {source} Data as of {}.", date.long()),
        None => format!("Chart: {title}. {source}"),
    };
    let card = Card::Chart {
        title: &title,
        svg: &svg,
        source: &source,
        as_of,
    };
    card::draw(pictures, site, page_path, &card, (title.clone(), alt))
}

/// A chart `<svg>` carrying its own stylesheet, so that it draws outside the page.
pub fn styled(svg: &str, css: &str) -> String {
    match svg.find('>') {
        Some(end) => format!("{}><style>{css}</style>{}", &svg[..end], &svg[end + 1..]),
        None => svg.to_string(),
    }
}

/// The embed page of a chart: its figure, with links relative to the embed page.
fn embed(site: &Site, spec: &Spec, page_path: &str) -> String {
    let embed_path = chart_downloads::embed_path(spec.dataset);
    let relative = |to: &str| escape::url_path(&routes::relative(&embed_path, to));
    let asset = |name: &str| {
        site.assets
            .get(name)
            .map(|a| relative(&format!("/{}", a.path)))
            .unwrap_or_default()
    };
    let figure = chart::figure(spec, &relative(&csv_path(spec.dataset)));
    let links = chart_downloads::EmbedLinks {
        language: site.config.language.clone(),
        canonical: site.config.absolute(page_path),
        page: relative(page_path),
        style: asset("style.css"),
        charts: asset("charts.css"),
        print: asset("print.css"),
        icon: asset("favicon.svg"),
        site_title: crate::typography::curly(&site.config.title),
    };
    chart_downloads::embed_page(spec, &figure, &links)
}
