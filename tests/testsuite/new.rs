//! `factsite init` (or `new`): a starter site that builds and checks clean, never over
//! existing files, with only the files it needs.

use crate::support::Site;

// The scaffold builds, and check reports no errors and no warnings.
#[test]
fn new_site_builds_and_checks_clean() {
    let site = Site::minimal();
    let run = site.run(&["init", "starter"]).success();
    assert!(run.stdout.starts_with("Created "), "{}", run.stdout);
    let starter = site.root.join("starter");
    let check = std::process::Command::new(crate::support::factsite())
        .args(["check"])
        .current_dir(&starter)
        .output()
        .expect("check");
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(
        String::from_utf8_lossy(&check.stdout).ends_with("no errors, 0 warnings\n"),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    assert!(
        String::from_utf8_lossy(&check.stderr).is_empty(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let build = std::process::Command::new(crate::support::factsite())
        .args(["build"])
        .current_dir(&starter)
        .output()
        .expect("build");
    assert_eq!(
        build.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let claim = std::fs::read_to_string(starter.join("public/claims/golden-no-1/index.html"))
        .expect("claim page");
    assert!(claim.contains("Verdict: Accurate"), "{claim}");
    assert!(
        starter.join("templates").is_dir() && starter.join("theme").is_dir(),
        "templates/ and theme/ are there to fill"
    );
}

// init writes settings and content only, with the built-in templates and theme filling
// every gap, and says where those are documented; `new` is the same command.
#[test]
fn init_writes_only_what_the_starter_needs() {
    let site = Site::minimal();
    let run = site.run(&["init", "starter"]).success();
    assert_eq!(
        run.stdout,
        "Created 10 files in starter\n\
         Templates and theme are built in: templates/ and theme/ are empty, and a file you put there with a built-in's name (page.html, style.css, ...) replaces it.\n\
         The built-in templates, what each renders and the variables they see are documented in AUTHORING.md, section \"Templates\", in factsite's repository (their sources are its templates/ and theme/ folders).\n\
         Next: cd starter && factsite serve\n"
    );
    let files: Vec<String> = site.tree("starter").into_keys().collect();
    assert_eq!(
        files,
        [
            ".gitignore",
            "content/_index.md",
            "content/about.md",
            "content/charts/hot-100.toml",
            "content/claims/_index.md",
            "content/claims/golden-no-1.md",
            "content/essays/_index.md",
            "content/essays/the-climb.md",
            "content/sources.toml",
            "site.toml",
        ]
    );
    site.run(&["new", "other"]).success();
    assert_eq!(site.tree("other"), site.tree("starter"), "new is init");
    let built = site.run(&["-r", "other", "build"]).success();
    assert!(
        built
            .stdout
            .starts_with("Built 3 pages, 3 sections, 1 chart, 1 claim and 6 sources in "),
        "{}",
        built.stdout
    );
    let page = site.read("other/public/essays/the-climb/index.html");
    assert!(
        page.contains("<link rel=\"stylesheet\""),
        "the built-in theme: {page}"
    );
}

// With no DIR, init fills the current directory, or the one --root names; both at once
// is refused.
#[test]
fn init_fills_the_current_or_root_directory() {
    let site = Site::minimal();
    std::fs::create_dir_all(site.root.join("here")).expect("mkdir");
    let output = std::process::Command::new(crate::support::factsite())
        .arg("init")
        .current_dir(site.root.join("here"))
        .output()
        .expect("init");
    assert_eq!(output.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&output.stdout).ends_with("Next: factsite serve\n"),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(site.exists("here/site.toml"));
    site.run(&["-r", "there", "init"]).success();
    assert!(site.exists("there/content/_index.md"));
    let run = site.run(&["-r", "a", "init", "b"]).failure();
    assert_eq!(
        run.stderr,
        "error: both --root `a` and DIR `b` name the directory to create\nhelp: give it once: `factsite init DIR`\n"
    );
    assert!(!site.exists("a") && !site.exists("b"));
}

// A directory that holds anything is refused and left as it was.
#[test]
fn new_refuses_a_non_empty_directory() {
    let site = Site::minimal();
    site.write("taken/notes.txt", "mine");
    let run = site.run(&["new", "taken"]).failure();
    assert!(
        run.stderr
            .starts_with("error: refusing to create a site in `taken`: the directory is not empty"),
        "{}",
        run.stderr
    );
    assert_eq!(site.read("taken/notes.txt"), "mine");
    assert!(!site.exists("taken/site.toml"));
}
