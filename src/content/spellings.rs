//! Front matter as Zola and Hugo write it, where factsite spells it otherwise: the help for
//! an unknown key, and for YAML front matter.

use crate::diagnostic::Diagnostic;

/// The diagnostic with a help line naming factsite's spelling, when its message is about
/// a front matter key factsite does not have but Zola or Hugo do.
pub fn front_matter_key(diagnostic: Diagnostic) -> Diagnostic {
    let Some(key) = diagnostic
        .message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split('`').next())
    else {
        return diagnostic;
    };
    let Some(hint) = help(key) else {
        return diagnostic;
    };
    let help = match &diagnostic.help {
        Some(general) => format!("{general}; {hint}"),
        None => hint.to_string(),
    };
    diagnostic.with_help(help)
}

fn help(key: &str) -> Option<&'static str> {
    Some(match key {
        "tags" | "categories" | "keywords" => {
            "factsite calls them `topics`: topics = [\"streaming\", \"charts\"]"
        }
        "lastmod" | "updated_at" => "factsite calls it `updated`: updated = 2025-11-21",
        "publishDate" | "publishdate" | "pubDate" => "factsite calls it `date`: date = 2025-11-10",
        "layout" | "type" => "factsite calls it `template`: template = \"page.html\"",
        "page_template" => "factsite sets `template` on each page: template = \"page.html\"",
        "summary" => {
            "factsite calls it `description`: one sentence for listings, feeds and search results"
        }
        "author" | "authors" => {
            "a page has no author of its own: the site's `author` is in site.toml; for a page, write `[extra] authors = [\"...\"]` and read page.extra.authors in templates"
        }
        "path" | "url" | "permalink" => {
            "factsite builds the URL from the file's place in content/; `slug` replaces its last part: slug = \"reach\""
        }
        "render" => "`draft = true` keeps a page out of the build (`--drafts` builds it)",
        "insert_anchor_links" => {
            "every heading gets a `#` link when `[markdown] anchor_links = true` in site.toml"
        }
        _ => return None,
    })
}

/// The error for front matter between `---` lines (YAML, as Hugo and Jekyll write it),
/// at the first line of `text`, with the TOML spelling of its first key when it has one.
pub fn yaml_front_matter(file: &str, text: &str) -> Diagnostic {
    let example = text
        .lines()
        .skip(1)
        .take_while(|line| line.trim_end() != "---")
        .find_map(toml_line)
        .unwrap_or_else(|| "title = \"...\"".to_string());
    Diagnostic::at(file, text, 0..3, "YAML front matter (`---`) is not read by factsite")
        .with_help(format!(
            "write the front matter in TOML between `+++` lines, as Zola does: `+++`, then key = value lines such as {example}, then `+++`"
        ))
}

/// `title: Hello` as `title = "Hello"`, `date: 2025-07-05` as `date = 2025-07-05`.
fn toml_line(line: &str) -> Option<String> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    let value = value.trim();
    let simple = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !simple || value.is_empty() || line.starts_with([' ', '\t']) {
        return None;
    }
    let bare = value.parse::<f64>().is_ok()
        || matches!(value, "true" | "false")
        || crate::content::date::Date::parse(value).is_some()
        || value.starts_with('[');
    let value = if bare {
        value.to_string()
    } else {
        format!(
            "\"{}\"",
            value.trim_matches(['"', '\'']).replace('"', "\\\"")
        )
    };
    Some(format!("{key} = {value}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_factsite_spellings_of_zola_and_hugo_keys() {
        let unknown = |key: &str| {
            front_matter_key(Diagnostic::file(
                "content/x.md",
                format!("unknown field `{key}`, expected one of `title`, `topics`"),
            ))
            .help
        };
        assert_eq!(
            unknown("tags").as_deref(),
            Some("factsite calls them `topics`: topics = [\"streaming\", \"charts\"]")
        );
        assert!(unknown("lastmod").unwrap().contains("`updated`"));
        assert_eq!(unknown("titel"), None);
    }

    #[test]
    fn shows_the_first_yaml_key_in_toml() {
        let text = "---\ntitle: Why it matters\ndate: 2025-07-05\n---\nBody";
        let error = yaml_front_matter("content/x.md", text);
        assert_eq!(
            error.to_string(),
            "error: YAML front matter (`---`) is not read by factsite\n --> content/x.md:1:1\n  |\n1 | ---\n  | ^^^\nhelp: write the front matter in TOML between `+++` lines, as Zola does: `+++`, then key = value lines such as title = \"Why it matters\", then `+++`"
        );
        assert_eq!(
            toml_line("date: 2025-07-05").as_deref(),
            Some("date = 2025-07-05")
        );
        assert_eq!(toml_line("draft: true").as_deref(), Some("draft = true"));
        assert_eq!(toml_line("  nested: x"), None);
    }
}
