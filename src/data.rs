//! The data files under `content/`: the bibliography, chart datasets and sourced figures.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::dataset::{self, Dataset};
use crate::diagnostic::Diagnostic;
use crate::figures::Figures;
use crate::fs::read_text;
use crate::sources::Bibliography;
use crate::stats::Stats;

/// Where the data files are.
#[derive(Debug, Default)]
pub struct DataFiles {
    sources: Option<PathBuf>,
    figures: Option<PathBuf>,
    charts: Vec<(String, PathBuf)>,
    unknown: Vec<String>,
}

impl DataFiles {
    /// The data files of a `content/` directory, without walking the pages.
    pub fn find(content: &Path) -> Self {
        let mut files = Self::default();
        for name in ["sources.toml", "figures.toml"] {
            let path = content.join(name);
            if path.is_file() {
                files.claim(name, &path);
            }
        }
        if let Ok(entries) = std::fs::read_dir(content.join("charts")) {
            let mut charts: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect();
            charts.sort();
            for path in charts {
                if let Some(name) = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .filter(|n| n.ends_with(".toml") && !n.starts_with('.'))
                {
                    files.claim(&format!("charts/{name}"), &path);
                }
            }
        }
        files
    }

    /// Takes a file found under `content/` if it is a data file; `false` leaves it static.
    pub fn claim(&mut self, relative: &str, path: &Path) -> bool {
        if !relative.ends_with(".toml") {
            return false;
        }
        match relative {
            "sources.toml" => self.sources = Some(path.to_path_buf()),
            "figures.toml" => self.figures = Some(path.to_path_buf()),
            _ => match relative
                .strip_prefix("charts/")
                .and_then(|r| r.strip_suffix(".toml"))
            {
                Some(id) if !id.contains('/') => {
                    self.charts.push((id.to_string(), path.to_path_buf()))
                }
                _ => self.unknown.push(relative.to_string()),
            },
        }
        true
    }
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
}

impl Data {
    /// Reads and validates the data files; every error found is returned.
    pub fn load(files: &DataFiles) -> Result<Self, Vec<Diagnostic>> {
        let mut errors: Vec<Diagnostic> = files
            .unknown
            .iter()
            .map(|relative| {
                Diagnostic::file(&format!("content/{relative}"), format!("`content/{relative}` is not a known data file"))
                    .with_help("data files are content/sources.toml, content/figures.toml and content/charts/*.toml")
            })
            .collect();
        let bibliography = match &files.sources {
            Some(path) => collect(
                load_text(path, "content/sources.toml")
                    .and_then(|t| Bibliography::parse("content/sources.toml", t)),
                &mut errors,
            ),
            None => Some(Bibliography::default()),
        };
        let Some(bibliography) = bibliography else {
            return Err(errors);
        };
        let results: Vec<_> = files
            .charts
            .par_iter()
            .map(|(id, path)| {
                let display = format!("content/charts/{id}.toml");
                load_text(path, &display)
                    .and_then(|text| dataset::parse(id, &display, text, &bibliography))
            })
            .collect();
        let mut datasets: Vec<Dataset> = results
            .into_iter()
            .filter_map(|r| collect(r, &mut errors))
            .collect();
        datasets.sort_by(|a, b| a.id.cmp(&b.id));
        let figures = match &files.figures {
            Some(path) => collect(
                load_text(path, "content/figures.toml")
                    .and_then(|t| Figures::parse("content/figures.toml", t, &bibliography)),
                &mut errors,
            )
            .unwrap_or_default(),
            None => Figures::default(),
        };
        if errors.is_empty() {
            Ok(Self {
                bibliography,
                datasets,
                figures,
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

fn load_text(path: &Path, display: &str) -> Result<String, Vec<Diagnostic>> {
    read_text(path, display).map_err(|error| {
        vec![match error.downcast::<Diagnostic>() {
            Ok(diagnostic) => diagnostic,
            Err(other) => Diagnostic::file(display, format!("{other:#}")),
        }]
    })
}
