//! "Cite this" on the built flagship and on a small fixture (`cite/site`): every content,
//! claim and chart page carries its citation as a sentence, BibTeX and CSL-JSON, each
//! downloadable from the page itself, all three saying what the page says; the data
//! version follows the data behind a page and nothing else; each form escapes its text.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

use crate::support::{Site, unescape};

/// The "Cite this" section of a page.
fn block(html: &str) -> Option<&str> {
    let start = html.find("<section class=\"cite\"")?;
    let end = start + html[start..].find("</section>")?;
    Some(&html[start..end])
}

/// The texts between `open` and `close` in `html`, unescaped.
fn between(html: &str, open: &str, close: &str) -> Vec<String> {
    html.split(open)
        .skip(1)
        .map(|rest| unescape(&rest[..rest.find(close).expect("closed")]))
        .collect()
}

/// The plain citation, the BibTeX and the CSL-JSON a page shows.
fn forms(html: &str) -> (String, String, String) {
    let block = block(html).expect("a Cite this block");
    let plain = between(block, "<p class=\"cite-plain\">", "</p>").remove(0);
    let mut code = between(block, "<pre class=\"cite-code\"><code>", "</code></pre>");
    assert_eq!(code.len(), 2, "{block}");
    let csl = code.pop().unwrap();
    (plain, code.pop().unwrap(), csl)
}

/// The fields of a BibTeX entry written one a line (`  name = value,`), values as written.
fn bib_fields(entry: &str) -> BTreeMap<String, String> {
    entry
        .lines()
        .filter_map(|line| line.strip_prefix("  ")?.split_once(" = "))
        .map(|(name, value)| (name.to_string(), value.trim_end_matches(',').to_string()))
        .collect()
}

