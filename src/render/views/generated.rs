//! What a generated page (404, corrections, a chart's page) offers templates as `page`.

use serde::Serialize;

use crate::site::Site;

use super::references::ReferenceView;
use super::summary::CorrectionView;

/// What a generated page (corrections, charts) offers as `page`.
#[derive(Debug, Serialize)]
pub struct GeneratedPage {
    kind: &'static str,
    title: String,
    /// The meta description.
    pub description: Option<String>,
    path: String,
    permalink: String,
    /// The source list.
    pub references: Vec<ReferenceView>,
    corrections: Vec<CorrectionView>,
    /// Never a claim; present so that templates can test `page.claim` on any page.
    claim: Option<()>,
}

impl GeneratedPage {
    /// A generated page at a site path.
    pub fn new(site: &Site, title: &str, path: &str) -> Self {
        Self {
            kind: "generated",
            title: title.to_string(),
            description: None,
            path: path.to_string(),
            permalink: site.config.absolute(path),
            references: Vec::new(),
            corrections: Vec::new(),
            claim: None,
        }
    }
}
