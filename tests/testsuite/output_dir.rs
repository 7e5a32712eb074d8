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
    // Cards cost about 19 ms each: 2,000 of them would make this test a minute and a half.
    site.write(
        "site.toml",
        &format!("{}\n[share]\ncards = false\n", site.read("site.toml")),
    );
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
        let child = std::process::Command::new(crate::support::factsite())
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

/// `factsite build` with environment variables (the fault points), returning how it ended.
fn build_with(site: &Site, env: &[(&str, &str)]) -> std::process::Output {
    std::process::Command::new(crate::support::factsite())
        .arg("build")
        .current_dir(&site.root)
        .envs(env.iter().copied())
        .output()
        .expect("run factsite")
}

/// A site with a good previous build, and an edit the next build will publish.
fn built_and_edited() -> (Site, std::collections::BTreeMap<String, Vec<u8>>) {
    let site = Site::fixture("build/site");
    site.build();
    let before = site.tree("public");
    site.write(
        "content/_index.md",
        "+++\ntitle = \"Home\"\n+++\nThe edited home page.\n",
    );
    (site, before)
}

fn killed(output: &std::process::Output) -> bool {
    use std::os::unix::process::ExitStatusExt;
    output.status.signal() == Some(9)
}

// A build killed at any point of the swap, with the kernel's atomic exchange or with the
// two-rename fallback, leaves an output the next build keeps: the previous one when the
// swap had not happened, the new one when it had. Even a next build that fails puts
// right what the killed one left, and leaves nothing beside the output.
#[test]
fn a_build_killed_during_the_swap_never_loses_the_output() {
    for (point, exchange, swapped) in [
        ("rendered", true, false),
        ("swapped", true, true),
        ("removing-old", true, true),
        ("rendered", false, false),
        ("moved-aside", false, false),
        ("swapped", false, true),
        ("removing-old", false, true),
    ] {
        let case = format!("{point}, exchange: {exchange}");
        let (site, before) = built_and_edited();
        let mut env = vec![("FACTSITE_TEST_KILL_AT", point)];
        if !exchange {
            env.push(("FACTSITE_TEST_NO_EXCHANGE", "1"));
        }
        assert!(killed(&build_with(&site, &env)), "{case}: killed");
        assert!(
            !site.leftovers().is_empty(),
            "{case}: the kill left something"
        );
        if point == "moved-aside" {
            assert!(!site.exists("public"), "{case}: cut between the renames");
        }
        let edit = site.read("content/_index.md");
        site.write(
            "content/about.md",
            "+++\ntitle = \"About\"\n+++\n[x](nowhere.md)\n",
        );
        site.run(&["build"]).failure();
        assert!(
            site.leftovers().is_empty(),
            "{case}: left {:?}",
            site.leftovers()
        );
        let after_failure = site.tree("public");
        if swapped {
            assert_ne!(after_failure, before, "{case}: the new output stands");
        } else {
            assert_eq!(after_failure, before, "{case}: the previous output stands");
        }
        site.write("content/about.md", "+++\ntitle = \"About\"\n+++\nAbout.\n");
        assert_eq!(site.read("content/_index.md"), edit);
        site.build();
        let index = String::from_utf8(site.tree("public")["index.html"].clone()).expect("utf-8");
        assert!(index.contains("The edited home page."), "{case}");
        assert!(
            site.leftovers().is_empty(),
            "{case}: left {:?}",
            site.leftovers()
        );
    }
}

// A build killed while removing what an earlier killed build left does not strand the
// rest: the next build removes it.
#[test]
fn a_build_killed_while_cleaning_up_leaves_nothing_for_good() {
    let (site, before) = built_and_edited();
    assert!(killed(&build_with(
        &site,
        &[("FACTSITE_TEST_KILL_AT", "rendered")]
    )));
    let stale = site.leftovers();
    assert_eq!(stale.len(), 1, "{stale:?}");
    assert!(killed(&build_with(
        &site,
        &[("FACTSITE_TEST_KILL_AT", "removing-stale")]
    )));
    assert_eq!(site.leftovers(), stale, "partly removed, still there");
    assert_eq!(site.tree("public"), before);
    site.build();
    assert!(site.leftovers().is_empty(), "left {:?}", site.leftovers());
}

// Ctrl-C after the swap says the new output is in place, not that the previous one is
// unchanged; the next build removes what was left of the previous one.
#[test]
fn an_interrupt_after_the_swap_says_the_new_output_stands() {
    let (site, before) = built_and_edited();
    let child = std::process::Command::new(crate::support::factsite())
        .arg("build")
        .current_dir(&site.root)
        .env("FACTSITE_TEST_STOP_AT", "removing-old")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start build");
    let stat = format!("/proc/{}/stat", child.id());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !std::fs::read_to_string(&stat).is_ok_and(|s| {
        s.rsplit(')')
            .next()
            .is_some_and(|r| r.trim_start().starts_with('T'))
    }) {
        assert!(
            std::time::Instant::now() < deadline,
            "the build never stopped"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    for signal in ["-INT", "-CONT"] {
        let status = std::process::Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
    }
    let output = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert_eq!(
        stderr.trim_end(),
        "interrupted: the new output is already in place; the rest of the previous one is removed by the next build"
    );
    assert_ne!(site.tree("public"), before);
    site.build();
    assert!(site.leftovers().is_empty(), "left {:?}", site.leftovers());
}
