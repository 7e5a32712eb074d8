//! The opening `<a>` tag of a link: the one place a link's destination and title are
//! written, escaped exactly as pulldown-cmark's HTML writer escapes them.

use pulldown_cmark_escape::{escape_href, escape_html};

/// `<a href="..." title="...">` for a resolved href; with `new_tab`, the link also opens
/// in a new tab. The href is percent-encoded where a URL needs it (`\` becomes `%5C`, a
/// space `%20`) and `&` and `'` become entities; the title is HTML-escaped.
pub(super) fn open(href: &str, title: &str, new_tab: bool) -> String {
    let mut out = String::with_capacity(href.len() + title.len() + 48);
    out.push_str("<a href=\"");
    // Writing to a String never fails: `StrWrite for String` always returns `Ok`.
    escape_href(&mut out, href).unwrap_or_default();
    if !title.is_empty() {
        out.push_str("\" title=\"");
        escape_html(&mut out, title).unwrap_or_default();
    }
    out.push('"');
    if new_tab {
        out.push_str(" target=\"_blank\" rel=\"noopener\"");
    }
    out.push('>');
    out
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

    use super::*;

    /// The opening tag pulldown-cmark's own HTML writer gives a link.
    fn pulldown(href: &str, title: &str) -> String {
        let events = [
            Event::Start(Tag::Link {
                link_type: LinkType::Inline,
                dest_url: href.into(),
                title: title.into(),
                id: "".into(),
            }),
            Event::End(TagEnd::Link),
        ];
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        html.trim_end_matches("</a>").to_string()
    }

    #[track_caller]
    fn case(href: &str, title: &str, expected: &str) {
        assert_eq!(open(href, title, false), expected);
        assert_eq!(open(href, title, false), pulldown(href, title));
    }

    // Hrefs and titles are escaped as pulldown-cmark escapes the links it writes itself.
    #[test]
    fn escapes_like_pulldown_cmark() {
        case(
            "https://example.com?find=\\*",
            "",
            "<a href=\"https://example.com?find=%5C*\">",
        );
        case(
            "https://x.org/`a`",
            "",
            "<a href=\"https://x.org/%60a%60\">",
        );
        case("/a]b(c[d\\e", "", "<a href=\"/a%5Db(c%5Bd%5Ce\">");
        case(
            "https://x.org/",
            "the \"title\" & <more>",
            "<a href=\"https://x.org/\" title=\"the &quot;title&quot; &amp; &lt;more&gt;\">",
        );
        case(
            "/a b?c=1&d='e'",
            "",
            "<a href=\"/a%20b?c=1&amp;d=&#x27;e&#x27;\">",
        );
        case("/ü%20", "", "<a href=\"/%C3%BC%20\">");
    }

    // A new-tab link keeps its title and its percent-encoding.
    #[test]
    fn new_tab_links_keep_title_and_encoding() {
        assert_eq!(
            open("https://x.org/a\\b", "the title", true),
            "<a href=\"https://x.org/a%5Cb\" title=\"the title\" target=\"_blank\" rel=\"noopener\">"
        );
    }

    proptest::proptest! {
        // Whatever the href and title, the tag is the one pulldown-cmark writes.
        #[test]
        fn matches_pulldown_cmark_for_any_href_and_title(href in "\\PC*", title in "\\PC*") {
            proptest::prop_assert_eq!(open(&href, &title, false), pulldown(&href, &title));
        }
    }
}
