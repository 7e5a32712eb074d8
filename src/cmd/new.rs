//! `factsite new DIR`: a small working explainer to start from.

use std::path::Path;

use anyhow::{Context, bail};

use crate::content::theme;
use crate::render::templates;

/// The starter site's own files: settings and content, with real, sourced data.
const FILES: &[(&str, &str)] = &[
    ("site.toml", include_str!("new/site.toml")),
    // Stored without its dot so that git and tools treat it as a plain file here.
    (".gitignore", include_str!("new/gitignore")),
    ("content/_index.md", include_str!("new/content/_index.md")),
    ("content/about.md", include_str!("new/content/about.md")),
    (
        "content/essays/_index.md",
        include_str!("new/content/essays/_index.md"),
    ),
    (
        "content/essays/the-climb.md",
        include_str!("new/content/essays/the-climb.md"),
    ),
    (
        "content/claims/_index.md",
        include_str!("new/content/claims/_index.md"),
    ),
    (
        "content/claims/golden-no-1.md",
        include_str!("new/content/claims/golden-no-1.md"),
    ),
    (
        "content/charts/hot-100.toml",
        include_str!("new/content/charts/hot-100.toml"),
    ),
    (
        "content/sources.toml",
        include_str!("new/content/sources.toml"),
    ),
];

/// Writes a new site into `dir`, which must not exist or be empty. Returns the files written.
pub fn new_site(dir: &Path) -> anyhow::Result<Vec<String>> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir)
            .with_context(|| format!("failed to read `{}`", dir.display()))?;
        if entries.next().is_some() {
            bail!(
                "refusing to create a site in `{}`: the directory is not empty\nhelp: choose a new directory name; factsite new never overwrites files",
                dir.display()
            );
        }
    }
    let mut written = Vec::new();
    let mut write = |relative: &str, bytes: &[u8]| -> anyhow::Result<()> {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("failed to create `{}`", parent.display()))?;
        }
        std::fs::write(&path, bytes)
            .with_context(|| format!("failed to write `{}`", path.display()))?;
        written.push(relative.to_string());
        Ok(())
    };
    for (relative, text) in FILES {
        write(relative, text.as_bytes())?;
    }
    for (name, text) in templates::DEFAULTS {
        write(&format!("templates/{name}"), text.as_bytes())?;
    }
    for (name, bytes) in theme::DEFAULTS {
        write(&format!("theme/{name}"), bytes)?;
    }
    Ok(written)
}
