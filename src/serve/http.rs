//! Answering requests from the built site in memory: only files the build produced, never a
//! path outside it; the live-reload script (with the page's build id) and the error
//! overlay go into HTML pages.

use std::collections::HashMap;

use crate::escape;

/// The path of the live-reload event stream.
pub const EVENTS_PATH: &str = "/__factsite/livereload";

/// What the server answers from: the last good build's files, the last build's error, and
/// the id of the last build, good or not, that every HTML page carries.
#[derive(Debug, Default)]
pub struct Served {
    /// Output paths to bytes.
    pub files: HashMap<String, Vec<u8>>,
    /// The last build's error, shown over every HTML page until a build succeeds.
    pub error: Option<String>,
    /// The last build's id (see [`super::reload::BuildIds`]).
    pub build: String,
}

/// An answer to one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The HTTP status.
    pub status: u16,
    /// The `Content-Type`.
    pub content_type: &'static str,
    /// The body (sent for GET, not for HEAD).
    pub body: Vec<u8>,
    /// `Location` for redirects.
    pub location: Option<String>,
}

impl Reply {
    /// A plain-text reply.
    pub fn text(status: u16, body: &str) -> Self {
        Self {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.as_bytes().to_vec(),
            location: None,
        }
    }
}

/// Answers `method target` from what is served.
pub fn route(method: &str, target: &str, served: &Served) -> Reply {
    if method != "GET" && method != "HEAD" {
        return Reply::text(405, "Only GET and HEAD are supported.\n");
    }
    let Some(path) = target
        .split(['?', '#'])
        .next()
        .filter(|p| p.starts_with('/'))
    else {
        return Reply::text(400, "Bad request.\n");
    };
    let Some(decoded) = escape::url_decode(path) else {
        return Reply::text(400, "Bad request: malformed percent-encoding.\n");
    };
    let Some(key) = file_key(&decoded) else {
        return not_found(served);
    };
    if let Some(bytes) = served.files.get(&key) {
        return Reply {
            status: 200,
            content_type: content_type(&key),
            body: page(&key, bytes, served),
            location: None,
        };
    }
    if !key.ends_with("index.html") && served.files.contains_key(&format!("{key}/index.html")) {
        return Reply {
            status: 308,
            content_type: "text/plain; charset=utf-8",
            body: Vec::new(),
            location: Some(format!("{path}/")),
        };
    }
    not_found(served)
}

/// The output path for a decoded request path, or `None` for anything that could leave the
/// site: `..` or `.` segments, backslashes, NUL bytes, drive letters.
fn file_key(path: &str) -> Option<String> {
    if path.contains(['\\', '\0']) || path.contains(':') {
        return None;
    }
    let inner = path.strip_prefix('/')?;
    if inner
        .split('/')
        .any(|segment| segment == ".." || segment == ".")
        || inner.starts_with('/')
    {
        return None;
    }
    if inner.is_empty() || inner.ends_with('/') {
        Some(format!("{inner}index.html"))
    } else {
        Some(inner.to_string())
    }
}

fn not_found(served: &Served) -> Reply {
    let body = served.files.get("404.html").map_or_else(
        || b"Not found.\n".to_vec(),
        |page404| page("404.html", page404, served),
    );
    let content_type = if served.files.contains_key("404.html") {
        "text/html; charset=utf-8"
    } else {
        "text/plain; charset=utf-8"
    };
    Reply {
        status: 404,
        content_type,
        body,
        location: None,
    }
}

fn page(key: &str, bytes: &[u8], served: &Served) -> Vec<u8> {
    if !key.ends_with(".html") {
        return bytes.to_vec();
    }
    let html = String::from_utf8_lossy(bytes);
    inject(&html, served.error.as_deref(), &served.build).into_bytes()
}

