//! The files generated from the whole site rather than one page: the Atom feed, the
//! sitemap, robots.txt, the 404 page, the corrections page and feed, and chart pages.

pub mod atom;
pub mod cards;
pub mod chart_downloads;
pub mod chart_pages;
pub mod chart_style;
mod corrections;
pub mod json_ld;
pub mod palette;
pub mod robots;
pub mod sitemap;

use std::collections::HashSet;

use crate::content::date::Date;
use crate::content::page::{Page, PageKind};
use crate::site::Site;
use crate::write::{OutputFile, Sink};

use super::Renderer;
use super::card::{self, Drawn};
use super::page::RenderedPage;
use super::plan::{self, Generated};
use super::templates::{LinkMode, Templates};
use super::views::{self, generated::GeneratedPage};
use atom::FeedEntry;
use cards::Pictures;

/// How many of the newest pages the Atom feed carries.
const FEED_LIMIT: usize = 30;

/// Writes the sitemap, the feeds, robots.txt, the 404 page and the corrections page.
/// Returns how many files it wrote.
pub(super) fn write(
    site: &Site,
    renderer: &Renderer,
    rendered: &[RenderedPage],
    sink: &dyn Sink,
) -> anyhow::Result<usize> {
    let templates = &renderer.templates;
    let feed_pages = &renderer.feed_pages;
    let pictures = &renderer.pictures;
    let config = &site.config;
    let (not_found_html, not_found_card) = not_found(site, templates, pictures)?;
    let (corrections_html, corrections_card) = corrections_page(site, templates, pictures)?;
    let corrections_title = format!("{}: corrections", config.title);
    let files = [
        OutputFile::text(
            "sitemap.xml",
            sitemap::sitemap(config, &sitemap_entries(site)),
        ),
        OutputFile::text(
            "atom.xml",
            atom::atom(
                config,
                &config.title,
                "/atom.xml",
                &feed_entries(site, rendered, feed_pages),
                last_change(site),
            ),
        ),
        OutputFile::text("robots.txt", robots::robots(config)),
        OutputFile::text("404.html", not_found_html),
        not_found_card.file(pictures)?,
        OutputFile::text("corrections/index.html", corrections_html),
        corrections_card.file(pictures)?,
        OutputFile::text(
            "corrections/atom.xml",
            atom::atom(
                config,
                &corrections_title,
                "/corrections/atom.xml",
                &corrections::feed_entries(site),
                last_change(site),
            ),
        ),
    ];
    for file in &files {
        sink.write(&file.path, &file.bytes)?;
    }
    Ok(files.len())
}

/// The newest date on the site: a page's publication or update, a correction, a chart's
/// latest data. What an empty feed is dated by.
fn last_change(site: &Site) -> Option<Date> {
    let pages = site.pages.iter().flat_map(|p| {
        let corrections = p.meta.corrections.iter().map(|c| c.date);
        p.last_changed().into_iter().chain(corrections)
    });
    let charts = site.data.datasets.iter().filter_map(|d| d.as_of());
    pages.chain(charts).max()
}

/// Every page and every generated page (corrections, charts), with their last change.
fn sitemap_entries(site: &Site) -> Vec<(String, Option<Date>)> {
    let pages = site.pages.iter().map(|p| (p.url.clone(), p.last_changed()));
    let generated = plan::generated(&site.data.datasets)
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
) -> anyhow::Result<(String, Drawn)> {
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
    context.insert("card", &drawn.view);
    let html = templates.render("corrections.html", &context, "corrections")?;
    super::anchors::check_generated(&html, "corrections.html", "the corrections page", templates)?;
    Ok((html, drawn))
}

/// The 404 page, served at any depth, so its links start from the base path.
fn not_found(
    site: &Site,
    templates: &Templates,
    pictures: &Pictures,
) -> anyhow::Result<(String, Drawn)> {
    let mut page = GeneratedPage::new(site, "Page not found", "/404.html");
    page.description = Some("There is nothing at this address.".to_string());
    let mut context = views::base(&page, "/404.html", LinkMode::Root, None);
    let site_title = crate::typography::curly(&site.config.title);
    let words = (site_title.as_str(), "Page not found", None);
    let drawn = card::title_card(pictures, site, "/404.html", words)?;
    context.insert("card", &drawn.view);
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
