//! `site.toml`: the site's settings, loaded strictly.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::chars;
use crate::content::{routes, text};
use crate::diagnostic::{self, Diagnostic};

/// The site configuration from `site.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The site's name, shown in the header and the feed.
    pub title: String,
    /// One sentence about the site, for the home page's meta description and the feed.
    #[serde(default)]
    pub description: String,
    /// The absolute URL the site is published at; only used where an absolute URL is
    /// required (sitemap, feed, canonical and Open Graph tags).
    pub base_url: String,
    /// The BCP 47 language tag of the content.
    #[serde(default = "default_language")]
    pub language: String,
    /// Who publishes the site (used in the feed and claim reviews).
    #[serde(default)]
    pub author: String,
    /// Where `build` writes, relative to the site root.
    #[serde(default = "default_output_dir")]
    pub output_dir: String,
    /// Markdown rendering options.
    #[serde(default)]
    pub markdown: MarkdownOptions,
    /// The number audit.
    #[serde(default)]
    pub facts: FactsOptions,
    /// Which taxonomies get pages (`[taxonomies]`); unset, `topics`, `claimant` and
    /// `verdict` all do, each with a feed.
    #[serde(default)]
    pub taxonomies: Option<BTreeMap<String, TaxonomyOptions>>,
    /// The share kit (`[share]`).
    #[serde(default)]
    pub share: ShareOptions,
    /// Free-form values for templates (`config.extra`).
    #[serde(default)]
    pub extra: toml::Table,
}

/// The share kit (`[share]` in `site.toml`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ShareOptions {
    /// A social card (`card.png`, `og:image`) for every page; 5 to 11 ms of CPU each.
    pub cards: bool,
    /// A "Cite this" block on every content and chart page, downloadable as BibTeX and CSL-JSON
    /// from the page itself.
    pub cite: bool,
}

impl Default for ShareOptions {
    fn default() -> Self {
        Self {
            cards: true,
            cite: true,
        }
    }
}

/// Markdown rendering options (`[markdown]` in `site.toml`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct MarkdownOptions {
    /// Curly quotes, en and em dashes, ellipses.
    pub smart_punctuation: bool,
    /// A `#` link after each heading, pointing at the heading's id.
    pub anchor_links: bool,
    /// Open links to other sites in a new tab.
    pub external_links_new_tab: bool,
    /// Highlight fenced code that names a language, at build time, as `hl-` classes that
    /// the theme's `highlight.css` colours.
    pub highlight_code: bool,
}

impl Default for MarkdownOptions {
    fn default() -> Self {
        Self {
            smart_punctuation: true,
            anchor_links: true,
            external_links_new_tab: false,
            highlight_code: true,
        }
    }
}

/// The number audit (`[facts]` in `site.toml`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct FactsOptions {
    /// What a number in the site's own words that is not bound, cited, exempt or marked
    /// does: fail the build (`"error"`, the default) or get listed by `check` (`"warn"`).
    pub unbound_numbers: Strictness,
    /// Names with numbers in them that are not facts, besides the chart titles in the data
    /// (`"Squid Game season 2"`).
    pub names: Vec<String>,
}

/// Whether a problem fails the build or is listed by `check`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Strictness {
    /// `factsite check` lists it; the build goes on.
    Warn,
    /// The build fails with a located error.
    #[default]
    Error,
}

/// The taxonomies every site has unless `[taxonomies]` says otherwise: a page's `topics`,
/// and a claim's `claimant` and `verdict`.
pub const BUILT_IN_TAXONOMIES: [&str; 3] = ["topics", "claimant", "verdict"];

/// One taxonomy's settings (`topics = { feed = true }` under `[taxonomies]`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TaxonomyOptions {
    /// An Atom feed per term (`/topics/streaming/atom.xml`).
    #[serde(default = "yes")]
    pub feed: bool,
}

fn yes() -> bool {
    true
}

fn default_language() -> String {
    "en".to_string()
}

fn default_output_dir() -> String {
    "public".to_string()
}

