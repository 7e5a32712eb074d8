//! Rendering one page: its markdown (with shortcodes, citations and checked links) into
//! its template, written to the sink with the files its shortcodes publish.

use std::collections::HashSet;

use crate::content::config::Strictness;
use crate::content::page::Page;
use crate::content::routes;
use crate::diagnostic::Diagnostic;
use crate::markdown::{self, Env, Expansion, FoundLink, Inner, LinkTarget, Locator, call::Call};
use crate::shortcodes;
use crate::site::Site;
use crate::verify::{Bindings, Checked, audit};
use crate::write::Sink;

use super::card;
use super::generated::cards::Pictures;
use super::generated::cite::{self, Versions};
use super::generated::redirect;
use super::links::{self, From};
use super::outputs::Outputs;
use super::plan::Plan;
use super::templates::{PageShortcodes, Templates, template_name};
use super::views;

/// What is kept of a rendered page once it is written.
#[derive(Debug, Default, Clone)]
pub struct RenderedPage {
    /// The `id`s in the page's HTML, for the anchor check.
    pub ids: HashSet<String>,
    /// The fragments of its same-page links (`href="#..."`), whatever wrote them.
    pub local_anchors: Vec<String>,
    /// Internal links to verify.
    pub links: Vec<FoundLink>,
    /// The body HTML, kept only for pages in the feed.
    pub feed_content: Option<String>,
    /// The data the page rests on.
    pub bindings: Bindings,
}

/// What rendering a page needs from the site, shared by every page.
#[derive(Clone, Copy)]
pub(super) struct Job<'a> {
    pub site: &'a Site,
    pub plan: &'a Plan,
    pub templates: &'a Templates,
    pub sink: &'a dyn Sink,
    /// What the number audit reads from the site.
    pub audit: &'a audit::Context,
    /// Every file the build writes, to check the files shortcodes publish against.
    pub outputs: &'a Outputs,
    /// What draws social cards.
    pub pictures: &'a Pictures,
    /// The hashes of the data, for citations.
    pub versions: &'a Versions<'a>,
}

/// The markdown environment of one page: its shortcodes, sources and links.
struct PageEnv<'a> {
    site: &'a Site,
    plan: &'a Plan,
    page: &'a Page,
    shortcodes: shortcodes::Page<'a>,
}

