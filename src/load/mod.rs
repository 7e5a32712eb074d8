//! The only code that reads the disk: `site.toml`, `content/` (pages, data files, statics),
//! `static/`, `templates/` and `theme/`, each read once and validated into a [`Site`].

mod data;
mod inputs;
mod open;
pub mod picture_cache;
mod read;
mod templates;
mod theme;
mod walk;
pub mod web;

use std::path::{Path, PathBuf};

use anyhow::Context;
use rayon::prelude::*;

use crate::content::config::{self, Config};
use crate::content::page::Page;
use crate::content::routes;
use crate::data::Data;
use crate::diagnostic::{self, Diagnostic};
use crate::site::{Site, StaticFile};
use crate::timing::Timer;

pub use data::DataFiles;
pub use inputs::{INPUT_FOLDERS, Inputs, skipped};
pub use open::read_verbatim;
pub use read::{MAX_TEXT_FILE, decode, read_bytes, read_text};

/// How to load a site.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// The site root (holding `site.toml`).
    pub root: PathBuf,
    /// Include drafts.
    pub drafts: bool,
    /// Replaces `base_url` from `site.toml`.
    pub base_url: Option<String>,
}

/// Reads and validates a whole site. Every located error found is reported at once.
pub fn site(options: &LoadOptions) -> anyhow::Result<Site> {
    let root = options
        .root
        .canonicalize()
        .with_context(|| format!("failed to open the site root `{}`", options.root.display()))?;
    let inputs = Inputs::new(&root);
    let config = load_config(&inputs, options.base_url.as_deref())?;
    let content = root.join("content");
    if !content.is_dir() {
        anyhow::bail!(
            "no `content/` directory in `{}`\nhelp: create content/_index.md for the home page, or start with `factsite new DIR`",
            root.display()
        );
    }
    let mut timer = Timer::new();
    let mut walked = walk::content(&inputs)?;
    walked.statics.extend(walk::statics(&inputs)?);
    timer.lap("walk content");
    let mut errors = Vec::new();
    let mut all_pages = Vec::with_capacity(walked.markdown.len());
    let parsed: Vec<Result<Page, Diagnostic>> = walked
        .markdown
        .par_iter()
        .map(|found| read_page(&inputs, &found.relative, &found.path))
        .collect();
    for page in parsed {
        match page {
            Ok(page) => all_pages.push(page),
            Err(error) => errors.push(error),
        }
    }
    timer.lap("read and parse pages");
    let data = match data::load(&inputs, &walked.data) {
        Ok(data) => data,
        Err(mut data_errors) => {
            errors.append(&mut data_errors);
            Data::default()
        }
    };
    timer.lap("read and parse data");
    errors.extend(all_pages.iter().filter_map(Page::check_claim_placement));
    errors.extend(
        all_pages
            .iter()
            .filter_map(|page| page.check_taxonomies(&config)),
    );
    diagnostic::into_result(errors)?;
    let (mut pages, drafts): (Vec<Page>, Vec<Page>) = all_pages
        .into_iter()
        .partition(|page| options.drafts || !page.meta.draft);
    if !pages.iter().any(|page| page.relative == "_index.md") {
        anyhow::bail!(
            "no home page: `content/_index.md` does not exist\nhelp: create it with a `+++` front matter block holding `title = \"...\"`"
        );
    }
    routes::assign_urls(&mut pages).or_else(diagnostic::into_result)?;
    place_bundle_files(&pages, &mut walked.statics);
    let templates = templates::load(&inputs)?;
    let assets = theme::load(&inputs)?;
    Ok(Site {
        root,
        config,
        pages,
        drafts: drafts.into_iter().map(|page| page.relative).collect(),
        statics: walked.statics,
        data,
        templates,
        assets,
    })
}

/// Publishes the files of each page bundle (`for/reach/index.md`, `for/reach/chart.png`)
/// beside the page, wherever its URL is (`slug`, a section's `slug`): every file under the
/// bundle's folder, the innermost bundle winning.
fn place_bundle_files(pages: &[Page], statics: &mut [StaticFile]) {
    let mut bundles: Vec<(String, &str)> = pages
        .iter()
        .filter(|page| page.is_bundle())
        .map(|page| (format!("content/{}/", page.dir()), page.url.as_str()))
        .collect();
    if bundles.is_empty() {
        return;
    }
    // Longest folder first, so that the innermost bundle takes a file.
    bundles.sort_by_key(|(dir, _)| std::cmp::Reverse(dir.len()));
    for file in statics.iter_mut() {
        if let Some((rest, url)) = bundles
            .iter()
            .find_map(|(dir, url)| Some((file.shown.strip_prefix(dir.as_str())?, url)))
        {
            file.published = format!("{}{rest}", url.trim_start_matches('/'));
        }
    }
}

/// Reads and parses one markdown file of `content/`, as `serve` does after an edit.
/// `content` is the `content/` folder of a canonical site root.
pub fn page(content: &Path, relative: &str) -> Result<Page, Diagnostic> {
    let inputs = Inputs::new(content.parent().unwrap_or(content));
    read_page(&inputs, relative, &content.join(relative))
}

fn read_page(inputs: &Inputs, relative: &str, path: &Path) -> Result<Page, Diagnostic> {
    let display = format!("content/{relative}");
    let text = read_text(inputs, path, &display)
        .map_err(|error| Diagnostic::from_error(error, &display))?;
    Page::parse(relative, text)
}

/// Reads every data file of a `content/` directory again (`serve`, after a data edit).
/// `content` is the `content/` folder of a canonical site root.
pub fn data(content: &Path) -> Result<Data, Vec<Diagnostic>> {
    let inputs = Inputs::new(content.parent().unwrap_or(content));
    data::load(&inputs, &DataFiles::find(content))
}

/// `output_dir` from the `site.toml` of the canonical site root `root`, if it reads.
pub fn output_dir(root: &Path) -> Option<String> {
    load_config(&Inputs::new(root), None)
        .ok()
        .map(|config| config.output_dir)
}

fn load_config(inputs: &Inputs, base_url: Option<&str>) -> anyhow::Result<Config> {
    let root = inputs.root();
    let path = root.join("site.toml");
    if !path.is_file() {
        anyhow::bail!(
            "no `site.toml` in `{}`\nhelp: run factsite in the site's root directory, pass `--root DIR`, or start a site with `factsite new DIR`",
            root.display()
        );
    }
    let text = read_text(inputs, &path, "site.toml")?;
    let mut config = Config::parse("site.toml", &text)?;
    if let Some(url) = base_url {
        config.base_url = config::normalize_base_url(url)
            .map_err(|message| anyhow::anyhow!("--base-url: {message}"))?;
    }
    Ok(config)
}
