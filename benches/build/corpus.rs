//! A synthetic site: N pages of about 600 words in S sections, M chart datasets with
//! sources and claims, written for factsite and, without shortcodes, for Hugo and Zola.

use std::fmt::Write as _;
use std::path::Path;

/// The size of the corpus.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub pages: usize,
    pub charts: usize,
    /// Top-level sections the pages are spread over.
    pub sections: usize,
}
const WORDS: &[&str] = &[
    "chart",
    "week",
    "song",
    "album",
    "stream",
    "radio",
    "listener",
    "soundtrack",
    "number",
    "position",
    "debut",
    "peak",
    "record",
    "label",
    "fans",
    "platform",
    "playlist",
    "culture",
    "export",
    "market",
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "on",
    "for",
    "with",
    "as",
    "it",
    "was",
    "its",
    "by",
    "from",
    "that",
    "this",
    "when",
    "after",
    "before",
    "while",
    "more",
    "than",
    "most",
    "many",
    "each",
    "every",
    "global",
    "local",
    "studio",
    "artist",
    "singer",
    "producer",
    "film",
    "viewer",
    "report",
    "source",
];

/// A deterministic pseudo-random sequence (a linear congruential generator).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(self.0 >> 33).unwrap_or(0)
    }

    fn word(&mut self) -> &'static str {
        WORDS[self.next() % WORDS.len()]
    }
}

fn paragraph(rng: &mut Rng, words: usize) -> String {
    let mut out = String::new();
    for i in 0..words {
        let word = rng.word();
        if i == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.push(first.to_ascii_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(word);
        }
        if i % 17 == 16 && i + 1 < words {
            out.push('.');
        }
    }
    out.push('.');
    out
}

/// The position of entry `e` of chart `c` in week `w` (1..=100).
fn position(c: usize, e: usize, w: usize) -> usize {
    let base = 5 + (c * 7 + e * 13) % 60;
    let wobble = (w * 3 + c + e) % 9;
    (base + wobble).saturating_sub(w.min(base - 1)).max(1)
}

fn write(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("create dir");
    std::fs::write(path, text).expect("write corpus file");
}

fn date(week: usize) -> String {
    // Saturdays from 2025-01-04.
    let days = 20_092 + 7 * i64::try_from(week).unwrap_or(0);
    civil(days)
}

