//! What templates see: one base context for every page, and the views of pages, claims,
//! listings, references and dates, ready to print.

pub mod claim;
pub mod figures;
pub mod generated;
pub mod page;
pub mod references;
pub mod summary;

use serde::Serialize;
use tera::Context;

use super::templates::LinkMode;
use summary::Summary;

/// The context every template gets: `page`, `parent`, `current_path` and `link_mode`.
/// (`config` and `nav` are globals.)
pub fn base(
    page: &impl Serialize,
    current_path: &str,
    link_mode: LinkMode,
    parent: Option<&Summary>,
) -> Context {
    let mut context = Context::new();
    context.insert("page", page);
    context.insert("parent", &parent);
    context.insert("current_path", current_path);
    context.insert("top_path", top_path(current_path));
    context.insert("link_mode", &link_mode);
    context
}

/// The top-level folder a page is in (`/for/` for `/for/x/`), `/` for the home page, or the
/// path itself for a file at the top (`/404.html`): a navigation item's path is a prefix
/// of `current_path` exactly when it is this, so a navigation cached per `top_path`
/// marks the same item current as one rendered for the page.
pub fn top_path(current_path: &str) -> &str {
    match current_path.get(1..).and_then(|rest| rest.find('/')) {
        Some(i) => &current_path[..i + 2],
        None => current_path,
    }
}
