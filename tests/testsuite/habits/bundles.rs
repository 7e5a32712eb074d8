//! Page bundles: `section/name/index.md` is the page `/section/name/`, and the files in
//! its folder are published beside it.

use crate::support::Site;

fn site() -> Site {
    let site = Site::minimal();
    site.write("content/essays/_index.md", "+++\ntitle = \"Essays\"\n+++\n");
    site.write(
        "content/essays/reach/index.md",
        "+++\ntitle = \"Reach\"\n+++\n![The run](run.svg) and [the data](data/weeks.csv).\n",
    );
    site.write(
        "content/essays/reach/run.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    site.write("content/essays/reach/data/weeks.csv", "week,position\n");
    site
}

// The bundle is the page /essays/reach/ (not /essays/reach/index/), listed by its
// section, with its files beside it and its relative links to them kept.
#[test]
fn a_bundle_is_a_page_with_its_files_beside_it() {
    let site = site();
    site.build();
    assert!(!site.exists("public/essays/reach/index/index.html"));
    let page = site.read("public/essays/reach/index.html");
    assert!(
        page.contains("<img src=\"run.svg\" alt=\"The run\""),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"data/weeks.csv\">the data</a>"),
        "{page}"
    );
    assert_eq!(
        site.read("public/essays/reach/run.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
    );
    assert_eq!(
        site.read("public/essays/reach/data/weeks.csv"),
        "week,position\n"
    );
    let section = site.read("public/essays/index.html");
    assert!(section.contains("href=\"reach/\""), "{section}");
}

// With a `slug` (on the page or its section) the files follow the page to its URL.
#[test]
fn a_bundles_files_follow_its_slug() {
    let site = site();
    site.write(
        "content/essays/reach/index.md",
        "+++\ntitle = \"Reach\"\nslug = \"global-reach\"\n+++\n![The run](run.svg)\n",
    );
    site.write(
        "content/essays/_index.md",
        "+++\ntitle = \"Essays\"\nslug = \"writing\"\n+++\n",
    );
    site.build();
    let page = site.read("public/writing/global-reach/index.html");
    assert!(
        page.contains("<img src=\"run.svg\" alt=\"The run\""),
        "{page}"
    );
    assert!(site.exists("public/writing/global-reach/run.svg"));
    assert!(site.exists("public/writing/global-reach/data/weeks.csv"));
    assert!(
        !site.exists("public/essays/reach/run.svg"),
        "published once, beside the page"
    );
}

// A bundle and a page of the same name are one URL: a located error naming both.
#[test]
fn refuses_a_bundle_and_a_page_at_one_url() {
    let site = site();
    site.write(
        "content/essays/reach.md",
        "+++\ntitle = \"Also reach\"\n+++\n",
    );
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr.starts_with("error: `content/essays/reach.md` and `content/essays/reach/index.md` both map to the URL `/essays/reach/`\n --> content/essays/reach/index.md:2:1\n"),
        "{}",
        run.stderr
    );
}
