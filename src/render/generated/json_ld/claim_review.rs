//! schema.org `ClaimReview` for claim pages: the claim's author as a plain name, where it
//! appeared (a `CreativeWork` with its publisher), the rating on the documented scale.

use serde_json::{Map, Value, json};

use crate::content::claim::{ClaimMeta, ClaimantKind, Verdict};
use crate::content::config::Config;
use crate::content::page::Page;

/// The `ClaimReview` of a claim page, its `image` the page's card.
pub fn claim_review(config: &Config, page: &Page, claim: &ClaimMeta, image: Option<&str>) -> Value {
    let permalink = config.absolute(&page.url);
    let published = page.meta.date.unwrap_or(claim.as_of);
    let mut review = Map::new();
    review.insert("@context".into(), json!("https://schema.org"));
    review.insert("@type".into(), json!("ClaimReview"));
    review.insert("url".into(), json!(permalink));
    review.insert("headline".into(), json!(page.meta.title));
    review.insert("claimReviewed".into(), json!(claim.reviewed()));
    review.insert("author".into(), super::publisher(config));
    review.insert("publisher".into(), super::publisher(config));
    review.insert("datePublished".into(), json!(published.iso()));
    review.insert(
        "dateModified".into(),
        json!(page.meta.updated.unwrap_or(published).iso()),
    );
    if let Some(image) = image {
        review.insert("image".into(), json!(image));
    }
    if let Some(description) = &page.meta.description {
        review.insert("description".into(), json!(description));
    }
    review.insert("itemReviewed".into(), item(claim));
    review.insert("reviewRating".into(), rating(claim));
    if let Some(correction) = page.meta.corrections.iter().max_by_key(|c| c.date) {
        review.insert(
            "correction".into(),
            json!({ "@type": "CorrectionComment", "datePublished": correction.date.iso(), "text": correction.text }),
        );
    }
    Value::Object(review)
}

/// The `Claim`: who made it, when, and where it appeared first.
fn item(claim: &ClaimMeta) -> Value {
    let mut author = Map::new();
    let kind = match claim.claimant_kind {
        ClaimantKind::Organization => "Organization",
        ClaimantKind::Person => "Person",
    };
    author.insert("@type".into(), json!(kind));
    author.insert("name".into(), json!(claim.claimant.trim()));
    if let (ClaimantKind::Person, Some(role)) = (claim.claimant_kind, &claim.claimant_role) {
        author.insert("jobTitle".into(), json!(role));
    }
    let author = Value::Object(author);
    let mut item = Map::new();
    item.insert("@type".into(), json!("Claim"));
    item.insert("author".into(), author.clone());
    if let Some(date) = claim.claim_date {
        item.insert("datePublished".into(), json!(date.iso()));
    }
    if let Some(work) = appearance(claim, author) {
        item.insert("appearance".into(), json!([work.clone()]));
        item.insert("firstAppearance".into(), work);
    }
    Value::Object(item)
}

/// Where the claim appeared: a `CreativeWork` with its URL, title, author and publisher,
/// as far as they are known; none when nothing is.
fn appearance(claim: &ClaimMeta, author: Value) -> Option<Value> {
    if claim.appearance.is_none() && claim.publication.is_none() && claim.appearance_title.is_none()
    {
        return None;
    }
    let mut work = Map::new();
    work.insert("@type".into(), json!("CreativeWork"));
    if let Some(url) = &claim.appearance {
        work.insert("url".into(), json!(url));
    }
    if let Some(title) = &claim.appearance_title {
        work.insert("headline".into(), json!(title));
    }
    work.insert("author".into(), author);
    if let Some(date) = claim.claim_date {
        work.insert("datePublished".into(), json!(date.iso()));
    }
    if let Some(publication) = &claim.publication {
        work.insert(
            "publisher".into(),
            json!({ "@type": "Organization", "name": publication }),
        );
    }
    Some(Value::Object(work))
}

