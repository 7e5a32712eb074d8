//! The guarantee, on the real site: nothing it asserts can go stale silently. For every
//! asserted fact and every claim check in `content/`, the data it depends on is changed in
//! a copy of the site, and the build must fail at that fact or check. Edits that cannot
//! interfere are made in one build (`Batch`); an assertion not found failing there is
//! built alone, and that build decides.

use std::path::{Path, PathBuf};
use std::process::Command;

use factsite::data::stats::Value;
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

/// Applies the edits to `root`, a copy of the site, and returns the build's stderr (the
/// build must fail); the files edited are put back as they were afterwards, so that one
/// copy serves every build of a thread.
fn build_with(root: &Path, edits: &[Edit]) -> Result<String, String> {
    let originals: Vec<(PathBuf, String)> = perturb::by_file(edits)
        .into_iter()
        .map(|edit| {
            let path = root.join(&edit.file);
            let text = std::fs::read_to_string(&path).expect("read data file");
            std::fs::write(&path, edit.apply(&text)).expect("write data file");
            (path, text)
        })
        .collect();
    let output = Command::new(crate::support::factsite())
        .args(["build", "--quiet"])
        .current_dir(root)
        .output()
        .expect("run");
    for (path, text) in &originals {
        std::fs::write(path, text).expect("restore data file");
    }
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

/// Assertions checked by one build with all their edits, so that the flagship's ~400
/// assertions take a few dozen builds instead of one each. Each member's edit and stat
/// touch data no other member's do (`overlaps`), and under all the edits together each
/// member's stat takes the value its own edit alone gives it (checked on the parsed data),
/// so the build's error at its line naming its stat is the one its own edit causes. The
/// edits together break few enough numbers that the build shows every error.
struct Batch<'a> {
    members: Vec<Member<'a>>,
    /// How many assertions the members' edits break, by their own count.
    breaks: usize,
}

struct Member<'a> {
    assertion: &'a Assertion,
    edit: Edit,
    /// The stat's value after this member's edit alone.
    alone: Option<Value>,
}

/// The most numbers a batch's edits may break: the build shows 50 errors in full.
const ERRORS: usize = 40;

/// Whether the stats at `a` and `b` read or are changed by the same data: one figure, one
/// chart entry, a whole chart (a chart's own stats), every chart (`data/`), the audit log.
fn overlaps(a: &str, b: &str) -> bool {
    let (x, y): (Vec<&str>, Vec<&str>) = (a.split('/').collect(), b.split('/').collect());
    let charts = |p: &[&str]| p[0] != "figures" && p[0] != "audit";
    match (x.as_slice(), y.as_slice()) {
        (["figures", f], ["figures", g]) => f == g,
        (["audit", ..], ["audit", ..]) => true,
        (["data", ..], q) | (q, ["data", ..]) => charts(q),
        ([c, e, _], [d, f, _]) => c == d && e == f,
        ([c, ..], [d, ..]) => c == d && charts(&x),
        _ => false,
    }
}

/// Sorts the assertions into batches (first fit), or says why one has no edit.
fn batches<'a>(site: &Site, assertions: &'a [Assertion]) -> (Vec<Batch<'a>>, Vec<String>) {
    let data = &site.data;
    let stats = data.stats();
    let now: Vec<Option<Value>> = assertions
        .iter()
        .map(|a| stats.resolve(&a.path).ok().map(|r| r.value))
        .collect();
    // Each assertion's edit, and how many assertions it breaks: found in parallel.
    let found: Vec<Result<(Member<'a>, usize), String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = assertions
            .chunks(assertions.len().div_ceil(4).max(1))
            .map(|chunk| {
                let now = &now;
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|assertion| member(data, assertion, assertions, now))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("thread"))
            .collect()
    });
    let mut batches: Vec<Batch<'a>> = Vec::new();
    let mut failures = Vec::new();
    for found in found {
        let (member, breaks) = match found {
            Ok(found) => found,
            Err(why) => {
                failures.push(why);
                continue;
            }
        };
        let assertion = member.assertion;
        let fits = |batch: &Batch| {
            batch.breaks + breaks <= ERRORS
                && batch.members.iter().all(|m| {
                    line_of(m.assertion) != line_of(assertion)
                        && !overlaps(&m.assertion.path, &assertion.path)
                })
        };
        match batches.iter_mut().find(|batch| fits(batch)) {
            Some(batch) => {
                batch.members.push(member);
                batch.breaks += breaks;
            }
            None => batches.push(Batch {
                members: vec![member],
                breaks,
            }),
        }
    }
    // The values are checked on the data as the whole batch leaves it; a member whose stat
    // moves anyway is built alone.
    let mut alone = Vec::new();
    for batch in &mut batches {
        let edits: Vec<Edit> = batch.members.iter().map(|m| m.edit.clone()).collect();
        let edited = perturb::Edited::new(data, &edits);
        let (keep, moved): (Vec<Member>, Vec<Member>) = batch.members.drain(..).partition(|m| {
            edited
                .as_ref()
                .is_some_and(|e| e.value(&m.assertion.path) == m.alone)
        });
        batch.members = keep;
        alone.extend(moved.into_iter().map(|m| Batch {
            members: vec![m],
            breaks: 0,
        }));
    }
    batches.retain(|batch| !batch.members.is_empty());
    batches.extend(alone);
    (batches, failures)
}

