//! A piece of markdown outside a page, for the `markdown` template filter (a shortcode's
//! body): the page's markdown options, fenced code highlighted, nothing else run.
//! Shortcodes and citations in a body are expanded before the template sees it, and the
//! links the output writes are resolved and checked as the page's own.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Parser, Tag, TagEnd};

use super::{events, highlight};
use crate::content::config::MarkdownOptions;

/// `text` as HTML. With `inline`, paragraphs are written without `<p>` (for a line of
/// text inside another element).
pub fn render(text: &str, options: &MarkdownOptions, inline: bool) -> String {
    let parser = Parser::new_ext(text, events::parser_options(options));
    let mut out: Vec<Event<'_>> = Vec::new();
    let mut code: Option<(CowStr<'_>, String)> = None;
    for event in parser {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) if options.highlight_code => {
                code = Some((info, String::new()));
            }
            Event::Text(text) if code.is_some() => {
                if let Some((_, code)) = &mut code {
                    code.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) if code.is_some() => {
                let Some((info, text)) = code.take() else {
                    continue;
                };
                let html = highlight::block(&info, &text);
                out.push(Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))));
                out.push(html.map_or(Event::Text(text.into()), |h| Event::Html(h.into())));
                out.push(Event::End(TagEnd::CodeBlock));
            }
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) if inline => {}
            other => out.push(other),
        }
    }
    let mut html = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_markdown_with_the_site_options() {
        let options = MarkdownOptions::default();
        assert_eq!(
            render("A *\"quote\"*.\n\n- one", &options, false),
            "<p>A <em>“quote”</em>.</p>\n<ul>\n<li>one</li>\n</ul>\n"
        );
        assert_eq!(render("A *b*", &options, true), "A <em>b</em>");
        let plain = MarkdownOptions {
            smart_punctuation: false,
            ..MarkdownOptions::default()
        };
        assert_eq!(render("\"q\"", &plain, true), "\"q\"");
        assert!(render("```toml\na = 1\n```", &options, false).contains("hl-"));
    }
}
