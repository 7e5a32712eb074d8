//! The one policy for the site's input folders (`content/`, `templates/`, `theme/` and
//! `static/`): which entries are skipped, which names can be published, and where a
//! symbolic link may point.

use std::fs::File;
use std::path::{Component, Path, PathBuf};

use crate::chars;
use crate::diagnostic::Diagnostic;

use super::open::{OpenError, open_regular};

/// The folders a build reads, relative to the site root. Every walk and every read of an
/// input goes through [`Inputs`], so a folder added here gets the same rules.
pub const INPUT_FOLDERS: &[&str] = &["content", "templates", "theme", "static"];

/// Folders whose file names become URLs: their names must be usable in one.
const PUBLISHED_FOLDERS: &[&str] = &["content", "theme", "static"];

/// Endings of editor swap files and of what merges, patches and backups leave behind
/// (`sources.toml.orig`, `x.md.rej`, `x.md.bak`, `x.md.swp`), in any case.
const LEFTOVER_EXTENSIONS: &[&str] = &["orig", "rej", "bak", "swp", "swo", "swx", "kate-swp"];

/// The copies `git mergetool` leaves beside a conflicted file: `x_BASE_1234.md`.
const MERGETOOL_COPIES: &[&str] = &["_BACKUP_", "_BASE_", "_LOCAL_", "_REMOTE_"];

/// Whether an entry is never read: hidden (`.git`, `.DS_Store`, `.x.md.swp`, `.#x.md`), an
/// editor's backup, swap file or autosave (`x.md~`, `#x.md#`, `x.md.bak`, `x.md.swp`,
/// JetBrains' `x.md___jb_tmp___`), or a leftover of a merge or a patch (`x.md.orig`,
/// `x.md.rej`, git mergetool's `x_BASE_1234.md`).
pub fn skipped(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || name.rsplit_once('.').is_some_and(|(stem, extension)| {
            !stem.is_empty()
                && LEFTOVER_EXTENSIONS
                    .iter()
                    .any(|e| extension.eq_ignore_ascii_case(e))
        })
        || MERGETOOL_COPIES.iter().any(|tag| mergetool_copy(name, tag))
}

/// `name` holds `tag` followed by a process id, then its end or an extension.
fn mergetool_copy(name: &str, tag: &str) -> bool {
    name.match_indices(tag).any(|(at, _)| {
        let rest = &name[at + tag.len()..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        at > 0 && digits > 0 && (digits == rest.len() || rest.as_bytes()[digits] == b'.')
    })
}

/// The site root and the rules for reading below it.
#[derive(Debug, Clone)]
pub struct Inputs {
    root: PathBuf,
}

impl Inputs {
    /// The inputs of the site at `root`, which must already be canonical (no links in it).
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_path_buf(),
        }
    }

    /// The site root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `path` as shown in errors: relative to the site root.
    pub fn shown(&self, path: &Path) -> String {
        let relative = path.strip_prefix(&self.root).unwrap_or(path);
        let parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        chars::shown(&parts.join("/"))
    }

    /// Where a path under the root really is, with every link on it resolved, or an error
    /// if resolving leaves the places the build may read.
    ///
    /// A link is followed only to something the build would read without the link: a
    /// file or folder inside an input folder (or `site.toml`), with no hidden or backup
    /// name on the way. So a link can neither publish a file from outside the site nor
    /// one the walk skips, such as `.git/config`.
    pub fn resolve(&self, path: &Path) -> Result<PathBuf, Diagnostic> {
        let shown = self.shown(path);
        let real = path.canonicalize().map_err(|error| {
            Diagnostic::file(&shown, format!("failed to resolve `{shown}`: {error}"))
        })?;
        if real == path || self.admits(&real) {
            return Ok(real);
        }
        let outside = !real.starts_with(&self.root);
        let why = if outside {
            "outside the site"
        } else {
            "which is not one of the site's input files"
        };
        Err(Diagnostic::file(
            &shown,
            format!(
                "`{shown}` is a symbolic link to `{}`, {why}",
                chars::shown(&real.display().to_string())
            ),
        )
        .with_help(if outside {
            "copy the file into the site instead; factsite never publishes files from outside the site root"
        } else {
            "links may point only into content/, templates/, theme/ or static/, and never at a hidden file or folder"
        }))
    }

    /// Opens a file of the site for reading. A path with no link on it is opened at once
    /// (see [`open_regular`]); one with a link is resolved under the rules of
    /// [`Inputs::resolve`] first, and its real path opened.
    pub fn open(&self, path: &Path, display: &str) -> Result<File, Diagnostic> {
        let error = |error: OpenError| {
            let message = match error {
                OpenError::Link => format!("`{display}` changed while factsite was reading it"),
                OpenError::NotRegular => format!("`{display}` is not a regular file"),
                OpenError::Io(error) => format!("failed to read `{display}`: {error}"),
            };
            Diagnostic::file(display, message)
        };
        match open_regular(path) {
            Ok(file) => Ok(file),
            Err(OpenError::Link) => open_regular(&self.resolve(path)?).map_err(error),
            Err(other) => Err(error(other)),
        }
    }

    /// Whether a resolved path is one the build reads anyway.
    fn admits(&self, real: &Path) -> bool {
        let Ok(relative) = real.strip_prefix(&self.root) else {
            return false;
        };
        let parts: Vec<&str> = relative
            .components()
            .filter_map(|c| match c {
                Component::Normal(name) => Some(name.to_str().unwrap_or(".")),
                _ => None,
            })
            .collect();
        match parts.first() {
            Some(&"site.toml") => parts.len() == 1,
            Some(first) => {
                INPUT_FOLDERS.contains(first) && !parts.iter().skip(1).any(|p| skipped(p))
            }
            None => false,
        }
    }

    /// Checks the name of an entry `relative` to input folder `folder`: it must be UTF-8
    /// and, where names become URLs, free of characters that would change the URL's
    /// meaning. Returns the name with `/` separators.
    pub fn name(&self, folder: &str, relative: &Path) -> Result<String, Diagnostic> {
        let mut parts = Vec::new();
        for component in relative.components() {
            let Some(part) = component.as_os_str().to_str() else {
                let shown = format!("{folder}/{}", relative.display());
                return Err(Diagnostic::file(
                    &shown,
                    format!("`{shown}` has a name that is not valid UTF-8"),
                )
                .with_help("rename it with UTF-8 characters"));
            };
            parts.push(part);
        }
        let name = parts.join("/");
        if PUBLISHED_FOLDERS.contains(&folder) {
            for part in &parts {
                if let Some(problem) = url_name_problem(part) {
                    let shown = chars::shown(&format!("{folder}/{name}"));
                    return Err(Diagnostic::file(
                        &shown,
                        format!("`{shown}` cannot be published: {problem}"),
                    )
                    .with_help("rename it: names in content/ and theme/ become URLs, so they may not hold `#`, `?`, `%`, `\\` or control characters"));
                }
            }
        }
        Ok(name)
    }
}

