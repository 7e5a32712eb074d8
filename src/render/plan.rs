//! The site's structure, worked out before rendering: sections, their pages, the link index.

use std::collections::HashMap;
use std::sync::Arc;

use crate::content::date::Date;
use crate::content::page::{self, Page, PageKind};
use crate::content::routes;
use crate::data::dataset::Dataset;
use crate::diagnostic::Diagnostic;
use crate::site::Site;

use super::generated::chart_pages;
use super::links::LinkIndex;

/// Site paths of the files every build writes whatever the content.
const FIXED: [&str; 6] = [
    "/sitemap.xml",
    "/atom.xml",
    "/robots.txt",
    "/404.html",
    "/corrections/",
    "/corrections/atom.xml",
];

/// A file the build generates besides pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    /// Its site path.
    pub path: String,
    /// When what it shows last changed (a chart page: its data's latest week).
    pub updated: Option<Date>,
}

impl Generated {
    /// Whether it is an HTML page a reader (and the sitemap) can visit.
    pub fn is_page(&self) -> bool {
        self.path.ends_with('/')
    }
}

/// Every file the build generates besides pages: the one list the link index, the
/// collision check and the sitemap read.
pub fn generated(datasets: &[Dataset]) -> Vec<Generated> {
    let fixed = FIXED.iter().map(|path| Generated {
        path: (*path).to_string(),
        updated: None,
    });
    let charts = datasets.iter().flat_map(|dataset| {
        [
            Generated {
                path: chart_pages::path(dataset),
                updated: dataset.as_of(),
            },
            Generated {
                path: chart_pages::csv_path(dataset),
                updated: dataset.as_of(),
            },
        ]
    });
    fixed.chain(charts).collect()
}

/// What writes an output file, named in the error when two would write one path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A page or section, by index.
    Page(usize),
    /// A file factsite generates whatever the content (`sitemap.xml`, a chart's page),
    /// described for messages ("the sitemap").
    Generated(String),
    /// A CSV of chart data (a chart page's, or one a chart shortcode publishes): the same
    /// path always holds the same data, so two of them may share it.
    Data(String),
    /// A file under `content/` published as it is.
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
    pub fn of(site: &Site) -> Result<Self, Vec<Diagnostic>> {
        let mut outputs = Self::default();
        let mut errors = Vec::new();
        let generated = generated(&site.data.datasets).into_iter().map(|g| {
            let name = generated_name(&g.path);
            let origin = if g.path.ends_with(".csv") {
                Origin::Data(name)
            } else {
                Origin::Generated(name)
            };
            (routes::output_path(&g.path), origin)
        });
        let pages = site
            .pages
            .iter()
            .enumerate()
            .map(|(i, page)| (routes::output_path(&page.url), Origin::Page(i)));
        let statics = site
            .statics
            .iter()
            .map(|f| (f.relative.clone(), Origin::Static(f.relative.clone())));
        let theme = site
            .assets
            .files
            .iter()
            .map(|a| (a.path.clone(), Origin::Theme(a.name.clone())));
        for (path, origin) in generated.chain(pages).chain(statics).chain(theme) {
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
        Origin::Generated(name) | Origin::Data(name) => name.clone(),
        Origin::Static(relative) => format!("`content/{relative}`"),
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
    let page = [a, b].into_iter().find_map(|o| match o {
        Origin::Page(i) => Some(&site.pages[*i]),
        _ => None,
    });
    let file = [a, b].into_iter().find_map(|o| match o {
        Origin::Static(relative) => Some(format!("content/{relative}")),
        Origin::Theme(name) => Some(format!("theme/{name}")),
        _ => None,
    });
    let help = match (&file, page) {
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
        Origin::Static(relative) => format!(
            "rename or remove `content/{relative}`: nothing in content/ may replace a file the build writes"
        ),
        Origin::Page(_) => "give the page another `slug`".to_string(),
        _ => "draw a different set of entries or dates".to_string(),
    };
    Diagnostic { message, ..at }.with_help(help)
}

/// Sections, listings and everything links may point at.
#[derive(Debug)]
pub struct Plan {
    /// For each page: the index of its section (`None` for the home page).
    pub parent: Vec<Option<usize>>,
    /// For each section: its pages and subsections, in listing order.
    pub children: HashMap<usize, Vec<usize>>,
    /// The home page's sections and pages, for the navigation, in listing order.
    pub nav: Vec<usize>,
    /// Everything a link may point at.
    pub links: Arc<LinkIndex>,
    /// The page index of each site path.
    pub by_url: HashMap<String, usize>,
}

impl Plan {
    /// Works out the structure of a loaded site.
    pub fn new(site: &Site) -> Self {
        let pages = &site.pages;
        let section_of_dir: HashMap<&str, usize> = pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == PageKind::Section)
            .map(|(i, p)| (p.dir(), i))
            .collect();
        let parent: Vec<Option<usize>> = pages
            .iter()
            .map(|page| {
                if page.relative == "_index.md" {
                    return None;
                }
                let mut dir = match page.kind {
                    PageKind::Section => parent_dir(page.dir()),
                    PageKind::Page => page.dir(),
                };
                loop {
                    if let Some(&section) = section_of_dir.get(dir) {
                        return Some(section);
                    }
                    if dir.is_empty() {
                        return None;
                    }
                    dir = parent_dir(dir);
                }
            })
            .collect();
        let mut children: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, parent) in parent.iter().enumerate() {
            if let Some(parent) = parent {
                children.entry(*parent).or_default().push(i);
            }
        }
        for list in children.values_mut() {
            list.sort_by(|&a, &b| page::listing_order(&pages[a], &pages[b]));
        }
        let root = section_of_dir.get("").copied();
        let nav = root
            .and_then(|root| children.get(&root))
            .cloned()
            .unwrap_or_default();
        let links = Arc::new(link_index(site));
        let by_url = pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.url.clone(), i))
            .collect();
        Self {
            parent,
            children,
            nav,
            links,
            by_url,
        }
    }

    /// The pages (not subsections) listed by a section.
    pub fn pages_of(&self, section: usize, pages: &[Page]) -> Vec<usize> {
        self.children
            .get(&section)
            .map(|list| {
                list.iter()
                    .copied()
                    .filter(|&i| pages[i].kind == PageKind::Page)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The subsections of a section.
    pub fn sections_of(&self, section: usize, pages: &[Page]) -> Vec<usize> {
        self.children
            .get(&section)
            .map(|list| {
                list.iter()
                    .copied()
                    .filter(|&i| pages[i].kind == PageKind::Section)
                    .collect()
            })
            .unwrap_or_default()
    }
}

fn parent_dir(dir: &str) -> &str {
    dir.rsplit_once('/').map_or("", |(parent, _)| parent)
}

fn link_index(site: &Site) -> LinkIndex {
    let mut index = LinkIndex::default();
    for page in &site.pages {
        index
            .sources
            .insert(page.relative.clone(), page.url.clone());
        index.paths.insert(page.url.clone());
    }
    for file in &site.statics {
        index.paths.insert(format!("/{}", file.relative));
    }
    for asset in &site.assets.files {
        index
            .assets
            .insert(format!("/{}", asset.name), format!("/{}", asset.path));
    }
    index
        .paths
        .extend(generated(&site.data.datasets).into_iter().map(|g| g.path));
    index.drafts.extend(site.drafts.iter().cloned());
    index
}
