//! `cached()`: a fragment that repeats across pages (the site's header and its navigation,
//! the footer) rendered once per key instead of once per page, as Hugo's `partialCached`.
//!
//! A cached fragment sees only what is the same on every page (the site-wide variables such
//! as `config` and `nav`) and the `key` it is called with, so one rendering is right for
//! every page that calls it with that key. Its links are the one thing that depends on
//! where the page is: `url()` and `asset()` inside it write them from the folder above the
//! page (`../` and then the way from there), which is the same for every page in a folder,
//! so the fragment is kept per key and per folder.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError, Weak};

use tera::{Context, Kwargs, State, Tera, Value};

use crate::content::routes;

/// The variable a cached fragment's `url()` and `asset()` write links from: the folder
/// above the page that called it.
pub(super) const LINK_DIR: &str = "__cached_link_dir";
/// What goes before each link in a cached fragment: `../` (from the page to that folder),
/// or nothing on the home page.
pub(super) const LINK_UP: &str = "__cached_link_up";

/// The fragments rendered so far, and the templates they are rendered with.
#[derive(Default)]
pub(super) struct Fragments {
    /// The templates with the site-wide variables of the build under way.
    tera: Mutex<Option<Arc<Tera>>>,
    /// Rendered fragments by template, key, and how and from where their links are written.
    rendered: Mutex<HashMap<(String, String, String), Arc<str>>>,
}

impl std::fmt::Debug for Fragments {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let count = self
            .rendered
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len();
        write!(f, "Fragments({count} rendered)")
    }
}

impl Fragments {
    /// Starts over with these templates: called whenever a site-wide variable changes, so
    /// no fragment outlives the values it was rendered from.
    pub(super) fn reset(&self, tera: &Tera) {
        *self.tera.lock().unwrap_or_else(PoisonError::into_inner) = Some(Arc::new(tera.clone()));
        self.rendered
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }

    fn render(&self, kwargs: &Kwargs, state: &State) -> tera::TeraResult<Value> {
        let template = kwargs.must_get::<&str>("template")?;
        let key: Value = kwargs.get::<Value>("key")?.unwrap_or_else(Value::none);
        let (dir, up) = link_base(state)?;
        let mode: Value = state.get::<Value>("link_mode")?.unwrap_or_else(Value::none);
        let id = (
            template.to_string(),
            serde_json::to_string(&key).unwrap_or_default(),
            format!("{mode} {up}{dir}"),
        );
        if let Some(html) = self
            .rendered
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&id)
        {
            return Ok(Value::safe_string(html));
        }
        let tera = self
            .tera
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .ok_or_else(|| tera::Error::message("cached(): the templates are not ready"))?;
        if !tera.get_template_names().any(|name| name == template) {
            return Err(tera::Error::message(format!(
                "cached(): there is no template `{template}` (write a partial's name under templates/, such as \"partials/site_header.html\")"
            )));
        }
        let mut context = Context::new();
        context.insert("key", &key);
        context.insert("link_mode", &mode);
        context.insert(LINK_DIR, &dir);
        context.insert(LINK_UP, &up);
        let html = tera.render(template, &context).map_err(|error| {
            tera::Error::message(format!(
                "cached(template=\"{template}\"): a cached fragment sees only the site-wide variables (`config`, `nav`, ...) and its `key`, not the page's; rendering it failed with {}",
                chain(&error)
            ))
        })?;
        let html: Arc<str> = html.into();
        self.rendered
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(id, Arc::clone(&html));
        Ok(Value::safe_string(&html))
    }
}

/// Registers `cached(template=..., key=...)`.
pub(super) fn register(tera: &mut Tera, fragments: Weak<Fragments>) {
    tera.register_function(
        "cached",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<Value> {
            let fragments = fragments
                .upgrade()
                .ok_or_else(|| tera::Error::message("cached(): the build is over"))?;
            fragments.render(&kwargs, state)
        },
    );
}

/// The folder links are written from in a fragment called on this page, and what goes
/// before each: `("/for/", "../")` on `/for/x/`, `("/", "")` on the home page. Inside a
/// cached fragment, the one it was rendered for.
fn link_base(state: &State) -> tera::TeraResult<(String, String)> {
    if let (Some(dir), Some(up)) = (state.get::<Value>(LINK_DIR)?, state.get::<Value>(LINK_UP)?) {
        let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
        return Ok((text(&dir), text(&up)));
    }
    let current: Option<Value> = state.get("current_path")?;
    let current = current
        .as_ref()
        .and_then(Value::as_str)
        .ok_or_else(|| tera::Error::message("cached(): `current_path` is not set"))?;
    Ok(folder_above(current))
}

/// The link from a fragment kept for folder `dir` (reached from the page by `up`) to the
/// site path `target`.
pub(super) fn link(dir: &str, up: &str, target: &str) -> String {
    let rest = routes::relative(dir, target);
    if rest == "./" && !up.is_empty() {
        up.to_string()
    } else {
        format!("{up}{rest}")
    }
}

/// The folder above the one a page at `current` links from, and the `../` that reaches it.
pub(super) fn folder_above(current: &str) -> (String, String) {
    let from_dir = &current[..current.rfind('/').map_or(0, |i| i + 1)];
    match from_dir.trim_end_matches('/').rsplit_once('/') {
        Some((parent, _)) => (format!("{parent}/"), "../".to_string()),
        None => (from_dir.to_string(), String::new()),
    }
}

