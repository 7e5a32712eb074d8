//! The exact errors users see for broken input: location, message, exit code.

use crate::support::Site;

#[track_caller]
fn fails_with(site: &Site, expected: &str) {
    let run = site.run(&["build"]).failure();
    assert_eq!(
        run.stderr.trim_end(),
        expected.trim_end(),
        "\nactual stderr:\n{}",
        run.stderr
    );
    assert!(
        !site.exists("public"),
        "a failed first build writes nothing"
    );
}

// No site.toml: say where we looked and how to start.
#[test]
fn missing_site_toml() {
    let site = Site::minimal();
    site.remove("site.toml");
    fails_with(
        &site,
        "error: no `site.toml` in `[ROOT]`\nhelp: run factsite in the site's root directory, pass `--root DIR`, or start a site with `factsite new DIR`",
    );
}

// Invalid TOML in site.toml points at the line.
#[test]
fn invalid_site_toml() {
    let site = Site::minimal();
    site.write(
        "site.toml",
        "title = \"Minimal\"\nbase_url = https://example.org/\n",
    );
    fails_with(
        &site,
        "error: string values must be quoted, expected literal string\n --> site.toml:2:12\n  |\n2 | base_url = https://example.org/\n  |            ^^^^^^^^^^^^^^^^^^^^",
    );
}

// Unknown keys in site.toml are errors, with a hint.
#[test]
fn unknown_site_key() {
    let site = Site::minimal();
    site.write(
        "site.toml",
        "title = \"Minimal\"\nbase_url = \"https://example.org/\"\noutput = \"docs\"\n",
    );
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr
            .starts_with("error: unknown field `output`, expected one of"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(" --> site.toml:3:1\n  |\n3 | output = \"docs\"\n  | ^^^^^^"),
        "{}",
        run.stderr
    );
}

// Invalid TOML in front matter is located in the markdown file.
#[test]
fn invalid_front_matter_toml() {
    let site = Site::minimal();
    site.write(
        "content/x.md",
        "+++\ntitle = \"X\"\ndate = 2025-13-01\n+++\n",
    );
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr.contains(" --> content/x.md:3:8\n"),
        "{}",
        run.stderr
    );
}

// Unknown front matter keys are errors (Zola silently ignores them).
#[test]
fn unknown_front_matter_key() {
    let site = Site::minimal();
    site.write("content/x.md", "+++\ntitle = \"X\"\ntags = [\"a\"]\n+++\n");
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr
            .starts_with("error: unknown field `tags`, expected one of"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(" --> content/x.md:3:1\n  |\n3 | tags = [\"a\"]\n  | ^^^^\nhelp: check the spelling; free-form keys belong in the `[extra]` table where one exists"), "{}", run.stderr);
}

// A page without a title.
#[test]
fn missing_title() {
    let site = Site::minimal();
    site.write("content/x.md", "+++\ndate = 2025-07-05\n+++\nBody\n");
    fails_with(
        &site,
        "error: missing field `title`\n --> content/x.md:2:1\n  |\n2 | date = 2025-07-05\n  | ^\nhelp: add the field; see the authoring guide for the required keys",
    );
}

// Front matter that is opened and never closed.
#[test]
fn unclosed_front_matter() {
    let site = Site::minimal();
    site.write("content/x.md", "+++\ntitle = \"X\"\n\nBody\n");
    fails_with(
        &site,
        "error: front matter is never closed\n --> content/x.md:1:1\n  |\n1 | +++\n  | ^^^\nhelp: add a line with only `+++` after the front matter",
    );
}

// A markdown file with no front matter at all.
#[test]
fn missing_front_matter() {
    let site = Site::minimal();
    site.write("content/x.md", "# Just markdown\n");
    fails_with(
        &site,
        "error: missing front matter\n --> content/x.md:1:1\n  |\n1 | # Just markdown\n  | ^^^^^^^^^^^^^^^\nhelp: start the file with a `+++` line, then TOML such as `title = \"...\"`, then another `+++` line",
    );
}

// Bytes that are not UTF-8 are located.
#[test]
fn non_utf8_file() {
    let site = Site::minimal();
    site.write_bytes("content/x.md", b"+++\ntitle = \"Caf\xe9\"\n+++\n");
    fails_with(
        &site,
        "error: file is not valid UTF-8\n --> content/x.md:2:13\n  |\n2 | title = \"Caf\u{FFFD}\"\n  |             ^\nhelp: save the file as UTF-8",
    );
}

// Template syntax errors point into templates/.
#[test]
fn template_syntax_error() {
    let site = Site::minimal();
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}{{ page.title }{% endblock main %}\n",
    );
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr.contains(" --> templates/page.html:2:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
}

