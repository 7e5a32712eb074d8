//! The files generated from the whole site rather than one page: the Atom feed, the
//! sitemap, robots.txt, the 404 page, the corrections page and feed, the audit page and
//! chart pages; and what pages carry besides their HTML (cards, citations).

pub mod atom;
pub mod audit;
mod audit_rows;
pub mod cards;
pub mod chart_downloads;
pub mod chart_pages;
pub mod chart_style;
pub mod cite;
mod corrections;
pub mod json_ld;
pub mod palette;
pub mod redirect;
pub mod robots;
pub mod sitemap;
mod taxonomy_pages;

use std::collections::HashSet;

use crate::content::date::Date;
use crate::content::page::{Page, PageKind};
use crate::site::Site;
use crate::write::{OutputFile, Sink};

use super::card::{self, Drawn};
use super::page::RenderedPage;
use super::plan::{self, Generated};
use super::taxonomies::Taxonomy;
use super::templates::{LinkMode, Templates};
use super::views::{self, generated::GeneratedPage};
use atom::FeedEntry;
use cards::Pictures;

/// How many of the newest pages the Atom feed carries.
const FEED_LIMIT: usize = 30;

/// Which of the site-wide files to write again after pages were rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Regenerate {
    /// The files that list pages (sitemap, corrections page and feed, the 404 page's menu),
    /// with robots.txt: needed when a page's title, date, URL or corrections changed.
    pub listings: bool,
    /// The Atom feed: needed when a page it carries changed, or the listings did.
    pub feed: bool,
}

impl Regenerate {
    /// Everything, as a full build writes it.
    pub const ALL: Self = Self {
        listings: true,
        feed: true,
    };
}

/// The rendered pages the generated files read: each page's kept body, and which pages
/// the feed carries.
#[derive(Clone, Copy)]
pub(super) struct Pages<'a> {
    pub rendered: &'a [RenderedPage],
    pub feed: &'a HashSet<usize>,
    /// The taxonomies, for their pages and feeds.
    pub taxonomies: &'a [Taxonomy],
    /// The listing pages of paginated sections, for the sitemap.
    pub pagers: &'a [Generated],
}

/// Writes the sitemap, the feeds, robots.txt, the 404 page and the corrections page, or
/// those of them `what` asks for. Returns how many files it wrote.
pub(super) fn write(
    site: &Site,
    (templates, pictures): (&Templates, &Pictures),
    pages: Pages<'_>,
    what: Regenerate,
    sink: &dyn Sink,
) -> anyhow::Result<usize> {
    // The audit page is the largest generated page: it renders beside the others.
    let (files, audit) = rayon::join(
        || listings(site, (templates, pictures), pages, what, sink),
        || {
            let log = site.data.audit.as_ref()?;
            Some(audit_page(site, log, (templates, pictures)))
        },
    );
    let (files, mut written) = files?;
    for file in &files {
        sink.write(&file.path, &file.bytes)?;
    }
    written += files.len();
    if let Some(audit) = audit {
        let (html, card) = audit?;
        sink.write("audit/index.html", html.as_bytes())?;
        written += 1;
        if let Some(card) = card {
            let file = card.file(pictures)?;
            sink.write(&file.path, &file.bytes)?;
            written += 1;
        }
    }
    Ok(written)
}

/// The sitemap, the feeds, robots.txt, the 404 page and the corrections page, or those of
/// them `what` asks for; with the listings, the taxonomy pages are written to `sink` as
/// they are rendered (a site can have thousands of terms). Returns the files to write and
/// how many were written.
fn listings(
    site: &Site,
    (templates, pictures): (&Templates, &Pictures),
    pages: Pages<'_>,
    what: Regenerate,
    sink: &dyn Sink,
) -> anyhow::Result<(Vec<OutputFile>, usize)> {
    let config = &site.config;
    let mut files = Vec::with_capacity(8);
    let mut written = 0;
    let changed = last_change(site);
    if what.listings {
        let (not_found_html, not_found_card) = not_found(site, templates, pictures)?;
        let (corrections_html, corrections_card) = corrections_page(site, templates, pictures)?;
        let corrections_title = format!("{}: corrections", config.title);
        files.extend([
            OutputFile::text(
                "sitemap.xml",
                sitemap::sitemap(config, &sitemap_entries(site, pages)),
            ),
            OutputFile::text("robots.txt", robots::robots(config)),
            OutputFile::text("404.html", not_found_html),
            OutputFile::text("corrections/index.html", corrections_html),
            OutputFile::text(
                "corrections/atom.xml",
                atom::atom(
                    config,
                    &corrections_title,
                    "/corrections/atom.xml",
                    &corrections::feed_entries(site),
                    changed,
                ),
            ),
        ]);
        for drawn in [not_found_card, corrections_card].iter().flatten() {
            files.push(drawn.file(pictures)?);
        }
        written += taxonomy_pages::write(
            site,
            (templates, pictures),
            (pages.taxonomies, changed),
            sink,
        )?;
    }
    if what.feed || what.listings {
        files.push(OutputFile::text(
            "atom.xml",
            atom::atom(
                config,
                &config.title,
                "/atom.xml",
                &feed_entries(site, pages.rendered, pages.feed),
                changed,
            ),
        ));
    }
    Ok((files, written))
}

