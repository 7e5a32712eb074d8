//! Routes: the URL each page gets, the output file of each site path, and the relative
//! URLs between them.

use std::collections::BTreeMap;

use crate::chars;
use crate::content::page::{MAX_SLUG, Page, PageKind};
use crate::diagnostic::Diagnostic;
use crate::escape;

/// The relative URL from the page at site path `from` to the site path `to`.
///
/// Both start with `/`; a path ending in `/` is a directory (a pretty URL).
pub fn relative(from: &str, to: &str) -> String {
    // Called for every link on every page, so it works on byte offsets, not segment lists.
    let from_dir = &from[..from.rfind('/').map_or(0, |i| i + 1)];
    let to_dir = &to[..to.rfind('/').map_or(0, |i| i + 1)];
    // The longest common prefix of the two directories that ends at a `/`.
    let common = from_dir
        .bytes()
        .zip(to_dir.bytes())
        .enumerate()
        .take_while(|(_, (a, b))| a == b)
        .filter(|(_, (a, _))| *a == b'/')
        .last()
        .map_or(0, |(i, _)| i + 1);
    let ups = from_dir[common..].bytes().filter(|&b| b == b'/').count();
    let rest = to.get(common..).unwrap_or("");
    let mut out = String::with_capacity(ups * 3 + rest.len() + 2);
    for _ in 0..ups {
        out.push_str("../");
    }
    out.push_str(rest);
    if out.is_empty() {
        out.push_str("./");
    }
    out
}

/// The absolute URL of a site path such as `/for/x/` (a `#fragment` may follow) under
/// `base_url`: the one place absolute URLs are made, for canonical and Open Graph tags,
/// feeds, the sitemap, structured data and `absolute_url()`, so all of them agree. The
/// path is percent-encoded (`/über/` becomes `/%C3%BCber/`), as a URL must be.
pub fn absolute(base_url: &str, site_path: &str) -> String {
    let (page, fragment) = site_path
        .split_once('#')
        .map_or((site_path, None), |(p, f)| (p, Some(f)));
    let mut url = format!(
        "{base_url}{}",
        escape::url_path(page.trim_start_matches('/'))
    );
    if let Some(fragment) = fragment {
        url.push('#');
        url.push_str(fragment);
    }
    url
}

/// Joins a relative path onto a directory path and removes `.` and `..` segments.
///
/// Returns `None` when `..` climbs above the root.
pub fn join(dir: &str, relative: &str) -> Option<String> {
    let mut segments: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    let trailing = relative.ends_with('/')
        || relative.ends_with("/.")
        || relative.ends_with("/..")
        || relative == "."
        || relative == "..";
    for segment in relative.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop()?;
            }
            other => segments.push(other),
        }
    }
    let mut out = String::from("/");
    out.push_str(&segments.join("/"));
    if trailing && !segments.is_empty() {
        out.push('/');
    }
    Some(out)
}

/// The output file for a site path: `/for/x/` -> `for/x/index.html`.
pub fn output_path(site_path: &str) -> String {
    let trimmed = site_path.trim_start_matches('/');
    if trimmed.is_empty() || trimmed.ends_with('/') {
        format!("{trimmed}index.html")
    } else {
        trimmed.to_string()
    }
}

