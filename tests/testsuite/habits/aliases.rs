//! `aliases`: old paths of a page, each written as a redirect page, refused where they
//! would replace anything else the build writes.

use crate::support::Site;

fn site() -> Site {
    let site = Site::minimal();
    site.write("content/for/_index.md", "+++\ntitle = \"For\"\n+++\n");
    site.write(
        "content/for/reach.md",
        "+++\ntitle = \"Reach & range\"\naliases = [\"/old/reach/\", \"legacy/reach.html\", \"2019/x\"]\n+++\nText.\n",
    );
    site
}

// Each alias is a page that sends readers on (meta refresh and a link, relative) and
// search engines to the page (canonical, noindex); the sitemap lists only the page.
#[test]
fn writes_a_redirect_page_for_each_alias() {
    let site = site();
    site.build();
    let old = site.read("public/old/reach/index.html");
    assert!(
        old.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../for/reach/\">"),
        "{old}"
    );
    assert!(
        old.contains("<link rel=\"canonical\" href=\"https://example.org/for/reach/\">"),
        "{old}"
    );
    assert!(
        old.contains("<meta name=\"robots\" content=\"noindex\">"),
        "{old}"
    );
    assert!(
        old.contains("<a href=\"../../for/reach/\">Reach &amp; range</a>"),
        "{old}"
    );
    let legacy = site.read("public/legacy/reach.html");
    assert!(legacy.contains("url=../for/reach/\""), "{legacy}");
    assert!(
        site.read("public/2019/x/index.html")
            .contains("url=../../for/reach/\"")
    );
    let sitemap = site.read("public/sitemap.xml");
    assert!(!sitemap.contains("old/reach"), "{sitemap}");
    assert!(
        sitemap.contains("<loc>https://example.org/for/reach/</loc>"),
        "{sitemap}"
    );
}

// An alias where a page is written is a located error at the alias, and the previous
// output is left as it was.
#[test]
fn refuses_an_alias_that_replaces_a_page() {
    let site = site();
    site.build();
    let before = site.tree("public");
    site.write(
        "content/about.md",
        "+++\ntitle = \"About\"\naliases = [\"/for/reach/\"]\n+++\nText.\n",
    );
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr.starts_with("error: the alias `/for/reach/` of the page `content/about.md` and the page `content/for/reach.md` would both be written to `for/reach/index.html`\n --> content/about.md:3:1\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("help: remove the alias, or change it"),
        "{}",
        run.stderr
    );
    assert_eq!(site.tree("public"), before, "previous output intact");
}

// Two pages cannot claim one old path, nor an alias the path of a generated file.
#[test]
fn refuses_colliding_aliases() {
    let site = site();
    site.write(
        "content/about.md",
        "+++\ntitle = \"About\"\naliases = [\"old/reach\"]\n+++\nText.\n",
    );
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr.contains("the alias `/old/reach/` of the page `content/for/reach.md` and the alias `/old/reach/` of the page `content/about.md` would both be written to `old/reach/index.html`")
            || run.stderr.contains("the alias `/old/reach/` of the page `content/about.md` and the alias `/old/reach/` of the page `content/for/reach.md` would both be written to `old/reach/index.html`"),
        "{}",
        run.stderr
    );
    site.write(
        "content/about.md",
        "+++\ntitle = \"About\"\naliases = [\"/404.html\"]\n+++\nText.\n",
    );
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr.starts_with("error: the alias `/404.html` of the page `content/about.md` and the 404 page factsite generates would both be written to `404.html`\n --> content/about.md:3:1\n"),
        "{}",
        run.stderr
    );
}

// An alias must be a plain path on the site: not a URL, not above the root.
#[test]
fn refuses_an_alias_that_is_not_a_site_path() {
    let site = Site::minimal();
    site.write(
        "content/a.md",
        "+++\ntitle = \"A\"\naliases = [\"https://elsewhere.example/a/\"]\n+++\n",
    );
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr.starts_with("error: alias `https://elsewhere.example/a/` is a URL; write a path on this site, such as `/old/path/`\n --> content/a.md:3:1\n"),
        "{}",
        run.stderr
    );
    site.write(
        "content/a.md",
        "+++\ntitle = \"A\"\naliases = [\"../../etc/x\"]\n+++\n",
    );
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr
            .contains("alias `../../etc/x` climbs above the site root"),
        "{}",
        run.stderr
    );
}
