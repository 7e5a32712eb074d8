//! schema.org JSON-LD, safe to embed in a `<script>` element: `ClaimReview` on claim pages,
//! `NewsArticle` on essays, `Dataset` on chart pages and the site's `Organization`, each
//! with the fields Google and schema.org require and recommend (tested field by field in the test suite's `share` tests).

mod article;
mod claim_review;
mod dataset;

use serde_json::{Value, json};

use crate::content::config::Config;
use crate::escape;

pub use article::news_article;
pub use claim_review::{claim_review, verdict_name};
pub use dataset::{Downloads, dataset};

/// The name the site publishes under: `author` in `site.toml`, or the site's title.
pub fn publisher_name(config: &Config) -> &str {
    if config.author.trim().is_empty() {
        &config.title
    } else {
        &config.author
    }
}

/// The site's `Organization`, in full: name, URL, logo, the corrections policy and, when
/// `[extra] methodology` names the page, the publishing principles.
pub fn organization(config: &Config) -> Value {
    let mut org = json!({
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": format!("{}#organization", config.base_url),
        "name": publisher_name(config),
        "url": config.base_url,
        "correctionsPolicy": config.absolute("/corrections/"),
    });
    if let Some(logo) = logo(config) {
        org["logo"] = json!(logo);
    }
    if let Some(methodology) = methodology(config) {
        org["publishingPrinciples"] = json!(methodology);
        org["ethicsPolicy"] = json!(methodology);
    }
    org
}

/// The publisher as other items name it: a reference to the site's `Organization`, with
/// its name and URL for readers that do not follow references.
pub fn publisher(config: &Config) -> Value {
    let mut publisher = json!({
        "@type": "Organization",
        "@id": format!("{}#organization", config.base_url),
        "name": publisher_name(config),
        "url": config.base_url,
    });
    if let Some(logo) = logo(config) {
        publisher["logo"] = json!({ "@type": "ImageObject", "url": logo });
    }
    publisher
}

/// The site's logo: the home page's card, when cards are drawn.
fn logo(config: &Config) -> Option<String> {
    super::cards::image(config, "/")
}

/// The absolute URL of the methodology page, when `[extra] methodology` names it.
fn methodology(config: &Config) -> Option<String> {
    config
        .extra
        .get("methodology")
        .and_then(toml::Value::as_str)
        .map(|path| config.absolute(path))
}

/// `value` serialized on one line (no indentation: a page of a large site carries it
/// whole) and escaped so that no text can close the `<script>` element it is written into.
pub fn script(value: &Value) -> String {
    let text = serde_json::to_string(value).unwrap_or_else(|_| "{}".to_string());
    escape::json_for_script(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    // A script is the value on one line, without the spaces of indentation, and reads
    // back as the same value; `</script>` inside a string cannot end it.
    #[test]
    fn a_script_is_compact_and_reads_back() {
        let value = serde_json::json!({
            "@type": "NewsArticle",
            "headline": "A </script> in a title",
            "author": [{"name": "Desk", "url": "https://e.org/"}],
        });
        let script = script(&value);
        assert!(!script.contains('\n') && !script.contains(": "), "{script}");
        assert!(!script.contains("</script>"), "{script}");
        assert_eq!(serde_json::from_str::<Value>(&script).unwrap(), value);
    }

    // The site's Organization names its corrections policy and methodology.
    #[test]
    fn the_organization_links_its_policies() {
        let config = Config::parse(
            "site.toml",
            "title = \"T\"\nbase_url = \"https://e.org/s/\"\n[extra]\nmethodology = \"/methodology/\"",
        )
        .unwrap();
        let org = organization(&config);
        assert_eq!(org["correctionsPolicy"], "https://e.org/s/corrections/");
        assert_eq!(org["publishingPrinciples"], "https://e.org/s/methodology/");
    }
}
