//! Taxonomies: a list page, a page and a feed per term, linked from the pages that carry
//! them, checked for collisions and listed in the sitemap.

use crate::support::Site;

fn claim(file: &str, claimant: &str, verdict: &str, date: &str) -> String {
    format!(
        "+++\ntitle = \"{file}\"\ndate = {date}\n[claim]\ntext = \"it is so\"\nclaimant = \"{claimant}\"\nverdict = \"{verdict}\"\nas_of = 2025-01-01\nsources = [\"paper\"]\n+++\nWe looked.\n"
    )
}

fn site() -> Site {
    let site = Site::minimal();
    site.write(
        "site.toml",
        "title = \"Minimal\"\nbase_url = \"https://example.org/\"\n[facts]\nunbound_numbers = \"warn\"\n",
    );
    site.write(
        "content/sources.toml",
        "[[source]]\nid = \"paper\"\ntitle = \"The story\"\npublisher = \"The Paper\"\nurl = \"https://example.org/story\"\npublished = 2025-01-01\naccessed = 2025-01-02\nquote = \"It is so.\"\n",
    );
    site.write("content/essays/_index.md", "+++\ntitle = \"Essays\"\n+++\n");
    site.write(
        "content/essays/one.md",
        "+++\ntitle = \"One\"\ndate = 2025-02-01\ndescription = \"The first.\"\ntopics = [\"Chart methodology\", \"streaming\"]\n+++\nText.\n",
    );
    site.write(
        "content/essays/two.md",
        "+++\ntitle = \"Two\"\ndate = 2025-03-01\ntopics = [\"Streaming\"]\n+++\nText.\n",
    );
    site.write(
        "content/essays/undated.md",
        "+++\ntitle = \"Undated\"\ntopics = [\"streaming\"]\n+++\nText.\n",
    );
    site.write("content/claims/_index.md", "+++\ntitle = \"Claims\"\n+++\n");
    site.write(
        "content/claims/a.md",
        &claim("A", "Ann Example, in The Paper", "inaccurate", "2025-01-05"),
    );
    site.write(
        "content/claims/b.md",
        &claim("B", "Ann Example, in The Paper", "accurate", "2025-01-06"),
    );
    site
}

// Each term has a page listing its pages newest first (undated last), linked from the
// pages that carry it, and the list page counts each term's pages.
#[test]
fn topics_get_a_list_page_and_a_page_per_term() {
    let site = site();
    site.build();
    let list = site.read("public/topics/index.html");
    assert!(list.contains("<h1>Topics</h1>"), "{list}");
    assert!(
        list.contains(
            "<a href=\"streaming/\">streaming</a></h2>\n      <p class=\"byline\">3 pages</p>"
        ),
        "{list}"
    );
    assert!(
        list.contains("<a href=\"chart-methodology/\">Chart methodology</a></h2>\n      <p class=\"byline\">1 page</p>"),
        "{list}"
    );
    let term = site.read("public/topics/streaming/index.html");
    let two = term.find("../../essays/two/").expect("two listed");
    let one = term.find("../../essays/one/").expect("one listed");
    let undated = term.find("../../essays/undated/").expect("undated listed");
    assert!(
        two < one && one < undated,
        "newest first, undated last: {term}"
    );
    assert!(
        term.contains("<link rel=\"alternate\" type=\"application/atom+xml\"")
            && term.contains("href=\"atom.xml\""),
        "{term}"
    );
    let page = site.read("public/essays/one/index.html");
    assert!(
        page.contains("<li><a href=\"../../topics/chart-methodology/\" rel=\"tag\">Chart methodology</a></li><li><a href=\"../../topics/streaming/\" rel=\"tag\">streaming</a></li>"),
        "{page}"
    );
}

// A claim's claimant and verdict are taxonomies too, linked from the claim page.
#[test]
fn claims_are_browsed_by_claimant_and_verdict() {
    let site = site();
    site.build();
    let claimant = site.read("public/claimant/ann-example-in-the-paper/index.html");
    assert!(
        claimant.contains("<h1>Ann Example, in The Paper</h1>"),
        "{claimant}"
    );
    assert!(claimant.contains("../../claims/a/") && claimant.contains("../../claims/b/"));
    let verdict = site.read("public/verdict/inaccurate/index.html");
    assert!(
        verdict.contains("../../claims/a/") && !verdict.contains("../../claims/b/"),
        "{verdict}"
    );
    let verdicts = site.read("public/verdict/index.html");
    assert!(verdicts.contains("href=\"accurate/\"") && verdicts.contains("href=\"inaccurate/\""));
    let claim = site.read("public/claims/a/index.html");
    assert!(
        claim.contains("<a href=\"../../claimant/ann-example-in-the-paper/\" rel=\"tag\">Ann Example, in The Paper</a>"),
        "{claim}"
    );
    assert!(
        claim.contains(
            "<a href=\"../../verdict/inaccurate/\" rel=\"tag\">Every claim rated Inaccurate</a>"
        ),
        "{claim}"
    );
}

