//! Rendering a loaded site into files: claims, markdown, templates, feeds, and the link check.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, HashSet};

use rayon::prelude::*;
use tera::Context;

use crate::chart_pages;
use crate::claim::{self, Checked};
use crate::context;
use crate::diagnostic::{self, Diagnostic};
use crate::feed::{self, FeedEntry};
use crate::links::{self, From};
use crate::markdown::{self, Env, Expansion, FoundLink, LinkTarget, Locator, shortcode::Call};
use crate::output::{OutputFile, Sink};
use crate::page::{Page, PageKind};
use crate::plan::Plan;
use crate::shortcodes::{self, ChartPlace, Used};
use crate::site::Site;
use crate::templates::{Setup, Templates};
use crate::urls;
use crate::view::Summary;

/// How many of the newest pages the Atom feed carries.
const FEED_LIMIT: usize = 30;

/// What a build produced, and what `check` reports on.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Pages rendered.
    pub pages: usize,
    /// Sections rendered (the home page included).
    pub sections: usize,
    /// Claim pages.
    pub claims: usize,
    /// Chart datasets.
    pub charts: usize,
    /// Sources in the bibliography.
    pub sources: usize,
    /// Files written, all kinds.
    pub files: usize,
    /// Per page (same order as `Site::pages`): the stats it used and the sources it cited.
    pub bindings: Vec<PageBindings>,
}

impl Outcome {
    /// "25 pages, 6 sections, 5 charts, 19 claims and 143 sources", for summary lines.
    pub fn counts(&self) -> String {
        let plural = crate::build::plural;
        format!(
            "{} {}, {} {}, {} {}, {} {} and {} {}",
            self.pages,
            plural(self.pages, "page"),
            self.sections,
            plural(self.sections, "section"),
            self.charts,
            plural(self.charts, "chart"),
            self.claims,
            plural(self.claims, "claim"),
            self.sources,
            plural(self.sources, "source"),
        )
    }
}

/// The data a page rests on.
#[derive(Debug, Clone, Default)]
pub struct PageBindings {
    /// Stats from `stat` and `fact` shortcodes.
    pub used: Vec<Used>,
    /// Cited source ids.
    pub citations: Vec<String>,
    /// Claim checks, for claim pages.
    pub checks: Vec<Checked>,
}

/// What is kept of a rendered page once it is written.
#[derive(Debug, Default, Clone)]
pub struct Rendered {
    /// The `id`s in the page's HTML, for the anchor check.
    pub ids: HashSet<String>,
    /// Internal links to verify.
    pub links: Vec<FoundLink>,
    /// The body HTML, kept only for pages in the feed.
    pub feed_content: Option<String>,
    /// The data the page rests on.
    pub bindings: PageBindings,
}

/// Templates and the site plan, prepared once and reused for every page.
#[derive(Debug)]
pub struct Renderer {
    /// Sections, listings and the link index.
    pub plan: Plan,
    templates: Templates,
    /// Claim checks by page index.
    pub checks: HashMap<usize, Vec<Checked>>,
    feed_pages: HashSet<usize>,
}

/// Renders every page and file of `site` into `sink`.
pub fn render(site: &Site, sink: &dyn Sink) -> anyhow::Result<Outcome> {
    let mut timer = crate::timing::Timer::new();
    let (renderer, mut errors) = Renderer::new(site)?;
    timer.lap("prepare templates, plan and claims");
    let indices: Vec<usize> = (0..site.pages.len()).collect();
    let (rendered, mut page_errors) = renderer.render_pages(site, &indices, sink);
    errors.append(&mut page_errors);
    diagnostic::into_result(errors)?;
    timer.lap("render and write pages");
    let rendered: Vec<Rendered> = rendered.into_iter().map(|(_, r)| r).collect();
    let files = site.pages.len() + renderer.finish(site, &rendered, sink)?;
    timer.lap("links, feeds, charts, statics");
    Ok(Outcome::of(site, files, rendered))
}

