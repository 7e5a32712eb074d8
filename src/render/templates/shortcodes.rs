//! The author's shortcode templates, `templates/shortcodes/NAME.html`: their names, checked
//! when the templates load, and what one page's shortcodes see when they render.

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use tera::{Context, Tera};

use super::{LinkMode, Templates};
use crate::content::page::Page;
use crate::diagnostic::Diagnostic;
use crate::render::views::summary::{DateView, Summary};
use crate::shortcodes::{self, Authored};
use crate::site::Site;

/// Where the author's shortcodes live in `templates/`.
pub(super) const FOLDER: &str = "shortcodes/";

/// The names of the shortcodes `templates/shortcodes/` defines, sorted, or an error for
/// each file there that cannot be one.
pub(super) fn names(site: &BTreeMap<String, String>) -> Result<Vec<String>, Vec<Diagnostic>> {
    let mut names = Vec::new();
    let mut errors = Vec::new();
    for template in site.keys() {
        let Some(file) = template.strip_prefix(FOLDER) else {
            continue;
        };
        match name(file) {
            Ok(name) => names.push(name.to_string()),
            Err((message, help)) => errors
                .push(Diagnostic::file(&format!("templates/{template}"), message).with_help(help)),
        }
    }
    if errors.is_empty() {
        Ok(names)
    } else {
        Err(errors)
    }
}

/// The variables each shortcode's template may read, its includes' included, for the
/// shortcodes where Tera can tell: not one whose templates print `__tera_context`.
pub(super) fn reads(
    tera: &Tera,
    sources: &BTreeMap<String, String>,
    names: &[String],
) -> BTreeMap<String, BTreeSet<String>> {
    let dumps = sources.values().any(|text| text.contains("__tera_context"));
    if dumps {
        return BTreeMap::new();
    }
    names
        .iter()
        .filter_map(|name| {
            let variables = tera
                .get_template_variables(&format!("{FOLDER}{name}.html"))
                .ok()?;
            let variables = variables.into_iter().map(str::to_string).collect();
            Some((name.clone(), variables))
        })
        .collect()
}

/// The shortcode a file in `templates/shortcodes/` defines, or why it cannot.
fn name(file: &str) -> Result<&str, (String, String)> {
    let (stem, extension) = file.rsplit_once('.').unwrap_or((file, ""));
    if file.contains('/') {
        return Err((
            format!("`templates/shortcodes/{file}` is in a folder, so no shortcode can call it"),
            "a shortcode is one file, templates/shortcodes/NAME.html; keep partials under templates/partials/".to_string(),
        ));
    }
    if extension == "md" {
        return Err((
            format!(
                "`templates/shortcodes/{file}` is a markdown shortcode, which factsite does not run"
            ),
            format!(
                "make it `{stem}.html` and write the markdown with the `markdown` filter: {{{{ body | markdown | safe }}}}"
            ),
        ));
    }
    if extension != "html" {
        return Err((
            format!("`templates/shortcodes/{file}` is not an `.html` template"),
            "a shortcode is templates/shortcodes/NAME.html".to_string(),
        ));
    }
    let identifier = stem.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && stem.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !identifier {
        return Err((
            format!("`templates/shortcodes/{file}` has a name no shortcode call can write"),
            "a shortcode's name is letters, digits and `_`, not starting with a digit: templates/shortcodes/pull_quote.html is {{ pull_quote() }}".to_string(),
        ));
    }
    if shortcodes::NAMES.contains(&stem) {
        return Err((
            format!(
                "`templates/shortcodes/{file}` has the name of the built-in shortcode `{stem}`"
            ),
            format!(
                "the built-in shortcodes ({}) cannot be replaced: give yours another name",
                shortcodes::NAMES.join(", ")
            ),
        ));
    }
    Ok(stem)
}

/// The author's shortcodes as one page renders them.
pub struct PageShortcodes<'a> {
    templates: &'a Templates,
    site: &'a Site,
    page: &'a Page,
    /// `page`, `current_path` and `link_mode`, made the first time a shortcode needs them.
    context: OnceCell<Context>,
}

/// What a shortcode sees of its page: everything known before the page's body is
/// rendered (its content and table of contents are not).
#[derive(Serialize)]
struct PageValues {
    #[serde(flatten)]
    summary: Summary,
    updated: Option<DateView>,
    permalink: String,
    source: String,
    extra: toml::Table,
    draft: bool,
}

impl<'a> PageShortcodes<'a> {
    /// The shortcodes of `page`.
    pub fn new(templates: &'a Templates, site: &'a Site, page: &'a Page) -> Self {
        Self {
            templates,
            site,
            page,
            context: OnceCell::new(),
        }
    }

    fn context(&self) -> Context {
        let page = PageValues {
            summary: Summary::of(self.page),
            updated: self.page.meta.updated.map(DateView::from),
            permalink: self.site.config.absolute(&self.page.url),
            source: self.page.display.clone(),
            extra: self.page.meta.extra.clone(),
            draft: self.page.meta.draft,
        };
        let mut context = Context::new();
        context.insert("page", &page);
        context.insert("current_path", &self.page.url);
        context.insert("link_mode", &LinkMode::Relative);
        context
    }
}

impl Authored for PageShortcodes<'_> {
    fn names(&self) -> Vec<&str> {
        self.templates
            .shortcodes
            .iter()
            .map(String::as_str)
            .collect()
    }

    fn reads(&self, name: &str) -> Option<Vec<&str>> {
        let reads = self.templates.shortcode_reads.get(name)?;
        Some(reads.iter().map(String::as_str).collect())
    }

    fn render(&self, name: &str, mut values: Context) -> Result<String, Diagnostic> {
        values.extend(self.context.get_or_init(|| self.context()).clone());
        self.templates.render_shortcode(name, &values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn refused(file: &str) -> String {
        name(file).unwrap_err().0
    }

    #[test]
    fn takes_html_files_named_like_calls() {
        assert_eq!(name("pull_quote.html"), Ok("pull_quote"));
        assert_eq!(
            refused("stat.html"),
            "`templates/shortcodes/stat.html` has the name of the built-in shortcode `stat`"
        );
        assert_eq!(
            refused("note.md"),
            "`templates/shortcodes/note.md` is a markdown shortcode, which factsite does not run"
        );
        assert_eq!(
            refused("pull-quote.html"),
            "`templates/shortcodes/pull-quote.html` has a name no shortcode call can write"
        );
        assert!(refused("a/b.html").contains("is in a folder"));
        assert!(refused("x.txt").contains("is not an `.html` template"));
    }
}
