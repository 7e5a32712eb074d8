//! Rendering a loaded, verified site into files: pages through their templates, then the
//! anchor check, the generated files (feeds, sitemap, robots.txt, 404, corrections, chart
//! pages), `content/` statics and theme files.

mod anchors;
pub(crate) mod card;
pub(crate) mod generated;
pub mod links;
mod outcome;
pub(crate) mod outputs;
mod page;
pub(crate) mod plan;
pub(crate) mod taxonomies;
pub(crate) mod templates;
pub(crate) mod views;

use std::collections::{BTreeSet, HashMap, HashSet};

use anyhow::Context;
use rayon::prelude::*;

use crate::diagnostic::{self, Diagnostic};
use crate::site::{Site, StaticFile};
use crate::timing::Timer;
use crate::verify::{self, Checked, Verified};
use crate::write::Sink;

use anchors::Scope;
use generated::Regenerate;
pub use outcome::{Outcome, plural};
pub use page::RenderedPage;
pub use plan::Plan;
use templates::{Setup, Templates, template_name};
use views::summary::Summary;

/// Templates and the site plan, prepared once and reused for every page.
#[derive(Debug)]
pub struct Renderer {
    /// Sections, listings and the link index.
    pub plan: Plan,
    templates: Templates,
    /// Claim checks by page index.
    pub checks: HashMap<usize, Vec<Checked>>,
    feed_pages: HashSet<usize>,
    outputs: outputs::Outputs,
    /// What draws social cards and chart pictures.
    pub pictures: generated::cards::Pictures,
}

/// A whole render: the renderer, every page as rendered, and how many files were written.
#[derive(Debug)]
pub struct Rendering {
    /// What later partial renders (`serve`) reuse.
    pub renderer: Renderer,
    /// Every page, in the order of `Site::pages`.
    pub pages: Vec<RenderedPage>,
    /// Files written, all kinds.
    pub files: usize,
}

/// Renders every page and file of `site` into `sink`.
pub fn render(site: &Site, verified: Verified, sink: &dyn Sink) -> anyhow::Result<Outcome> {
    let rendering = full(site, verified, sink)?;
    let bindings = rendering.pages.into_iter().map(|p| p.bindings).collect();
    Ok(Outcome::of(site, rendering.files, bindings))
}

/// Renders everything, keeping what a later partial render needs. Claim errors from
/// `verified` are reported together with the pages' own errors.
pub fn full(site: &Site, verified: Verified, sink: &dyn Sink) -> anyhow::Result<Rendering> {
    let mut timer = Timer::new();
    let mut errors = verified.errors;
    let renderer = Renderer::new(site, verified.checks)?;
    timer.lap("prepare templates and plan");
    let indices: Vec<usize> = (0..site.pages.len()).collect();
    let failing = !errors.is_empty();
    let (rendered, mut page_errors) = renderer.render_pages(site, &indices, failing, sink);
    errors.append(&mut page_errors);
    diagnostic::into_result(errors)?;
    timer.lap("render and write pages");
    let pages: Vec<RenderedPage> = rendered.into_iter().map(|(_, r)| r).collect();
    let files = site.pages.len() + renderer.finish(site, &pages, sink)?;
    timer.lap("links, feeds, charts, statics");
    Ok(Rendering {
        renderer,
        pages,
        files,
    })
}

impl Renderer {
    /// Prepares the plan and the templates, and checks that every page has its template
    /// and no page takes a URL factsite generates.
    pub fn new(site: &Site, checks: HashMap<usize, Vec<Checked>>) -> anyhow::Result<Self> {
        let plan = Plan::new(site);
        let mut needed: BTreeSet<&str> = site.pages.iter().map(template_name).collect();
        needed.extend(["404.html", "corrections.html"]);
        if site.data.audit.is_some() {
            needed.insert("audit.html");
        }
        if !site.data.datasets.is_empty() {
            needed.insert("chart.html");
        }
        if plan.taxonomies.iter().any(|t| !t.terms.is_empty()) {
            needed.extend(["taxonomy_list.html", "taxonomy_single.html"]);
        }
        let mut templates = Templates::new(Setup {
            site: &site.templates,
            needed,
            links: plan.links.clone(),
            base_url: &site.config.base_url,
            base_path: site.config.base_path(),
        })?;
        templates.global("config", &site.config);
        templates::check_pages(site, &templates)?;
        let outputs = outputs::Outputs::of(site, &plan).or_else(|errors| {
            diagnostic::into_result(errors).map(|()| outputs::Outputs::default())
        })?;
        let pictures = generated::cards::Pictures::new(site, true)?;
        let mut renderer = Self {
            plan,
            templates,
            checks,
            feed_pages: generated::feed_selection(&site.pages),
            outputs,
            pictures,
        };
        renderer.refresh_nav(site);
        Ok(renderer)
    }

    /// Recomputes listings and the navigation after front matter changed (URLs unchanged).
    pub fn refresh_plan(&mut self, site: &Site) {
        self.plan = Plan::new(site);
        self.feed_pages = generated::feed_selection(&site.pages);
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
        let checked =
            verify::claims::verify(page, claim, site.data.stats(), &site.data.bibliography)?;
        self.checks.insert(index, checked);
        Ok(())
    }

