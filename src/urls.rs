//! Site paths and the relative URLs between them.

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
    fn maps_site_paths_to_files() {
        assert_eq!(output_path("/"), "index.html");
        assert_eq!(output_path("/for/x/"), "for/x/index.html");
        assert_eq!(output_path("/atom.xml"), "atom.xml");
    }
}
