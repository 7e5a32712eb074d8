//! Rebuilding while serving: an edit re-renders only what depends on it, and a failed
//! rebuild changes nothing that is served.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::content::page::{Page, PageKind};
use crate::diagnostic::{self, Diagnostic};
use crate::load::{self, Inputs, LoadOptions};
use crate::render::views::summary::Summary;
use crate::render::{self, Changes, Outcome, RenderedPage, Renderer, plural};
use crate::site::Site;
use crate::verify;
use crate::write::MemorySink;

use super::watch::{Change, Known};

/// Files to publish after a rebuild.
#[derive(Debug)]
pub enum Update {
    /// Everything, replacing what was served.
    Replace(HashMap<String, Vec<u8>>),
    /// Files to add or overwrite; the rest stays.
    Patch(HashMap<String, Vec<u8>>),
}

/// What a rebuild did, for the terminal.
#[derive(Debug)]
pub struct Done {
    /// The files to publish.
    pub update: Update,
    /// What was rendered, counted as `build` counts it: "5 pages, 4 sections, 1 chart, 1
    /// claim and 3 sources" for a full build, "1 page" or "2 pages and 1 section" for an
    /// incremental one.
    pub counts: String,
    /// Why (a full rebuild) or what (an incremental one).
    pub what: String,
}

/// The site being served and what its last good build was made from.
pub struct State {
    options: LoadOptions,
    site: Site,
    renderer: Renderer,
    rendered: Vec<RenderedPage>,
}

impl State {
    /// Loads and renders the whole site in memory.
    pub fn build(options: &LoadOptions) -> anyhow::Result<(Self, Done)> {
        let site = load::site(options)?;
        let verified = verify::site(&site);
        let sink = MemorySink::default();
        let rendering = render::full(&site, verified, &sink)?;
        let counts = Outcome::of(&site, rendering.files, Vec::new()).counts();
        let state = Self {
            options: options.clone(),
            site,
            renderer: rendering.renderer,
            rendered: rendering.pages,
        };
        let done = Done {
            update: Update::Replace(sink.into_files()),
            counts,
            what: "full build".to_string(),
        };
        Ok((state, done))
    }

    /// What a file under `content/` (relative to it) is to this build.
    pub fn known(&self, relative: &str) -> Known {
        if self.site.pages.iter().any(|p| p.relative == relative) {
            Known::Page
        } else if self
            .site
            .statics
            .iter()
            .any(|s| s.shown.strip_prefix("content/") == Some(relative))
            || relative.ends_with(".toml")
        {
            Known::File
        } else {
            Known::Unknown
        }
    }

    /// Rebuilds after a change. On error nothing changes and the last good build stays.
    pub fn apply(&mut self, change: &Change) -> anyhow::Result<Done> {
        match change {
            Change::Full(why) => self.full(why),
            Change::Pages(pages) => self.pages(pages),
            Change::Data => self.data(),
            Change::Statics(files) => self.statics(files),
            Change::Nothing => Ok(Done {
                update: Update::Patch(HashMap::new()),
                counts: "0 pages".to_string(),
                what: "nothing to do".to_string(),
            }),
        }
    }

    fn full(&mut self, why: &str) -> anyhow::Result<Done> {
        let (state, mut done) = Self::build(&self.options)?;
        *self = state;
        done.what = format!("full rebuild: {why}");
        Ok(done)
    }

