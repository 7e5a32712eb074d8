//! The site a spec example is rendered in: factsite's own link resolver, with a page published
//! at every path the example links to, and no shortcodes or sources.

use factsite::diagnostic::Diagnostic;
use factsite::markdown::call::Call;
use factsite::markdown::{Env, Expansion, Inner, LinkTarget, Locator};
use factsite::render::links::{self, From, LinkIndex};
use pulldown_cmark::{Event, Options, Parser, Tag};

/// The page every example is written in: the home page.
pub const PAGE: From<'static> = From { dir: "", url: "/" };

/// An example's site.
pub struct SpecEnv {
    pub links: LinkIndex,
}

impl SpecEnv {
    /// A site where every link and image destination of `markdown` exists.
    pub fn for_example(markdown: &str, options: Options) -> Self {
        let mut links = LinkIndex::default();
        for event in Parser::new_ext(markdown, options) {
            if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event {
                publish(&mut links, &dest_url);
            }
        }
        Self { links }
    }
}

impl Env for SpecEnv {
    fn shortcode(
        &self,
        call: &Call,
        at: Locator<'_>,
        _: &mut dyn Inner,
    ) -> Result<Expansion, Diagnostic> {
        Err(at.at(call.name_range.clone(), "no shortcodes in the spec"))
    }

    fn source(&self, id: &str) -> Result<(), String> {
        Err(format!("no source `{id}` in the spec"))
    }

    fn link(&self, dest: &str) -> Result<LinkTarget, String> {
        self.links.resolve(PAGE, dest)
    }
}

/// Publishes what `dest`, written on the home page, points at: a page for a `.md` source,
/// a file for any other path. Destinations with a scheme or only a fragment need nothing.
fn publish(links: &mut LinkIndex, dest: &str) {
    let dest = dest.trim();
    if dest.is_empty() || links::has_scheme(dest) {
        return;
    }
    let path = dest.split(['#', '?']).next().unwrap_or("");
    let Some(decoded) = percent_decode(path) else {
        return;
    };
    if decoded.is_empty() {
        return;
    }
    let site_path = normalize(&decoded);
    if let Some(stem) = site_path.strip_suffix(".md") {
        links.sources.insert(
            site_path.trim_start_matches('/').to_string(),
            format!("{stem}/"),
        );
        links.paths.insert(format!("{stem}/"));
    } else {
        links.paths.insert(site_path);
    }
}

/// `/`-rooted, with `.` and `..` segments resolved, as a browser resolves a path from `/`.
fn normalize(path: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    let trailing = path.ends_with('/') && !segments.is_empty();
    format!("/{}{}", segments.join("/"), if trailing { "/" } else { "" })
}

fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(path.get(i + 1..i + 3)?, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}
