//! Help for template errors that come from Zola, Hugo or Tera 1 habits: a function,
//! filter or variable factsite spells otherwise, and Tera 2's rules for a value that may
//! be missing.

/// Help for a template error's message (Tera's words), if it is a known habit.
/// `shortcode` names the author's shortcode whose template it is; `path` is the dotted
/// expression at the error (`config.extra.x`), when there is one.
pub(super) fn help(message: &str, shortcode: Option<&str>, path: Option<&str>) -> Option<String> {
    if let Some(name) = quoted_after(message, "Unknown function `") {
        return function(name);
    }
    if let Some(name) = quoted_after(message, "Unknown filter `") {
        return filter(name);
    }
    if let Some(name) = quoted_after(message, "Variable `") {
        if let Some(help) = variable(name) {
            return Some(help);
        }
        if let Some(shortcode) = shortcode {
            return Some(format!(
                "the call of `{shortcode}` does not pass `{name}`: add {name}=... to the call, or give it a default in the template: {{{{ {name} | default(value=\"\") }}}}"
            ));
        }
        return None;
    }
    if let Some(name) = quoted_after(message, "Field `") {
        return Some(field(name, path));
    }
    if message.ends_with("but got `undefined`") {
        let path = path.unwrap_or("x");
        if let (Some(shortcode), "body") = (shortcode, path) {
            return Some(format!(
                "`body` is set only when `{shortcode}` is called with one, {{% {shortcode}(...) %}}...{{% end %}}: test it with {{% if body %}}, or give it a default, {{{{ body | default(value=\"\") | markdown | safe }}}}"
            ));
        }
        return Some(format!(
            "`{path}` is not there: give it a default, {{{{ {path} | default(value=\"\") }}}}, or test it first, {{% if {path} %}}"
        ));
    }
    message
        .starts_with("Tried to render a variable that is undefined")
        .then(|| "a value that is not there cannot be printed: give it a default, {{ config.extra?.x | default(value=\"\") }}".to_string())
}

/// The name between backquotes after `prefix` at the start of `message`.
fn quoted_after<'m>(message: &'m str, prefix: &str) -> Option<&'m str> {
    let rest = message.strip_prefix(prefix)?;
    rest.split('`').next()
}

fn function(name: &str) -> Option<String> {
    let help = match name {
        "get_url" => {
            "factsite calls it `url`: url(path=\"@/essays/x.md\") for a page by its file, url(path=\"/essays/\") for a site path (checked), absolute_url(path=...) for a full URL, asset(path=\"style.css\") for a theme file (fingerprinted, so no cachebust)"
        }
        "get_page" | "get_section" => {
            "factsite templates have no `get_page` or `get_section`: a page sees itself as `page`, a section's `page.pages` and `page.subsections` list what it holds, `parent` is the section above, and `nav` holds the home page's sections and pages"
        }
        "get_taxonomy" | "get_taxonomy_url" | "get_taxonomy_term" => {
            "factsite has no taxonomy functions; a page lists its `page.topics` (see \"Coming from Zola or Hugo\" in AUTHORING.md)"
        }
        "load_data" => {
            "factsite templates read no files: data lives in content/charts/*.toml and content/figures.toml, and prose reads it with {{ stat(...) }} and {{ fact(...) }}"
        }
        "resize_image" | "get_image_metadata" => {
            "factsite does not process images: put them next to the page in content/ and link them as they are"
        }
        "get_hash" => {
            "asset(path=\"style.css\") links a theme file under a name with its hash in it"
        }
        "trans" => "factsite builds one language; write the text in the template",
        _ => return None,
    };
    Some(help.to_string())
}

fn filter(name: &str) -> Option<String> {
    let help = match name {
        "date" => {
            "dates come ready to print: {{ page.date.long }} (July 5, 2025) and {{ page.date.iso }} (2025-07-05)"
        }
        "json_encode" => "Tera 2 has no `json_encode`; factsite writes JSON-LD itself",
        "slugify" | "urlencode" | "urlencode_strict" | "base64_encode" | "base64_decode" => {
            "this filter is Zola's, not Tera 2's; links from url() and asset() come encoded"
        }
        _ => return None,
    };
    Some(help.to_string())
}

fn variable(name: &str) -> Option<String> {
    let help = match name {
        "section" => {
            "factsite calls the section being rendered `page` (with `page.pages` and `page.subsections`); `parent` is the section above a page"
        }
        "current_url" => {
            "factsite gives `current_path` (a site path, /essays/x/); absolute_url(path=current_path) is the full URL"
        }
        "lang" => "factsite builds one language: `config.language`",
        "taxonomy" | "term" | "terms" => {
            "factsite has no taxonomy pages; a page lists its `page.topics`"
        }
        _ => return None,
    };
    Some(help.to_string())
}

fn field(name: &str, path: Option<&str>) -> String {
    let factsite = match name {
        "taxonomies" => Some("factsite calls tags `topics`: page.topics"),
        "reading_time" => Some("factsite calls it `page.reading_minutes`"),
        "word_count" => Some("factsite calls it `page.words`"),
        "summary" => Some("factsite's one-sentence summary is `page.description`"),
        _ => None,
    };
    if let Some(factsite) = factsite {
        return factsite.to_string();
    }
    // The expression up to the missing field, and what it reads further.
    let segments: Vec<&str> = path.map_or_else(Vec::new, |p| p.split('.').collect());
    let (path, deeper) = match segments.iter().position(|s| *s == name) {
        Some(i) if i > 0 => (segments[..=i].join("."), segments[i + 1..].join(".")),
        _ => (format!("config.extra.{name}"), String::new()),
    };
    let deeper = if deeper.is_empty() { "more" } else { &deeper };
    format!(
        "a field that is not there is an error when printed (in Tera 2 as in Tera 1): print it with a default, {{{{ {path} | default(value=\"\") }}}}, or test it first, {{% if {path} %}}; Tera 2 also refuses a field of a field that is not there, even in `if`: write `?.` after a level that may be missing, {path}?.{deeper}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_factsite_spelling() {
        assert!(
            help("Unknown function `get_url`", None, None)
                .unwrap()
                .starts_with("factsite calls it `url`")
        );
        assert!(help("Unknown function `nope`", None, None).is_none());
        assert_eq!(
            help(
                "Variable `n` is not defined. Available variables: page",
                Some("songs"),
                None
            )
            .unwrap(),
            "the call of `songs` does not pass `n`: add n=... to the call, or give it a default in the template: {{ n | default(value=\"\") }}"
        );
        // Zola's `section` in a shortcode is Zola's, not a missing argument.
        assert!(
            help("Variable `section` is not defined.", Some("songs"), None)
                .unwrap()
                .starts_with("factsite calls the section being rendered `page`")
        );
        assert!(
            help("Field `x` is not defined. Available fields: a, b", None, Some("page.extra.x"))
                .unwrap()
                .contains("{{ page.extra.x | default(value=\"\") }}, or test it first, {% if page.extra.x %}; Tera 2 also refuses a field of a field that is not there, even in `if`: write `?.` after a level that may be missing, page.extra.x?.more")
        );
        assert!(
            help("Field `social` is not defined.", None, Some("config.extra.social.twitter"))
                .unwrap()
                .ends_with("{% if config.extra.social %}; Tera 2 also refuses a field of a field that is not there, even in `if`: write `?.` after a level that may be missing, config.extra.social?.twitter")
        );
        assert_eq!(
            help("Field `taxonomies` is not defined.", None, None).unwrap(),
            "factsite calls tags `topics`: page.topics"
        );
    }
}