    fn pages(&mut self, changed: &BTreeSet<String>) -> anyhow::Result<Done> {
        let mut replaced: Vec<(usize, Page)> = Vec::new();
        let mut replan = false;
        let mut nav = false;
        for relative in changed {
            let Some(index) = self.site.pages.iter().position(|p| &p.relative == relative) else {
                return self.full(&format!("content/{relative} is new"));
            };
            let page = self.reparse(index)?;
            let old = &self.site.pages[index];
            if page.meta.slug != old.meta.slug
                || page.meta.draft != old.meta.draft
                || page.meta.aliases != old.meta.aliases
                || page.meta.paginate_by != old.meta.paginate_by
                || page.meta.sort_by != old.meta.sort_by
            {
                return self.full(&format!(
                    "the URL, aliases, listing order or draft state of content/{relative} changed"
                ));
            }
            if listed_differently(old, &page) {
                replan = true;
                nav |= self.renderer.plan.nav.contains(&index) || old.kind == PageKind::Section;
            }
            let old = std::mem::replace(&mut self.site.pages[index], page);
            replaced.push((index, old));
        }
        let result = self.render_changed(&replaced, replan, nav);
        if result.is_err() {
            for (index, old) in replaced {
                self.site.pages[index] = old;
            }
            self.renderer.refresh_plan(&self.site);
        }
        result
    }

    fn reparse(&self, index: usize) -> anyhow::Result<Page> {
        let old = &self.site.pages[index];
        let mut page = load::page(&self.site.root.join("content"), &old.relative)?;
        if let Some(error) = page
            .check_claim_placement()
            .or_else(|| page.check_taxonomies(&self.site.config))
        {
            return Err(error.into());
        }
        page.url.clone_from(&old.url);
        Ok(page)
    }

