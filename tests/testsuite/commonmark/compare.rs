//! One example through factsite and through pulldown-cmark alone, and how the two compare.

use factsite::content::config::MarkdownOptions;
use factsite::diagnostic::Diagnostic;
use factsite::markdown::{self, Env, Input};
use factsite::render::links;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};

use super::env::SpecEnv;
use super::footnotes;
use super::spec::Example;

/// What factsite did with an example, next to pulldown-cmark's output.
#[derive(Debug)]
pub enum Outcome {
    /// The same HTML as pulldown-cmark's, once normalised.
    Same,
    /// The same HTML as pulldown-cmark's once its link destinations are the ones factsite's
    /// link resolver writes (relative, percent-encoded).
    Rewritten,
    /// The same once footnotes are compared by content: factsite numbers them and lists
    /// them at the end of the page, pulldown-cmark leaves each where it is defined.
    Footnotes,
    /// The page was refused with these errors.
    Refused(Vec<Diagnostic>),
    /// Anything else: a deviation.
    Differs {
        /// pulldown-cmark's HTML, normalised.
        expected: String,
        /// factsite's, normalised.
        actual: String,
    },
}

/// The parser options factsite uses, written out again so a change there shows up here.
pub fn parser_options(smart: bool) -> Options {
    let mut options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    if smart {
        options |= Options::ENABLE_SMART_PUNCTUATION;
    }
    options
}

/// Renders `example` with factsite's markdown renderer, in-process, as the body of a page.
pub fn factsite(
    example: &Example,
    options: &MarkdownOptions,
    env: &dyn Env,
) -> Result<String, Vec<Diagnostic>> {
    let front = "+++\ntitle = \"Example\"\n+++\n";
    let text = format!("{front}{}", example.markdown);
    let input = Input {
        file: "content/_index.md",
        text: &text,
        body_offset: front.len(),
        options,
    };
    markdown::render(&input, env).map(|body| body.html)
}

/// pulldown-cmark's HTML for `markdown`; with `env`, link and image destinations are first
/// replaced by the href factsite's resolver gives them.
pub fn pulldown(markdown: &str, options: Options, env: Option<&SpecEnv>) -> String {
    let events = Parser::new_ext(markdown, options).map(|event| match (event, env) {
        (
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }),
            Some(env),
        ) if link_type != LinkType::Email => {
            let dest_url = env.link(&dest_url).map_or(dest_url, |t| t.href.into());
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        (
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }),
            Some(env),
        ) => {
            let dest_url = env.link(&dest_url).map_or(dest_url, |t| t.href.into());
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        (event, _) => event,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// Links that open in a new tab with `external_links_new_tab`: links (not inside an image,
/// where they are only alt text) to another web site.
fn new_tab_links(markdown: &str, options: Options) -> usize {
    let mut in_image = 0usize;
    let mut count = 0;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(pulldown_cmark::TagEnd::Image) => in_image -= 1,
            Event::Start(Tag::Link { dest_url, .. }) if in_image == 0 => {
                count += usize::from(links::is_web(&dest_url));
            }
            _ => {}
        }
    }
    count
}

const NEW_TAB: &str = " target=\"_blank\" rel=\"noopener\"";

/// Compares factsite's rendering of `example` with pulldown-cmark's.
pub fn compare(example: &Example, options: &MarkdownOptions) -> Outcome {
    let flags = parser_options(options.smart_punctuation);
    let env = SpecEnv::for_example(&example.markdown, flags);
    let actual = match factsite(example, options, &env) {
        Ok(html) => html,
        Err(errors) => return Outcome::Refused(errors),
    };
    let expected = pulldown(&example.markdown, flags, None);
    let new_tab = if options.external_links_new_tab {
        new_tab_links(&example.markdown, flags)
    } else {
        0
    };
    let differs = || Outcome::Differs {
        expected: normalize(&expected),
        actual: normalize(&actual),
    };
    if actual.matches(NEW_TAB).count() != new_tab {
        return differs();
    }
    let actual_plain = actual.replace(NEW_TAB, "");
    if !explicit_ids_kept(&expected, &actual_plain) {
        return differs();
    }
    if normalize(&actual_plain) == normalize(&expected) {
        return Outcome::Same;
    }
    let rewritten = pulldown(&example.markdown, flags, Some(&env));
    if normalize(&actual_plain) == normalize(&rewritten) {
        return Outcome::Rewritten;
    }
    let notes = footnotes::factsite(&normalize(&actual_plain));
    if notes.is_some() && notes == footnotes::pulldown(&normalize(&rewritten)) {
        return Outcome::Footnotes;
    }
    differs()
}

/// pulldown-cmark's own test normalisation (`<br>` and `<hr>` forms, line breaks between
/// tags), with heading ids removed: factsite gives every heading an id.
pub fn normalize(html: &str) -> String {
    strip_heading_ids(html)
        .replace("<br>", "<br />")
        .replace("<br/>", "<br />")
        .replace("<hr>", "<hr />")
        .replace("<hr/>", "<hr />")
        .replace(">\n<", "><")
}

/// Every heading that has an id in `expected` (written `{#id}`) has that id in `actual`.
fn explicit_ids_kept(expected: &str, actual: &str) -> bool {
    let expected = heading_ids(expected);
    let actual = heading_ids(actual);
    expected.len() == actual.len()
        && expected
            .iter()
            .zip(&actual)
            .all(|(e, a)| e.is_none() || e == a)
}

/// The opening tags `<h1 ...>` to `<h6 ...>` of `html`, as byte ranges.
fn heading_tags(html: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut pos = 0;
    while let Some(at) = html[pos..].find("<h") {
        let start = pos + at;
        pos = start + 2;
        let level = bytes.get(start + 2).copied().unwrap_or(0);
        let after = bytes.get(start + 3).copied().unwrap_or(0);
        if (b'1'..=b'6').contains(&level)
            && matches!(after, b' ' | b'>')
            && let Some(end) = html[start..].find('>')
        {
            tags.push(start..start + end + 1);
        }
    }
    tags
}

fn heading_ids(html: &str) -> Vec<Option<String>> {
    heading_tags(html)
        .into_iter()
        .map(|tag| {
            let tag = &html[tag];
            let start = tag.find(" id=\"")? + 5;
            let len = tag[start..].find('"')?;
            Some(tag[start..start + len].to_string())
        })
        .collect()
}

fn strip_heading_ids(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut pos = 0;
    for tag in heading_tags(html) {
        out.push_str(&html[pos..tag.start]);
        let text = &html[tag.clone()];
        match text.find(" id=\"") {
            Some(start) => {
                let end = text[start + 5..]
                    .find('"')
                    .map_or(text.len(), |i| start + 5 + i + 1);
                out.push_str(&text[..start]);
                out.push_str(&text[end..]);
            }
            None => out.push_str(text),
        }
        pos = tag.end;
    }
    out.push_str(&html[pos..]);
    out
}
