//! Pages and sections: one markdown file each, with its front matter and URL.

use crate::chars;
use crate::content::config::Config;
use crate::content::date::Date;
use crate::content::front_matter::{self, FrontMatter, SortBy};
use crate::content::routes;
use crate::diagnostic::Diagnostic;

/// The longest slug, in bytes: a slug is the name of the page's output folder, and 255
/// bytes is the longest file name ext4, XFS, Btrfs, APFS and NTFS all allow.
pub const MAX_SLUG: usize = 255;

/// Whether a markdown file is a page or a section (`_index.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// A `_index.md`: the home page or a section that lists its pages.
    Section,
    /// Any other `.md` file.
    Page,
}

/// One markdown file of the site.
#[derive(Debug, Clone)]
pub struct Page {
    /// Page or section.
    pub kind: PageKind,
    /// The path relative to `content/`, with `/` separators (`for/x.md`).
    pub relative: String,
    /// The path shown in errors (`content/for/x.md`).
    pub display: String,
    /// The whole file, without a byte order mark.
    pub text: String,
    /// The parsed front matter.
    pub meta: FrontMatter,
    /// Byte offset of the markdown body in `text`.
    pub body_offset: usize,
    /// The site path, always starting and ending with `/` (`/for/x/`).
    pub url: String,
}

impl Page {
    /// Parses a markdown file already read into `text`.
    pub fn parse(relative: &str, text: String) -> Result<Self, Diagnostic> {
        let display = format!("content/{relative}");
        let (meta, body_offset) = front_matter::parse(&display, &text)?;
        let kind = if relative == "_index.md" || relative.ends_with("/_index.md") {
            PageKind::Section
        } else {
            PageKind::Page
        };
        let page = Self {
            kind,
            relative: relative.to_string(),
            display,
            text,
            meta,
            body_offset,
            url: String::new(),
        };
        page.check_slug()?;
        page.check_aliases()?;
        page.check_section_keys()?;
        Ok(page)
    }

    /// The markdown body.
    pub fn body(&self) -> &str {
        &self.text[self.body_offset..]
    }

    /// Byte offset of the TOML between the `+++` lines (spans in front matter are relative to it).
    pub fn toml_offset(&self) -> usize {
        self.text.find('\n').map_or(self.text.len(), |i| i + 1)
    }

    /// The directory holding the file, relative to `content/` (`for`, or empty).
    pub fn dir(&self) -> &str {
        self.relative.rsplit_once('/').map_or("", |(dir, _)| dir)
    }

    /// Whether the page is a page bundle: `dir/name/index.md`, the page `/dir/name/`,
    /// whose other files in its folder are published beside it (as in Zola and Hugo).
    pub fn is_bundle(&self) -> bool {
        self.kind == PageKind::Page && self.relative.ends_with("/index.md")
    }

    /// The folder whose URL the page's URL extends: its own folder, or for a bundle the
    /// folder above it.
    pub fn url_dir(&self) -> &str {
        if self.is_bundle() {
            self.dir().rsplit_once('/').map_or("", |(parent, _)| parent)
        } else {
            self.dir()
        }
    }

    /// The last URL segment: `slug` from front matter, else the file (or directory) name.
    pub fn slug(&self) -> &str {
        if let Some(slug) = &self.meta.slug {
            return slug;
        }
        match self.kind {
            PageKind::Section => self.dir().rsplit('/').next().unwrap_or(""),
            PageKind::Page if self.is_bundle() => self.dir().rsplit('/').next().unwrap_or(""),
            PageKind::Page => {
                let name = self.relative.rsplit('/').next().unwrap_or(&self.relative);
                name.strip_suffix(".md").unwrap_or(name)
            }
        }
    }

    /// A located error at a front matter key (or the top of the file).
    pub fn error_at_key(&self, key: &str, message: impl Into<String>) -> Diagnostic {
        let front = &self.text[..self.body_offset];
        let start = front
            .match_indices(key)
            .find(|(i, _)| *i == 0 || front.as_bytes()[i - 1] == b'\n')
            .map_or(0, |(i, _)| i);
        Diagnostic::at(&self.display, &self.text, start..start + key.len(), message)
    }

    fn check_slug(&self) -> Result<(), Diagnostic> {
        let Some(slug) = &self.meta.slug else {
            return Ok(());
        };
        let bad = slug.is_empty()
            || slug == "."
            || slug == ".."
            || slug.chars().any(|c| {
                matches!(c, '/' | '\\' | '?' | '#' | '%')
                    || c.is_whitespace()
                    || chars::is_control(c)
            });
        if bad {
            return Err(self
                .error_at_key("slug", format!("invalid slug `{}`", chars::shown(slug)))
                .with_help("a slug is one URL segment: letters, digits and hyphens, no `/`, `?`, `#`, `%`, spaces or control characters"));
        }
        if slug.len() > MAX_SLUG {
            return Err(self
                .error_at_key(
                    "slug",
                    format!(
                        "the slug is {} bytes long; it becomes a folder name, and file systems allow at most {MAX_SLUG}",
                        slug.len()
                    ),
                )
                .with_help("shorten the slug"));
        }
        Ok(())
    }

