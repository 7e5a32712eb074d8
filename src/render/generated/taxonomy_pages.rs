//! A taxonomy's pages: the list of its terms (`/topics/`), a page per term listing its
//! pages (`/topics/streaming/`), and an Atom feed per term (`/topics/streaming/atom.xml`).

use rayon::prelude::*;
use serde::Serialize;

use crate::content::date::Date;
use crate::content::routes;
use crate::render::card;
use crate::render::taxonomies::{Taxonomy, Term};
use crate::render::templates::{LinkMode, Templates};
use crate::render::views::{self, generated::GeneratedPage, summary::Summary};
use crate::site::Site;
use crate::write::{OutputFile, Sink};

use super::atom::{self, FeedEntry};
use super::cards::Pictures;

/// The templates and what draws cards.
type Tools<'a> = (&'a Templates, &'a Pictures);

/// A taxonomy as templates see it (`taxonomy`).
#[derive(Debug, Serialize)]
struct TaxonomyView {
    name: String,
    title: String,
    singular: String,
    path: String,
    feed: bool,
}

/// A term as templates see it (`term`, and each of `terms`).
#[derive(Debug, Serialize)]
struct TermView {
    name: String,
    slug: String,
    path: String,
    feed_path: Option<String>,
    page_count: usize,
    pages: Vec<Summary>,
}

/// The template a taxonomy's page uses: `NAME/list.html` (or `NAME/single.html`) when the
/// site has it, else `taxonomy_list.html` (`taxonomy_single.html`), as in Zola.
fn template(templates: &Templates, taxonomy: &str, kind: &str) -> String {
    let own = format!("{taxonomy}/{kind}.html");
    if templates.has(&own) {
        own
    } else {
        format!("taxonomy_{kind}.html")
    }
}

/// Renders every page and feed of every taxonomy that has terms.
/// Renders and writes every taxonomy's list page, and each term's page and feed, each
/// written as soon as it is rendered so that memory does not grow with the number of
/// terms. `changed` is the site's last change (`super::last_change`), what an empty feed is
/// dated by, worked out once since it reads every page. Returns the number of files.
pub(super) fn write(
    site: &Site,
    tools: Tools<'_>,
    (taxonomies, changed): (&[Taxonomy], Option<Date>),
    sink: &dyn Sink,
) -> anyhow::Result<usize> {
    let mut written = 0;
    for taxonomy in taxonomies.iter().filter(|t| !t.terms.is_empty()) {
        let view = TaxonomyView {
            name: taxonomy.name.clone(),
            title: taxonomy.title(),
            singular: taxonomy.singular(),
            path: taxonomy.path(),
            feed: taxonomy.feed,
        };
        let terms: Vec<TermView> = taxonomy
            .terms
            .iter()
            .map(|term| term_view(site, taxonomy, term))
            .collect();
        for file in list_page(site, tools, &view, &terms)? {
            sink.write(&file.path, &file.bytes)?;
            written += 1;
        }
        let counts = taxonomy
            .terms
            .par_iter()
            .zip(&terms)
            .map(|(term, term_view)| {
                let mut files = term_page(site, tools, &view, term_view)?;
                if taxonomy.feed {
                    files.push(feed(site, taxonomy, term, changed));
                }
                for file in &files {
                    sink.write(&file.path, &file.bytes)?;
                }
                anyhow::Ok(files.len())
            })
            .collect::<anyhow::Result<Vec<usize>>>()?;
        written += counts.into_iter().sum::<usize>();
    }
    Ok(written)
}

fn term_view(site: &Site, taxonomy: &Taxonomy, term: &Term) -> TermView {
    TermView {
        name: term.name.clone(),
        slug: term.slug.clone(),
        path: routes::term(&taxonomy.name, &term.slug),
        feed_path: taxonomy
            .feed
            .then(|| routes::term_feed(&taxonomy.name, &term.slug)),
        page_count: term.pages.len(),
        pages: term
            .pages
            .iter()
            .map(|&i| Summary::of(&site.pages[i]))
            .collect(),
    }
}