fn chain(error: &tera::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(inner) = source {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        source = inner.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A link from a fragment kept for the folder above `page`.
    fn from_above(page: &str, target: &str) -> String {
        let (dir, up) = folder_above(page);
        link(&dir, &up, target)
    }

    // Each of these leads, from the page, where the page's own link leads (the browser
    // resolves `../for/` on `/for/x/` to `/for/`); only links to the page's own folder are
    // written the long way.
    #[test]
    fn links_from_the_folder_above_lead_where_links_from_the_page_lead() {
        let cases = [
            ("/", "/for/", "for/"),
            ("/", "/", "./"),
            ("/for/", "/", "../"),
            ("/for/", "/for/", "../for/"),
            ("/for/", "/against/", "../against/"),
            ("/for/x/", "/for/", "../"),
            ("/for/x/", "/for/x/", "../x/"),
            ("/for/x/", "/against/", "../../against/"),
            ("/for/x/y/", "/for/x/", "../"),
            ("/for/x/y/", "/", "../../../"),
            ("/s157/p84157/", "/s00/", "../../s00/"),
            ("/s157/p84157/", "/style.css", "../../style.css"),
            ("/404.html", "/for/", "for/"),
            ("/for/feed.xml", "/against/", "../against/"),
        ];
        for (page, target, href) in cases {
            assert_eq!(from_above(page, target), href, "from {page} to {target}");
        }
    }

    #[test]
    fn every_page_of_a_folder_shares_one_link_base() {
        assert_eq!(
            folder_above("/s157/p1/"),
            ("/s157/".to_string(), "../".to_string())
        );
        assert_eq!(folder_above("/s157/p1/"), folder_above("/s157/p2/"));
        assert_eq!(folder_above("/"), ("/".to_string(), String::new()));
        assert_eq!(folder_above("/for/"), ("/".to_string(), "../".to_string()));
    }
}

#[cfg(test)]
mod cache_tests {
    use std::sync::Arc;

    use tera::{Context, Tera};

    use super::{Fragments, register};

    fn tera(fragments: &Arc<Fragments>) -> Tera {
        let mut tera = Tera::new();
        register(&mut tera, Arc::downgrade(fragments));
        tera.add_raw_templates([
            (
                "page.html",
                "[{{ cached(template=\"part.html\", key=section) }}]",
            ),
            ("part.html", "{{ key }} of {{ site }}"),
            ("nosy.html", "{{ cached(template=\"peek.html\") }}"),
            ("peek.html", "{{ page_title }}"),
            ("missing.html", "{{ cached(template=\"nope.html\") }}"),
        ])
        .expect("templates");
        tera.global_context().insert("site", "Site");
        fragments.reset(&tera);
        tera
    }

    fn page(current_path: &str, section: &str) -> Context {
        let mut context = Context::new();
        context.insert("current_path", current_path);
        context.insert("section", section);
        context.insert("link_mode", "relative");
        context.insert("page_title", "Private");
        context
    }

    #[test]
    fn renders_once_per_key_and_folder() {
        let fragments = Arc::new(Fragments::default());
        let tera = tera(&fragments);
        let render = |path, section| tera.render("page.html", &page(path, section)).unwrap();
        assert_eq!(render("/a/x/", "/a/"), "[/a/ of Site]");
        assert_eq!(render("/a/y/", "/a/"), "[/a/ of Site]");
        assert_eq!(render("/a/z/", "/a/"), "[/a/ of Site]");
        assert_eq!(fragments.rendered.lock().unwrap().len(), 1);
        // Another key, and the same key from another folder, are rendered anew.
        assert_eq!(render("/a/w/", "/b/"), "[/b/ of Site]");
        render("/c/x/", "/a/");
        assert_eq!(fragments.rendered.lock().unwrap().len(), 3);
    }

    #[test]
    fn a_new_site_wide_value_drops_what_was_kept() {
        let fragments = Arc::new(Fragments::default());
        let mut tera = tera(&fragments);
        assert_eq!(
            tera.render("page.html", &page("/a/x/", "/a/")).unwrap(),
            "[/a/ of Site]"
        );
        tera.global_context().insert("site", "Renamed");
        fragments.reset(&tera);
        assert_eq!(fragments.rendered.lock().unwrap().len(), 0);
        assert_eq!(
            tera.render("page.html", &page("/a/x/", "/a/")).unwrap(),
            "[/a/ of Renamed]"
        );
    }

    #[test]
    fn a_fragment_cannot_read_the_page() {
        let fragments = Arc::new(Fragments::default());
        let tera = tera(&fragments);
        let error = tera.render("nosy.html", &page("/a/x/", "/a/")).unwrap_err();
        let text = format!("{error} {:?}", std::error::Error::source(&error));
        assert!(text.contains("cached(template=\"peek.html\")"), "{text}");
        assert!(text.contains("not the page's"), "{text}");
        let error = tera
            .render("missing.html", &page("/a/x/", "/a/"))
            .unwrap_err();
        let text = format!("{error} {:?}", std::error::Error::source(&error));
        assert!(text.contains("there is no template `nope.html`"), "{text}");
        assert!(!text.contains("not the page's"), "{text}");
    }
}
