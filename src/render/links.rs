//! Internal links: resolved from source files or URLs, rewritten relative, checked with anchors.

use std::collections::{HashMap, HashSet};

use crate::content::routes;
use crate::escape;
use crate::markdown::{LinkCheck, LinkTarget};

pub use crate::escape::has_scheme;

/// Everything a link may point at.
#[derive(Debug, Default)]
pub struct LinkIndex {
    /// Content file (`for/x.md`) to its site path (`/for/x/`).
    pub sources: HashMap<String, String>,
    /// Every published site path: pages (`/for/x/`) and files (`/charts/x.csv`).
    pub paths: HashSet<String>,
    /// Theme files by their written name (`/style.css`) to their fingerprinted path.
    pub assets: HashMap<String, String>,
    /// Content files left out of this build because they are drafts.
    pub drafts: HashSet<String>,
}

/// The page a link is written in.
#[derive(Debug, Clone, Copy)]
pub struct From<'a> {
    /// Its directory relative to `content/` (`for`).
    pub dir: &'a str,
    /// Its site path (`/for/x/`).
    pub url: &'a str,
}

impl LinkIndex {
    /// Resolves `dest` as written in the page `from`.
    pub fn resolve(&self, from: From<'_>, dest: &str) -> Result<LinkTarget, String> {
        let dest = dest.trim();
        if dest.is_empty() {
            return Err("empty link destination".to_string());
        }
        if has_scheme(dest) {
            if let Some(scheme) = script_scheme(dest) {
                return Err(format!(
                    "refused link `{dest}`: a `{scheme}:` link runs code or hides content in the reader's browser"
                ));
            }
            return Ok(LinkTarget {
                href: dest.to_string(),
                web: is_web(dest),
                check: None,
            });
        }
        let (before_fragment, fragment) = match dest.split_once('#') {
            Some((path, fragment)) => (path, Some(fragment)),
            None => (dest, None),
        };
        let (path, query) = match before_fragment.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (before_fragment, None),
        };
        let anchor = fragment
            .filter(|f| !f.is_empty())
            .map(|f| escape::url_decode(f).unwrap_or_else(|| f.to_string()));
        if path.is_empty() {
            let href = format!("#{}", fragment.unwrap_or(""));
            let check = LinkCheck {
                path: from.url.to_string(),
                anchor,
            };
            return Ok(LinkTarget {
                href,
                web: false,
                check: Some(check),
            });
        }
        let decoded = escape::url_decode(path)
            .ok_or_else(|| format!("broken link `{dest}`: malformed percent-encoding"))?;
        let target = self.target(from, &decoded, dest)?;
        let mut href = escape::url_path(&routes::relative(from.url, &target));
        if let Some(query) = query {
            href.push('?');
            href.push_str(query);
        }
        if let Some(fragment) = fragment {
            href.push('#');
            href.push_str(fragment);
        }
        Ok(LinkTarget {
            href,
            web: false,
            check: Some(LinkCheck {
                path: target,
                anchor,
            }),
        })
    }

    fn target(&self, from: From<'_>, path: &str, dest: &str) -> Result<String, String> {
        if let Some(content) = path.strip_prefix("@/") {
            return self.content_target(content, dest);
        }
        if path.ends_with(".md") {
            return self.source_target(from, path, dest);
        }
        let site_path = if path.starts_with('/') {
            routes::join("/", path)
        } else {
            routes::join(from.url, path)
        }
        .ok_or_else(|| format!("broken link `{dest}`: it climbs above the site root"))?;
        if let Some(found) = self.find(&site_path) {
            return Ok(found);
        }
        let colocated = routes::join(from.dir, path).filter(|_| !path.starts_with('/'));
        if let Some(found) = colocated.and_then(|p| self.find(&p)) {
            return Ok(found);
        }
        Err(format!(
            "broken link `{dest}`: nothing is published at `{site_path}`"
        ))
    }

    /// `@/essays/x.md` (Zola's spelling): a file named from `content/`, a page's
    /// markdown file or a file published as it is.
    fn content_target(&self, content: &str, dest: &str) -> Result<String, String> {
        let joined = routes::join("/", content)
            .ok_or_else(|| format!("broken link `{dest}`: it climbs above `content/`"))?;
        let relative = joined.trim_start_matches('/');
        if relative.ends_with(".md") {
            return self.source(relative, dest);
        }
        self.find(&joined)
            .ok_or_else(|| format!("broken link `{dest}`: `content/{relative}` does not exist"))
    }

    fn source_target(&self, from: From<'_>, path: &str, dest: &str) -> Result<String, String> {
        let joined = if let Some(absolute) = path.strip_prefix('/') {
            routes::join("/", absolute)
        } else {
            routes::join(from.dir, path)
        }
        .ok_or_else(|| format!("broken link `{dest}`: it climbs above `content/`"))?;
        self.source(joined.trim_start_matches('/'), dest)
    }

    /// The site path `@/essays/x.md` (a path from `content/`, without a fragment) stands
    /// for, for `url()`; `Err` says why there is none.
    pub fn content_path(&self, path: &str) -> Result<String, String> {
        let content = path.strip_prefix("@/").unwrap_or(path);
        let decoded = escape::url_decode(content)
            .ok_or_else(|| format!("broken link `{path}`: malformed percent-encoding"))?;
        self.content_target(&decoded, path)
    }

    /// The site path of the markdown file `relative` (to `content/`).
    fn source(&self, relative: &str, dest: &str) -> Result<String, String> {
        if let Some(url) = self.sources.get(relative) {
            return Ok(url.clone());
        }
        if self.drafts.contains(relative) {
            return Err(format!(
                "broken link `{dest}`: `content/{relative}` is a draft and is not built (use --drafts to include drafts)"
            ));
        }
        Err(format!(
            "broken link `{dest}`: `content/{relative}` does not exist"
        ))
    }

    fn find(&self, site_path: &str) -> Option<String> {
        if self.paths.contains(site_path) {
            return Some(site_path.to_string());
        }
        if let Some(asset) = self.assets.get(site_path) {
            return Some(asset.clone());
        }
        let with_slash = format!("{site_path}/");
        if self.paths.contains(&with_slash) {
            return Some(with_slash);
        }
        let without_index = site_path.strip_suffix("index.html")?;
        self.paths
            .contains(without_index)
            .then(|| without_index.to_string())
    }
}

