//! Tera templates: the user's `templates/`, built-in defaults, the author's shortcodes,
//! and the URL functions and filters.

mod errors;
mod filters;
mod fragments;
mod functions;
mod hints;
mod shortcodes;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::Serialize;
use tera::{Context, Tera};

use crate::content::page::{Page, PageKind};
use crate::diagnostic::{self, Diagnostic};
use crate::site::Site;

use super::links::LinkIndex;
use errors::{Sources, template_error};

pub use shortcodes::PageShortcodes;

/// Templates used when the site does not provide its own.
pub const DEFAULTS: &[(&str, &str)] = &[
    ("base.html", include_str!("../../../templates/base.html")),
    ("index.html", include_str!("../../../templates/index.html")),
    (
        "section.html",
        include_str!("../../../templates/section.html"),
    ),
    ("page.html", include_str!("../../../templates/page.html")),
    ("404.html", include_str!("../../../templates/404.html")),
    ("chart.html", include_str!("../../../templates/chart.html")),
    (
        "charts.html",
        include_str!("../../../templates/charts.html"),
    ),
    ("claim.html", include_str!("../../../templates/claim.html")),
    (
        "claims.html",
        include_str!("../../../templates/claims.html"),
    ),
    (
        "corrections.html",
        include_str!("../../../templates/corrections.html"),
    ),
    ("audit.html", include_str!("../../../templates/audit.html")),
    (
        "taxonomy_list.html",
        include_str!("../../../templates/taxonomy_list.html"),
    ),
    (
        "taxonomy_single.html",
        include_str!("../../../templates/taxonomy_single.html"),
    ),
    (
        "partials/references.html",
        include_str!("../../../templates/partials/references.html"),
    ),
    (
        "partials/card.html",
        include_str!("../../../templates/partials/card.html"),
    ),
    (
        "partials/corrections.html",
        include_str!("../../../templates/partials/corrections.html"),
    ),
    (
        "partials/cite.html",
        include_str!("../../../templates/partials/cite.html"),
    ),
    (
        "partials/site_header.html",
        include_str!("../../../templates/partials/site_header.html"),
    ),
    (
        "partials/site_footer.html",
        include_str!("../../../templates/partials/site_footer.html"),
    ),
];

/// How `url()` and `asset()` write links on the page being rendered (`link_mode` in the
/// template context).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkMode {
    /// Relative to the page (every page but the 404 page).
    Relative,
    /// From the site root, including the base path (the 404 page, served at any depth).
    Root,
}

/// The parsed templates.
#[derive(Debug)]
pub struct Templates {
    tera: Tera,
    sources: BTreeMap<String, String>,
    builtin: BTreeSet<String>,
    /// The author's shortcodes (`templates/shortcodes/NAME.html`), sorted.
    shortcodes: Vec<String>,
    /// The variables each of the author's shortcodes may read (its includes' too), when
    /// Tera can tell (a template that dumps `__tera_context` reads them all).
    shortcode_reads: BTreeMap<String, BTreeSet<String>>,
    /// What `cached()` has rendered in this build.
    fragments: Arc<fragments::Fragments>,
}

/// What the templates are built from.
#[derive(Debug)]
pub struct Setup<'a> {
    /// The site's own templates by name.
    pub site: &'a BTreeMap<String, String>,
    /// The templates the build will render (built-ins fill the gaps).
    pub needed: BTreeSet<&'a str>,
    /// What `url()` and `asset()` may point at.
    pub links: Arc<LinkIndex>,
    /// `base_url`, for `absolute_url()`.
    pub base_url: &'a str,
    /// The path of `base_url`, for links on the 404 page.
    pub base_path: &'a str,
}

