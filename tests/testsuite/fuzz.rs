//! Property tests: arbitrary and mutated input never panics or hangs the parsers. The
//! default run is short; the long run is `PROPTEST_CASES=100000 cargo test --release --test
//! testsuite fuzz` (see the README).

use proptest::prelude::*;

use factsite::content::config::MarkdownOptions;
use factsite::content::front_matter;
use factsite::data::dataset;
use factsite::data::figures::Figures;
use factsite::data::sources::Bibliography;
use factsite::diagnostic::Diagnostic;
use factsite::markdown::call::{self, Call};
use factsite::markdown::{self, Env, Expansion, Inner, LinkTarget, Locator, scan};
use factsite::shortcodes;

const SOURCES: &str = "[[source]]\nid = \"wire\"\ntitle = \"T\"\npublisher = \"P\"\nurl = \"https://e.org/a\"\npublished = 2025-07-01\naccessed = 2026-11-21\n\n[[source]]\nid = \"blog\"\ntitle = \"B\"\npublisher = \"Q\"\nurl = \"https://e.org/b\"\npublished = 2025-07-01\naccessed = 2026-11-21\n";

const DATASET: &str = "title = \"Hot 100\"\npublisher = \"Billboard\"\npositions = 100\ndated = \"Saturday\"\n\n[[entry]]\nid = \"golden\"\ntitle = \"Golden\"\nartist = \"HUNTR/X\"\nstarts_at_debut = true\nweeks = [\n  { date = 2025-07-05, pos = 81, source = \"wire\", basis = \"derived\" },\n  { date = 2025-07-12, pos = \"off\", source = \"wire\", conflict = [{ pos = 8, source = \"blog\" }] },\n  { date = 2025-07-26, pos = 1, source = \"wire\", also = [\"blog\"] },\n]\n";

const PAGE: &str = "+++\ntitle = \"T\"\ndate = 2025-07-05\n[extra]\nx = [1, 2]\n+++\n## Head {#h}\n\nText {{ stat(chart=\"hot-100\", entry=\"golden\", value=\"peak\") }} and {{ fact(1, \"hot-100/golden/peak\", style=\"word\") }}[@wire; @wire].\n\n{{ chart(data=\"hot-100\", entries=[\"golden\"], from=2025-07-05) }}\n\n> quote [link](#h) `{{ code }}` {{/* literal */}}\n\n{% note(text=\"a {{ fact(1, \\\"hot-100/golden/peak\\\") }}\") %}\nBody *b* [@wire] {two} {{ note() }}\n{% end %}\n\n- item[^1]\n\n[^1]: note\n";

/// Text from characters that matter to the parsers, or from anything at all.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[+{}()\\[\\]@\"=a-z0-9 \n,.;:#*_`~>!|/\\\\-]{0,300}",
        any::<String>(),
    ]
}

/// A valid input with random insertions, deletions and replacements.
fn mutated(seed: &'static str) -> impl Strategy<Value = String> {
    prop::collection::vec(
        (any::<prop::sample::Index>(), 0u8..3, prop::char::any()),
        0..12,
    )
    .prop_map(move |edits| {
        let mut chars: Vec<char> = seed.chars().collect();
        for (at, op, c) in edits {
            let i = at.index(chars.len() + 1);
            match op {
                0 => chars.insert(i, c),
                1 if i < chars.len() => {
                    chars.remove(i);
                }
                _ if i < chars.len() => chars[i] = c,
                _ => chars.push(c),
            }
        }
        chars.into_iter().collect()
    })
}

fn data() -> factsite::data::Data {
    let bibliography =
        Bibliography::parse("content/sources.toml", SOURCES.to_string()).expect("sources");
    let hot = dataset::parse(
        "hot-100",
        "content/charts/hot-100.toml",
        DATASET.to_string(),
        &bibliography,
    )
    .expect("dataset");
    factsite::data::Data {
        bibliography,
        datasets: vec![hot],
        figures: Figures::default(),
        audit: None,
    }
}

struct FuzzEnv<'a> {
    data: &'a factsite::data::Data,
}