/// The live-reload script, and the error overlay when there is one, before `</body>`.
///
/// The script opens the reload stream with the id of the build the page comes from, so
/// the server can tell a page that is already stale when it connects (it loaded just
/// before a rebuild, and connected after the rebuild's reload went out) and reload it
/// at once. `build` is only ever `[0-9a-z.]`, safe in a URL and a script string.
pub fn inject(html: &str, overlay: Option<&str>, build: &str) -> String {
    let mut extra = String::new();
    if let Some(error) = overlay {
        extra.push_str("<div id=\"factsite-error\" role=\"alert\" style=\"position:fixed;inset:0 0 auto 0;max-height:70vh;overflow:auto;z-index:2147483647;background:#2b0a0a;color:#ffe9e9;border-bottom:4px solid #ff6b6b;padding:1rem 1.25rem;font:14px/1.45 ui-monospace,Menlo,Consolas,monospace\"><strong style=\"font:600 15px system-ui,sans-serif\">factsite: the last save did not build. This page is the last good build.</strong><pre style=\"white-space:pre-wrap;margin:.75rem 0 0\">");
        extra.push_str(&escape::html(error));
        extra.push_str("</pre></div>");
    }
    extra.push_str(&format!(
        "<script>(function(){{var s=new EventSource(\"{EVENTS_PATH}?build={build}\");s.onmessage=function(e){{if(e.data===\"reload\"){{s.close();location.reload();}}}};}})();</script>"
    ));
    match html.rfind("</body>") {
        Some(at) => format!("{}{extra}{}", &html[..at], &html[at..]),
        None => format!("{html}{extra}"),
    }
}

/// The `Content-Type` for a file name.
pub fn content_type(name: &str) -> &'static str {
    let extension = name.rsplit_once('.').map_or("", |(_, ext)| ext);
    match extension.to_ascii_lowercase().as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "xml" if name.ends_with("atom.xml") => "application/atom+xml",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        // A BibTeX file (`refs.bib` in `static/`): shown as text when opened in a browser.
        "bib" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "json" => "application/json",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn served(error: Option<&str>) -> Served {
        let files = [
            ("index.html", "<html><body>home</body></html>"),
            ("for/x/index.html", "<html><body>x</body></html>"),
            ("style.abc.css", "body{}"),
            ("atom.xml", "<feed/>"),
            ("404.html", "<html><body>missing</body></html>"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec()))
        .collect();
        Served {
            files,
            error: error.map(str::to_string),
            build: "k2x.7".to_string(),
        }
    }

    #[track_caller]
    fn status(method: &str, target: &str) -> u16 {
        route(method, target, &served(None)).status
    }

    #[test]
    fn serves_built_files_with_content_types() {
        let reply = route("GET", "/for/x/?utm=1", &served(None));
        assert_eq!(
            (reply.status, reply.content_type),
            (200, "text/html; charset=utf-8")
        );
        assert!(
            String::from_utf8(reply.body)
                .unwrap()
                .contains("new EventSource(\"/__factsite/livereload?build=k2x.7\")")
        );
        assert_eq!(
            route("GET", "/style.abc.css", &served(None)).body,
            b"body{}"
        );
        assert_eq!(
            route("HEAD", "/atom.xml", &served(None)).content_type,
            "application/atom+xml"
        );
        assert_eq!(status("GET", "/"), 200);
        // A page's citation files read as text.
        assert_eq!(content_type("for/x/cite.bib"), "text/plain; charset=utf-8");
        assert_eq!(content_type("for/x/cite.json"), "application/json");
    }

    #[test]
    fn redirects_directories_to_their_slash() {
        let reply = route("GET", "/for/x", &served(None));
        assert_eq!(
            (reply.status, reply.location.as_deref()),
            (308, Some("/for/x/"))
        );
    }

    #[test]
    fn never_serves_outside_the_site() {
        for target in [
            "/../site.toml",
            "/for/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/..%2f..%2fetc/passwd",
            "/for/./x/",
            "//etc/passwd",
            "/C:/Windows/win.ini",
            "/for\\..\\..\\x",
            "/%00",
            "/for/x/%2e%2e/%2e%2e/index.html",
        ] {
            assert_eq!(status("GET", target), 404, "{target}");
        }
        assert_eq!(status("GET", "/%zz"), 400);
        assert_eq!(status("GET", "http://evil/"), 400);
        assert_eq!(status("POST", "/"), 405);
        assert_eq!(status("DELETE", "/index.html"), 405);
    }

    #[test]
    fn shows_the_404_page_and_the_overlay() {
        let reply = route("GET", "/nope/", &served(Some("error: <bad> & worse")));
        let body = String::from_utf8(reply.body).unwrap();
        assert_eq!(reply.status, 404);
        assert!(
            body.starts_with("<html><body>missing<div id=\"factsite-error\""),
            "{body}"
        );
        assert!(body.contains("error: &lt;bad&gt; &amp; worse"), "{body}");
    }
}