/// The `Rating`: the verdict's words (with its date, for "accurate as of"), and its number
/// on the 1 to 5 scale where the verdict has one.
fn rating(claim: &ClaimMeta) -> Value {
    let mut rating = Map::new();
    rating.insert("@type".into(), json!("Rating"));
    rating.insert("alternateName".into(), json!(verdict_name(claim)));
    rating.insert("name".into(), json!(claim.verdict.label()));
    if let Some(value) = claim.verdict.rating_value() {
        rating.insert("ratingValue".into(), json!(value));
        rating.insert("bestRating".into(), json!(5));
        rating.insert("worstRating".into(), json!(1));
    }
    if let Some(summary) = &claim.summary {
        rating.insert("ratingExplanation".into(), json!(summary));
    }
    Value::Object(rating)
}

/// The verdict as a search result shows it: its label, with the date for "accurate as of
/// date" (the claim's date when known, else the date of the evidence that outdated it).
/// Citations of the claim's page lead with it too.
pub fn verdict_name(claim: &ClaimMeta) -> String {
    match (claim.verdict, claim.claim_date) {
        (Verdict::AccurateAsOf, Some(date)) => format!("Accurate as of {}", date.long()),
        (Verdict::AccurateAsOf, None) => {
            format!(
                "Accurate when made, outdated by data as of {}",
                claim.as_of.long()
            )
        }
        (verdict, _) => verdict.label().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::generated::json_ld::script;

    fn review(claim_toml: &str) -> Value {
        let config =
            Config::parse("site.toml", "title = \"T\"\nbase_url = \"https://e.org/\"").unwrap();
        let text = format!("+++\ntitle = \"C\"\ndate = 2025-11-20\n[claim]\n{claim_toml}\n+++\n");
        let mut page = Page::parse("claims/c.md", text).unwrap();
        page.url = "/claims/c/".into();
        let claim = page.meta.claim.clone().unwrap();
        claim_review(
            &config,
            &page,
            &claim,
            Some("https://e.org/claims/c/card.png"),
        )
    }

    // No claim text can close the script element the JSON-LD is written into.
    #[test]
    fn nothing_can_break_out_of_the_script_element() {
        let value = review(
            "text = \"</script><script>alert(1)</script> & <!--\"\nclaimant = \"A\"\nverdict = \"inaccurate\"\nas_of = 2025-11-08",
        );
        let json = script(&value);
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

    // The author is a plain name; role and publication go to the appearance, `short` to
    // claimReviewed, and "accurate as of" carries its date.
    #[test]
    fn splits_the_claimant_from_where_it_appeared() {
        let value = review(
            "text = \"A long claim\"\nshort = \"Short\"\nclaimant = \"Griffin Xu\"\nclaimant_kind = \"person\"\n\
             claimant_role = \"staff writer\"\npublication = \"The Cluster\"\nappearance = \"https://c.org/a\"\n\
             appearance_title = \"An article\"\nclaim_date = 2025-09-01\nverdict = \"accurate-as-of\"\nas_of = 2025-11-08",
        );
        let item = &value["itemReviewed"];
        assert_eq!(
            item["author"],
            json!({"@type": "Person", "name": "Griffin Xu", "jobTitle": "staff writer"})
        );
        assert_eq!(item["firstAppearance"]["publisher"]["name"], "The Cluster");
        assert_eq!(item["firstAppearance"]["url"], "https://c.org/a");
        assert_eq!(item["appearance"][0]["headline"], "An article");
        assert_eq!(value["claimReviewed"], "Short");
        assert_eq!(
            value["reviewRating"]["alternateName"],
            "Accurate as of September 1, 2025"
        );
        assert_eq!(value["reviewRating"]["ratingValue"], 4);
        assert_eq!(value["dateModified"], "2025-11-20");
        assert_eq!(value["headline"], "C");
    }

    // An unverifiable claim has no number on the scale, only its words.
    #[test]
    fn an_unverifiable_claim_has_no_rating_value() {
        let value = review(
            "text = \"X\"\nclaimant = \"A\"\nverdict = \"unverifiable\"\nas_of = 2025-11-08",
        );
        let rating = &value["reviewRating"];
        assert_eq!(rating["alternateName"], "Unverifiable");
        assert!(rating.get("ratingValue").is_none(), "{rating}");
        assert!(rating.get("bestRating").is_none(), "{rating}");
        let dated = review(
            "text = \"X\"\nclaimant = \"A\"\nverdict = \"accurate-as-of\"\nas_of = 2025-11-08",
        );
        assert_eq!(
            dated["reviewRating"]["alternateName"],
            "Accurate when made, outdated by data as of November 8, 2025"
        );
    }
}