/// Whether every brace of a BibTeX entry is matched, as BibTeX counts them.
fn balanced(entry: &str) -> bool {
    let mut depth = 0i32;
    for c in entry.chars() {
        depth += match c {
            '{' => 1,
            '}' => -1,
            _ => 0,
        };
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

/// A BibTeX text value back to the text it stands for.
fn unbib(value: &str) -> String {
    value
        .replace("\\textbraceleft{}", "{")
        .replace("\\textbraceright{}", "}")
        .replace("\\textbackslash{}", "\\")
        .replace("\\textasciitilde{}", "~")
        .replace("\\textasciicircum{}", "^")
        .replace("\\textless{}", "<")
        .replace("\\textgreater{}", ">")
        .replace("\\&", "&")
        .replace("\\%", "%")
        .replace("\\$", "$")
        .replace("\\#", "#")
        .replace("\\_", "_")
}

fn meta(html: &str, property: &str) -> String {
    let start = format!("<meta property=\"{property}\" content=\"");
    between(html, &start, "\"").remove(0)
}

/// Straight quotes for curly ones, to compare texts typeset in different places.
fn straight(text: &str) -> String {
    text.replace(['’', '‘'], "'").replace(['“', '”'], "\"")
}

/// Every JSON-LD item of a page.
fn json_ld(html: &str) -> Vec<Value> {
    between(html, "<script type=\"application/ld+json\">", "</script>")
        .iter()
        .map(|json| serde_json::from_str(json).expect("JSON-LD"))
        .collect()
}

/// The two downloads of a page's block, decoded from their `data:` links: the BibTeX and
/// the CSL-JSON, and the file names the browser saves them under.
fn downloads(html: &str) -> [(String, String); 2] {
    let block = block(html).expect("a Cite this block");
    [
        "application/x-bibtex",
        "application/vnd.citationstyles.csl+json",
    ]
    .map(|mime| {
        use base64::Engine as _;
        let start = format!("<a href=\"data:{mime};charset=utf-8;base64,");
        let link = between(block, &start, "</a>").remove(0);
        let (encoded, rest) = link.split_once('"').expect("the link's end");
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .expect("base64");
        let text = String::from_utf8(bytes).expect("UTF-8");
        let name = between(rest, " download=\"", "\"").remove(0);
        (text, name)
    })
}

/// Checks one page's three forms against each other, against the page and against its
/// downloads; returns its BibTeX key.
fn check_page(name: &str, html: &str, organisation: &str) -> String {
    let (plain, bibtex, csl_text) = forms(html);
    let [(bib_file, bib_name), (csl_file, csl_name)] = downloads(html);
    assert_eq!(bib_file, format!("{}\n", bibtex.trim_end()), "{name}");
    assert_eq!(csl_file, format!("{}\n", csl_text.trim_end()), "{name}");
    assert!(
        bib_name.ends_with(".bib") && csl_name.ends_with(".json"),
        "{name}"
    );
    assert_eq!(
        bib_name.strip_suffix(".bib"),
        csl_name.strip_suffix(".json")
    );
    assert!(!bib_name.contains([':', '/', '+']), "{name}: {bib_name}");

    let csl: Value = serde_json::from_str(&csl_file).unwrap_or_else(|e| panic!("{name}: {e}"));
    let items = csl.as_array().expect("an array");
    assert_eq!(items.len(), 1, "{name}");
    let item = &items[0];
    let url = between(html, "<link rel=\"canonical\" href=\"", "\"").remove(0);
    assert_eq!(item["URL"], url.as_str(), "{name}");
    let kind = if name.starts_with("charts/") && name != "charts/index.html" {
        "dataset"
    } else {
        "webpage"
    };
    assert_eq!(item["type"], kind, "{name}");
    assert_eq!(
        item["author"],
        serde_json::json!([{ "literal": organisation }]),
        "{name}"
    );
    assert_eq!(
        item["container-title"],
        meta(html, "og:site_name").as_str(),
        "{name}"
    );

    // The title: the page's own, after the verdict on a claim page.
    let title = item["title"].as_str().expect("a title");
    let expected = match json_ld(html).iter().find(|v| v["@type"] == "ClaimReview") {
        Some(review) => format!(
            "{}: {}",
            review["reviewRating"]["alternateName"].as_str().unwrap(),
            review["headline"].as_str().unwrap()
        ),
        None => meta(html, "og:title"),
    };
    assert_eq!(straight(title), straight(&expected), "{name}");

    let fields = bib_fields(&bibtex);
    let key = bibtex
        .strip_prefix("@misc{")
        .and_then(|rest| rest.split_once(",\n"))
        .map(|(key, _)| key.to_string())
        .unwrap_or_else(|| panic!("{name}: not an @misc entry:\n{bibtex}"));
    assert_eq!(item["id"], key.as_str(), "{name}");
    assert!(balanced(&bibtex), "{name}: unbalanced\n{bibtex}");
    assert!(bib_file.ends_with(",\n}\n"), "{name}");
    assert_eq!(
        fields["author"],
        format!("{{{{{organisation}}}}}"),
        "{name}"
    );
    assert_eq!(
        unbib(&fields["title"]),
        format!("{{{{{title}}}}}"),
        "{name}"
    );
    assert_eq!(
        unbib(&fields["howpublished"]),
        format!("{{\\url{{{url}}}}}"),
        "{name}"
    );
    assert!(plain.contains(title), "{name}: {plain}");
    assert!(plain.contains(&format!(" {url}. ")) || plain.ends_with(&format!(" {url}.")));
    if let Some(parts) = item.get("issued") {
        let year = parts["date-parts"][0][0].as_i64().unwrap();
        assert_eq!(fields["year"], format!("{{{year}}}"), "{name}");
        assert!(plain.contains(&format!("({year}, ")), "{name}: {plain}");
    }

    // The data: its date, as the page gives it, and its version, the same in all three.
    let note = item["note"].as_str().unwrap_or_default();
    if let Some(at) = note.find("Data as of ") {
        let date = &note[at + "Data as of ".len()..];
        let date = &date[..date.find(';').unwrap_or(date.len())];
        assert!(
            plain.contains(&format!("Data as of {date}")),
            "{name}: {plain}"
        );
        assert!(unbib(&fields["note"]).contains(&format!("Data as of {date}")));
        let before = &html[..html.find("<section class=\"cite\"").unwrap()];
        let shown = before
            .replace("</time>", "")
            .split("<time datetime=\"")
            .map(|part| part.split_once("\">").map_or(part, |(_, rest)| rest))
            .collect::<String>()
            .to_lowercase();
        assert!(
            shown.contains(&format!("as of {}", date.to_lowercase())),
            "{name}: the page never says its data is as of {date}"
        );
    }
    if let Some(version) = item["version"].as_str() {
        assert_eq!(version.len(), 12, "{name}");
        assert!(version.chars().all(|c| c.is_ascii_hexdigit()), "{name}");
        let said = format!("data version {version}");
        assert!(plain.to_lowercase().contains(&format!("{said}.")), "{name}");
        assert_eq!(fields["version"], format!("{{{version}}}"), "{name}");
        assert!(note.to_lowercase().contains(&said), "{name}");
    }
    key
}

// Every content, claim, chart and section page of the flagship (the pages of its sitemap
// but the corrections and taxonomy pages) has "Cite this" with its BibTeX and CSL-JSON to
// download, the three forms agreeing with the page and each other; no other page has one;
// every key is unique. The flagship builds with `unbound_numbers = "error"`, so the
// number audit flags nothing the citations print.
#[test]
fn every_flagship_content_page_cites_itself() {
    let (_dir, out, pages) = crate::support::built_flagship();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = std::fs::read_to_string(repo.join("site.toml")).unwrap();
    assert!(config.contains("unbound_numbers = \"error\""), "{config}");
    let base = "https://example.org/kpdh/";
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    let listed: BTreeSet<String> = between(&sitemap, "<loc>", "</loc>")
        .into_iter()
        .map(|url| format!("{}index.html", url.strip_prefix(base).unwrap()))
        .filter(|name| {
            !["corrections/", "topics/", "claimant/", "verdict/"]
                .iter()
                .any(|skip| name.starts_with(skip))
        })
        .collect();
    assert!(listed.len() >= 37, "{listed:?}");
    let home = json_ld(&pages["index.html"]);
    let organisation = home
        .iter()
        .find(|v| v["@type"] == "Organization")
        .and_then(|v| v["name"].as_str())
        .expect("the Organization")
        .to_string();
    let mut keys = BTreeSet::new();
    for (name, html) in &pages {
        if !listed.contains(name) {
            assert!(block(html).is_none(), "{name} has a Cite this block");
            continue;
        }
        let key = check_page(name, html, &organisation);
        assert!(keys.insert(key.clone()), "{name}: key {key} is taken");
    }
    assert_eq!(keys.len(), listed.len());
    // The citations are in the pages: no page writes a file of its own for them.
    let files = walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok);
    let named = |e: &walkdir::DirEntry| e.file_name().to_string_lossy().starts_with("cite.");
    assert_eq!(files.filter(named).count(), 0);
    // A claim cites its evidence's date; a chart page its data's, as its byline gives it.
    let (plain, _, _) = forms(&pages["claims/golden-lead-song/index.html"]);
    assert!(
        plain.contains("Data as of January 17, 2026; data version"),
        "{plain}"
    );
    let (plain, _, _) = forms(&pages["charts/hot-100/index.html"]);
    assert!(plain.contains("Billboard Hot 100 [Data set]."), "{plain}");
}

/// The CSL-JSON a built page of a fixture offers, parsed: its one item.
fn item(site: &Site, page: &str) -> Value {
    let [_, (text, _)] = downloads(&site.read(&format!("public/{page}index.html")));
    serde_json::from_str::<Value>(&text).unwrap()[0].clone()
}

/// Every citation download of a built fixture, by page.
fn cite_files(site: &Site) -> BTreeMap<String, [(String, String); 2]> {
    site.tree("public")
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .filter_map(|(path, bytes)| {
            let html = String::from_utf8(bytes).unwrap();
            block(&html).is_some().then(|| (path, downloads(&html)))
        })
        .collect()
}

// The data version changes when a row of a chart changes, on the chart's page and on the
// pages bound to it, and when a source they rest on changes; it stays when another page
// or an unrelated source changes. Two builds of the same input write the same files.
#[test]
fn the_data_version_follows_the_data_and_nothing_else() {
    let site = Site::fixture("cite/site");
    site.build();
    let before = cite_files(&site);
    assert!(before.len() >= 8, "{:?}", before.keys());
    site.build();
    assert_eq!(cite_files(&site), before, "two builds differ");
    let version = |page: &str| item(&site, page)["version"].as_str().map(str::to_string);
    let chart = version("charts/hot-100/").expect("a chart has data");
    let essay = version("essays/golden/").expect("the essay binds data");
    let claim = version("claims/golden-no1/").expect("a claim has data");
    assert_eq!(
        version("essays/about/"),
        None,
        "a page without data has no version"
    );
    assert_eq!(chart, essay, "the same data, the same version");

    let about = site.read("content/essays/about.md");
    site.write(
        "content/essays/about.md",
        &format!("{about}\nAnother paragraph.\n"),
    );
    let sources = site.read("content/sources.toml");
    site.write(
        "content/sources.toml",
        &sources.replace("title = \"Something else\"", "title = \"Something new\""),
    );
    site.build();
    assert_eq!(
        cite_files(&site),
        before,
        "an unrelated change moved a citation"
    );

    let data = site.read("content/charts/hot-100.toml");
    let moved = data.replace("pos = 2, source", "pos = 3, source");
    assert_ne!(moved, data);
    site.write("content/charts/hot-100.toml", &moved);
    site.build();
    assert_ne!(version("charts/hot-100/").unwrap(), chart);
    assert_ne!(version("essays/golden/").unwrap(), essay);
    assert_eq!(version("charts/hot-100/"), version("essays/golden/"));
    assert_ne!(version("claims/golden-no1/").unwrap(), claim);
    assert_eq!(version("essays/about/"), None);

    site.write("content/charts/hot-100.toml", &data);
    site.write(
        "content/sources.toml",
        &sources.replace("Golden tops", "Golden leads"),
    );
    site.build();
    assert_ne!(
        version("charts/hot-100/").unwrap(),
        chart,
        "its source changed"
    );
}

// A title with BibTeX's and HTML's special characters is escaped in each form: LaTeX
// commands in BibTeX (braces balanced), JSON escapes in CSL-JSON, entities in the page.
#[test]
fn each_form_escapes_for_its_format() {
    let site = Site::fixture("cite/site");
    site.build();
    let title = "Braces {x} & 50% of $y_#z ~ ^ \\ <b>";
    let [(bib, _), _] = downloads(&site.read("public/essays/braces/index.html"));
    assert!(balanced(&bib), "{bib}");
    assert!(
        bib.contains(
            "  title = {{Braces \\textbraceleft{}x\\textbraceright{} \\& 50\\% of \\$y\\_\\#z \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\textless{}b\\textgreater{}}},\n"
        ),
        "{bib}"
    );
    assert_eq!(item(&site, "essays/braces/")["title"], title);
    let html = site.read("public/essays/braces/index.html");
    let (plain, bibtex, _) = forms(&html);
    assert!(plain.contains(title), "{plain}");
    assert_eq!(bibtex.trim_end(), bib.trim_end());
    let block = block(&html).unwrap();
    assert!(!block.contains("<b>"), "{block}");
    assert!(block.contains("&lt;b&gt;"), "{block}");
}

// The BibTeX and CSL-JSON a page shows are escaped for an element's content only: their
// quotes stay characters (the CSL-JSON has dozens of them), and `&`, `<` and `>` become
// entities, so the shown text is the downloaded file with those three escaped.
#[test]
fn shown_forms_keep_their_quotes() {
    let site = Site::fixture("cite/site");
    site.build();
    let html = site.read("public/essays/braces/index.html");
    let [(bib, _), (csl, _)] = downloads(&html);
    let block = block(&html).unwrap();
    let shown: Vec<&str> = block
        .split("<pre class=\"cite-code\"><code>")
        .skip(1)
        .map(|rest| &rest[..rest.find("</code></pre>").expect("closed")])
        .collect();
    let escaped = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    assert_eq!(shown.len(), 2, "{block}");
    assert_eq!(shown[0], escaped(bib.trim_end()));
    assert_eq!(shown[1], escaped(csl.trim_end()));
    assert!(
        shown[1].contains("\"title\": \"Braces {x} &amp; 50% of $y_#z ~ ^ \\\\ &lt;b&gt;\""),
        "{}",
        shown[1]
    );
    assert!(!block.contains("&quot;"), "{block}");
}

// A claim's citation leads with its verdict, is dated by the page, and gives the claim's
// evidence date as its data's; a chart's is a dataset dated by its data.
#[test]
fn a_claim_and_a_chart_are_cited_as_the_page_shows_them() {
    let site = Site::fixture("cite/site");
    site.build();
    let claim = site.read("public/claims/golden-no1/index.html");
    let (plain, bibtex, _) = forms(&claim);
    assert!(
        plain.starts_with(
            "Fixture desk. (2025, November 20). Accurate: Golden reached No. 1. Cite fixture. https://example.org/sub/claims/golden-no1/. Data as of August 16, 2025; data version "
        ),
        "{plain}"
    );
    assert!(
        bibtex.starts_with("@misc{example.org:sub:claims:golden-no1,\n"),
        "{bibtex}"
    );
    let chart = item(&site, "charts/hot-100/");
    assert_eq!(chart["type"], "dataset");
    assert_eq!(
        chart["issued"]["date-parts"],
        serde_json::json!([[2025, 8, 23]])
    );
    let essay = item(&site, "essays/golden/");
    assert_eq!(
        essay["issued"]["date-parts"],
        serde_json::json!([[2025, 10, 3]])
    );
    assert_eq!(
        essay["note"],
        format!(
            "Updated December 1, 2025. Data as of August 23, 2025; data version {}",
            essay["version"].as_str().unwrap()
        )
    );
}

// `[share] cite = false` writes no citation block; the build still passes.
#[test]
fn cite_off_writes_no_citation() {
    let site = Site::fixture("cite/site");
    let config = site.read("site.toml");
    site.write(
        "site.toml",
        &config.replace("cards = false", "cards = false\ncite = false"),
    );
    site.build();
    assert!(cite_files(&site).is_empty());
    let html = site.read("public/essays/golden/index.html");
    assert!(block(&html).is_none());
}

// The number audit never reads the citation (its dates and hash are not the author's
// words), and still reads the title the citation repeats: an unbound number there fails
// the build at the title.
#[test]
fn the_number_audit_reads_the_title_not_the_citation() {
    let site = Site::fixture("cite/site");
    site.build();
    let essay = site.read("content/essays/about.md");
    site.write(
        "content/essays/about.md",
        &essay.replace("About this site", "About this site's 12 writers"),
    );
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr.contains("error: unbound number `12`")
            && run.stderr.contains("--> content/essays/about.md:2:"),
        "{}",
        run.stderr
    );
}
