//! The command line a Zola or Hugo user types: `-o`, `-u`, `-r` before or after the
//! subcommand, serve's `-p`, `-i` and `-u`, the port it takes and why, and a suggestion
//! for a mistyped subcommand or flag.

use std::net::TcpListener;
use std::path::Path;
use std::process::Command;

use crate::serve::{Server, fixture};
use crate::support::{Run, Site};

/// Runs `factsite` in `dir`.
fn run_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(crate::support::factsite())
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run factsite");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A port nothing listens on right now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

// `build -o DIR` and `--output-dir DIR` write there, and `--output` still works;
// `-u URL` replaces base_url in the absolute URLs.
#[test]
fn build_takes_output_dir_and_base_url_flags() {
    let site = Site::fixture("facts/site");
    site.run(&["build", "-o", "short", "-u", "https://example.com/sub"])
        .success();
    assert!(
        site.read("short/robots.txt")
            .contains("Sitemap: https://example.com/sub/sitemap.xml"),
        "{}",
        site.read("short/robots.txt")
    );
    site.run(&[
        "build",
        "--output-dir",
        "long",
        "--base-url",
        "https://example.net/",
    ])
    .success();
    assert!(
        site.read("long/robots.txt")
            .contains("https://example.net/sitemap.xml")
    );
    let run = site.run(&["build", "--output", "old"]).success();
    assert!(run.stdout.ends_with("into [ROOT]/old\n"), "{}", run.stdout);
    assert!(site.exists("old/index.html") && !site.exists("public"));
}

// `-r/--root` names the site from anywhere, before or after the subcommand, for build,
// check and serve alike.
#[test]
fn root_goes_before_or_after_the_subcommand() {
    let site = Site::fixture("facts/site");
    let parent = site.root.parent().expect("parent");
    for args in [
        &["-r", "site", "build", "-o", "a"][..],
        &["build", "-r", "site", "-o", "b"],
        &["--root", "site", "build", "-o", "c"],
        &["build", "--root", "site", "-o", "d"],
    ] {
        let run = run_in(parent, args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        let out = args.last().expect("output");
        assert!(parent.join(out).join("index.html").is_file(), "{args:?}");
    }
    let check = run_in(parent, &["check", "-r", "site"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(check.stdout.starts_with("Checked "), "{}", check.stdout);
    let missing = run_in(parent, &["build", "-r", "nowhere"]);
    assert_eq!(missing.code, 1);
    assert_eq!(
        missing.stderr,
        "error: failed to open the site root `nowhere`\n  caused by: No such file or directory (os error 2)\n"
    );
}

// `serve -p PORT -i ADDR -u HOST` listens there and builds the pages' absolute URLs
// for HOST with the port added, as Zola does; `--no-port-append` leaves it off; -r works
// after serve.
#[test]
fn serve_takes_port_interface_and_base_url() {
    let site = fixture();
    let port = free_port();
    let port_text = port.to_string();
    let mut server = Server::start_with(
        &site,
        &[
            "serve",
            "-p",
            &port_text,
            "-i",
            "127.0.0.1",
            "-u",
            "laptop.local",
        ],
    );
    assert_eq!(server.port, port);
    server.wait_for_line(&format!(
        "Pages link to http://laptop.local:{port}/ (--base-url)"
    ));
    let (status, sitemap) = server.get("/sitemap.xml");
    assert_eq!(status, 200);
    assert!(
        sitemap.contains(&format!("<loc>http://laptop.local:{port}/for/first/</loc>")),
        "{sitemap}"
    );
    drop(server);

    let root = site.root.display().to_string();
    let elsewhere = Site::minimal();
    let server = Server::start_with(
        &elsewhere,
        &[
            "serve",
            "--port",
            "0",
            "--base-url",
            "https://dev.example.org",
            "--no-port-append",
            "--root",
            &root,
        ],
    );
    let sitemap = server.get("/sitemap.xml").1;
    assert!(
        sitemap.contains("<loc>https://dev.example.org/for/first/</loc>"),
        "{sitemap}"
    );
}

// serve's base URL takes no path (serve serves from /), and a bad one is refused before
// anything is served.
#[test]
fn serve_refuses_a_base_url_with_a_path() {
    let site = fixture();
    let run = site
        .run(&["serve", "-p", "0", "-u", "https://example.org/kpdh/"])
        .failure();
    assert_eq!(
        run.stderr.trim_end(),
        "error: --base-url: serve serves the site from `/`, so its base URL takes no path, found `https://example.org/kpdh/`\nhelp: give a host (and a port if you like), such as `-u 192.168.1.20`; to check the site under a path, build it with `factsite build -u https://example.org/kpdh/`"
    );
    let run = site.run(&["serve", "-p", "0", "-u", "ftp://x"]).failure();
    assert!(
        run.stderr
            .starts_with("error: --base-url: `base_url` must start with https:// or http://"),
        "{}",
        run.stderr
    );
    let run = site.run(&["serve", "-i", "my-laptop"]).failure();
    assert!(
        run.stderr
            .starts_with("error: --interface `my-laptop` is not an IP address"),
        "{}",
        run.stderr
    );
}

// With 1111 busy, serve says so and which port it took instead; a port asked for with
// --port that is busy is an error naming it, exit 1.
#[test]
fn serve_says_which_port_it_took_and_why() {
    let site = fixture();
    // Held for the test; if something else already holds 1111 the case is the same.
    let _default = TcpListener::bind("127.0.0.1:1111");
    let server = Server::start_with(&site, &["serve"]);
    assert_ne!(server.port, 1111);
    assert!(
        server.preamble.iter().any(|line| line
            == &format!(
                "Port 1111 is in use (perhaps by another factsite serve), so this one serves on port {}; choose a port with --port.",
                server.port
            )),
        "{:?}",
        server.preamble
    );
    drop(server);

    let held = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = held.local_addr().expect("address").port();
    let run = site.run(&["serve", "--port", &port.to_string()]).failure();
    assert_eq!(
        run.stderr.trim_end(),
        format!(
            "error: cannot listen on 127.0.0.1:{port}: in use\nhelp: another program (perhaps another factsite serve) uses that port: stop it, or choose another with --port (--port 0 picks any free port)"
        )
    );
}

// A mistyped subcommand or flag gets clap's suggestion of the right one, exit 2.
#[test]
fn mistyped_subcommands_and_flags_get_a_suggestion() {
    let site = Site::minimal();
    let run = site.run(&["biuld"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: unrecognized subcommand 'biuld'\n\n  tip: a similar subcommand exists: 'build'\n\nUsage: factsite [OPTIONS] <COMMAND>\n\nFor more information, try '--help'.\n"
    );
    for (args, tip) in [
        (
            &["build", "--outptu", "x"][..],
            "tip: a similar argument exists: '--output'",
        ),
        (
            &["build", "--base-ulr", "x"],
            "tip: a similar argument exists: '--base-url'",
        ),
        (
            &["serve", "--prot", "8080"],
            "tip: a similar argument exists: '--port'",
        ),
        (
            &["serve", "--interfce", "0.0.0.0"],
            "tip: a similar argument exists: '--interface'",
        ),
        (&["inti", "x"], "tip: a similar subcommand exists: 'init'"),
        (&["chekc"], "tip: a similar subcommand exists: 'check'"),
        (&["serv"], "tip: a similar subcommand exists: 'serve'"),
    ] {
        let run = site.run(args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.contains(tip), "{args:?}: {}", run.stderr);
    }
}
