//! The one check over every file the build writes: nothing the build writes replaces
//! anything else it writes (a page, a chart's page or CSV, a feed, the sitemap, robots.txt,
//! 404.html, a theme file), and no file stands where another needs a directory.

use std::collections::HashMap;

use crate::content::routes;
use crate::diagnostic::Diagnostic;
use crate::site::Site;

use super::generated::cards;
use super::plan::Plan;
use super::plan::generated;

/// What writes an output file, named in the error when two would write one path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A page or section, by index.
    Page(usize),
    /// The social card of a page or section, by index.
    Card(usize),
    /// A redirect page for an alias of a page (by index): the alias as written.
    Alias(usize, String),
    /// A file factsite generates whatever the content (`sitemap.xml`, a chart's page),
    /// described for messages ("the sitemap").
    Generated(String),
    /// A CSV of chart data (a chart page's, or one a chart shortcode publishes): the same
    /// path always holds the same data, so two of them may share it.
    Data(String),
    /// A file under `content/` or `static/` published as it is, as errors name it
    /// (`content/for/chart.svg`).
    Static(String),
    /// A theme file.
    Theme(String),
}

/// Every file the build writes, by output path: the one check that nothing the build
/// writes replaces anything else it writes, and that no file stands where another needs a
/// directory.
#[derive(Debug, Default)]
pub struct Outputs {
    files: HashMap<String, Origin>,
    dirs: HashMap<String, String>,
}

impl Outputs {
    /// The files every build of `site` writes: pages, generated files, statics and theme
    /// files. Files a page's shortcodes publish are checked with [`Outputs::check`] as
    /// the page renders, before they are written.
    pub fn of(site: &Site, plan: &Plan) -> Result<Self, Vec<Diagnostic>> {
        let mut outputs = Self::default();
        let mut errors = Vec::new();
        let generated = generated(
            &site.data,
            &plan.taxonomies,
            &plan.pagers,
            &site.config.share,
        )
        .into_iter()
        .map(|g| {
            let name = g.what.unwrap_or_else(|| generated_name(&g.path));
            let origin = if g.path.ends_with(".csv") {
                Origin::Data(name)
            } else {
                Origin::Generated(name)
            };
            (routes::output_path(&g.path), origin)
        });
        let share = &site.config.share;
        let pages = site.pages.iter().enumerate().flat_map(|(i, page)| {
            let card = share.cards.then(|| {
                let path = cards::path(&page.url).trim_start_matches('/').to_string();
                (path, Origin::Card(i))
            });
            std::iter::once((routes::output_path(&page.url), Origin::Page(i))).chain(card)
        });
        let aliases = site.pages.iter().enumerate().flat_map(|(i, page)| {
            page.alias_paths()
                .map(move |path| (routes::output_path(&path), Origin::Alias(i, path)))
        });
        let statics = site
            .statics
            .iter()
            .map(|f| (f.published.clone(), Origin::Static(f.shown.clone())));
        let theme = site
            .assets
            .files
            .iter()
            .map(|a| (a.path.clone(), Origin::Theme(a.name.clone())));
        for (path, origin) in generated
            .chain(pages)
            .chain(aliases)
            .chain(statics)
            .chain(theme)
        {
            if let Err(error) = outputs.add(site, &path, origin) {
                errors.push(error);
            }
        }
        if errors.is_empty() {
            Ok(outputs)
        } else {
            Err(errors)
        }
    }

    /// Checks a file a page publishes (a chart's CSV) before it is written: `at` locates
    /// the shortcode that publishes it.
    pub fn check(&self, site: &Site, path: &str, at: Diagnostic) -> Result<(), Diagnostic> {
        let conflict = match self.files.get(path) {
            Some(Origin::Data(_)) | None => self.dir_conflict(path),
            Some(other) => Some((path.to_string(), other.clone())),
        };
        match conflict {
            None => Ok(()),
            Some((other_path, other)) => Err(at_shortcode(site, path, at, &other_path, &other)),
        }
    }

    fn add(&mut self, site: &Site, path: &str, origin: Origin) -> Result<(), Diagnostic> {
        if let Some(first) = self.files.get(path) {
            if matches!((first, &origin), (Origin::Data(_), Origin::Data(_))) {
                return Ok(());
            }
            return Err(collision(site, (path, first), (path, &origin)));
        }
        if let Some((other_path, other)) = self.dir_conflict(path) {
            return Err(collision(site, (&other_path, &other), (path, &origin)));
        }
        let mut dir = path;
        while let Some((parent, _)) = dir.rsplit_once('/') {
            self.dirs
                .entry(parent.to_string())
                .or_insert_with(|| path.to_string());
            dir = parent;
        }
        self.files.insert(path.to_string(), origin);
        Ok(())
    }

    /// A file already known that `path` would need as a directory, or a file already known
    /// inside `path` (used as a directory).
    fn dir_conflict(&self, path: &str) -> Option<(String, Origin)> {
        let mut dir = path;
        while let Some((parent, _)) = dir.rsplit_once('/') {
            if let Some(origin) = self.files.get(parent) {
                return Some((parent.to_string(), origin.clone()));
            }
            dir = parent;
        }
        let inside = self.dirs.get(path)?;
        Some((inside.clone(), self.files.get(inside)?.clone()))
    }
}

