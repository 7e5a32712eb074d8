//! Tests of markdown rendering: shortcodes, citations, links, headings, footnotes, limits.

use super::events::count_words;
use super::*;
use crate::render::links::{From, LinkIndex};

struct TestEnv {
    links: LinkIndex,
}

impl TestEnv {
    fn new() -> Self {
        let mut links = LinkIndex::default();
        for (source, url) in [("for/x.md", "/for/x/"), ("against/y.md", "/against/y/")] {
            links.sources.insert(source.into(), url.into());
            links.paths.insert(url.into());
        }
        Self { links }
    }
}

impl Env for TestEnv {
    fn shortcode(
        &self,
        call: &Call,
        at: Locator<'_>,
        _: &mut dyn Inner,
    ) -> Result<Expansion, Diagnostic> {
        match call.name.as_str() {
            "num" => Ok(Expansion {
                html: "<span class=\"n\">8</span>".into(),
                text: "8".into(),
                ..Expansion::default()
            }),
            "figure" => Ok(Expansion {
                html: "<figure>F</figure>".into(),
                text: String::new(),
                block: true,
                files: vec![OutputFile::text("f.csv", "a")],
                ..Expansion::default()
            }),
            _ => Err(at.at(
                call.name_range.clone(),
                format!("unknown shortcode `{}`", call.name),
            )),
        }
    }

    fn source(&self, id: &str) -> Result<(), String> {
        if ["a", "b"].contains(&id) {
            Ok(())
        } else {
            Err("known: a, b".into())
        }
    }

    fn link(&self, dest: &str) -> Result<LinkTarget, String> {
        self.links.resolve(
            From {
                dir: "for",
                url: "/for/x/",
            },
            dest,
        )
    }
}

fn render_body(body: &str) -> Result<Body, Vec<Diagnostic>> {
    render_with(body, &MarkdownOptions::default())
}

fn render_with(body: &str, options: &MarkdownOptions) -> Result<Body, Vec<Diagnostic>> {
    let text = format!("+++\ntitle = \"T\"\n+++\n{body}");
    let input = Input {
        file: "content/for/x.md",
        text: &text,
        body_offset: 20,
        options,
    };
    render(&input, &TestEnv::new())
}

/// The HTML with links to other sites opening in a new tab.
#[track_caller]
fn new_tab_html(body: &str) -> String {
    let options = MarkdownOptions {
        external_links_new_tab: true,
        ..MarkdownOptions::default()
    };
    match render_with(body, &options) {
        Ok(rendered) => rendered.html,
        Err(errors) => panic!("{errors:?}"),
    }
}

