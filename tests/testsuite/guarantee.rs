//! The guarantee, on the real site: nothing it asserts can go stale silently. For every
//! asserted fact and every claim check in `content/`, the data it depends on is changed in
//! a copy of the site, and the build must fail at that fact or check.

use std::path::{Path, PathBuf};
use std::process::Command;

use factsite::diagnostic::Diagnostic;
use factsite::load::{self, LoadOptions};
use factsite::site::Site;
use factsite::verify::audit::Class;
use factsite::verify::{self, Expect};
use factsite::write::NullSink;

use crate::perturb::{self, Edit};

/// One thing the site asserts: a stat path, what it expects, and where a failure must be
/// reported.
struct Assertion {
    path: String,
    expect: Expect,
    location: String,
    claim: Option<String>,
}

fn assertions(site: &Site) -> Vec<Assertion> {
    let outcome = factsite::render::render(site, verify::site(site), &NullSink)
        .expect("the flagship site builds");
    let mut out = Vec::new();
    for (page, bindings) in site.pages.iter().zip(&outcome.bindings) {
        for used in bindings.used.iter().filter(|u| u.asserted) {
            let location =
                Diagnostic::at(&page.display, &page.text, used.range.clone(), "").location();
            out.push(Assertion {
                path: used.path.clone(),
                expect: Expect::equals(used.resolved.value),
                location,
                claim: None,
            });
        }
        if let Some(claim) = &page.meta.claim {
            for check in &claim.check {
                let span = check.expect.span();
                let range = page.toml_offset() + span.start..page.toml_offset() + span.end;
                let location = Diagnostic::at(&page.display, &page.text, range, "").location();
                let expect = Expect::from_toml(check.expect.get_ref()).expect("checks parse");
                out.push(Assertion {
                    path: check.stat.get_ref().clone(),
                    expect,
                    location,
                    claim: Some(page.meta.title.clone()),
                });
            }
        }
    }
    out
}

fn copy_site(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for part in ["site.toml", "content", "templates", "theme"] {
        if !from.join(part).exists() {
            continue;
        }
        for entry in walkdir::WalkDir::new(from.join(part)) {
            let entry = entry.expect("walk");
            let target = to.join(entry.path().strip_prefix(from).expect("prefix"));
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).expect("mkdir");
            } else {
                std::fs::copy(entry.path(), &target).expect("copy");
            }
        }
    }
}

/// Applies the edit to `root`, a copy of the site, and returns the build's stderr (the
/// build must fail); the file edited is put back as it was afterwards, so that one copy
/// serves every edit of a thread.
fn build_with(root: &Path, edit: &Edit) -> Result<String, String> {
    let file = root.join(&edit.file);
    let text = std::fs::read_to_string(&file).expect("read data file");
    std::fs::write(&file, edit.apply(&text)).expect("write data file");
    let output = Command::new(env!("CARGO_BIN_EXE_factsite"))
        .args(["build", "--quiet"])
        .current_dir(root)
        .output()
        .expect("run");
    std::fs::write(&file, text).expect("restore data file");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if output.status.code() == Some(1) {
        Ok(stderr)
    } else {
        Err(format!(
            "the build did not fail (status {:?})",
            output.status
        ))
    }
}

/// Checks every assertion of the site at `root` against its data, as described at the top
/// of this file, and that every number the audit counts as bound in a page's text is one
/// of them (or a `stat`, which follows the data by itself). Returns the assertions.
fn assert_bound(root: &Path) -> Vec<Assertion> {
    let site = load::site(&LoadOptions {
        root: root.to_path_buf(),
        drafts: false,
        base_url: None,
    })
    .expect("load the site");
    unbound_bindings(&site);
    let assertions = assertions(&site);
    let failures: Vec<String> = std::thread::scope(|scope| {
        let chunks: Vec<&[Assertion]> = assertions
            .chunks(assertions.len().div_ceil(4).max(1))
            .collect();
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                let site = &site;
                scope.spawn(move || {
                    let dir = tempfile::tempdir().expect("temp dir");
                    let copy: PathBuf = dir.path().join("site");
                    copy_site(root, &copy);
                    let mut failures = Vec::new();
                    for assertion in chunk {
                        if let Err(why) = breaks_at_its_place(&copy, site, assertion) {
                            failures.push(why);
                        }
                    }
                    failures
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("thread"))
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {} assertions are not bound:\n{}",
        failures.len(),
        assertions.len(),
        failures.join("\n\n")
    );
    assertions
}

/// The build fails at the assertion's file and line once its data changes.
fn breaks_at_its_place(root: &Path, site: &Site, assertion: &Assertion) -> Result<(), String> {
    let Some(edit) = perturb::breaking_edit(&site.data, &assertion.path, &assertion.expect) else {
        return Err(format!(
            "{}: no edit of the data changes `{}`",
            assertion.location, assertion.path
        ));
    };
    let stderr = build_with(root, &edit)
        .map_err(|why| format!("{}: {why} after {edit:?}", assertion.location))?;
    // The file and line of the fact or check; the column may be the written value or the
    // stat path, depending on the error.
    let line = assertion.location.rsplit_once(':').map_or("", |(l, _)| l);
    let named = stderr.contains(&format!("--> {line}:"))
        && assertion
            .claim
            .as_ref()
            .is_none_or(|title| stderr.contains(&format!("note: claim: {title}")));
    if named {
        Ok(())
    } else {
        Err(format!(
            "{}: the build failed elsewhere after {edit:?}:\n{stderr}",
            assertion.location
        ))
    }
}

/// Every number the audit finds bound in a page's text is a `fact` or a `stat` the build
/// recorded, so none escapes the perturbations.
fn unbound_bindings(site: &Site) {
    let outcome =
        factsite::render::render(site, verify::site(site), &NullSink).expect("the site builds");
    for (page, bindings) in site.pages.iter().zip(&outcome.bindings) {
        for finding in &bindings.numbers {
            let in_text = finding.at.start >= page.body_offset;
            if finding.class == Class::Bound && in_text {
                assert!(
                    bindings.used.iter().any(|u| u.range == finding.at),
                    "{}: `{}` is bound for the audit but not recorded as a stat or fact",
                    Diagnostic::at(&page.display, &page.text, finding.at.clone(), "").location(),
                    finding.text
                );
            }
        }
    }
}

// Every asserted number and claim check on the flagship site fails the build when its data changes.
#[test]
fn every_assertion_on_the_site_is_bound_to_its_data() {
    let assertions = assert_bound(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(
        assertions.iter().filter(|a| a.claim.is_some()).count() >= 15,
        "the site checks at least 15 claims against data"
    );
    assert!(
        assertions.iter().filter(|a| a.claim.is_none()).count() >= 20,
        "the essays assert at least 20 numbers"
    );
}

// A fact in a chart's title, a heading, a table cell, link text or a footnote, and a claim
// check, each fails the build at its own line when its data changes.
#[test]
fn every_place_a_number_can_be_bound_is_bound_to_its_data() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/testsuite/integrity/site");
    let assertions = assert_bound(&root);
    let at: Vec<&str> = assertions.iter().map(|a| a.location.as_str()).collect();
    for place in [
        "content/charts/_index.md:7:80",
        "content/charts/_index.md:7:127",
        "content/essays/one.md:7:25",
        "content/essays/one.md:13:22",
        "content/essays/one.md:15:32",
        "content/essays/one.md:17:49",
        "content/claims/golden.md:14:10",
    ] {
        assert!(at.contains(&place), "{place} is not among {at:?}");
    }
}
