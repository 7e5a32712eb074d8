//! `factsite serve`: build in memory, serve over HTTP on loopback, watch the sources,
//! rebuild what changed, and reload open pages.

mod address;
mod http;
mod rebuild;
mod reload;
mod request;
mod server;
mod watch;

pub use http::content_type;

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use anyhow::Context;

use crate::diagnostic::report::render_error;
use crate::load::LoadOptions;
use http::Served;
use rebuild::{Done, State, Update};
use reload::{BuildIds, Clients, Listener};
use server::Answer;
use watch::{Change, Now, Watch};

pub use address::DEFAULT_PORT;
pub use http::{EVENTS_PATH, inject, route};
pub use watch::classify;

/// Options of `factsite serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site root.
    pub root: PathBuf,
    /// The port; `None` means 1111, or the next free port if 1111 is busy.
    pub port: Option<u16>,
    /// The interface to listen on.
    pub interface: String,
    /// `--base-url`: the address the pages' absolute URLs use; `None` is the one served.
    pub base_url: Option<String>,
    /// Add the served port to `base_url` when it names none (off: `--no-port-append`).
    pub port_append: bool,
    /// Open the site in a browser.
    pub open: bool,
    /// Include drafts.
    pub drafts: bool,
}

/// What the HTTP threads read, and the listening pages.
#[derive(Default)]
struct Shared {
    served: RwLock<Served>,
    ids: Mutex<BuildIds>,
    clients: Clients,
}

/// Serves the site until the process is stopped.
pub fn serve(options: &ServeOptions) -> anyhow::Result<()> {
    let bound = address::bind(&options.interface, options.port)?;
    let listening = bound
        .listener
        .local_addr()
        .context("the server has no IP address")?;
    let url = address::browse_url(listening);
    let base_url = address::base_url(listening, options.base_url.as_deref(), options.port_append)
        .map_err(anyhow::Error::msg)?;
    let root = options
        .root
        .canonicalize()
        .with_context(|| format!("failed to open the site root `{}`", options.root.display()))?;
    let load = LoadOptions {
        root: root.clone(),
        drafts: options.drafts,
        base_url: Some(base_url.clone()),
    };
    let shared = Arc::new(Shared::default());
    let mut state = initial_build(&load, &shared);
    let http_shared = Arc::clone(&shared);
    let handler: Arc<server::Handler> =
        Arc::new(move |method: &str, target: &str| respond(&http_shared, method, target));
    let listener = bound.listener;
    std::thread::spawn(move || server::run(&listener, &handler));
    // Watch before saying we serve: an edit made right after this line must be seen.
    let mut watch = Watch::start(&root)?;
    announce(bound.note.as_deref(), &root, listening, &base_url);
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
        publish(&shared, result, started, "Rebuilt");
    }
    Ok(())
}

/// Says where the site is served: the port taken and why, the URL, and the base URL when
/// it is not the one served.
fn announce(note: Option<&str>, root: &Path, listening: SocketAddr, base_url: &str) {
    if let Some(note) = note {
        println!("{note}");
    }
    let url = address::browse_url(listening);
    println!("Serving {} at {url}", root.display());
    if listening.ip().is_unspecified() {
        println!(
            "Listening on every interface (port {}); pages link to {base_url}",
            listening.port()
        );
    } else if base_url != url {
        println!("Pages link to {base_url} (--base-url)");
    }
    println!(
        "Watching content/, templates/, theme/ and site.toml for changes. Press Ctrl-C to stop."
    );
    let _ = std::io::stdout().flush();
}

fn initial_build(load: &LoadOptions, shared: &Shared) -> Option<State> {
    let started = Instant::now();
    match State::build(load) {
        Ok((state, mut done)) => {
            done.what.clear();
            publish(shared, Ok(done), started, "Built");
            Some(state)
        }
        Err(error) => {
            publish(shared, Err(error), started, "Built");
            None
        }
    }
}

/// Publishes a build (or its error) under a new build id, prints it, and reloads open
/// pages. The files and the id change together, under one lock, before any page is told
/// to reload: a page served from then on carries the new id, and one that connects to
/// the reload stream with an older id is reloaded at once (see [`respond`]). The
/// announcement names the build, so a page that already shows it is left alone.
fn publish(shared: &Shared, result: anyhow::Result<Done>, started: Instant, verb: &str) {
    let build = shared
        .ids
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .next();
    let mut served = shared
        .served
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    served.build.clone_from(&build);
    match result {
        Ok(done) => {
            // Patched in place: copying every built file on each save would cost more than
            // the rebuild itself on a large site.
            match done.update {
                Update::Replace(all) => served.files = all,
                Update::Patch(patch) => served.files.extend(patch),
            }
            served.error = None;
            drop(served);
            let why = if done.what.is_empty() {
                String::new()
            } else {
                format!(" ({})", done.what)
            };
            println!(
                "{verb} {} in {:.1} ms{why}",
                done.counts,
                started.elapsed().as_secs_f64() * 1000.0,
            );
            for warning in crate::markdown::highlighting_gave_up() {
                eprintln!("warning: {warning}");
            }
        }
        Err(error) => {
            let text = render_error(&error);
            served.error = Some(text.clone());
            drop(served);
            eprintln!("{text}\n");
        }
    }
    let _ = std::io::stdout().flush();
    shared.clients.reload(&build);
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

/// Answers one request from the files of the last good build. A page asking for the
/// reload stream is subscribed first and compared with the current build second, so a
/// rebuild published in between reaches it one way or the other.
fn respond(shared: &Shared, method: &str, target: &str) -> Answer {
    if method == "GET" && target.split('?').next() == Some(EVENTS_PATH) {
        let events = shared.clients.subscribe();
        let served = shared
            .served
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let page = reload::page_build(target).map(str::to_string);
        let stale = page.as_ref().is_some_and(|id| *id != served.build);
        return Answer::Events(Listener {
            events,
            page,
            stale,
        });
    }
    let served = shared
        .served
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    Answer::Reply(route(method, target, &served))
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
