//! Live reload: open pages listen on a server-sent event stream and reload on each rebuild.

use std::io::Write;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

/// The pages listening for reloads.
#[derive(Debug, Default)]
pub struct Clients {
    senders: Mutex<Vec<Sender<()>>>,
}

impl Clients {
    /// Registers a listener.
    pub fn subscribe(&self) -> Receiver<()> {
        let (sender, receiver) = channel();
        if let Ok(mut senders) = self.senders.lock() {
            senders.push(sender);
        }
        receiver
    }

    /// Tells every listener to reload, forgetting those that went away.
    pub fn reload(&self) {
        if let Ok(mut senders) = self.senders.lock() {
            senders.retain(|sender| sender.send(()).is_ok());
        }
    }
}

/// Streams events to one page until it goes away: `data: reload` on each rebuild, a comment
/// every 15 seconds to notice closed connections.
pub fn stream(mut writer: impl Write, events: &Receiver<()>) {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n: connected\n\n";
    if writer
        .write_all(head.as_bytes())
        .and_then(|()| writer.flush())
        .is_err()
    {
        return;
    }
    loop {
        let message: &[u8] = match events.recv_timeout(Duration::from_secs(15)) {
            Ok(()) => b"data: reload\n\n",
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
