//! The loaded site: everything the build reads, validated, as plain values.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::content::config::Config;
use crate::content::page::Page;
use crate::content::theme::Assets;
use crate::data::Data;

/// A file published as it is: one under `content/` (an image next to a page) or `static/`.
#[derive(Debug, Clone)]
pub struct StaticFile {
    /// The path relative to its folder (`content/` or `static/`).
    pub relative: String,
    /// Where it is on disk.
    pub path: PathBuf,
    /// Where it is published, relative to the output (`for/chart.svg`).
    pub published: String,
    /// The file as errors name it (`content/for/chart.svg`, `static/robots.txt`).
    pub shown: String,
}

/// Everything the build reads, loaded and validated.
#[derive(Debug)]
pub struct Site {
    /// The site root.
    pub root: PathBuf,
    /// `site.toml`.
    pub config: Config,
    /// Pages and sections to build, sorted by path.
    pub pages: Vec<Page>,
    /// Drafts left out of this build (paths relative to `content/`).
    pub drafts: Vec<String>,
    /// Files under `content/` and `static/` published as they are.
    pub statics: Vec<StaticFile>,
    /// Sources, chart datasets, figures.
    pub data: Data,
    /// Template sources by name (`page.html`).
    pub templates: BTreeMap<String, String>,
    /// Theme files.
    pub assets: Assets,
}
