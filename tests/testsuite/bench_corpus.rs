//! The benchmark's generated sites (`benches/build/corpus.rs`, the same file) build, with
//! the trivial templates and with the default theme: a check the build gains must not
//! leave the benchmark measuring a build that fails.

use std::path::Path;
use std::process::Command;

#[allow(dead_code)]
#[path = "../../benches/build/corpus.rs"]
mod corpus;

fn build(root: &Path) -> String {
    let out = root.join("out");
    let run = Command::new(crate::support::factsite())
        .args(["build", "--quiet", "--root"])
        .arg(root)
        .arg("--output")
        .arg(&out)
        .env("NO_COLOR", "1")
        .output()
        .expect("run factsite");
    assert!(
        run.status.success(),
        "{}: {}",
        root.display(),
        String::from_utf8_lossy(&run.stderr)
    );
    out.display().to_string()
}

// The `--pages N --charts M` corpus: pages that cite sources and bind numbers to chart
// data, claim pages checked against the charts. Its trivial templates list a page's
// sources, since a citation whose source is not on the page stops the build.
#[test]
fn the_benchmark_corpus_builds_with_trivial_templates_and_the_default_theme() {
    let dir = tempfile::tempdir().expect("temp dir");
    let size = corpus::Size {
        pages: 40,
        charts: 4,
        sections: 4,
    };
    let trivial = dir.path().join("trivial");
    corpus::factsite(&trivial, size);
    corpus::trivial_templates(&trivial);
    let themed = dir.path().join("themed");
    corpus::factsite(&themed, size);
    for root in [&trivial, &themed] {
        let out = build(root);
        let cited: Vec<String> = walkdir::WalkDir::new(&out)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_name() == "index.html")
            .map(|e| std::fs::read_to_string(e.path()).expect("read page"))
            .filter(|html| html.contains("href=\"#ref-src-"))
            .collect();
        assert!(!cited.is_empty(), "{out}: no page cites a source");
        for html in &cited {
            assert!(html.contains("id=\"ref-src-"), "{out}: {html}");
        }
    }
}
