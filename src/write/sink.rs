//! Where rendered files go: a directory (build), memory (serve) or nowhere (check).

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::Ordering;

use anyhow::Context;

use super::staging::INTERRUPTED;

/// A file the build publishes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path inside the output directory, with `/` separators and no leading `/`.
    pub path: String,
    /// The contents.
    pub bytes: Vec<u8>,
}

impl OutputFile {
    /// A file from a path and text.
    pub fn text(path: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            bytes: text.into().into_bytes(),
        }
    }
}

/// Where rendered files go: a directory, memory (serve) or nowhere (check).
pub trait Sink: Sync {
    /// Writes one file (path relative to the output, `/`-separated).
    fn write(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()>;

    /// Publishes the file at `from` (a real path the load checked) as it is, at `path`.
    /// A file that has become a link since is refused, not followed.
    fn copy(&self, path: &str, from: &Path) -> anyhow::Result<()> {
        let bytes = crate::load::read_verbatim(from)
            .with_context(|| format!("failed to publish `{path}`"))?;
        self.write(path, &bytes)
    }
}

/// Writes into a directory on disk, creating directories as files need them.
#[derive(Debug)]
pub struct DirSink {
    root: PathBuf,
    shown: Option<PathBuf>,
}

impl DirSink {
    /// A sink writing below `root`.
    pub fn new(root: PathBuf) -> Self {
        Self { root, shown: None }
    }

    /// The same sink, naming files in errors as if under `output` (the output directory
    /// a staging directory becomes), not under the temporary directory.
    pub fn shown_as(self, output: PathBuf) -> Self {
        Self {
            shown: Some(output),
            ..self
        }
    }

    fn shown(&self, path: &str) -> String {
        self.shown
            .as_ref()
            .unwrap_or(&self.root)
            .join(path)
            .display()
            .to_string()
    }
}

impl Sink for DirSink {
    fn write(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        if INTERRUPTED.load(Ordering::SeqCst) {
            anyhow::bail!("interrupted");
        }
        let full = self.root.join(path);

        // Pretty URLs give nearly every page a directory of its own. It is made right here,
        // in parallel with the other pages' writes, with one mkdir; only when its parent is
        // missing too does the slower create_dir_all run.
        if let Some(parent) = full.parent() {
            let made = match std::fs::create_dir(parent) {
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                    std::fs::create_dir_all(parent)
                }
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
                other => other,
            };
            made.with_context(|| {
                let dir = path.rsplit_once('/').map_or("", |(dir, _)| dir);
                format!("failed to create `{}`", self.shown(dir))
            })?;
        }
        std::fs::write(&full, bytes)
            .with_context(|| format!("failed to write `{}`", self.shown(path)))
    }
}

/// Discards everything (`factsite check`).
#[derive(Debug, Default)]
pub struct NullSink;

impl Sink for NullSink {
    fn write(&self, _: &str, _: &[u8]) -> anyhow::Result<()> {
        Ok(())
    }
}

/// Keeps files in memory (`factsite serve`).
#[derive(Debug, Default)]
pub struct MemorySink {
    /// Files by output path.
    pub files: Mutex<std::collections::HashMap<String, Vec<u8>>>,
}

impl MemorySink {
    /// The files written so far.
    pub fn into_files(self) -> std::collections::HashMap<String, Vec<u8>> {
        self.files
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Sink for MemorySink {
    fn write(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        let mut files = self
            .files
            .lock()
            .map_err(|_| anyhow::anyhow!("output lock poisoned"))?;
        files.insert(path.to_string(), bytes.to_vec());
        Ok(())
    }
}