    fn render_changed(
        &mut self,
        replaced: &[(usize, Page)],
        replan: bool,
        nav: bool,
    ) -> anyhow::Result<Done> {
        if replan {
            self.renderer.refresh_plan(&self.site);
        }
        let mut indices: BTreeSet<usize> = replaced.iter().map(|(i, _)| *i).collect();
        if nav {
            indices.extend(0..self.site.pages.len());
        } else if replan {
            indices.extend(
                replaced
                    .iter()
                    .filter_map(|(i, _)| self.renderer.plan.parent[*i]),
            );
        }
        for &(index, _) in replaced {
            self.renderer.reverify(&self.site, index).map_err(errors)?;
        }
        let what = replaced
            .iter()
            .map(|(i, _)| self.site.pages[*i].display.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let finish = if nav {
            Finish::All
        } else {
            Finish::Changed { listings: replan }
        };
        self.render_patch(indices.into_iter().collect(), what, finish)
    }

    fn data(&mut self) -> anyhow::Result<Done> {
        let fresh = load::data(&self.site.root.join("content")).map_err(errors)?;
        let previous = std::mem::replace(&mut self.site.data, fresh);

        let mut errors = Vec::new();
        let claims: Vec<usize> = (0..self.site.pages.len())
            .filter(|&i| self.site.pages[i].meta.claim.is_some())
            .collect();
        for &index in &claims {
            if let Err(mut found) = self.renderer.reverify(&self.site, index) {
                errors.append(&mut found);
            }
        }
        let dependents: Vec<usize> = (0..self.site.pages.len())
            .filter(|&i| self.rendered[i].bindings.rests_on_data() || claims.contains(&i))
            .collect();
        let result = diagnostic::into_result(errors)
            .and_then(|()| self.render_patch(dependents, "data".to_string(), Finish::All))
            .and_then(|mut done| {
                let sink = MemorySink::default();
                self.renderer.write_charts(&self.site, &sink)?;
                if let Update::Patch(files) = &mut done.update {
                    files.extend(sink.into_files());
                }
                Ok(done)
            });

        if result.is_err() {
            self.site.data = previous;
            for &index in &claims {
                let _ = self.renderer.reverify(&self.site, index);
            }
        }
        result
    }

    fn statics(&mut self, files: &BTreeSet<String>) -> anyhow::Result<Done> {
        let inputs = Inputs::new(&self.site.root);
        let mut patch = HashMap::new();
        for relative in files {
            let shown = format!("content/{relative}");
            let path = self.site.root.join(&shown);
            let bytes = load::read_bytes(&inputs, &path, &shown)?;
            let published = self
                .site
                .statics
                .iter()
                .find(|s| s.shown == shown)
                .map_or_else(|| relative.clone(), |s| s.published.clone());
            patch.insert(published, bytes);
        }
        Ok(Done {
            update: Update::Patch(patch),
            counts: "0 pages".to_string(),
            what: files.iter().cloned().collect::<Vec<_>>().join(", "),
        })
    }

    /// Renders some pages, checks all links, and regenerates the files built from pages.
    fn render_patch(
        &mut self,
        indices: Vec<usize>,
        what: String,
        finish: Finish,
    ) -> anyhow::Result<Done> {
        let mut timer = crate::timing::Timer::new();
        let sink = MemorySink::default();
        let (rendered, errors) = self
            .renderer
            .render_pages(&self.site, &indices, false, &sink);
        diagnostic::into_result(errors)?;
        timer.lap("serve: render the changed pages");
        let mut previous: Vec<(usize, RenderedPage)> = Vec::with_capacity(rendered.len());
        let mut retargeted = HashSet::new();
        for (index, page) in rendered {
            if page.ids != self.rendered[index].ids {
                retargeted.insert(index);
            }
            previous.push((index, std::mem::replace(&mut self.rendered[index], page)));
        }
        let finished = match finish {
            Finish::All => self
                .renderer
                .finish_pages(&self.site, &self.rendered, &sink),
            Finish::Changed { listings } => {
                // A new plan (a title, date or address changed) may move what links
                // into the pages point at: check those links as if their ids changed.
                if listings {
                    retargeted.extend(indices.iter().copied());
                }
                let changes = Changes {
                    pages: indices.iter().copied().collect(),
                    retargeted,
                    listings,
                };
                self.renderer
                    .finish_changed(&self.site, &self.rendered, &changes, &sink)
            }
        };
        if let Err(error) = finished {
            for (index, page) in previous {
                self.rendered[index] = page;
            }
            return Err(error);
        }
        timer.lap("serve: anchors and generated files");
        Ok(Done {
            update: Update::Patch(sink.into_files()),
            counts: rendered_counts(&self.site, &indices),
            what,
        })
    }
}

/// What a rebuild checks and writes again once its pages are rendered.
#[derive(Debug, Clone, Copy)]
enum Finish {
    /// Every anchor and every generated file (the data or every page changed).
    All,
    /// The anchors the re-rendered pages touch, and the generated files that show them:
    /// those that list pages only when `listings` (a title, date or correction changed).
    Changed { listings: bool },
}

/// "1 page", "2 pages and 1 section", "1 section": pages and sections apart, as `build`
/// counts them.
fn rendered_counts(site: &Site, indices: &[usize]) -> String {
    let sections = indices
        .iter()
        .filter(|&&i| site.pages[i].kind == PageKind::Section)
        .count();
    let pages = indices.len() - sections;
    let pages_text = format!("{pages} {}", plural(pages, "page"));
    let sections_text = format!("{sections} {}", plural(sections, "section"));
    match (pages, sections) {
        (_, 0) => pages_text,
        (0, _) => sections_text,
        _ => format!("{pages_text} and {sections_text}"),
    }
}

/// Whether a page shows differently in listings, the navigation, feeds or the sitemap.
fn listed_differently(old: &Page, new: &Page) -> bool {
    let summary = |page: &Page| serde_json::to_string(&Summary::of(page)).unwrap_or_default();
    summary(old) != summary(new)
        || old.meta.template != new.meta.template
        || old.meta.updated != new.meta.updated
        || old.meta.taxonomies != new.meta.taxonomies
        || old.meta.claim.as_ref().map(|c| &c.claimant)
            != new.meta.claim.as_ref().map(|c| &c.claimant)
        || corrections(old) != corrections(new)
}

/// A page's corrections as listed on the corrections page and in its feed.
fn corrections(page: &Page) -> Vec<(crate::content::date::Date, &str)> {
    page.meta
        .corrections
        .iter()
        .map(|c| (c.date, c.text.as_str()))
        .collect()
}

/// A diagnostic list as one error, for callers that report one error.
pub fn errors(diagnostics: Vec<Diagnostic>) -> anyhow::Error {
    diagnostic::into_result(diagnostics)
        .err()
        .unwrap_or_else(|| anyhow::anyhow!("rebuild failed"))
}