/// An assertion's breaking edit, its stat's value after it, and how many of the site's
/// assertions the edit breaks (of those reading the same data).
fn member<'a>(
    data: &factsite::data::Data,
    assertion: &'a Assertion,
    assertions: &[Assertion],
    now: &[Option<Value>],
) -> Result<(Member<'a>, usize), String> {
    let Some(edit) = perturb::breaking_edit(data, &assertion.path, &assertion.expect) else {
        return Err(format!(
            "{}: no edit of the data changes `{}`",
            assertion.location, assertion.path
        ));
    };
    let edited = perturb::Edited::new(data, std::slice::from_ref(&edit))
        .expect("a breaking edit leaves the data valid");
    let root = |path: &str| path.split('/').next().unwrap_or("").to_string();
    let breaks = assertions
        .iter()
        .zip(now)
        .filter(|(other, value)| {
            let reads = root(&other.path) == root(&assertion.path)
                || other.path.starts_with("data/")
                || assertion.path.starts_with("data/");
            reads && edited.value(&other.path) != **value
        })
        .count();
    let member = Member {
        assertion,
        alone: edited.value(&assertion.path),
        edit,
    };
    Ok((member, breaks))
}

/// `content/x.md:12`: the file and line of an assertion; the column may be the written
/// value or the stat path, depending on the error.
fn line_of(assertion: &Assertion) -> &str {
    assertion
        .location
        .rsplit_once(':')
        .map_or("", |(line, _)| line)
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
    let (batches, mut failures) = batches(&site, &assertions);
    failures.extend(std::thread::scope(|scope| {
        let chunks: Vec<&[Batch]> = batches.chunks(batches.len().div_ceil(4).max(1)).collect();
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                scope.spawn(move || {
                    let dir = tempfile::tempdir().expect("temp dir");
                    let copy: PathBuf = dir.path().join("site");
                    copy_site(root, &copy);
                    chunk
                        .iter()
                        .flat_map(|batch| breaks_at_their_places(&copy, batch))
                        .collect::<Vec<String>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("thread"))
            .collect::<Vec<String>>()
    }));
    assert!(
        failures.is_empty(),
        "{} of {} assertions are not bound:\n{}",
        failures.len(),
        assertions.len(),
        failures.join("\n\n")
    );
    assertions
}

/// One build with the batch's edits fails at each assertion's line, with an error naming
/// its stat (and its claim). Any assertion not found so is tried again in a build of its
/// own, which decides: its failures are returned.
fn breaks_at_their_places(root: &Path, batch: &Batch) -> Vec<String> {
    let edits: Vec<Edit> = batch.members.iter().map(|m| m.edit.clone()).collect();
    let stderr = if batch.members.len() > 1 {
        build_with(root, &edits).unwrap_or_default()
    } else {
        String::new()
    };
    let blocks: Vec<&str> = stderr.split("\nerror: ").collect();
    batch
        .members
        .iter()
        .filter(|Member { assertion, .. }| {
            !blocks.iter().any(|block| {
                block.contains(&format!("--> {}:", line_of(assertion)))
                    && block.contains(&format!("`{}`", assertion.path))
                    && assertion
                        .claim
                        .as_ref()
                        .is_none_or(|title| block.contains(&format!("note: claim: {title}")))
            })
        })
        .filter_map(
            |Member {
                 assertion, edit, ..
             }| breaks_at_its_place(root, assertion, edit).err(),
        )
        .collect()
}

/// The build fails at the assertion's file and line once its data changes.
fn breaks_at_its_place(root: &Path, assertion: &Assertion, edit: &Edit) -> Result<(), String> {
    let stderr = build_with(root, std::slice::from_ref(edit))
        .map_err(|why| format!("{}: {why} after {edit:?}", assertion.location))?;
    let line = line_of(assertion);
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

// Two assertions share a build only when their stats read different data: a figure, a
// chart entry, a chart's own stats, every chart (`data/`), the audit log.
#[test]
fn assertions_that_read_the_same_data_are_not_batched() {
    for (a, b) in [
        ("figures/x", "figures/x"),
        ("hot-100/golden/peak", "hot-100/golden/weeks_at_no1"),
        ("hot-100/entries_on_chart@2025-07-12", "hot-100/golden/peak"),
        ("data/rows", "uk-singles/golden/peak"),
        ("audit/changes", "audit/before/rows"),
    ] {
        assert!(overlaps(a, b) && overlaps(b, a), "{a} and {b}");
    }
    for (a, b) in [
        ("figures/x", "figures/y"),
        ("hot-100/golden/peak", "hot-100/soda-pop/peak"),
        ("hot-100/golden/peak", "uk-singles/golden/peak"),
        ("data/rows", "figures/x"),
        ("audit/changes", "hot-100/golden/peak"),
    ] {
        assert!(!overlaps(a, b) && !overlaps(b, a), "{a} and {b}");
    }
}
