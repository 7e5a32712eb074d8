//! Where `serve` listens and the URL its pages are built for: the port it takes and why,
//! and what `--base-url` means while serving.

use std::io::ErrorKind;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener};

use anyhow::Context;

use crate::content::config::normalize_base_url;

/// The port tried first.
pub const DEFAULT_PORT: u16 = 1111;
/// The ports tried, in order, when [`DEFAULT_PORT`] is in use; then any free port.
const NEXT_PORTS: std::ops::RangeInclusive<u16> = 1112..=1130;

/// A listening socket, and a line telling why it is not on the port asked for.
#[derive(Debug)]
pub struct Bound {
    /// The socket.
    pub listener: TcpListener,
    /// Set when the port is not the default one or the one asked for.
    pub note: Option<String>,
}

/// Listens on `interface`: on `port` if given (it must be free; 0 is any free port),
/// else on 1111, or when 1111 is in use the next free port from 1112 to 1130, else any.
pub fn bind(interface: &str, port: Option<u16>) -> anyhow::Result<Bound> {
    let named = if interface.eq_ignore_ascii_case("localhost") {
        "127.0.0.1"
    } else {
        interface
    };
    let ip: IpAddr = named.parse().map_err(|_| {
        anyhow::anyhow!(
            "--interface `{interface}` is not an IP address\nhelp: use 127.0.0.1 (this machine only, the default), 0.0.0.0 (every interface) or one of this machine's addresses"
        )
    })?;
    let listen = |port: u16| TcpListener::bind(SocketAddr::new(ip, port));
    let refused = |port: u16, error: std::io::Error| {
        let help = match error.kind() {
            ErrorKind::AddrInUse => {
                "another program (perhaps another factsite serve) uses that port: stop it, or choose another with --port (--port 0 picks any free port)"
            }
            ErrorKind::AddrNotAvailable => {
                "--interface must be an address of this machine (127.0.0.1, or 0.0.0.0 for every interface)"
            }
            _ => "choose another port with --port (ports below 1024 need privileges)",
        };
        anyhow::anyhow!(
            "cannot listen on {}: {}\nhelp: {help}",
            SocketAddr::new(ip, port),
            describe(&error)
        )
    };
    if let Some(port) = port {
        let listener = listen(port).map_err(|error| refused(port, error))?;
        return Ok(Bound {
            listener,
            note: None,
        });
    }
    let busy = match listen(DEFAULT_PORT) {
        Ok(listener) => {
            return Ok(Bound {
                listener,
                note: None,
            });
        }
        Err(error) if error.kind() == ErrorKind::AddrInUse => error,
        Err(error) => return Err(refused(DEFAULT_PORT, error)),
    };
    let listener = NEXT_PORTS
        .filter_map(|port| listen(port).ok())
        .next()
        .map_or_else(|| listen(0), Ok)
        .map_err(|error| refused(0, error))?;
    let taken = listener
        .local_addr()
        .context("the server has no address")?
        .port();
    Ok(Bound {
        listener,
        note: Some(format!(
            "Port {DEFAULT_PORT} is {} (perhaps by another factsite serve), so this one serves on port {taken}; choose a port with --port.",
            describe(&busy)
        )),
    })
}

/// An I/O error as a phrase: `in use` rather than `Address in use (os error 98)`.
fn describe(error: &std::io::Error) -> String {
    match error.kind() {
        ErrorKind::AddrInUse => "in use".to_string(),
        ErrorKind::PermissionDenied => "not allowed (permission denied)".to_string(),
        _ => error.to_string(),
    }
}

/// The URL to open in a browser: an unspecified interface (0.0.0.0, ::) is reached on
/// loopback.
pub fn browse_url(address: SocketAddr) -> String {
    let ip = match address.ip() {
        IpAddr::V4(v4) if v4.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(v6) if v6.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}/", SocketAddr::new(ip, address.port()))
}

