//! The share kit on the built flagship and on small fixtures: a social card for every
//! page (a PNG of the right size that decodes, saying what the page says), the Open Graph
//! and Twitter tags, and JSON-LD with every required and recommended field.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::support::{Site, unescape};

const BASE: &str = "https://example.org/kpdh/";

/// The flagship built into a temporary directory: the directory and every HTML page.
fn flagship() -> (tempfile::TempDir, PathBuf, BTreeMap<String, String>) {
    crate::support::built_flagship()
}

/// The `content` of `<meta property|name="key" content="...">`, unescaped.
fn meta(html: &str, key: &str) -> Option<String> {
    for attr in ["property", "name"] {
        let start = format!("<meta {attr}=\"{key}\" content=\"");
        if let Some(at) = html.find(&start) {
            let rest = &html[at + start.len()..];
            return Some(unescape(&rest[..rest.find('"')?]));
        }
    }
    None
}

/// A PNG's size and its `iTXt` texts by keyword.
fn decode(bytes: &[u8]) -> ((u32, u32), BTreeMap<String, String>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
    reader.next_frame(&mut pixels).expect("decodes");
    let info = reader.info();
    let texts = info
        .utf8_text
        .iter()
        .map(|t| (t.keyword.clone(), t.get_text().unwrap()))
        .collect();
    ((info.width, info.height), texts)
}

/// Every JSON-LD item of a page.
fn json_ld(html: &str) -> Vec<Value> {
    html.split("<script type=\"application/ld+json\">")
        .skip(1)
        .map(|rest| {
            let json = &rest[..rest.find("</script>").unwrap()];
            serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"))
        })
        .collect()
}

/// The file a URL of the flagship points at.
fn file_of(out: &Path, url: &str) -> PathBuf {
    out.join(url.strip_prefix(BASE).unwrap_or_else(|| panic!("{url}")))
}

