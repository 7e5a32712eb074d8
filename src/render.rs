//! Rendering a loaded site into files: markdown, templates, feeds, and the link check.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use tera::Context;

use crate::diagnostic::{self, Diagnostic};
use crate::feed::{self, FeedEntry};
use crate::links::{self, From};
use crate::markdown::{self, Env, Expansion, FoundLink, LinkTarget, Locator, shortcode::Call};
use crate::output::{self, OutputFile, Sink};
use crate::page::{Page, PageKind};
use crate::plan::Plan;
use crate::site::Site;
use crate::templates::Templates;
use crate::urls;
use crate::view::{self, CorrectionView, DateView, Summary};

/// How many of the newest pages the Atom feed carries.
const FEED_LIMIT: usize = 30;

/// What a build produced.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Pages rendered.
    pub pages: usize,
    /// Sections rendered (the home page included).
    pub sections: usize,
    /// Files written, all kinds.
    pub files: usize,
}

/// What is kept of a rendered page once it is written.
#[derive(Debug, Default)]
struct Rendered {
    ids: HashSet<String>,
    links: Vec<FoundLink>,
    feed_content: Option<String>,
}

/// Renders every page and file of `site` into `sink`.
pub fn render(site: &Site, sink: &dyn Sink) -> anyhow::Result<Outcome> {
    let plan = Plan::new(site, std::iter::empty());
    let mut templates = Templates::new(
        &site.templates,
        plan.links.clone(),
        &site.config.base_url,
        site.config.base_path(),
    )?;
    templates.global("config", &site.config);
    templates.global(
        "nav",
        &plan
            .nav
            .iter()
            .map(|&i| Summary::of(&site.pages[i]))
            .collect::<Vec<_>>(),
    );
    check_templates(site, &templates)?;
    let feed_pages = feed_selection(&site.pages);
    let mut paths: Vec<String> = site
        .pages
        .iter()
        .map(|p| urls::output_path(&p.url))
        .collect();
    paths.extend(site.statics.iter().map(|s| s.relative.clone()));
    paths.extend(site.assets.files.iter().map(|a| a.path.clone()));
    sink.create_dirs(&output::dirs_of(paths.iter().map(String::as_str)))?;

    let results: Vec<Result<Rendered, Vec<Diagnostic>>> = (0..site.pages.len())
        .into_par_iter()
        .map(|i| render_one(site, &plan, &templates, i, feed_pages.contains(&i), sink))
        .collect();
    let mut errors = Vec::new();
    let mut rendered = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(page) => rendered.push(page),
            Err(mut page_errors) => {
                errors.append(&mut page_errors);
                rendered.push(Rendered::default());
            }
        }
    }
    diagnostic::into_result(errors)?;
    check_links(site, &rendered)?;

    let mut files = site.pages.len();
    files += write_generated(site, &templates, &rendered, &feed_pages, sink)?;
    for file in &site.statics {
        let bytes = std::fs::read(&file.path)
            .map_err(|e| anyhow::anyhow!("failed to read `content/{}`: {e}", file.relative))?;
        sink.write(&file.relative, &bytes)?;
        files += 1;
    }
    for asset in &site.assets.files {
        sink.write(&asset.path, &asset.bytes)?;
        files += 1;
    }
    let sections = site
        .pages
        .iter()
        .filter(|p| p.kind == PageKind::Section)
        .count();
    Ok(Outcome {
        pages: site.pages.len() - sections,
        sections,
        files,
    })
}

/// The template a page renders with.
pub fn template_name(page: &Page) -> &str {
    if let Some(template) = &page.meta.template {
        return template;
    }
    match page.kind {
        PageKind::Section if page.relative == "_index.md" => "index.html",
        PageKind::Section => "section.html",
        PageKind::Page => "page.html",
    }
}

fn check_templates(site: &Site, templates: &Templates) -> anyhow::Result<()> {
    let errors: Vec<Diagnostic> = site
        .pages
        .iter()
        .filter(|page| !templates.has(template_name(page)))
        .map(|page| {
            page.error_at_key(
                "template",
                format!("template `{}` does not exist", template_name(page)),
            )
            .with_help("add it under templates/, or remove `template` to use the default")
        })
        .collect();
    diagnostic::into_result(errors)
}

/// The newest dated pages, for the feed.
fn feed_selection(pages: &[Page]) -> HashSet<usize> {
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

struct PageEnv<'a> {
    site: &'a Site,
    plan: &'a Plan,
    page: &'a Page,
}

impl Env for PageEnv<'_> {
    fn shortcode(&self, call: &Call, at: Locator<'_>) -> Result<Expansion, Diagnostic> {
        Err(at
            .at(
                call.name_range.clone(),
                format!("unknown shortcode `{}`", call.name),
            )
            .with_help("this site has no shortcodes"))
    }

    fn source(&self, id: &str) -> Result<(), String> {
        let bibliography = &self.site.data.bibliography;
        bibliography
            .get(id)
            .map(|_| ())
            .ok_or_else(|| bibliography.suggest(id))
    }

    fn link(&self, dest: &str) -> Result<LinkTarget, String> {
        self.plan.links.resolve(
            From {
                dir: self.page.dir(),
                url: &self.page.url,
            },
            dest,
        )
    }
}

