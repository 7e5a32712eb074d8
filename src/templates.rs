//! Tera templates: the user's `templates/`, built-in defaults, and the URL functions.

use std::collections::{BTreeMap, BTreeSet};
use std::error::Error as _;
use std::sync::Arc;

use tera::{Context, ErrorKind, Kwargs, State, Tera};

use crate::diagnostic::Diagnostic;
use crate::escape;
use crate::links::LinkIndex;
use crate::urls;

/// Templates used when the site does not provide its own.
pub const DEFAULTS: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("index.html", include_str!("../templates/index.html")),
    ("section.html", include_str!("../templates/section.html")),
    ("page.html", include_str!("../templates/page.html")),
    ("404.html", include_str!("../templates/404.html")),
    ("chart.html", include_str!("../templates/chart.html")),
    ("charts.html", include_str!("../templates/charts.html")),
    ("claim.html", include_str!("../templates/claim.html")),
    ("claims.html", include_str!("../templates/claims.html")),
    (
        "corrections.html",
        include_str!("../templates/corrections.html"),
    ),
    (
        "partials/references.html",
        include_str!("../templates/partials/references.html"),
    ),
    (
        "partials/corrections.html",
        include_str!("../templates/partials/corrections.html"),
    ),
];

/// How `url()` and `asset()` write links on the page being rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkMode {
    /// Relative to the page (every page but the 404 page).
    Relative,
    /// From the site root, including the base path (the 404 page, served at any depth).
    Root,
}

/// The parsed templates.
#[derive(Debug)]
pub struct Templates {
    tera: Tera,
    sources: BTreeMap<String, String>,
    builtin: BTreeSet<String>,
}

/// What the templates are built from.
#[derive(Debug)]
pub struct Setup<'a> {
    /// The site's own templates by name.
    pub site: &'a BTreeMap<String, String>,
    /// The templates the build will render (built-ins fill the gaps).
    pub needed: BTreeSet<&'a str>,
    /// What `url()` and `asset()` may point at.
    pub links: Arc<LinkIndex>,
    /// `base_url`, for `absolute_url()`.
    pub base_url: &'a str,
    /// The path of `base_url`, for links on the 404 page.
    pub base_path: &'a str,
}

impl Templates {
    /// Parses the site's templates over the defaults and registers the URL functions.
    pub fn new(setup: Setup<'_>) -> anyhow::Result<Self> {
        let mut sources: BTreeMap<String, String> = setup.site.clone();
        let mut builtin = BTreeSet::new();
        for (name, text) in DEFAULTS {
            // A built-in page template is added only when the site needs it and lacks it:
            // it extends the site's own base.html, which may not have its blocks.
            let wanted = setup.needed.contains(name)
                || name.starts_with("partials/")
                || *name == "base.html";
            if wanted && !sources.contains_key(*name) {
                sources.insert((*name).to_string(), (*text).to_string());
                builtin.insert((*name).to_string());
            }
        }
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        register_functions(&mut tera, setup.links, setup.base_url, setup.base_path);
        tera.add_raw_templates(
            sources
                .iter()
                .map(|(name, text)| (name.as_str(), text.as_str())),
        )
        .map_err(|error| template_error(&error, &sources, &builtin, None))?;
        Ok(Self {
            tera,
            sources,
            builtin,
        })
    }

    /// Adds a value every template sees (`config`, `nav`).
    pub fn global<T: serde::Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.tera.global_context().insert(key, value);
    }

    /// Whether a template with this name exists.
    pub fn has(&self, name: &str) -> bool {
        self.sources.contains_key(name)
    }

    /// Renders a template; `context_file` names the content file being rendered, for errors.
    pub fn render(
        &self,
        name: &str,
        context: &Context,
        context_file: &str,
    ) -> anyhow::Result<String> {
        if !self.has(name) {
            return Err(Diagnostic::file(
                context_file,
                format!("template `{name}` does not exist"),
            )
            .with_help(format!(
                "templates found: {}",
                self.sources.keys().cloned().collect::<Vec<_>>().join(", ")
            ))
            .into());
        }
        self.tera.render(name, context).map_err(|error| {
            template_error(&error, &self.sources, &self.builtin, Some(context_file))
        })
    }
}