// Every page has a 1200 by 630 card that decodes, with og:image, its size, its alt text
// and twitter:card = summary_large_image; the card's own text says what the alt says.
#[test]
fn every_page_has_a_card_of_the_right_size() {
    let (_dir, out, pages) = flagship();
    assert!(pages.len() >= 38, "{}", pages.len());
    // Embed pages live in other sites' frames and are never shared themselves.
    for (name, html) in pages.iter().filter(|(n, _)| !n.contains("/embed/")) {
        let image = meta(html, "og:image").unwrap_or_else(|| panic!("{name}: no og:image"));
        assert_eq!(
            meta(html, "og:image:width").as_deref(),
            Some("1200"),
            "{name}"
        );
        assert_eq!(
            meta(html, "og:image:height").as_deref(),
            Some("630"),
            "{name}"
        );
        assert_eq!(
            meta(html, "twitter:card").as_deref(),
            Some("summary_large_image"),
            "{name}"
        );
        let alt = meta(html, "og:image:alt").unwrap_or_else(|| panic!("{name}: no alt"));
        let bytes = std::fs::read(file_of(&out, &image)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let (size, texts) = decode(&bytes);
        assert_eq!(size, (1200, 630), "{name}");
        assert_eq!(texts.get("Description"), Some(&alt), "{name}");
        assert!(bytes.len() < 200_000, "{name}: {} bytes", bytes.len());
    }
}

// A claim's card states the page's verdict and quotes the page's claim and claimant.
#[test]
fn a_claim_card_says_what_the_page_says() {
    let (_dir, out, pages) = flagship();
    let claims: Vec<_> = pages
        .iter()
        .filter(|(n, _)| n.starts_with("claims/") && n.len() > 18)
        .collect();
    assert_eq!(claims.len(), 19);
    for (name, html) in claims {
        let h1 = &html[html.find("<h1>").unwrap()..html.find("</h1>").unwrap()];
        let label = h1.split("</span> ").nth(1).unwrap();
        let label = &label[..label.find("<span").unwrap()];
        let quote = h1.split("<span class=\"claim-quoted\">").nth(1).unwrap();
        let quote = unescape(&quote[..quote.find("</span>").unwrap()]);
        let claimant = html.split("<p class=\"claimant\">").nth(1).unwrap();
        let claimant = unescape(claimant.split([',', '<']).next().unwrap());
        let image = meta(html, "og:image").unwrap();
        let (_, texts) = decode(&std::fs::read(file_of(&out, &image)).unwrap());
        let description = &texts["Description"];
        assert!(
            description.starts_with(&format!("{label}: {quote}, a claim by {claimant}")),
            "{name}: {description}"
        );
        let as_of = html
            .split("<p class=\"as-of\">Evidence as of <time")
            .nth(1)
            .unwrap();
        let as_of = &as_of[as_of.find('>').unwrap() + 1..as_of.find("</time>").unwrap()];
        assert!(
            description.contains(&format!("Evidence as of {as_of}.")),
            "{name}: {description}"
        );
        assert_eq!(texts["Title"], meta(html, "og:title").unwrap(), "{name}");
    }
}

/// The fields a JSON-LD item of `kind` must have (Google's required and recommended, and
/// those the share kit promises), as paths into the object.
fn fields(kind: &str) -> &'static [&'static str] {
    match kind {
        "ClaimReview" => &[
            "url",
            "claimReviewed",
            "headline",
            "datePublished",
            "dateModified",
            "image",
            "author/name",
            "author/url",
            "publisher/name",
            "publisher/url",
            "itemReviewed/@type",
            "itemReviewed/author/@type",
            "itemReviewed/author/name",
            "reviewRating/@type",
            "reviewRating/alternateName",
        ],
        "NewsArticle" => &[
            "headline",
            "url",
            "image/0",
            "datePublished",
            "dateModified",
            "author/0/name",
            "author/0/url",
            "publisher/name",
            "publisher/logo/url",
        ],
        "Dataset" => &[
            "name",
            "description",
            "url",
            "creator/name",
            "publisher/name",
            "keywords",
            "isAccessibleForFree",
            "temporalCoverage",
            "dateModified",
            "variableMeasured",
            "distribution/0/@type",
            "distribution/0/encodingFormat",
            "distribution/0/contentUrl",
        ],
        "Organization" => &[
            "name",
            "url",
            "logo",
            "correctionsPolicy",
            "publishingPrinciples",
        ],
        other => panic!("unexpected JSON-LD type {other}"),
    }
}

fn at<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('/')
        .try_fold(value, |v, key| match key.parse::<usize>() {
            Ok(i) => v.get(i),
            Err(_) => v.get(key),
        })
}

// Every JSON-LD item has its required and recommended fields, non-empty; the claim's
// author is a plain name; the rating has its number where the verdict has one; a chart
// page's Dataset offers its CSV, which exists.
#[test]
fn json_ld_has_every_required_and_recommended_field() {
    let (_dir, out, pages) = flagship();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (name, html) in &pages {
        for item in json_ld(html) {
            assert_eq!(item["@context"], "https://schema.org", "{name}");
            let kind = item["@type"].as_str().unwrap().to_string();
            for path in fields(&kind) {
                let value =
                    at(&item, path).unwrap_or_else(|| panic!("{name}: {kind} has no {path}"));
                assert!(
                    !(value.is_null() || value.as_str() == Some("")),
                    "{name}: {kind} {path} is empty"
                );
            }
            match kind.as_str() {
                "ClaimReview" => {
                    let rating = &item["reviewRating"];
                    if rating["alternateName"] != "Unverifiable" {
                        for key in ["ratingValue", "bestRating", "worstRating"] {
                            assert!(rating[key].is_u64(), "{name}: {key}");
                        }
                    }
                    assert_ne!(rating["alternateName"], "Accurate as of date", "{name}");
                    let author = item["itemReviewed"]["author"]["name"].as_str().unwrap();
                    assert!(!author.is_empty());
                }
                "Dataset" => {
                    assert!(item["description"].as_str().unwrap().chars().count() >= 50);
                    let csv = item["distribution"][0]["contentUrl"].as_str().unwrap();
                    assert!(file_of(&out, csv).is_file(), "{name}: {csv}");
                }
                "NewsArticle" => {
                    assert!(item["headline"].as_str().unwrap().chars().count() <= 110);
                }
                _ => {}
            }
            *counts.entry(kind).or_default() += 1;
        }
    }
    assert_eq!(counts.get("ClaimReview"), Some(&19), "{counts:?}");
    assert_eq!(counts.get("Dataset"), Some(&5), "{counts:?}");
    assert_eq!(counts.get("Organization"), Some(&1), "{counts:?}");
    assert!(
        counts.get("NewsArticle").is_some_and(|&n| n >= 4),
        "{counts:?}"
    );
}