impl Config {
    /// Parses `site.toml` text; `file` is the name shown in errors.
    pub fn parse(file: &str, text: &str) -> Result<Self, Diagnostic> {
        let mut config: Self =
            toml::from_str(text).map_err(|error| diagnostic::from_toml(file, text, 0, &error))?;
        text::check_toml(file, text, 0..text.len(), one_line)?;
        config.base_url = normalize_base_url(&config.base_url)
            .map_err(|message| locate_key(file, text, "base_url", message))?;
        if let Some(table) = &config.taxonomies {
            for name in table.keys() {
                if !routes::is_segment_name(name) {
                    return Err(locate_key(
                        file,
                        text,
                        name,
                        format!("taxonomy name `{}` cannot be a URL segment", chars::shown(name)),
                    )
                    .with_help("name a taxonomy with lowercase letters, digits, `-` and `_` (it becomes `/NAME/`)"));
                }
            }
        }
        if config.title.trim().is_empty() {
            return Err(locate_key(
                file,
                text,
                "title",
                "`title` must not be empty".into(),
            ));
        }
        Ok(config)
    }

    /// The taxonomies that get pages, with whether their terms get feeds, sorted by name
    /// (the built-in three, in their own order, when `[taxonomies]` is not set).
    pub fn taxonomies(&self) -> Vec<(&str, bool)> {
        match &self.taxonomies {
            None => BUILT_IN_TAXONOMIES
                .iter()
                .map(|name| (*name, true))
                .collect(),
            Some(table) => table
                .iter()
                .map(|(name, options)| (name.as_str(), options.feed))
                .collect(),
        }
    }

    /// The path part of `base_url`, always ending in `/` (e.g. `/sub/`).
    pub fn base_path(&self) -> &str {
        let after_scheme = self.base_url.find("://").map_or(0, |i| i + 3);
        let path_start = self.base_url[after_scheme..]
            .find('/')
            .map_or(self.base_url.len(), |i| after_scheme + i);
        &self.base_url[path_start..]
    }

    /// The absolute URL of a site path such as `/for/x/`: see [`routes::absolute`].
    pub fn absolute(&self, site_path: &str) -> String {
        routes::absolute(&self.base_url, site_path)
    }
}

/// Checks a base URL and gives it exactly one trailing slash.
///
/// It is parsed as a URL (WHATWG rules, the `url` crate): `http` or `https`, a host, no
/// user name or password, no query or fragment, and none of the characters a URL parser
/// would silently drop or rewrite (whitespace, controls, backslashes) nor quotes or angle
/// brackets. The result is the parser's own spelling: lowercase scheme and host, the
/// host in punycode, no default port, the path percent-encoded.
pub fn normalize_base_url(url: &str) -> Result<String, String> {
    let trimmed = url.trim();
    let found = chars::shown(url);
    let lowercase = trimmed.to_ascii_lowercase();
    if !lowercase.starts_with("https://") && !lowercase.starts_with("http://") {
        return Err(format!(
            "`base_url` must start with https:// or http://, found `{found}`"
        ));
    }
    if let Some(c) = trimmed.chars().find(|&c| {
        c.is_whitespace() || chars::is_control(c) || matches!(c, '\\' | '"' | '<' | '>' | '`')
    }) {
        let what = if c.is_ascii_graphic() {
            format!("`{c}`")
        } else {
            chars::describe(c)
        };
        return Err(format!(
            "`base_url` must be a URL without {what}, found `{found}`"
        ));
    }
    let parsed = url::Url::parse(trimmed)
        .map_err(|error| format!("`base_url` is not a valid URL ({error}), found `{found}`"))?;
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(format!("`base_url` must have a host, found `{found}`"));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(format!(
            "`base_url` must not hold a user name or password (it is published in every feed and sitemap), found `{found}`"
        ));
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(format!(
            "`base_url` must be an absolute URL with a host and no query or fragment, found `{found}`"
        ));
    }
    Ok(format!("{}/", parsed.as_str().trim_end_matches('/')))
}

/// The `site.toml` keys that hold one line of text.
fn one_line(path: &[String]) -> bool {
    match path {
        [key] => matches!(
            key.as_str(),
            "title" | "description" | "base_url" | "language" | "author" | "output_dir"
        ),
        _ => false,
    }
}

