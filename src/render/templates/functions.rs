//! The URL functions templates call: `url()`, `asset()` and `absolute_url()`, each checked
//! against what the build publishes.

use std::sync::Arc;

use tera::{Kwargs, State, Tera};

use crate::content::routes;
use crate::escape;
use crate::render::links::LinkIndex;

use super::fragments;

/// `link_mode` of a page served at any depth (the 404 page), as `LinkMode::Root` serializes.
const ROOT: &str = "root";

pub(super) fn register(tera: &mut Tera, links: Arc<LinkIndex>, base_url: &str, base_path: &str) {
    let index = Arc::clone(&links);
    let base = base_path.to_string();
    tera.register_function(
        "url",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
            let path = kwargs.must_get::<&str>("path")?;
            let target = site_url(&index, path)?;
            link_from(state, &base, &target)
        },
    );
    let index = Arc::clone(&links);
    let base = base_path.to_string();
    tera.register_function(
        "asset",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
            let name = kwargs.must_get::<&str>("path")?;
            let key = format!("/{}", name.trim_start_matches('/'));
            let target = index.assets.get(&key).ok_or_else(|| {
                tera::Error::message(format!(
                    "asset(): there is no `theme/{}`",
                    name.trim_start_matches('/')
                ))
            })?;
            link_from(state, &base, target)
        },
    );
    let index = links;
    let absolute_base = base_url.to_string();
    tera.register_function(
        "absolute_url",
        move |kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
            let path = kwargs.must_get::<&str>("path")?;
            let target = site_url(&index, path)?;
            Ok(routes::absolute(&absolute_base, &target))
        },
    );
}

/// Checks that a site path (optionally with `#fragment`) is published; a path from
/// `content/` (`@/essays/x.md`, as in Zola) is the site path of that file.
fn site_url(index: &LinkIndex, path: &str) -> tera::TeraResult<String> {
    let (page, fragment) = path
        .split_once('#')
        .map_or((path, None), |(p, f)| (p, Some(f)));
    let content;
    let page = if page.starts_with("@/") {
        content = index
            .content_path(page)
            .map_err(|message| tera::Error::message(format!("url(): {message}")))?;
        content.as_str()
    } else {
        page
    };
    let known = index.paths.contains(page) || index.assets.values().any(|a| a == page);
    if !page.starts_with('/') || !known {
        return Err(tera::Error::message(format!(
            "url(): nothing is published at `{path}` (write a site path such as \"/for/\", or a file from content/ such as \"@/for/x.md\")"
        )));
    }
    Ok(match fragment {
        Some(fragment) => format!("{page}#{fragment}"),
        None => page.to_string(),
    })
}

fn link_from(state: &State, base_path: &str, target: &str) -> tera::TeraResult<String> {
    // Values are read as `Value`s and borrowed: asking for a `String` would format each
    // one anew, and the navigation calls this for every item on every page.
    let mode: Option<tera::Value> = state.get("link_mode")?;
    let (page, fragment) = target
        .split_once('#')
        .map_or((target, None), |(p, f)| (p, Some(f)));
    let mut href = if mode.as_ref().and_then(tera::Value::as_str) == Some(ROOT) {
        escape::url_path(&format!("{base_path}{}", page.trim_start_matches('/')))
    } else if let Some(dir) = state.get::<tera::Value>(fragments::LINK_DIR)? {
        // Inside a cached fragment: from the folder above the page (see `fragments`).
        let up: Option<tera::Value> = state.get(fragments::LINK_UP)?;
        let up = up.as_ref().and_then(tera::Value::as_str).unwrap_or("");
        let dir = dir.as_str().unwrap_or("/");
        escape::url_path(&fragments::link(dir, up, page))
    } else {
        let current: Option<tera::Value> = state.get("current_path")?;
        let current = current
            .as_ref()
            .and_then(tera::Value::as_str)
            .ok_or_else(|| tera::Error::message("url(): `current_path` is not set"))?;
        escape::url_path(&routes::relative(current, page))
    };
    if let Some(fragment) = fragment {
        href.push('#');
        href.push_str(fragment);
    }
    Ok(href)
}