impl Outcome {
    /// Counts for a site whose pages rendered.
    pub fn of(site: &Site, files: usize, rendered: Vec<Rendered>) -> Self {
        let sections = site
            .pages
            .iter()
            .filter(|p| p.kind == PageKind::Section)
            .count();
        Self {
            pages: site.pages.len() - sections,
            sections,
            claims: site.pages.iter().filter(|p| p.meta.claim.is_some()).count(),
            charts: site.data.datasets.len(),
            sources: site.data.bibliography.sources.len(),
            files,
            bindings: rendered.into_iter().map(|r| r.bindings).collect(),
        }
    }
}

impl Renderer {
    /// Prepares the plan and templates and evaluates every claim check. Claim errors are
    /// returned rather than raised, so they are reported with the pages' errors.
    pub fn new(site: &Site) -> anyhow::Result<(Self, Vec<Diagnostic>)> {
        let plan = Plan::new(
            site,
            generated_paths().chain(chart_pages::paths(&site.data.datasets)),
        );
        let mut needed: BTreeSet<&str> = site.pages.iter().map(template_name).collect();
        needed.extend(["404.html", "corrections.html"]);
        if !site.data.datasets.is_empty() {
            needed.insert("chart.html");
        }
        let mut templates = Templates::new(Setup {
            site: &site.templates,
            needed,
            links: plan.links.clone(),
            base_url: &site.config.base_url,
            base_path: site.config.base_path(),
        })?;
        templates.global("config", &site.config);
        check_templates(site, &templates)?;
        check_generated_urls(site)?;
        let (checks, errors) = verify_claims(site);
        let mut renderer = Self {
            plan,
            templates,
            checks,
            feed_pages: feed_selection(&site.pages),
        };
        renderer.refresh_nav(site);
        Ok((renderer, errors))
    }

    /// Recomputes listings and the navigation after front matter changed (URLs unchanged).
    pub fn refresh_plan(&mut self, site: &Site) {
        self.plan = Plan::new(
            site,
            generated_paths().chain(chart_pages::paths(&site.data.datasets)),
        );
        self.feed_pages = feed_selection(&site.pages);
        self.refresh_nav(site);
    }

    fn refresh_nav(&mut self, site: &Site) {
        let nav: Vec<Summary> = self
            .plan
            .nav
            .iter()
            .map(|&i| Summary::of(&site.pages[i]))
            .collect();
        self.templates.global("nav", &nav);
    }

    /// Re-evaluates one claim page's checks.
    pub fn reverify(&mut self, site: &Site, index: usize) -> Result<(), Vec<Diagnostic>> {
        self.checks.remove(&index);
        let page = &site.pages[index];
        let Some(claim) = &page.meta.claim else {
            return Ok(());
        };
        let checked = claim::verify(page, claim, site.data.stats(), &site.data.bibliography)?;
        self.checks.insert(index, checked);
        Ok(())
    }

    /// Renders pages in parallel; the results come back in the order of `indices`.
    pub fn render_pages(
        &self,
        site: &Site,
        indices: &[usize],
        sink: &dyn Sink,
    ) -> (Vec<(usize, Rendered)>, Vec<Diagnostic>) {
        let job = Job {
            site,
            plan: &self.plan,
            templates: &self.templates,
            sink,
        };
        let results: Vec<(usize, Result<Rendered, Vec<Diagnostic>>)> = indices
            .par_iter()
            .map(|&i| {
                (
                    i,
                    job.render_one(i, self.feed_pages.contains(&i), self.checks.get(&i)),
                )
            })
            .collect();
        let mut errors = Vec::new();
        let mut rendered = Vec::with_capacity(results.len());
        for (i, result) in results {
            match result {
                Ok(page) => rendered.push((i, page)),
                Err(mut page_errors) => {
                    errors.append(&mut page_errors);
                    rendered.push((i, Rendered::default()));
                }
            }
        }
        (rendered, errors)
    }

    /// Checks every link and anchor, then writes the generated files, `content/` statics
    /// and theme files. Returns how many files it wrote.
    pub fn finish(
        &self,
        site: &Site,
        rendered: &[Rendered],
        sink: &dyn Sink,
    ) -> anyhow::Result<usize> {
        let mut timer = crate::timing::Timer::new();
        let mut files = self.finish_pages(site, rendered, sink)?;
        timer.lap("links, sitemap, feeds");
        files += self.write_charts(site, sink)?;
        timer.lap("chart pages");
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
        Ok(files)
    }