/// The newest date on the site: a page's publication or update, a correction, a chart's
/// latest data. What an empty feed is dated by.
pub(super) fn last_change(site: &Site) -> Option<Date> {
    let pages = site.pages.iter().flat_map(|p| {
        let corrections = p.meta.corrections.iter().map(|c| c.date);
        p.last_changed().into_iter().chain(corrections)
    });
    let charts = site.data.datasets.iter().filter_map(|d| d.as_of());
    pages.chain(charts).max()
}

/// Every page and every generated page (corrections, charts), with their last change.
fn sitemap_entries(site: &Site, listed: Pages<'_>) -> Vec<(String, Option<Date>)> {
    let pages = site.pages.iter().map(|p| (p.url.clone(), p.last_changed()));
    let generated = plan::generated(
        &site.data,
        listed.taxonomies,
        listed.pagers,
        &site.config.share,
    )
    .into_iter()
    .filter(Generated::is_page)
    .map(|g| (g.path, g.updated));
    pages.chain(generated).collect()
}

/// The corrections page, its same-page links checked.
fn corrections_page(
    site: &Site,
    templates: &Templates,
    pictures: &Pictures,
) -> anyhow::Result<(String, Option<Drawn>)> {
    let mut context = corrections::page_context(site);
    let count = corrections::all(site).len();
    let description = match count {
        0 => "No corrections so far.".to_string(),
        1 => "One dated correction, with the page it concerns.".to_string(),
        n => format!("{n} dated corrections, each with the page it concerns."),
    };
    let site_title = crate::typography::curly(&site.config.title);
    let words = (
        site_title.as_str(),
        "Corrections",
        Some(description.as_str()),
    );
    let drawn = card::title_card(pictures, site, "/corrections/", words)?;
    context.insert("card", &drawn.as_ref().map(|d| &d.view));
    let html = templates.render("corrections.html", &context, "corrections")?;
    super::anchors::check_generated(&html, "corrections.html", "the corrections page", templates)?;
    Ok((html, drawn))
}

/// The audit page, its same-page links checked.
fn audit_page(
    site: &Site,
    log: &crate::data::audit::Audit,
    (templates, pictures): (&Templates, &Pictures),
) -> anyhow::Result<(String, Option<Drawn>)> {
    let mut context = match audit::page_context(site, log) {
        Ok(context) => context,
        Err(errors) => {
            crate::diagnostic::into_result(errors)?;
            anyhow::bail!("the audit page could not be built")
        }
    };
    let site_title = crate::typography::curly(&site.config.title);
    let words = (site_title.as_str(), "Data audit", None);
    let drawn = card::title_card(pictures, site, audit::PATH, words)?;
    context.insert("card", &drawn.as_ref().map(|d| &d.view));
    let cite = cite::audit(site, log, &cite::Versions::new(&site.data));
    context.insert("cite", &cite);
    let html = templates.render("audit.html", &context, "content/audit.toml")?;
    super::anchors::check_generated(&html, "audit.html", "the audit page", templates)?;
    Ok((html, drawn))
}

/// The 404 page, served at any depth, so its links start from the base path.
fn not_found(
    site: &Site,
    templates: &Templates,
    pictures: &Pictures,
) -> anyhow::Result<(String, Option<Drawn>)> {
    let mut page = GeneratedPage::new(site, "Page not found", "/404.html");
    page.description = Some("There is nothing at this address.".to_string());
    let mut context = views::base(&page, "/404.html", LinkMode::Root, None);
    let site_title = crate::typography::curly(&site.config.title);
    let words = (site_title.as_str(), "Page not found", None);
    let drawn = card::title_card(pictures, site, "/404.html", words)?;
    context.insert("card", &drawn.as_ref().map(|d| &d.view));
    let html = templates.render("404.html", &context, "404.html")?;
    super::anchors::check_generated(&html, "404.html", "the 404 page", templates)?;
    Ok((html, drawn))
}

/// The newest dated pages, for the feed.
pub(super) fn feed_selection(pages: &[Page]) -> HashSet<usize> {
    let mut dated: Vec<usize> = (0..pages.len())
        .filter(|&i| pages[i].kind == PageKind::Page && pages[i].meta.date.is_some())
        .collect();
    dated.sort_by(|&a, &b| {
        pages[b]
            .meta
            .date
            .cmp(&pages[a].meta.date)
            .then_with(|| pages[a].url.cmp(&pages[b].url))
    });
    dated.into_iter().take(FEED_LIMIT).collect()
}

fn feed_entries(
    site: &Site,
    rendered: &[RenderedPage],
    feed_pages: &HashSet<usize>,
) -> Vec<FeedEntry> {
    let mut entries: Vec<(usize, FeedEntry)> = feed_pages
        .iter()
        .filter_map(|&i| {
            let page = &site.pages[i];
            let published = page.meta.date?;
            Some((
                i,
                FeedEntry {
                    title: page.meta.title.clone(),
                    path: page.url.clone(),
                    published,
                    updated: page.meta.updated.unwrap_or(published),
                    summary: page.meta.description.clone(),
                    content: rendered[i].feed_content.clone(),
                },
            ))
        })
        .collect();
    entries.sort_by(|(a, x), (b, y)| {
        y.published
            .cmp(&x.published)
            .then_with(|| site.pages[*a].url.cmp(&site.pages[*b].url))
    });
    entries.into_iter().map(|(_, e)| e).collect()
}
