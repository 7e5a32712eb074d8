//! The output-directory guard: an output whose replacement could destroy the user's work is
//! refused before anything is created.

use std::path::{Component, Path, PathBuf};

use anyhow::{Context, bail};

use super::staging::MARKER;

/// The absolute output path, with symlinks resolved in the part that already exists.
/// Nothing is created here: a refused output must leave no trace, not even an empty
/// directory inside `content/`.
pub(super) fn resolve_output(root: &Path, output: &Path) -> anyhow::Result<PathBuf> {
    let joined = normalize(&root.join(output));
    let existing = joined
        .ancestors()
        .find(|ancestor| ancestor.exists())
        .context("the output directory has no existing ancestor")?;
    let rest = joined
        .strip_prefix(existing)
        .context("the output directory is outside its ancestor")?;
    let resolved = existing
        .canonicalize()
        .with_context(|| format!("failed to resolve `{}`", existing.display()))?;
    Ok(if rest.as_os_str().is_empty() {
        resolved
    } else {
        resolved.join(rest)
    })
}

fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Refuses an output directory whose replacement would destroy the user's work.
pub fn check_output_dir(root: &Path, output: &Path) -> anyhow::Result<()> {
    let refuse = |why: &str| -> anyhow::Result<()> {
        bail!(
            "refusing to use `{}` as the output directory: {why}\nhelp: choose another directory with `--output DIR` or `output_dir` in site.toml",
            output.display()
        )
    };
    if root.starts_with(output) {
        return refuse("it is the site root or one of its parents");
    }
    for protected in crate::load::INPUT_FOLDERS {
        if output.starts_with(root.join(protected)) {
            return refuse(&format!(
                "it is inside `{protected}/`, which holds your sources"
            ));
        }
    }
    if !output.exists() {
        return Ok(());
    }
    if !output.is_dir() {
        return refuse("it exists and is not a directory");
    }
    if output.join("site.toml").exists() {
        return refuse("it holds a site.toml, so it looks like a site's sources");
    }
    let empty = std::fs::read_dir(output)
        .with_context(|| format!("failed to read `{}`", output.display()))?
        .next()
        .is_none();
    if !empty && !output.join(MARKER).is_file() {
        return refuse(&format!(
            "it is not empty and was not made by factsite (no `{MARKER}` file), so replacing it could delete files you need"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_dot_segments() {
        assert_eq!(
            normalize(Path::new("/a/b/../c/./d")),
            PathBuf::from("/a/c/d")
        );
    }
}
