//! `sitemap.xml`: every page crawlers should find, with absolute URLs.

use crate::content::config::Config;
use crate::content::date::Date;
use crate::escape::xml;

/// `sitemap.xml` for site paths with optional last-modified dates, sorted by path.
pub fn sitemap(config: &Config, entries: &[(String, Option<Date>)]) -> String {
    let mut sorted: Vec<&(String, Option<Date>)> = entries.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, lastmod) in sorted {
        out.push_str(&format!(
            "  <url>\n    <loc>{}</loc>\n",
            xml(&config.absolute(path))
        ));
        if let Some(date) = lastmod {
            out.push_str(&format!("    <lastmod>{date}</lastmod>\n"));
        }
        out.push_str("  </url>\n");
    }
    out.push_str("</urlset>\n");
    out
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
    fn writes_a_sorted_sitemap() {
        let entries = vec![
            ("/b/".to_string(), None),
            ("/".to_string(), Date::parse("2025-01-02")),
        ];
        let map = sitemap(&config(), &entries);
        let first = map.find("<loc>https://h.org/sub/</loc>").unwrap();
        let second = map.find("<loc>https://h.org/sub/b/</loc>").unwrap();
        assert!(first < second);
        assert!(map.contains("<lastmod>2025-01-02</lastmod>"));
    }
}