/// The `base_url` the served pages are built with. Without `--base-url`, the address
/// served ([`browse_url`]). With it, as in Zola: `http://` is added when no scheme is
/// given and, unless `port_append` is off, the served port when the URL names none
/// (`-u 192.168.1.20` serving on 1111 gives `http://192.168.1.20:1111/`). A path is
/// refused: serve always serves the site from `/`.
pub fn base_url(
    served: SocketAddr,
    given: Option<&str>,
    port_append: bool,
) -> Result<String, String> {
    let Some(given) = given.map(str::trim) else {
        return Ok(browse_url(served));
    };
    let with_scheme = if given.contains("://") {
        given.to_string()
    } else {
        format!("http://{given}")
    };
    let (scheme, rest) = with_scheme.split_once("://").unwrap_or(("http", given));
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    if !path.trim_end_matches('/').is_empty() {
        return Err(format!(
            "--base-url: serve serves the site from `/`, so its base URL takes no path, found `{given}`\nhelp: give a host (and a port if you like), such as `-u 192.168.1.20`; to check the site under a path, build it with `factsite build -u {given}`"
        ));
    }
    let names_port = authority
        .rsplit_once(':')
        .is_some_and(|(_, port)| !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()));
    let url = if port_append && !names_port {
        format!("{scheme}://{authority}:{}/", served.port())
    } else {
        format!("{scheme}://{authority}/")
    };
    normalize_base_url(&url).map_err(|message| format!("--base-url: {message}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn served() -> SocketAddr {
        "127.0.0.1:1111".parse().unwrap()
    }

    #[track_caller]
    fn case(given: Option<&str>, port_append: bool, expected: &str) {
        assert_eq!(
            base_url(served(), given, port_append).as_deref(),
            Ok(expected),
            "{given:?}"
        );
    }

    #[test]
    fn builds_the_serve_base_url_as_zola_does() {
        case(None, true, "http://127.0.0.1:1111/");
        case(Some("192.168.1.20"), true, "http://192.168.1.20:1111/");
        case(Some("laptop.local"), false, "http://laptop.local/");
        case(
            Some("https://dev.example.org"),
            true,
            "https://dev.example.org:1111/",
        );
        case(
            Some("http://dev.example.org:8080/"),
            true,
            "http://dev.example.org:8080/",
        );
        case(Some("[::1]"), true, "http://[::1]:1111/");
    }

    #[test]
    fn refuses_a_path_or_a_bad_url() {
        let error = base_url(served(), Some("https://example.org/kpdh/"), true).unwrap_err();
        assert!(
            error.starts_with("--base-url: serve serves the site from `/`, so its base URL takes no path, found `https://example.org/kpdh/`"),
            "{error}"
        );
        let error = base_url(served(), Some("ftp://example.org"), true).unwrap_err();
        assert!(
            error.contains("must start with https:// or http://"),
            "{error}"
        );
    }

    #[test]
    fn browses_an_unspecified_interface_on_loopback() {
        assert_eq!(
            browse_url("0.0.0.0:1111".parse().unwrap()),
            "http://127.0.0.1:1111/"
        );
        assert_eq!(browse_url("[::]:80".parse().unwrap()), "http://[::1]:80/");
    }

    #[test]
    fn moves_off_a_busy_default_port_and_says_why() {
        // Held for the test; if something else already holds it, the case is the same.
        let _taken = TcpListener::bind(("127.0.0.1", DEFAULT_PORT));
        let bound = bind("127.0.0.1", None).unwrap();
        let port = bound.listener.local_addr().unwrap().port();
        assert_ne!(port, DEFAULT_PORT);
        assert_eq!(
            bound.note.unwrap(),
            format!(
                "Port 1111 is in use (perhaps by another factsite serve), so this one serves on port {port}; choose a port with --port."
            )
        );
        let error = bind("127.0.0.1", Some(DEFAULT_PORT))
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("cannot listen on 127.0.0.1:1111: in use\nhelp: another program"),
            "{error}"
        );
    }
}
