//! URLs as the client sends them (no fragment, non-ASCII percent-encoded) and the host a
//! URL belongs to, for the limits per host.

/// The URL to request: the fragment dropped (it is never sent) and every byte outside
/// printable ASCII, or a character a request line cannot carry, percent-encoded
/// (`/wiki/케이팝` becomes `/wiki/%EC%BC%80...`).
pub fn request_url(url: &str) -> String {
    let without_fragment = url.split('#').next().unwrap_or(url);
    let mut out = String::with_capacity(without_fragment.len());
    crate::escape::push_percent_encoded(&mut out, without_fragment, |byte| {
        byte.is_ascii_graphic()
            && !matches!(
                byte,
                b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}'
            )
    });
    out
}

/// The host of an `http(s)://` URL, lower case, without user, port or path: what the
/// politeness limits count by.
pub fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let authority = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(v6),
        None => authority.split(':').next().unwrap_or(authority),
    };
    host.to_ascii_lowercase()
}

/// Whether two URLs name the same page, up to what a server changes without moving it:
/// `http` to `https`, a `www.` prefix, a trailing slash, the fragment, the host's case.
pub fn same_page(a: &str, b: &str) -> bool {
    key(a) == key(b)
}

fn key(url: &str) -> (String, String) {
    let url = url.split('#').next().unwrap_or(url);
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let (authority, path) = rest
        .find(['/', '?'])
        .map_or((rest, ""), |at| (&rest[..at], &rest[at..]));
    let host = authority.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    let path = path.strip_suffix('/').unwrap_or(path);
    (host, path.replace("/?", "?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_what_a_request_line_cannot_carry() {
        assert_eq!(
            request_url("https://ko.example.org/wiki/케이#top"),
            "https://ko.example.org/wiki/%EC%BC%80%EC%9D%B4"
        );
        assert_eq!(
            request_url("http://127.0.0.1:8080/a?b=c|d"),
            "http://127.0.0.1:8080/a?b=c%7Cd"
        );
        assert_eq!(request_url("https://x.org/%20ok"), "https://x.org/%20ok");
    }

    #[test]
    fn finds_the_host() {
        assert_eq!(host("https://WWW.Example.org:8443/a/b"), "www.example.org");
        assert_eq!(host("http://user:pw@127.0.0.1:9/x"), "127.0.0.1");
        assert_eq!(host("http://localhost?x"), "localhost");
        assert_eq!(host("http://[::1]:80/"), "::1");
    }

    #[test]
    fn tells_a_move_from_a_tidy_up() {
        assert!(same_page(
            "http://example.org/a",
            "https://www.example.org/a/"
        ));
        assert!(same_page(
            "https://example.org/a#x",
            "https://EXAMPLE.org/a"
        ));
        assert!(!same_page("https://example.org/a", "https://example.org/b"));
        assert!(!same_page("https://example.org/a", "https://example.com/a"));
        assert!(!same_page(
            "https://example.org/story/1",
            "https://example.org/"
        ));
    }
}
