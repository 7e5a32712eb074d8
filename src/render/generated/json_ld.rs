//! schema.org `ClaimReview` JSON-LD for claim pages, safe to embed in a `<script>` element.

use serde_json::{Map, Value, json};

use crate::content::claim::{ClaimMeta, ClaimantKind};
use crate::content::config::Config;
use crate::content::page::Page;
use crate::escape;

/// The `ClaimReview` for a claim page, serialized and escaped so that no text can close
/// the `<script>` element it is written into.
pub fn claim_review(config: &Config, page: &Page, claim: &ClaimMeta) -> String {
    let permalink = config.absolute(&page.url);
    let mut item = Map::new();
    item.insert("@type".into(), json!("Claim"));
    let kind = match claim.claimant_kind {
        ClaimantKind::Organization => "Organization",
        ClaimantKind::Person => "Person",
    };
    item.insert(
        "author".into(),
        json!({ "@type": kind, "name": claim.claimant }),
    );
    if let Some(date) = claim.claim_date {
        item.insert("datePublished".into(), json!(date.iso()));
    }
    if let Some(url) = &claim.appearance {
        item.insert(
            "appearance".into(),
            json!([{ "@type": "CreativeWork", "url": url }]),
        );
    }
    let mut rating = Map::new();
    rating.insert("@type".into(), json!("Rating"));
    rating.insert("ratingValue".into(), json!(claim.verdict.rating_value()));
    rating.insert("bestRating".into(), json!(5));
    rating.insert("worstRating".into(), json!(1));
    rating.insert("alternateName".into(), json!(claim.verdict.label()));
    if let Some(summary) = &claim.summary {
        rating.insert("ratingExplanation".into(), json!(summary));
    }
    let author_name = if config.author.is_empty() {
        &config.title
    } else {
        &config.author
    };
    let mut review = Map::new();
    review.insert("@context".into(), json!("https://schema.org"));
    review.insert("@type".into(), json!("ClaimReview"));
    review.insert("url".into(), json!(permalink));
    review.insert("claimReviewed".into(), json!(claim.text));
    review.insert(
        "author".into(),
        json!({ "@type": "Organization", "name": author_name, "url": config.base_url }),
    );
    if let Some(date) = page.meta.date.or(Some(claim.as_of)) {
        review.insert("datePublished".into(), json!(date.iso()));
    }
    if let Some(updated) = page.meta.updated {
        review.insert("dateModified".into(), json!(updated.iso()));
    }
    review.insert("itemReviewed".into(), Value::Object(item));
    review.insert("reviewRating".into(), Value::Object(rating));
    if let Some(correction) = page.meta.corrections.iter().max_by_key(|c| c.date) {
        review.insert(
            "correction".into(),
            json!({ "@type": "CorrectionComment", "datePublished": correction.date.iso(), "text": correction.text }),
        );
    }
    let text =
        serde_json::to_string_pretty(&Value::Object(review)).unwrap_or_else(|_| "{}".to_string());
    escape::json_for_script(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_can_break_out_of_the_script_element() {
        let config =
            Config::parse("site.toml", "title = \"T\"\nbase_url = \"https://e.org/\"").unwrap();
        let text = "+++\ntitle = \"C\"\n[claim]\ntext = \"</script><script>alert(1)</script> & <!--\"\nclaimant = \"A\"\nverdict = \"inaccurate\"\nas_of = 2025-11-08\n+++\n";
        let mut page = Page::parse("claims/c.md", text.to_string()).unwrap();
        page.url = "/claims/c/".into();
        let claim = page.meta.claim.clone().unwrap();
        let json = claim_review(&config, &page, &claim);
        assert!(!json.contains("</script"), "{json}");
        assert!(!json.contains("<!--"), "{json}");
        assert!(json.contains("\\u003c/script\\u003e"), "{json}");
        let parsed: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            parsed["claimReviewed"],
            "</script><script>alert(1)</script> & <!--"
        );
        assert_eq!(parsed["reviewRating"]["alternateName"], "Inaccurate");
        assert_eq!(parsed["url"], "https://e.org/claims/c/");
    }
}
