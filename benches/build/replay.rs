//! Writing factsite's own output with nothing else to do: its files, already in memory,
//! written in parallel the way factsite writes them (one mkdir for a page's directory, then
//! the file). This is the least any build of this output can cost on this file system; the
//! floor is the same for the bare pages.

use std::path::Path;

use factsite::write::{DirSink, Sink};
use rayon::prelude::*;

use crate::measure::Sample;

/// A finished output, held in memory: paths relative to its root, and contents.
pub struct Output {
    /// `/`-separated paths, as factsite's sink takes them.
    files: Vec<(String, Vec<u8>)>,
}

impl Output {
    /// Reads every file under `root`.
    pub fn read(root: &Path) -> Self {
        let files = walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .map(|entry| entry.expect("walk the output"))
            .filter(|entry| entry.file_type().is_file())
            .map(|entry| {
                let relative = entry
                    .path()
                    .strip_prefix(root)
                    .expect("inside the output")
                    .to_str()
                    .expect("utf-8 paths")
                    .to_string();
                (
                    relative,
                    std::fs::read(entry.path()).expect("read an output file"),
                )
            })
            .collect();
        Self { files }
    }

    /// How many files, and how many bytes in all.
    pub fn size(&self) -> (usize, usize) {
        let bytes = self.files.iter().map(|(_, b)| b.len()).sum();
        (self.files.len(), bytes)
    }

    /// Writes every file under `out`, in parallel, through factsite's own directory sink.
    pub fn write(&self, out: &Path) -> Sample {
        let sink = DirSink::new(out.to_path_buf());
        crate::measure::in_process(|| {
            self.files.par_iter().for_each(|(relative, bytes)| {
                sink.write(relative, bytes).expect("write a file");
            });
        })
    }
}
