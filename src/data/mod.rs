//! The data files under `content/`: the bibliography, chart datasets, sourced figures and
//! the audit log, parsed and cross-checked, and the stats computed from them.

pub mod audit;
pub mod dataset;
pub mod figures;
pub mod sources;
pub mod stats;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use audit::Audit;
use dataset::Dataset;
use figures::Figures;
use sources::Bibliography;
use stats::Stats;

/// A data file's text and the name shown in its errors.
#[derive(Debug, Clone)]
pub struct Text {
    /// The file as shown in errors (`content/charts/hot-100.toml`).
    pub display: String,
    /// Its contents.
    pub text: String,
}

/// The texts of a site's data files, as read from disk.
#[derive(Debug, Default)]
pub struct Texts {
    /// `content/sources.toml`.
    pub sources: Option<Text>,
    /// `content/figures.toml`.
    pub figures: Option<Text>,
    /// `content/charts/<id>.toml`, with the id.
    pub charts: Vec<(String, Text)>,
    /// `content/audit.toml`.
    pub audit: Option<Text>,
}

/// Everything loaded from the data files.
#[derive(Debug, Default)]
pub struct Data {
    /// `content/sources.toml`.
    pub bibliography: Bibliography,
    /// `content/charts/*.toml`, sorted by id.
    pub datasets: Vec<Dataset>,
    /// `content/figures.toml`.
    pub figures: Figures,
    /// `content/audit.toml`, if the site has one.
    pub audit: Option<Audit>,
}

impl Data {
    /// Parses and validates the data files; every error found is returned.
    pub fn parse(texts: Texts) -> Result<Self, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let bibliography = match texts.sources {
            Some(file) => collect(Bibliography::parse(&file.display, file.text), &mut errors),
            None => Some(Bibliography::default()),
        };
        let Some(bibliography) = bibliography else {
            return Err(errors);
        };
        let results: Vec<_> = texts
            .charts
            .into_par_iter()
            .map(|(id, file)| dataset::parse(&id, &file.display, file.text, &bibliography))
            .collect();
        let mut datasets: Vec<Dataset> = results
            .into_iter()
            .filter_map(|r| collect(r, &mut errors))
            .collect();
        datasets.sort_by(|a, b| a.id.cmp(&b.id));
        dataset::styles::assign(&mut datasets);
        let figures = match texts.figures {
            Some(file) => collect(
                Figures::parse(&file.display, file.text, &bibliography),
                &mut errors,
            )
            .unwrap_or_default(),
            None => Figures::default(),
        };
        // The audit names sources, so it is read only once the bibliography parsed.
        let audit = match texts.audit {
            Some(file) if errors.is_empty() => {
                let known = audit::Known {
                    bibliography: &bibliography,
                };
                collect(Audit::parse(&file.display, file.text, &known), &mut errors)
            }
            _ => None,
        };
        if errors.is_empty() {
            Ok(Self {
                bibliography,
                datasets,
                figures,
                audit,
            })
        } else {
            Err(errors)
        }
    }

    /// Stats over this data.
    pub fn stats(&self) -> Stats<'_> {
        Stats {
            datasets: &self.datasets,
            figures: &self.figures,
            audit: self.audit.as_ref(),
        }
    }
}

fn collect<T>(result: Result<T, Vec<Diagnostic>>, errors: &mut Vec<Diagnostic>) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(mut found) => {
            errors.append(&mut found);
            None
        }
    }
}
