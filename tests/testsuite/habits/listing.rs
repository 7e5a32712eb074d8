//! `sort_by` and `paginate_by` in a section's `_index.md`: the order of its listing, and
//! its listing split over `page/2/`, `page/3/` with a paginator and rel prev/next.

use crate::support::Site;

fn site(section_front: &str) -> Site {
    let site = Site::minimal();
    site.write(
        "content/essays/_index.md",
        &format!("+++\ntitle = \"Essays\"\n{section_front}+++\n"),
    );
    for (file, front) in [
        (
            "a.md",
            "title = \"Banana\"\ndate = 2025-01-03\nweight = 3\n",
        ),
        ("b.md", "title = \"apple\"\ndate = 2025-01-01\nweight = 1\n"),
        ("c.md", "title = \"Cherry\"\ndate = 2025-01-02\n"),
        ("d.md", "title = \"Date\"\nweight = 2\n"),
        ("e.md", "title = \"Elder\"\ndate = 2025-01-05\nweight = 5\n"),
    ] {
        site.write(
            &format!("content/essays/{file}"),
            &format!("+++\n{front}+++\nText.\n"),
        );
    }
    site
}

/// The order in which a listing page links the essays, by their file names.
fn order(html: &str) -> Vec<char> {
    let mut found: Vec<(usize, char)> = ['a', 'b', 'c', 'd', 'e']
        .into_iter()
        .filter_map(|c| html.find(&format!("href=\"{c}/\"")).map(|at| (at, c)))
        .collect();
    found.sort();
    found.into_iter().map(|(_, c)| c).collect()
}

// Each sort_by orders the section's listing as Zola does, except that pages without the
// key are listed last rather than dropped.
#[test]
fn sort_by_orders_the_listing() {
    for (sort_by, expected) in [
        ("date", vec!['e', 'a', 'c', 'b', 'd']),
        ("title", vec!['b', 'a', 'c', 'd', 'e']),
        ("weight", vec!['b', 'd', 'a', 'e', 'c']),
        ("none", vec!['a', 'b', 'c', 'd', 'e']),
    ] {
        let site = site(&format!("sort_by = \"{sort_by}\"\n"));
        site.build();
        let section = site.read("public/essays/index.html");
        assert_eq!(order(&section), expected, "sort_by = {sort_by}");
    }
}

// paginate_by splits the listing: page 1 at the section, page/2/ on, each linked to its
// neighbours (rel prev/next, in the head and in the page), page/1/ a redirect to the
// section, and every listing page in the sitemap.
#[test]
fn paginate_by_splits_the_listing() {
    let site = site("sort_by = \"date\"\npaginate_by = 2\n");
    site.build();
    let first = site.read("public/essays/index.html");
    assert_eq!(order(&first), ['e', 'a']);
    assert!(
        first.contains("<link rel=\"next\" href=\"page/2/\">"),
        "{first}"
    );
    assert!(!first.contains("rel=\"prev\""), "{first}");
    assert!(first.contains("<span>Page 1 of 3</span>"), "{first}");
    let second = site.read("public/essays/page/2/index.html");
    assert!(
        second.contains("href=\"../../c/\"") && second.contains("href=\"../../b/\""),
        "{second}"
    );
    assert!(!second.contains("href=\"../../e/\""), "{second}");
    assert!(
        second.contains("<link rel=\"prev\" href=\"../../\">"),
        "{second}"
    );
    assert!(
        second.contains("<link rel=\"next\" href=\"../3/\">"),
        "{second}"
    );
    assert!(
        second.contains("<a href=\"../3/\" rel=\"next\">Next page</a>"),
        "{second}"
    );
    assert!(
        second.contains("<link rel=\"canonical\" href=\"https://example.org/essays/page/2/\">"),
        "{second}"
    );
    assert!(
        first.contains("<link rel=\"canonical\" href=\"https://example.org/essays/\">"),
        "{first}"
    );
    let third = site.read("public/essays/page/3/index.html");
    assert!(
        third.contains("href=\"../../d/\"") && third.contains("<span>Page 3 of 3</span>"),
        "{third}"
    );
    assert!(!third.contains("rel=\"next\""), "{third}");
    assert!(!site.exists("public/essays/page/4/index.html"));
    let redirect = site.read("public/essays/page/1/index.html");
    assert!(redirect.contains("url=../../\""), "{redirect}");
    let sitemap = site.read("public/sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://example.org/essays/page/2/</loc>"),
        "{sitemap}"
    );
    assert!(
        sitemap.contains("<loc>https://example.org/essays/page/3/</loc>"),
        "{sitemap}"
    );
    assert!(!sitemap.contains("essays/page/1/"), "{sitemap}");
}

// The paginator object is there for a site's own section template (default order:
// weight, then newest date, then title).
#[test]
fn a_section_template_sees_the_paginator() {
    let site = site("paginate_by = 2\ntemplate = \"list.html\"\n");
    site.write(
        "templates/list.html",
        "{% extends \"base.html\" %}{% block main %}{{ paginator.current_index }}/{{ paginator.number_pagers }} by {{ paginator.paginate_by }} of {{ paginator.total_pages }}: {% for p in paginator.pages %}{{ p.title }} {% endfor %}first={{ paginator.first }} last={{ paginator.last }} base={{ paginator.base_url }}{% endblock main %}",
    );
    site.build();
    let second = site.read("public/essays/page/2/index.html");
    assert!(
        second.contains(
            "2/3 by 2 of 5: Banana Elder first=/essays/ last=/essays/page/3/ base=/essays/page/"
        ),
        "{second}"
    );
}

// sort_by or paginate_by on a page does nothing there: a located error.
#[test]
fn refuses_listing_keys_on_a_page() {
    let site = site("");
    site.write(
        "content/essays/f.md",
        "+++\ntitle = \"F\"\npaginate_by = 3\n+++\n",
    );
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr.starts_with("error: `paginate_by` belongs in a section's `_index.md`\n --> content/essays/f.md:3:1\n"),
        "{}",
        run.stderr
    );
    site.write(
        "content/essays/f.md",
        "+++\ntitle = \"F\"\nsort_by = \"slug\"\n+++\n",
    );
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr
            .contains("unknown variant `slug`, expected one of `date`, `title`, `weight`, `none`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/essays/f.md:3:11"),
        "{}",
        run.stderr
    );
}

// A page where a listing page goes is refused by the one output check.
#[test]
fn a_page_cannot_take_a_listing_pages_path() {
    let site = site("paginate_by = 2\n");
    site.write(
        "content/essays/page/_index.md",
        "+++\ntitle = \"Pages\"\n+++\n",
    );
    site.write("content/essays/page/2.md", "+++\ntitle = \"Two\"\n+++\n");
    let run = site.run(&["build"]).failure();
    assert!(
        run.stderr.contains("page 2 of the listing of `content/essays/_index.md` would both be written to `essays/page/2/index.html`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/essays/page/2.md:2:1"),
        "{}",
        run.stderr
    );
}
