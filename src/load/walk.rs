//! Walking an input folder under the one policy of [`Inputs`]: sorted, without hidden
//! entries or editor backups, names checked, and a symbolic link followed only where the
//! policy lets it point.

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::site::StaticFile;

use super::data::DataFiles;
use super::inputs::{Inputs, skipped};

/// A file found in an input folder.
#[derive(Debug, Clone)]
pub(super) struct Found {
    /// The path relative to the folder, with `/` separators (`for/x.md`).
    pub relative: String,
    /// Where the file really is: no link on this path.
    pub path: PathBuf,
}

/// Every file of input folder `folder` (such as `"theme"`), sorted by path. A missing
/// folder has no files.
pub(super) fn folder(inputs: &Inputs, folder: &str) -> anyhow::Result<Vec<Found>> {
    let dir = inputs.root().join(folder);
    let start = match std::fs::symlink_metadata(&dir) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => anyhow::bail!("failed to read `{folder}/`: {error}"),
        Ok(metadata) if metadata.file_type().is_symlink() => inputs.resolve(&dir)?,
        Ok(_) => dir,
    };
    if !start.is_dir() {
        return Ok(Vec::new());
    }
    let mut found = Vec::new();
    // Folders reached through a link: the path the walk gives, and where it really is.
    let mut linked: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut entries = walkdir::WalkDir::new(&start)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = entries.next() {
        let entry = entry.map_err(|error| walk_error(inputs, folder, &error))?;
        if entry.depth() == 0 {
            continue;
        }
        if skipped(&entry.file_name().to_string_lossy()) {
            if entry.file_type().is_dir() {
                entries.skip_current_dir();
            }
            continue;
        }
        let relative = entry.path().strip_prefix(&start).unwrap_or(entry.path());
        let relative = inputs.name(folder, relative)?;
        let real = if entry.path_is_symlink() {
            // Checked before the walk descends into it: the walk has only looked at
            // where it points, not read anything there.
            let real = inputs.resolve(entry.path())?;
            if entry.file_type().is_dir() {
                linked.push((entry.path().to_path_buf(), real.clone()));
            }
            real
        } else {
            real_path(&linked, entry.path())
        };
        if entry.file_type().is_file() {
            found.push(Found {
                relative,
                path: real,
            });
        }
    }
    Ok(found)
}

fn real_path(linked: &[(PathBuf, PathBuf)], path: &Path) -> PathBuf {
    linked
        .iter()
        .rev()
        .find_map(|(shown, real)| Some(real.join(path.strip_prefix(shown).ok()?)))
        .unwrap_or_else(|| path.to_path_buf())
}

/// The files found under `content/`, by role.
#[derive(Debug, Default)]
pub(super) struct Walked {
    pub markdown: Vec<Found>,
    pub data: DataFiles,
    pub statics: Vec<StaticFile>,
}

/// Every file of `static/`, published at the site root as it is (as in Zola).
pub(super) fn statics(inputs: &Inputs) -> anyhow::Result<Vec<StaticFile>> {
    Ok(folder(inputs, "static")?
        .into_iter()
        .map(|found| StaticFile {
            published: found.relative.clone(),
            shown: format!("static/{}", found.relative),
            relative: found.relative,
            path: found.path,
        })
        .collect())
}

/// Walks `content/` and sorts its files into pages, data files and statics.
pub(super) fn content(inputs: &Inputs) -> anyhow::Result<Walked> {
    let mut walked = Walked::default();
    for found in folder(inputs, "content")? {
        if found.relative.ends_with(".md") {
            walked.markdown.push(found);
        } else if !walked.data.claim(&found.relative, &found.path) {
            walked.statics.push(StaticFile {
                published: found.relative.clone(),
                shown: format!("content/{}", found.relative),
                relative: found.relative,
                path: found.path,
            });
        }
    }
    Ok(walked)
}

