//! Fenced code highlighted at build time: a fixture page with code in many languages, the
//! default theme's highlight.css, `highlight_code = false`, and `check`'s warning for a
//! language factsite does not know.

use crate::support::Site;

/// The opening of a highlighted block in `language`, whose root scope is `scope`.
fn highlighted(language: &str, scope: &str) -> String {
    format!(
        "<pre><code class=\"language-{language}\"><span class=\"hl-code\"><span class=\"hl-source hl-{scope}\">"
    )
}

// Each language's block is classed spans inside the usual `<pre><code>`, with its text
// escaped and shortcodes left as text; unknown, plain and indented code stays plain.
#[test]
fn highlights_fenced_code_in_many_languages() {
    let site = Site::fixture("highlight/site");
    site.build();
    let page = site.read("public/code/index.html");
    for (language, scope) in [
        ("rust", "rust"),
        ("toml", "toml"),
        ("json", "json"),
        ("sh", "shell hl-bash"),
        ("python", "python"),
        ("js", "js"),
        ("css", "css"),
    ] {
        assert!(
            page.contains(&highlighted(language, scope)),
            "{language}: {page}"
        );
    }
    assert!(
        page.contains("<pre><code class=\"language-html\"><span class=\"hl-code\"><span class=\"hl-text hl-html hl-basic\">"),
        "{page}"
    );
    assert!(
        page.contains("<pre><code class=\"language-markdown\"><span class=\"hl-code\"><span class=\"hl-text hl-html hl-markdown\">"),
        "{page}"
    );
    assert!(
        page.contains("&lt;b&gt; &amp; {{ stat(chart=<span"),
        "{page}"
    );
    assert!(
        page.contains("<span class=\"hl-punctuation hl-definition hl-tag hl-begin hl-html\">&lt;</span><span class=\"hl-entity hl-name hl-tag hl-block hl-any hl-html\">p</span>"),
        "{page}"
    );
    assert!(
        page.contains("<pre><code class=\"language-kpop\">Golden &lt;3\n</code></pre>"),
        "{page}"
    );
    assert!(
        page.contains("<pre><code class=\"language-text\">plain words\n</code></pre>"),
        "{page}"
    );
    assert!(
        page.contains("<pre><code>indented code\n</code></pre>"),
        "{page}"
    );
    assert!(!page.contains(" style="), "no inline colours");
}

// The default theme publishes highlight.css under a fingerprinted name and every page links it.
#[test]
fn publishes_and_links_the_highlight_stylesheet() {
    let site = Site::fixture("highlight/site");
    site.build();
    let names: Vec<String> = site
        .tree("public")
        .into_keys()
        .filter(|name| name.starts_with("highlight."))
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert_eq!(
        names[0].len(),
        "highlight.0123456789.css".len(),
        "{names:?}"
    );
    let css = site.read(&format!("public/{}", names[0]));
    let theme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/theme/highlight.css"))
            .expect("theme/highlight.css");
    assert_eq!(css, theme);
    for page in ["public/index.html", "public/code/index.html"] {
        let html = site.read(page);
        let href = if page == "public/index.html" {
            names[0].clone()
        } else {
            format!("../{}", names[0])
        };
        assert!(
            html.contains(&format!("<link rel=\"stylesheet\" href=\"{href}\">")),
            "{page}: {html}"
        );
    }
}

// `highlight_code = false` writes every block plain, as pulldown-cmark does.
#[test]
fn highlight_code_false_writes_plain_blocks() {
    let site = Site::fixture("highlight/site");
    site.write(
        "site.toml",
        "title = \"Code\"\nbase_url = \"https://example.org/\"\n\n[markdown]\nhighlight_code = false\n",
    );
    site.build();
    let page = site.read("public/code/index.html");
    assert!(!page.contains("hl-"), "{page}");
    assert!(
        page.contains("<pre><code class=\"language-rust\">fn main() {\n    let s = \"&lt;b&gt; &amp; {{ stat(chart=\\\"x\\\") }}\";\n}\n</code></pre>"),
        "{page}"
    );
    let check = site.run(&["check"]).success();
    assert!(!check.stderr.contains("kpop"), "{}", check.stderr);
}

// `check` names the file, line and column of a language factsite cannot highlight, as a
// warning: the build and the check still pass.
#[test]
fn check_warns_at_an_unknown_language() {
    let site = Site::fixture("highlight/site");
    let check = site.run(&["check"]).success();
    assert!(
        check.stderr.contains(
            "warning: no syntax highlighting for `kpop`: factsite does not know this language\n  --> content/code.md:51:4\n   |\n51 | ```kpop\n   |    ^^^^\nhelp: the block is shown as plain code; name a known language (rust, toml, json, html, sh, python, js, css, markdown, yaml...) or write `text` for none\n"
        ),
        "{}",
        check.stderr
    );
    assert_eq!(
        check
            .stderr
            .matches("warning: no syntax highlighting")
            .count(),
        1,
        "{}",
        check.stderr
    );
}

// Code the highlighter loops on forever (bat's JavaScript syntax on `x /*`, a known syntect
// bug) does not hang the build: after the deadline the block is shown as plain code with a
// warning naming its language and first line, and the other blocks are still highlighted.
#[test]
fn code_the_highlighter_loops_on_is_shown_plain() {
    let site = Site::minimal();
    site.write(
        "content/_index.md",
        "+++\ntitle = \"Home\"\n+++\n```js\nx /*\n```\n\n```rust\nfn main() {}\n```\n",
    );
    let run = site.build();
    assert!(
        run.stderr.contains(
            "warning: highlighting a `js` block (its first line: `x /*`) did not finish in 5 s, so it is shown as plain code"
        ),
        "{}",
        run.stderr
    );
    let html = site.read("public/index.html");
    assert!(
        html.contains("<pre><code class=\"language-js\">x /*\n</code></pre>"),
        "{html}"
    );
    assert!(
        html.contains("<code class=\"language-rust\"><span class=\"hl-code\">"),
        "{html}"
    );
}