    /// The site paths of the page's `aliases`, checked when the page was parsed.
    pub fn alias_paths(&self) -> impl Iterator<Item = String> + '_ {
        self.meta
            .aliases
            .iter()
            .filter_map(|alias| routes::alias(alias).ok())
    }

    /// `sort_by` and `paginate_by` order and split a section's listing: on a page they
    /// would do nothing, so they are errors there.
    fn check_section_keys(&self) -> Result<(), Diagnostic> {
        if self.kind == PageKind::Section {
            return Ok(());
        }
        let key = match (&self.meta.sort_by, &self.meta.paginate_by) {
            (Some(_), _) => "sort_by",
            (None, Some(_)) => "paginate_by",
            (None, None) => return Ok(()),
        };
        Err(self
            .error_at_key(key, format!("`{key}` belongs in a section's `_index.md`"))
            .with_help(
                "move it to the `_index.md` of the section that lists this page: it orders and splits that section's listing",
            ))
    }

    /// The number of listing pages of a section with `count` pages: 1 unless
    /// `paginate_by` splits it.
    pub fn pager_count(&self, count: usize) -> usize {
        match self.meta.paginate_by {
            Some(by) if by > 0 && self.kind == PageKind::Section => count.div_ceil(by).max(1),
            _ => 1,
        }
    }

    fn check_aliases(&self) -> Result<(), Diagnostic> {
        for alias in &self.meta.aliases {
            routes::alias(alias).map_err(|message| {
                self.error_at_key("aliases", message)
                    .with_help("an alias is an old path of this page on this site, such as `/old/path/` or `/legacy/page.html`")
            })?;
        }
        Ok(())
    }

    /// Pages under `content/claims/` are claims; a `[claim]` table anywhere else is a mistake.
    pub fn check_claim_placement(&self) -> Option<Diagnostic> {
        let page = self;
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

    /// The terms of taxonomy `name` this page carries, each with its URL segment, in the
    /// order written: `topics` (and `[taxonomies] topics`), a claim's `claimant` and
    /// `verdict`, or `[taxonomies] NAME`.
    pub fn terms(&self, name: &str) -> Vec<(String, String)> {
        let claim = self.meta.claim.as_ref();
        let mut names: Vec<&str> = match name {
            "claimant" => claim.map(|c| vec![c.claimant.as_str()]).unwrap_or_default(),
            "verdict" => {
                return claim
                    .map(|c| vec![(c.verdict.label().to_string(), c.verdict.slug().to_string())])
                    .unwrap_or_default();
            }
            "topics" => self.meta.topics.iter().map(String::as_str).collect(),
            _ => Vec::new(),
        };
        if let Some(more) = self.meta.taxonomies.get(name) {
            names.extend(more.iter().map(String::as_str));
        }
        let mut terms: Vec<(String, String)> = Vec::with_capacity(names.len());
        for term in names {
            let slug = routes::term_slug(term);
            if !terms.iter().any(|(_, s)| *s == slug) {
                terms.push((term.to_string(), slug));
            }
        }
        terms
    }

    /// Refuses a `[taxonomies]` key `site.toml` does not name, and a term that has no
    /// letter or digit to make its URL from.
    pub fn check_taxonomies(&self, config: &Config) -> Option<Diagnostic> {
        let names = config.taxonomies();
        for key in self.meta.taxonomies.keys() {
            let known = names.iter().any(|(name, _)| name == key);
            if !known || key == "claimant" || key == "verdict" {
                let listed: Vec<&str> = names.iter().map(|(name, _)| *name).collect();
                let help = if key == "claimant" || key == "verdict" {
                    "a claim's `claimant` and `verdict` come from its `[claim]` table".to_string()
                } else {
                    format!(
                        "add `{key} = {{}}` under `[taxonomies]` in site.toml (it names: {})",
                        if listed.is_empty() {
                            "none".to_string()
                        } else {
                            listed.join(", ")
                        }
                    )
                };
                return Some(
                    self.error_at_key(key, format!("`{key}` is not a taxonomy of this site"))
                        .with_help(help),
                );
            }
        }
        for (name, _) in names {
            for (term, slug) in self.terms(name) {
                if slug.is_empty() {
                    let key = if name == "claimant" { "claimant" } else { name };
                    return Some(
                        self.error_at_key(
                            key,
                            format!(
                                "the {name} term `{}` has no letter or digit to make its URL from",
                                chars::shown(&term)
                            ),
                        )
                        .with_help("write the term with at least one letter or digit"),
                    );
                }
            }
        }
        None
    }

    /// The date shown for the page: `updated` if set, else `date`.
    pub fn last_changed(&self) -> Option<Date> {
        self.meta.updated.or(self.meta.date)
    }
}