fn walk_error(inputs: &Inputs, folder: &str, error: &walkdir::Error) -> anyhow::Error {
    if let Some(ancestor) = error.loop_ancestor() {
        let at = error.path().map(|p| inputs.shown(p)).unwrap_or_default();
        return Diagnostic::file(
            &at,
            format!(
                "symbolic link loop: `{at}` points back to `{}`",
                inputs.shown(ancestor)
            ),
        )
        .with_help("remove the link or point it somewhere outside its own parent")
        .into();
    }
    let at = error
        .path()
        .map(|p| inputs.shown(p))
        .unwrap_or_else(|| folder.to_string());
    anyhow::anyhow!("failed to read `{at}`: {error}")
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::os::unix::fs::symlink;

    struct Tree {
        _dir: tempfile::TempDir,
        root: PathBuf,
    }

    impl Tree {
        fn new(files: &[&str]) -> Self {
            let dir = tempfile::tempdir().expect("temp dir");
            let root = dir.path().canonicalize().expect("canonical").join("site");
            for file in files {
                let path = root.join(file);
                std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
                std::fs::write(&path, file).expect("write");
            }
            Self { _dir: dir, root }
        }

        fn link(&self, target: &Path, at: &str) {
            symlink(target, self.root.join(at)).expect("symlink");
        }

        fn walk(&self, name: &str) -> Result<Vec<String>, String> {
            folder(&Inputs::new(&self.root), name)
                .map(|found| found.into_iter().map(|f| f.relative).collect())
                .map_err(|error| format!("{error:#}"))
        }
    }

    // The same rules hold in every input folder: hidden folders and backups are never
    // walked, whatever they hold.
    #[test]
    fn skips_hidden_entries_and_backups_in_every_folder() {
        for name in ["content", "templates", "theme", "static"] {
            let tree = Tree::new(&[
                &format!("{name}/a.txt"),
                &format!("{name}/.git/config"),
                &format!("{name}/sub/.env"),
                &format!("{name}/sub/b.txt~"),
                &format!("{name}/sub/#b.txt#"),
                &format!("{name}/sub/b.txt"),
            ]);
            assert_eq!(tree.walk(name).unwrap(), ["a.txt", "sub/b.txt"], "{name}");
        }
    }

    // A link is followed only into the site's input folders, never outside the site or
    // into a hidden folder, and a file under a linked folder is read at its real path.
    #[test]
    fn follows_links_only_where_the_policy_allows() {
        for name in ["content", "templates", "theme", "static"] {
            let tree = Tree::new(&[
                &format!("{name}/a.txt"),
                "content/shared/logo.svg",
                ".git/config",
                "public/index.html",
            ]);
            let outside = tree.root.parent().expect("parent").join("secret.txt");
            std::fs::write(&outside, "TOP SECRET").expect("write");
            tree.link(&tree.root.join("content/shared"), &format!("{name}/linked"));
            let found = folder(&Inputs::new(&tree.root), name).expect("walk");
            let logo = found
                .iter()
                .find(|f| f.relative == "linked/logo.svg")
                .expect("found through the link");
            assert_eq!(logo.path, tree.root.join("content/shared/logo.svg"));

            for (target, why) in [
                (outside.clone(), "outside the site"),
                (
                    tree.root.join(".git/config"),
                    "not one of the site's input files",
                ),
                (
                    tree.root.join("public/index.html"),
                    "not one of the site's input files",
                ),
                (
                    tree.root.parent().expect("parent").to_path_buf(),
                    "outside the site",
                ),
            ] {
                let link = format!("{name}/z-link");
                tree.link(&target, &link);
                let error = tree.walk(name).unwrap_err();
                assert!(
                    error.starts_with(&format!("error: `{link}` is a symbolic link to `")),
                    "{error}"
                );
                assert!(error.contains(why), "{error}");
                std::fs::remove_file(tree.root.join(&link)).expect("remove link");
            }
        }
    }

    #[test]
    fn a_linked_folder_is_checked_too() {
        let tree = Tree::new(&["content/_index.md"]);
        let outside = tree.root.parent().expect("parent").join("elsewhere");
        std::fs::create_dir_all(&outside).expect("mkdir");
        std::fs::write(outside.join("x.css"), "x").expect("write");
        tree.link(&outside, "theme");
        let error = tree.walk("theme").unwrap_err();
        assert!(
            error.starts_with("error: `theme` is a symbolic link to `"),
            "{error}"
        );
        assert_eq!(tree.walk("static").unwrap(), Vec::<String>::new());
    }
}
