//! `factsite build` on a small fixture site: URLs, links, listings, feeds, determinism.

use crate::support::{Site, urls_in};

// Pretty URLs, generated files and the one-line summary a user sees.
#[test]
fn builds_pretty_urls_and_generated_files() {
    let site = Site::fixture("build/site");
    let run = site.build();
    assert!(
        run.stdout
            .starts_with("Built 4 pages, 3 sections, 0 charts, 0 claims and 0 sources in "),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.trim_end().ends_with("ms into [ROOT]/public"),
        "{}",
        run.stdout
    );
    for file in [
        "public/index.html",
        "public/about/index.html",
        "public/for/index.html",
        "public/for/first/index.html",
        "public/for/second/index.html",
        "public/against/only/index.html",
        "public/for/chart.svg",
        "public/sitemap.xml",
        "public/atom.xml",
        "public/robots.txt",
        "public/404.html",
    ] {
        assert!(site.exists(file), "{file} missing");
    }
    assert!(
        !site.exists("public/for/draft/index.html"),
        "drafts are not built"
    );
}

// Every link is relative, so the site works under any subpath and from any static host.
#[test]
fn writes_only_relative_internal_links() {
    let site = Site::fixture("build/site");
    site.build();
    let first = site.read("public/for/first/index.html");
    assert!(
        first.contains("<a href=\"../second/\">the second</a>"),
        "{first}"
    );
    assert!(
        first.contains("<a href=\"../../against/only/#the-case\">the case against</a>"),
        "{first}"
    );
    let home = site.read("public/index.html");
    assert!(
        home.contains("<a href=\"for/first/#why-it-matters\">the first essay</a>"),
        "{home}"
    );
    assert!(
        home.contains("<img src=\"for/chart.svg\" alt=\"A chart\" />"),
        "{home}"
    );
    for (name, bytes) in site.tree("public") {
        if !name.ends_with(".html") || name == "404.html" {
            continue;
        }
        for url in urls_in(&String::from_utf8(bytes).expect("utf-8")) {
            let absolute_allowed = url.starts_with("https://example.org/sub/");
            assert!(
                !url.starts_with('/') || absolute_allowed,
                "{name}: root-absolute link {url}"
            );
        }
    }
}

// The 404 page is served at any depth, so its links start at the base path.
#[test]
fn links_the_404_page_from_the_base_path() {
    let site = Site::fixture("build/site");
    site.build();
    let page = site.read("public/404.html");
    assert!(page.contains("<a href=\"/sub/\">Home</a>"), "{page}");
    assert!(page.contains("href=\"/sub/style."), "{page}");
}

// base_url is used only where an absolute URL is required, and --base-url overrides it.
#[test]
fn uses_base_url_only_for_absolute_urls() {
    let site = Site::fixture("build/site");
    site.run(&["build", "--base-url", "https://mirror.example.net/kpdh"])
        .success();
    let first = site.read("public/for/first/index.html");
    assert!(
        first.contains(
            "<link rel=\"canonical\" href=\"https://mirror.example.net/kpdh/for/first/\">"
        ),
        "{first}"
    );
    let sitemap = site.read("public/sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://mirror.example.net/kpdh/for/first/</loc>"),
        "{sitemap}"
    );
    assert!(
        sitemap.contains("<lastmod>2025-07-05</lastmod>"),
        "{sitemap}"
    );
    assert_eq!(
        site.read("public/robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://mirror.example.net/kpdh/sitemap.xml\n"
    );
}

// The feed lists dated pages newest first, with absolute links and content that resolves.
#[test]
fn writes_an_atom_feed_of_dated_pages() {
    let site = Site::fixture("build/site");
    site.build();
    let feed = site.read("public/atom.xml");
    let order: Vec<usize> = ["Only essay against", "Second essay", "First essay"]
        .iter()
        .map(|title| feed.find(&format!("<title>{title}</title>")).expect(title))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{feed}");
    assert!(
        feed.contains("<updated>2025-09-01T00:00:00Z</updated>"),
        "{feed}"
    );
    assert!(feed.contains("<title>Fixture &amp; Co</title>"), "{feed}");
    assert!(
        feed.contains("xml:base=\"https://example.org/sub/for/first/\""),
        "{feed}"
    );
}

// Sections list their pages by weight, then date, then title; templates see config.extra.
#[test]
fn orders_section_listings_by_weight() {
    let site = Site::fixture("build/site");
    site.build();
    let section = site.read("public/for/index.html");
    let second = section.find(">Second essay<").expect("second");
    let first = section.find(">First essay<").expect("first");
    assert!(second < first, "{section}");
    assert!(!section.contains("Unfinished"));
    assert!(section.contains("<p class=\"tagline\">from site.toml</p>"));
    let nav = site.read("public/index.html");
    assert!(nav.contains("<nav><a href=\"for/\">For</a> <a href=\"against/\">Against</a> <a href=\"about/\">About</a> </nav>"), "{nav}");
}

// Drafts build with --drafts.
#[test]
fn includes_drafts_on_request() {
    let site = Site::fixture("build/site");
    site.run(&["build", "--drafts"]).success();
    assert!(
        site.read("public/for/draft/index.html")
            .contains("Unfinished")
    );
}

