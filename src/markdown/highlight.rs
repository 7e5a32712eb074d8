//! Syntax highlighting of fenced code at build time: syntect's spans with `hl-` classes, which
//! the theme's `highlight.css` colours, from bat's syntaxes (loaded on the first block that
//! names a language).

use std::collections::BTreeSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{LazyLock, Mutex, mpsc};
use std::time::Duration;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::{SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

use super::Input;
use super::events;
use crate::diagnostic::Diagnostic;

/// Every class highlighting writes starts with `hl-`, so no rule of the site's own CSS can
/// match one by accident.
pub const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// bat's syntaxes (syntect's defaults and about 140 more, TOML among them), in their
/// pure-Rust regex form. Decoding them takes a few milliseconds, so a page without a language
/// never pays for it; each grammar's regexes are compiled on their first use.
static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(two_face::syntax::extra_newlines);

/// Info-string words that ask for no highlighting: these blocks stay plain without a warning.
const PLAIN: [&str; 8] = [
    "text",
    "txt",
    "plain",
    "plaintext",
    "none",
    "nohighlight",
    "output",
    "console",
];

/// What a fenced block's language name comes to.
#[derive(Debug, Clone, Copy)]
pub enum Language {
    /// No name, or one that asks for plain text (`text`).
    Plain,
    /// A name no syntax answers to.
    Unknown,
    /// The syntax that highlights it.
    Known(&'static SyntaxReference),
}

/// The language name of a fenced block's info string: its first word, as pulldown-cmark puts
/// it in the `language-` class.
pub fn name(info: &str) -> &str {
    info.split(' ').next().unwrap_or_default()
}

/// The syntax for a language name (`rust`, `toml`, `sh`, `py`...), matched as bat matches
/// it: by file extension, then by syntax name, ignoring case. `rust,ignore` is looked up as
/// `rust`.
pub fn language(name: &str) -> Language {
    let name = name.split(',').next().unwrap_or_default();
    if name.is_empty() || PLAIN.iter().any(|plain| name.eq_ignore_ascii_case(plain)) {
        return Language::Plain;
    }
    let syntaxes: &'static SyntaxSet = &SYNTAXES;
    match syntaxes.find_syntax_by_token(name) {
        Some(syntax) if syntax.name == "Plain Text" => Language::Plain,
        Some(syntax) => Language::Known(syntax),
        None => Language::Unknown,
    }
}

/// How long one block may take to highlight before it is shown plain. syntect can loop
/// forever on some code: bat's JavaScript syntax on a line as short as `x /*` (syntect
/// issues #460 and #706), TypeScript on some ternaries (#707). A real block takes
/// milliseconds, its grammar's first compilation at most a second in a debug build.
const DEADLINE: Duration = Duration::from_secs(5);

/// The blocks highlighting gave up on, by hash of language and code, so that a rebuild
/// under `serve` does not wait for them again; and what to say about each.
static GAVE_UP: LazyLock<Mutex<(BTreeSet<u64>, Vec<String>)>> = LazyLock::new(Mutex::default);

/// The highlighted HTML of a fenced block's code (what goes inside its `<code>`), or `None`
/// when it is to stay plain: no language or an unknown one, no code, a grammar that fails
/// on this code, or one that has not finished after [`DEADLINE`] (the work is left to
/// finish or spin on its own thread; the process does not wait for it).
pub fn block(info: &str, code: &str) -> Option<String> {
    let Language::Known(syntax) = language(name(info)) else {
        return None;
    };
    if code.is_empty() {
        return None;
    }
    let mut hasher = DefaultHasher::new();
    (&syntax.name, code).hash(&mut hasher);
    let key = hasher.finish();
    if gave_up().0.contains(&key) {
        return None;
    }
    let (send, receive) = mpsc::channel();
    let owned = code.to_string();
    std::thread::Builder::new()
        .name("highlight".to_string())
        .spawn(move || {
            let _ = send.send(highlight(syntax, &owned));
        })
        .ok()?;
    match receive.recv_timeout(DEADLINE) {
        Ok(html) => html,
        Err(_) => {
            let first = code
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or_default();
            let shown: String = first.chars().take(60).collect();
            let mut gave_up = gave_up();
            if gave_up.0.insert(key) {
                gave_up.1.push(format!(
                    "highlighting a `{}` block (its first line: `{shown}`) did not finish in {} s, so it is shown as plain code: syntect, the highlighter, loops on some code",
                    name(info),
                    DEADLINE.as_secs()
                ));
            }
            None
        }
    }
}

fn gave_up() -> std::sync::MutexGuard<'static, (BTreeSet<u64>, Vec<String>)> {
    GAVE_UP
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// What to tell about the blocks highlighting gave up on since the last call (each once).
pub fn take_gave_up() -> Vec<String> {
    std::mem::take(&mut gave_up().1)
}

/// `code` highlighted with `syntax`, or `None` when the grammar fails on it.
fn highlight(syntax: &'static SyntaxReference, code: &str) -> Option<String> {
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, &SYNTAXES, CLASS_STYLE);
    for line in LinesWithEndings::from(code) {
        generator
            .parse_html_for_line_which_includes_newline(line)
            .ok()?;
    }
    Some(format!(
        "<span class=\"hl-code\">{}</span>",
        generator.finalize()
    ))
}

/// A warning for each fenced block whose language factsite cannot highlight, at the name in
/// its opening fence; `check` lists them. Nothing when highlighting is off.
pub fn unknown_languages(input: &Input<'_>) -> Vec<Diagnostic> {
    let body = &input.text[input.body_offset..];
    if !input.options.highlight_code || !(body.contains("```") || body.contains("~~~")) {
        return Vec::new();
    }
    let options = events::parser_options(input.options);
    let mut warnings = Vec::new();
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) = event else {
            continue;
        };
        let name = name(&info);
        if !matches!(language(name), Language::Unknown) {
            continue;
        }
        let fence = input.body_offset + range.start;
        let at = name_in_fence(&input.text[fence..], name).map_or(fence..fence + 1, |start| {
            fence + start..fence + start + name.len()
        });
        warnings.push(
            Diagnostic::at(
                input.file,
                input.text,
                at,
                format!("no syntax highlighting for `{name}`: factsite does not know this language"),
            )
            .with_help(
                "the block is shown as plain code; name a known language (rust, toml, json, html, sh, python, js, css, markdown, yaml...) or write `text` for none",
            ),
        );
    }
    warnings
}

