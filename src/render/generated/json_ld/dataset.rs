//! schema.org `Dataset` for chart pages: what the data is, its dates, and the CSV as a
//! `DataDownload`.

use serde_json::{Value, json};

use crate::content::config::Config;
use crate::data::dataset::Dataset;

/// Where a chart's files are, as absolute URLs.
#[derive(Debug, Clone)]
pub struct Downloads {
    /// The chart's page.
    pub page: String,
    /// The full CSV.
    pub csv: String,
    /// The chart as a standalone SVG, when published.
    pub svg: Option<String>,
    /// The chart as a PNG, when published.
    pub png: Option<String>,
}

/// The `Dataset` of a chart page. Google asks for a description of 50 to 5000 characters:
/// the dataset's own, or one made of its title, publisher and dates.
pub fn dataset(config: &Config, dataset: &Dataset, files: &Downloads) -> Value {
    let as_of = dataset.as_of();
    let first = dataset.first_date();
    let mut description = dataset.description.clone().unwrap_or_default();
    if description.chars().count() < 50 {
        let mut made = format!(
            "Weekly positions of the entries followed on the {} ({}).",
            dataset.title, dataset.publisher
        );
        if let (Some(first), Some(last)) = (first, as_of) {
            made.push_str(&format!(
                " Chart dates from {} to {}.",
                first.long(),
                last.long()
            ));
        }
        description = format!("{description} {made}").trim().to_string();
    }
    let mut distribution = vec![json!({
        "@type": "DataDownload",
        "encodingFormat": "text/csv",
        "contentUrl": files.csv,
    })];
    if let Some(svg) = &files.svg {
        distribution.push(json!({ "@type": "DataDownload", "encodingFormat": "image/svg+xml", "contentUrl": svg }));
    }
    if let Some(png) = &files.png {
        distribution.push(
            json!({ "@type": "DataDownload", "encodingFormat": "image/png", "contentUrl": png }),
        );
    }
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": dataset.title,
        "description": description,
        "url": files.page,
        "identifier": files.page,
        "creator": super::publisher(config),
        "publisher": super::publisher(config),
        "isAccessibleForFree": true,
        "keywords": [dataset.title, dataset.publisher, "chart positions"],
        "variableMeasured": "chart position",
        "measurementTechnique": format!("Positions on the {} as reported by the sources cited on the page", dataset.title),
        "distribution": distribution,
    });
    if let (Some(first), Some(last)) = (first, as_of) {
        value["temporalCoverage"] = json!(format!("{}/{}", first.iso(), last.iso()));
        value["dateModified"] = json!(last.iso());
    }
    value
}