fn civil(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Templates as trivial as the ones the Hugo corpus gets, so the two builds do the same work.
pub fn trivial_templates(root: &Path) {
    let base = "<!doctype html><html><head><title>{{ page.title }}</title></head><body>{% block main %}{% endblock main %}</body></html>\n";
    // The one thing beyond Hugo's trivial templates: the list of a page's sources, which
    // its citations (`[@src-0]`) link to, and without which the build refuses the page.
    let page = "{% extends \"base.html\" %}{% block main %}<h1>{{ page.title }}</h1>{{ page.content | safe }}{% if page.references %}<ol>{% for source in page.references %}<li id=\"ref-{{ source.id }}\">{{ source.title }}</li>{% endfor %}</ol>{% endif %}{% endblock main %}\n";
    let list = "{% extends \"base.html\" %}{% block main %}<h1>{{ page.title }}</h1>{{ page.content | safe }}<ul>{% for item in page.pages %}<li><a href=\"{{ url(path=item.path) }}\">{{ item.title }}</a></li>{% endfor %}</ul>{% endblock main %}\n";
    write(root, "templates/base.html", base);
    write(root, "templates/page.html", page);
    write(root, "templates/section.html", list);
    write(root, "templates/index.html", list);
}

/// Writes the factsite corpus's `site.toml`.
pub fn config(root: &Path) {
    write(
        root,
        "site.toml",
        // The generated words number their pages ("Page 12"); the audit still reads every
        // number, and lists rather than refuses them. No social cards: Zola and Hugo draw
        // no images, so the comparison stays like for like.
        "title = \"Benchmark\"\nbase_url = \"https://example.org/\"\n\n[facts]\nunbound_numbers = \"warn\"\n\n[share]\ncards = false\n",
    );
}

/// Writes the factsite corpus.
pub fn factsite(root: &Path, size: Size) {
    config(root);
    write(
        root,
        "content/_index.md",
        "+++\ntitle = \"Benchmark\"\n+++\nA generated site.\n",
    );
    let mut sources = String::new();
    for s in 0..size.sections {
        let _ = write!(
            sources,
            "[[source]]\nid = \"src-{s}\"\ntitle = \"Report {s}\"\npublisher = \"Wire\"\nurl = \"https://example.org/report/{s}\"\npublished = 2025-01-01\naccessed = 2026-11-21\nquote = \"the words of report {s}\"\n\n"
        );
    }
    write(root, "content/sources.toml", &sources);
    for c in 0..size.charts {
        write(
            root,
            &format!("content/charts/chart-{c}.toml"),
            &chart(c, size.sections),
        );
    }
    if size.charts > 0 {
        write(
            root,
            "content/charts/_index.md",
            "+++\ntitle = \"Charts\"\n+++\n",
        );
        write(
            root,
            "content/claims/_index.md",
            "+++\ntitle = \"Claims\"\n+++\n",
        );
        for c in 0..size.charts {
            let peak = (0..26).map(|w| position(c, 0, w)).min().unwrap_or(1);
            write(
                root,
                &format!("content/claims/claim-{c}.md"),
                &format!(
                    "+++\ntitle = \"Claim {c}\"\n[claim]\ntext = \"Entry one of chart {c} peaked at No. {peak}.\"\nclaimant = \"A report\"\nverdict = \"accurate\"\nas_of = {}\nsources = [\"src-{}\"]\n[[claim.check]]\nstat = \"chart-{c}/e0/peak\"\nexpect = {peak}\n+++\nIt did[@src-{}].\n",
                    date(25),
                    c % size.sections,
                    c % size.sections
                ),
            );
        }
    }
    sections_and_pages(root, size, true);
}

/// Writes the same pages for Hugo, without factsite's shortcodes and citations.
pub fn hugo(root: &Path, size: Size) {
    write(
        root,
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ntitle = \"Benchmark\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\", \"404\"]\n",
    );
    write(
        root,
        "layouts/_default/baseof.html",
        "<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>\n",
    );
    write(
        root,
        "layouts/_default/single.html",
        "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n",
    );
    write(
        root,
        "layouts/_default/list.html",
        "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
    );
    write(
        root,
        "content/_index.md",
        "+++\ntitle = \"Benchmark\"\n+++\nA generated site.\n",
    );
    sections_and_pages(root, size, false);
}

/// Writes the same pages for Zola, with templates as trivial as the others get.
pub fn zola(root: &Path, size: Size) {
    write(
        root,
        "config.toml",
        "base_url = \"https://example.org\"\ntitle = \"Benchmark\"\ncompile_sass = false\nbuild_search_index = false\ngenerate_feeds = false\n",
    );
    let base = "<!doctype html><html><head><title>{% block title %}{{ config.title }}{% endblock title %}</title></head><body>{% block main %}{% endblock main %}</body></html>\n";
    let page = "{% extends \"base.html\" %}{% block title %}{{ page.title }}{% endblock title %}{% block main %}<h1>{{ page.title }}</h1>{{ page.content | safe }}{% endblock main %}\n";
    let list = "{% extends \"base.html\" %}{% block title %}{{ section.title }}{% endblock title %}{% block main %}<h1>{{ section.title }}</h1>{{ section.content | safe }}<ul>{% for item in section.pages %}<li><a href=\"{{ item.permalink }}\">{{ item.title }}</a></li>{% endfor %}</ul>{% endblock main %}\n";
    write(root, "templates/base.html", base);
    write(root, "templates/page.html", page);
    write(root, "templates/section.html", list);
    write(root, "templates/index.html", list);
    write(
        root,
        "content/_index.md",
        "+++\ntitle = \"Benchmark\"\n+++\nA generated site.\n",
    );
    sections_and_pages(root, size, false);
}

/// The section indexes and the pages, with factsite's shortcodes and citations or without.
fn sections_and_pages(root: &Path, size: Size, factsite: bool) {
    for s in 0..size.sections {
        write(
            root,
            &format!("content/{}/_index.md", section_dir(s)),
            &format!("+++\ntitle = \"Section {s}\"\nweight = {s}\n+++\n"),
        );
    }
    for p in 0..size.pages {
        write(root, &page_path(p, size), &page(p, size, factsite));
    }
}

fn section_dir(s: usize) -> String {
    format!("s{s:02}")
}

/// The file of page `p`.
pub fn page_path(p: usize, size: Size) -> String {
    format!("content/{}/p{p}.md", section_dir(p % size.sections))
}

fn page(p: usize, size: Size, factsite: bool) -> String {
    let mut rng = Rng(p as u64 + 1);
    let section = p % size.sections;
    let mut out = format!(
        "+++\ntitle = \"Page {p}\"\ndescription = \"Generated page {p} in section {section}.\"\ndate = {}\nweight = {}\n+++\n",
        date(p % 52),
        p / size.sections
    );
    for h in 1..=3 {
        let _ = writeln!(out, "## Heading {h}\n");
        for _ in 0..3 {
            out.push_str(&paragraph(&mut rng, 65));
            out.push_str("\n\n");
        }
    }
    if p >= size.sections {
        let _ = writeln!(
            out,
            "See [the page before](p{}.md#heading-2).\n",
            p - size.sections
        );
    }
    if factsite && size.charts > 0 {
        let c = p % size.charts;
        let peak = (0..26).map(|w| position(c, 1, w)).min().unwrap_or(1);
        let _ = writeln!(
            out,
            "Entry two of chart {c} peaked at No. {{{{ fact({peak}, \"chart-{c}/e1/peak\") }}}}[@src-{section}].\n"
        );
    } else {
        let _ = writeln!(out, "A closing paragraph with a number, 42.\n");
    }
    out
}

fn chart(c: usize, sections: usize) -> String {
    let mut out = format!(
        "title = \"Chart {c}\"\npublisher = \"Publisher\"\npositions = 100\ndated = \"Saturday issue date\"\n"
    );
    for e in 0..3 {
        let _ = write!(
            out,
            "\n[[entry]]\nid = \"e{e}\"\ntitle = \"Song {c}-{e}\"\nartist = \"Artist {e}\"\nstarts_at_debut = true\nweeks = [\n"
        );
        for w in 0..26 {
            let _ = writeln!(
                out,
                "  {{ date = {}, pos = {}, source = \"src-{}\" }},",
                date(w),
                position(c, e, w),
                (c + w) % sections
            );
        }
        out.push_str("]\n");
    }
    out
}
