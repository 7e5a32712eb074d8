//! `factsite init DIR` (or `new`): a small working explainer to start from. It writes
//! settings and content only: the built-in templates and theme fill every gap.

use std::path::Path;

use anyhow::{Context, bail};

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

/// Folders made empty, for the files a site adds to override the built-ins.
const FOLDERS: &[&str] = &["templates", "theme"];

/// Writes a new site into `dir`, which must not exist or be empty. Returns the files written.
pub fn new_site(dir: &Path) -> anyhow::Result<Vec<String>> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir)
            .with_context(|| format!("failed to read `{}`", dir.display()))?;
        if entries.next().is_some() {
            bail!(
                "refusing to create a site in `{}`: the directory is not empty\nhelp: choose a new directory name; factsite init never overwrites files",
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
    for folder in FOLDERS {
        let path = dir.join(folder);
        std::fs::create_dir_all(&path)
            .with_context(|| format!("failed to create `{}`", path.display()))?;
    }
    Ok(written)
}

/// What `init` prints once the site is written.
pub fn summary(dir: &Path, written: &[String]) -> Vec<String> {
    let next = if dir == Path::new(".") {
        "Next: factsite serve".to_string()
    } else {
        format!("Next: cd {} && factsite serve", dir.display())
    };
    let dir = dir.display();
    vec![
        format!("Created {} files in {dir}", written.len()),
        "Templates and theme are built in: templates/ and theme/ are empty, and a file you put there with a built-in's name (page.html, style.css, ...) replaces it.".to_string(),
        "The built-in templates, what each renders and the variables they see are documented in AUTHORING.md, section \"Templates\", in factsite's repository (their sources are its templates/ and theme/ folders).".to_string(),
        next,
    ]
}