// Each term's feed carries its dated pages, newest first; the sitemap lists every
// taxonomy page; links in markdown to a term page are checked like any other.
#[test]
fn terms_have_feeds_and_are_in_the_sitemap() {
    let site = site();
    site.write(
        "content/about.md",
        "+++\ntitle = \"About\"\n+++\nSee [streaming](/topics/streaming/).\n",
    );
    site.build();
    let feed = site.read("public/topics/streaming/atom.xml");
    assert!(
        feed.contains("<title>Minimal: topic “streaming”</title>"),
        "{feed}"
    );
    let two = feed.find("https://example.org/essays/two/").expect("two");
    let one = feed.find("https://example.org/essays/one/").expect("one");
    assert!(two < one, "{feed}");
    assert!(
        !feed.contains("essays/undated/"),
        "undated pages have no feed date: {feed}"
    );
    let sitemap = site.read("public/sitemap.xml");
    for url in [
        "https://example.org/topics/",
        "https://example.org/topics/streaming/",
        "https://example.org/claimant/ann-example-in-the-paper/",
        "https://example.org/verdict/accurate/",
    ] {
        assert!(
            sitemap.contains(&format!("<loc>{url}</loc>")),
            "{url}: {sitemap}"
        );
    }
    assert!(!sitemap.contains("atom.xml"), "{sitemap}");
    let about = site.read("public/about/index.html");
    assert!(
        about.contains("<a href=\"../topics/streaming/\">streaming</a>"),
        "{about}"
    );

    site.write(
        "content/about.md",
        "+++\ntitle = \"About\"\n+++\nSee [nothing](/topics/nope/).\n",
    );
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr
            .contains("broken link `/topics/nope/`: nothing is published at `/topics/nope/`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("content/about.md:4:"), "{}", run.stderr);
}

// A term whose pages are all undated has an empty feed, dated by the site's last change
// (the newest date on any page), never 1970; and a site of many terms writes every term's
// page and feed, as it renders them.
#[test]
fn a_feed_of_undated_pages_is_dated_by_the_sites_last_change() {
    let site = site();
    site.write(
        "content/essays/undated.md",
        "+++\ntitle = \"Undated\"\ntopics = [\"drafting\"]\n+++\nText.\n",
    );
    for n in 0..60 {
        site.write(
            &format!("content/notes/n{n}.md"),
            &format!("+++\ntitle = \"Note {n}\"\ntopics = [\"term {n}\"]\n+++\nText.\n"),
        );
    }
    site.build();
    let feed = site.read("public/topics/drafting/atom.xml");
    assert!(
        feed.contains("<updated>2025-03-01T00:00:00Z</updated>") && !feed.contains("<entry>"),
        "{feed}"
    );
    for n in 0..60 {
        assert!(
            site.exists(&format!("public/topics/term-{n}/index.html")),
            "term {n}"
        );
        assert!(
            site.exists(&format!("public/topics/term-{n}/atom.xml")),
            "term {n}"
        );
    }
}

// `[taxonomies]` picks which taxonomies get pages and whether their terms get feeds;
// Zola's `[taxonomies] tags = [...]` in front matter works for a taxonomy it names.
#[test]
fn site_toml_chooses_taxonomies_and_feeds() {
    let site = site();
    site.write(
        "site.toml",
        "title = \"Minimal\"\nbase_url = \"https://example.org/\"\n[facts]\nunbound_numbers = \"warn\"\n[taxonomies]\ntopics = { feed = false }\ntags = {}\n",
    );
    site.write(
        "content/essays/tagged.md",
        "+++\ntitle = \"Tagged\"\n[taxonomies]\ntags = [\"Rust\", \"Web dev\"]\n+++\nText.\n",
    );
    site.build();
    assert!(site.exists("public/topics/streaming/index.html"));
    assert!(!site.exists("public/topics/streaming/atom.xml"));
    assert!(!site.exists("public/claimant"), "claimant is not listed");
    assert!(!site.exists("public/verdict"));
    let tags = site.read("public/tags/index.html");
    assert!(
        tags.contains("<h1>Tags</h1>") && tags.contains("href=\"web-dev/\""),
        "{tags}"
    );
    assert!(site.exists("public/tags/rust/atom.xml"));
    let page = site.read("public/claims/a/index.html");
    assert!(
        page.contains("<p class=\"claimant\">Ann Example, in The Paper"),
        "no link when the taxonomy is off: {page}"
    );
}

// A front matter taxonomy site.toml does not name is a located error.
#[test]
fn refuses_an_unknown_taxonomy_in_front_matter() {
    let site = site();
    site.write(
        "content/essays/tagged.md",
        "+++\ntitle = \"Tagged\"\n[taxonomies]\ntags = [\"Rust\"]\n+++\nText.\n",
    );
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr.starts_with(
            "error: `tags` is not a taxonomy of this site\n --> content/essays/tagged.md:4:1\n"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("help: add `tags = {}` under `[taxonomies]` in site.toml (it names: topics, claimant, verdict)"),
        "{}",
        run.stderr
    );
    assert!(!site.exists("public"), "nothing written");
}

// A page whose URL is a taxonomy page is refused by the one output check.
#[test]
fn a_page_cannot_take_a_taxonomy_url() {
    let site = site();
    site.write(
        "content/topics.md",
        "+++\ntitle = \"My topics\"\n+++\nText.\n",
    );
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr.starts_with("error: the page `content/topics.md` and the list of topics factsite generates would both be written to `topics/index.html`\n --> content/topics.md:2:1\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("help: give the page another `slug`"),
        "{}",
        run.stderr
    );
}