impl Templates {
    /// Parses the site's templates over the defaults and registers the URL functions.
    pub fn new(setup: Setup<'_>) -> anyhow::Result<Self> {
        let shortcodes = shortcodes::names(setup.site)
            .or_else(|errors| diagnostic::into_result(errors).map(|()| Vec::new()))?;
        let mut sources: BTreeMap<String, String> = setup.site.clone();
        let mut builtin = BTreeSet::new();
        for (name, text) in DEFAULTS {
            // A built-in page template is added only when the site needs it and lacks it:
            // it extends the site's own base.html, which may not have its blocks.
            let wanted = setup.needed.contains(name)
                || name.starts_with("partials/")
                || *name == "base.html";
            if wanted && !sources.contains_key(*name) {
                sources.insert((*name).to_string(), (*text).to_string());
                builtin.insert((*name).to_string());
            }
        }
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        functions::register(&mut tera, setup.links, setup.base_url, setup.base_path);
        let fragments = Arc::new(fragments::Fragments::default());
        fragments::register(&mut tera, Arc::downgrade(&fragments));
        filters::register(&mut tera);
        tera.add_raw_templates(
            sources
                .iter()
                .map(|(name, text)| (name.as_str(), text.as_str())),
        )
        .map_err(|error| {
            let sources = Sources {
                text: &sources,
                builtin: &builtin,
            };
            template_error(&error, sources, None)
        })?;
        let shortcode_reads = shortcodes::reads(&tera, &sources, &shortcodes);
        fragments.reset(&tera);
        Ok(Self {
            tera,
            sources,
            builtin,
            shortcodes,
            shortcode_reads,
            fragments,
        })
    }

    fn sources(&self) -> Sources<'_> {
        Sources {
            text: &self.sources,
            builtin: &self.builtin,
        }
    }

    /// Adds a value every template sees (`config`, `nav`). The fragments `cached()` kept
    /// are dropped, since they may show the value it replaces.
    pub fn global<T: serde::Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.tera.global_context().insert(key, value);
        self.fragments.reset(&self.tera);
    }

    /// Whether a template with this name exists.
    pub fn has(&self, name: &str) -> bool {
        self.sources.contains_key(name)
    }

    /// A diagnostic at the first place `needle` is written in a template, trying `first`
    /// before the others; a whole-file diagnostic of `first` when no template holds it.
    pub fn locate(&self, first: &str, needle: &str, message: String) -> Diagnostic {
        let shown = |name: &str| {
            if self.builtin.contains(name) {
                format!("(built-in template) {name}")
            } else {
                format!("templates/{name}")
            }
        };
        let order = std::iter::once(first).chain(self.sources.keys().map(String::as_str));
        for name in order {
            if let Some(text) = self.sources.get(name)
                && let Some(at) = text.find(needle)
            {
                return Diagnostic::at(&shown(name), text, at..at + needle.len(), message);
            }
        }
        Diagnostic::file(&shown(first), message)
    }

    /// Renders a template; `context_file` names the content file being rendered, for errors.
    pub fn render(
        &self,
        name: &str,
        context: &Context,
        context_file: &str,
    ) -> anyhow::Result<String> {
        if !self.has(name) {
            return Err(Diagnostic::file(
                context_file,
                format!("template `{name}` does not exist"),
            )
            .with_help(format!(
                "templates found: {}",
                self.sources.keys().cloned().collect::<Vec<_>>().join(", ")
            ))
            .into());
        }
        self.tera
            .render(name, context)
            .map_err(|error| template_error(&error, self.sources(), Some(context_file)))
    }

    /// Renders the author's shortcode `name` (`templates/shortcodes/NAME.html`).
    pub fn render_shortcode(&self, name: &str, context: &Context) -> Result<String, Diagnostic> {
        let template = format!("{}{name}.html", shortcodes::FOLDER);
        self.tera.render(&template, context).map_err(|error| {
            errors::diagnostics(&error, self.sources(), None, Some(name))
                .into_iter()
                .next()
                .unwrap_or_else(|| {
                    Diagnostic::file(&format!("templates/{template}"), error.to_string())
                })
        })
    }
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

/// Refuses a page whose `template` does not exist.
pub fn check_pages(site: &Site, templates: &Templates) -> anyhow::Result<()> {
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
