//! Finding and reading the data files of `content/`: `sources.toml`, `figures.toml`,
//! `charts/*.toml` and `audit.toml`.

use std::path::{Path, PathBuf};

use crate::data::{Data, Text, Texts};
use crate::diagnostic::Diagnostic;

use super::inputs::{Inputs, skipped};
use super::read::read_text;

/// Where the data files are.
#[derive(Debug, Default)]
pub struct DataFiles {
    sources: Option<PathBuf>,
    figures: Option<PathBuf>,
    audit: Option<PathBuf>,
    charts: Vec<(String, PathBuf)>,
    unknown: Vec<String>,
}

impl DataFiles {
    /// The data files of a `content/` directory, without walking the pages. Whether a
    /// link among them may be followed is decided when it is read.
    pub fn find(content: &Path) -> Self {
        let mut files = Self::default();
        for name in ["sources.toml", "figures.toml", "audit.toml"] {
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
                    .filter(|n| n.ends_with(".toml") && !skipped(n))
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
            "audit.toml" => self.audit = Some(path.to_path_buf()),
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

/// Reads the data files and parses them; read and parse errors are returned together.
pub(super) fn load(inputs: &Inputs, files: &DataFiles) -> Result<Data, Vec<Diagnostic>> {
    let mut errors: Vec<Diagnostic> = files
        .unknown
        .iter()
        .map(|relative| {
            Diagnostic::file(&format!("content/{relative}"), format!("`content/{relative}` is not a known data file"))
                .with_help("data files are content/sources.toml, content/figures.toml, content/audit.toml and content/charts/*.toml")
        })
        .collect();
    let mut read = |path: &Path, display: String| match read_text(inputs, path, &display) {
        Ok(text) => Some(Text { display, text }),
        Err(error) => {
            errors.push(Diagnostic::from_error(error, &display));
            None
        }
    };
    let mut texts = Texts::default();
    if let Some(path) = &files.sources {
        match read(path, "content/sources.toml".to_string()) {
            Some(text) => texts.sources = Some(text),
            None => return Err(errors),
        }
    }
    for (id, path) in &files.charts {
        if let Some(text) = read(path, format!("content/charts/{id}.toml")) {
            texts.charts.push((id.clone(), text));
        }
    }
    if let Some(path) = &files.figures {
        texts.figures = read(path, "content/figures.toml".to_string());
    }
    if let Some(path) = &files.audit {
        texts.audit = read(path, "content/audit.toml".to_string());
    }
    match Data::parse(texts) {
        Ok(data) if errors.is_empty() => Ok(data),
        Ok(_) => Err(errors),
        Err(mut found) => {
            errors.append(&mut found);
            Err(errors)
        }
    }
}