impl Env for PageEnv<'_> {
    fn shortcode(
        &self,
        call: &Call,
        at: Locator<'_>,
        inner: &mut dyn Inner,
    ) -> Result<Expansion, Diagnostic> {
        shortcodes::expand(call, at, &self.shortcodes, inner)
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

impl Job<'_> {
    /// The citation of `page`, from what its rendering found it rests on.
    fn cite(
        &self,
        page: &Page,
        shortcodes: &shortcodes::Page<'_>,
        body: &markdown::Body,
    ) -> Option<cite::CiteView> {
        let used = shortcodes.used.borrow();
        let charts = shortcodes.charts.borrow();
        let bound = cite::Bound {
            used: &used,
            charts: &charts,
            charts_as_of: *shortcodes.charts_as_of.borrow(),
            citations: &body.citations,
            every_chart: template_name(page) == "charts.html",
        };
        let behind = cite::behind(self.site, page, bound);
        cite::page(self.site, page, &behind, self.versions)
    }

    /// Renders and writes the listing pages of paginated section `index` after the first,
    /// and `page/1/` as a redirect to the section; returns the first, for the section's path.
    fn write_pagers(
        &self,
        index: usize,
        pagers: Vec<(String, tera::Context)>,
    ) -> Result<String, Vec<Diagnostic>> {
        let page = &self.site.pages[index];
        let fail = |error: anyhow::Error| vec![Diagnostic::from_error(error, &page.display)];
        let template = template_name(page);
        let mut first = String::new();
        for (number, (path, context)) in pagers.into_iter().enumerate() {
            let html = self
                .templates
                .render(template, &context, &page.display)
                .map_err(fail)?;
            if number == 0 {
                first = html;
                let redirect_path = routes::pager(&page.url, 1);
                let redirect = redirect::page(
                    &self.site.config,
                    &page.meta.title,
                    &redirect_path,
                    &page.url,
                );
                self.sink
                    .write(&routes::output_path(&redirect_path), redirect.as_bytes())
                    .map_err(fail)?;
                continue;
            }
            let shown = format!("page {} of the listing of `{}`", number + 1, page.display);
            super::anchors::check_generated(&html, template, &shown, self.templates)
                .map_err(fail)?;
            self.sink
                .write(&routes::output_path(&path), html.as_bytes())
                .map_err(fail)?;
        }
        Ok(first)
    }

    /// Draws and writes the social card of page `index`. Called once every page rendered
    /// without error, so that a build that fails draws no picture.
    pub(super) fn write_card(&self, index: usize) -> Result<(), Vec<Diagnostic>> {
        let page = &self.site.pages[index];
        let fail = |error: anyhow::Error| vec![Diagnostic::from_error(error, &page.display)];
        let section = self.plan.parent[index].map(|i| self.site.pages[i].meta.title.as_str());
        if let Some(drawn) =
            card::page_card(self.pictures, self.site, page, section).map_err(fail)?
        {
            let file = drawn.file(self.pictures).map_err(fail)?;
            self.sink.write(&file.path, &file.bytes).map_err(fail)?;
        }
        Ok(())
    }

    /// Renders and writes page `index` (its card is drawn later, by [`Job::write_card`]);
    /// `keep_for_feed` keeps its body for the feed.
    pub(super) fn render(
        &self,
        index: usize,
        keep_for_feed: bool,
        checks: Option<&Vec<Checked>>,
    ) -> Result<RenderedPage, Vec<Diagnostic>> {
        let page = &self.site.pages[index];
        let input = markdown::Input {
            file: &page.display,
            text: &page.text,
            body_offset: page.body_offset,
            options: &self.site.config.markdown,
        };
        let authored = PageShortcodes::new(self.templates, self.site, page);
        let env = PageEnv {
            site: self.site,
            plan: self.plan,
            page,
            shortcodes: shortcodes::Page {
                smart_quotes: self.site.config.markdown.smart_punctuation,
                link_charts: true,
                link_figures: self.plan.by_url.contains_key("/charts/"),
                authored: Some(&authored),
                ..shortcodes::Page::new(&self.site.data, &page.url)
            },
        };
        let body = markdown::render(&input, &env)?;
        let numbers = audit::page(page, &body.prose, self.audit);
        if self.site.config.facts.unbound_numbers == Strictness::Error {
            let place = audit::Place::Page {
                body_offset: page.body_offset,
            };
            let errors = audit::unbound(&page.display, &page.text, &numbers, place);
            if !errors.is_empty() {
                return Err(errors);
            }
        }
        let (mut context, mut view) = views::page::context(
            self.site,
            self.plan,
            index,
            &body,
            checks.map(Vec::as_slice),
        );
        let section = self.plan.parent[index].map(|i| self.site.pages[i].meta.title.as_str());
        let drawn = card::page_card(self.pictures, self.site, page, section)
            .map_err(|error| vec![Diagnostic::from_error(error, &page.display)])?;
        let card = drawn.as_ref().map(|d| &d.view);
        context.insert("card", &card);
        let cite = self.cite(page, &env.shortcodes, &body);
        context.insert("cite", &cite);
        let mut pagers = views::page::pagers(self.site, self.plan, index, &mut view);
        // A listing's later pages share its card and its citation.
        for (_, pager) in &mut pagers {
            pager.insert("card", &card);
            pager.insert("cite", &cite);
        }
        let html = if pagers.is_empty() {
            self.templates
                .render(template_name(page), &context, &page.display)
                .map_err(|error| vec![Diagnostic::from_error(error, &page.display)])?
        } else {
            self.write_pagers(index, pagers)?
        };
        let write = |path: &str, bytes: &[u8]| {
            self.sink
                .write(path, bytes)
                .map_err(|error| vec![Diagnostic::from_error(error, &page.display)])
        };
        write(&routes::output_path(&page.url), html.as_bytes())?;
        for alias in page.alias_paths() {
            let redirect = redirect::page(&self.site.config, &page.meta.title, &alias, &page.url);
            write(&routes::output_path(&alias), redirect.as_bytes())?;
        }
        for (file, origin) in body.files.iter().zip(&body.file_origins) {
            let at = Diagnostic::at(&page.display, &page.text, origin.clone(), "");
            self.outputs
                .check(self.site, &file.path, at)
                .map_err(|error| vec![error])?;
            write(&file.path, &file.bytes)?;
        }
        let shortcodes = env.shortcodes;
        let (ids, local_anchors) = links::collect_targets(&html);
        Ok(RenderedPage {
            ids,
            local_anchors,
            links: body.links,
            feed_content: keep_for_feed.then_some(body.html),
            bindings: Bindings {
                used: shortcodes.used.into_inner(),
                citations: body.citations,
                checks: checks.cloned().unwrap_or_default(),
                charts: shortcodes.charts.into_inner(),
                numbers,
            },
        })
    }
}