const CLAIM: &str = "+++
title = \"The song topped the chart\"
date = 2025-11-20
[claim]
text = \"It was the biggest song of the year by every measure anyone could name, and then some more.\"
short = \"It was the biggest song of the year\"
claimant = \"Griffin Xu\"
claimant_kind = \"person\"
claimant_role = \"staff writer\"
publication = \"The Cluster\"
appearance = \"https://cluster.example/article\"
appearance_title = \"A year in music\"
claim_date = 2025-09-01
verdict = \"unverifiable\"
as_of = 2025-11-08
+++
We could not find out.
";

// Claimant name, role and publication are kept apart: the page and card print them
// together, the ClaimReview names the person plainly and the publication as the
// appearance's publisher, with `short` as claimReviewed.
#[test]
fn a_claimant_is_a_name_with_a_role_and_a_publication() {
    let site = Site::minimal();
    site.write("content/claims/_index.md", "+++\ntitle = \"Claims\"\n+++\n");
    site.write("content/claims/song.md", CLAIM);
    site.build();
    let html = site.read("public/claims/song/index.html");
    assert!(
        html.contains(
            "<p class=\"claimant\"><a href=\"../../claimant/griffin-xu/\" rel=\"tag\">Griffin Xu, staff writer, in The Cluster</a>, <time"
        ),
        "{html}"
    );
    let review = json_ld(&html)
        .into_iter()
        .find(|v| v["@type"] == "ClaimReview")
        .unwrap();
    assert_eq!(
        review["claimReviewed"],
        "It was the biggest song of the year"
    );
    let claim = &review["itemReviewed"];
    assert_eq!(claim["author"]["name"], "Griffin Xu");
    assert_eq!(claim["author"]["jobTitle"], "staff writer");
    assert_eq!(claim["firstAppearance"]["publisher"]["name"], "The Cluster");
    assert_eq!(
        claim["firstAppearance"]["url"],
        "https://cluster.example/article"
    );
    assert_eq!(claim["appearance"][0]["headline"], "A year in music");
    assert!(review["reviewRating"].get("ratingValue").is_none());
    let alt = meta(&html, "og:image:alt").unwrap();
    assert!(
        alt.starts_with("Unverifiable: “It was the biggest song"),
        "{alt}"
    );
    assert!(
        alt.contains("a claim by Griffin Xu, staff writer, in The Cluster."),
        "{alt}"
    );
}

// The card of a claim whose claimant is unknown and whose publication is not given names
// the article it appeared in, so that the card still says where the claim was made.
#[test]
fn an_unsigned_claim_card_names_the_article() {
    let site = Site::minimal();
    site.write("content/claims/_index.md", "+++\ntitle = \"Claims\"\n+++\n");
    let claim = CLAIM
        .replace("claimant = \"Griffin Xu\"", "claimant = \"Unknown author\"")
        .replace("claimant_kind = \"person\"\nclaimant_role = \"staff writer\"\npublication = \"The Cluster\"\n", "");
    site.write("content/claims/song.md", &claim);
    site.build();
    let html = site.read("public/claims/song/index.html");
    let alt = meta(&html, "og:image:alt").unwrap();
    assert!(
        alt.contains("a claim by Unknown author, in “A year in music”. Evidence as of"),
        "{alt}"
    );
    let (_, texts) = decode(&std::fs::read(site.root.join("public/claims/song/card.png")).unwrap());
    assert_eq!(texts.get("Description"), Some(&alt));
}

