//! Tests of the ids a page's body gives out: headings, footnotes, and what they must not take.

use super::{errors, html, render_body};

fn ids(body: &str) -> Vec<String> {
    render_body(body)
        .unwrap_or_else(|e| panic!("{e:?}"))
        .toc
        .into_iter()
        .map(|entry| entry.id)
        .collect()
}

// Two headings with the same `{#id}` would make a link land on the wrong one: the second is
// a located error that names the first's line.
#[test]
fn refuses_a_repeated_explicit_id() {
    assert_eq!(
        errors("## A {#x}\n\nText.\n\n## B {#x}\n"),
        ["content/for/x.md:8:7: heading id `x` is already used by the heading on line 4"]
    );
    assert_eq!(
        errors("A {#x}\n===\n\nB { .c #x }\n---\n"),
        ["content/for/x.md:7:8: heading id `x` is already used by the heading on line 4"]
    );
}

// The error reads as every located error does, with a help line.
#[test]
fn shows_the_repeated_id_with_a_caret() {
    let errors = render_body("## A {#why}\n\n## B {#why}").unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "error: heading id `why` is already used by the heading on line 4\n --> content/for/x.md:6:7\n  |\n6 | ## B {#why}\n  |       ^^^^\nhelp: ids must be unique within a page: choose another `{#...}`"
    );
}

// An explicit id the page template uses for its landmarks would break the template's links.
#[test]
fn refuses_an_id_the_templates_reserve() {
    assert_eq!(
        errors("## Sources {#sources}\n\n## Main {#main}"),
        [
            "content/for/x.md:4:13: heading id `sources` is reserved: the page template uses it",
            "content/for/x.md:6:10: heading id `main` is reserved: the page template uses it",
        ]
    );
    let errors = render_body("## Contents {#toc-title}").unwrap_err();
    assert_eq!(
        errors[0].help.as_deref(),
        Some(
            "reserved ids: main, content, sections, sources, sources-title, footnotes, toc, toc-title, corrections, corrections-title, top"
        )
    );
}

// An explicit id may not take a footnote's id or a cited source's entry in the source list.
#[test]
fn refuses_an_id_a_footnote_or_a_cited_source_holds() {
    assert_eq!(
        errors("## N {#fn-note}\n\nText.[^note]\n\n[^note]: The note."),
        ["content/for/x.md:4:7: heading id `fn-note` is taken by the footnote `[^note]`"]
    );
    assert_eq!(
        errors("## R {#ref-a}\n\nText [@a]."),
        ["content/for/x.md:4:7: heading id `ref-a` is taken by the source list entry for `[@a]`"]
    );
    // Sources the page does not cite have no entry, so their ids are free.
    assert_eq!(ids("## R {#ref-b}\n\nText [@a]."), ["ref-b"]);
}

// An id the author chose wins wherever it is: a generated id steps around it, before or after.
#[test]
fn generated_ids_step_around_explicit_ones() {
    assert_eq!(ids("## Data\n\n## Other {#data}"), ["data-1", "data"]);
    assert_eq!(ids("## Other {#data}\n\n## Data"), ["data", "data-1"]);
    assert_eq!(
        ids("## Data\n\n## Data\n\n## X {#data-1}"),
        ["data", "data-2", "data-1"]
    );
}

// A generated heading id never takes a footnote's or a cited source's id.
#[test]
fn generated_ids_avoid_footnote_and_source_ids() {
    assert_eq!(
        ids("## Fn note\n\n## Fnref note\n\nText.[^note]\n\n[^note]: N."),
        ["fn-note-1", "fnref-note-1"]
    );
    assert_eq!(ids("## Ref a\n\nText [@a]."), ["ref-a-1"]);
}

// Footnote labels match ignoring case, as pulldown-cmark matches them, and labels that
// slugify alike still get ids of their own.
#[test]
fn footnote_labels_get_ids_of_their_own() {
    let out = html("One[^Note] two[^a b] three[^a-b].\n\n[^note]: N.\n[^a b]: AB.\n[^a-b]: A-B.");
    assert!(
        out.contains(
            "<sup class=\"footnote-ref\" id=\"fnref-note\"><a href=\"#fn-note\">1</a></sup>"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "<li id=\"fn-note\">\n<p>N.</p>\n<p class=\"footnote-back\"><a href=\"#fnref-note\""
        ),
        "{out}"
    );
    assert!(
        out.contains("id=\"fnref-a-b\"><a href=\"#fn-a-b\">2</a>"),
        "{out}"
    );
    assert!(
        out.contains("id=\"fnref-a-b-1\"><a href=\"#fn-a-b-1\">3</a>"),
        "{out}"
    );
    assert!(out.contains("<li id=\"fn-a-b\">\n<p>AB.</p>"), "{out}");
    assert!(out.contains("<li id=\"fn-a-b-1\">\n<p>A-B.</p>"), "{out}");
}

// A second reference to a note gets its own id, and no other label's ids collide with it.
#[test]
fn repeated_footnote_references_get_distinct_ids() {
    let out = html("A[^a] B[^a] C[^a-2].\n\n[^a]: One.\n[^a-2]: Two.");
    assert!(out.contains("id=\"fnref-a\""), "{out}");
    assert!(
        out.contains("id=\"fnref-a-2\"><a href=\"#fn-a\">1</a>"),
        "{out}"
    );
    assert!(
        out.contains("id=\"fnref-a-2-1\"><a href=\"#fn-a-2-1\">2</a>"),
        "{out}"
    );
}

// Thousands of headings or footnotes with the same text get their ids in linear time, not
// by trying every taken suffix again for each one, and never share one.
#[test]
fn many_alike_headings_and_notes_get_ids_quickly() {
    let mut body = "## A\n\n".repeat(20_000);
    for i in 0..5_000 {
        body.push_str(&format!("x[^n{}] ", "!".repeat(i % 50)));
    }
    for i in 0..50 {
        body.push_str(&format!("\n\n[^n{}]: Note {i}.", "!".repeat(i)));
    }
    let started = std::time::Instant::now();
    let rendered = render_body(&body).unwrap_or_else(|e| panic!("{e:?}"));
    let elapsed = started.elapsed();
    assert_eq!(rendered.toc.last().map(|t| t.id.as_str()), Some("a-19999"));
    let ids: Vec<&str> = rendered
        .html
        .split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    let unique: std::collections::HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), 20_000 + 5_000 + 50 + 1);
    assert_eq!(unique.len(), ids.len());
    assert!(elapsed.as_secs() < 5, "{elapsed:?}");
}