/// `javascript`, `vbscript` or `data` when a link uses one of those schemes, which run
/// code or carry a whole document instead of pointing somewhere.
pub fn script_scheme(dest: &str) -> Option<&'static str> {
    let scheme = dest.split(':').next()?.to_ascii_lowercase();
    ["javascript", "vbscript", "data"]
        .into_iter()
        .find(|s| *s == scheme)
}

/// Whether a link leaving the site points at another web site (`http:`, `https:`, `//`).
pub fn is_web(dest: &str) -> bool {
    let lower = |prefix: &str| {
        dest.get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
    };
    dest.starts_with("//") || lower("http://") || lower("https://")
}

/// The `id` attributes of an HTML document, and the fragments of its same-page links
/// (`href="#x"`: decoded, in order, without duplicates, `href="#"` left out), in one pass:
/// every page's final HTML is read for both.
pub fn collect_targets(html: &str) -> (HashSet<String>, Vec<String>) {
    let mut ids = HashSet::new();
    let mut anchors: Vec<String> = Vec::new();
    let bytes = html.as_bytes();
    let mut pos = 0;
    // Every attribute value starts `="`. memchr scans for one byte with vector
    // instructions: every page's HTML passes here, about 120 attributes a page.
    while let Some(at) = memchr::memchr(b'=', &bytes[pos..]).map(|i| pos + i) {
        pos = at + 1;
        if bytes.get(at + 1) != Some(&b'"') {
            continue;
        }
        let value_start = at + 2;
        let Some(len) = memchr::memchr(b'"', &bytes[value_start..]) else {
            break;
        };
        // Both ends are ASCII quotes, so the slice falls on character boundaries.
        let value = &html[value_start..value_start + len];
        if bytes[..at].ends_with(b" id") {
            ids.insert(unescape_attribute(value));
        } else if let Some(fragment) = value.strip_prefix('#')
            && bytes[..at].ends_with(b" href")
        {
            let raw = unescape_attribute(fragment);
            let anchor = escape::url_decode(&raw).unwrap_or(raw);
            if !anchor.is_empty() && !anchors.contains(&anchor) {
                anchors.push(anchor);
            }
        }
        pos = value_start + len;
    }
    (ids, anchors)
}