// Template runtime errors name the template line and the page being rendered.
#[test]
fn template_runtime_error() {
    let site = Site::minimal();
    site.write("templates/index.html", "<p>{{ page.nonexistent }}</p>\n");
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr.starts_with(
            "error: Field `nonexistent` is not defined. Available fields: claim, content, "
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(" --> templates/index.html:1:12\n  |\n1 | <p>{{ page.nonexistent }}</p>\n  |            ^^^^^^^^^^^"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("note: while rendering `content/_index.md`"),
        "{}",
        run.stderr
    );
}

// A filter given the wrong type (`escape_text` takes a text) fails the build at the template
// line and column, and the previous output stays.
#[test]
fn template_filter_given_a_number() {
    let site = Site::minimal();
    site.build().success();
    let before = site.read("public/index.html");
    site.write("templates/index.html", "<p>{{ 5 | escape_text }}</p>\n");
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr
            .starts_with("error: Invalid type for the value, expected `&str` but got `i64`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(" --> templates/index.html:1:7\n"),
        "{}",
        run.stderr
    );
    assert_eq!(site.read("public/index.html"), before);
}

// A url() to a path nothing publishes fails the build at the template line.
#[test]
fn template_url_to_nothing() {
    let site = Site::minimal();
    site.write(
        "templates/index.html",
        "<a href=\"{{ url(path=\"/missing/\") }}\">x</a>\n",
    );
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr
            .contains("url(): nothing is published at `/missing/`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(" --> templates/index.html:1:"),
        "{}",
        run.stderr
    );
}

// Two pages that map to the same URL.
#[test]
fn two_pages_one_url() {
    let site = Site::minimal();
    site.write("content/a.md", "+++\ntitle = \"A\"\n+++\n");
    site.write("content/b.md", "+++\ntitle = \"B\"\nslug = \"a\"\n+++\n");
    fails_with(
        &site,
        "error: `content/a.md` and `content/b.md` both map to the URL `/a/`\n --> content/b.md:2:1\n  |\n2 | title = \"B\"\n  | ^^^^^\nhelp: give one of them a different `slug` in its front matter",
    );
}

// A broken internal link fails the build at the link.
#[test]
fn broken_link() {
    let site = Site::minimal();
    site.write(
        "content/_index.md",
        "+++\ntitle = \"Home\"\n+++\nSee [the essay](for/missing.md).\n",
    );
    fails_with(
        &site,
        "error: broken link `for/missing.md`: `content/for/missing.md` does not exist\n --> content/_index.md:4:5\n  |\n4 | See [the essay](for/missing.md).\n  |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    );
}

// A link to an anchor that does not exist fails the build and lists the ids that do.
#[test]
fn broken_anchor() {
    let site = Site::minimal();
    site.write("content/x.md", "+++\ntitle = \"X\"\n+++\n## Real heading\n");
    site.write(
        "content/_index.md",
        "+++\ntitle = \"Home\"\n+++\nSee [x](x.md#fake-heading).\n",
    );
    let run = site.run(&["build"]).failure();
    assert!(run.stderr.starts_with("error: broken anchor: `/x/` has no element with id `fake-heading`\n --> content/_index.md:4:5\n"), "{}", run.stderr);
    assert!(
        run.stderr.contains("help: ids on that page include: "),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("real-heading"), "{}", run.stderr);
}

// A link to a draft explains why the target is missing.
#[test]
fn link_to_a_draft() {
    let site = Site::minimal();
    site.write("content/x.md", "+++\ntitle = \"X\"\ndraft = true\n+++\n");
    site.write(
        "content/_index.md",
        "+++\ntitle = \"Home\"\n+++\n[x](x.md)\n",
    );
    let run = site.run(&["build"]).failure();
    assert!(run.stderr.starts_with("error: broken link `x.md`: `content/x.md` is a draft and is not built (use --drafts to include drafts)"), "{}", run.stderr);
}

// Several errors are reported together, then counted.
#[test]
fn reports_all_errors_at_once() {
    let site = Site::minimal();
    site.write("content/a.md", "+++\ntitle = 1\n+++\n");
    site.write("content/b.md", "+++\n+++\n");
    let run = site.run(&["build"]).failure();
    assert!(run.stderr.contains("content/a.md:2:9"), "{}", run.stderr);
    assert!(run.stderr.contains("content/b.md"), "{}", run.stderr);
    assert!(
        run.stderr.trim_end().ends_with("2 errors"),
        "{}",
        run.stderr
    );
}

// Two headings with the same `{#id}` fail the build at the second, naming the first's line.
#[test]
fn repeated_heading_id() {
    let site = Site::minimal();
    site.write(
        "content/_index.md",
        "+++\ntitle = \"Home\"\n+++\n## Why it matters {#why}\n\nText.\n\n## Why not {#why}\n",
    );
    fails_with(
        &site,
        "error: heading id `why` is already used by the heading on line 4\n --> content/_index.md:8:13\n  |\n8 | ## Why not {#why}\n  |             ^^^^\nhelp: ids must be unique within a page: choose another `{#...}`",
    );
}
