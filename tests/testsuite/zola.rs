//! Coming from Zola or Hugo: the author's shortcodes (`templates/shortcodes/NAME.html`,
//! inline and with a body), `@/` links to content files, and the hints that name
//! factsite's spelling of a Zola or Hugo habit.

use crate::support::Site;

fn site() -> Site {
    Site::fixture("zola/site")
}

const PAGE: &str = "content/essays/two.md";

/// The page with `from` replaced by `to` (which must be there).
fn edit(site: &Site, from: &str, to: &str) {
    let text = site.read(PAGE);
    assert!(text.contains(from), "{from} not in {text}");
    site.write(PAGE, &text.replacen(from, to, 1));
}

/// The stderr of a failing build, the previous output left as it was.
#[track_caller]
fn build_error(site: &Site) -> String {
    let before = site.exists("public").then(|| site.tree("public"));
    let run = site.run(&["build"]).failure();
    assert_eq!(run.code, 1);
    if let Some(before) = before {
        assert!(
            site.tree("public") == before,
            "the failed build changed public/"
        );
    }
    run.stderr
}

fn prose(site: &Site) -> String {
    site.build();
    site.read("public/essays/two/index.html")
}

// An inline call, {{ name(arg=...) }}, renders templates/shortcodes/NAME.html with its
// arguments, in the paragraph, once per call.
#[test]
fn an_inline_author_shortcode_renders_its_template() {
    let html = prose(&site());
    assert!(
        html.contains("As the chart put it, <q class=\"pull\">a long run at the top</q>.\nAnd again, <q class=\"pull\">no rival</q>.</p>"),
        "{html}"
    );
}

// A call with a body, {% name(...) %}...{% end %}, gets its body as `body`; the markdown
// filter renders it, and a fact inside stays checked and linked to its data.
#[test]
fn a_body_shortcode_gets_its_body_and_a_fact_inside_stays_bound() {
    let html = prose(&site());
    assert!(
        html.contains("<aside class=\"note note-tip\"><b>Heads up</b> <p>Golden spent <a href=\"../../charts/hot-100/#entry-golden\" class=\"fact\" title=\"Checked against the data: Golden (HUNTR/X) on the Billboard Hot 100: weeks at No. 1 is 2, data as of August 30, 2025\">2</a> weeks at the top, <em>a long run</em>.</p>\n</aside>"),
        "{html}"
    );
    // The aside stands alone: it is not wrapped in a paragraph.
    assert!(!html.contains("<p><aside"), "{html}");
}

// A chart inside a body is drawn there, stands outside any paragraph, and publishes its
// CSV, which it links as the page's own chart would.
#[test]
fn a_chart_inside_a_body_stays_a_chart() {
    let site = site();
    let text = site.read(PAGE);
    site.write(
        PAGE,
        &format!("{text}\n{{% note(kind=\"chart\") %}}\n{{{{ chart(data=\"hot-100\", entries=[\"golden\"], title=\"Golden at the top\") }}}}\n{{% end %}}\n"),
    );
    let html = prose(&site);
    assert!(
        html.contains("<aside class=\"note note-chart\"><figure class=\"chart\" id=\"chart-1\"><figcaption class=\"chart-caption\"><p class=\"chart-title\">Golden at the top</p>"),
        "{html}"
    );
    assert!(!html.contains("<p><figure"), "{html}");
    assert!(
        html.contains("href=\"../../charts/hot-100/golden.csv\""),
        "{html}"
    );
    assert!(site.exists("public/charts/hot-100/golden.csv"));
    // As on the page, a chart in a body must stand alone in its paragraph.
    site.write(
        PAGE,
        &format!("{text}\n{{% note(kind=\"chart\") %}}\nSee {{{{ chart(data=\"hot-100\", entries=[\"golden\"]) }}}}\n{{% end %}}\n"),
    );
    assert_eq!(
        build_error(&site),
        "error: this shortcode makes a block (a figure) and must stand alone in its own paragraph\n  --> content/essays/two.md:19:5\n   |\n19 | See {{ chart(data=\"hot-100\", entries=[\"golden\"]) }}\n   |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\nhelp: put a blank line before and after it in the body of `note`\n"
    );
}

