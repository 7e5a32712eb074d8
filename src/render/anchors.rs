//! The anchor check: every `#fragment` of an internal link names an id on its target page,
//! and every same-page link in a page's final HTML (citations, footnotes, the table of
//! contents, whatever the templates write) names an id on that page. Checked once every
//! page is rendered.

use std::collections::HashSet;

use crate::content::page::Page;
use crate::diagnostic::{self, Diagnostic};
use crate::markdown::heading;
use crate::site::Site;

use super::page::RenderedPage;
use super::plan::Plan;
use super::templates::{Templates, template_name};

/// Checks that every internal link with an anchor points at an id on its target page, and
/// that every same-page link of every page points at an id of that page.
pub(super) fn check(
    site: &Site,
    plan: &Plan,
    rendered: &[RenderedPage],
    templates: &Templates,
) -> anyhow::Result<()> {
    let every: Vec<usize> = (0..site.pages.len()).collect();
    check_some(site, plan, (rendered, templates), Scope::every(&every))
}

/// Which pages an anchor check reads after some were rendered again.
#[derive(Debug, Clone, Copy)]
pub struct Scope<'a> {
    /// The pages whose own links and same-page links are checked.
    pub pages: &'a [usize],
    /// Pages whose ids may have changed: every other page's links into them are checked
    /// too, since their anchors may have gone. `None`: no page's ids changed.
    pub retargeted: Option<&'a HashSet<usize>>,
}

impl<'a> Scope<'a> {
    /// Every page, as a full build checks them.
    pub fn every(pages: &'a [usize]) -> Self {
        Self {
            pages,
            retargeted: None,
        }
    }
}

/// The anchor check of the pages in `scope`: their own links and same-page links, and,
/// when some pages' ids changed, every other page's links into those. A page whose ids are
/// unchanged cannot break a link into it, so a one-page edit that keeps its headings costs
/// the links of that page alone, whatever the size of the site.
pub(super) fn check_some(
    site: &Site,
    plan: &Plan,
    (rendered, templates): (&[RenderedPage], &Templates),
    scope: Scope<'_>,
) -> anyhow::Result<()> {
    let retargeted_urls: Option<HashSet<&str>> = scope
        .retargeted
        .filter(|pages| !pages.is_empty())
        .map(|pages| pages.iter().map(|&i| site.pages[i].url.as_str()).collect());
    let own: HashSet<usize> = scope.pages.iter().copied().collect();
    let readers: Vec<usize> = if retargeted_urls.is_some() {
        (0..site.pages.len()).collect()
    } else {
        scope.pages.to_vec()
    };
    let ids_of = |path: &str| plan.by_url.get(path).map(|&i| &rendered[i].ids);
    let mut errors = Vec::new();
    for index in readers {
        let (page, this) = (&site.pages[index], &rendered[index]);
        let whole = own.contains(&index);
        let mut reported: HashSet<&str> = HashSet::new();
        for link in &this.links {
            let Some(anchor) = &link.check.anchor else {
                continue;
            };
            let target = link.check.path.as_str();
            let affected = whole
                || retargeted_urls
                    .as_ref()
                    .is_some_and(|urls| urls.contains(target));
            let Some(targets) = ids_of(target).filter(|_| affected) else {
                continue;
            };
            if !targets.contains(anchor) {
                if target == page.url {
                    reported.insert(anchor);
                }
                errors.push(
                    Diagnostic::at(
                        &page.display,
                        &page.text,
                        link.range.clone(),
                        format!("broken anchor: `{target}` has no element with id `{anchor}`"),
                    )
                    .with_help(format!("ids on that page include: {}", known(targets))),
                );
            }
        }
        if !whole {
            continue;
        }
        for anchor in &this.local_anchors {
            if !this.ids.contains(anchor) && !reported.contains(anchor.as_str()) {
                errors.push(local(page, anchor, templates, &this.ids));
            }
        }
    }
    diagnostic::into_result(errors)
}

/// Checks the same-page links of a generated page (a chart's page, the corrections page).
pub(crate) fn check_generated(
    html: &str,
    template: &str,
    shown: &str,
    templates: &Templates,
) -> anyhow::Result<()> {
    let (ids, anchors) = super::links::collect_targets(html);
    let errors: Vec<Diagnostic> = anchors
        .into_iter()
        .filter(|anchor| !ids.contains(anchor))
        .map(|anchor| {
            templates
                .locate(
                    template,
                    &format!("href=\"#{anchor}\""),
                    missing(&anchor, shown),
                )
                .with_help(format!("ids on that page include: {}", known(&ids)))
        })
        .collect();
    diagnostic::into_result(errors)
}

/// The error for a same-page link of `page` to `anchor`, which no element has: at the
/// citation or footnote that makes it when there is one, else in the template.
fn local(page: &Page, anchor: &str, templates: &Templates, ids: &HashSet<String>) -> Diagnostic {
    let body = page.body_offset;
    let in_body = |needle: &str| {
        page.text[body..]
            .find(needle)
            .map(|at| body + at..body + at + needle.len())
    };
    let template = template_name(page);
    if let Some(id) = anchor.strip_prefix("ref-")
        && let Some(range) = citation(&page.text, body, id)
    {
        return Diagnostic::at(
            &page.display,
            &page.text,
            range,
            format!("this citation links to `#{anchor}`, but the page has no element with that id"),
        )
        .with_help(format!(
            "the template `{template}` does not list the page's sources: include \"partials/references.html\", or give each of `page.references` the id `ref-{{{{ source.id }}}}`"
        ));
    }
    if let Some(label) = anchor
        .strip_prefix("fn-")
        .and_then(|slug| footnote_label(&page.text[body..], slug))
        && let Some(range) = in_body(&format!("[^{label}]"))
    {
        return Diagnostic::at(
            &page.display,
            &page.text,
            range,
            format!("this footnote links to `#{anchor}`, but the page has no element with that id"),
        )
        .with_help(format!(
            "the template `{template}` does not show the footnotes: print `page.content` in full"
        ));
    }
    templates
        .locate(template, &format!("href=\"#{anchor}\""), missing(anchor, &page.display))
        .with_help(format!(
            "the template links to `#{anchor}` (a table of contents entry, or a fixed link), but it does not print an element with that id; ids on the page include: {}",
            known(ids)
        ))
}

fn missing(anchor: &str, shown: &str) -> String {
    format!("broken anchor: `#{anchor}` on {shown} points at no element of that page")
}

/// Where the body of `text` (from `body`) first cites the source `id`.
fn citation(text: &str, body: usize, id: &str) -> Option<std::ops::Range<usize>> {
    let needle = format!("@{id}");
    text[body..]
        .match_indices(&needle)
        .map(|(at, _)| body + at)
        .find(|&at| {
            text[at + needle.len()..]
                .chars()
                .next()
                .is_none_or(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':')))
        })
        .map(|at| at..at + needle.len())
}

/// The label of the footnote whose anchor slug is `slug`.
fn footnote_label<'a>(body: &'a str, slug: &str) -> Option<&'a str> {
    let mut rest = body;
    while let Some(at) = rest.find("[^") {
        rest = &rest[at + 2..];
        let end = rest.find(']')?;
        let label = &rest[..end];
        if heading::slugify(label) == slug {
            return Some(label);
        }
    }
    None
}

/// Up to twelve ids, sorted, footnote back-links left out.
fn known(ids: &HashSet<String>) -> String {
    let mut known: Vec<&str> = ids
        .iter()
        .map(String::as_str)
        .filter(|id| !id.starts_with("fnref-"))
        .collect();
    known.sort_unstable();
    known.truncate(12);
    known.join(", ")
}