    /// Writes a page and a CSV for every chart dataset. Returns how many files it wrote.
    pub fn write_charts(&self, site: &Site, sink: &dyn Sink) -> anyhow::Result<usize> {
        chart_pages::write(site, &self.plan, &self.templates, sink)
    }

    /// Checks every link and anchor, then writes the files generated from the pages
    /// (sitemap, feeds, 404 and corrections pages). Returns how many files it wrote.
    pub fn finish_pages(
        &self,
        site: &Site,
        rendered: &[Rendered],
        sink: &dyn Sink,
    ) -> anyhow::Result<usize> {
        check_links(site, rendered)?;
        write_generated(site, &self.templates, rendered, &self.feed_pages, sink)
    }
}

/// Site paths every build generates besides pages.
fn generated_paths() -> impl Iterator<Item = String> {
    ["/corrections/", "/corrections/atom.xml"]
        .into_iter()
        .map(String::from)
}

fn check_generated_urls(site: &Site) -> anyhow::Result<()> {
    let generated: HashSet<String> = generated_paths()
        .chain(chart_pages::paths(&site.data.datasets))
        .collect();
    let errors: Vec<Diagnostic> = site
        .pages
        .iter()
        .filter(|page| generated.contains(&page.url))
        .map(|page| {
            page.error_at_key(
                "title",
                format!(
                    "`{}` maps to `{}`, which factsite generates",
                    page.display, page.url
                ),
            )
            .with_help("give the page another `slug`")
        })
        .collect();
    diagnostic::into_result(errors)
}