#[track_caller]
fn html(body: &str) -> String {
    match render_body(body) {
        Ok(rendered) => rendered.html,
        Err(errors) => panic!(
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

#[track_caller]
fn errors(body: &str) -> Vec<String> {
    match render_body(body) {
        Ok(_) => panic!("expected errors"),
        Err(errors) => errors
            .iter()
            .map(|e| format!("{}: {}", e.location(), e.message))
            .collect(),
    }
}

// Shortcodes expand inline, with smart punctuation around them left intact.
#[test]
fn expands_inline_shortcodes_in_prose() {
    assert_eq!(
        html("It spent {{ num() }} \"weeks\" at No. 1."),
        "<p>It spent <span class=\"n\">8</span> “weeks” at No. 1.</p>\n"
    );
}

// A block shortcode replaces its paragraph instead of nesting a figure inside <p>.
#[test]
fn block_shortcodes_replace_their_paragraph() {
    assert_eq!(
        html("Intro.\n\n{{ figure() }}\n\nOutro."),
        "<p>Intro.</p>\n<figure>F</figure>\n<p>Outro.</p>\n"
    );
    assert_eq!(render_body("{{ figure() }}").unwrap().files.len(), 1);
    assert_eq!(
        errors("Text {{ figure() }} more"),
        [
            "content/for/x.md:4:6: this shortcode makes a block (a figure) and must stand alone in its own paragraph"
        ]
    );
}

// A block shortcode followed by more of its paragraph does not stand alone: refused, not
// written as a figure followed by the rest of a paragraph that was never opened.
#[test]
fn block_shortcodes_followed_by_text_are_refused() {
    let refusal =
        "this shortcode makes a block (a figure) and must stand alone in its own paragraph";
    assert_eq!(
        errors("{{ figure() }}\nmore"),
        [format!("content/for/x.md:4:1: {refusal}")]
    );
    assert_eq!(
        errors("{{ figure() }} *x*"),
        [format!("content/for/x.md:4:1: {refusal}")]
    );
}

// Pages are long: hundreds of headings and figures are not mistaken for deep nesting.
#[test]
fn many_headings_and_figures_are_not_nesting() {
    let body = "## A\n\n{{ figure() }}\n\n".repeat(300);
    let rendered = render_body(&body).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(rendered.toc.len(), 300);
    assert_eq!(rendered.html.matches("<figure>F</figure>").count(), 300);
}

// Shortcode syntax inside code is shown as code, never run.
#[test]
fn leaves_code_alone() {
    assert_eq!(
        html("`{{ nope() }}` and `[@zzz]`"),
        "<p><code>{{ nope() }}</code> and <code>[@zzz]</code></p>\n"
    );
    assert_eq!(
        html("```\n{{ nope() }} [@q]\n```"),
        "<pre><code>{{ nope() }} [@q]\n</code></pre>\n"
    );
}

// Errors point at the file, line and column of the shortcode, and all are reported.
#[test]
fn reports_every_bad_shortcode_with_its_location() {
    assert_eq!(
        errors("A {{ nope() }}\n\nB {{ num( }}"),
        [
            "content/for/x.md:6:11: expected a value: \"text\", a number, a date, true, false or [a list]",
            "content/for/x.md:4:6: unknown shortcode `nope`",
        ]
    );
}

// Citations become numbered links to the source list, in order of first citation.
#[test]
fn numbers_citations() {
    let rendered = render_body("One [@b]. Two [@a; @b].").unwrap();
    assert_eq!(
        rendered.html,
        "<p>One <sup class=\"citation\">[<a href=\"#ref-b\">1</a>]</sup>. Two <sup class=\"citation\">[<a href=\"#ref-a\">2</a>, <a href=\"#ref-b\">1</a>]</sup>.</p>\n"
    );
    assert_eq!(rendered.citations, ["b", "a"]);
    assert_eq!(
        errors("See [@nobody]."),
        ["content/for/x.md:4:7: unknown source `nobody`"]
    );
}

// Headings get unique ids, anchor links and a table of contents with shortcodes as text.
#[test]
fn gives_headings_ids_and_a_toc() {
    let rendered =
        render_body("## The {{ num() }} weeks\n\n## The 8 weeks\n\n### Custom {#mine}").unwrap();
    assert_eq!(
        rendered
            .toc
            .iter()
            .map(|t| (t.level, t.id.as_str(), t.title.as_str()))
            .collect::<Vec<_>>(),
        [
            (2, "the-8-weeks", "The 8 weeks"),
            (2, "the-8-weeks-1", "The 8 weeks"),
            (3, "mine", "Custom"),
        ]
    );
    assert!(rendered.html.starts_with("<h2 id=\"the-8-weeks\">The <span class=\"n\">8</span> weeks <a class=\"heading-anchor\" href=\"#the-8-weeks\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h2>"), "{}", rendered.html);
}

// Links to source files and URLs are rewritten relative and recorded for the anchor check.
#[test]
fn rewrites_and_records_internal_links() {
    let rendered = render_body("[a](../against/y.md#h) [b](/for/x/) [c](https://e.org/)").unwrap();
    assert_eq!(
        rendered.html,
        "<p><a href=\"../../against/y/#h\">a</a> <a href=\"./\">b</a> <a href=\"https://e.org/\">c</a></p>\n"
    );
    assert_eq!(rendered.links.len(), 2);
    assert_eq!(rendered.links[0].range, 20..42);
    assert_eq!(
        errors("Go [there](../against/z.md)."),
        [
            "content/for/x.md:4:4: broken link `../against/z.md`: `content/against/z.md` does not exist"
        ]
    );
}

// An email autolink gets `mailto:` once, not twice (CommonMark examples 604 and 605).
#[test]
fn email_autolinks_get_mailto_once() {
    assert_eq!(
        html("<foo+special@Bar.baz-bar0.com>"),
        "<p><a href=\"mailto:foo+special@Bar.baz-bar0.com\">foo+special@Bar.baz-bar0.com</a></p>\n"
    );
    assert_eq!(
        new_tab_html("<foo@bar.example.com>"),
        "<p><a href=\"mailto:foo@bar.example.com\">foo@bar.example.com</a></p>\n"
    );
}

// A link opening in a new tab is percent-encoded as every other link is and keeps its title
// (CommonMark examples 20, 346, 526, 538 and 603).
#[test]
fn new_tab_links_keep_their_encoding_and_title() {
    assert_eq!(
        new_tab_html("<https://example.com?find=\\*>"),
        "<p><a href=\"https://example.com?find=%5C*\" target=\"_blank\" rel=\"noopener\">https://example.com?find=\\*</a></p>\n"
    );
    assert_eq!(
        new_tab_html("[a](https://x.org/ \"the title\")"),
        "<p><a href=\"https://x.org/\" title=\"the title\" target=\"_blank\" rel=\"noopener\">a</a></p>\n"
    );
    assert_eq!(
        new_tab_html("<https://foo.bar.baz/test?q=hello&id=22&boolean>"),
        "<p><a href=\"https://foo.bar.baz/test?q=hello&amp;id=22&amp;boolean\" target=\"_blank\" rel=\"noopener\">https://foo.bar.baz/test?q=hello&amp;id=22&amp;boolean</a></p>\n"
    );
    assert_eq!(
        new_tab_html("[link](https://x.org/a`b]c[d\\e)"),
        "<p><a href=\"https://x.org/a%60b%5Dc%5Bd%5Ce\" target=\"_blank\" rel=\"noopener\">link</a></p>\n"
    );
    // Internal links stay in the tab; inside an image a link is only alt text.
    assert_eq!(
        new_tab_html("[b](/for/x/ \"t\") ![a [c](https://x.org/)](https://x.org/i.png)"),
        "<p><a href=\"./\" title=\"t\">b</a> <img src=\"https://x.org/i.png\" alt=\"a c\" /></p>\n"
    );
}

// Footnotes move to a numbered list at the end, with links both ways.
#[test]
fn collects_footnotes_at_the_end() {
    let out = html("Claim.[^note]\n\n[^note]: The detail.");
    assert_eq!(
        out,
        "<p>Claim.<sup class=\"footnote-ref\" id=\"fnref-note\"><a href=\"#fn-note\">1</a></sup></p>\n<section class=\"footnotes\" id=\"footnotes\" aria-label=\"Footnotes\">\n<ol>\n<li id=\"fn-note\">\n<p>The detail.</p>\n<p class=\"footnote-back\"><a href=\"#fnref-note\" aria-label=\"Back to the text\">↩</a></p>\n</li>\n</ol>\n</section>\n"
    );
}

// Tables, strikethrough and raw HTML pass through.
#[test]
fn renders_commonmark_extensions_and_raw_html() {
    assert_eq!(
        html("| a |\n|---|\n| 1 |"),
        "<table><thead><tr><th>a</th></tr></thead><tbody>\n<tr><td>1</td></tr>\n</tbody></table>\n"
    );
    assert_eq!(
        html("~~old~~ <b>{{ num() }}</b>"),
        "<p><del>old</del> <b><span class=\"n\">8</span></b></p>\n"
    );
}

// Literal shortcodes are shown escaped.
#[test]
fn shows_escaped_shortcodes_literally() {
    assert_eq!(
        html("Write {{/* stat(x=\"<y>\") */}}."),
        "<p>Write {{ stat(x=&quot;&lt;y&gt;&quot;) }}.</p>\n"
    );
}

// A closing quote before a citation stays a closing quote.
#[test]
fn smart_quotes_close_before_citations_and_numbers() {
    assert_eq!(
        html("He said \"golden\"[@a] and \"{{ num() }}\" weeks."),
        "<p>He said “golden”<sup class=\"citation\">[<a href=\"#ref-a\">1</a>]</sup> and “<span class=\"n\">8</span>” weeks.</p>\n"
    );
}

// Reserved private-use characters are refused rather than mistaken for placeholders.
#[test]
fn refuses_reserved_characters() {
    assert_eq!(
        errors("a \u{E000}0\u{E001}"),
        ["content/for/x.md:4:3: private-use characters U+E000 and U+E001 are reserved by factsite"]
    );
}

// Absurd nesting is refused with a location instead of producing HTML no browser can show.
#[test]
fn refuses_absurd_nesting() {
    let deep = format!("{} hi", ">".repeat(20_000));
    assert_eq!(
        errors(&deep),
        ["content/for/x.md:4:101: markdown nested more than 100 levels deep"]
    );
    assert!(render_body(&format!("{} fine", ">".repeat(50))).is_ok());
}

// Indented code blocks keep their shortcodes as text even when the body has no backticks.
#[test]
fn leaves_indented_code_alone() {
    assert_eq!(
        html("Text.\n\n    {{ nope() }}\n"),
        "<p>Text.</p>\n<pre><code>{{ nope() }}\n</code></pre>\n"
    );
    assert_eq!(
        html("~~~\n{{ nope() }}\n~~~"),
        "<pre><code>{{ nope() }}\n</code></pre>\n"
    );
}

proptest::proptest! {
    // Reading time rests on this count; the byte-wise count agrees with `split_whitespace`.
    #[test]
    fn counts_words_as_split_whitespace_does(text in "[ \t\n\r\u{B}\u{C}\u{1C}ab\u{A0}é]*") {
        proptest::prop_assert_eq!(count_words(&text), text.split_whitespace().count());
    }
}

mod code;
mod ids;
mod interplay;
