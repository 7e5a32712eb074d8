//! `factsite serve`: build in memory, serve over HTTP on loopback, watch the sources,
//! rebuild what changed, and reload open pages.

mod http;
mod rebuild;
mod reload;
mod request;
mod server;
mod watch;

pub use http::content_type;

use std::collections::HashMap;
use std::io::Write;
use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Instant;

use anyhow::Context;

use crate::diagnostic::report::render_error;
use crate::load::LoadOptions;
use crate::render::plural;
use rebuild::{Done, State, Update};
use reload::Clients;
use server::Answer;
use watch::{Change, Now, Watch};

pub use http::{EVENTS_PATH, inject, route};
pub use watch::classify;

/// The port tried first.
pub const DEFAULT_PORT: u16 = 1111;

/// Options of `factsite serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site root.
    pub root: PathBuf,
    /// The port; `None` means 1111, or any free port if 1111 is busy.
    pub port: Option<u16>,
    /// The interface to listen on.
    pub interface: String,
    /// Open the site in a browser.
    pub open: bool,
    /// Include drafts.
    pub drafts: bool,
}

/// What the HTTP threads read: the built files and the last error.
#[derive(Default)]
struct Shared {
    files: RwLock<HashMap<String, Vec<u8>>>,

    error: RwLock<Option<String>>,
    clients: Clients,
}

/// Serves the site until the process is stopped.
pub fn serve(options: &ServeOptions) -> anyhow::Result<()> {
    let listener = bind(&options.interface, options.port)?;
    let address = listener
        .local_addr()
        .context("the server has no IP address")?;
    let url = format!("http://{}/", display_address(address));
    let root = options
        .root
        .canonicalize()
        .with_context(|| format!("failed to open the site root `{}`", options.root.display()))?;
    let load = LoadOptions {
        root: root.clone(),
        drafts: options.drafts,
        base_url: Some(url.clone()),
    };
    let shared = Arc::new(Shared::default());
    let mut state = initial_build(&load, &shared);
    let http_shared = Arc::clone(&shared);
    let handler: Arc<server::Handler> =
        Arc::new(move |method: &str, target: &str| respond(&http_shared, method, target));
    std::thread::spawn(move || server::run(&listener, &handler));
    // Watch before saying we serve: an edit made right after this line must be seen.
    let mut watch = Watch::start(&root)?;
    println!("Serving {} at {url}", root.display());
    println!(
        "Watching content/, templates/, theme/ and site.toml for changes. Press Ctrl-C to stop."
    );
    let _ = std::io::stdout().flush();
    if options.open {
        open_browser(&url);
    }
    while let Some((started, paths)) = watch.next() {
        let change = match &state {
            Some(state) => classify(&paths, |p| state.known(p), |p| now(&root, p)),
            None => Change::Full("retrying after an error".to_string()),
        };
        if change == Change::Nothing {
            continue;
        }
        let result = match state.as_mut() {
            Some(state) => state.apply(&change),
            None => State::build(&load).map(|(built, done)| {
                state = Some(built);
                done
            }),
        };
        publish(&shared, result, started);
    }
    Ok(())
}

fn initial_build(load: &LoadOptions, shared: &Shared) -> Option<State> {
    let started = Instant::now();
    match State::build(load) {
        Ok((state, done)) => {
            publish(shared, Ok(done), started);
            Some(state)
        }
        Err(error) => {
            publish(shared, Err(error), started);
            None
        }
    }
}

/// Publishes a rebuild (or its error), prints it, and reloads open pages.
fn publish(shared: &Shared, result: anyhow::Result<Done>, started: Instant) {
    match result {
        Ok(done) => {
            let mut files = shared
                .files
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            // Patched in place: copying every built file on each save would cost more than
            // the rebuild itself on a large site.
            match done.update {
                Update::Replace(all) => *files = all,
                Update::Patch(patch) => files.extend(patch),
            }
            drop(files);
            *shared
                .error
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = None;
            println!(
                "Rebuilt {} {} in {:.1} ms ({})",
                done.pages,
                plural(done.pages, "page"),
                started.elapsed().as_secs_f64() * 1000.0,
                done.what
            );
        }
        Err(error) => {
            let text = render_error(&error);
            eprintln!("{text}\n");
            *shared
                .error
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(text);
        }
    }
    let _ = std::io::stdout().flush();
    shared.clients.reload();
}

fn now(root: &std::path::Path, relative: &str) -> Now {
    let path = root.join(relative);
    if path.is_dir() {
        Now::Dir
    } else if path.exists() {
        Now::File
    } else {
        Now::Missing
    }
}

fn bind(interface: &str, port: Option<u16>) -> anyhow::Result<TcpListener> {
    let address = |port: u16| {
        format!(
            "{}:{port}",
            if interface.contains(':') {
                format!("[{interface}]")
            } else {
                interface.to_string()
            }
        )
    };
    match port {
        Some(port) => TcpListener::bind(address(port))
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", address(port)))
            .context("the port is busy or not allowed; choose another with --port"),
        None => TcpListener::bind(address(DEFAULT_PORT))
            .or_else(|_| TcpListener::bind(address(0)))
            .map_err(|e| anyhow::anyhow!("cannot listen on {interface}: {e}")),
    }
}

fn display_address(address: SocketAddr) -> String {
    match address {
        SocketAddr::V4(v4) => v4.to_string(),
        SocketAddr::V6(v6) => format!("[{}]:{}", v6.ip(), v6.port()),
    }
}

/// Answers one request from the files of the last good build.
fn respond(shared: &Shared, method: &str, target: &str) -> Answer {
    if method == "GET" && target.split('?').next() == Some(EVENTS_PATH) {
        return Answer::Events(shared.clients.subscribe());
    }
    let error = shared
        .error
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone();
    let files = shared
        .files
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    Answer::Reply(route(method, target, &files, error.as_deref()))
}

fn open_browser(url: &str) {
    let command = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(command)
        .arg(url)
        .spawn()
        .is_err()
    {
        eprintln!("could not open a browser; visit {url}");
    }
}
