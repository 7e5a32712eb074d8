//! Reading `theme/`: every file, over the built-in defaults, fingerprinted by content.

use std::path::Path;

use anyhow::Context;

use crate::content::theme::{Asset, Assets, DEFAULTS, fingerprint};

/// Reads every file under `dir`, over the built-in default theme.
pub(super) fn load(dir: &Path) -> anyhow::Result<Assets> {
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
        return Ok(Assets::from_files(files));
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
    Ok(Assets::from_files(files))
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