fn locate_key(file: &str, text: &str, key: &str, message: String) -> Diagnostic {
    let start = text
        .lines()
        .scan(0, |offset, line| {
            let start = *offset;
            *offset += line.len() + 1;
            Some((start, line))
        })
        .find(|(_, line)| line.trim_start().starts_with(key))
        .map_or(0, |(start, line)| {
            start + line.len() - line.trim_start().len()
        });
    Diagnostic::at(file, text, start..start + key.len(), message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_base_url_and_finds_its_path() {
        let config = Config::parse(
            "site.toml",
            "title = \"T\"\nbase_url = \"https://h.org/sub\"",
        )
        .unwrap();
        assert_eq!(config.base_url, "https://h.org/sub/");
        assert_eq!(config.base_path(), "/sub/");
        assert_eq!(config.absolute("/for/x/"), "https://h.org/sub/for/x/");
        let bare =
            Config::parse("site.toml", "title = \"T\"\nbase_url = \"http://h.org\"").unwrap();
        assert_eq!(bare.base_path(), "/");
    }

    #[test]
    fn rejects_unknown_keys_with_a_location() {
        let error = Config::parse(
            "site.toml",
            "title = \"T\"\nbase_url = \"https://h.org\"\ntitel = 1\n",
        )
        .unwrap_err();
        assert_eq!(error.location(), "site.toml:3:1");
        assert!(
            error.message.starts_with("unknown field `titel`"),
            "{}",
            error.message
        );
    }

    #[track_caller]
    fn refused(url: &str, expected: &str) {
        assert_eq!(normalize_base_url(url).unwrap_err(), expected, "{url:?}");
    }

    #[test]
    fn parses_base_url_as_a_url() {
        refused(
            "https://example.org/\nDisallow: /",
            "`base_url` must be a URL without U+000A (LINE FEED), found `https://example.org/\\u{a}Disallow: /`",
        );
        refused(
            "https://exa\tmple.org/",
            "`base_url` must be a URL without U+0009 (TAB), found `https://exa\\u{9}mple.org/`",
        );
        refused(
            "https://example.org\\sub/",
            "`base_url` must be a URL without `\\`, found `https://example.org\\sub/`",
        );
        refused(
            "https://:80/",
            "`base_url` is not a valid URL (empty host), found `https://:80/`",
        );
        refused(
            "https://@/",
            "`base_url` is not a valid URL (empty host), found `https://@/`",
        );
        refused(
            "https://user:pw@example.org/",
            "`base_url` must not hold a user name or password (it is published in every feed and sitemap), found `https://user:pw@example.org/`",
        );
        refused(
            "https://example.org/?q=1",
            "`base_url` must be an absolute URL with a host and no query or fragment, found `https://example.org/?q=1`",
        );
        refused(
            "https://example.org:99999/",
            "`base_url` is not a valid URL (invalid port number), found `https://example.org:99999/`",
        );
        refused(
            "ftp://example.org/",
            "`base_url` must start with https:// or http://, found `ftp://example.org/`",
        );
        for (url, normal) in [
            ("https://Example.ORG", "https://example.org/"),
            ("http://example.org:80/sub//", "http://example.org/sub/"),
            (
                "https://bücher.example/über/",
                "https://xn--bcher-kva.example/%C3%BCber/",
            ),
            ("http://127.0.0.1:1111/", "http://127.0.0.1:1111/"),
            ("http://[::1]:8080", "http://[::1]:8080/"),
            (" https://example.org/kpdh \n", "https://example.org/kpdh/"),
        ] {
            assert_eq!(normalize_base_url(url).as_deref(), Ok(normal), "{url:?}");
        }
    }

    #[test]
    fn rejects_control_characters_in_site_text() {
        let error = Config::parse(
            "site.toml",
            "title = \"T\\u0000\"\nbase_url = \"https://h.org\"",
        )
        .unwrap_err();
        assert_eq!(error.location(), "site.toml:1:9");
        assert_eq!(
            error.message,
            "`title` holds U+0000 (NUL), which no published text should contain"
        );
    }

    // Code is highlighted unless `[markdown] highlight_code = false` says otherwise.
    #[test]
    fn highlights_code_by_default() {
        let base = "title = \"T\"\nbase_url = \"https://h.org\"\n";
        assert!(
            Config::parse("site.toml", base)
                .unwrap()
                .markdown
                .highlight_code
        );
        let off = format!("{base}[markdown]\nhighlight_code = false\n");
        assert!(
            !Config::parse("site.toml", &off)
                .unwrap()
                .markdown
                .highlight_code
        );
    }

    #[test]
    fn rejects_relative_base_urls() {
        let error = Config::parse("site.toml", "title = \"T\"\nbase_url = \"/sub/\"").unwrap_err();
        assert_eq!(error.location(), "site.toml:2:1");
        assert!(error.message.contains("must start with https://"));
    }
}
