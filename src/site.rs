//! Loading a site from disk: `site.toml`, `content/`, `templates/` and `theme/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context;
use rayon::prelude::*;

use crate::assets::Assets;
use crate::config::Config;
use crate::data::{Data, DataFiles};
use crate::diagnostic::{self, Diagnostic};
use crate::fs::read_text;
use crate::page::{Page, PageKind};

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

/// A file under `content/` that is published as it is (an image next to a page).
#[derive(Debug, Clone)]
pub struct StaticFile {
    /// The path relative to `content/`.
    pub relative: String,
    /// Where it is on disk.
    pub path: PathBuf,
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
    /// Files under `content/` published as they are.
    pub statics: Vec<StaticFile>,
    /// Sources, chart datasets, figures.
    pub data: Data,
    /// Template sources by name (`page.html`).
    pub templates: BTreeMap<String, String>,
    /// Theme files.
    pub assets: Assets,
}

impl Site {
    /// Reads and validates a whole site. Every located error found is reported at once.
    pub fn load(options: &LoadOptions) -> anyhow::Result<Self> {
        let root = options.root.canonicalize().with_context(|| {
            format!("failed to open the site root `{}`", options.root.display())
        })?;
        let config = load_config(&root, options.base_url.as_deref())?;
        let content = root.join("content");
        if !content.is_dir() {
            anyhow::bail!(
                "no `content/` directory in `{}`\nhelp: create content/_index.md for the home page, or start with `factsite new DIR`",
                root.display()
            );
        }
        let mut timer = crate::timing::Timer::new();
        let walked = walk_content(&content)?;
        timer.lap("walk content");
        let mut errors = Vec::new();
        let pages: Vec<Result<Page, Vec<Diagnostic>>> = walked
            .markdown
            .par_iter()
            .map(|relative| load_page(&content, relative))
            .collect();
        let mut all_pages = Vec::with_capacity(pages.len());
        for page in pages {
            match page {
                Ok(page) => all_pages.push(page),
                Err(mut page_errors) => errors.append(&mut page_errors),
            }
        }
        timer.lap("read and parse pages");
        let data = match Data::load(&walked.data) {
            Ok(data) => data,
            Err(mut data_errors) => {
                errors.append(&mut data_errors);
                Data::default()
            }
        };
        timer.lap("read and parse data");
        errors.extend(all_pages.iter().filter_map(check_claim_placement));
        diagnostic::into_result(errors)?;
        let (mut pages, drafts): (Vec<Page>, Vec<Page>) = all_pages
            .into_iter()
            .partition(|page| options.drafts || !page.meta.draft);
        if !pages.iter().any(|page| page.relative == "_index.md") {
            anyhow::bail!(
                "no home page: `content/_index.md` does not exist\nhelp: create it with a `+++` front matter block holding `title = \"...\"`"
            );
        }
        assign_urls(&mut pages).or_else(diagnostic::into_result)?;
        let templates = load_templates(&root.join("templates"))?;
        let assets = Assets::load(&root.join("theme"))?;
        Ok(Self {
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
}

/// Pages under `content/claims/` are claims; a `[claim]` table anywhere else is a mistake.
pub fn check_claim_placement(page: &Page) -> Option<Diagnostic> {
    let in_claims = page.kind == PageKind::Page && page.relative.starts_with("claims/");
    match (in_claims, page.meta.claim.is_some()) {
        (true, false) => Some(
            page.error_at_key(
                "title",
                "pages under content/claims/ are checked claims and need a `[claim]` table",
            )
            .with_help(
                "add [claim] with text, claimant, verdict and as_of; see the authoring guide",
            ),
        ),
        (false, true) => Some(
            page.error_at_key(
                "[claim]",
                "a `[claim]` table belongs in a page under content/claims/",
            )
            .with_help("move the page into content/claims/"),
        ),
        _ => None,
    }
}

fn load_config(root: &Path, base_url: Option<&str>) -> anyhow::Result<Config> {
    let path = root.join("site.toml");
    if !path.is_file() {
        anyhow::bail!(
            "no `site.toml` in `{}`\nhelp: run factsite in the site's root directory, pass `--root DIR`, or start a site with `factsite new DIR`",
            root.display()
        );
    }
    let text = read_text(&path, "site.toml")?;
    let mut config = Config::parse("site.toml", &text)?;
    if let Some(url) = base_url {
        config.base_url = crate::config::normalize_base_url(url)
            .map_err(|message| anyhow::anyhow!("--base-url: {message}"))?;
    }
    Ok(config)
}

fn load_page(content: &Path, relative: &str) -> Result<Page, Vec<Diagnostic>> {
    let display = format!("content/{relative}");
    let text = read_text(&content.join(relative), &display).map_err(|error| {
        vec![match error.downcast::<Diagnostic>() {
            Ok(diagnostic) => diagnostic,
            Err(other) => Diagnostic::file(&display, format!("{other:#}")),
        }]
    })?;
    Page::parse(relative, text).map_err(|diagnostic| vec![diagnostic])
}

/// The files found under `content/`, by role.
#[derive(Debug, Default)]
struct Walked {
    markdown: Vec<String>,
    data: DataFiles,
    statics: Vec<StaticFile>,
}

fn walk_content(content: &Path) -> anyhow::Result<Walked> {
    let mut walked = Walked::default();
    let walker = walkdir::WalkDir::new(content)
        .follow_links(true)
        .sort_by_file_name();
    let mut iter = walker.into_iter();
    while let Some(entry) = iter.next() {
        let entry = entry.map_err(|error| walk_error(content, &error))?;
        let name = entry.file_name().to_string_lossy();
        if entry.depth() > 0 && (name.starts_with('.') || name.ends_with('~')) {
            if entry.file_type().is_dir() {
                iter.skip_current_dir();
            }
            continue;
        }
        if entry.path_is_symlink() {
            check_link_target(content, entry.path())?;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = relative_path(content, entry.path())?;
        if relative.ends_with(".md") {
            walked.markdown.push(relative);
        } else if !walked.data.claim(&relative, entry.path()) {
            walked.statics.push(StaticFile {
                relative,
                path: entry.path().to_path_buf(),
            });
        }
    }
    Ok(walked)
}

/// Refuses a symbolic link under `content/` that points outside the site root: publishing
/// it could leak a private file.
fn check_link_target(content: &Path, path: &Path) -> anyhow::Result<()> {
    let root = content.parent().unwrap_or(content);
    let target = path
        .canonicalize()
        .with_context(|| format!("failed to resolve the link `{}`", path.display()))?;
    if target.starts_with(root) {
        return Ok(());
    }
    let shown = path
        .strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string();
    Err(Diagnostic::file(&shown, format!("`{shown}` is a symbolic link to `{}`, outside the site", target.display()))
        .with_help("copy the file into the site instead; factsite never publishes files from outside the site root")
        .into())
}

fn walk_error(content: &Path, error: &walkdir::Error) -> anyhow::Error {
    let shown = |path: &Path| {
        path.strip_prefix(content.parent().unwrap_or(content))
            .unwrap_or(path)
            .display()
            .to_string()
    };
    if let Some(ancestor) = error.loop_ancestor() {
        let at = error.path().map(shown).unwrap_or_default();
        return Diagnostic::file(
            &at,
            format!(
                "symbolic link loop: `{at}` points back to `{}`",
                shown(ancestor)
            ),
        )
        .with_help("remove the link or point it somewhere outside its own parent")
        .into();
    }
    let at = error
        .path()
        .map(shown)
        .unwrap_or_else(|| "content".to_string());
    anyhow::anyhow!("failed to read `{at}`: {error}")
}

fn relative_path(base: &Path, path: &Path) -> anyhow::Result<String> {
    let relative = path.strip_prefix(base).context("file outside content/")?;
    let mut parts = Vec::new();
    for component in relative.components() {
        let part = component.as_os_str().to_str().with_context(|| {
            format!(
                "`content/{}` has a name that is not valid UTF-8",
                relative.display()
            )
        })?;
        parts.push(part.to_string());
    }
    Ok(parts.join("/"))
}

fn load_templates(dir: &Path) -> anyhow::Result<BTreeMap<String, String>> {
    let mut templates = BTreeMap::new();
    if !dir.is_dir() {
        return Ok(templates);
    }
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|error| walk_error(dir, &error))?;
        let name = entry.file_name().to_string_lossy();
        if !entry.file_type().is_file() || name.starts_with('.') || name.ends_with('~') {
            continue;
        }
        let relative = relative_path(dir, entry.path())?;
        let text = read_text(entry.path(), &format!("templates/{relative}"))?;
        templates.insert(relative, text);
    }
    Ok(templates)
}

/// Assigns every page its URL and checks that no two pages share one.
pub fn assign_urls(pages: &mut [Page]) -> Result<(), Vec<Diagnostic>> {
    let mut dir_urls: BTreeMap<String, String> = BTreeMap::new();
    // Sections first, shallow before deep, so a page can use its directory's URL.
    let mut order: Vec<usize> = (0..pages.len()).collect();
    order.sort_by_key(|&i| {
        (
            pages[i].kind != PageKind::Section,
            pages[i].relative.matches('/').count(),
        )
    });
    let mut errors = Vec::new();
    let mut taken: BTreeMap<String, usize> = BTreeMap::new();
    for i in order {
        let url = {
            let page = &pages[i];
            match page.kind {
                PageKind::Section if page.relative == "_index.md" => "/".to_string(),
                PageKind::Section => {
                    let parent = parent_dir(page.dir());
                    format!("{}{}/", dir_url(&dir_urls, parent), page.slug())
                }
                PageKind::Page => format!("{}{}/", dir_url(&dir_urls, page.dir()), page.slug()),
            }
        };
        if pages[i].kind == PageKind::Section {
            dir_urls.insert(pages[i].dir().to_string(), url.clone());
        }
        if let Some(&other) = taken.get(&url) {
            errors.push(
                pages[i]
                    .error_at_key(
                        "title",
                        format!(
                            "`{}` and `{}` both map to the URL `{url}`",
                            pages[other].display, pages[i].display
                        ),
                    )
                    .with_help("give one of them a different `slug` in its front matter"),
            );
        } else {
            taken.insert(url.clone(), i);
        }
        pages[i].url = url;
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn parent_dir(dir: &str) -> &str {
    dir.rsplit_once('/').map_or("", |(parent, _)| parent)
}

fn dir_url(dir_urls: &BTreeMap<String, String>, dir: &str) -> String {
    if let Some(url) = dir_urls.get(dir) {
        return url.clone();
    }
    if dir.is_empty() {
        return "/".to_string();
    }
    let (parent, name) = dir.rsplit_once('/').unwrap_or(("", dir));
    format!("{}{name}/", dir_url(dir_urls, parent))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(relative: &str, front: &str) -> Page {
        Page::parse(relative, format!("+++\ntitle = \"T\"\n{front}+++\n")).unwrap()
    }

    #[test]
    fn assigns_pretty_urls_following_section_slugs() {
        let mut pages = vec![
            page("_index.md", ""),
            page("for/_index.md", "slug = \"pro\"\n"),
            page("for/x.md", ""),
            page("loose/y.md", ""),
            page("about.md", ""),
        ];
        assign_urls(&mut pages).unwrap();
        let urls: Vec<_> = pages.iter().map(|p| p.url.as_str()).collect();
        assert_eq!(urls, ["/", "/pro/", "/pro/x/", "/loose/y/", "/about/"]);
    }

    #[test]
    fn refuses_two_pages_at_one_url() {
        let mut pages = vec![
            page("_index.md", ""),
            page("a.md", ""),
            page("b.md", "slug = \"a\"\n"),
        ];
        let errors = assign_urls(&mut pages).unwrap_err();
        assert_eq!(
            errors[0].message,
            "`content/a.md` and `content/b.md` both map to the URL `/a/`"
        );
        assert_eq!(errors[0].location(), "content/b.md:2:1");
    }
}
