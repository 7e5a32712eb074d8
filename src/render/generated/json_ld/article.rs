//! schema.org `NewsArticle` for essays: headline, dates, author and publisher, the card as
//! its image.

use serde_json::{Value, json};

use crate::content::config::Config;
use crate::content::page::Page;

/// The `NewsArticle` of a dated essay, its `image` the page's card.
pub fn news_article(config: &Config, page: &Page, image: Option<&str>) -> Value {
    let permalink = config.absolute(&page.url);
    let mut article = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": crate::typography::shorten(&page.meta.title, 110),
        "url": permalink,
        "mainEntityOfPage": permalink,
        "author": [super::publisher(config)],
        "publisher": super::publisher(config),
        "inLanguage": config.language,
    });
    if let Some(image) = image {
        article["image"] = json!([image]);
    }
    if let Some(date) = page.meta.date {
        article["datePublished"] = json!(date.iso());
        article["dateModified"] = json!(page.meta.updated.unwrap_or(date).iso());
    }
    if let Some(description) = &page.meta.description {
        article["description"] = json!(description);
    }
    if !page.meta.topics.is_empty() {
        article["keywords"] = json!(page.meta.topics);
    }
    if let Some(correction) = page.meta.corrections.iter().max_by_key(|c| c.date) {
        article["correction"] = json!({
            "@type": "CorrectionComment",
            "datePublished": correction.date.iso(),
            "text": correction.text,
        });
    }
    article
}

#[cfg(test)]
mod tests {
    use super::*;

    // An essay's article has its headline, dates, image and publisher.
    #[test]
    fn an_essay_is_a_news_article() {
        let config =
            Config::parse("site.toml", "title = \"T\"\nbase_url = \"https://e.org/\"").unwrap();
        let text =
            "+++\ntitle = \"An essay\"\ndate = 2025-11-20\nupdated = 2025-12-01\n+++\nBody\n";
        let mut page = Page::parse("for/e.md", text.to_string()).unwrap();
        page.url = "/for/e/".into();
        let article = news_article(&config, &page, Some("https://e.org/for/e/card.png"));
        assert_eq!(article["headline"], "An essay");
        assert_eq!(article["datePublished"], "2025-11-20");
        assert_eq!(article["dateModified"], "2025-12-01");
        assert_eq!(article["image"][0], "https://e.org/for/e/card.png");
        assert_eq!(article["publisher"]["name"], "T");
    }
}
