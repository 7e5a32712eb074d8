//! factsite's own syntax inside markdown's: shortcodes, citations and footnotes in emphasis,
//! links, lists, tables, block quotes and headings, next to backslash escapes and code.

use super::{errors, html};

const NUM: &str = "<span class=\"n\">8</span>";
const CITE_A: &str = "<sup class=\"citation\">[<a href=\"#ref-a\">1</a>]</sup>";

#[track_caller]
fn case(markdown: &str, expected: &str) {
    let expected = expected.replace("{NUM}", NUM).replace("{CITE_A}", CITE_A);
    assert_eq!(html(markdown), expected, "markdown: {markdown:?}");
}

#[track_caller]
fn refused(markdown: &str, expected: &[&str]) {
    assert_eq!(errors(markdown), expected, "markdown: {markdown:?}");
}

// Inside emphasis, strong emphasis and strikethrough, expansions take the place of the
// syntax, and the delimiters around them still pair.
#[test]
fn expansions_inside_emphasis() {
    case(
        "*It spent {{ num() }} weeks*",
        "<p><em>It spent {NUM} weeks</em></p>\n",
    );
    case("*{{ num() }}*", "<p><em>{NUM}</em></p>\n");
    case("**[@a]**", "<p><strong>{CITE_A}</strong></p>\n");
    case(
        "_claim_[@a] and *claim*[@a]",
        "<p><em>claim</em>{CITE_A} and <em>claim</em>{CITE_A}</p>\n",
    );
    case("~~{{ num() }}~~", "<p><del>{NUM}</del></p>\n");
    case(
        "***{{ num() }}*** weeks",
        "<p><em><strong>{NUM}</strong></em> weeks</p>\n",
    );
}

// In a link's text an expansion is part of the link; a citation right after a link stays
// out of it; `[@id](url)` is a link, not a citation.
#[test]
fn expansions_and_links() {
    case(
        "[{{ num() }} weeks](../against/y.md)",
        "<p><a href=\"../../against/y/\">{NUM} weeks</a></p>\n",
    );
    case(
        "[weeks](../against/y.md)[@a]",
        "<p><a href=\"../../against/y/\">weeks</a>{CITE_A}</p>\n",
    );
    case(
        "[@a](../against/y.md) and [@a][y]\n\n[y]: /for/x/",
        "<p><a href=\"../../against/y/\">@a</a> and <a href=\"./\">@a</a></p>\n",
    );
    case(
        "![{{ num() }} weeks [@a]](/for/x/)",
        "<p><img src=\"./\" alt=\"8 weeks \" /></p>\n",
    );
}

// A citation in a link's text would nest its link inside the other: refused, at the citation.
// (A footnote reference ends the link, as in pulldown-cmark and GitHub.)
#[test]
fn no_citations_inside_link_text() {
    refused(
        "[see [@a]](../against/y.md) and [the [@b]][r]\n\n[r]: /for/x/",
        &[
            "content/for/x.md:4:6: a citation inside a link's text would put a link inside a link",
            "content/for/x.md:4:38: a citation inside a link's text would put a link inside a link",
        ],
    );
    case(
        "[x[^n]](../against/y.md)\n\n[^n]: N.",
        "<p>[x<sup class=\"footnote-ref\" id=\"fnref-n\"><a href=\"#fn-n\">1</a></sup>](../against/y.md)</p>\n<section class=\"footnotes\" id=\"footnotes\" aria-label=\"Footnotes\">\n<ol>\n<li id=\"fn-n\">\n<p>N.</p>\n<p class=\"footnote-back\"><a href=\"#fnref-n\" aria-label=\"Back to the text\">↩</a></p>\n</li>\n</ol>\n</section>\n",
    );
}

// A shortcode or citation in a destination or title is refused, not half-expanded.
#[test]
fn no_expansions_in_destinations_or_titles() {
    refused(
        "<https://x.org/{{ num() }}>",
        &[
            "content/for/x.md:4:1: shortcodes and citations cannot be used inside a link destination or title",
        ],
    );
    refused(
        "[a](/for/x/ \"{{ num() }}\")",
        &[
            "content/for/x.md:4:1: shortcodes and citations cannot be used inside a link destination or title",
        ],
    );
}

