//! The examples of a spec file in the CommonMark spec format.

/// One example: markdown in, the HTML the spec expects out.
#[derive(Debug, Clone)]
pub struct Example {
    /// The spec file's name (`spec.txt`).
    pub file: &'static str,
    /// Its number, counting from 1 in the file, as the spec's own tools count.
    pub number: usize,
    /// The line of its opening fence, for messages.
    pub line: usize,
    /// The markdown, with the spec's `→` turned back into tabs.
    pub markdown: String,
    /// The HTML the spec expects.
    pub html: String,
}

const FENCE: &str = "````````````````````````````````";

/// Every example of a spec file, in order.
pub fn examples(file: &'static str, text: &str) -> Vec<Example> {
    let mut examples = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((index, line)) = lines.next() {
        let Some(kind) = line.strip_prefix(FENCE) else {
            continue;
        };
        if !kind.trim_start().starts_with("example") {
            continue;
        }
        let mut markdown = String::new();
        let mut html = String::new();
        let mut in_html = false;
        for (_, line) in lines.by_ref() {
            if line == FENCE {
                break;
            }
            if line == "." && !in_html {
                in_html = true;
                continue;
            }
            let target = if in_html { &mut html } else { &mut markdown };
            target.push_str(&line.replace('→', "\t"));
            target.push('\n');
        }
        examples.push(Example {
            file,
            number: examples.len() + 1,
            line: index + 1,
            markdown,
            html,
        });
    }
    examples
}

// The parser finds every example of the CommonMark spec, numbered as the spec numbers them.
#[test]
fn finds_all_652_commonmark_examples() {
    let all = examples("spec.txt", include_str!("specs/spec.txt"));
    assert_eq!(all.len(), 652);
    assert_eq!(all[0].markdown, "\tfoo\tbaz\t\tbim\n");
    assert_eq!(all[0].html, "<pre><code>foo\tbaz\t\tbim\n</code></pre>\n");
    assert_eq!(all[651].markdown, "Multiple     spaces\n");
}
