//! Theme files, published under content-hashed names so they can be cached forever.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Context;
use sha2::{Digest, Sha256};

use crate::output::OutputFile;

/// The theme used for any file a site's `theme/` does not provide.
pub const DEFAULTS: &[(&str, &[u8])] = &[
    ("charts.css", include_bytes!("../theme/charts.css")),
    ("favicon.svg", include_bytes!("../theme/favicon.svg")),
    ("print.css", include_bytes!("../theme/print.css")),
    ("style.css", include_bytes!("../theme/style.css")),
];

/// One file from `theme/`.
#[derive(Debug, Clone)]
pub struct Asset {
    /// The name as written in templates, relative to `theme/` (`style.css`).
    pub name: String,
    /// The fingerprinted output path (`style.3f2a9c1d0b.css`).
    pub path: String,
    /// The contents.
    pub bytes: Vec<u8>,
}

/// All theme files.
#[derive(Debug, Clone, Default)]
pub struct Assets {
    /// By name, sorted.
    pub files: Vec<Asset>,
    by_name: HashMap<String, usize>,
}

impl Assets {
    /// Reads every file under `dir`, over the built-in default theme.
    pub fn load(dir: &Path) -> anyhow::Result<Self> {
        let mut files: Vec<Asset> = DEFAULTS
            .iter()
            .filter(|(name, _)| !dir.join(name).exists())
            .map(|(name, bytes)| Asset {
                name: (*name).to_string(),
                path: fingerprint(name, bytes),
                bytes: bytes.to_vec(),
            })
            .collect();
        if !dir.exists() {
            return Ok(Self::from_files(files));
        }
        for entry in walkdir::WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
        {
            let entry = entry.with_context(|| format!("failed to read `{}`", dir.display()))?;
            if !entry.file_type().is_file() || is_hidden(entry.file_name()) {
                continue;
            }
            let name = relative_name(dir, entry.path())?;
            let bytes = std::fs::read(entry.path())
                .with_context(|| format!("failed to read `theme/{name}`"))?;
            files.push(Asset {
                path: fingerprint(&name, &bytes),
                name,
                bytes,
            });
        }
        files.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Self::from_files(files))
    }

    /// Assets from already-read files.
    pub fn from_files(files: Vec<Asset>) -> Self {
        let by_name = files
            .iter()
            .enumerate()
            .map(|(i, a)| (a.name.clone(), i))
            .collect();
        Self { files, by_name }
    }

    /// The asset with this name.
    pub fn get(&self, name: &str) -> Option<&Asset> {
        self.by_name
            .get(name.trim_start_matches('/'))
            .map(|&i| &self.files[i])
    }

    /// The files to publish.
    pub fn outputs(&self) -> impl Iterator<Item = OutputFile> + '_ {
        self.files.iter().map(|a| OutputFile {
            path: a.path.clone(),
            bytes: a.bytes.clone(),
        })
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn relative_name(dir: &Path, path: &Path) -> anyhow::Result<String> {
    let relative = path
        .strip_prefix(dir)
        .context("theme file outside theme/")?;
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Ok(parts.join("/"))
}

/// `css/style.css` with these bytes -> `css/style.<10 hex digits>.css`.
pub fn fingerprint(name: &str, bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hash: String = digest.iter().take(5).map(|b| format!("{b:02x}")).collect();
    let (dir, file) = match name.rsplit_once('/') {
        Some((dir, file)) => (format!("{dir}/"), file),
        None => (String::new(), name),
    };
    match file.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => format!("{dir}{stem}.{hash}.{ext}"),
        _ => format!("{dir}{file}.{hash}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_names_from_contents() {
        assert_eq!(fingerprint("style.css", b"body{}"), "style.7c98040a54.css");
        assert_eq!(
            fingerprint("css/print.css", b"body{}"),
            "css/print.7c98040a54.css"
        );
        assert_eq!(fingerprint("LICENSE", b"x"), "LICENSE.2d711642b7");
        assert_ne!(
            fingerprint("style.css", b"body{ }"),
            fingerprint("style.css", b"body{}")
        );
    }
}