// Theme files get content-hashed names, and templates reference them through asset().
#[test]
fn fingerprints_theme_files() {
    let site = Site::fixture("build/site");
    site.build();
    let names: Vec<String> = site
        .tree("public")
        .into_keys()
        .filter(|n| n.starts_with("style."))
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].len() == "style.0123456789.css".len(), "{names:?}");
    assert!(
        site.read("public/index.html")
            .contains(&format!("href=\"{}\"", names[0]))
    );
    assert!(
        site.tree("public").keys().any(|k| k.starts_with("print.")),
        "default theme files fill the gaps"
    );
    site.write("theme/style.css", "body { font-family: sans-serif; }\n");
    site.build();
    let renamed: Vec<String> = site
        .tree("public")
        .into_keys()
        .filter(|n| n.starts_with("style."))
        .collect();
    assert_ne!(renamed, names, "a changed file gets a new name");
}

// Two builds of the same input are byte-identical.
#[test]
fn builds_deterministically() {
    let site = Site::fixture("build/site");
    site.build();
    let first = site.tree("public");
    site.build();
    assert_eq!(site.tree("public"), first);
}

// --quiet prints nothing on success.
#[test]
fn quiet_prints_nothing() {
    let site = Site::fixture("build/site");
    let run = site.run(&["build", "--quiet"]).success();
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""));
}

// A site without templates/ or theme/ builds with the defaults.
#[test]
fn builds_with_default_templates_and_theme() {
    let site = Site::minimal();
    site.build();
    let home = site.read("public/index.html");
    assert!(home.contains("<title>Minimal</title>"), "{home}");
    assert!(home.contains("<p>Hello.</p>"), "{home}");
}

// Windows line endings, a byte order mark and unicode titles and slugs all work.
#[test]
fn accepts_crlf_bom_and_unicode() {
    let site = Site::minimal();
    site.write_bytes(
        "content/über.md",
        "\u{FEFF}+++\r\ntitle = \"Über “Golden”\"\r\n+++\r\n## Ärger\r\n\r\nText [home](/).\r\n"
            .as_bytes(),
    );
    site.write(
        "content/_index.md",
        "+++\ntitle = \"Home\"\n+++\n[Über](über.md#ärger)\n",
    );
    site.build();
    let page = site.read("public/über/index.html");
    assert!(page.contains("<h1>Über “Golden”</h1>"), "{page}");
    assert!(page.contains("<h2 id=\"ärger\">"), "{page}");
    assert!(
        site.read("public/index.html")
            .contains("<a href=\"%C3%BCber/#%C3%A4rger\">Über</a>")
    );
}

// A page's absolute URL is one URL everywhere a machine reads it: canonical link, Open
// Graph, sitemap and feed all percent-encode a non-ASCII slug the same way.
#[test]
fn a_non_ascii_slug_has_one_absolute_url_everywhere() {
    let site = Site::minimal();
    site.write("content/essays/_index.md", "+++\ntitle = \"Essays\"\n+++\n");
    site.write(
        "content/essays/uber.md",
        "+++\ntitle = \"Über\"\nslug = \"über\"\ndate = 2025-07-05\n+++\nText.\n",
    );
    site.build();
    let url = "https://example.org/essays/%C3%BCber/";
    let page = site.read("public/essays/über/index.html");
    assert!(
        page.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")),
        "{page}"
    );
    assert!(
        page.contains(&format!("<meta property=\"og:url\" content=\"{url}\">")),
        "{page}"
    );
    let sitemap = site.read("public/sitemap.xml");
    assert!(sitemap.contains(&format!("<loc>{url}</loc>")), "{sitemap}");
    let feed = site.read("public/atom.xml");
    assert!(feed.contains(&format!("<id>{url}</id>")), "{feed}");
    assert!(!format!("{page}{sitemap}{feed}").contains("essays/über/\""));
}

// The default theme's menu lists at most twelve of the home page's sections, then links
// to the home page's list of them all, so a page's size does not grow with the site's.
#[test]
fn the_default_menu_stops_at_twelve_sections() {
    let site = Site::minimal();
    for (s, letter) in ('a'..='o').enumerate() {
        site.write(
            &format!("content/s{s:02}/_index.md"),
            &format!("+++\ntitle = \"Section {letter}\"\nweight = {s}\n+++\n"),
        );
    }
    site.build();
    let page = site.read("public/s03/index.html");
    let menu = &page[page.find("<nav class=\"site-nav\"").expect("menu")..];
    let menu = &menu[..menu.find("</nav>").expect("end of menu")];
    assert_eq!(menu.matches("<li>").count(), 13, "{menu}");
    assert!(
        menu.contains(">Section l</a>") && !menu.contains(">Section m</a>"),
        "{menu}"
    );
    assert!(
        menu.contains("<a href=\"../#sections\">All sections</a>"),
        "{menu}"
    );
    let home = site.read("public/index.html");
    assert!(home.contains("id=\"sections\""), "{home}");
    assert_eq!(home.matches("class=\"card-title\"").count(), 15);
    let small = Site::minimal();
    small.write("content/a/_index.md", "+++\ntitle = \"A\"\n+++\n");
    small.build();
    assert!(!small.read("public/index.html").contains("All sections"));
}