    /// Renders pages in parallel; the results come back in the order of `indices`. Their
    /// social cards are drawn only when every page rendered and the build is not `failing`
    /// already: a build that fails spends no time on pictures it will not publish.
    pub fn render_pages(
        &self,
        site: &Site,
        indices: &[usize],
        failing: bool,
        sink: &dyn Sink,
    ) -> (Vec<(usize, RenderedPage)>, Vec<Diagnostic>) {
        let audit = verify::audit::Context::new(&site.data, &site.config.facts.names);
        let versions = generated::cite::Versions::new(&site.data);
        let job = page::Job {
            site,
            plan: &self.plan,
            templates: &self.templates,
            sink,
            audit: &audit,
            outputs: &self.outputs,
            pictures: &self.pictures,
            versions: &versions,
        };
        let results: Vec<(usize, Result<RenderedPage, Vec<Diagnostic>>)> = indices
            .par_iter()
            .map(|&i| {
                let keep = self.feed_pages.contains(&i);
                (i, job.render(i, keep, self.checks.get(&i)))
            })
            .collect();
        let mut errors = Vec::new();
        let mut rendered = Vec::with_capacity(results.len());
        for (i, result) in results {
            match result {
                Ok(page) => rendered.push((i, page)),
                Err(mut page_errors) => {
                    errors.append(&mut page_errors);
                    rendered.push((i, RenderedPage::default()));
                }
            }
        }
        if errors.is_empty() && !failing {
            errors = indices
                .par_iter()
                .filter_map(|&i| job.write_card(i).err())
                .flatten()
                .collect();
        }
        (rendered, errors)
    }

    /// Checks every anchor, then writes the generated files, `content/` statics and theme
    /// files. Returns how many files it wrote.
    pub fn finish(
        &self,
        site: &Site,
        rendered: &[RenderedPage],
        sink: &dyn Sink,
    ) -> anyhow::Result<usize> {
        let mut timer = Timer::new();
        // Chart pages depend on no page: they render beside the anchor check and the
        // files generated from the pages.
        let (pages, charts) = rayon::join(
            || self.finish_pages(site, rendered, sink),
            || self.write_charts(site, sink),
        );
        let mut files = pages? + charts?;
        timer.lap("links, sitemap, feeds, chart pages");
        files += write_statics(&site.statics, sink)?;
        for asset in &site.assets.files {
            sink.write(&asset.path, &asset.bytes)?;
            files += 1;
        }
        Ok(files)
    }

    /// Writes a page and a CSV for every chart dataset. Returns how many files it wrote.
    pub fn write_charts(&self, site: &Site, sink: &dyn Sink) -> anyhow::Result<usize> {
        generated::chart_pages::write(site, self, sink)
    }

    /// Checks every anchor, then writes the files generated from the pages (sitemap,
    /// feeds, 404 and corrections pages). Returns how many files it wrote.
    pub fn finish_pages(
        &self,
        site: &Site,
        rendered: &[RenderedPage],
        sink: &dyn Sink,
    ) -> anyhow::Result<usize> {
        let mut timer = Timer::new();
        anchors::check(site, &self.plan, rendered, &self.templates)?;
        timer.lap("anchor check");
        let pages = generated::Pages {
            rendered,
            feed: &self.feed_pages,
            taxonomies: &self.plan.taxonomies,
            pagers: &self.plan.pagers,
        };
        let files = generated::write(
            site,
            (&self.templates, &self.pictures),
            pages,
            Regenerate::ALL,
            sink,
        )?;
        timer.lap("sitemap, feeds, 404 and corrections");
        Ok(files)
    }

    /// After the pages of `changes` were rendered again: checks the anchors they touch and
    /// writes again the generated files that show them. Returns how many files it wrote.
    pub fn finish_changed(
        &self,
        site: &Site,
        rendered: &[RenderedPage],
        changes: &Changes,
        sink: &dyn Sink,
    ) -> anyhow::Result<usize> {
        let mut timer = Timer::new();
        let pages: Vec<usize> = changes.pages.iter().copied().collect();
        let scope = Scope {
            pages: &pages,
            retargeted: Some(&changes.retargeted),
        };
        anchors::check_some(site, &self.plan, (rendered, &self.templates), scope)?;
        timer.lap("anchor check of the changed pages");
        let what = Regenerate {
            listings: changes.listings,
            feed: changes.pages.iter().any(|i| self.feed_pages.contains(i)),
        };
        let pages = generated::Pages {
            rendered,
            feed: &self.feed_pages,
            taxonomies: &self.plan.taxonomies,
            pagers: &self.plan.pagers,
        };
        let files = generated::write(site, (&self.templates, &self.pictures), pages, what, sink)?;
        timer.lap("the generated files that show them");
        Ok(files)
    }
}

/// What a partial rebuild rendered again, for [`Renderer::finish_changed`].
#[derive(Debug, Clone, Default)]
pub struct Changes {
    /// The pages rendered again.
    pub pages: HashSet<usize>,
    /// Those of them whose ids (anchors) differ from before: links into them are checked.
    pub retargeted: HashSet<usize>,
    /// Whether a title, date or correction changed, so the listings are written again.
    pub listings: bool,
}

/// Publishes `content/` and `static/` files as they are. Returns how many.
pub fn write_statics(statics: &[StaticFile], sink: &dyn Sink) -> anyhow::Result<usize> {
    for file in statics {
        sink.copy(&file.published, &file.path)
            .with_context(|| format!("failed to publish `{}`", file.shown))?;
    }
    Ok(statics.len())
}
