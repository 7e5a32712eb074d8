//! Markdown conformance: every example of the CommonMark spec and of the extension specs
//! factsite enables, rendered in-process by factsite and compared with pulldown-cmark's own
//! output; each difference is an intended one, listed with its reason in `intended.rs`.

mod compare;
mod env;
mod footnotes;
mod intended;
mod spec;

use std::collections::BTreeMap;
use std::io::Write;
use std::time::Instant;

use factsite::content::config::MarkdownOptions;
use factsite::diagnostic::Diagnostic;

use compare::Outcome;
use intended::Reason;
use spec::Example;

/// The spec files in `specs/` (where each comes from: `specs/README.md`) and how many
/// examples each holds.
const SPECS: [(&str, &str, usize); 9] = [
    ("spec.txt", include_str!("specs/spec.txt"), 652),
    ("smart_punct.txt", include_str!("specs/smart_punct.txt"), 16),
    ("gfm_table.txt", include_str!("specs/gfm_table.txt"), 9),
    (
        "gfm_strikethrough.txt",
        include_str!("specs/gfm_strikethrough.txt"),
        3,
    ),
    (
        "gfm_tasklist.txt",
        include_str!("specs/gfm_tasklist.txt"),
        2,
    ),
    ("table.txt", include_str!("specs/table.txt"), 28),
    (
        "strikethrough.txt",
        include_str!("specs/strikethrough.txt"),
        16,
    ),
    ("footnotes.txt", include_str!("specs/footnotes.txt"), 26),
    (
        "heading_attrs.txt",
        include_str!("specs/heading_attrs.txt"),
        42,
    ),
];

fn all_examples() -> Vec<Example> {
    let mut all = Vec::new();
    for (file, text, count) in SPECS {
        let examples = spec::examples(file, text);
        assert_eq!(examples.len(), count, "examples in {file}");
        all.extend(examples);
    }
    all
}

/// Smart punctuation and new-tab links off and on; anchor links off, since the spec's HTML
/// has no `#` links after headings, and highlighting off, since its code blocks hold plain
/// text (what highlighting changes is tested apart, below).
fn option_sets() -> Vec<MarkdownOptions> {
    let mut sets = Vec::new();
    for smart_punctuation in [false, true] {
        for external_links_new_tab in [false, true] {
            sets.push(MarkdownOptions {
                smart_punctuation,
                anchor_links: false,
                external_links_new_tab,
                highlight_code: false,
            });
        }
    }
    sets
}

// pulldown-cmark alone, with factsite's parser options, renders every example as its spec
// says: the reference the next test compares factsite with is the spec itself.
#[test]
fn pulldown_cmark_with_factsites_options_passes_every_spec_example() {
    let mut failed = Vec::new();
    for example in all_examples() {
        let smart = example.file == "smart_punct.txt";
        let html = compare::pulldown(&example.markdown, compare::parser_options(smart), None);
        if compare::normalize(&html) != compare::normalize(&example.html) {
            failed.push(format!("{} example {}", example.file, example.number));
        }
    }
    assert!(
        failed.is_empty(),
        "pulldown-cmark differs from the spec: {failed:?}"
    );
}

// Authors' markdown means what it means everywhere else: each example renders as
// pulldown-cmark renders it, or differs for a listed reason, in every option set.
#[test]
fn every_spec_example_renders_as_pulldown_cmark_does_or_differs_as_listed() {
    let start = Instant::now();
    let examples = all_examples();
    let sets = option_sets();
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut unexplained = Vec::new();
    for options in &sets {
        for example in &examples {
            let outcome = compare::compare(example, options);
            match verdict(example, &outcome) {
                Ok(reason) => {
                    let name = reason.map_or("same", Reason::name);
                    *counts.entry((example.file, name)).or_default() += 1;
                }
                Err(listed) => unexplained.push(describe(example, options, &outcome, listed)),
            }
        }
    }
    let mut summary = format!(
        "markdown conformance: {} spec examples x {} option sets (smart_punctuation and external_links_new_tab off and on)\n",
        examples.len(),
        sets.len()
    );
    for (file, _, count) in SPECS {
        let parts: Vec<String> = counts
            .iter()
            .filter(|((f, _), _)| *f == file)
            .map(|((_, name), n)| format!("{n} {name}"))
            .collect();
        summary.push_str(&format!(
            "  {file:<22} {count:>3} x {}: {}\n",
            sets.len(),
            parts.join(", ")
        ));
    }
    let same: usize = counts
        .iter()
        .filter(|((_, n), _)| *n == "same")
        .map(|(_, c)| c)
        .sum();
    let total: usize = counts.values().sum();
    summary.push_str(&format!(
        "  total: {} renderings, {same} same as pulldown-cmark, {} intended differences, {} unexplained ({} ms)\n",
        examples.len() * sets.len(),
        total - same,
        unexplained.len(),
        start.elapsed().as_millis()
    ));
    // Written to the real stderr, past the test harness's capture, so `cargo test` shows it.
    std::io::stderr()
        .write_all(summary.as_bytes())
        .unwrap_or_default();
    assert!(
        unexplained.is_empty(),
        "{} unexplained differences:\n{}",
        unexplained.len(),
        unexplained.join("\n")
    );
}

