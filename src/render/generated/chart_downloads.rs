//! A chart's downloads: a standalone SVG and a PNG of the whole run that carry their own
//! title, source line, "data as of" and the site's URL in a footer, so that a copy keeps
//! its provenance; and an embed page (chart, caption, a link to the table, no site chrome)
//! for an `<iframe>`.

use std::fmt::Write;

use crate::chart::{self, Spec};
use crate::data::dataset::Dataset;
use crate::escape::{html, xml};
use crate::site::Site;

use super::cards::Pictures;
use super::cards::raster::Metadata;
use super::cards::wrap::{Setting, wrap};
use super::chart_pages::styled;

/// The width of a download, in pixels.
const WIDTH: f64 = 1200.0;
const MARGIN: f64 = 48.0;

/// The site path of a chart's standalone SVG.
pub fn svg_path(dataset: &Dataset) -> String {
    format!("/charts/{}/{}.svg", dataset.id, dataset.id)
}

/// The site path of a chart's PNG.
pub fn png_path(dataset: &Dataset) -> String {
    format!("/charts/{}/{}.png", dataset.id, dataset.id)
}

/// The site path of a chart's embed page.
pub fn embed_path(dataset: &Dataset) -> String {
    format!("/charts/{}/embed/", dataset.id)
}

/// The standalone SVG of a chart: title, the wide picture, and a footer with the source
/// line, "Data as of" and the address of its page.
pub fn standalone(site: &Site, spec: &Spec, pictures: &Pictures, page_path: &str) -> String {
    let measure = pictures.measure();
    let palette = &pictures.palette;
    let text = palette.colour("text", "#1d1d1f");
    let muted = palette.colour("muted", "#55555d");
    let bg = palette.colour("bg", "#fdfcf9");
    let inner = WIDTH - 2.0 * MARGIN;
    let setting = |size, bold, lines| Setting {
        size,
        bold,
        width: inner,
        lines,
    };
    let title = wrap(&spec.display(&spec.title), setting(36.0, true, 2), &measure);
    let (credit, as_of) = chart::credit(spec);
    let mut footer: Vec<(String, bool)> =
        wrap(&format!("{credit}."), setting(20.0, false, 4), &measure)
            .into_iter()
            .map(|line| (line, false))
            .collect();
    if let Some(as_of) = as_of {
        footer.push((format!("Data as of {}.", as_of.long()), true));
    }
    footer.push((site.config.absolute(page_path), false));
    let chart_top = MARGIN + title.len() as f64 * 44.0 + 8.0;
    let chart_height = inner * 400.0 / 720.0;
    let footer_top = chart_top + chart_height + 24.0;
    let height = footer_top + footer.len() as f64 * 28.0 + MARGIN - 8.0;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {WIDTH} {height:.0}\" font-family=\"{}\">\
         <rect width=\"{WIDTH}\" height=\"{height:.0}\" fill=\"{bg}\"/>",
        xml(pictures.family())
    );
    let mut y = MARGIN + 32.0;
    for line in &title {
        let _ = write!(
            out,
            "<text x=\"{MARGIN}\" y=\"{y:.0}\" font-size=\"36\" font-weight=\"700\" fill=\"{text}\">{}</text>",
            xml(line)
        );
        y += 44.0;
    }
    let svg = styled(&chart::svg(spec, chart::Layout::Wide), &pictures.chart_css);
    let _ = write!(
        out,
        "<svg x=\"{MARGIN}\" y=\"{chart_top:.0}\" width=\"{inner:.0}\" height=\"{chart_height:.0}\"{}",
        svg.strip_prefix("<svg").unwrap_or(&svg)
    );
    let mut y = footer_top + 20.0;
    for (line, bold) in &footer {
        let weight = if *bold { " font-weight=\"700\"" } else { "" };
        let _ = write!(
            out,
            "<text x=\"{MARGIN}\" y=\"{y:.0}\" font-size=\"20\"{weight} fill=\"{muted}\">{}</text>",
            xml(line)
        );
        y += 28.0;
    }
    out.push_str("</svg>");
    out
}

/// The PNG of the standalone SVG, carrying the chart's title, alt text and page address.
pub fn png(
    site: &Site,
    spec: &Spec,
    pictures: &Pictures,
    (svg, page_path): (&str, &str),
) -> anyhow::Result<Vec<u8>> {
    let (credit, as_of) = chart::credit(spec);
    let title = spec.display(&spec.title);
    let mut description = format!("Chart: {title}. {credit}.");
    if let Some(as_of) = as_of {
        let _ = write!(description, " Data as of {}.", as_of.long());
    }
    let metadata = Metadata {
        title,
        description,
        source: site.config.absolute(page_path),
    };
    pictures.png(svg, 1.0, &metadata)
}

/// The embed page: the chart's figure and nothing of the site around it but a link back
/// to the chart's page (with the table), in the theme's stylesheets; its title a heading
/// for screen readers only, since the figure's caption shows it.
pub fn embed_page(site: &Spec, figure: &str, links: &EmbedLinks) -> String {
    let title = html(&site.display(&site.title));
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta name=\"robots\" content=\"noindex\">\n<title>{title}</title>\n\
         <link rel=\"canonical\" href=\"{canonical}\">\n\
         <link rel=\"stylesheet\" href=\"{style}\">\n<link rel=\"stylesheet\" href=\"{charts}\">\n\
         <link rel=\"stylesheet\" href=\"{print}\" media=\"print\">\n\
         <link rel=\"icon\" href=\"{icon}\" type=\"image/svg+xml\">\n\
         <style>body{{margin:0;padding:0.5rem 1rem;background:var(--bg)}}.chart{{margin:0 auto}}</style>\n\
         </head>\n<body class=\"embed\">\n<main>\n<h1 class=\"visually-hidden\">{title}</h1>\n{figure}\n\
         <p class=\"chart-source embed-credit\"><a href=\"{page}\" target=\"_top\">The table and sources of this chart, on {site_title}</a></p>\n\
         </main>\n</body>\n</html>\n",
        lang = html(&links.language),
        canonical = html(&links.canonical),
        style = html(&links.style),
        charts = html(&links.charts),
        print = html(&links.print),
        icon = html(&links.icon),
        page = html(&links.page),
        site_title = html(&links.site_title),
    )
}

/// What an embed page links to.
#[derive(Debug, Clone)]
pub struct EmbedLinks {
    /// The site's language.
    pub language: String,
    /// The absolute URL of the chart's page.
    pub canonical: String,
    /// The chart's page, relative to the embed page.
    pub page: String,
    /// `style.css`, relative.
    pub style: String,
    /// `charts.css`, relative.
    pub charts: String,
    /// `print.css`, relative.
    pub print: String,
    /// The site's icon, relative: without it a browser asks for `/favicon.ico`.
    pub icon: String,
    /// The site's title.
    pub site_title: String,
}

/// The `<iframe>` code a reader copies to embed the chart.
pub fn iframe_code(site: &Site, dataset: &Dataset) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"560\" style=\"border:0\" loading=\"lazy\"></iframe>",
        html(&site.config.absolute(&embed_path(dataset))),
        html(&dataset.title)
    )
}
