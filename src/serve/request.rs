//! Reading request heads from a connection within fixed limits, the way nginx bounds
//! them: nothing a client sends is buffered past a few kilobytes or waited for forever.

use std::io::{self, Read};
use std::time::{Duration, Instant};

/// The longest request line (method, target, version): nginx's
/// `large_client_header_buffers 4 8k` allows 8 KiB. Longer gets 414.
pub const MAX_REQUEST_LINE: usize = 8 * 1024;
/// The longest header line, 8 KiB as in nginx. Longer gets 431.
pub const MAX_HEADER_LINE: usize = 8 * 1024;
/// The whole head, request line and headers: nginx's four 8 KiB buffers. More gets 431.
pub const MAX_HEAD: usize = 32 * 1024;
/// The most header fields in one request. More gets 431.
pub const MAX_HEADERS: usize = 100;
/// The largest request body read (and thrown away): nginx's `client_max_body_size 1m`.
/// Larger gets 413.
pub const MAX_BODY: u64 = 1024 * 1024;
/// How long a client has to send a whole request head, counted from when the server
/// starts waiting for it (nginx's `client_header_timeout` is 60 s; a development server
/// on loopback needs less). An idle keep-alive connection is closed after as long.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(30);

/// A connection the reader can bound in time.
pub trait Source: Read {
    /// Makes the next read give up after `limit`.
    fn wait_at_most(&mut self, limit: Duration) -> io::Result<()>;
}

impl Source for std::net::TcpStream {
    fn wait_at_most(&mut self, limit: Duration) -> io::Result<()> {
        self.set_read_timeout(Some(limit.max(Duration::from_millis(1))))
    }
}

/// One parsed request head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// `GET`, `HEAD`, ...
    pub method: String,
    /// The request target as sent (`/for/x/?a=1`).
    pub target: String,
    /// Whether the connection may carry another request after this one.
    pub keep_alive: bool,
    /// The body's length from `Content-Length` (0 without one).
    pub body: u64,
    /// Whether the body is sent with a `Transfer-Encoding` (its length unknown).
    pub chunked: bool,
}

/// What reading a head gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incoming {
    /// A request.
    Request(Head),
    /// The client closed or went quiet before starting a request: close without a word.
    Closed,
    /// A request that is refused with this status and message; the connection is then
    /// closed.
    Refused(u16, &'static str),
}

/// A connection's incoming bytes, with what was read past the last head kept for the next
/// request (pipelining).
#[derive(Debug)]
pub struct Reader<S> {
    source: S,
    buffer: Vec<u8>,
}

impl<S: Source> Reader<S> {
    /// A reader on a fresh connection.
    pub fn new(source: S) -> Self {
        Self {
            source,
            buffer: Vec::with_capacity(4096),
        }
    }

    /// The connection, to write the answer.
    pub fn source(&mut self) -> &mut S {
        &mut self.source
    }