fn list_page(
    site: &Site,
    (templates, pictures): Tools<'_>,
    taxonomy: &TaxonomyView,
    terms: &[TermView],
) -> anyhow::Result<Vec<OutputFile>> {
    let mut page = GeneratedPage::new(site, &taxonomy.title, &taxonomy.path);
    page.description = Some(format!(
        "Every {} on the site, with the pages under each.",
        taxonomy.singular.to_lowercase()
    ));
    let mut context = views::base(&page, &taxonomy.path, LinkMode::Relative, None);
    let site_title = crate::typography::curly(&site.config.title);
    let words = (
        site_title.as_str(),
        taxonomy.title.as_str(),
        page.description.as_deref(),
    );
    let drawn = card::title_card(pictures, site, &taxonomy.path, words)?;
    context.insert("card", &drawn.as_ref().map(|d| &d.view));
    context.insert("taxonomy", taxonomy);
    context.insert("terms", terms);
    let name = template(templates, &taxonomy.name, "list");
    let shown = format!("the list of {}", taxonomy.name);
    let html = templates.render(&name, &context, &shown)?;
    crate::render::anchors::check_generated(&html, &name, &shown, templates)?;
    let page = OutputFile::text(routes::output_path(&taxonomy.path), html);
    let card = drawn.map(|d| d.file(pictures)).transpose()?;
    Ok([Some(page), card].into_iter().flatten().collect())
}

fn term_page(
    site: &Site,
    (templates, pictures): Tools<'_>,
    taxonomy: &TaxonomyView,
    term: &TermView,
) -> anyhow::Result<Vec<OutputFile>> {
    let title = format!("{}: {}", taxonomy.singular, term.name);
    let mut page = GeneratedPage::new(site, &title, &term.path);
    page.description = Some(format!(
        "The {} page{} on the site under the {} “{}”.",
        term.page_count,
        if term.page_count == 1 { "" } else { "s" },
        taxonomy.singular.to_lowercase(),
        term.name
    ));
    let parent = Summary {
        kind: "generated",
        title: taxonomy.title.clone(),
        description: None,
        path: taxonomy.path.clone(),
        date: None,
        stance: None,
        stance_label: None,
        topics: Vec::new(),
        verdict: None,
        quote: None,
    };
    let mut context = views::base(&page, &term.path, LinkMode::Relative, Some(&parent));
    let words = (
        taxonomy.title.as_str(),
        term.name.as_str(),
        page.description.as_deref(),
    );
    let drawn = card::title_card(pictures, site, &term.path, words)?;
    context.insert("card", &drawn.as_ref().map(|d| &d.view));
    context.insert("taxonomy", taxonomy);
    context.insert("term", term);
    let name = template(templates, &taxonomy.name, "single");
    let shown = format!("the page of the {} `{}`", taxonomy.name, term.name);
    let html = templates.render(&name, &context, &shown)?;
    crate::render::anchors::check_generated(&html, &name, &shown, templates)?;
    let page = OutputFile::text(routes::output_path(&term.path), html);
    let card = drawn.map(|d| d.file(pictures)).transpose()?;
    Ok([Some(page), card].into_iter().flatten().collect())
}

/// A term's feed: its dated pages, newest first, with their summaries.
fn feed(site: &Site, taxonomy: &Taxonomy, term: &Term, changed: Option<Date>) -> OutputFile {
    let entries: Vec<FeedEntry> = term
        .pages
        .iter()
        .filter_map(|&i| {
            let page = &site.pages[i];
            let published = page.meta.date?;
            Some(FeedEntry {
                title: page.meta.title.clone(),
                path: page.url.clone(),
                published,
                updated: page.meta.updated.unwrap_or(published),
                summary: page.meta.description.clone(),
                content: None,
            })
        })
        .collect();
    let title = format!(
        "{}: {} “{}”",
        site.config.title,
        taxonomy.singular().to_lowercase(),
        term.name
    );
    let path = routes::term_feed(&taxonomy.name, &term.slug);
    OutputFile::text(
        path.trim_start_matches('/'),
        atom::atom(&site.config, &title, &path, &entries, changed),
    )
}