// A wrong fact inside a body fails the build at the fact, in the page.
#[test]
fn a_wrong_fact_inside_a_body_fails_at_the_fact() {
    let site = site();
    site.build();
    edit(&site, "fact(2, ", "fact(3, ");
    assert_eq!(
        build_error(&site),
        "error: fact does not match the data: the text says 3, but `hot-100/golden/weeks_at_no1` is 2 (Golden (HUNTR/X) on the Billboard Hot 100: weeks at No. 1, data as of August 30, 2025)\n  --> content/essays/two.md:12:22\n   |\n12 | Golden spent {{ fact(3, \"hot-100/golden/weeks_at_no1\") }} weeks at the top, *a long run*.\n   |                      ^\nhelp: correct the text, or the data (with its source) if the text is right\n"
    );
}

// Arguments reach the template with their types: a number compares as a number, `false`
// is false (not the text "false"), a list loops.
#[test]
fn arguments_keep_their_types() {
    let html = prose(&site());
    assert!(
        html.contains("Ranked <span class=\"rank\">high [pop] [film]</span>."),
        "{html}"
    );
    let site = site();
    edit(&site, "top=8, wide=false", "top=3, wide=true");
    let html = prose(&site);
    assert!(
        html.contains("Ranked <span class=\"rank\">low wide [pop] [film]</span>."),
        "{html}"
    );
}

// A body never closed by `{% end %}` is an error at its opening tag.
#[test]
fn an_unclosed_body_is_a_located_error() {
    let site = site();
    edit(
        &site,
        "weeks at the top, *a long run*.\n{% end %}\n",
        "weeks at the top, *a long run*.\n",
    );
    assert_eq!(
        build_error(&site),
        "error: the body of `note` is never closed by `{% end %}`\n  --> content/essays/two.md:11:1\n   |\n11 | {% note(kind=\"tip\", title=\"Heads up\") %}\n   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\nhelp: end the body with {% end %} on a line of its own; a shortcode without a body is written {{ note(...) }}\n"
    );
}

// A call of a shortcode nobody defines is an error at its name, listing those that exist.
#[test]
fn an_unknown_shortcode_is_a_located_error() {
    let site = site();
    site.build();
    edit(
        &site,
        "{{ pull(text=\"no rival\") }}",
        "{{ pul(text=\"no rival\") }}",
    );
    assert_eq!(
        build_error(&site),
        "error: unknown shortcode `pul`\n --> content/essays/two.md:9:15\n  |\n9 | And again, {{ pul(text=\"no rival\") }}.\n  |               ^^^\nhelp: shortcodes: stat, fact, chart (built in), note, pull, rank, see (templates/shortcodes/); to make `pul`, write templates/shortcodes/pul.html\n"
    );
}

// An argument the template never reads (a misspelling) is an error at the argument,
// naming those the template reads.
#[test]
fn an_unknown_argument_is_a_located_error() {
    let site = site();
    site.build();
    edit(&site, "pull(text=\"no rival\")", "pull(txt=\"no rival\")");
    assert_eq!(
        build_error(&site),
        "error: `pull` has no argument `txt`\n --> content/essays/two.md:9:20\n  |\n9 | And again, {{ pull(txt=\"no rival\") }}.\n  |                    ^^^\nhelp: templates/shortcodes/pull.html reads `text`; rename the argument, or read `txt` in the template\n"
    );
}

// An argument the template reads but the call leaves out is an error in the template,
// naming the call.
#[test]
fn a_missing_argument_names_the_call() {
    let site = site();
    site.build();
    edit(&site, "pull(text=\"no rival\")", "pull()");
    let stderr = build_error(&site);
    assert!(
        stderr.contains(" --> templates/shortcodes/pull.html:1:20\n  |\n1 | <q class=\"pull\">{{ text }}</q>\n  |                    ^^^^\nnote: in the shortcode `pull` called at content/essays/two.md:9:15\nhelp: the call of `pull` does not pass `text`: add text=... to the call, or give it a default in the template: {{ text | default(value=\"\") }}"),
        "{stderr}"
    );
}