    /// Reads the next request head, within the size limits and [`HEAD_TIMEOUT`].
    pub fn head(&mut self) -> io::Result<Incoming> {
        let deadline = Instant::now() + HEAD_TIMEOUT;
        let mut chunk = [0u8; 4096];
        let mut parse = !self.buffer.is_empty();
        loop {
            if parse && let Some(read) = self.parse() {
                return Ok(read);
            }
            let Some(left) = deadline.checked_duration_since(Instant::now()) else {
                return Ok(self.timed_out());
            };
            self.source.wait_at_most(left)?;
            let room = (MAX_HEAD + 1 - self.buffer.len()).min(chunk.len());
            match self.source.read(&mut chunk[..room]) {
                Ok(0) => return Ok(Incoming::Closed),
                Ok(n) => {
                    parse = chunk[..n].contains(&b'\n') || self.buffer.len() + n > MAX_HEAD;
                    self.buffer.extend_from_slice(&chunk[..n]);
                    if !parse && let Some(refused) = self.too_long() {
                        return Ok(refused);
                    }
                }
                Err(error) if timed_out(&error) => return Ok(self.timed_out()),
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) if gone(&error) => return Ok(Incoming::Closed),
                Err(error) => return Err(error),
            }
        }
    }

    /// Reads and drops a body of `length` bytes (at most [`MAX_BODY`]).
    pub fn discard(&mut self, length: u64) -> io::Result<()> {
        let buffered = self
            .buffer
            .len()
            .min(usize::try_from(length).unwrap_or(usize::MAX));
        self.buffer.drain(..buffered);
        let rest = length - buffered as u64;
        self.source.wait_at_most(HEAD_TIMEOUT)?;
        let copied = io::copy(&mut (&mut self.source).take(rest), &mut io::sink())?;
        if copied < rest {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the body ended early",
            ));
        }
        Ok(())
    }

    fn timed_out(&self) -> Incoming {
        if self.buffer.iter().all(u8::is_ascii_whitespace) {
            Incoming::Closed
        } else {
            Incoming::Refused(408, "The request took too long to arrive.\n")
        }
    }

    /// A line that is already longer than allowed, before the head is complete.
    fn too_long(&self) -> Option<Incoming> {
        let mut lines = self.buffer.split(|&b| b == b'\n');
        let first = lines.next().unwrap_or_default();
        if first.len() > MAX_REQUEST_LINE {
            return Some(Incoming::Refused(414, "The request line is too long.\n"));
        }
        if lines.any(|line| line.len() > MAX_HEADER_LINE) {
            return Some(Incoming::Refused(
                431,
                "A request header field is too long.\n",
            ));
        }
        None
    }

    /// Parses the buffered bytes: a head, a refusal, or `None` to read more.
    fn parse(&mut self) -> Option<Incoming> {
        let mut fields = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut request = httparse::Request::new(&mut fields);
        match request.parse(&self.buffer) {
            Ok(httparse::Status::Complete(length)) => {
                if let Some(refused) = self.too_long_within(length) {
                    return Some(refused);
                }
                let read = head(&request);
                self.buffer.drain(..length);
                Some(read)
            }
            Ok(httparse::Status::Partial) => self.too_long().or_else(|| {
                (self.buffer.len() > MAX_HEAD).then_some(Incoming::Refused(
                    431,
                    "The request headers are too large.\n",
                ))
            }),
            Err(httparse::Error::TooManyHeaders) => Some(Incoming::Refused(
                431,
                "The request has too many header fields.\n",
            )),
            Err(_) => Some(Incoming::Refused(400, "Bad request.\n")),
        }
    }

    fn too_long_within(&self, length: usize) -> Option<Incoming> {
        let head = &self.buffer[..length];
        let start = head
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(0);
        let mut lines = head[start..].split(|&b| b == b'\n');
        if lines
            .next()
            .is_some_and(|line| line.len() > MAX_REQUEST_LINE)
        {
            return Some(Incoming::Refused(414, "The request line is too long.\n"));
        }
        lines
            .any(|line| line.len() > MAX_HEADER_LINE)
            .then_some(Incoming::Refused(
                431,
                "A request header field is too long.\n",
            ))
    }
}

/// The head of a complete request, or why it is refused.
fn head(request: &httparse::Request) -> Incoming {
    let (Some(method), Some(target), Some(version)) =
        (request.method, request.path, request.version)
    else {
        return Incoming::Refused(400, "Bad request.\n");
    };
    let mut close = version == 0;
    let mut length: Option<u64> = None;
    let mut chunked = false;
    for field in request.headers.iter() {
        let value = String::from_utf8_lossy(field.value);
        if field.name.eq_ignore_ascii_case("connection") {
            for token in value.split(',').map(str::trim) {
                if token.eq_ignore_ascii_case("close") {
                    close = true;
                } else if token.eq_ignore_ascii_case("keep-alive") {
                    close = false;
                }
            }
        } else if field.name.eq_ignore_ascii_case("content-length") {
            let parsed = value
                .trim()
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| value.trim().parse::<u64>().ok())
                .flatten();
            match (parsed, length) {
                (Some(n), None) => length = Some(n),
                (Some(n), Some(m)) if n == m => {}
                _ => return Incoming::Refused(400, "Bad request: malformed Content-Length.\n"),
            }
        } else if field.name.eq_ignore_ascii_case("transfer-encoding") {
            chunked = true;
        }
    }
    if chunked && length.is_some() {
        return Incoming::Refused(
            400,
            "Bad request: both Content-Length and Transfer-Encoding.\n",
        );
    }
    Incoming::Request(Head {
        method: method.to_string(),
        target: target.to_string(),
        keep_alive: !close,
        body: length.unwrap_or(0),
        chunked,
    })
}