impl Env for FuzzEnv<'_> {
    fn shortcode(
        &self,
        call: &Call,
        at: Locator<'_>,
        inner: &mut dyn Inner,
    ) -> Result<Expansion, Diagnostic> {
        let page = shortcodes::Page {
            authored: Some(&Note),
            ..shortcodes::Page::new(self.data, "/x/")
        };
        shortcodes::expand(call, at, &page, inner)
    }

    fn source(&self, id: &str) -> Result<(), String> {
        if id == "wire" {
            Ok(())
        } else {
            Err(String::new())
        }
    }

    fn link(&self, dest: &str) -> Result<LinkTarget, String> {
        Ok(LinkTarget {
            href: dest.to_string(),
            web: false,
            check: None,
        })
    }
}

/// An author's shortcode, `note`, that writes its body and its `text` argument.
struct Note;

impl shortcodes::Authored for Note {
    fn names(&self) -> Vec<&str> {
        vec!["note"]
    }

    fn reads(&self, _: &str) -> Option<Vec<&str>> {
        None
    }

    fn render(&self, _: &str, values: tera::Context) -> Result<String, Diagnostic> {
        let text = |key: &str| {
            values
                .get(key)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        Ok(format!(
            "<div title=\"{}\">{}</div>",
            text("text"),
            text("body")
        ))
    }
}

fn render(text: &str, data: &factsite::data::Data) {
    let _ = render_with(text, data, &MarkdownOptions::default());
}

fn render_with(
    text: &str,
    data: &factsite::data::Data,
    options: &MarkdownOptions,
) -> Option<String> {
    let split = front_matter::split("content/x.md", text).ok()?;
    let input = markdown::Input {
        file: "content/x.md",
        text,
        body_offset: split.body_offset,
        options,
    };
    markdown::render(&input, &FuzzEnv { data })
        .ok()
        .map(|body| body.html)
}

proptest! {
    // Front matter splitting and parsing never panic, whatever the file holds.
    #[test]
    fn front_matter_never_panics(text in prop_oneof![text(), mutated(PAGE)]) {
        let _ = front_matter::parse("content/x.md", &text);
    }

    // The shortcode and citation scanners return, with ranges inside the text.
    #[test]
    fn shortcodes_and_citations_never_panic(text in prop_oneof![text(), mutated(PAGE)]) {
        let (found, errors) = scan::scan(&text, 0, &[]);
        for item in found {
            prop_assert!(item.range.end <= text.len());
        }
        for error in errors {
            prop_assert!(error.range.end <= text.len());
        }
        if let Some(at) = text.find("{{") {
            let _ = call::parse(&text, at);
        }
    }

    // Dataset loading reports errors, never panics.
    #[test]
    fn dataset_loading_never_panics(text in prop_oneof![text(), mutated(DATASET)]) {
        let bibliography = Bibliography::parse("s", SOURCES.to_string()).expect("sources");
        if let Ok(parsed) = dataset::parse("hot-100", "content/charts/hot-100.toml", text, &bibliography) {
            let datasets = [parsed];
            let figures = Figures::default();
            let _ = factsite::data::stats::Stats { datasets: &datasets, figures: &figures, audit: None }.resolve("hot-100/golden/weeks_at_no1");
        }
    }

    // Markdown with shortcodes, citations, charts and footnotes renders or errors cleanly.
    #[test]
    fn markdown_rendering_never_panics(text in prop_oneof![mutated(PAGE), text().prop_map(|t| format!("+++\ntitle = \"T\"\n+++\n{t}"))]) {
        render(&text, &data());
    }

    // Highlighting changes only spans inside code: any code in a fence naming a language,
    // whatever follows it, keeps its text and the markup around it, and never hangs.
    #[test]
    fn highlighting_keeps_any_code_as_written(
        language in prop::sample::select(vec!["rust", "toml", "json", "html", "sh", "python", "js", "css", "markdown", "yaml"]),
        code in text(),
    ) {
        let text = format!("+++\ntitle = \"T\"\n+++\n```{language}\n{code}\n```\n");
        let plain = MarkdownOptions { highlight_code: false, ..MarkdownOptions::default() };
        let data = data();
        let highlighted = render_with(&text, &data, &MarkdownOptions::default());
        let plain = render_with(&text, &data, &plain);
        prop_assert_eq!(highlighted.map(|html| crate::commonmark::without_highlighting(&html)), plain);
    }
}