// Cards are cached by what they are drawn from: a second build draws nothing new and
// writes the same bytes, and an emptied cache draws them again, the same.
#[test]
fn cards_are_cached_by_content() {
    let site = Site::minimal().own_picture_cache();
    site.write(
        "content/about.md",
        "+++\ntitle = \"About\"\ndescription = \"Who we are.\"\n+++\nUs.\n",
    );
    site.build();
    let first = site.tree("public");
    let cache = site.root.join(".factsite-cache/pictures");
    let entries = || std::fs::read_dir(&cache).unwrap().count();
    let cards = first.keys().filter(|k| k.ends_with("card.png")).count();
    assert_eq!(cards, 4, "{:?}", first.keys());
    assert_eq!(entries(), cards);
    site.build();
    assert_eq!(entries(), cards);
    std::fs::remove_dir_all(&cache).unwrap();
    site.build();
    let third = site.tree("public");
    for (path, bytes) in first.iter().filter(|(k, _)| k.ends_with(".png")) {
        assert_eq!(third.get(path), Some(bytes), "{path}");
    }
    site.write("content/about.md", "+++\ntitle = \"About us\"\n+++\nUs.\n");
    site.build();
    assert_eq!(entries(), cards + 1);
}

// A build that fails draws no picture (it would publish none): the error comes as fast
// as without cards, and once the page is fixed the next build draws every card.
#[test]
fn a_failing_build_draws_no_card() {
    let site = Site::minimal().own_picture_cache();
    site.write(
        "content/about.md",
        "+++\ntitle = \"About\"\n+++\nAs reported [@nowhere].\n",
    );
    let run = site.run(&["build"]).failure();
    assert!(run.stderr.contains("nowhere"), "{}", run.stderr);
    let cache = site.root.join(".factsite-cache/pictures");
    let drawn = || std::fs::read_dir(&cache).map_or(0, Iterator::count);
    assert_eq!(drawn(), 0);
    site.write("content/about.md", "+++\ntitle = \"About\"\n+++\nUs.\n");
    site.build();
    assert_eq!(drawn(), 4);
}

// A base_url with a path gets a warning that robots.txt is not where crawlers look; one at
// the host's root does not, and --quiet says nothing.
#[test]
fn warns_when_robots_txt_is_under_a_path() {
    let site = Site::minimal();
    let run = site.build();
    assert!(!run.stderr.contains("robots.txt"), "{}", run.stderr);
    site.write(
        "site.toml",
        "title = \"M\"\nbase_url = \"https://example.org/sub/\"\n",
    );
    let run = site.build();
    assert_eq!(
        run.stderr,
        "warning: `base_url` has a path (`/sub/`), so the site's robots.txt is published at `https://example.org/sub/robots.txt`, where crawlers never look; copy it to the root of the host if it should apply\n"
    );
    assert_eq!(site.run(&["build", "--quiet"]).success().stderr, "");
}

// The corrections feed of a site without corrections is dated by the site's newest date.
#[test]
fn an_empty_corrections_feed_is_not_dated_1970() {
    let site = Site::minimal();
    site.write(
        "content/essay.md",
        "+++\ntitle = \"E\"\ndate = 2025-10-02\nupdated = 2025-11-03\n+++\nText.\n",
    );
    site.build();
    let feed = site.read("public/corrections/atom.xml");
    assert!(
        feed.contains("<updated>2025-11-03T00:00:00Z</updated>"),
        "{feed}"
    );
    assert!(!feed.contains("1970"), "{feed}");
}

