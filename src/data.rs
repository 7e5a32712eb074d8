//! The data files under `content/`: the bibliography, chart datasets and sourced figures.

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::fs::read_text;
use crate::sources::Bibliography;

/// Where the data files are.
#[derive(Debug, Default)]
pub struct DataFiles {
    sources: Option<PathBuf>,
    unknown: Vec<String>,
}

impl DataFiles {
    /// Takes a file found under `content/` if it is a data file; `false` leaves it static.
    pub fn claim(&mut self, relative: &str, path: &Path) -> bool {
        if relative == "sources.toml" {
            self.sources = Some(path.to_path_buf());
        } else if relative.ends_with(".toml") {
            self.unknown.push(relative.to_string());
        } else {
            return false;
        }
        true
    }
}

/// Everything loaded from the data files.
#[derive(Debug, Default)]
pub struct Data {
    /// `content/sources.toml`.
    pub bibliography: Bibliography,
}

impl Data {
    /// Reads and validates the data files; every error found is returned.
    pub fn load(_content: &Path, files: &DataFiles) -> Result<Self, Vec<Diagnostic>> {
        let mut errors: Vec<Diagnostic> = files
            .unknown
            .iter()
            .map(|relative| {
                Diagnostic::file(&format!("content/{relative}"), format!("`content/{relative}` is not a known data file"))
                    .with_help("data files are content/sources.toml, content/figures.toml and content/charts/*.toml")
            })
            .collect();
        let bibliography = match &files.sources {
            Some(path) => match load_text(path, "content/sources.toml")
                .and_then(|text| Bibliography::parse("content/sources.toml", text))
            {
                Ok(bibliography) => bibliography,
                Err(mut found) => {
                    errors.append(&mut found);
                    Bibliography::default()
                }
            },
            None => Bibliography::default(),
        };
        if errors.is_empty() {
            Ok(Self { bibliography })
        } else {
            Err(errors)
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