// The number audit reads what an author's shortcode publishes: a number in a text
// argument is found where it is written, and a number the template writes itself is
// found at the call.
#[test]
fn the_audit_sees_numbers_in_author_shortcodes() {
    let site = site();
    site.build();
    edit(&site, "text=\"no rival\"", "text=\"no rival in 37 weeks\"");
    assert_eq!(
        build_error(&site),
        "error: unbound number `37`: it is not bound to the data, no source cited with it quotes it, and it is not marked\n --> content/essays/two.md:9:38\n  |\n9 | And again, {{ pull(text=\"no rival in 37 weeks\") }}.\n  |                                      ^^\nhelp: bind it to the data with {{ fact(...) }}, cite a source whose `quote` holds it in the same sentence ([@source-id]), or, if it is not a fact, mark it: {37}\n"
    );
    let site = self::site();
    site.write(
        "templates/shortcodes/pull.html",
        "<q class=\"pull\">{{ text }}</q> (one of 40)\n",
    );
    let stderr = build_error(&site);
    assert!(
        stderr.starts_with("error: unbound number `40`: it is not bound to the data, no source cited with it quotes it, and it is not marked\n --> content/essays/two.md:8:22\n"),
        "{stderr}"
    );
    // A number in a body is found where it is written.
    let site = self::site();
    edit(&site, "*a long run*", "*a run of 37 weeks*");
    let stderr = build_error(&site);
    assert!(
        stderr.starts_with("error: unbound number `37`: it is not bound to the data, no source cited with it quotes it, and it is not marked\n  --> content/essays/two.md:12:87\n"),
        "{stderr}"
    );
    // A marked number in an argument is published without its braces.
    let site = self::site();
    edit(
        &site,
        "text=\"no rival\"",
        "text=\"no rival in {37} weeks\"",
    );
    assert!(
        prose(&site).contains("<q class=\"pull\">no rival in 37 weeks</q>"),
        "the marked number"
    );
}

// `@/section/page.md` links to the page made from that content file, in the text, in a
// shortcode's output, and through url() in a template (the call also writes its text in
// single quotes, as Zola allows).
#[test]
fn at_links_resolve_to_the_page() {
    let html = prose(&site());
    assert!(
        html.contains(
            "Back to <a href=\"../one/\">the first essay</a> and <a href=\"../../\">home</a>."
        ),
        "{html}"
    );
    assert!(
        html.contains("See <a class=\"see\" href=\"../one/\">the first</a> (<a class=\"see-url\" href=\"../one/\">also</a>)."),
        "{html}"
    );
}

