//! The progress bar of `check --sources` on standard error: counts and the URL last
//! answered, drawn only on a terminal and never with `--quiet`.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::load::web::Progress;

/// A progress bar, or nothing.
#[derive(Debug)]
pub struct Bar {
    bar: Option<ProgressBar>,
}

impl Bar {
    /// A bar over `total` URLs when `wanted` and standard error is a terminal.
    pub fn new(total: usize, wanted: bool) -> Self {
        if !wanted || !std::io::stderr().is_terminal() || total == 0 {
            return Self { bar: None };
        }
        let style = ProgressStyle::with_template(
            "{spinner} fetching sources [{bar:30}] {pos}/{len} pages {elapsed} {wide_msg}",
        )
        .map(|style| style.progress_chars("=> "))
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        let bar = ProgressBar::new(total as u64).with_style(style);
        bar.enable_steady_tick(Duration::from_millis(120));
        Self { bar: Some(bar) }
    }

    /// One more URL answered.
    pub fn update(&self, progress: Progress<'_>) {
        if let Some(bar) = &self.bar {
            bar.set_position(progress.done as u64);
            bar.set_message(progress.url.to_string());
        }
    }

    /// Removes the bar before the report is printed.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