// Every chart has a standalone SVG and a PNG that carry their title, source line, "Data
// as of" and the page's address, and an embed page with the chart, a link to its table
// and no site chrome, whose <iframe> code the chart page offers.
#[test]
fn every_chart_has_downloads_and_an_embed_page() {
    let (_dir, out, pages) = flagship();
    let charts: Vec<_> = pages
        .keys()
        .filter_map(|k| k.strip_prefix("charts/")?.strip_suffix("/index.html"))
        .filter(|id| !id.contains('/'))
        .map(str::to_string)
        .collect();
    assert_eq!(charts.len(), 5, "{charts:?}");
    for id in &charts {
        let page_url = format!("{BASE}charts/{id}/");
        let svg = std::fs::read_to_string(out.join(format!("charts/{id}/{id}.svg"))).unwrap();
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\""),
            "{id}"
        );
        assert!(
            svg.contains("<style>.fs-chart"),
            "{id}: the SVG carries its own style"
        );
        assert!(!svg.contains("var(--"), "{id}: no custom property left");
        assert!(svg.contains(&format!(">{page_url}</text>")), "{id}");
        assert!(svg.contains(">Data as of "), "{id}");
        assert!(svg.contains(">Source: "), "{id}");
        let (size, texts) =
            decode(&std::fs::read(out.join(format!("charts/{id}/{id}.png"))).unwrap());
        assert_eq!(size.0, 1200, "{id}");
        assert_eq!(texts["Source"], page_url, "{id}");
        assert!(texts["Description"].contains("Data as of "), "{id}");
        let embed = &pages[&format!("charts/{id}/embed/index.html")];
        assert!(
            !embed.contains("site-header") && !embed.contains("<nav"),
            "{id}: no chrome"
        );
        assert!(embed.contains("<figure class=\"chart\""), "{id}");
        assert!(embed.contains("<summary>Data table</summary>"), "{id}");
        assert!(
            embed.contains("href=\"../\" target=\"_top\""),
            "{id}: links to its page"
        );
        let page = &pages[&format!("charts/{id}/index.html")];
        let iframe = format!("&lt;iframe src=&quot;{page_url}embed/&quot;");
        assert!(page.contains(&iframe), "{id}: no iframe code");
    }
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(
        !sitemap.contains("/embed/"),
        "embed pages stay out of the sitemap"
    );
}

// `[share] cards = false` draws no card: no card.png is written, and no page, feed or
// JSON-LD points at one; pages fall back to twitter:card = summary without og:image.
#[test]
fn cards_off_writes_no_card_and_points_at_none() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("site");
    std::fs::create_dir_all(&root).expect("mkdir");
    for part in ["site.toml", "content", "templates", "theme"] {
        for entry in walkdir::WalkDir::new(repo.join(part)) {
            let entry = entry.expect("walk");
            let target = root.join(entry.path().strip_prefix(repo).expect("prefix"));
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).expect("mkdir");
            } else {
                std::fs::copy(entry.path(), &target).expect("copy");
            }
        }
    }
    let toml = std::fs::read_to_string(root.join("site.toml")).expect("site.toml");
    std::fs::write(
        root.join("site.toml"),
        format!("{toml}\n[share]\ncards = false\n"),
    )
    .expect("write site.toml");
    let run = Command::new(crate::support::factsite())
        .args(["build", "--quiet"])
        .current_dir(&root)
        .output()
        .expect("run factsite");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let out = root.join("public");
    let mut pages = 0;
    let mut claim_reviews = 0;
    for entry in walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
    {
        let name = entry
            .path()
            .strip_prefix(&out)
            .unwrap()
            .display()
            .to_string();
        assert!(!name.ends_with("card.png"), "{name} was written");
        if !entry.file_type().is_file() || entry.path().extension().is_some_and(|e| e == "png") {
            continue;
        }
        let text = String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap()).into_owned();
        assert!(!text.contains("card.png"), "{name} points at a card");
        if !name.ends_with(".html") || name.contains("/embed/") {
            continue;
        }
        pages += 1;
        if let Some(image) = meta(&text, "og:image") {
            assert!(file_of(&out, &image).exists(), "{name}: {image} is missing");
        }
        if text.contains("<meta http-equiv=\"refresh\"") {
            continue;
        }
        assert_eq!(
            meta(&text, "twitter:card").as_deref(),
            Some("summary"),
            "{name}"
        );
        claim_reviews += json_ld(&text)
            .iter()
            .filter(|v| v["@type"] == "ClaimReview")
            .count();
    }
    assert!(pages >= 38, "{pages}");
    assert!(claim_reviews > 0);
}
