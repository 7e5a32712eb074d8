//! `cached()`: fragments rendered once per key (Hugo's `partialCached`), as the default
//! theme renders its header and footer. What a reader gets must be what rendering the
//! fragment on each page would give: links that lead where they should from every depth,
//! and the current section marked.

use crate::support::Site;

/// Where `href`, written on the page at site path `page`, leads.
fn resolve(page: &str, href: &str) -> String {
    let (href, fragment) = href.split_once('#').map_or((href, ""), |(h, f)| (h, f));
    let mut parts: Vec<&str> = page[..=page.rfind('/').expect("a site path")]
        .split('/')
        .filter(|p| !p.is_empty())
        .collect();
    for part in href.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            name => parts.push(name),
        }
    }
    let mut out = format!("/{}", parts.join("/"));
    if (href.is_empty() || href.ends_with('/')) && out != "/" {
        out.push('/');
    }
    if !fragment.is_empty() {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

/// Two sections, one nested section and a top-level page, with the default templates.
pub fn site() -> Site {
    let site = Site::minimal();
    site.write("content/for/_index.md", "+++\ntitle = \"For\"\n+++\n");
    site.write(
        "content/for/reach.md",
        "+++\ntitle = \"Reach\"\n+++\nText.\n",
    );
    site.write("content/for/deep/_index.md", "+++\ntitle = \"Deep\"\n+++\n");
    site.write("content/for/deep/x.md", "+++\ntitle = \"X\"\n+++\nText.\n");
    site.write(
        "content/against/_index.md",
        "+++\ntitle = \"Against\"\n+++\n",
    );
    site.write("content/against/y.md", "+++\ntitle = \"Y\"\n+++\nText.\n");
    site.write("content/about.md", "+++\ntitle = \"About\"\n+++\nText.\n");
    site
}

/// The navigation's links on a built page: (href, whether marked current).
fn nav(html: &str) -> Vec<(String, bool)> {
    let start = html.find("<nav class=\"site-nav\"").expect("a navigation");
    let end = start + html[start..].find("</nav>").expect("its end");
    html[start..end]
        .split("<a href=\"")
        .skip(1)
        .map(|rest| {
            let href = rest[..rest.find('"').expect("end of href")].to_string();
            let tag = &rest[..rest.find('>').expect("end of tag")];
            (href, tag.contains("aria-current=\"page\""))
        })
        .collect()
}

// The header is rendered once per top-level section and folder, yet on every page, at
// every depth, each link leads to its section and exactly the section the page is in is
// marked current; the footer's links lead where they should too.
#[test]
fn the_cached_header_and_footer_are_right_on_every_page() {
    let site = site();
    site.build();
    let pages = [
        ("/", "index.html", None),
        ("/for/", "for/index.html", Some("/for/")),
        ("/for/reach/", "for/reach/index.html", Some("/for/")),
        ("/for/deep/", "for/deep/index.html", Some("/for/")),
        ("/for/deep/x/", "for/deep/x/index.html", Some("/for/")),
        ("/against/", "against/index.html", Some("/against/")),
        ("/against/y/", "against/y/index.html", Some("/against/")),
        ("/about/", "about/index.html", Some("/about/")),
    ];
    for (url, file, current) in pages {
        let html = site.read(&format!("public/{file}"));
        let links = nav(&html);
        let targets: Vec<String> = links.iter().map(|(href, _)| resolve(url, href)).collect();
        assert_eq!(
            targets,
            ["/about/", "/against/", "/for/"],
            "{url}: {links:?}"
        );
        let marked: Vec<String> = links
            .iter()
            .filter(|(_, current)| *current)
            .map(|(href, _)| resolve(url, href))
            .collect();
        assert_eq!(marked, current.into_iter().collect::<Vec<_>>(), "{url}");
        let title = html
            .split("<a class=\"site-title\" href=\"")
            .nth(1)
            .expect("the site title");
        assert_eq!(
            resolve(url, &title[..title.find('"').unwrap()]),
            "/",
            "{url}"
        );
        assert_eq!(
            title.contains("aria-current=\"page\">Minimal"),
            url == "/",
            "{url}"
        );
        let footer = &html[html.find("<footer").expect("a footer")..];
        let corrections = footer
            .split("<a href=\"")
            .nth(1)
            .expect("the corrections link");
        assert_eq!(
            resolve(url, &corrections[..corrections.find('"').unwrap()]),
            "/corrections/",
            "{url}"
        );
    }
    // The 404 page, served at any depth, links from the site root.
    let missing = site.read("public/404.html");
    assert!(
        missing.contains("<li><a href=\"/for/\">For</a></li>"),
        "{missing}"
    );
    assert!(missing.contains("<a href=\"/corrections/\">"), "{missing}");
}

// A fragment sees the site-wide variables and its key, so that one rendering is right
// for every page calling it with that key; one that reads the page is refused, naming
// the fragment, and the previous output stays.
#[test]
fn a_cached_fragment_sees_its_key_not_the_page() {
    let site = site();
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block main %}{{ cached(template=\"partials/tag.html\", key=top_path) }}{% endblock main %}",
    );
    site.write(
        "templates/partials/tag.html",
        "<p class=\"tag\">{{ key }} in {{ config.title }}: <a href=\"{{ url(path=key) }}\">up</a></p>",
    );
    site.build();
    let reach = site.read("public/for/reach/index.html");
    assert!(
        reach.contains("<p class=\"tag\">/for/ in Minimal: <a href=\"../\">up</a></p>"),
        "{reach}"
    );
    let y = site.read("public/against/y/index.html");
    assert!(y.contains("/against/ in Minimal"), "{y}");
    let before = site.tree("public");

    site.write("templates/partials/tag.html", "<p>{{ page.title }}</p>");
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr
            .contains("cached(template=\"partials/tag.html\")"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("not the page's"), "{}", run.stderr);
    assert!(run.stderr.contains("templates/page.html"), "{}", run.stderr);
    assert_eq!(site.tree("public"), before);

    // A partial that is not there is named as such, at the call.
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block main %}{{ cached(template=\"partials/nope.html\") }}{% endblock main %}",
    );
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr
            .contains("cached(): there is no template `partials/nope.html`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("templates/page.html:1:"),
        "{}",
        run.stderr
    );
    assert_eq!(site.tree("public"), before);
}
