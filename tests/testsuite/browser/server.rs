//! A static host on loopback: the built site served under a subpath, `dir/` answered
//! with `dir/index.html`, a missing file with `404.html` and status 404, and what is not a
//! page cacheable for ten minutes, as GitHub Pages serves it.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;

use super::PREFIX;

/// Serves a directory under `PREFIX` on loopback, as a static host does: `dir/` answers
/// with `dir/index.html`, and a missing file with `404.html` and status 404.
pub(super) struct StaticServer {
    pub port: u16,
}

impl StaticServer {
    pub(super) fn start(root: &Path) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("address").port();
        let root = root.to_path_buf();
        std::thread::spawn(move || {
            for stream in listener.incoming().map_while(Result::ok) {
                let root = root.clone();
                std::thread::spawn(move || serve_one(&root, stream));
            }
        });
        Self { port }
    }
}

fn serve_one(root: &Path, mut stream: TcpStream) {
    let mut request = Vec::new();
    let mut buffer = [0u8; 4096];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buffer[..n]),
        }
    }
    let request = String::from_utf8_lossy(&request);
    let target = request.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("");
    let file = path
        .strip_prefix(PREFIX)
        .filter(|rest| !rest.split('/').any(|part| part == ".."))
        .map(|rest| {
            let file = root.join(rest);
            if rest.is_empty() || rest.ends_with('/') {
                file.join("index.html")
            } else {
                file
            }
        })
        .filter(|file| file.is_file());
    let (status, file) = match file {
        Some(file) => ("200 OK", file),
        None => ("404 Not Found", root.join("404.html")),
    };
    let body = std::fs::read(&file).unwrap_or_default();
    let kind = factsite::serve::content_type(&file.to_string_lossy());
    // As GitHub Pages does (`max-age=600`), for the stylesheets, fonts and pictures: a
    // page after the first takes them from the browser's cache. Pages are always fetched.
    let cache = if status.starts_with("200") && !kind.starts_with("text/html") {
        "Cache-Control: max-age=600\r\n"
    } else {
        ""
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{cache}Connection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}
