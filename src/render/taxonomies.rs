//! Taxonomies: the terms of `topics`, `claimant`, `verdict` (and any `[taxonomies]` of
//! `site.toml`), each with the pages that carry it, worked out once for the whole site.

use std::collections::BTreeMap;

use crate::content::page::Page;
use crate::content::routes;
use crate::site::Site;

/// One taxonomy with its terms.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    /// Its name, also its URL segment (`topics`).
    pub name: String,
    /// Whether each term gets an Atom feed.
    pub feed: bool,
    /// Its terms, sorted by slug.
    pub terms: Vec<Term>,
}

/// One term of a taxonomy.
#[derive(Debug, Clone)]
pub struct Term {
    /// The term as the first of its pages (by file path) writes it.
    pub name: String,
    /// Its URL segment.
    pub slug: String,
    /// The pages that carry it: newest first, undated ones last, then by title.
    pub pages: Vec<usize>,
}

impl Taxonomy {
    /// `Topics`, `Claimants`, `Verdicts`; another taxonomy's name with a capital.
    pub fn title(&self) -> String {
        match self.name.as_str() {
            "topics" => "Topics".to_string(),
            "claimant" => "Claimants".to_string(),
            "verdict" => "Verdicts".to_string(),
            other => capitalized(other),
        }
    }

    /// `Topic`, `Claimant`, `Verdict`; another taxonomy's name with a capital.
    pub fn singular(&self) -> String {
        match self.name.as_str() {
            "topics" => "Topic".to_string(),
            "claimant" => "Claimant".to_string(),
            "verdict" => "Verdict".to_string(),
            other => capitalized(other),
        }
    }

    /// The site path of its list of terms.
    pub fn path(&self) -> String {
        routes::taxonomy(&self.name)
    }
}

fn capitalized(name: &str) -> String {
    let spaced = name.replace(['-', '_'], " ");
    let mut chars = spaced.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Every taxonomy `site.toml` names, with its terms. A taxonomy no page uses has no terms
/// (and, like in Zola, no pages).
pub fn collect(site: &Site) -> Vec<Taxonomy> {
    site.config
        .taxonomies()
        .into_iter()
        .map(|(name, feed)| {
            let mut terms: BTreeMap<String, Term> = BTreeMap::new();
            for (i, page) in site.pages.iter().enumerate() {
                for (term, slug) in page.terms(name) {
                    terms
                        .entry(slug.clone())
                        .or_insert_with(|| Term {
                            name: term,
                            slug,
                            pages: Vec::new(),
                        })
                        .pages
                        .push(i);
                }
            }
            let mut terms: Vec<Term> = terms.into_values().collect();
            for term in &mut terms {
                term.pages
                    .sort_by(|&a, &b| newest_first(&site.pages[a], &site.pages[b]));
            }
            Taxonomy {
                name: name.to_string(),
                feed,
                terms,
            }
        })
        .collect()
}

/// Newest first, undated pages last, then by title and URL.
fn newest_first(a: &Page, b: &Page) -> std::cmp::Ordering {
    match (a.meta.date, b.meta.date) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
    .then_with(|| a.meta.title.cmp(&b.meta.title))
    .then_with(|| a.url.cmp(&b.url))
}

/// The site paths of every taxonomy page and feed, with what each is, for messages.
pub fn paths(taxonomies: &[Taxonomy]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for taxonomy in taxonomies.iter().filter(|t| !t.terms.is_empty()) {
        out.push((
            taxonomy.path(),
            format!("the list of {} factsite generates", taxonomy.name),
        ));
        for term in &taxonomy.terms {
            out.push((
                routes::term(&taxonomy.name, &term.slug),
                format!(
                    "the page factsite generates for the {} `{}`",
                    taxonomy.singular().to_lowercase(),
                    term.name
                ),
            ));
            if taxonomy.feed {
                out.push((
                    routes::term_feed(&taxonomy.name, &term.slug),
                    format!(
                        "the feed factsite generates for the {} `{}`",
                        taxonomy.singular().to_lowercase(),
                        term.name
                    ),
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(pages: &[(&str, &str)]) -> Site {
        let mut pages: Vec<Page> = pages
            .iter()
            .map(|(relative, front)| {
                Page::parse(
                    relative,
                    format!("+++\ntitle = \"{relative}\"\n{front}+++\n"),
                )
                .unwrap()
            })
            .collect();
        routes::assign_urls(&mut pages).unwrap();
        Site {
            root: Default::default(),
            config: crate::content::config::Config::parse(
                "site.toml",
                "title = \"T\"\nbase_url = \"https://h.org\"\n",
            )
            .unwrap(),
            pages,
            drafts: Vec::new(),
            statics: Vec::new(),
            data: Default::default(),
            templates: Default::default(),
            assets: Default::default(),
        }
    }

    // Terms that make the same URL are one term, its pages newest first, undated last.
    #[test]
    fn merges_terms_by_slug_and_orders_pages_newest_first() {
        let site = site(&[
            ("_index.md", ""),
            ("a.md", "date = 2025-01-01\ntopics = [\"Streaming\"]\n"),
            ("b.md", "topics = [\"streaming\", \"fandom\"]\n"),
            ("c.md", "date = 2025-03-01\ntopics = [\"streaming\"]\n"),
        ]);
        let taxonomies = collect(&site);
        let topics = &taxonomies[0];
        assert_eq!(topics.name, "topics");
        let terms: Vec<(&str, &str, Vec<usize>)> = topics
            .terms
            .iter()
            .map(|t| (t.name.as_str(), t.slug.as_str(), t.pages.clone()))
            .collect();
        assert_eq!(
            terms,
            [
                ("fandom", "fandom", vec![2]),
                ("Streaming", "streaming", vec![3, 1, 2])
            ]
        );
        assert!(taxonomies[1].terms.is_empty(), "no claims, no claimants");
        let paths: Vec<String> = paths(&taxonomies).into_iter().map(|(p, _)| p).collect();
        assert_eq!(
            paths,
            [
                "/topics/",
                "/topics/fandom/",
                "/topics/fandom/atom.xml",
                "/topics/streaming/",
                "/topics/streaming/atom.xml"
            ]
        );
    }
}
