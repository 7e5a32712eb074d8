//! The error battery: broken sites, each built over a good previous build. Every case
//! pins the error a user sees (message and file:line:col), exit code 1, and an untouched
//! previous output with no temporary directory left behind.

use crate::support::Site;

/// One broken site: what to break, and the first lines of the error it must give.
struct Case {
    name: &'static str,
    breaks: fn(&Site),
    expect: &'static str,
}

fn replace(site: &Site, file: &str, from: &str, to: &str) {
    let text = site.read(file);
    assert!(text.contains(from), "{file} does not contain {from:?}");
    site.write(file, &text.replacen(from, to, 1));
}

const CASES: &[Case] = &[
    Case {
        name: "site.toml is not TOML",
        breaks: |s| {
            replace(
                s,
                "site.toml",
                "title = \"Facts fixture\"",
                "title = Facts fixture",
            )
        },
        expect: "error: string values must be quoted, expected literal string\n --> site.toml:1:9",
    },
    Case {
        name: "site.toml unknown key",
        breaks: |s| replace(s, "site.toml", "author =", "autor ="),
        expect: "error: unknown field `autor`, expected one of `title`, `description`, `base_url`, `language`, `author`, `output_dir`, `markdown`, `facts`, `taxonomies`, `share`, `extra`\n --> site.toml:4:1",
    },
    Case {
        name: "site.toml wrong type",
        breaks: |s| replace(s, "site.toml", "title = \"Facts fixture\"", "title = 7"),
        expect: "error: invalid type: integer `7`, expected a string\n --> site.toml:1:9",
    },
    Case {
        name: "site.toml without base_url",
        breaks: |s| replace(s, "site.toml", "base_url = \"https://example.org/\"\n", ""),
        expect: "error: missing field `base_url`\n --> site.toml:1:1",
    },
    Case {
        name: "site.toml relative base_url",
        breaks: |s| replace(s, "site.toml", "https://example.org/", "example.org"),
        expect: "error: `base_url` must start with https:// or http://, found `example.org`\n --> site.toml:3:1",
    },
    Case {
        name: "front matter is not TOML",
        breaks: |s| {
            replace(
                s,
                "content/essays/one.md",
                "title = \"One essay\"",
                "title = One essay",
            )
        },
        expect: "error: string values must be quoted, expected literal string\n --> content/essays/one.md:2:9",
    },
    Case {
        name: "front matter unknown key",
        breaks: |s| replace(s, "content/essays/one.md", "stance =", "stanse ="),
        expect: "error: unknown field `stanse`, expected one of",
    },
    Case {
        name: "front matter wrong type",
        breaks: |s| {
            replace(
                s,
                "content/essays/one.md",
                "date = 2025-08-01",
                "date = \"August 1\"",
            )
        },
        expect: "error: invalid type: string \"August 1\", expected a TOML datetime\n --> content/essays/one.md:3:8",
    },
    Case {
        name: "front matter without title",
        breaks: |s| replace(s, "content/essays/one.md", "title = \"One essay\"\n", ""),
        expect: "error: missing field `title`\n --> content/essays/one.md:2:1",
    },
    Case {
        name: "front matter never closed",
        breaks: |s| s.write("content/essays/two.md", "+++\ntitle = \"Two\"\n\nBody.\n"),
        expect: "error: front matter is never closed\n --> content/essays/two.md:1:1",
    },
    Case {
        name: "empty markdown file",
        breaks: |s| s.write("content/essays/two.md", ""),
        expect: "error: missing front matter\n --> content/essays/two.md:1:1",
    },
    Case {
        name: "bytes that are not UTF-8",
        breaks: |s| s.write_bytes("content/essays/two.md", b"+++\ntitle = \"\xff\xfe\"\n+++\n"),
        expect: "error: file is not valid UTF-8\n --> content/essays/two.md:2:10",
    },
    Case {
        name: "two pages at one URL",
        breaks: |s| {
            s.write(
                "content/essays/two.md",
                "+++\ntitle = \"Two\"\nslug = \"one\"\n+++\n",
            )
        },
        expect: "error: `content/essays/one.md` and `content/essays/two.md` both map to the URL `/essays/one/`\n --> content/essays/two.md:2:1",
    },
    Case {
        name: "invalid slug",
        breaks: |s| {
            s.write(
                "content/essays/two.md",
                "+++\ntitle = \"Two\"\nslug = \"a/b\"\n+++\n",
            )
        },
        expect: "error: invalid slug `a/b`\n --> content/essays/two.md:3:1",
    },
    Case {
        name: "sources.toml is not TOML",
        breaks: |s| replace(s, "content/sources.toml", "id = \"wire\"", "id = wire"),
        expect: "error: string values must be quoted, expected literal string\n --> content/sources.toml:2:6",
    },
    Case {
        name: "duplicate source id",
        breaks: |s| replace(s, "content/sources.toml", "id = \"blog\"", "id = \"wire\""),
        expect: "error: duplicate source id `wire`\n  --> content/sources.toml:12:6",
    },
    Case {
        name: "source without publisher",
        breaks: |s| replace(s, "content/sources.toml", "publisher = \"Trade\"\n", ""),
        expect: "error: missing field `publisher`\n  --> content/sources.toml:20:1",
    },
    Case {
        name: "malformed source URL",
        breaks: |s| {
            replace(
                s,
                "content/sources.toml",
                "https://blog.example.org/count",
                "blog.example.org/count",
            )
        },
        expect: "error: malformed URL `blog.example.org/count`: it must start with https:// or http://\n  --> content/sources.toml:15:7",
    },
    Case {
        name: "dataset is not TOML",
        breaks: |s| {
            replace(
                s,
                "content/charts/hot-100.toml",
                "positions = 100",
                "positions = 100 100",
            )
        },
        expect: "error: string values must be quoted, expected literal string\n --> content/charts/hot-100.toml:3:13",
    },
    Case {
        name: "dataset wrong type",
        breaks: |s| {
            replace(
                s,
                "content/charts/hot-100.toml",
                "positions = 100",
                "positions = \"100\"",
            )
        },
        expect: "error: invalid type: string \"100\", expected i64\n --> content/charts/hot-100.toml:3:13",
    },
    Case {
        name: "position out of range",
        breaks: |s| replace(s, "content/charts/hot-100.toml", "pos = 23,", "pos = 123,"),
        expect: "error: position 123 is outside this chart's 1..=100\n  --> content/charts/hot-100.toml:13:30",
    },
    Case {
        name: "duplicated week",
        breaks: |s| {
            replace(
                s,
                "content/charts/hot-100.toml",
                "2025-07-12, pos = 23",
                "2025-07-05, pos = 23",
            )
        },
        expect: "error: duplicate week 2025-07-05 in entry `golden`\n  --> content/charts/hot-100.toml:13:12",
    },
    Case {
        name: "week on the wrong weekday",
        breaks: |s| {
            replace(
                s,
                "content/charts/hot-100.toml",
                "2025-07-12, pos = 23",
                "2025-07-13, pos = 23",
            )
        },
        expect: "error: 2025-07-13 is a Sunday, but this weekly chart's dates fall on Saturdays\n  --> content/charts/hot-100.toml:13:12",
    },
    Case {
        name: "unknown source in a dataset",
        breaks: |s| {
            replace(
                s,
                "content/charts/hot-100.toml",
                "pos = 23, source = \"wire\"",
                "pos = 23, source = \"wyre\"",
            )
        },
        expect: "error: unknown source `wyre`\n  --> content/charts/hot-100.toml:13:43",
    },
    Case {
        name: "unknown field in a week",
        breaks: |s| {
            replace(
                s,
                "content/charts/hot-100.toml",
                "pos = 23, source = \"wire\"",
                "pos = 23, rank = 23, source = \"wire\"",
            )
        },
        expect: "error: unknown field `rank`, expected one of `date`, `pos`, `source`, `basis`, `note`, `also`, `conflict`\n  --> content/charts/hot-100.toml:13:34",
    },
    Case {
        name: "duplicate entry id",
        breaks: |s| {
            replace(
                s,
                "content/charts/hot-100.toml",
                "id = \"how-its-done\"",
                "id = \"golden\"",
            )
        },
        expect: "error: duplicate entry id `golden`\n  --> content/charts/hot-100.toml:20:6",
    },
    Case {
        name: "duplicate figure id",
        breaks: |s| {
            s.write(
                "content/figures.toml",
                &format!("{0}\n{0}", s.read("content/figures.toml")),
            )
        },
        expect: "error: duplicate figure id `singalong-afp`\n  --> content/figures.toml:10:6",
    },
    Case {
        name: "unknown data file",
        breaks: |s| s.write("content/data.toml", "x = 1\n"),
        expect: "error: `content/data.toml` is not a known data file\n --> content/data.toml",
    },
    Case {
        name: "unknown chart in stat",
        breaks: |s| {
            replace(
                s,
                "content/_index.md",
                "stat(chart=\"hot-100\"",
                "stat(chart=\"hot-101\"",
            )
        },
        expect: "error: unknown chart `hot-101` (charts: hot-100)\n --> content/_index.md:4:41",
    },
    Case {
        name: "unknown entry in fact",
        breaks: |s| {
            replace(
                s,
                "content/_index.md",
                "hot-100/golden/weeks_at_no1",
                "hot-100/goldn/weeks_at_no1",
            )
        },
        expect: "error: unknown entry `goldn` in chart `hot-100` (entries: golden, how-its-done)\n --> content/_index.md:4:130",
    },
    Case {
        name: "unknown stat in fact",
        breaks: |s| {
            replace(
                s,
                "content/_index.md",
                "hot-100/golden/weeks_at_no1",
                "hot-100/golden/weeks_at_number_one",
            )
        },
        expect: "error: unknown stat `weeks_at_number_one` (entry stats: debut_date, debut_pos, peak, peak_date, weeks_at_peak, weeks_at_no1, first_no1_date, top10_weeks, weeks_on_chart, first_date, latest_date, latest_pos, pos@DATE)\n --> content/_index.md:4:130",
    },
    Case {
        name: "unknown source cited",
        breaks: |s| replace(s, "content/_index.md", "[@wire]", "[@wyre]"),
        expect: "error: unknown source `wyre`\n --> content/_index.md:4:177",
    },
    Case {
        name: "fact the data contradicts",
        breaks: |s| replace(s, "content/essays/one.md", "fact(10,", "fact(8,"),
        expect: "error: fact does not match the data: the text says 8, but `hot-100/how-its-done/peak` is 10 (How It's Done (HUNTR/X) on the Billboard Hot 100: peak position, data as of July 26, 2025)\n --> content/essays/one.md:9:37",
    },
    Case {
        name: "claim check the data contradicts",
        breaks: |s| {
            replace(
                s,
                "content/claims/golden-no1.md",
                "expect = 1\n",
                "expect = 2\n",
            )
        },
        expect: "error: claim check failed: `hot-100/golden/peak` is 1 in the data (Golden (HUNTR/X) on the Billboard Hot 100: peak position, data as of 2025-08-30), but this expects 2\n  --> content/claims/golden-no1.md:12:10",
    },
    Case {
        name: "unknown verdict",
        breaks: |s| {
            replace(
                s,
                "content/claims/golden-no1.md",
                "verdict = \"accurate\"",
                "verdict = \"true\"",
            )
        },
        expect: "error: unknown variant `true`, expected one of `accurate`, `accurate-as-of`, `misleading`, `inaccurate`, `unverifiable`\n --> content/claims/golden-no1.md:6:11",
    },
    Case {
        name: "unknown shortcode",
        breaks: |s| {
            s.write(
                "content/essays/two.md",
                "+++\ntitle = \"Two\"\n+++\n{{ chrat(data=\"hot-100\") }}\n",
            )
        },
        expect: "error: unknown shortcode `chrat`\n --> content/essays/two.md:4:4",
    },
    Case {
        name: "malformed shortcode",
        breaks: |s| {
            s.write(
                "content/essays/two.md",
                "+++\ntitle = \"Two\"\n+++\n{{ chart(data=hot-100) }}\n",
            )
        },
        expect: "error: expected a value: \"text\", a number, a date, true, false or [a list]\n --> content/essays/two.md:4:15",
    },
    Case {
        name: "chart of an unknown entry",
        breaks: |s| {
            s.write("content/essays/two.md", "+++\ntitle = \"Two\"\n+++\n{{ chart(data=\"hot-100\", entries=[\"golden\", \"soda-pop\"]) }}\n")
        },
        expect: "error: unknown entry `soda-pop` in chart `hot-100` (entries: golden, how-its-done)\n --> content/essays/two.md:4:34",
    },
    Case {
        name: "broken link",
        breaks: |s| {
            s.write(
                "content/essays/two.md",
                "+++\ntitle = \"Two\"\n+++\nSee [one](one.md) and [three](three.md).\n",
            )
        },
        expect: "error: broken link `three.md`: `content/essays/three.md` does not exist\n --> content/essays/two.md:4:23",
    },
    Case {
        name: "broken anchor",
        breaks: |s| {
            s.write(
                "content/essays/two.md",
                "+++\ntitle = \"Another\"\n+++\nSee [one](one.md#nowhere).\n",
            )
        },
        expect: "error: broken anchor: `/essays/one/` has no element with id `nowhere`\n --> content/essays/two.md:4:5",
    },
    Case {
        name: "template syntax error",
        breaks: |s| {
            s.write(
                "templates/page.html",
                "{% extends \"base.html\" %}\n{% block main %}{{ page.title }{% endblock main %}\n",
            )
        },
        expect: "error: Found `}` but expected }}.\n --> templates/page.html:2:31",
    },
    Case {
        name: "template include cycle",
        breaks: |s| {
            s.write(
                "templates/partials/a.html",
                "{% include \"partials/b.html\" %}",
            );
            s.write(
                "templates/partials/b.html",
                "{% include \"partials/a.html\" %}",
            );
            s.write("templates/page.html", "{% extends \"base.html\" %}{% block main %}{% include \"partials/a.html\" %}{% endblock main %}");
        },
        expect: "error: templates include each other in a cycle: page.html -> partials/a.html -> partials/b.html -> partials/a.html\n --> templates/partials/a.html",
    },
    Case {
        name: "a 50 MB page",
        breaks: |s| {
            s.write(
                "content/essays/huge.md",
                &format!("+++\ntitle = \"Huge\"\n+++\n{}", "words ".repeat(9_000_000)),
            )
        },
        expect: "error: `content/essays/huge.md` is 51.5 MB; text files are limited to 8 MB\n --> content/essays/huge.md",
    },
    Case {
        name: "20,000 nested blockquotes",
        breaks: |s| {
            s.write(
                "content/essays/deep.md",
                &format!("+++\ntitle = \"Deep\"\n+++\n{} deep\n", ">".repeat(20_000)),
            )
        },
        expect: "error: markdown nested more than 100 levels deep\n --> content/essays/deep.md:4:101",
    },
    Case {
        name: "symlink loop under content",
        breaks: |s| {
            std::os::unix::fs::symlink("..", s.root.join("content/essays/loop")).expect("symlink")
        },
        expect: "error: symbolic link loop: `content/essays/loop` points back to `content`",
    },
    Case {
        name: "a theme file linked to a file outside the site",
        breaks: |s| link(s, &outside(s, "secret.txt"), "theme/logo.txt"),
        expect: "error: `theme/logo.txt` is a symbolic link to `",
    },
    Case {
        name: "a template linked to a file outside the site",
        breaks: |s| link(s, &outside(s, "secret.html"), "templates/partials/x.html"),
        expect: "error: `templates/partials/x.html` is a symbolic link to `",
    },
    Case {
        name: "a theme folder linked to a folder outside the site",
        breaks: |s| {
            let dir = outside(s, "assets/a.css");
            link(s, dir.parent().expect("parent"), "theme/assets")
        },
        expect: "error: `theme/assets` is a symbolic link to `",
    },
    Case {
        name: "a static file linked into the site's .git",
        breaks: |s| {
            s.write(
                ".git/config",
                "[remote]\nurl = https://token@example.org/x\n",
            );
            link(s, &s.root.join(".git/config"), "content/essays/config.txt")
        },
        expect: "error: `content/essays/config.txt` is a symbolic link to `[ROOT]/.git/config`, which is not one of the site's input files",
    },
    Case {
        name: "a page linked to a hidden file of content/",
        breaks: |s| {
            s.write(
                "content/.drafts/secret.md",
                "+++\ntitle = \"Secret\"\n+++\n",
            );
            link(
                s,
                &s.root.join("content/.drafts/secret.md"),
                "content/essays/two.md",
            )
        },
        expect: "error: `content/essays/two.md` is a symbolic link to `[ROOT]/content/.drafts/secret.md`, which is not one of the site's input files",
    },
    Case {
        name: "a page whose file name holds #",
        breaks: |s| s.write("content/essays/a#b.md", "+++\ntitle = \"Hash\"\n+++\n"),
        expect: "error: `content/essays/a#b.md` cannot be published: `#` in its name starts a URL's fragment\n --> content/essays/a#b.md",
    },
    Case {
        name: "a folder whose name holds ?",
        breaks: |s| s.write("content/what?/x.png", "png"),
        expect: "error: `content/what?` cannot be published: `?` in its name starts a URL's query\n --> content/what?",
    },
    Case {
        name: "a theme file whose name holds %",
        breaks: |s| s.write("theme/100%.css", "body{}"),
        expect: "error: `theme/100%.css` cannot be published: `%` in its name starts a percent-escape in a URL",
    },
    Case {
        name: "a slug with a NUL",
        breaks: |s| {
            s.write(
                "content/essays/two.md",
                "+++\ntitle = \"Two\"\nslug = \"a\\u0000b\"\n+++\n",
            )
        },
        expect: "error: `slug` holds U+0000 (NUL), which no published text should contain\n --> content/essays/two.md:3:8",
    },
    Case {
        name: "a slug of 300 characters",
        breaks: |s| {
            s.write(
                "content/essays/two.md",
                &format!(
                    "+++\ntitle = \"Two\"\nslug = \"{}\"\n+++\n",
                    "s".repeat(300)
                ),
            )
        },
        expect: "error: the slug is 300 bytes long; it becomes a folder name, and file systems allow at most 255\n --> content/essays/two.md:3:1",
    },
    Case {
        name: "a title with a right-to-left override",
        breaks: |s| {
            replace(
                s,
                "content/essays/one.md",
                "title = \"One essay\"",
                "title = \"One \u{202E}yassE\"",
            )
        },
        expect: "error: `title` holds U+202E (RIGHT-TO-LEFT OVERRIDE), which makes text display in another order than it is written\n --> content/essays/one.md:2:9\n  |\n2 | title = \"One \u{FFFD}yassE\"",
    },
    Case {
        name: "a title with a NUL",
        breaks: |s| {
            replace(
                s,
                "content/essays/one.md",
                "title = \"One essay\"",
                "title = \"One\\u0000essay\"",
            )
        },
        expect: "error: `title` holds U+0000 (NUL), which no published text should contain\n --> content/essays/one.md:2:9",
    },
    Case {
        name: "a title on two lines",
        breaks: |s| {
            replace(
                s,
                "content/essays/one.md",
                "title = \"One essay\"",
                "title = \"One\\nessay\"",
            )
        },
        expect: "error: `title` holds U+000A (LINE FEED); it must be one line of text\n --> content/essays/one.md:2:9",
    },
    Case {
        name: "a correction with an escape character",
        breaks: |s| {
            replace(
                s,
                "content/essays/one.md",
                "gave the wrong",
                "gave the \\u001b[31mwrong",
            )
        },
        expect: "error: `corrections[0].text` holds U+001B (ESCAPE), which no published text should contain\n --> content/essays/one.md:7:8",
    },
    Case {
        name: "a site title with a bidirectional isolate",
        breaks: |s| replace(s, "site.toml", "Facts fixture", "Facts \u{2067}fixture"),
        expect: "error: `title` holds U+2067 (RIGHT-TO-LEFT ISOLATE), which makes text display in another order than it is written\n --> site.toml:1:9",
    },
    Case {
        name: "a week two thousand years before its run",
        breaks: |s| {
            replace(
                s,
                "content/charts/hot-100.toml",
                "date = 2025-07-05, pos = 81",
                "date = 0025-07-05, pos = 81",
            )
        },
        expect: "error: 0025-07-05 is 104,356 weeks (about 2,000 years) from the next date of `golden` (2025-07-12), far outside the rest of its run\n  --> content/charts/hot-100.toml:12:12",
    },
    Case {
        name: "base_url with a line break",
        breaks: |s| {
            replace(
                s,
                "site.toml",
                "https://example.org/\"",
                "https://example.org/\\nDisallow: /\"",
            )
        },
        expect: "error: `base_url` holds U+000A (LINE FEED); it must be one line of text\n --> site.toml:3:12",
    },
    Case {
        name: "base_url with a tab",
        breaks: |s| {
            replace(
                s,
                "site.toml",
                "https://example.org/\"",
                "https://exam\\tple.org/\"",
            )
        },
        expect: "error: `base_url` holds U+0009 (TAB); it must be one line of text\n --> site.toml:3:12",
    },
    Case {
        name: "base_url with a backslash",
        breaks: |s| {
            replace(
                s,
                "site.toml",
                "https://example.org/",
                "https://example.org\\\\sub/",
            )
        },
        expect: "error: `base_url` must be a URL without `\\`, found `https://example.org\\sub/`\n --> site.toml:3:1",
    },
    Case {
        name: "base_url with a port and no host",
        breaks: |s| replace(s, "site.toml", "https://example.org/", "https://:80/"),
        expect: "error: `base_url` is not a valid URL (empty host), found `https://:80/`\n --> site.toml:3:1",
    },
    Case {
        name: "base_url with an empty user and no host",
        breaks: |s| replace(s, "site.toml", "https://example.org/", "https://@/"),
        expect: "error: `base_url` is not a valid URL (empty host), found `https://@/`\n --> site.toml:3:1",
    },
    Case {
        name: "base_url with a password",
        breaks: |s| {
            replace(
                s,
                "site.toml",
                "https://example.org/",
                "https://me:secret@example.org/",
            )
        },
        expect: "error: `base_url` must not hold a user name or password",
    },
];

