//! Watching the site's sources and turning bursts of file events into one rebuild.

use std::collections::{BTreeMap, BTreeSet};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use anyhow::Context;
use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use crate::load::{INPUT_FOLDERS, skipped};

/// How long the sources must be quiet before a rebuild starts.
const QUIET: Duration = Duration::from_millis(12);
/// The longest a burst of events may delay a rebuild.
const LONGEST: Duration = Duration::from_millis(250);

/// What a batch of changes asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Reload and render everything (configuration, templates, theme, new or removed pages).
    Full(String),
    /// Markdown files that already existed changed (paths relative to `content/`).
    Pages(BTreeSet<String>),
    /// Data files changed: re-render what depends on the data.
    Data,
    /// Other files under `content/` changed in place (relative to `content/`).
    Statics(BTreeSet<String>),
    /// Only temporary files came and went.
    Nothing,
}

/// A watcher on `site.toml` and the input folders.
pub struct Watch {
    root: PathBuf,
    events: Receiver<notify::Result<notify::Event>>,
    watcher: RecommendedWatcher,
    /// The folders watched, with the identity (device, inode) of what was watched.
    watched: BTreeMap<PathBuf, (u64, u64)>,
    /// Folders that were themselves created, removed or moved since the last look:
    /// watched again whatever their identity, since the old watch may be gone.
    rewatch: BTreeSet<PathBuf>,
}

impl Watch {
    /// Starts watching the site at `root`.
    pub fn start(root: &Path) -> anyhow::Result<Self> {
        let (sender, events) = channel();
        let watcher = notify::recommended_watcher(move |event| {
            let _ = sender.send(event);
        })
        .context("failed to start watching files")?;
        let mut watch = Self {
            root: root.to_path_buf(),
            events,
            watcher,
            watched: BTreeMap::new(),
            rewatch: BTreeSet::new(),
        };
        watch
            .watcher
            .watch(root, RecursiveMode::NonRecursive)
            .with_context(|| format!("failed to watch `{}`", root.display()))?;
        watch.watch_dirs();
        Ok(watch)
    }

    /// Watches the input folders as they are now. A folder can be deleted and made again,
    /// moved away and back, or swapped for another by a branch checkout while serving:
    /// a folder whose identity changed, or that was itself created, removed or moved, is
    /// watched anew, so saves are seen whatever happened to it.
    fn watch_dirs(&mut self) {
        for dir in INPUT_FOLDERS {
            let path = self.root.join(dir);
            let now = std::fs::metadata(&path)
                .ok()
                .filter(std::fs::Metadata::is_dir)
                .map(|m| (m.dev(), m.ino()));
            let forced = self.rewatch.remove(&path);
            if now.is_some() && !forced && self.watched.get(&path) == now.as_ref() {
                continue;
            }
            if self.watched.remove(&path).is_some() {
                let _ = self.watcher.unwatch(&path);
            }
            if let Some(id) = now
                && self.watcher.watch(&path, RecursiveMode::Recursive).is_ok()
            {
                self.watched.insert(path, id);
            }
        }
        self.rewatch.clear();
    }

    /// Blocks until the sources change, then returns when the burst started and the changed
    /// paths relative to the root. `None` when the watcher stopped.
    pub fn next(&mut self) -> Option<(Instant, BTreeSet<String>)> {
        loop {
            let first = self.events.recv().ok()?;
            let started = Instant::now();
            let mut paths = BTreeSet::new();
            self.collect(first, &mut paths);
            while started.elapsed() < LONGEST {
                match self.events.recv_timeout(QUIET) {
                    Ok(event) => self.collect(event, &mut paths),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return None,
                }
            }
            self.watch_dirs();
            if !paths.is_empty() {
                return Some((started, paths));
            }
        }
    }

    fn collect(&mut self, event: notify::Result<notify::Event>, paths: &mut BTreeSet<String>) {
        let Ok(event) = event else { return };
        if matches!(event.kind, notify::EventKind::Access(_)) {
            return;
        }
        for path in event.paths {
            if path.parent() == Some(self.root.as_path()) {
                self.rewatch.insert(path.clone());
            }
            if let Some(relative) = relevant(&self.root, &path) {
                paths.insert(relative);
            }
        }
    }
}

/// The path relative to the root if it is a source the build reads.
fn relevant(root: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let name = parts.last()?;
    let noise = parts.iter().any(|p| skipped(p) || p.starts_with('#'))
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name == "4913";
    let source =
        INPUT_FOLDERS.contains(&parts[0].as_str()) || (parts.len() == 1 && name == "site.toml");
    (source && !noise).then(|| parts.join("/"))
}

/// What is at a changed path now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Now {
    /// Nothing: it was removed or renamed away.
    Missing,
    /// A file.
    File,
    /// A directory.
    Dir,
}

/// What the current build knows of a file under `content/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// A page or section of the build.
    Page,
    /// A data file or a file published as it is.
    File,
    /// Not part of the build (new, or an editor's temporary file).
    Unknown,
}

