//! Atom feeds: the site's newest pages, and the corrections.

use crate::content::config::Config;
use crate::content::date::Date;
use crate::escape::xml;

/// One entry of an Atom feed.
#[derive(Debug, Clone)]
pub struct FeedEntry {
    /// The entry's title.
    pub title: String,
    /// The site path of the page it links to (an anchor may follow).
    pub path: String,
    /// When it was first published.
    pub published: Date,
    /// When it last changed.
    pub updated: Date,
    /// A plain-text summary.
    pub summary: Option<String>,
    /// HTML content; relative links resolve against the entry's URL through `xml:base`.
    pub content: Option<String>,
}

/// An Atom feed. `updated` is the newest entry's date, or `site_updated` (the site's last
/// change) when there is no entry, so the output is deterministic.
pub fn atom(
    config: &Config,
    title: &str,
    self_path: &str,
    entries: &[FeedEntry],
    site_updated: Option<Date>,
) -> String {
    let updated = entries.iter().map(|e| e.updated).max().or(site_updated);
    let mut out = String::with_capacity(4096);
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        xml(&config.language)
    ));
    out.push_str(&format!("  <title>{}</title>\n", xml(title)));
    if !config.description.is_empty() {
        out.push_str(&format!(
            "  <subtitle>{}</subtitle>\n",
            xml(&config.description)
        ));
    }
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        xml(&config.absolute(self_path))
    ));
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml(&config.base_url)
    ));
    out.push_str(&format!(
        "  <id>{}</id>\n",
        xml(&config.absolute(self_path))
    ));
    out.push_str(&format!("  <updated>{}</updated>\n", timestamp(updated)));
    if !config.author.is_empty() {
        out.push_str(&format!(
            "  <author><name>{}</name></author>\n",
            xml(&config.author)
        ));
    }
    for entry in entries {
        push_entry(&mut out, config, entry);
    }
    out.push_str("</feed>\n");
    out
}

fn push_entry(out: &mut String, config: &Config, entry: &FeedEntry) {
    let url = config.absolute(&entry.path);
    out.push_str("  <entry>\n");
    out.push_str(&format!("    <title>{}</title>\n", xml(&entry.title)));
    out.push_str(&format!(
        "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml(&url)
    ));
    out.push_str(&format!("    <id>{}</id>\n", xml(&url)));
    out.push_str(&format!(
        "    <published>{}</published>\n",
        timestamp(Some(entry.published))
    ));
    out.push_str(&format!(
        "    <updated>{}</updated>\n",
        timestamp(Some(entry.updated))
    ));
    if let Some(summary) = &entry.summary {
        out.push_str(&format!("    <summary>{}</summary>\n", xml(summary)));
    }
    if let Some(content) = &entry.content {
        out.push_str(&format!(
            "    <content type=\"html\" xml:base=\"{}\">{}</content>\n",
            xml(&url),
            xml(content)
        ));
    }
    out.push_str("  </entry>\n");
}

fn timestamp(date: Option<Date>) -> String {
    format!(
        "{}T00:00:00Z",
        date.map_or_else(|| "1970-01-01".to_string(), Date::iso)
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
    fn writes_escaped_deterministic_atom() {
        let entry = FeedEntry {
            title: "]]> & <x>".into(),
            path: "/for/über/".into(),
            published: Date::parse("2025-07-05").unwrap(),
            updated: Date::parse("2025-07-06").unwrap(),
            summary: None,
            content: Some("<a href=\"../\">up</a>".into()),
        };
        let feed = atom(&config(), "A & B", "/atom.xml", &[entry], None);
        assert!(feed.contains("<title>A &amp; B</title>"));
        assert!(feed.contains("<title>]]&gt; &amp; &lt;x&gt;</title>"));
        assert!(feed.contains("<updated>2025-07-06T00:00:00Z</updated>"));
        assert!(feed.contains("href=\"https://h.org/sub/for/%C3%BCber/\""));
        assert!(feed.contains("xml:base=\"https://h.org/sub/for/%C3%BCber/\">&lt;a href=&quot;../&quot;&gt;up&lt;/a&gt;</content>"));
        assert!(feed.contains("<author><name>&lt;Me&gt;</name></author>"));
    }

    // An empty feed is dated by the site's last change, never 1970.
    #[test]
    fn an_empty_feed_carries_the_sites_last_change() {
        let feed = atom(&config(), "C", "/c.xml", &[], Date::parse("2025-11-29"));
        assert!(
            feed.contains("<updated>2025-11-29T00:00:00Z</updated>"),
            "{feed}"
        );
    }
}
