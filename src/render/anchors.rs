//! The anchor check: every `#fragment` of an internal link names an id on its target page,
//! checked once every page is rendered.

use std::collections::{HashMap, HashSet};

use crate::diagnostic::{self, Diagnostic};
use crate::site::Site;

use super::page::RenderedPage;

/// Checks that every internal link with an anchor points at an id on its target page.
pub(super) fn check(site: &Site, rendered: &[RenderedPage]) -> anyhow::Result<()> {
    let ids: HashMap<&str, &HashSet<String>> = site
        .pages
        .iter()
        .zip(rendered)
        .map(|(page, rendered)| (page.url.as_str(), &rendered.ids))
        .collect();
    let mut errors = Vec::new();
    for (page, rendered) in site.pages.iter().zip(rendered) {
        for link in &rendered.links {
            let (Some(anchor), Some(targets)) =
                (&link.check.anchor, ids.get(link.check.path.as_str()))
            else {
                continue;
            };
            if !targets.contains(anchor) {
                let mut known: Vec<&str> = targets
                    .iter()
                    .map(String::as_str)
                    .filter(|id| !id.starts_with("fnref-"))
                    .collect();
                known.sort_unstable();
                known.truncate(12);
                errors.push(
                    Diagnostic::at(
                        &page.display,
                        &page.text,
                        link.range.clone(),
                        format!(
                            "broken anchor: `{}` has no element with id `{anchor}`",
                            link.check.path
                        ),
                    )
                    .with_help(format!("ids on that page include: {}", known.join(", "))),
                );
            }
        }
    }
    diagnostic::into_result(errors)
}