/// The template a page renders with.
pub fn template_name(page: &Page) -> &str {
    if let Some(template) = &page.meta.template {
        return template;
    }
    match page.kind {
        PageKind::Section if page.relative == "_index.md" => "index.html",
        PageKind::Section if page.relative == "claims/_index.md" => "claims.html",
        PageKind::Section if page.relative == "charts/_index.md" => "charts.html",
        PageKind::Section => "section.html",
        PageKind::Page if page.meta.claim.is_some() => "claim.html",
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

/// Evaluates every claim's checks; the errors are reported with the pages' errors.
fn verify_claims(site: &Site) -> (HashMap<usize, Vec<Checked>>, Vec<Diagnostic>) {
    type Verified = (usize, Result<Vec<Checked>, Vec<Diagnostic>>);
    let results: Vec<Verified> = site
        .pages
        .par_iter()
        .enumerate()
        .filter_map(|(i, page)| {
            let claim = page.meta.claim.as_ref()?;
            Some((
                i,
                claim::verify(page, claim, site.data.stats(), &site.data.bibliography),
            ))
        })
        .collect();
    let mut errors = Vec::new();
    let mut checks = HashMap::new();
    for (i, result) in results {
        match result {
            Ok(checked) => {
                checks.insert(i, checked);
            }
            Err(mut found) => errors.append(&mut found),
        }
    }
    (checks, errors)
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
    used: RefCell<Vec<Used>>,
    charts: std::cell::Cell<usize>,
}

impl Env for PageEnv<'_> {
    fn shortcode(&self, call: &Call, at: Locator<'_>) -> Result<Expansion, Diagnostic> {
        let stats = self.site.data.stats();
        let mut used = self.used.borrow_mut();
        match call.name.as_str() {
            "stat" => shortcodes::stat(call, at, stats, &mut used),
            "fact" => shortcodes::fact(call, at, stats, &mut used),
            "chart" => {
                self.charts.set(self.charts.get() + 1);
                let place = ChartPlace {
                    page_url: &self.page.url,
                    number: self.charts.get(),
                };
                shortcodes::chart(call, at, &self.site.data, place)
            }
            _ => Err(at
                .at(
                    call.name_range.clone(),
                    format!("unknown shortcode `{}`", call.name),
                )
                .with_help(format!("shortcodes: {}", shortcodes::NAMES.join(", ")))),
        }
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

struct Job<'a> {
    site: &'a Site,
    plan: &'a Plan,
    templates: &'a Templates,
    sink: &'a dyn Sink,
}

impl Job<'_> {
    fn render_one(
        &self,
        index: usize,
        keep_for_feed: bool,
        checks: Option<&Vec<Checked>>,
    ) -> Result<Rendered, Vec<Diagnostic>> {
        let page = &self.site.pages[index];
        let input = markdown::Input {
            file: &page.display,
            text: &page.text,
            body_offset: page.body_offset,
            options: &self.site.config.markdown,
        };
        let env = PageEnv {
            site: self.site,
            plan: self.plan,
            page,
            used: RefCell::new(Vec::new()),
            charts: std::cell::Cell::new(0),
        };
        let body = markdown::render(&input, &env)?;
        let context = context::page(
            self.site,
            self.plan,
            index,
            &body,
            checks.map(Vec::as_slice),
        );
        let html = self
            .templates
            .render(template_name(page), &context, &page.display)
            .map_err(|error| vec![as_diagnostic(error, &page.display)])?;
        let write = |path: &str, bytes: &[u8]| {
            self.sink
                .write(path, bytes)
                .map_err(|error| vec![as_diagnostic(error, &page.display)])
        };
        write(&urls::output_path(&page.url), html.as_bytes())?;
        for file in &body.files {
            write(&file.path, &file.bytes)?;
        }
        Ok(Rendered {
            ids: links::collect_ids(&html),
            links: body.links,
            feed_content: keep_for_feed.then_some(body.html),
            bindings: PageBindings {
                used: env.used.into_inner(),
                citations: body.citations,
                checks: checks.cloned().unwrap_or_default(),
            },
        })
    }
}

fn as_diagnostic(error: anyhow::Error, file: &str) -> Diagnostic {
    match error.downcast::<Diagnostic>() {
        Ok(diagnostic) => diagnostic,
        Err(other) => Diagnostic::file(file, format!("{other:#}")),
    }
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
                let mut known: Vec<&str> = targets
                    .iter()
                    .map(String::as_str)
                    .filter(|id| !id.starts_with("fnref-"))
                    .collect();
                known.sort_unstable();
                known.truncate(12);
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
                    .with_help(format!("ids on that page include: {}", known.join(", "))),
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
    let mut sitemap: Vec<_> = site
        .pages
        .iter()
        .map(|p| (p.url.clone(), p.last_changed()))
        .collect();
    sitemap.push(("/corrections/".to_string(), None));
    sitemap.extend(
        site.data
            .datasets
            .iter()
            .map(|d| (chart_pages::path(d), d.as_of())),
    );
    files.push(OutputFile::text(
        "sitemap.xml",
        feed::sitemap(&site.config, &sitemap),
    ));
    files.push(OutputFile::text(
        "atom.xml",
        feed::atom(
            &site.config,
            &site.config.title,
            "/atom.xml",
            &feed_entries(site, rendered, feed_pages),
        ),
    ));
    files.push(OutputFile::text("robots.txt", feed::robots(&site.config)));
    let mut context = Context::new();
    let mut not_found = context::GeneratedPage::new(site, "Page not found", "/404.html");
    not_found.description = Some("There is nothing at this address.".to_string());
    context.insert("page", &not_found);
    context.insert("current_path", "/404.html");
    context.insert("link_mode", "root");
    context.insert("parent", &Option::<Summary>::None);

    files.push(OutputFile::text(
        "404.html",
        templates.render("404.html", &context, "404.html")?,
    ));
    files.push(OutputFile::text(
        "corrections/index.html",
        templates.render(
            "corrections.html",
            &context::corrections_page(site),
            "corrections",
        )?,
    ));
    let corrections: Vec<FeedEntry> = context::corrections(site)
        .into_iter()
        .map(|(date, page, correction)| FeedEntry {
            title: format!("Correction: {}", page.meta.title),
            path: format!("{}#corrections", page.url),
            published: date,
            updated: date,
            summary: Some(correction.text.clone()),
            content: None,
        })
        .collect();
    let title = format!("{}: corrections", site.config.title);
    files.push(OutputFile::text(
        "corrections/atom.xml",
        feed::atom(&site.config, &title, "/corrections/atom.xml", &corrections),
    ));
    for file in &files {
        sink.write(&file.path, &file.bytes)?;
    }
    Ok(files.len())
}

fn feed_entries(site: &Site, rendered: &[Rendered], feed_pages: &HashSet<usize>) -> Vec<FeedEntry> {
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
