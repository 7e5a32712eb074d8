//! Extraction: what the audit reads of a rendered page, and marks through markdown.

use super::*;

fn audited(body: &str) -> Vec<(String, Class)> {
    let text = format!("+++\ntitle = \"T\"\n+++\n{body}");
    let options = MarkdownOptions::default();
    let input = markdown::Input {
        file: "content/x.md",
        text: &text,
        body_offset: 19,
        options: &options,
    };
    let rendered = markdown::render(&input, &Prose).unwrap();
    classify(&rendered.prose, &Backing::default(), &context(), &text)
        .into_iter()
        .map(|f| {
            let range: Range<usize> = f.at.clone();
            assert_eq!(&text[range], f.text.as_str(), "located: {f:?}");
            (f.text, f.class)
        })
        .collect()
}

#[test]
fn extraction_reads_what_is_published_and_skips_quotes_code_and_urls() {
    let body = "## Three weeks {#top-3}\n\n> Quoted: 44 weeks.\n\n`55 in code` and <https://e.org/66> and [link 77](https://e.org/88).\n\n```\n99 in a block\n```\n\n| Week | Weeks |\n|---|---|\n| two | {{ fact(2, \"x\") }} |\n\nA note[^n] and <span title=\"11\">twelve</span> <!-- 13 -->.\n\n[^n]: Fourteen.\n\n<script>var x = 15;</script>\n";
    assert_eq!(
        audited(body),
        [
            ("Three".to_string(), Unbound),
            ("77".to_string(), Unbound),
            ("two".to_string(), Unbound),
            ("2".to_string(), Bound),
            ("twelve".to_string(), Unbound),
            ("Fourteen".to_string(), Unbound),
        ]
    );
}

#[test]
fn marks_survive_markdown_and_smart_punctuation() {
    let body = "The \"{two}\" articles, *{five}* verdicts and [{3} links](https://e.org/).\n\n## In {two} parts\n";
    assert_eq!(
        audited(body),
        [
            ("{two}".to_string(), Marked),
            ("{five}".to_string(), Marked),
            ("{3}".to_string(), Marked),
            ("{two}".to_string(), Marked),
        ]
    );
    let text = format!("+++\ntitle = \"T\"\n+++\n{body}\\{{2}} stays.\n");
    let options = MarkdownOptions::default();
    let input = markdown::Input {
        file: "content/x.md",
        text: &text,
        body_offset: 19,
        options: &options,
    };
    let html = markdown::render(&input, &Prose).unwrap().html;
    assert!(
        html.contains(
            "The “two” articles, <em>five</em> verdicts and <a href=\"https://e.org/\">3 links</a>"
        ),
        "{html}"
    );
    assert!(html.contains(">In two parts"), "{html}");
    assert!(html.contains("{2} stays."), "{html}");
}