/// Why a file or folder name cannot be one URL path segment as it is, if it cannot.
fn url_name_problem(name: &str) -> Option<String> {
    if let Some(c) = name.chars().find(|&c| chars::is_control(c)) {
        return Some(format!("its name holds {}", chars::describe(c)));
    }
    let c = name.chars().find(|c| matches!(c, '#' | '?' | '%' | '\\'))?;
    let meaning = match c {
        '#' => "starts a URL's fragment",
        '?' => "starts a URL's query",
        '%' => "starts a percent-escape in a URL",
        _ => "is a path separator to some browsers",
    };
    Some(format!("`{c}` in its name {meaning}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_hidden_entries_and_editor_backups() {
        for name in [
            ".git",
            ".DS_Store",
            ".x.md.swp",
            ".#x.md",
            "x.md~",
            "#x.md#",
            "x.md___jb_tmp___",
            "sources.toml.orig",
            "x.md.rej",
            "x.md.bak",
            "style.css.BAK",
            "x.md.swp",
            "x.md.swo",
            "x.md.kate-swp",
            "sources_BASE_12345.toml",
            "x_LOCAL_7.md",
            "x_REMOTE_88.md",
            "x_BACKUP_1234",
        ] {
            assert!(skipped(name), "{name}");
        }
        for name in [
            "x.md",
            "#",
            "a#b.md",
            "_index.md",
            "4913",
            "origin.md",
            "bak",
            "x.original.md",
            "rebase.md",
            "the_BASE_case.md",
            "_BASE_1.md",
            "x_BASE_.md",
            "x_base_12.md",
        ] {
            assert!(!skipped(name), "{name}");
        }
    }

    #[test]
    fn admits_only_files_the_build_reads_anyway() {
        let inputs = Inputs::new(Path::new("/site"));
        for yes in [
            "/site/content/a.png",
            "/site/theme/img/x.svg",
            "/site/templates/base.html",
            "/site/static/x",
            "/site/site.toml",
            "/site/content",
        ] {
            assert!(inputs.admits(Path::new(yes)), "{yes}");
        }
        for no in [
            "/etc/passwd",
            "/site",
            "/site/public/index.html",
            "/site/.git/config",
            "/site/theme/.git/config",
            "/site/content/.env",
            "/site/content/x.md~",
            "/sitex/content/a.md",
            "/site/README.md",
        ] {
            assert!(!inputs.admits(Path::new(no)), "{no}");
        }
    }

    #[test]
    fn refuses_names_that_change_a_url() {
        let inputs = Inputs::new(Path::new("/site"));
        let error = |folder: &str, name: &str| {
            inputs
                .name(folder, Path::new(name))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            error("content", "for/a#b.md"),
            "error: `content/for/a#b.md` cannot be published: `#` in its name starts a URL's fragment\n --> content/for/a#b.md\nhelp: rename it: names in content/ and theme/ become URLs, so they may not hold `#`, `?`, `%`, `\\` or control characters"
        );
        assert!(error("theme", "what?.css").contains("starts a URL's query"));
        assert!(error("content", "a\tb.png").contains("its name holds U+0009"));
        assert!(error("content", "ab\u{202e}gnp.exe").contains("U+202E"));
        assert_eq!(
            inputs.name("templates", Path::new("a#b.html")).unwrap(),
            "a#b.html"
        );
        assert_eq!(
            inputs.name("content", Path::new("for/über.md")).unwrap(),
            "for/über.md"
        );
    }
}
