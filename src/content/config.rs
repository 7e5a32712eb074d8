//! `site.toml`: the site's settings, loaded strictly.

use serde::{Deserialize, Serialize};

use crate::content::routes;
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
    /// Free-form values for templates (`config.extra`).
    #[serde(default)]
    pub extra: toml::Table,
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
}

impl Default for MarkdownOptions {
    fn default() -> Self {
        Self {
            smart_punctuation: true,
            anchor_links: true,
            external_links_new_tab: false,
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
        config.base_url = normalize_base_url(&config.base_url)
            .map_err(|message| locate_key(file, text, "base_url", message))?;
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
pub fn normalize_base_url(url: &str) -> Result<String, String> {
    let trimmed = url.trim();
    let rest = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"))
        .ok_or_else(|| format!("`base_url` must start with https:// or http://, found `{url}`"))?;
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() || trimmed.contains(['?', '#', ' ', '"', '<', '>']) {
        return Err(format!(
            "`base_url` must be an absolute URL with a host and no query, found `{url}`"
        ));
    }
    Ok(format!("{}/", trimmed.trim_end_matches('/')))
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

    #[test]
    fn rejects_relative_base_urls() {
        let error = Config::parse("site.toml", "title = \"T\"\nbase_url = \"/sub/\"").unwrap_err();
        assert_eq!(error.location(), "site.toml:2:1");
        assert!(error.message.contains("must start with https://"));
    }
}
