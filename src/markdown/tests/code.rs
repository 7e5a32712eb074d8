//! Fenced code through the whole renderer: highlighted when its language is known, plain
//! otherwise, with pulldown-cmark's `<pre><code class="language-x">` kept around it.

use super::{MarkdownOptions, html, render_with};

/// The HTML with highlighting off.
#[track_caller]
fn plain_html(body: &str) -> String {
    let options = MarkdownOptions {
        highlight_code: false,
        ..MarkdownOptions::default()
    };
    match render_with(body, &options) {
        Ok(rendered) => rendered.html,
        Err(errors) => panic!("{errors:?}"),
    }
}

/// Highlighted HTML without its spans, and with the quotes syntect escapes written plain:
/// what pulldown-cmark alone writes.
fn unhighlighted(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find("<span class=\"hl-") {
        out.push_str(&rest[..at]);
        rest = &rest[at + rest[at..].find('>').expect("tag closes") + 1..];
    }
    out.push_str(rest);
    // Every `</span>` in these bodies is highlighting's.
    out.replace("</span>", "")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

// A block in a known language is classed spans inside the usual `<pre><code>`, with its
// text exactly the code, `<`, `&` and shortcode syntax included (never run).
#[test]
fn highlights_a_known_language_inside_the_usual_elements() {
    let markdown = "Before.\n\n```rust\nlet s = \"<b> & {{ nope() }} [@zzz]\";\n```\n\nAfter.";
    let out = html(markdown);
    assert!(
        out.starts_with(
            "<p>Before.</p>\n<pre><code class=\"language-rust\"><span class=\"hl-code\"><span class=\"hl-source hl-rust\">"
        ),
        "{out}"
    );
    assert!(
        out.ends_with("\n</span></span></code></pre>\n<p>After.</p>\n"),
        "{out}"
    );
    assert!(
        out.contains("<span class=\"hl-storage hl-type hl-rust\">let</span>"),
        "{out}"
    );
    assert!(out.contains("&lt;b&gt; &amp; {{ nope() }} [@zzz]"), "{out}");
    assert!(!out.contains("style="), "{out}");
    assert_eq!(unhighlighted(&out), plain_html(markdown));
}

// Unknown languages, plain-text names, no name and indented code are written as before.
#[test]
fn leaves_other_code_blocks_plain() {
    for (markdown, expected) in [
        (
            "```kpop\na < b & {{ x }}\n```",
            "<pre><code class=\"language-kpop\">a &lt; b &amp; {{ x }}\n</code></pre>\n",
        ),
        (
            "```text\nfn main() {}\n```",
            "<pre><code class=\"language-text\">fn main() {}\n</code></pre>\n",
        ),
        (
            "```\nfn main() {}\n```",
            "<pre><code>fn main() {}\n</code></pre>\n",
        ),
        (
            "Text.\n\n    fn main() {}\n",
            "<p>Text.</p>\n<pre><code>fn main() {}\n</code></pre>\n",
        ),
        (
            "```rust\n```",
            "<pre><code class=\"language-rust\"></code></pre>\n",
        ),
    ] {
        assert_eq!(html(markdown), expected, "{markdown:?}");
    }
}

// `highlight_code = false` gives pulldown-cmark's plain block.
#[test]
fn highlighting_can_be_turned_off() {
    assert_eq!(
        plain_html("```rust\nfn main() {}\n```"),
        "<pre><code class=\"language-rust\">fn main() {}\n</code></pre>\n"
    );
}

// In a list item, a block quote and a footnote, a highlighted block sits where the plain one
// would, and the markup around it is unchanged.
#[test]
fn highlights_inside_lists_quotes_and_footnotes() {
    let markdown = "- item\n  ```toml\n  title = \"x\"\n  ```\n- next\n\n> ```json\n> {\"a\": 1}\n> ```\n\nSee[^n].\n\n[^n]: Note:\n\n    ```sh\n    echo \"$HOME\"\n    ```\n";
    let out = html(markdown);
    assert_eq!(out.matches("<span class=\"hl-code\">").count(), 3, "{out}");
    assert!(out.contains("<span class=\"hl-source hl-toml\">"), "{out}");
    assert!(out.contains("<span class=\"hl-source hl-json\">"), "{out}");
    assert!(
        out.contains("<span class=\"hl-source hl-shell hl-bash\">"),
        "{out}"
    );
    assert_eq!(unhighlighted(&out), plain_html(markdown));
}

// The words of highlighted code count toward reading time as plain code's do.
#[test]
fn counts_the_words_of_highlighted_code() {
    let markdown = "One two.\n\n```python\ndef f(x):\n    return x\n```\n";
    let options = MarkdownOptions {
        highlight_code: false,
        ..MarkdownOptions::default()
    };
    let highlighted = render_with(markdown, &MarkdownOptions::default()).expect("renders");
    let plain = render_with(markdown, &options).expect("renders");
    assert_eq!(highlighted.words, plain.words);
    assert_eq!(plain.words, 6);
}