fn timed_out(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

fn gone(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::BrokenPipe
            | io::ErrorKind::UnexpectedEof
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes arriving in the given pieces, as a client would send them.
    struct Pieces(Vec<Vec<u8>>);

    impl Read for Pieces {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let Some(piece) = self.0.first_mut() else {
                return Ok(0);
            };
            let n = piece.len().min(out.len());
            out[..n].copy_from_slice(&piece[..n]);
            piece.drain(..n);
            if piece.is_empty() {
                self.0.remove(0);
            }
            Ok(n)
        }
    }

    impl Source for Pieces {
        fn wait_at_most(&mut self, _: Duration) -> io::Result<()> {
            Ok(())
        }
    }

    fn reader(pieces: &[&[u8]]) -> Reader<Pieces> {
        Reader::new(Pieces(pieces.iter().map(|p| p.to_vec()).collect()))
    }

    #[track_caller]
    fn one(bytes: &[u8]) -> Incoming {
        reader(&[bytes]).head().expect("read")
    }

    #[test]
    fn reads_pipelined_requests_in_pieces() {
        let mut reader = reader(&[
            b"GET /a HTTP/1.1\r\nHo",
            b"st: x\r\n\r\nHEAD /b HTTP/1.0\r\n\r\nGET /c HTTP/1.1\r\nConnection: close\r\n\r\n",
        ]);
        let mut heads = Vec::new();
        while let Incoming::Request(head) = reader.head().expect("read") {
            heads.push((head.method, head.target, head.keep_alive));
        }
        assert_eq!(
            heads,
            [
                ("GET".into(), "/a".into(), true),
                ("HEAD".into(), "/b".into(), false),
                ("GET".into(), "/c".into(), false),
            ]
        );
    }

    #[test]
    fn refuses_heads_past_their_limits() {
        let long_target = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(MAX_REQUEST_LINE));
        assert_eq!(
            one(long_target.as_bytes()),
            Incoming::Refused(414, "The request line is too long.\n")
        );
        let long_field = format!(
            "GET / HTTP/1.1\r\nX: {}\r\n\r\n",
            "a".repeat(MAX_HEADER_LINE)
        );
        assert_eq!(
            one(long_field.as_bytes()),
            Incoming::Refused(431, "A request header field is too long.\n")
        );
        let many = format!(
            "GET / HTTP/1.1\r\n{}\r\n",
            "X: 1\r\n".repeat(MAX_HEADERS + 1)
        );
        assert_eq!(
            one(many.as_bytes()),
            Incoming::Refused(431, "The request has too many header fields.\n")
        );
        let large = format!(
            "GET / HTTP/1.1\r\n{}\r\n",
            format!("X: {}\r\n", "a".repeat(4000)).repeat(9)
        );
        assert_eq!(
            one(large.as_bytes()),
            Incoming::Refused(431, "The request headers are too large.\n")
        );
        assert_eq!(
            one(b"GARBAGE\r\n\r\n"),
            Incoming::Refused(400, "Bad request.\n")
        );
        assert_eq!(
            one(b"POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"),
            Incoming::Refused(400, "Bad request: malformed Content-Length.\n")
        );
    }

    // A header line with no end is refused as soon as it passes the limit: the rest of a
    // 128 MB line is never buffered.
    #[test]
    fn stops_reading_an_endless_line_at_the_limit() {
        let endless = vec![b'a'; 1024 * 1024];
        let mut field = reader(&[b"GET / HTTP/1.1\r\nX: ", &endless]);
        assert_eq!(
            field.head().expect("read"),
            Incoming::Refused(431, "A request header field is too long.\n")
        );
        assert!(
            field.buffer.len() <= MAX_HEADER_LINE + 4096,
            "{}",
            field.buffer.len()
        );
        let mut line = reader(&[b"GET /", &endless]);
        assert_eq!(
            line.head().expect("read"),
            Incoming::Refused(414, "The request line is too long.\n")
        );
        assert!(line.buffer.len() <= MAX_REQUEST_LINE + 4096);
    }

    #[test]
    fn reads_lengths_and_closes_quietly_on_eof() {
        let Incoming::Request(head) = one(b"POST /x HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello")
        else {
            panic!("a request");
        };
        assert_eq!((head.body, head.chunked), (5, false));
        assert_eq!(one(b""), Incoming::Closed);
        assert_eq!(one(b"GET / HTT"), Incoming::Closed);
        let mut reader =
            reader(&[b"POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET /next HTTP/1.1\r\n\r\n"]);
        assert!(matches!(reader.head().expect("read"), Incoming::Request(_)));
        reader.discard(3).expect("discard");
        assert!(
            matches!(reader.head().expect("read"), Incoming::Request(h) if h.target == "/next")
        );
    }
}
