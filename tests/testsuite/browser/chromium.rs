//! Headless Chromium with one tab, driven over the DevTools protocol: load a page at a
//! width, in light or dark, on screen or as printed; run a script; print to PDF.

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tungstenite::{Message, WebSocket};

/// The colour scheme a page is shown in (`prefers-color-scheme`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scheme {
    Light,
    Dark,
}

/// How a page is looked at: viewport width, colour scheme, and screen or print media.
#[derive(Debug, Clone, Copy)]
pub(super) struct View {
    pub width: u32,
    pub scheme: Scheme,
    pub print: bool,
}

impl View {
    /// A screen of `width` CSS pixels in light mode.
    pub(super) fn screen(width: u32) -> Self {
        Self {
            width,
            scheme: Scheme::Light,
            print: false,
        }
    }

    /// `320 px dark`, `1440 px`, `print`: how failures name the view.
    pub(super) fn name(&self) -> String {
        match (self.print, self.scheme) {
            (true, _) => "print".to_string(),
            (false, Scheme::Light) => format!("{} px", self.width),
            (false, Scheme::Dark) => format!("{} px dark", self.width),
        }
    }
}

pub(super) struct Browser {
    child: Child,
    _profile: tempfile::TempDir,
    socket: WebSocket<TcpStream>,
    session: String,
    next_id: u64,
    /// Events read while waiting for a command's answer.
    pending: Vec<Value>,
}

