//! Live reload: open pages listen on a server-sent event stream and reload on each rebuild,
//! or at once when the build they were served from is no longer the current one.

use std::io::Write;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, SystemTime};

/// The pages listening for reloads.
#[derive(Debug, Default)]
pub struct Clients {
    senders: Mutex<Vec<Sender<String>>>,
}

/// One page's reload stream: what it waits on, the build it shows, and whether that
/// build is already an old one.
#[derive(Debug)]
pub struct Listener {
    /// The id of each build published from the moment the page connected.
    pub events: Receiver<String>,
    /// The build the page was served from, when it said.
    pub page: Option<String>,
    /// The page comes from an older build than the current one: reload it at once.
    pub stale: bool,
}

impl Clients {
    /// Registers a listener.
    pub fn subscribe(&self) -> Receiver<String> {
        let (sender, receiver) = channel();
        if let Ok(mut senders) = self.senders.lock() {
            senders.push(sender);
        }
        receiver
    }

    /// Tells every listener that build `id` is published, forgetting those that went away.
    pub fn reload(&self, id: &str) {
        if let Ok(mut senders) = self.senders.lock() {
            senders.retain(|sender| sender.send(id.to_string()).is_ok());
        }
    }
}

/// Names the builds of one `serve` process: a part unique to the process (its start time
/// and id) and a count, so a page left open from an earlier `serve` is stale as well.
#[derive(Debug)]
pub struct BuildIds {
    session: String,
    count: u64,
}

impl Default for BuildIds {
    fn default() -> Self {
        let started = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        Self {
            session: format!(
                "{}{}",
                base36(u128::from(std::process::id())),
                base36(started)
            ),
            count: 0,
        }
    }
}

impl BuildIds {
    /// The id of the next build: only `[0-9a-z.]`.
    pub fn next(&mut self) -> String {
        self.count += 1;
        format!("{}.{}", self.session, self.count)
    }
}

fn base36(mut n: u128) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[usize::try_from(n % 36).unwrap_or(0)]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The build id a page sent with its request for the stream (`?build=ID`), if any.
pub fn page_build(target: &str) -> Option<&str> {
    let (_, query) = target.split_once('?')?;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("build="))
        .filter(|id| !id.is_empty())
}

/// Streams events to one page until it goes away: `data: reload` at once if the page is
/// stale, then on each build published other than the page's own (a page served in the
/// instant between a build's publication and its announcement already shows it), and a
/// comment every 15 seconds to notice closed connections.
pub fn stream(mut writer: impl Write, listener: &Listener) {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n: connected\n\n";
    let first = if listener.stale {
        format!("{head}data: reload\n\n")
    } else {
        head.to_string()
    };
    if writer
        .write_all(first.as_bytes())
        .and_then(|()| writer.flush())
        .is_err()
    {
        return;
    }
    loop {
        let message: &[u8] = match listener.events.recv_timeout(Duration::from_secs(15)) {
            Ok(id) if listener.page.as_ref() == Some(&id) => continue,
            Ok(_) => b"data: reload\n\n",
            Err(RecvTimeoutError::Timeout) => b": ping\n\n",
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if writer
            .write_all(message)
            .and_then(|()| writer.flush())
            .is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_build_id_a_page_sends() {
        assert_eq!(
            page_build("/__factsite/livereload?build=a1.3"),
            Some("a1.3")
        );
        assert_eq!(
            page_build("/__factsite/livereload?x=1&build=b.2"),
            Some("b.2")
        );
        assert_eq!(page_build("/__factsite/livereload"), None);
        assert_eq!(page_build("/__factsite/livereload?build="), None);
    }

    #[test]
    fn names_builds_uniquely_in_url_safe_characters() {
        let mut ids = BuildIds::default();
        let (first, second) = (ids.next(), ids.next());
        assert_ne!(first, second);
        assert!(
            first.ends_with(".1") && second.ends_with(".2"),
            "{first} {second}"
        );
        assert!(
            first
                .bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase() || b == b'.'),
            "{first}"
        );
        assert_eq!(base36(0), "0");
        assert_eq!(base36(36 * 36 + 35), "10z");
    }

    /// What `stream` writes after its head for these builds published, to a page served
    /// from build `page`.
    fn streamed(page: Option<&str>, stale: bool, published: &[&str]) -> String {
        let (sender, events) = channel();
        for id in published {
            sender.send((*id).to_string()).unwrap();
        }
        drop(sender);
        let mut out = Vec::new();
        let listener = Listener {
            events,
            page: page.map(str::to_string),
            stale,
        };
        stream(&mut out, &listener);
        let text = String::from_utf8(out).unwrap();
        text.split_once(": connected\n\n").unwrap().1.to_string()
    }

    #[test]
    fn reloads_a_page_for_every_build_but_its_own() {
        assert_eq!(streamed(Some("s.1"), true, &[]), "data: reload\n\n");
        assert_eq!(streamed(Some("s.2"), false, &["s.2"]), "");
        assert_eq!(
            streamed(Some("s.2"), false, &["s.2", "s.3"]),
            "data: reload\n\n"
        );
        assert_eq!(streamed(None, false, &["s.2"]), "data: reload\n\n");
    }
}
