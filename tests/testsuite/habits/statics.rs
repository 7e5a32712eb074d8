//! `static/`: files published at the site root as they are, read under the same rules as
//! every input folder, refused where they would replace a file the build writes.

use crate::support::Site;

// Every file of static/ is published at the same path under the output, byte for byte,
// and can be linked from markdown and templates.
#[test]
fn publishes_static_files_at_the_site_root() {
    let site = Site::minimal();
    site.write_bytes("static/img/logo.png", b"\x89PNG\r\n\x1a\nbytes");
    site.write("static/CNAME", "facts.example.org\n");
    site.write("static/.well-known/x.txt", "hidden folder");
    site.write("static/notes.txt~", "backup");
    site.write(
        "content/about.md",
        "+++\ntitle = \"About\"\n+++\n![Logo](/img/logo.png)\n",
    );
    site.build();
    assert_eq!(
        std::fs::read(site.root.join("public/img/logo.png")).unwrap(),
        b"\x89PNG\r\n\x1a\nbytes"
    );
    assert_eq!(site.read("public/CNAME"), "facts.example.org\n");
    assert!(
        !site.exists("public/.well-known"),
        "hidden entries are never read"
    );
    assert!(!site.exists("public/notes.txt~"), "backups are never read");
    let about = site.read("public/about/index.html");
    assert!(
        about.contains("<img src=\"../img/logo.png\" alt=\"Logo\""),
        "{about}"
    );
}

// A static file where the build writes a file of its own is an error naming both, and
// the previous output stays.
#[test]
fn refuses_a_static_file_that_replaces_generated_output() {
    let site = Site::minimal();
    site.build();
    let before = site.tree("public");
    site.write("static/sitemap.xml", "<urlset/>");
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr.starts_with("error: `static/sitemap.xml` and the sitemap factsite generates would both be written to `sitemap.xml`\n --> static/sitemap.xml\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("help: rename or remove `static/sitemap.xml`: nothing in static/ may replace a file the build writes"),
        "{}",
        run.stderr
    );
    assert_eq!(site.tree("public"), before);
    site.remove("static/sitemap.xml");
    site.write("static/index.html", "<p>hand-made</p>");
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr.starts_with("error: `static/index.html` and the page `content/_index.md` would both be written to `index.html`\n"),
        "{}",
        run.stderr
    );
    site.remove("static/index.html");
    site.write("content/a.txt", "content");
    site.write("static/a.txt", "static");
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr.starts_with(
            "error: `static/a.txt` and `content/a.txt` would both be written to `a.txt`\n"
        ),
        "{}",
        run.stderr
    );
}

// A symbolic link in static/ that leaves the site is refused, as in content/.
#[test]
fn refuses_a_link_out_of_the_site() {
    let site = Site::minimal();
    let outside = site.root.parent().unwrap().join("secret.txt");
    std::fs::write(&outside, "TOP SECRET").unwrap();
    std::fs::create_dir_all(site.root.join("static")).unwrap();
    std::os::unix::fs::symlink(&outside, site.root.join("static/secret.txt")).unwrap();
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr
            .starts_with("error: `static/secret.txt` is a symbolic link to `"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("outside the site"), "{}", run.stderr);
    assert!(!site.exists("public/secret.txt"));
}