fn render_one(
    site: &Site,
    plan: &Plan,
    templates: &Templates,
    index: usize,
    keep_for_feed: bool,
    sink: &dyn Sink,
) -> Result<Rendered, Vec<Diagnostic>> {
    let page = &site.pages[index];
    let input = markdown::Input {
        file: &page.display,
        text: &page.text,
        body_offset: page.body_offset,
        options: &site.config.markdown,
    };
    let body = markdown::render(&input, &PageEnv { site, plan, page })?;
    let context = page_context(site, plan, index, &body);
    let html = templates
        .render(template_name(page), &context, &page.display)
        .map_err(|error| vec![as_diagnostic(error, &page.display)])?;
    let path = urls::output_path(&page.url);
    sink.write(&path, html.as_bytes())
        .map_err(|error| vec![as_diagnostic(error, &page.display)])?;
    for file in &body.files {
        sink.write(&file.path, &file.bytes)
            .map_err(|error| vec![as_diagnostic(error, &page.display)])?;
    }
    Ok(Rendered {
        ids: links::collect_ids(&html),
        links: body.links,
        feed_content: keep_for_feed.then_some(body.html),
    })
}

fn as_diagnostic(error: anyhow::Error, file: &str) -> Diagnostic {
    match error.downcast::<Diagnostic>() {
        Ok(diagnostic) => diagnostic,
        Err(other) => Diagnostic::file(file, format!("{other:#}")),
    }
}

fn page_context(site: &Site, plan: &Plan, index: usize, body: &markdown::Rendered) -> Context {
    let page = &site.pages[index];
    let mut context = Context::new();
    let list = |ids: Vec<usize>| -> Vec<Summary> {
        ids.into_iter()
            .map(|i| Summary::of(&site.pages[i]))
            .collect()
    };
    let view = PageView {
        summary: Summary::of(page),
        updated: page.meta.updated.map(DateView::from),
        permalink: site.config.absolute(&page.url),
        source: page.display.clone(),
        content: body.html.clone(),
        toc: body.toc.clone(),
        extra: page.meta.extra.clone(),
        references: view::references(&body.citations, &site.data.bibliography),
        corrections: page
            .meta
            .corrections
            .iter()
            .map(CorrectionView::from)
            .collect(),
        words: body.words,
        reading_minutes: view::reading_minutes(body.words),
        pages: list(plan.pages_of(index, &site.pages)),
        subsections: list(plan.sections_of(index, &site.pages)),
        draft: page.meta.draft,
    };
    context.insert("page", &view);
    context.insert(
        "parent",
        &plan.parent[index].map(|i| Summary::of(&site.pages[i])),
    );
    context.insert("current_path", &page.url);
    context.insert("link_mode", "relative");
    context
}

/// A page or section as templates see it.
#[derive(Debug, serde::Serialize)]
struct PageView {
    #[serde(flatten)]
    summary: Summary,
    updated: Option<DateView>,
    permalink: String,
    source: String,
    content: String,
    toc: Vec<markdown::heading::TocEntry>,
    extra: toml::Table,
    references: Vec<view::ReferenceView>,
    corrections: Vec<CorrectionView>,
    words: usize,
    reading_minutes: usize,
    pages: Vec<Summary>,
    subsections: Vec<Summary>,
    draft: bool,
}

fn check_links(site: &Site, rendered: &[Rendered]) -> anyhow::Result<()> {
    let ids: HashMap<&str, &HashSet<String>> = site
        .pages
        .iter()
        .zip(rendered)
        .map(|(page, rendered)| (page.url.as_str(), &rendered.ids))
        .collect();
    let mut errors = Vec::new();
    for (page, rendered) in site.pages.iter().zip(rendered) {
        for link in &rendered.links {
            let (Some(anchor), Some(targets)) =
                (&link.check.anchor, ids.get(link.check.path.as_str()))
            else {
                continue;
            };
            if !targets.contains(anchor) {
                let mut known: Vec<&str> = targets.iter().map(String::as_str).collect();
                known.sort_unstable();
                let shown: Vec<&str> = known
                    .iter()
                    .copied()
                    .filter(|id| !id.starts_with("fnref-"))
                    .take(12)
                    .collect();
                errors.push(
                    Diagnostic::at(
                        &page.display,
                        &page.text,
                        link.range.clone(),
                        format!(
                            "broken anchor: `{}` has no element with id `{anchor}`",
                            link.check.path
                        ),
                    )
                    .with_help(format!("ids on that page include: {}", shown.join(", "))),
                );
            }
        }
    }
    diagnostic::into_result(errors)
}

fn write_generated(
    site: &Site,
    templates: &Templates,
    rendered: &[Rendered],
    feed_pages: &HashSet<usize>,
    sink: &dyn Sink,
) -> anyhow::Result<usize> {
    let mut files: Vec<OutputFile> = Vec::new();
    let sitemap: Vec<_> = site
        .pages
        .iter()
        .map(|p| (p.url.clone(), p.last_changed()))
        .collect();
    files.push(OutputFile::text(
        "sitemap.xml",
        feed::sitemap(&site.config, &sitemap),
    ));
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
    let entries: Vec<FeedEntry> = entries.into_iter().map(|(_, e)| e).collect();
    files.push(OutputFile::text(
        "atom.xml",
        feed::atom(&site.config, &site.config.title, "/atom.xml", &entries),
    ));
    files.push(OutputFile::text("robots.txt", feed::robots(&site.config)));
    let mut context = Context::new();
    context.insert("current_path", "/404.html");
    context.insert("link_mode", "root");
    context.insert("parent", &Option::<Summary>::None);
    files.push(OutputFile::text(
        "404.html",
        templates.render("404.html", &context, "404.html")?,
    ));
    for file in &files {
        sink.write(&file.path, &file.bytes)?;
    }
    Ok(files.len())
}