// A broken `@/` link is an error at the link naming the missing content file (not a path
// glued onto the page's folder).
#[test]
fn a_broken_at_link_names_the_missing_content_file() {
    let site = site();
    site.build();
    edit(
        &site,
        "[home](@/_index.md)",
        "[strategy](@/essays/strategy.md)",
    );
    assert_eq!(
        build_error(&site),
        "error: broken link `@/essays/strategy.md`: `content/essays/strategy.md` does not exist\n --> content/essays/two.md:6:48\n  |\n6 | Back to [the first essay](@/essays/one.md) and [strategy](@/essays/strategy.md).\n  |                                                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
    );
    // In a shortcode's output, the error is at the call.
    let site = self::site();
    edit(&site, "to=\"@/essays/one.md\"", "to=\"@/essays/gone.md\"");
    let stderr = build_error(&site);
    assert!(
        stderr.starts_with("error: broken link `@/essays/gone.md`: `content/essays/gone.md` does not exist\n  --> content/essays/two.md:16:8\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("note: the link is in the output of the shortcode `see`"),
        "{stderr}"
    );
}

// Zola's `get_url` is an unknown function whose help names `url`.
#[test]
fn get_url_names_url() {
    let site = site();
    site.write(
        "templates/shortcodes/see.html",
        "<a href=\"{{ get_url(path=\"@/essays/one.md\") }}\">{{ label }}{{ to }}</a>\n",
    );
    let stderr = build_error(&site);
    assert!(
        stderr.starts_with(
            "error: Unknown function `get_url`\n --> templates/shortcodes/see.html:1:13\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "\nhelp: factsite calls it `url`: url(path=\"@/essays/x.md\") for a page by its file"
        ),
        "{stderr}"
    );
}

// Zola's and Hugo's `tags` in front matter is an unknown key whose help names `topics`.
#[test]
fn tags_names_topics() {
    let site = site();
    edit(
        &site,
        "stance = \"context\"\n",
        "stance = \"context\"\ntags = [\"pop\"]\n",
    );
    let stderr = build_error(&site);
    assert!(
        stderr.starts_with("error: unknown field `tags`, expected one of"),
        "{stderr}"
    );
    assert!(
        stderr.contains(" --> content/essays/two.md:5:1\n  |\n5 | tags = [\"pop\"]\n  | ^^^^\nhelp: check the spelling; free-form keys belong in the `[extra]` table where one exists; factsite calls them `topics`: topics = [\"streaming\", \"charts\"]\n"),
        "{stderr}"
    );
}

// YAML front matter (`---`, as Hugo writes it) is an error at the first line whose help
// shows the same keys in TOML between `+++` lines.
#[test]
fn yaml_front_matter_names_toml() {
    let site = site();
    site.write(PAGE, "---\ntitle: \"Two\"\ndate: 2025-08-02\n---\nText.\n");
    assert_eq!(
        build_error(&site),
        "error: YAML front matter (`---`) is not read by factsite\n --> content/essays/two.md:1:1\n  |\n1 | ---\n  | ^^^\nhelp: write the front matter in TOML between `+++` lines, as Zola does: `+++`, then key = value lines such as title = \"Two\", then `+++`\n"
    );
}

// A Hugo shortcode, {{< name param >}}, is an error at the tag whose help writes the same
// call in factsite's (Zola's) syntax.
#[test]
fn hugo_shortcodes_name_the_zola_syntax() {
    let site = site();
    site.build();
    edit(
        &site,
        "{{ pull(text=\"no rival\") }}",
        "{{< pull text=\"no rival\" >}}",
    );
    assert_eq!(
        build_error(&site),
        "error: `{{<` is Hugo's shortcode syntax\n --> content/essays/two.md:9:12\n  |\n9 | And again, {{< pull text=\"no rival\" >}}.\n  |            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^\nhelp: factsite writes shortcodes as Zola does: {{ pull(text=\"no rival\") }}; with a body, {% pull(...) %}...{% end %}\n"
    );
}

// A field of `config.extra` the site does not set, printed or tested below its level
// (fine in Tera 1), is an error whose help shows Tera 2's default and `?.` spellings.
#[test]
fn a_missing_config_extra_field_shows_default_and_optional_chaining() {
    let site = site();
    site.write(
        "templates/shortcodes/pull.html",
        "<q class=\"pull\">{{ text }}</q>{% if config.extra.social.twitter %}t{% endif %}\n",
    );
    let stderr = build_error(&site);
    assert!(
        stderr.starts_with("error: Field `social` is not defined. Available fields: methodology\n --> templates/shortcodes/pull.html:1:50\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("\nhelp: a field that is not there is an error when printed (in Tera 2 as in Tera 1): print it with a default, {{ config.extra.social | default(value=\"\") }}, or test it first, {% if config.extra.social %}; Tera 2 also refuses a field of a field that is not there, even in `if`: write `?.` after a level that may be missing, config.extra.social?.twitter"),
        "{stderr}"
    );
    // Written as the help says, it builds.
    site.write(
        "templates/shortcodes/pull.html",
        "<q class=\"pull\">{{ text }}</q>{% if config.extra.social?.twitter %}t{% endif %}{{ config.extra.note | default(value=\"\") }}\n",
    );
    site.build();
}