impl Browser {
    /// Starts Chromium, or returns `None` (having said why) when it is not installed and
    /// not required.
    pub(super) fn start() -> Option<Self> {
        let program = ["chromium", "chromium-browser", "google-chrome"]
            .into_iter()
            .find(|p| {
                Command::new(p)
                    .arg("--version")
                    .output()
                    .is_ok_and(|o| o.status.success())
            });
        let Some(program) = program else {
            assert!(
                std::env::var_os("FACTSITE_REQUIRE_BROWSER").is_none(),
                "FACTSITE_REQUIRE_BROWSER is set but Chromium is not installed (apt-get install chromium)"
            );
            eprintln!("skipped: Chromium is not installed (apt-get install chromium)");
            return None;
        };
        let profile = tempfile::tempdir().expect("profile dir");
        let mut child = Command::new(program)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start Chromium");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(url) = line.strip_prefix("DevTools listening on ") {
                    let _ = tx.send(url.trim().to_string());
                }
            }
        });
        let url = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("Chromium printed its DevTools address");
        let address = url
            .strip_prefix("ws://")
            .and_then(|rest| rest.split('/').next())
            .expect("a ws:// address")
            .to_string();
        let stream = TcpStream::connect(&address).expect("connect to DevTools");
        stream
            .set_read_timeout(Some(Duration::from_secs(120)))
            .expect("read timeout");
        let (socket, _) = tungstenite::client(url.as_str(), stream).expect("DevTools handshake");
        let mut browser = Self {
            child,
            _profile: profile,
            socket,
            session: String::new(),
            next_id: 0,
            pending: Vec::new(),
        };
        let target = browser.call("Target.createTarget", json!({ "url": "about:blank" }));
        let target_id = target["targetId"].clone();
        let attached = browser.call(
            "Target.attachToTarget",
            json!({ "targetId": target_id, "flatten": true }),
        );
        browser.session = attached["sessionId"]
            .as_str()
            .expect("session id")
            .to_string();
        for domain in [
            "Page.enable",
            "Runtime.enable",
            "Log.enable",
            "Network.enable",
        ] {
            browser.call(domain, json!({}));
        }
        Some(browser)
    }

    /// Sends a command (to the tab once attached) and returns its result.
    pub(super) fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({ "id": id, "method": method, "params": params });
        if !self.session.is_empty() {
            message["sessionId"] = json!(self.session);
        }
        self.socket
            .send(Message::text(message.to_string()))
            .expect("send to DevTools");
        loop {
            let message = self.read();
            if message["id"] == json!(id) {
                assert!(message.get("error").is_none(), "{method}: {message}");
                return message["result"].clone();
            }
            self.pending.push(message);
        }
    }

    fn read(&mut self) -> Value {
        loop {
            match self.socket.read().expect("read from DevTools") {
                Message::Text(text) => {
                    return serde_json::from_str(text.as_str()).expect("DevTools sends JSON");
                }
                Message::Close(_) => panic!("DevTools closed the connection"),
                _ => {}
            }
        }
    }

    /// Starts loading `url` in the tab, forgetting earlier events.
    pub(super) fn navigate(&mut self, url: &str) {
        self.pending.clear();
        self.call("Page.navigate", json!({ "url": url }));
    }

    /// Forgets the events read so far.
    pub(super) fn forget_events(&mut self) {
        self.pending.clear();
    }

    /// Waits for an event (one already read while waiting for an answer counts).
    pub(super) fn wait_for(&mut self, method: &str, limit: Duration) -> Value {
        if let Some(at) = self.pending.iter().position(|e| e["method"] == method) {
            return self.pending.remove(at);
        }
        let deadline = Instant::now() + limit;
        loop {
            assert!(Instant::now() < deadline, "no {method} within {limit:?}");
            let event = self.read();
            if event["method"] == method {
                return event;
            }
            self.pending.push(event);
        }
    }

    /// The text of the page in the tab.
    pub(super) fn text(&mut self) -> String {
        let result = self.call(
            "Runtime.evaluate",
            json!({ "expression": "document.body.innerText", "returnByValue": true }),
        );
        result["result"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Runs `script` before any of the page's own scripts on every page loaded from now on.
    pub(super) fn inject(&mut self, script: &str) {
        self.call(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": script }),
        );
    }

    /// Shows the page as `view` does, in place: its width, colour scheme and media.
    pub(super) fn show(&mut self, view: View) {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": view.width, "height": 900, "deviceScaleFactor": 1, "mobile": view.width < 600 }),
        );
        let scheme = match view.scheme {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
        };
        self.call(
            "Emulation.setEmulatedMedia",
            json!({
                "media": if view.print { "print" } else { "screen" },
                "features": [{ "name": "prefers-color-scheme", "value": scheme }],
            }),
        );
    }

    /// Loads `url` as `view` shows it and returns the events seen until the load event.
    pub(super) fn visit(&mut self, url: &str, view: View, label: &str) -> Vec<Value> {
        self.show(view);
        self.pending.clear();
        self.call("Page.navigate", json!({ "url": url }));
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut events = std::mem::take(&mut self.pending);
        while !events.iter().any(|e| e["method"] == "Page.loadEventFired") {
            assert!(
                Instant::now() < deadline,
                "{label}: the page did not finish loading"
            );
            events.push(self.read());
        }
        events
    }

    /// Evaluates `expression` in the page, waiting for it if it is a promise, and parses
    /// the JSON string it gives back.
    pub(super) fn eval_json(&mut self, expression: &str) -> Value {
        let answer = self.call(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }),
        );
        if let Some(exception) = answer.get("exceptionDetails") {
            panic!("the script threw: {exception}");
        }
        let text = answer["result"]["value"]
            .as_str()
            .unwrap_or_else(|| panic!("the script gave no JSON: {answer}"));
        serde_json::from_str(text).expect("JSON from the script")
    }

    /// A PNG of the whole page, not just the viewport.
    pub(super) fn screenshot(&mut self) -> Vec<u8> {
        let metrics = self.call("Page.getLayoutMetrics", json!({}));
        let size = &metrics["cssContentSize"];
        let answer = self.call(
            "Page.captureScreenshot",
            json!({
                "format": "png",
                "captureBeyondViewport": true,
                "clip": { "x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1 },
            }),
        );
        data_encoding::BASE64
            .decode(answer["data"].as_str().expect("PNG data").as_bytes())
            .expect("base64 PNG")
    }

    /// The page printed to PDF on A4 paper with the page's own margins.
    pub(super) fn print_pdf(&mut self) -> Vec<u8> {
        let answer = self.call(
            "Page.printToPDF",
            json!({ "paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": true }),
        );
        data_encoding::BASE64
            .decode(answer["data"].as_str().expect("PDF data").as_bytes())
            .expect("base64 PDF")
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