/// Orders a section's pages as its `sort_by` says, ties broken by URL.
pub fn sort_order(sort_by: SortBy, a: &Page, b: &Page) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let last_when_missing = |x: Option<Ordering>, a_has: bool, b_has: bool| match (a_has, b_has) {
        (true, true) => x.unwrap_or(Ordering::Equal),
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) => Ordering::Equal,
    };
    let order = match sort_by {
        SortBy::Date => last_when_missing(
            b.meta.date.zip(a.meta.date).map(|(b, a)| b.cmp(&a)),
            a.meta.date.is_some(),
            b.meta.date.is_some(),
        ),
        SortBy::Weight => last_when_missing(
            a.meta.weight.zip(b.meta.weight).map(|(a, b)| a.cmp(&b)),
            a.meta.weight.is_some(),
            b.meta.weight.is_some(),
        ),
        SortBy::Title => a
            .meta
            .title
            .to_lowercase()
            .cmp(&b.meta.title.to_lowercase())
            .then_with(|| a.meta.title.cmp(&b.meta.title)),
        SortBy::None => a.relative.cmp(&b.relative),
    };
    order.then_with(|| a.url.cmp(&b.url))
}

/// Orders a section's pages: by weight, then newest date first, then title.
pub fn listing_order(a: &Page, b: &Page) -> std::cmp::Ordering {
    let weight = |page: &Page| page.meta.weight.unwrap_or(i64::MAX);
    weight(a)
        .cmp(&weight(b))
        .then_with(|| b.meta.date.cmp(&a.meta.date))
        .then_with(|| a.meta.title.cmp(&b.meta.title))
        .then_with(|| a.url.cmp(&b.url))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(relative: &str, front: &str) -> Page {
        Page::parse(relative, format!("+++\ntitle = \"T\"\n{front}+++\nbody")).unwrap()
    }

    #[test]
    fn knows_kind_dir_and_slug() {
        let section = page("for/_index.md", "");
        assert_eq!(
            (section.kind, section.dir(), section.slug()),
            (PageKind::Section, "for", "for")
        );
        let bundle = page("for/reach/index.md", "");
        assert_eq!(
            (bundle.is_bundle(), bundle.url_dir(), bundle.slug()),
            (true, "for", "reach")
        );
        assert!(!page("index.md", "").is_bundle());
        let essay = page("for/global-reach.md", "");
        assert_eq!(
            (essay.kind, essay.dir(), essay.slug()),
            (PageKind::Page, "for", "global-reach")
        );
        assert_eq!(page("x.md", "slug = \"über\"\n").slug(), "über");
        assert_eq!(page("x.md", "").body(), "body");
    }

    #[test]
    fn rejects_slugs_that_are_not_one_segment() {
        for slug in ["a/b", "", "..", "a b", "a?b"] {
            let text = format!("+++\ntitle = \"T\"\nslug = \"{slug}\"\n+++\n");
            let error = Page::parse("x.md", text).unwrap_err();
            assert_eq!(error.location(), "content/x.md:3:1", "{slug}");
        }
    }

    #[test]
    fn rejects_slugs_too_long_for_a_folder_name() {
        let text = format!("+++\ntitle = \"T\"\nslug = \"{}\"\n+++\n", "a".repeat(256));
        let error = Page::parse("x.md", text).unwrap_err();
        assert_eq!(error.location(), "content/x.md:3:1");
        assert_eq!(
            error.message,
            "the slug is 256 bytes long; it becomes a folder name, and file systems allow at most 255"
        );
        let text = format!("+++\ntitle = \"T\"\nslug = \"{}\"\n+++\n", "a".repeat(255));
        assert!(Page::parse("x.md", text).is_ok());
    }

    #[test]
    fn orders_by_weight_then_newest_then_title() {
        let mut pages = [
            page("b.md", "date = 2025-01-01\n"),
            page("a.md", "date = 2025-02-01\n"),
            page("c.md", "weight = 1\n"),
        ];
        for (i, p) in pages.iter_mut().enumerate() {
            p.url = format!("/{i}/");
        }
        pages.sort_by(listing_order);
        let order: Vec<_> = pages.iter().map(|p| p.relative.as_str()).collect();
        assert_eq!(order, ["c.md", "a.md", "b.md"]);
    }
}