/// What a batch of changed paths needs. `known` says what a path under `content/`
/// (relative to it) was in the current build; `now` what is at a path today.
pub fn classify(
    paths: &BTreeSet<String>,
    known: impl Fn(&str) -> Known,
    now: impl Fn(&str) -> Now,
) -> Change {
    let mut pages = BTreeSet::new();
    let mut statics = BTreeSet::new();
    let mut data = false;
    for path in paths {
        let Some(inner) = path.strip_prefix("content/") else {
            return Change::Full(format!("{path} changed"));
        };
        let before = known(inner);
        match now(path) {
            // An editor's temporary file that came and went.
            Now::Missing if before == Known::Unknown => {}
            Now::File if inner.ends_with(".md") && before == Known::Page => {
                pages.insert(inner.to_string());
            }
            Now::File | Now::Missing if inner.ends_with(".toml") => data = true,
            Now::File if !inner.ends_with(".md") && before == Known::File => {
                statics.insert(inner.to_string());
            }
            Now::Missing => return Change::Full(format!("{path} was removed")),
            Now::File => return Change::Full(format!("{path} was added")),
            Now::Dir => return Change::Full(format!("{path} changed")),
        }
    }
    let kinds =
        usize::from(data) + usize::from(!pages.is_empty()) + usize::from(!statics.is_empty());
    if kinds > 1 {
        Change::Full("pages, data and files changed together".to_string())
    } else if data {
        Change::Data
    } else if !pages.is_empty() {
        Change::Pages(pages)
    } else if !statics.is_empty() {
        Change::Statics(statics)
    } else {
        Change::Nothing
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(paths: &[&str]) -> BTreeSet<String> {
        paths.iter().map(|p| (*p).to_string()).collect()
    }

    fn classify_with(paths: &[&str], pages: &[&str], missing: &[&str]) -> Change {
        let known = |p: &str| {
            if pages.contains(&p) {
                Known::Page
            } else if p.ends_with(".png") || p.ends_with(".toml") {
                Known::File
            } else {
                Known::Unknown
            }
        };
        classify(&set(paths), known, |p| {
            if missing.contains(&p) {
                Now::Missing
            } else {
                Now::File
            }
        })
    }

    #[test]
    fn edits_to_known_pages_render_only_those_pages() {
        assert_eq!(
            classify_with(&["content/for/x.md"], &["for/x.md"], &[]),
            Change::Pages(set(&["for/x.md"]))
        );
    }

    #[test]
    fn structure_changes_rebuild_everything() {
        assert!(matches!(
            classify_with(&["content/for/new.md"], &["for/x.md"], &[]),
            Change::Full(_)
        ));
        assert!(matches!(
            classify_with(&["content/for/x.md"], &["for/x.md"], &["content/for/x.md"]),
            Change::Full(_)
        ));
        assert!(matches!(
            classify_with(&["templates/page.html"], &[], &[]),
            Change::Full(_)
        ));
        assert!(matches!(
            classify_with(&["site.toml"], &[], &[]),
            Change::Full(_)
        ));
        assert!(matches!(
            classify_with(&["theme/style.css"], &[], &[]),
            Change::Full(_)
        ));
    }

    #[test]
    fn data_and_statics_have_their_own_paths() {
        assert_eq!(
            classify_with(&["content/charts/hot-100.toml"], &[], &[]),
            Change::Data
        );
        assert_eq!(
            classify_with(&["content/sources.toml", "content/figures.toml"], &[], &[]),
            Change::Data
        );
        assert_eq!(
            classify_with(&["content/for/a.png"], &[], &[]),
            Change::Statics(set(&["for/a.png"]))
        );
        assert!(matches!(
            classify_with(
                &["content/for/a.png", "content/for/x.md"],
                &["for/x.md"],
                &[]
            ),
            Change::Full(_)
        ));
        assert_eq!(
            classify_with(&["content/figures.toml"], &[], &["content/figures.toml"]),
            Change::Data
        );
        assert!(matches!(
            classify_with(&["content/for/a.png"], &[], &["content/for/a.png"]),
            Change::Full(_)
        ));
        assert!(
            matches!(
                classify_with(&["content/for/b.jpg"], &[], &[]),
                Change::Full(_)
            ),
            "a new file"
        );
    }

    #[test]
    fn editor_temporary_files_that_vanished_change_nothing() {
        assert_eq!(
            classify_with(
                &["content/sedx1Ab", "content/for/x.md"],
                &["for/x.md"],
                &["content/sedx1Ab"]
            ),
            Change::Pages(set(&["for/x.md"]))
        );
        assert_eq!(
            classify_with(&["content/.#x"], &[], &["content/.#x"]),
            Change::Nothing
        );
    }

    #[test]
    fn ignores_editor_noise() {
        let root = Path::new("/site");
        for noise in [
            "/site/content/.x.md.swp",
            "/site/content/x.md~",
            "/site/content/4913",
            "/site/public/index.html",
            "/site/.git/HEAD",
            "/site/target/x",
        ] {
            assert_eq!(relevant(root, Path::new(noise)), None, "{noise}");
        }
        assert_eq!(
            relevant(root, Path::new("/site/content/for/x.md")).as_deref(),
            Some("content/for/x.md")
        );
        assert_eq!(
            relevant(root, Path::new("/site/site.toml")).as_deref(),
            Some("site.toml")
        );
    }
}