/// A file outside the site root, made for a link to point at.
fn outside(site: &Site, name: &str) -> std::path::PathBuf {
    let path = site
        .root
        .parent()
        .expect("parent")
        .join("outside")
        .join(name);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(&path, "TOP SECRET\n").expect("write");
    path
}

/// A symbolic link at `at` (relative to the site root) to `target`.
fn link(site: &Site, target: &std::path::Path, at: &str) {
    let at = site.root.join(at);
    std::fs::create_dir_all(at.parent().expect("parent")).expect("mkdir");
    std::os::unix::fs::symlink(target, at).expect("symlink");
}

// Every broken site fails with its exact error and exit code 1, and the previous good build
// survives byte for byte with no temporary directory left behind.
#[test]
fn every_broken_site_fails_cleanly() {
    assert!(CASES.len() >= 30);
    let mut failures = Vec::new();
    let good = Site::fixture("facts/site");
    good.build();
    let before = good.tree("public");
    for case in CASES {
        let site = good.copy();
        (case.breaks)(&site);
        let run = site.run(&["build"]);
        let stderr = run.stderr.trim_end();
        if run.code != 1 || !stderr.starts_with(case.expect) {
            failures.push(format!(
                "{}: exit {}\nexpected:\n{}\nactual:\n{}\n",
                case.name, run.code, case.expect, stderr
            ));
            continue;
        }
        if site.tree("public") != before {
            failures.push(format!("{}: the previous output changed", case.name));
        }
        if !site.leftovers().is_empty() {
            failures.push(format!(
                "{}: left {:?} beside the output",
                case.name,
                site.leftovers()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

// Hidden folders (a .git with a token in its config, a template folder's .git with binary
// files) and editor backups are never read in any input folder: the build succeeds and
// publishes none of them.
#[test]
fn hidden_entries_and_backups_are_never_read() {
    let site = Site::fixture("facts/site");
    site.build();
    let token = "url = https://ghp_SECRETTOKEN@github.com/x/y.git";
    for folder in ["content", "templates", "theme", "content/essays"] {
        site.write(
            &format!("{folder}/.git/config"),
            &format!("[remote]\n{token}\n"),
        );
        site.write_bytes(&format!("{folder}/.git/index"), b"DIRC\xff\xfe\x00\x01");
        site.write(&format!("{folder}/.env"), token);
    }
    site.write("content/essays/.notes/private.md", "not front matter");
    site.write("content/essays/one.md~", "broken backup");
    site.write("content/essays/#one.md#", "broken autosave");
    site.write("theme/style.css~", token);
    site.write("templates/page.html~", "{% broken");
    site.build();
    for (path, bytes) in site.tree("public") {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("SECRETTOKEN"),
            "{path} holds the token"
        );
        assert!(
            !path.contains(".git") && !path.contains(".env") && !path.contains('~'),
            "{path} was published"
        );
    }
}

// Merge, patch and backup leftovers (`.orig`, `.rej`, `.bak`, swap files, mergetool
// copies) are never read in any input folder: a broken leftover does not fail the build,
// and none is published as an asset.
#[test]
fn merge_and_backup_leftovers_are_never_read() {
    let site = Site::fixture("facts/site");
    let sources = site.read("content/sources.toml");
    site.write(
        "content/sources.toml.orig",
        &format!("{sources}\n<<<<<<< HEAD\n"),
    );
    site.write("content/essays/one.md.rej", "@@ -1 +1 @@\n-+++\n");
    site.write("content/figures_BASE_4242.toml", "not = [valid");
    site.write("content/charts/hot-100.toml.bak", "broken = ");
    site.write("content/essays/photo.PNG.BAK", "old picture");
    site.write("content/essays/one.md.swp", "swap");
    site.write("templates/page.html.orig", "{% broken");
    site.write("theme/style.css.rej", "body { color: red }");
    site.build();
    let published: Vec<String> = site.tree("public").into_keys().collect();
    for path in &published {
        assert!(
            !["orig", "rej", "bak", "BAK", "swp", "_BASE_"]
                .iter()
                .any(|leftover| path.contains(leftover)),
            "{path} was published"
        );
    }
    assert!(
        published.iter().any(|p| p.starts_with("essays/")),
        "the real content is published: {published:?}"
    );
}

// `--base-url` is held to the same rules as base_url in site.toml.
#[test]
fn malformed_base_url_flags_are_refused() {
    let site = Site::fixture("facts/site");
    site.build();
    let before = site.tree("public");
    for (url, expect) in [
        (
            "https://example.org/\nDisallow: /",
            "error: --base-url: `base_url` must be a URL without U+000A (LINE FEED), found `https://example.org/\\u{a}Disallow: /`",
        ),
        (
            "https://exa\tmple.org/",
            "error: --base-url: `base_url` must be a URL without U+0009 (TAB), found `https://exa\\u{9}mple.org/`",
        ),
        (
            "https://example.org\\sub/",
            "error: --base-url: `base_url` must be a URL without `\\`, found `https://example.org\\sub/`",
        ),
        (
            "https://:80/",
            "error: --base-url: `base_url` is not a valid URL (empty host), found `https://:80/`",
        ),
        (
            "https://@/",
            "error: --base-url: `base_url` is not a valid URL (empty host), found `https://@/`",
        ),
    ] {
        let run = site.run(&["build", "--base-url", url]).failure();
        assert_eq!(run.stderr.trim_end(), expect, "{url:?}");
        assert_eq!(site.tree("public"), before, "{url:?}");
        assert!(site.leftovers().is_empty());
    }
    site.run(&["build", "--base-url", "https://Example.ORG:443/kpdh"])
        .success();
    assert!(
        site.read("public/robots.txt")
            .contains("https://example.org/kpdh/sitemap.xml")
    );
}