/// Where `name` starts in the first line of a fenced block, after its backticks or tildes
/// (`None` when the info string was written with escapes and reads differently).
fn name_in_fence(fence: &str, name: &str) -> Option<usize> {
    let line = &fence[..fence.find('\n').unwrap_or(fence.len())];
    let marks = line.len() - line.trim_start_matches(['`', '~']).len();
    line[marks..].find(name).map(|at| marks + at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::config::MarkdownOptions;

    /// The text of highlighted HTML: tags dropped, entities decoded.
    fn text_of(html: &str) -> String {
        let mut text = String::new();
        let mut rest = html;
        while let Some(open) = rest.find('<') {
            text.push_str(&rest[..open]);
            rest = &rest[open + rest[open..].find('>').expect("tag closes") + 1..];
        }
        text.push_str(rest);
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    #[track_caller]
    fn known(name: &str) -> &'static str {
        match language(name) {
            Language::Known(syntax) => &syntax.name,
            other => panic!("{name}: {other:?}"),
        }
    }

    // The names authors write in fences find their syntax, TOML included (syntect's own set
    // has none).
    #[test]
    fn finds_common_languages_by_name_and_extension() {
        for (name, syntax) in [
            ("rust", "Rust"),
            ("rs", "Rust"),
            ("toml", "TOML"),
            ("json", "JSON"),
            ("html", "HTML"),
            ("sh", "Bourne Again Shell (bash)"),
            ("bash", "Bourne Again Shell (bash)"),
            ("python", "Python"),
            ("py", "Python"),
            ("js", "JavaScript"),
            ("css", "CSS"),
            ("markdown", "Markdown"),
            ("md", "Markdown"),
            ("yaml", "YAML"),
            ("Rust", "Rust"),
            ("rust,ignore", "Rust"),
        ] {
            assert_eq!(known(name), syntax, "{name}");
        }
    }

    // Plain-text names and no name stay plain without a warning; anything else unknown is
    // told apart, for `check`.
    #[test]
    fn tells_plain_from_unknown() {
        for name in ["", "text", "TXT", "plain", "none", "output", "console"] {
            assert!(matches!(language(name), Language::Plain), "{name}");
        }
        for name in ["kpop", "not-a-language", "<script>"] {
            assert!(matches!(language(name), Language::Unknown), "{name}");
        }
    }

    // A highlighted block is classed spans only (no inline colour) around exactly the code,
    // escaped: `<`, `&` and shortcode braces come back as written.
    #[test]
    fn highlights_into_classed_spans_around_the_exact_text() {
        let code = "fn main() {\n    let s = \"a < b && {{ stat() }}\"; // 'q'\n}\n";
        let html = block("rust", code).expect("highlighted");
        assert!(html.starts_with("<span class=\"hl-code\"><span class=\"hl-source hl-rust\">"));
        assert!(html.contains("<span class=\"hl-storage hl-type hl-function hl-rust\">fn</span>"));
        assert!(html.contains("<span class=\"hl-comment hl-line hl-double-slash hl-rust\">"));
        assert!(html.contains("a &lt; b &amp;&amp; {{ stat() }}"));
        assert!(!html.contains("style="), "{html}");
        assert_eq!(text_of(&html), code);
        assert_eq!(
            html.matches("<span").count(),
            html.matches("</span>").count()
        );
    }

    // Unknown languages, plain names and empty blocks are left to the plain writer.
    #[test]
    fn leaves_unknown_plain_and_empty_blocks_alone() {
        assert_eq!(block("kpop", "x < y\n"), None);
        assert_eq!(block("text", "x < y\n"), None);
        assert_eq!(block("", "x < y\n"), None);
        assert_eq!(block("rust", ""), None);
    }

    // Code that opens a string, comment or tag and never closes it still comes out whole.
    #[test]
    fn unclosed_constructs_keep_every_character() {
        for (name, code) in [
            ("rust", "let s = \"never closed\n/* nor this\n"),
            ("html", "<div class=\"a\n<!-- open\n<script>if (a < b) {\n"),
            ("toml", "[table\nkey = \"\"\"\nmore\n"),
            ("json", "{\"a\": [1, 2,\n"),
            ("python", "def f(:\n    '''doc\n"),
        ] {
            let html = block(name, code).expect(name);
            assert_eq!(text_of(&html), code, "{name}");
            assert_eq!(
                html.matches("<span").count(),
                html.matches("</span>").count(),
                "{name}"
            );
        }
    }

    /// `unknown_languages` of a page body, as `line:col: message` lines.
    fn unknown_in(body: &str, options: &MarkdownOptions) -> Vec<String> {
        let text = format!("+++\ntitle = \"T\"\n+++\n{body}");
        let input = Input {
            file: "content/x.md",
            text: &text,
            body_offset: 20,
            options,
        };
        unknown_languages(&input)
            .iter()
            .map(|d| format!("{}: {}", d.location(), d.message))
            .collect()
    }

    // Each unknown language is reported at its name, in a list or a quote too; known,
    // plain and unnamed blocks, indented code and code spans are not, nor anything when
    // highlighting is off.
    #[test]
    fn reports_unknown_languages_where_they_are_named() {
        let body = "```rust\nx\n```\n\n- item\n\n  ```kpop\n  x\n  ```\n\n> ~~~ nope extra\n> x\n> ~~~\n\n```text\nx\n```\n\n```\nx\n```\n\n    ```kpop\n\n`` ```kpop ``\n";
        let options = MarkdownOptions::default();
        let message = |name: &str| {
            format!("no syntax highlighting for `{name}`: factsite does not know this language")
        };
        assert_eq!(
            unknown_in(body, &options),
            [
                format!("content/x.md:10:6: {}", message("kpop")),
                format!("content/x.md:14:7: {}", message("nope")),
            ]
        );
        let off = MarkdownOptions {
            highlight_code: false,
            ..options
        };
        assert!(unknown_in(body, &off).is_empty());
    }

    // The warning points at the name in the fence, even indented in a list.
    #[test]
    fn finds_the_name_in_its_fence() {
        assert_eq!(name_in_fence("```kpop\nx\n```", "kpop"), Some(3));
        assert_eq!(name_in_fence("~~~~  kpop x\n", "kpop"), Some(6));
        assert_eq!(name_in_fence("```k\\+p\n", "k+p"), None);
    }
}