/// The listed reason an outcome is explained by, or `Err` with the listed one (if any)
/// when it is not.
fn verdict(example: &Example, outcome: &Outcome) -> Result<Option<Reason>, Option<Reason>> {
    let listed = intended::reason(example.file, example.number);
    match (outcome, listed) {
        (Outcome::Same, None) => Ok(None),
        (Outcome::Rewritten, Some(Reason::RewrittenUrl))
        | (Outcome::Footnotes, Some(Reason::Footnotes)) => Ok(listed),
        (Outcome::Refused(errors), Some(Reason::EmptyDestination))
            if refused_at_brackets(errors) =>
        {
            Ok(listed)
        }
        _ => Err(listed),
    }
}

/// Every error is the link checker's refusal of an empty destination, pointing at the `[`
/// that opens the link or the reference definition.
fn refused_at_brackets(errors: &[Diagnostic]) -> bool {
    !errors.is_empty()
        && errors.iter().all(|error| {
            error.message == "empty link destination"
                && error.source_line.chars().nth(error.col - 1) == Some('[')
        })
}

fn describe(
    example: &Example,
    options: &MarkdownOptions,
    outcome: &Outcome,
    listed: Option<Reason>,
) -> String {
    let found = match outcome {
        Outcome::Same => "the same HTML as pulldown-cmark".to_string(),
        Outcome::Rewritten => "only its links rewritten".to_string(),
        Outcome::Footnotes => "only its footnotes gathered".to_string(),
        Outcome::Refused(errors) => format!(
            "refused: {}",
            errors
                .iter()
                .map(|e| format!("{}: {}", e.location(), e.message))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        Outcome::Differs { expected, actual } => {
            format!(
                "different HTML\n    pulldown-cmark: {expected:?}\n    factsite:       {actual:?}"
            )
        }
    };
    format!(
        "{} example {} (line {}), smart_punctuation = {}, external_links_new_tab = {}, listed as {listed:?}: {found}\n    markdown: {:?}",
        example.file,
        example.number,
        example.line,
        options.smart_punctuation,
        options.external_links_new_tab,
        example.markdown
    )
}

/// Curly quotes, dashes and ellipses back as the ASCII they are made from.
fn ascii_punctuation(html: &str) -> String {
    html.replace(['“', '”'], "\"")
        .replace(['‘', '’'], "'")
        .replace('—', "---")
        .replace('–', "--")
        .replace('…', "...")
}

// With smart punctuation on, an example differs from its rendering without only in its
// quotes, dashes and ellipses.
#[test]
fn smart_punctuation_changes_only_quotes_and_dashes() {
    let smart = MarkdownOptions {
        smart_punctuation: true,
        anchor_links: false,
        external_links_new_tab: false,
        highlight_code: false,
    };
    let plain = MarkdownOptions {
        smart_punctuation: false,
        ..smart.clone()
    };
    let mut changed = 0;
    let mut failed = Vec::new();
    for example in all_examples() {
        let env = env::SpecEnv::for_example(&example.markdown, compare::parser_options(true));
        let (Ok(with), Ok(without)) = (
            compare::factsite(&example, &smart, &env),
            compare::factsite(&example, &plain, &env),
        ) else {
            continue;
        };
        changed += usize::from(with != without);
        if ascii_punctuation(&with) != ascii_punctuation(&without) {
            failed.push(format!("{} example {}", example.file, example.number));
        }
    }
    // Measured with pulldown-cmark 0.13: so the comparison is known not to be vacuous.
    assert_eq!(changed, 50, "examples smart punctuation changes");
    assert!(
        failed.is_empty(),
        "smart punctuation changed more than punctuation: {failed:?}"
    );
}

/// Highlighted HTML as pulldown-cmark writes the same code: each `<span class="hl-code">`
/// and the spans inside it taken out, and the quotes syntect escapes there written plain.
pub(crate) fn without_highlighting(html: &str) -> String {
    const OPEN: &str = "<span class=\"hl-code\">";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let mut depth = 0usize;
        let mut code = String::new();
        while let Some(tag) = rest.find('<') {
            code.push_str(&rest[..tag]);
            let end = tag + rest[tag..].find('>').expect("tag closes") + 1;
            let closing = rest[tag..].starts_with("</span>");
            rest = &rest[end..];
            if closing {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            } else {
                depth += 1;
            }
        }
        out.push_str(&code.replace("&quot;", "\"").replace("&#39;", "'"));
    }
    out.push_str(rest);
    out
}

// With highlighting on, an example differs from its rendering without only inside fenced
// code that names a known language, and there only by spans: the text is the same, character
// for character, and so is all the markup around it.
#[test]
fn highlighting_changes_only_spans_inside_code() {
    let plain = MarkdownOptions {
        smart_punctuation: false,
        anchor_links: false,
        external_links_new_tab: false,
        highlight_code: false,
    };
    let highlighted = MarkdownOptions {
        highlight_code: true,
        ..plain.clone()
    };
    let mut changed = 0;
    let mut failed = Vec::new();
    for example in all_examples() {
        let env = env::SpecEnv::for_example(&example.markdown, compare::parser_options(false));
        let (Ok(with), Ok(without)) = (
            compare::factsite(&example, &highlighted, &env),
            compare::factsite(&example, &plain, &env),
        ) else {
            continue;
        };
        changed += usize::from(with != without);
        if without_highlighting(&with) != without {
            failed.push(format!("{} example {}", example.file, example.number));
        }
    }
    // Measured: examples 142 and 143 of spec.txt, the two `ruby` fences; every other fence
    // names no language, or one no syntax answers to (`foo+bar`, `;`, `aa`).
    assert_eq!(changed, 2, "examples highlighting changes");
    assert!(
        failed.is_empty(),
        "highlighting changed more than spans inside code: {failed:?}"
    );
}
