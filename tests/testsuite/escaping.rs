//! Hostile strings in every file an author or a data source writes reach each output context
//! escaped for it: HTML text and attributes, SVG, XML, JSON-LD and CSV.

use crate::support::Site;

const HOSTILE: &str =
    "<script>alert(1)</script> </script><img src=x onerror=alert(2)> \"dq\" 'sq' & ]]> <!--";

fn built() -> Site {
    let site = Site::fixture("escaping/site");
    site.build();
    site
}

fn html_files(site: &Site) -> Vec<(String, String)> {
    site.tree("public")
        .into_iter()
        .filter(|(name, _)| name.ends_with(".html"))
        .map(|(name, bytes)| (name, String::from_utf8(bytes).expect("utf-8")))
        .collect()
}

// No page gains a script, an element or an attribute from a string: only ClaimReview scripts.
#[test]
fn html_text_and_attributes_are_escaped() {
    let site = built();
    for (name, html) in html_files(&site) {
        let scripts = html.matches("<script").count();
        let json_ld = html
            .matches("<script type=\"application/ld+json\">")
            .count();
        assert_eq!(
            scripts, json_ld,
            "{name} has a script that is not ClaimReview JSON-LD"
        );
        assert!(!html.contains("<img src=x"), "{name} gained an element");
        assert!(
            !html.contains("onerror=alert(2)>"),
            "{name} gained an attribute"
        );
        assert!(!html.contains("<!--\""), "{name} opened a comment");
    }
    let essay = site.read("public/essays/one/index.html");
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &quot;dq&quot; &#39;sq&#39; &amp; ]]&gt; &lt;!--";
    assert!(
        essay.contains(&format!("<h1>Essay {escaped}</h1>")),
        "HTML text: {essay}"
    );
    assert!(
        essay.contains(&format!(
            "<meta name=\"description\" content=\"Essay description {escaped}\">"
        )),
        "attribute: {essay}"
    );
    assert!(
        essay.contains(&format!(" rel=\"tag\">Topic {escaped}</a></li>")),
        "topics: {essay}"
    );
    assert!(
        essay.contains(&format!("Correction {escaped}</li>")),
        "corrections: {essay}"
    );
    assert!(
        essay.contains(&format!(
            "<cite><a href=\"https://example.org/a?x=1&amp;y=2\">Title {escaped}</a></cite>"
        )),
        "source list: {essay}"
    );
    assert!(essay.contains("title=\"Checked against the data: =HYPERLINK(&quot;http://evil/&quot;,&quot;x&quot;) &lt;script&gt;"), "fact tooltip: {essay}");
}

// The chart's SVG, caption and table carry escaped titles.
#[test]
fn svg_is_escaped() {
    let site = built();
    let home = site.read("public/index.html");
    let svg_title = home
        .split("<title id=\"chart-1-wide-title\">")
        .nth(1)
        .and_then(|s| s.split("</title>").next())
        .expect("svg title");
    assert!(
        svg_title.starts_with("Chart title &lt;script&gt;alert(1)&lt;/script&gt;"),
        "{svg_title}"
    );
    assert!(!svg_title.contains('<'), "{svg_title}");
}

// Feeds and the sitemap are well-formed XML with the strings escaped.
#[test]
fn xml_is_escaped() {
    let site = built();
    let feed = site.read("public/atom.xml");
    assert!(
        feed.contains("<title>Escape &lt;script&gt;alert(1)&lt;/script&gt;"),
        "{feed}"
    );
    assert!(
        feed.contains("&quot;dq&quot; &apos;sq&apos; &amp; ]]&gt; &lt;!--"),
        "{feed}"
    );
    assert!(!feed.contains("<script") && !feed.contains("]]>"), "{feed}");
    let corrections = site.read("public/corrections/atom.xml");
    assert!(
        corrections.contains("<summary>Correction &lt;script&gt;"),
        "{corrections}"
    );
    assert!(
        site.read("public/sitemap.xml")
            .contains("<loc>https://example.org/essays/one/</loc>")
    );
}

// ClaimReview JSON-LD holds the exact strings and nothing that can end its script element.
#[test]
fn json_ld_is_escaped() {
    let site = built();
    let page = site.read("public/claims/c/index.html");
    let json = page
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .and_then(|s| s.split("</script>").next())
        .expect("json-ld");
    assert!(!json.contains('<') && !json.contains('>'), "{json}");
    let value: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
    assert_eq!(value["claimReviewed"], format!("Claim text {HOSTILE}"));
    assert_eq!(
        value["itemReviewed"]["author"]["name"],
        format!("Claimant {HOSTILE}")
    );
    assert_eq!(
        value["reviewRating"]["ratingExplanation"],
        format!("Summary {HOSTILE}")
    );
}

// CSV cells are quoted as RFC 4180 asks and cannot start a spreadsheet formula.
#[test]
fn csv_cells_are_guarded() {
    let site = built();
    let csv = site.read("public/charts/esc/esc.csv");
    let row = csv.lines().nth(1).expect("a data row");
    assert!(
        row.starts_with("esc,2025-07-05,formula,\"'=HYPERLINK(\"\"http://evil/\"\",\"\"x\"\")"),
        "{row}"
    );
    assert!(row.contains(",\"'@SUM(A1) "), "{row}");
    for cell in csv.lines().flat_map(|line| line.split(',')) {
        let cell = cell.trim_start_matches('"');
        assert!(
            !cell.starts_with(['=', '+', '@']),
            "unguarded cell {cell:?} in {csv}"
        );
    }
}