// In list items, tables and block quotes expansions render in place; a table cell's
// shortcode may hold a `|` without splitting the cell.
#[test]
fn expansions_in_lists_tables_and_quotes() {
    case(
        "- {{ num() }} weeks\n- [@a]",
        "<ul>\n<li>{NUM} weeks</li>\n<li>{CITE_A}</li>\n</ul>\n",
    );
    case(
        "- [ ] {{ num() }}\n- [x] done",
        "<ul>\n<li><input disabled=\"\" type=\"checkbox\"/>\n{NUM}</li>\n<li><input disabled=\"\" type=\"checkbox\" checked=\"\"/>\ndone</li>\n</ul>\n",
    );
    case(
        "| a | b |\n|---|---|\n| {{ num(s=\"x|y\") }} | [@a] |",
        "<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody>\n<tr><td>{NUM}</td><td>{CITE_A}</td></tr>\n</tbody></table>\n",
    );
    case(
        "> {{ num() }} weeks[@a]",
        "<blockquote>\n<p>{NUM} weeks{CITE_A}</p>\n</blockquote>\n",
    );
    case(
        "> {{ figure() }}",
        "<blockquote>\n<figure>F</figure></blockquote>\n",
    );
    case(
        "- a\n\n- {{ figure() }}",
        "<ul>\n<li>\n<p>a</p>\n</li>\n<li><figure>F</figure></li>\n</ul>\n",
    );
}

// A block shortcode in a tight list item shares its line with the item, so it is refused
// as any block that does not stand alone is.
#[test]
fn block_shortcodes_in_tight_lists_are_refused() {
    refused(
        "- a\n- {{ figure() }}",
        &[
            "content/for/x.md:5:3: this shortcode makes a block (a figure) and must stand alone in its own paragraph",
        ],
    );
}

// In headings, expansions count as their text for the id and the table of contents;
// citations and footnote references stay out of both.
#[test]
fn expansions_in_headings() {
    case(
        "## {{ num() }} weeks [@a]",
        "<h2 id=\"8-weeks\">{NUM} weeks {CITE_A} <a class=\"heading-anchor\" href=\"#8-weeks\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h2>\n",
    );
    let rendered = super::render_body("## *Why* {{ num() }}[^n]\n\n[^n]: N.").unwrap();
    assert_eq!(rendered.toc[0].id, "why-8");
    assert_eq!(rendered.toc[0].title, "Why 8");
}

// Footnote references sit inside emphasis, lists, tables and quotes, and a note's own text
// may hold shortcodes and citations.
#[test]
fn footnotes_among_markdown() {
    let out = html(
        "*a[^n]*\n\n- b[^n]\n\n| c |\n|---|\n| d[^n] |\n\n> e[^n]\n\n[^n]: {{ num() }} weeks[@a].",
    );
    assert_eq!(out.matches("<a href=\"#fn-n\">1</a>").count(), 4, "{out}");
    assert!(
        out.starts_with("<p><em>a<sup class=\"footnote-ref\" id=\"fnref-n\">"),
        "{out}"
    );
    assert!(
        out.contains("<td>d<sup class=\"footnote-ref\" id=\"fnref-n-3\">"),
        "{out}"
    );
    assert!(
        out.contains(&format!("<li id=\"fn-n\">\n<p>{NUM} weeks{CITE_A}.</p>")),
        "{out}"
    );
}

// A backslash keeps `{{` and `[@` literal, as it keeps any punctuation literal; an escaped
// backslash before them does not.
#[test]
fn backslash_escapes() {
    case("\\{{ num() }}", "<p>{{ num() }}</p>\n");
    case("\\[@a]", "<p>[@a]</p>\n");
    case("{\\{ num() }}", "<p>{{ num() }}</p>\n");
    case("\\\\{{ num() }}", "<p>\\{NUM}</p>\n");
    case("\\\\[@a]", "<p>\\{CITE_A}</p>\n");
    case("\\\\\\{{ num() }}", "<p>\\{{ num() }}</p>\n");
}

// In code spans and code blocks, wherever they sit, `{{`, `[@` and `[^` are text.
#[test]
fn code_keeps_the_syntax_literal() {
    case("``{{ `x` }} [@a]``", "<p><code>{{ `x` }} [@a]</code></p>\n");
    case(
        "[`{{ nope() }}`](../against/y.md)",
        "<p><a href=\"../../against/y/\"><code>{{ nope() }}</code></a></p>\n",
    );
    case(
        "| `{{ nope() }}` | `[@zzz]` |\n|---|---|",
        "<table><thead><tr><th><code>{{ nope() }}</code></th><th><code>[@zzz]</code></th></tr></thead><tbody>\n</tbody></table>\n",
    );
    case(
        "- item\n\n  ```\n  {{ nope() }} [^n]\n  ```",
        "<ul>\n<li>\n<p>item</p>\n<pre><code>{{ nope() }} [^n]\n</code></pre>\n</li>\n</ul>\n",
    );
    case(
        "> `[@zzz]`",
        "<blockquote>\n<p><code>[@zzz]</code></p>\n</blockquote>\n",
    );
    // A backtick that opens no code span leaves the shortcode live.
    case("`{{ num() }}", "<p>`{NUM}</p>\n");
}

// Raw HTML passes through with expansions inside it.
#[test]
fn expansions_in_raw_html() {
    case("<div>{{ num() }}</div>", "<div>{NUM}</div>");
    case("a <b>{{ num() }}</b>", "<p>a <b>{NUM}</b></p>\n");
}