fn register_functions(tera: &mut Tera, links: Arc<LinkIndex>, base_url: &str, base_path: &str) {
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
            Ok(format!(
                "{absolute_base}{}",
                escape::url_path(target.trim_start_matches('/'))
            ))
        },
    );
}

/// Checks that a site path (optionally with `#fragment`) is published.
fn site_url(index: &LinkIndex, path: &str) -> tera::TeraResult<String> {
    let (page, fragment) = path
        .split_once('#')
        .map_or((path, None), |(p, f)| (p, Some(f)));
    let known = index.paths.contains(page) || index.assets.values().any(|a| a == page);
    if !page.starts_with('/') || !known {
        return Err(tera::Error::message(format!(
            "url(): nothing is published at `{path}` (write a site path such as \"/for/\")"
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
    let mut href = if mode.as_ref().and_then(tera::Value::as_str) == Some("root") {
        escape::url_path(&format!("{base_path}{}", page.trim_start_matches('/')))
    } else {
        let current: Option<tera::Value> = state.get("current_path")?;
        let current = current
            .as_ref()
            .and_then(tera::Value::as_str)
            .ok_or_else(|| tera::Error::message("url(): `current_path` is not set"))?;
        escape::url_path(&urls::relative(current, page))
    };
    if let Some(fragment) = fragment {
        href.push('#');
        href.push_str(fragment);
    }
    Ok(href)
}

/// Turns a Tera error into a located diagnostic in `templates/`.
fn template_error(
    error: &tera::Error,
    sources: &BTreeMap<String, String>,
    builtin: &BTreeSet<String>,
    context_file: Option<&str>,
) -> anyhow::Error {
    let shown = |name: &str| {
        if builtin.contains(name) {
            format!("(built-in template) {name}")
        } else {
            format!("templates/{name}")
        }
    };
    let mut diagnostic = match error.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            let name = report.filename();
            let file = shown(name);
            let span = report.span();
            let mut message = report.message().to_string();
            let mut cause = error.source();
            while let Some(inner) = cause {
                let text = inner.to_string();
                if !message.contains(&text) {
                    message = format!("{message}: {text}");
                }
                cause = inner.source();
            }
            match sources.get(name) {
                Some(text) => {
                    let start = line_offset(text, span.start_line) + span.start_col;
                    let end = if span.end_line == span.start_line {
                        line_offset(text, span.end_line) + span.end_col
                    } else {
                        start + 1
                    };
                    Diagnostic::at(&file, text, start..end, message)
                }
                None => Diagnostic::file(&file, message),
            }
        }
        ErrorKind::CircularInclude { tpl, include_chain } => Diagnostic::file(
            &shown(tpl),
            format!(
                "templates include each other in a cycle: {}",
                include_chain.join(" -> ")
            ),
        ),
        ErrorKind::CircularExtend {
            tpl,
            inheritance_chain,
        } => Diagnostic::file(
            &shown(tpl),
            format!(
                "templates extend each other in a cycle: {}",
                inheritance_chain.join(" -> ")
            ),
        ),
        ErrorKind::MissingParent { current, parent } => Diagnostic::file(
            &shown(current),
            format!("`{current}` extends `{parent}`, which does not exist"),
        ),
        _ => {
            // Errors found while linking templates arrive as finished reports naming the
            // template; point them at the file the user can open.
            let mut text = error.to_string();
            text = text.strip_prefix("error: ").unwrap_or(&text).to_string();
            for name in sources.keys() {
                text = text.replace(&format!("--> {name}:"), &format!("--> {}:", shown(name)));
            }
            let mut diagnostic = Diagnostic::file("", text);
            if builtin
                .iter()
                .any(|name| diagnostic.message.contains(&shown(name)))
            {
                diagnostic = diagnostic.with_help(
                    "built-in templates extend your templates/base.html and only need it to define `{% block main %}`; or add your own template with that name under templates/",
                );
            }
            diagnostic
        }
    };
    if let Some(file) = context_file {
        diagnostic = diagnostic.with_note(format!("while rendering `{file}`"));
    }
    diagnostic.into()
}

fn line_offset(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line - 2)
        .map_or(text.len(), |(i, _)| i + 1)
}