/// Whether a name chosen for a folder of generated pages (a taxonomy) is a plain URL
/// segment: lowercase ASCII letters, digits, `-` and `_`.
pub fn is_segment_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// The URL segment of a taxonomy term: lowercase, every run of characters that are not
/// letters or digits made one `-` (`"Chart methodology"` -> `chart-methodology`,
/// `"Griffin Xu ’28"` -> `griffin-xu-28`), at most [`MAX_SLUG`] bytes. Empty when the term
/// has no letter or digit.
pub fn term_slug(term: &str) -> String {
    let mut slug = String::with_capacity(term.len());
    for c in term.chars() {
        if c.is_alphanumeric() {
            if slug.len() + c.len_utf8() > MAX_SLUG {
                break;
            }
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// The site path of listing page `number` (from 2) of the section at `section`:
/// `/for/page/2/`, as in Zola. Page 1 is the section itself.
pub fn pager(section: &str, number: usize) -> String {
    format!("{section}page/{number}/")
}

/// The site path of a taxonomy's list of terms: `/topics/`.
pub fn taxonomy(name: &str) -> String {
    format!("/{name}/")
}

/// The site path of a taxonomy term's page: `/topics/streaming/`.
pub fn term(taxonomy: &str, slug: &str) -> String {
    format!("/{taxonomy}/{slug}/")
}

/// The site path of a taxonomy term's Atom feed: `/topics/streaming/atom.xml`.
pub fn term_feed(taxonomy: &str, slug: &str) -> String {
    format!("/{taxonomy}/{slug}/atom.xml")
}

/// The site path an alias names: `"old/path"` and `"/old/path/"` are the folder
/// `/old/path/`; a last segment ending in `.html` is that file (`/legacy/page.html`), as
/// in Zola. Refuses what is not a plain path inside the site.
pub fn alias(alias: &str) -> Result<String, String> {
    let shown = chars::shown(alias);
    if alias.contains("://") || alias.starts_with("//") {
        return Err(format!(
            "alias `{shown}` is a URL; write a path on this site, such as `/old/path/`"
        ));
    }
    if let Some(c) = alias
        .chars()
        .find(|&c| matches!(c, '?' | '#' | '%' | '\\') || c.is_whitespace() || chars::is_control(c))
    {
        let what = if c.is_ascii_graphic() {
            format!("`{c}`")
        } else {
            chars::describe(c)
        };
        return Err(format!(
            "alias `{shown}` holds {what}; write a plain path such as `/old/path/`"
        ));
    }
    let joined = join("/", alias.trim_start_matches('/'))
        .ok_or_else(|| format!("alias `{shown}` climbs above the site root"))?;
    if joined == "/" {
        return Err(format!("alias `{shown}` is the home page"));
    }
    if joined.split('/').any(|segment| segment.len() > MAX_SLUG) {
        return Err(format!(
            "alias `{shown}` has a segment longer than {MAX_SLUG} bytes"
        ));
    }
    if joined.ends_with(".html") || joined.ends_with('/') {
        Ok(joined)
    } else {
        Ok(format!("{joined}/"))
    }
}

/// Assigns every page its URL and checks that no two pages share one.
pub fn assign_urls(pages: &mut [Page]) -> Result<(), Vec<Diagnostic>> {
    let mut dir_urls: BTreeMap<String, String> = BTreeMap::new();
    // Sections first, shallow before deep, so a page can use its directory's URL.
    let mut order: Vec<usize> = (0..pages.len()).collect();
    order.sort_by_key(|&i| {
        (
            pages[i].kind != PageKind::Section,
            pages[i].relative.matches('/').count(),
        )
    });
    let mut errors = Vec::new();
    let mut taken: BTreeMap<String, usize> = BTreeMap::new();
    for i in order {
        let url = {
            let page = &pages[i];
            match page.kind {
                PageKind::Section if page.relative == "_index.md" => "/".to_string(),
                PageKind::Section => {
                    let parent = parent_dir(page.dir());
                    format!("{}{}/", dir_url(&dir_urls, parent), page.slug())
                }
                PageKind::Page => {
                    format!("{}{}/", dir_url(&dir_urls, page.url_dir()), page.slug())
                }
            }
        };
        if pages[i].kind == PageKind::Section {
            dir_urls.insert(pages[i].dir().to_string(), url.clone());
        }
        if let Some(&other) = taken.get(&url) {
            errors.push(
                pages[i]
                    .error_at_key(
                        "title",
                        format!(
                            "`{}` and `{}` both map to the URL `{url}`",
                            pages[other].display, pages[i].display
                        ),
                    )
                    .with_help("give one of them a different `slug` in its front matter"),
            );
        } else {
            taken.insert(url.clone(), i);
        }
        pages[i].url = url;
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn parent_dir(dir: &str) -> &str {
    dir.rsplit_once('/').map_or("", |(parent, _)| parent)
}

fn dir_url(dir_urls: &BTreeMap<String, String>, dir: &str) -> String {
    if let Some(url) = dir_urls.get(dir) {
        return url.clone();
    }
    if dir.is_empty() {
        return "/".to_string();
    }
    let (parent, name) = dir.rsplit_once('/').unwrap_or(("", dir));
    format!("{}{name}/", dir_url(dir_urls, parent))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(from: &str, to: &str, expected: &str) {
        assert_eq!(relative(from, to), expected, "{from} -> {to}");
    }

    #[test]
    fn computes_relative_urls() {
        case("/", "/for/", "for/");
        case("/", "/", "./");
        case("/for/x/", "/", "../../");
        case("/for/x/", "/for/y/", "../y/");
        case("/for/x/", "/for/x/", "./");
        case("/for/x/", "/against/y/", "../../against/y/");
        case("/for/x/", "/style.abc.css", "../../style.abc.css");
        case(
            "/charts/hot-100/",
            "/charts/hot-100/golden.csv",
            "golden.csv",
        );
        case("/404.html", "/for/", "for/");
    }

    #[test]
    fn joins_and_normalizes() {
        assert_eq!(join("/for/x/", "../y/").as_deref(), Some("/for/y/"));
        assert_eq!(
            join("for", "../against/c.md").as_deref(),
            Some("/against/c.md")
        );
        assert_eq!(join("/", "./a/./b").as_deref(), Some("/a/b"));
        assert_eq!(join("/a/", "..").as_deref(), Some("/"));
        assert_eq!(join("/", "../x"), None);
    }

    #[test]
    fn slugs_taxonomy_terms() {
        assert_eq!(term_slug("Chart methodology"), "chart-methodology");
        assert_eq!(
            term_slug("Griffin Xu ’28, first-year (student)"),
            "griffin-xu-28-first-year-student"
        );
        assert_eq!(term_slug("  Über & K-pop! "), "über-k-pop");
        assert_eq!(term_slug("!!!"), "");
        assert_eq!(term_slug(&"a".repeat(300)).len(), MAX_SLUG);
        assert!(is_segment_name("topics") && is_segment_name("my_tags-2"));
        assert!(!is_segment_name("Tags") && !is_segment_name("a/b") && !is_segment_name(""));
    }

    #[test]
    fn reads_aliases_as_site_paths() {
        assert_eq!(alias("/old/path/").as_deref(), Ok("/old/path/"));
        assert_eq!(alias("old/path").as_deref(), Ok("/old/path/"));
        assert_eq!(alias("/legacy/a.html").as_deref(), Ok("/legacy/a.html"));
        assert_eq!(alias("/a/./b/../c").as_deref(), Ok("/a/c/"));
        assert!(
            alias("/../x/")
                .unwrap_err()
                .contains("climbs above the site root")
        );
        assert!(alias("https://h.org/x/").unwrap_err().contains("is a URL"));
        assert!(alias("/x/?a=1").unwrap_err().contains("holds `?`"));
        assert!(alias("/").unwrap_err().contains("is the home page"));
    }

    #[test]
    fn maps_site_paths_to_files() {
        assert_eq!(output_path("/"), "index.html");
        assert_eq!(output_path("/for/x/"), "for/x/index.html");
        assert_eq!(output_path("/atom.xml"), "atom.xml");
    }

    fn page(relative: &str, front: &str) -> Page {
        Page::parse(relative, format!("+++\ntitle = \"T\"\n{front}+++\n")).unwrap()
    }

    #[test]
    fn assigns_pretty_urls_following_section_slugs() {
        let mut pages = vec![
            page("_index.md", ""),
            page("for/_index.md", "slug = \"pro\"\n"),
            page("for/x.md", ""),
            page("loose/y.md", ""),
            page("about.md", ""),
            page("for/bundle/index.md", ""),
            page("for/other/index.md", "slug = \"moved\"\n"),
        ];
        assign_urls(&mut pages).unwrap();
        let urls: Vec<_> = pages.iter().map(|p| p.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "/",
                "/pro/",
                "/pro/x/",
                "/loose/y/",
                "/about/",
                "/pro/bundle/",
                "/pro/moved/"
            ]
        );
    }

    #[test]
    fn refuses_two_pages_at_one_url() {
        let mut pages = vec![
            page("_index.md", ""),
            page("a.md", ""),
            page("b.md", "slug = \"a\"\n"),
        ];
        let errors = assign_urls(&mut pages).unwrap_err();
        assert_eq!(
            errors[0].message,
            "`content/a.md` and `content/b.md` both map to the URL `/a/`"
        );
        assert_eq!(errors[0].location(), "content/b.md:2:1");
    }
}