/// How messages name a generated file: "the sitemap", "the CSV of the chart `hot-100`".
fn generated_name(path: &str) -> String {
    let fixed = match path {
        "/sitemap.xml" => Some("the sitemap"),
        "/atom.xml" => Some("the Atom feed"),
        "/robots.txt" => Some("the robots.txt"),
        "/404.html" => Some("the 404 page"),
        "/corrections/" => Some("the corrections page"),
        "/corrections/atom.xml" => Some("the corrections feed"),
        _ => None,
    };
    if let Some(name) = fixed {
        return format!("{name} factsite generates");
    }
    let chart = path
        .strip_prefix("/charts/")
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_default();
    if path.ends_with("card.png") {
        let page = match path {
            "/404.card.png" => "the 404 page".to_string(),
            "/corrections/card.png" => "the corrections page".to_string(),
            "/audit/card.png" => "the audit page".to_string(),
            _ => format!("the page of the chart `{chart}`"),
        };
        return format!("the social card factsite generates for {page}");
    }
    if path.ends_with(".svg") || path.ends_with(".png") {
        return format!("the picture factsite generates for the chart `{chart}`");
    }
    if path.ends_with("/embed/") {
        return format!("the embed page factsite generates for the chart `{chart}`");
    }
    if path.ends_with(".csv") {
        format!("the CSV factsite generates for the chart `{chart}`")
    } else {
        format!("the page factsite generates for the chart `{chart}`")
    }
}

/// What writes a file, for messages: "the page `content/x.md`", "`content/robots.txt`".
fn describe(site: &Site, origin: &Origin) -> String {
    match origin {
        Origin::Page(i) => format!("the page `{}`", site.pages[*i].display),
        Origin::Card(i) => format!("the social card of the page `{}`", site.pages[*i].display),
        Origin::Alias(i, path) => format!(
            "the alias `{path}` of the page `{}`",
            site.pages[*i].display
        ),
        Origin::Generated(name) | Origin::Data(name) => name.clone(),
        Origin::Static(shown) => format!("`{shown}`"),
        Origin::Theme(name) => format!("the theme file `theme/{name}`"),
    }
}

/// The error for two writers of one path (or of a file and a directory), located at the
/// page when one of them is a page.
fn collision(site: &Site, first: (&str, &Origin), second: (&str, &Origin)) -> Diagnostic {
    let (path_a, a) = first;
    let (path_b, b) = second;
    let message = if path_a == path_b {
        format!(
            "{} and {} would both be written to `{path_a}`",
            describe(site, b),
            describe(site, a)
        )
    } else {
        let (file, file_origin, inner, inner_origin) = if path_b.starts_with(&format!("{path_a}/"))
        {
            (path_a, a, path_b, b)
        } else {
            (path_b, b, path_a, a)
        };
        format!(
            "{} is written to `{inner}`, which needs a directory `{file}`, but {} writes a file there",
            describe(site, inner_origin),
            describe(site, file_origin)
        )
    };
    let alias = [a, b].into_iter().find_map(|o| match o {
        Origin::Alias(i, _) => Some(&site.pages[*i]),
        _ => None,
    });
    let page = [a, b].into_iter().find_map(|o| match o {
        Origin::Page(i) | Origin::Card(i) => Some(&site.pages[*i]),
        _ => None,
    });
    if let Some(page) = alias {
        return page
            .error_at_key("aliases", message)
            .with_help("remove the alias, or change it: an alias may not replace anything else the build writes");
    }
    let file = [a, b].into_iter().find_map(|o| match o {
        Origin::Static(shown) => Some(shown.clone()),
        Origin::Theme(name) => Some(format!("theme/{name}")),
        _ => None,
    });
    let help = match (&file, page) {
        (Some(file), _) if file.starts_with("static/") => format!(
            "rename or remove `{file}`: nothing in static/ may replace a file the build writes"
        ),
        (Some(file), _) => format!(
            "rename or remove `{file}`: nothing in content/ or theme/ may replace a file the build writes"
        ),
        (None, Some(_)) => {
            "give the page another `slug`: factsite writes that file itself".to_string()
        }
        (None, None) => "rename one of them".to_string(),
    };
    let diagnostic = match (page, &file) {
        (Some(page), _) if page.meta.slug.is_some() => page.error_at_key("slug", message),
        (Some(page), _) => page.error_at_key("title", message),
        (None, Some(file)) => Diagnostic::file(file, message),
        (None, None) => Diagnostic::file("", message),
    };
    diagnostic.with_help(help)
}

/// The error for a file a shortcode publishes where something else is written.
fn at_shortcode(
    site: &Site,
    path: &str,
    at: Diagnostic,
    other_path: &str,
    other: &Origin,
) -> Diagnostic {
    let message = if other_path == path {
        format!(
            "this chart publishes `{path}`, where {} is written",
            describe(site, other)
        )
    } else if other_path.starts_with(&format!("{path}/")) {
        format!(
            "this chart publishes the file `{path}`, but {} is written inside it (`{other_path}`)",
            describe(site, other)
        )
    } else {
        format!(
            "this chart publishes `{path}`, which needs a directory `{other_path}`, but {} writes a file there",
            describe(site, other)
        )
    };
    let help = match other {
        Origin::Static(shown) => format!(
            "rename or remove `{shown}`: nothing in {} may replace a file the build writes",
            if shown.starts_with("static/") {
                "static/"
            } else {
                "content/"
            }
        ),
        Origin::Page(_) | Origin::Card(_) => "give the page another `slug`".to_string(),
        Origin::Alias(..) => "remove or change the alias".to_string(),
        _ => "draw a different set of entries or dates".to_string(),
    };
    Diagnostic { message, ..at }.with_help(help)
}