fn unescape_attribute(value: &str) -> String {
    if !value.contains('&') {
        return value.to_string();
    }
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> LinkIndex {
        let mut index = LinkIndex::default();
        for (source, url) in [
            ("_index.md", "/"),
            ("for/x.md", "/for/x/"),
            ("against/y.md", "/against/y/"),
        ] {
            index.sources.insert(source.into(), url.into());
            index.paths.insert(url.into());
        }
        index.paths.insert("/for/chart.png".into());
        index
            .assets
            .insert("/style.css".into(), "/style.abc.css".into());
        index.drafts.insert("for/draft.md".into());
        index
    }

    #[track_caller]
    fn ok(dest: &str) -> (String, Option<(String, Option<String>)>) {
        let from = From {
            dir: "for",
            url: "/for/x/",
        };
        let target = index().resolve(from, dest).unwrap();
        (target.href, target.check.map(|c| (c.path, c.anchor)))
    }

    #[track_caller]
    fn err(dest: &str) -> String {
        index()
            .resolve(
                From {
                    dir: "for",
                    url: "/for/x/",
                },
                dest,
            )
            .unwrap_err()
    }

    #[test]
    fn resolves_source_files_and_urls_to_relative_links() {
        assert_eq!(ok("../against/y.md#h").0, "../../against/y/#h");
        assert_eq!(
            ok("../against/y.md#h").1,
            Some(("/against/y/".into(), Some("h".into())))
        );
        assert_eq!(ok("/against/y/").0, "../../against/y/");
        assert_eq!(ok("../../against/y").0, "../../against/y/");
        assert_eq!(ok("/").0, "../../");
        assert_eq!(ok("#top").0, "#top");
        assert_eq!(ok("#top").1, Some(("/for/x/".into(), Some("top".into()))));
        assert_eq!(ok("/style.css").0, "../../style.abc.css");
        assert_eq!(ok("chart.png").0, "../chart.png");
        assert_eq!(ok("https://example.org/a").1, None);
        assert_eq!(ok("mailto:a@b.c").0, "mailto:a@b.c");
    }

    // Zola's `@/` links name a file from `content/`, wherever the page is.
    #[test]
    fn resolves_links_from_content() {
        assert_eq!(ok("@/against/y.md#h").0, "../../against/y/#h");
        assert_eq!(
            ok("@/against/y.md#h").1,
            Some(("/against/y/".into(), Some("h".into())))
        );
        assert_eq!(ok("@/_index.md").0, "../../");
        assert_eq!(ok("@/for/chart.png").0, "../chart.png");
        assert_eq!(
            err("@/essays/strategy.md"),
            "broken link `@/essays/strategy.md`: `content/essays/strategy.md` does not exist"
        );
        assert_eq!(
            err("@/for/draft.md"),
            "broken link `@/for/draft.md`: `content/for/draft.md` is a draft and is not built (use --drafts to include drafts)"
        );
        assert_eq!(
            err("@/../x.md"),
            "broken link `@/../x.md`: it climbs above `content/`"
        );
        assert_eq!(
            index().content_path("@/for/x.md"),
            Ok("/for/x/".to_string())
        );
    }

    #[test]
    fn explains_broken_links() {
        assert_eq!(
            err("../against/z.md"),
            "broken link `../against/z.md`: `content/against/z.md` does not exist"
        );
        assert_eq!(
            err("draft.md"),
            "broken link `draft.md`: `content/for/draft.md` is a draft and is not built (use --drafts to include drafts)"
        );
        assert_eq!(
            err("/nope/"),
            "broken link `/nope/`: nothing is published at `/nope/`"
        );
        assert_eq!(
            err("../../../x"),
            "broken link `../../../x`: it climbs above the site root"
        );
        assert_eq!(
            err("JavaScript:alert(1)"),
            "refused link `JavaScript:alert(1)`: a `javascript:` link runs code or hides content in the reader's browser"
        );
        assert!(err("data:text/html,<b>x</b>").starts_with("refused link `data:"));
    }

    #[test]
    fn collects_same_page_anchors_from_html() {
        let html = "<a href=\"#ref-a\">1</a><a href=\"#\">top</a><a class=\"x\" href=\"#caf%C3%A9\">c</a><a href=\"#ref-a\">1</a><a href=\"x/#y\">";
        assert_eq!(collect_targets(html).1, ["ref-a", "café"]);
    }

    #[test]
    fn collects_ids_from_html() {
        let (ids, _) = collect_targets("<h2 id=\"a\">x</h2><p class=\"x\" id=\"b&amp;c\">");
        assert!(ids.contains("a") && ids.contains("b&c"));
    }
}
