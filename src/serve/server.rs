//! The HTTP/1.1 server: a thread per connection, at most [`MAX_CONNECTIONS`] at once,
//! every request head bounded by [`super::request`], keep-alive and pipelining.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

use crate::content::date::Date;

use super::http::Reply;
use super::reload::Listener;
use super::request::{Head, Incoming, MAX_BODY, Reader};

/// The most connections served at once (nginx's default `worker_connections`); past
/// it a client gets 503 at once rather than a thread.
pub const MAX_CONNECTIONS: usize = 512;
/// The most requests on one keep-alive connection (nginx's `keepalive_requests`).
const MAX_REQUESTS: usize = 1000;
/// How long a write may wait for a client that does not read.
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);
/// After refusing a request, how long its remaining bytes are read and dropped, so the
/// answer reaches the client before the connection closes (nginx's lingering close).
const LINGER: Duration = Duration::from_secs(2);
/// The stack of a connection's thread: it only routes and copies bytes.
const STACK: usize = 256 * 1024;

/// What the site answers to one request.
pub enum Answer {
    /// A reply to send.
    Reply(Reply),
    /// A live-reload event stream for one page.
    Events(Listener),
}

/// Answers requests: method and target in, an [`Answer`] out.
pub type Handler = dyn Fn(&str, &str) -> Answer + Send + Sync;

/// Accepts connections until the listener fails for good.
pub fn run(listener: &TcpListener, handler: &Arc<Handler>) {
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(stream) = stream else {
            // Out of file descriptors, or a connection reset before it was accepted.
            std::thread::sleep(Duration::from_millis(5));
            continue;
        };
        if open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            open.fetch_sub(1, Ordering::SeqCst);
            busy(stream);
            continue;
        }
        let handler = Arc::clone(handler);
        let counted = Arc::clone(&open);
        let spawned = std::thread::Builder::new()
            .stack_size(STACK)
            .spawn(move || {
                connection(stream, handler.as_ref());
                counted.fetch_sub(1, Ordering::SeqCst);
            });
        if spawned.is_err() {
            open.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

fn busy(mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
    let reply = Reply::text(503, "Too many connections; try again.\n");
    let _ = write_reply(&mut stream, &reply, false, true);
}

/// Serves one connection: requests one after another until either side closes.
fn connection(stream: TcpStream, handler: &Handler) {
    let _ = stream.set_nodelay(true);
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let mut reader = Reader::new(stream);
    for served in 1..=MAX_REQUESTS {
        let head = match reader.head() {
            Ok(Incoming::Request(head)) => head,
            Ok(Incoming::Closed) | Err(_) => return,
            Ok(Incoming::Refused(status, message)) => {
                return refuse(reader.source(), status, message);
            }
        };
        if head.chunked {
            return refuse(
                reader.source(),
                501,
                "Request bodies with a Transfer-Encoding are not supported.\n",
            );
        }
        if head.body > MAX_BODY {
            return refuse(reader.source(), 413, "The request body is too large.\n");
        }
        if head.body > 0 && reader.discard(head.body).is_err() {
            return;
        }
        let keep_alive = head.keep_alive && served < MAX_REQUESTS;
        if !answer(reader.source(), &head, keep_alive, handler) || !keep_alive {
            return;
        }
    }
}

/// Answers one request; `false` when the connection cannot carry another.
fn answer(stream: &mut TcpStream, head: &Head, keep_alive: bool, handler: &Handler) -> bool {
    match handler(&head.method, &head.target) {
        Answer::Reply(reply) => {
            write_reply(stream, &reply, head.method == "HEAD", !keep_alive).is_ok()
        }
        Answer::Events(listener) => {
            super::reload::stream(&mut *stream, &listener);
            false
        }
    }
}

/// Answers a refused request and closes the connection, reading what the client still
/// sends for a moment so the answer is not lost to a reset.
fn refuse(stream: &mut TcpStream, status: u16, message: &str) {
    if write_reply(stream, &Reply::text(status, message), false, true).is_err() {
        return;
    }
    let _ = stream.shutdown(Shutdown::Write);
    let until = Instant::now() + LINGER;
    let mut sink = [0u8; 16 * 1024];
    while let Some(left) = until.checked_duration_since(Instant::now()) {
        if stream
            .set_read_timeout(Some(left.min(Duration::from_millis(500))))
            .is_err()
        {
            return;
        }
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
    }
}

/// Writes a reply: status line, headers, and the body unless `head_only`.
pub fn write_reply(
    stream: &mut impl Write,
    reply: &Reply,
    head_only: bool,
    close: bool,
) -> io::Result<()> {
    let mut out = format!(
        "HTTP/1.1 {} {}\r\nDate: {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n",
        reply.status,
        reason(reply.status),
        http_date(SystemTime::now()),
        reply.content_type,
        reply.body.len()
    );
    if let Some(location) = &reply.location {
        out.push_str(&format!("Location: {location}\r\n"));
    }
    if reply.status == 405 {
        out.push_str("Allow: GET, HEAD\r\n");
    }
    if close {
        out.push_str("Connection: close\r\n");
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    if !head_only {
        bytes.extend_from_slice(&reply.body);
    }
    stream.write_all(&bytes)?;
    stream.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// `Sun, 06 Nov 1994 08:49:37 GMT`, the date format of HTTP.
fn http_date(now: SystemTime) -> String {
    let seconds = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    let time = seconds % 86_400;
    let date = Date::from_days(days);
    const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{}, {:02} {} {} {:02}:{:02}:{:02} GMT",
        WEEKDAYS[usize::try_from(days.rem_euclid(7)).unwrap_or(0)],
        date.day(),
        MONTHS[usize::from(date.month().clamp(1, 12)) - 1],
        date.year(),
        time / 3600,
        time % 3600 / 60,
        time % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_http_dates() {
        let at = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777);
        assert_eq!(http_date(at), "Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(
            http_date(SystemTime::UNIX_EPOCH),
            "Thu, 01 Jan 1970 00:00:00 GMT"
        );
    }

    #[test]
    fn writes_replies_with_lengths_and_no_body_for_head() {
        let reply = Reply::text(405, "no\n");
        let mut out = Vec::new();
        write_reply(&mut out, &reply, true, true).expect("write");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(
            text.starts_with("HTTP/1.1 405 Method Not Allowed\r\n"),
            "{text}"
        );
        assert!(text.contains("\r\nContent-Length: 3\r\n"), "{text}");
        assert!(text.contains("\r\nAllow: GET, HEAD\r\n"), "{text}");
        assert!(text.ends_with("Connection: close\r\n\r\n"), "{text}");
    }
}
