//! Walking `content/`: markdown pages, data files and statics, sorted, without hidden files
//! or editor backups, and never through a link that leaves the site.

use std::path::Path;

use anyhow::Context;

use crate::diagnostic::Diagnostic;
use crate::site::StaticFile;

use super::data::DataFiles;

/// The files found under `content/`, by role.
#[derive(Debug, Default)]
pub(super) struct Walked {
    pub markdown: Vec<String>,
    pub data: DataFiles,
    pub statics: Vec<StaticFile>,
}

pub(super) fn content(content: &Path) -> anyhow::Result<Walked> {
    let mut walked = Walked::default();
    let walker = walkdir::WalkDir::new(content)
        .follow_links(true)
        .sort_by_file_name();
    let mut iter = walker.into_iter();
    while let Some(entry) = iter.next() {
        let entry = entry.map_err(|error| walk_error(content, &error))?;
        let name = entry.file_name().to_string_lossy();
        if entry.depth() > 0 && (name.starts_with('.') || name.ends_with('~')) {
            if entry.file_type().is_dir() {
                iter.skip_current_dir();
            }
            continue;
        }
        if entry.path_is_symlink() {
            check_link_target(content, entry.path())?;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = relative_path(content, entry.path())?;
        if relative.ends_with(".md") {
            walked.markdown.push(relative);
        } else if !walked.data.claim(&relative, entry.path()) {
            walked.statics.push(StaticFile {
                relative,
                path: entry.path().to_path_buf(),
            });
        }
    }
    Ok(walked)
}

/// Refuses a symbolic link under `content/` that points outside the site root: publishing
/// it could leak a private file.
fn check_link_target(content: &Path, path: &Path) -> anyhow::Result<()> {
    let root = content.parent().unwrap_or(content);
    let target = path
        .canonicalize()
        .with_context(|| format!("failed to resolve the link `{}`", path.display()))?;
    if target.starts_with(root) {
        return Ok(());
    }
    let shown = path
        .strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string();
    Err(Diagnostic::file(&shown, format!("`{shown}` is a symbolic link to `{}`, outside the site", target.display()))
        .with_help("copy the file into the site instead; factsite never publishes files from outside the site root")
        .into())
}

pub(super) fn walk_error(content: &Path, error: &walkdir::Error) -> anyhow::Error {
    let shown = |path: &Path| {
        path.strip_prefix(content.parent().unwrap_or(content))
            .unwrap_or(path)
            .display()
            .to_string()
    };
    if let Some(ancestor) = error.loop_ancestor() {
        let at = error.path().map(shown).unwrap_or_default();
        return Diagnostic::file(
            &at,
            format!(
                "symbolic link loop: `{at}` points back to `{}`",
                shown(ancestor)
            ),
        )
        .with_help("remove the link or point it somewhere outside its own parent")
        .into();
    }
    let at = error
        .path()
        .map(shown)
        .unwrap_or_else(|| "content".to_string());
    anyhow::anyhow!("failed to read `{at}`: {error}")
}

pub(super) fn relative_path(base: &Path, path: &Path) -> anyhow::Result<String> {
    let relative = path.strip_prefix(base).context("file outside content/")?;
    let mut parts = Vec::new();
    for component in relative.components() {
        let part = component.as_os_str().to_str().with_context(|| {
            format!(
                "`content/{}` has a name that is not valid UTF-8",
                relative.display()
            )
        })?;
        parts.push(part.to_string());
    }
    Ok(parts.join("/"))
}
