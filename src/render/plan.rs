//! The site's structure, worked out before rendering: sections, their pages, the link index.

use std::collections::HashMap;
use std::sync::Arc;

use crate::content::config::ShareOptions;
use crate::content::date::Date;
use crate::content::front_matter::SortBy;
use crate::content::page::{self, Page, PageKind};
use crate::content::routes;
use crate::data::Data;
use crate::site::Site;

use super::generated::{audit, cards, chart_downloads, chart_pages};
use super::links::LinkIndex;
use super::taxonomies::{self, Taxonomy};

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
    /// What it is, for messages, when its path does not say (a taxonomy's pages).
    pub what: Option<String>,
    /// A redirect (a section's `page/1/`): a page, but not one the sitemap lists.
    pub redirect: bool,
}

impl Generated {
    /// Whether it is an HTML page a reader (and the sitemap) can visit: not an embed page,
    /// which is for other sites' frames.
    pub fn is_page(&self) -> bool {
        self.path.ends_with('/') && !self.redirect && !self.path.ends_with("/embed/")
    }
}

/// Every file the build generates besides pages: the one list the link index, the
/// collision check and the sitemap read. With `share.cards`, the social cards of the
/// generated pages are in it too.
pub fn generated(
    data: &Data,
    taxonomies: &[Taxonomy],
    pagers: &[Generated],
    share: &ShareOptions,
) -> Vec<Generated> {
    let cards = share.cards;
    let fixed = FIXED.iter().map(|path| Generated {
        path: (*path).to_string(),
        updated: None,
        what: None,
        redirect: false,
    });
    let audit = data.audit.iter().flat_map(|log| {
        std::iter::once(Generated {
            path: audit::PATH.to_string(),
            updated: Some(log.date),
            what: None,
            redirect: false,
        })
    });
    let charts = data.datasets.iter().flat_map(|dataset| {
        let file = |path: String| Generated {
            path,
            updated: dataset.as_of(),
            what: None,
            redirect: false,
        };
        let page = chart_pages::path(dataset);
        [
            file(page.clone()),
            file(chart_downloads::svg_path(dataset)),
            file(chart_downloads::png_path(dataset)),
            file(chart_downloads::embed_path(dataset)),
            file(chart_pages::csv_path(dataset)),
        ]
        .into_iter()
        .collect::<Vec<_>>()
    });
    let card_pages = ["/404.html", "/corrections/"]
        .into_iter()
        .map(str::to_string)
        .chain(data.audit.iter().map(|_| audit::PATH.to_string()))
        .chain(data.datasets.iter().map(chart_pages::path))
        .map(|path| (path, None));
    let taxonomy_pages = taxonomies::paths(taxonomies)
        .into_iter()
        .filter(|(path, _)| path.ends_with('/'))
        .map(|(path, what)| (path, Some(format!("the social card of {what}"))));
    let card_files = card_pages
        .chain(taxonomy_pages)
        .filter(|_| cards)
        .map(|(page, what)| Generated {
            path: cards::path(&page),
            updated: None,
            what,
            redirect: false,
        })
        .collect::<Vec<_>>();
    let taxonomies = taxonomies::paths(taxonomies)
        .into_iter()
        .map(|(path, what)| Generated {
            path,
            updated: None,
            what: Some(what),
            redirect: false,
        });
    fixed
        .chain(audit)
        .chain(charts)
        .chain(taxonomies)
        .chain(pagers.iter().cloned())
        .chain(card_files)
        .collect()
}

/// The listing pages of paginated sections after the first (`/for/page/2/`), and the
/// `page/1/` of each, a redirect to the section, as in Zola.
fn pager_paths(site: &Site, plan_pages: impl Fn(usize) -> usize) -> Vec<Generated> {
    let mut out = Vec::new();
    for (i, page) in site.pages.iter().enumerate() {
        if page.kind != PageKind::Section || page.meta.paginate_by.is_none_or(|by| by == 0) {
            continue;
        }
        let count = page.pager_count(plan_pages(i));
        for number in 1..=count {
            out.push(Generated {
                path: routes::pager(&page.url, number),
                updated: page.last_changed(),
                what: Some(format!(
                    "page {number} of the listing of `{}`",
                    page.display
                )),
                redirect: number == 1,
            });
        }
    }
    out
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
    /// The taxonomies with their terms.
    pub taxonomies: Vec<Taxonomy>,
    /// The listing pages of paginated sections besides the first.
    pub pagers: Vec<Generated>,
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
        for (&section, list) in &mut children {
            list.sort_by(|&a, &b| page::listing_order(&pages[a], &pages[b]));
            if let Some(sort_by) = pages[section].meta.sort_by {
                sort_pages(list, pages, sort_by);
            }
        }
        let root = section_of_dir.get("").copied();
        let nav = root
            .and_then(|root| children.get(&root))
            .cloned()
            .unwrap_or_default();
        let taxonomies = taxonomies::collect(site);
        let pagers = pager_paths(site, |i| {
            children.get(&i).map_or(0, |list| {
                list.iter()
                    .filter(|&&c| pages[c].kind == PageKind::Page)
                    .count()
            })
        });
        let links = Arc::new(link_index(site, &taxonomies, &pagers));
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
            taxonomies,
            pagers,
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

/// Orders the pages of a section's list by `sort_by`, its subsections staying where they are.
fn sort_pages(list: &mut [usize], pages: &[Page], sort_by: SortBy) {
    let slots: Vec<usize> = (0..list.len())
        .filter(|&at| pages[list[at]].kind == PageKind::Page)
        .collect();
    let mut sorted: Vec<usize> = slots.iter().map(|&at| list[at]).collect();
    sorted.sort_by(|&a, &b| page::sort_order(sort_by, &pages[a], &pages[b]));
    for (at, index) in slots.into_iter().zip(sorted) {
        list[at] = index;
    }
}

fn link_index(site: &Site, taxonomies: &[Taxonomy], pagers: &[Generated]) -> LinkIndex {
    let mut index = LinkIndex::default();
    for page in &site.pages {
        index
            .sources
            .insert(page.relative.clone(), page.url.clone());
        index.paths.insert(page.url.clone());
        index.paths.extend(page.alias_paths());
    }
    for file in &site.statics {
        index.paths.insert(format!("/{}", file.published));
    }
    for asset in &site.assets.files {
        index
            .assets
            .insert(format!("/{}", asset.name), format!("/{}", asset.path));
    }
    index.paths.extend(
        generated(&site.data, taxonomies, pagers, &site.config.share)
            .into_iter()
            .map(|g| g.path),
    );
    index.drafts.extend(site.drafts.iter().cloned());
    index
}
