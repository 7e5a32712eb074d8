//! `robots.txt`: everything allowed, and where the sitemap is.

use crate::content::config::Config;

/// `robots.txt`, allowing everything and pointing at the sitemap.
pub fn robots(config: &Config) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        config.absolute("/sitemap.xml")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config::parse(
            "site.toml",
            "title = \"A & B\"\nbase_url = \"https://h.org/sub/\"\nauthor = \"<Me>\"",
        )
        .unwrap()
    }

    #[test]
    fn points_at_the_sitemap() {
        assert_eq!(
            robots(&config()),
            "User-agent: *\nAllow: /\n\nSitemap: https://h.org/sub/sitemap.xml\n"
        );
    }
}
