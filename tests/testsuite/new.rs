//! `factsite new`: a starter site that builds and checks clean, never over existing files.

use crate::support::Site;

// The scaffold builds, and check reports no errors and no warnings.
#[test]
fn new_site_builds_and_checks_clean() {
    let site = Site::minimal();
    let run = site.run(&["new", "starter"]).success();
    assert!(run.stdout.starts_with("Created "), "{}", run.stdout);
    let starter = site.root.join("starter");
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_factsite"))
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
    let build = std::process::Command::new(env!("CARGO_BIN_EXE_factsite"))
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
        starter.join("templates/page.html").is_file() && starter.join("theme/style.css").is_file(),
        "templates and theme are there to edit"
    );
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
