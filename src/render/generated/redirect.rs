//! A redirect page: what an alias (`aliases = ["/old/"]`) and a section's `page/1/` write,
//! sending readers and crawlers on to the page itself.

use crate::content::config::Config;
use crate::content::routes;
use crate::escape::{self, html};

/// The HTML at site path `from` that sends the reader to the page `to` titled `title`: a
/// meta refresh, the canonical URL (so search engines index the page, not the old path),
/// `noindex`, and a link for readers whose browser does not follow the refresh.
pub fn page(config: &Config, title: &str, from: &str, to: &str) -> String {
    let href = html(&escape::url_path(&routes::relative(from, to)));
    let canonical = html(&config.absolute(to));
    let title = html(title);
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>Moved: {title}</title>\n<meta name=\"robots\" content=\"noindex\">\n<link rel=\"canonical\" href=\"{canonical}\">\n<meta http-equiv=\"refresh\" content=\"0; url={href}\">\n</head>\n<body>\n<p>This page has moved to <a href=\"{href}\">{title}</a>.</p>\n</body>\n</html>\n",
        lang = html(&config.language),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sends_the_reader_on_with_a_relative_link() {
        let config = Config::parse(
            "site.toml",
            "title = \"T\"\nbase_url = \"https://h.org/sub/\"\n",
        )
        .unwrap();
        let out = page(&config, "A & B", "/legacy/a.html", "/for/über/");
        assert!(
            out.contains("<meta http-equiv=\"refresh\" content=\"0; url=../for/%C3%BCber/\">"),
            "{out}"
        );
        assert!(
            out.contains("<link rel=\"canonical\" href=\"https://h.org/sub/for/%C3%BCber/\">"),
            "{out}"
        );
        assert!(out.contains("<meta name=\"robots\" content=\"noindex\">"));
        assert!(
            out.contains("<a href=\"../for/%C3%BCber/\">A &amp; B</a>"),
            "{out}"
        );
    }
}
