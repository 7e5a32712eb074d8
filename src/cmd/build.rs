//! `factsite build`: load, verify, render into a fresh directory, swap it in.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::content::config::Config;
use crate::load::{self, LoadOptions};
use crate::render::{self, Outcome};
use crate::timing::Timer;
use crate::verify;
use crate::write::{self, Staging};

/// Options of `factsite build`.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The site root.
    pub root: PathBuf,
    /// Where to write; `output_dir` from `site.toml` when `None`.
    pub output: Option<PathBuf>,
    /// Replaces `base_url`.
    pub base_url: Option<String>,
    /// Include drafts.
    pub drafts: bool,
}

/// What a finished build did.
#[derive(Debug, Clone)]
pub struct Built {
    /// Counts.
    pub outcome: Outcome,
    /// Wall time from start to the swap.
    pub elapsed: Duration,
    /// The output directory.
    pub output: PathBuf,
    /// What to tell although the build succeeded.
    pub warning: Option<String>,
    /// Advice about the site's settings, printed unless `--quiet`.
    pub notes: Vec<String>,
}

/// Builds the site. On any error the previous output is left as it was.
pub fn build(options: &BuildOptions) -> anyhow::Result<Built> {
    let start = Instant::now();
    let mut timer = Timer::new();
    // What a killed build left is put right first, so even a build that fails leaves
    // the previous output in place.
    if let Ok(root) = options.root.canonicalize()
        && let Some(output) = options
            .output
            .clone()
            .or_else(|| load::output_dir(&root).map(PathBuf::from))
    {
        write::recover(&root, &output);
    }
    let site = load::site(&LoadOptions {
        root: options.root.clone(),
        drafts: options.drafts,
        base_url: options.base_url.clone(),
    })?;
    timer.lap("load");
    let verified = verify::site(&site);
    timer.lap("verify claims");
    let output = options
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(&site.config.output_dir));
    let staging = Staging::begin(&site.root, &output)?;
    let outcome = render::render(&site, verified, &staging.sink())?;
    timer.lap("render (total)");
    let output = staging.output().to_path_buf();
    let warning = staging.commit()?;
    let notes = robots_warning(&site.config)
        .into_iter()
        .chain(crate::markdown::highlighting_gave_up())
        .collect();
    timer.lap("swap in the output");
    drop(site);
    timer.lap("free memory");
    Ok(Built {
        outcome,
        elapsed: start.elapsed(),
        output,
        warning,
        notes,
    })
}

/// Crawlers read `robots.txt` only at the root of a host: with a path in `base_url`, the
/// one the build writes is not where they look.
fn robots_warning(config: &Config) -> Option<String> {
    let path = config.base_path();
    (path != "/").then(|| {
        format!(
            "`base_url` has a path (`{path}`), so the site's robots.txt is published at `{}`, where crawlers never look; copy it to the root of the host if it should apply",
            config.absolute("/robots.txt")
        )
    })
}

impl Built {
    /// The one summary line printed on success.
    pub fn summary(&self) -> String {
        format!(
            "Built {} in {} ms into {}",
            self.outcome.counts(),
            self.elapsed.as_millis(),
            self.output.display()
        )
    }
}
