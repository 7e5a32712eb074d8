//! The site's structure, worked out before rendering: sections, their pages, the link index.

use std::collections::HashMap;
use std::sync::Arc;

use crate::content::date::Date;
use crate::content::page::{self, Page, PageKind};
use crate::data::dataset::Dataset;
use crate::site::Site;

use super::generated::{cards, chart_downloads, chart_pages};
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
    /// Whether it is an HTML page a reader (and the sitemap) can visit: not an embed page,
    /// which is for other sites' frames.
    pub fn is_page(&self) -> bool {
        self.path.ends_with('/') && !self.path.ends_with("/embed/")
    }
}

/// Every file the build generates besides pages: the one list the link index, the
/// collision check and the sitemap read.
pub fn generated(datasets: &[Dataset]) -> Vec<Generated> {
    let fixed = FIXED
        .iter()
        .map(|path| (*path).to_string())
        .chain(["/404.html", "/corrections/"].map(cards::path))
        .map(|path| Generated {
            path,
            updated: None,
        });
    let charts = datasets.iter().flat_map(|dataset| {
        [
            Generated {
                path: chart_pages::path(dataset),
                updated: dataset.as_of(),
            },
            Generated {
                path: cards::path(&chart_pages::path(dataset)),
                updated: dataset.as_of(),
            },
            Generated {
                path: chart_downloads::svg_path(dataset),
                updated: dataset.as_of(),
            },
            Generated {
                path: chart_downloads::png_path(dataset),
                updated: dataset.as_of(),
            },
            Generated {
                path: chart_downloads::embed_path(dataset),
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
