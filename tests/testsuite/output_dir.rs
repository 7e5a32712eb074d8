//! The output directory: swapped in atomically, never a place that holds the user's work.

use crate::support::Site;

// A failed build leaves the previous output byte-identical and no temporary directory behind.
#[test]
fn failed_build_keeps_previous_output() {
    let site = Site::fixture("build/site");
    site.build();
    let before = site.tree("public");
    site.write(
        "content/for/first.md",
        "+++\ntitle = \"First essay\"\n+++\n[broken](nowhere.md)\n",
    );
    site.run(&["build"]).failure();
    assert_eq!(site.tree("public"), before);
    assert!(
        site.leftovers().is_empty(),
        "no temporary directory is left beside the output: {:?}",
        site.leftovers()
    );
}

// A successful rebuild replaces the output, removing files of deleted pages.
#[test]
fn rebuild_replaces_output() {
    let site = Site::fixture("build/site");
    site.build();
    site.remove("content/about.md");
    site.write("content/_index.md", "+++\ntitle = \"Home\"\n+++\nShort.\n");
    site.build();
    assert!(!site.exists("public/about/index.html"));
    assert!(site.exists("public/.factsite-output"));
    assert!(site.leftovers().is_empty(), "{:?}", site.leftovers());
}

#[track_caller]
fn refuses(site: &Site, output: &str, why: &str) {
    let run = site.run(&["build", "--output", output]).failure();
    assert!(
        run.stderr.starts_with("error: refusing to use `"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(why), "{}", run.stderr);
}

// The output may never be the site root, a parent, or a source directory.
#[test]
fn refuses_dangerous_output_dirs() {
    let site = Site::fixture("build/site");
    let before = site.tree("content");
    refuses(&site, ".", "it is the site root or one of its parents");
    refuses(&site, "..", "it is the site root or one of its parents");
    refuses(
        &site,
        "content",
        "it is inside `content/`, which holds your sources",
    );
    refuses(
        &site,
        "content/for",
        "it is inside `content/`, which holds your sources",
    );
    refuses(&site, "templates", "it is inside `templates/`");
    refuses(&site, "theme", "it is inside `theme/`");
    // A refused output that does not exist yet leaves not even an empty directory behind.
    refuses(
        &site,
        "content/new/deeper/out",
        "it is inside `content/`, which holds your sources",
    );
    refuses(&site, "templates/zz/out", "it is inside `templates/`");
    assert!(!site.exists("content/new"), "no directory made in content/");
    assert!(
        !site.exists("templates/zz"),
        "no directory made in templates/"
    );
    assert_eq!(
        site.tree("content"),
        before,
        "nothing under content/ was touched"
    );
}

// A directory that holds a site.toml, or files factsite did not write, is never replaced.
#[test]
fn refuses_directories_it_did_not_make() {
    let site = Site::fixture("build/site");
    site.write("other/site.toml", "title = \"x\"\n");
    refuses(&site, "other", "it holds a site.toml");
    site.write("notes/todo.txt", "mine");
    refuses(
        &site,
        "notes",
        "it is not empty and was not made by factsite",
    );
    assert_eq!(site.read("notes/todo.txt"), "mine");
    site.write("empty/.keep", "");
    site.remove("empty/.keep");
    site.run(&["build", "--output", "empty"]).success();
    assert!(site.exists("empty/index.html"));
}

// --output is relative to the working directory, output_dir in site.toml to the root.
#[test]
fn writes_where_asked() {
    let site = Site::fixture("build/site");
    site.run(&["build", "--output", "dist/www"]).success();
    assert!(site.exists("dist/www/index.html"));
    site.write(
        "site.toml",
        &site
            .read("site.toml")
            .replace("author =", "output_dir = \"out\"\nauthor ="),
    );
    site.build();
    assert!(site.exists("out/index.html"));
}

// Interrupted midway (SIGINT or SIGTERM), a build leaves the previous output as it was and
// no temporary directory behind.
#[test]
fn interrupted_build_keeps_previous_output() {
    let site = Site::minimal();
    for i in 0..2000 {
        site.write(
            &format!("content/p{i}.md"),
            &format!(
                "+++\ntitle = \"Page {{{i}}}\"\n+++\n{}\n",
                "Some words of text. ".repeat(60)
            ),
        );
    }
    site.build();
    let before = site.tree("public");
    site.write(
        "content/_index.md",
        "+++\ntitle = \"Changed\"\n+++\nChanged.\n",
    );
    for signal in ["-INT", "-TERM"] {
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_factsite"))
            .arg("build")
            .current_dir(&site.root)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start build");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while site.leftovers().is_empty() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        let status = std::process::Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
        let output = child.wait_with_output().expect("wait");
        assert_eq!(
            output.status.code(),
            Some(130),
            "{signal}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            String::from_utf8_lossy(&output.stderr)
                .contains("interrupted: the previous output is unchanged")
        );
        assert_eq!(
            site.tree("public"),
            before,
            "{signal}: the previous output is intact"
        );
        assert!(
            site.leftovers().is_empty(),
            "{signal}: left {:?}",
            site.leftovers()
        );
    }
}
