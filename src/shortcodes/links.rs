//! Links in the HTML an author's shortcode writes (from its template, its arguments or its
//! body's markdown): every `href` and `src` inside the site resolved as a link written in
//! the page, so `@/essays/x.md`, `x.md` and `/charts/` work, and checked with the page's
//! links, anchors included.

use crate::escape;
use crate::markdown::LinkTarget;

/// `html` with each internal `href="..."` and `src="..."` replaced by what `resolve` makes
/// of it. Links with a scheme (`https:`, `mailto:`), protocol-relative ones and same-page
/// `#anchors` (checked in the page's final HTML) are kept as written.
pub(super) fn resolve(
    html: &str,
    mut resolve: impl FnMut(&str) -> Result<LinkTarget, String>,
) -> Result<String, String> {
    let mut out = String::with_capacity(html.len());
    let mut pos = 0;
    while let Some((start, end)) = next_attribute(html, pos) {
        let raw = &html[start..end];
        let dest = unescape(raw);
        out.push_str(&html[pos..start]);
        // A link that holds a placeholder is made by what the shortcode was given.
        let held = dest.contains('\u{E000}');
        if held || dest.is_empty() || dest.starts_with('#') || escape::has_scheme(dest.trim()) {
            out.push_str(raw);
        } else {
            out.push_str(&escape::html(&resolve(&dest)?.href));
        }
        pos = end;
    }
    out.push_str(&html[pos..]);
    Ok(out)
}

/// The value of the next ` href="` or ` src="` attribute at or after `pos`.
fn next_attribute(html: &str, pos: usize) -> Option<(usize, usize)> {
    let found = ["href=\"", "src=\""]
        .iter()
        .filter_map(|name| {
            let mut from = pos;
            while let Some(i) = html[from..].find(name) {
                let at = from + i;
                let before = html[..at].chars().next_back();
                if before.is_some_and(char::is_whitespace) {
                    return Some(at + name.len());
                }
                from = at + name.len();
            }
            None
        })
        .min()?;
    let len = html[found..].find('"')?;
    Some((found, found + len))
}

fn unescape(value: &str) -> String {
    if !value.contains('&') {
        return value.to_string();
    }
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_internal_links_and_keeps_the_rest() {
        let html = "<a href=\"@/essays/x.md#h\">x</a> <img src=\"pic.png\" alt=\"a\"> <a href=\"https://e.org/?a=1&amp;b=2\">e</a> <a href=\"#top\">t</a> <a data-href=\"y.md\">";
        let resolved = resolve(html, |dest| {
            Ok(LinkTarget {
                href: format!("../{}", dest.trim_start_matches("@/")),
                web: false,
                check: None,
            })
        })
        .unwrap();
        assert_eq!(
            resolved,
            "<a href=\"../essays/x.md#h\">x</a> <img src=\"../pic.png\" alt=\"a\"> <a href=\"https://e.org/?a=1&amp;b=2\">e</a> <a href=\"#top\">t</a> <a data-href=\"y.md\">"
        );
        assert_eq!(
            resolve("<a href=\"nope.md\">", |d| Err(format!(
                "broken link `{d}`"
            ))),
            Err("broken link `nope.md`".to_string())
        );
    }
}
