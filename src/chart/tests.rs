//! Tests of the chart module: small datasets, SVG snapshots, and the properties a reader
//! relies on (honest gaps, tooltips, no overlapping text, safe escaping, stable bytes).

use super::*;
use crate::{dataset, escape};

const SOURCES: &str = r#"
[[source]]
id = "yonhap"
title = "Seven songs storm the Hot 100"
publisher = "TopNews"
original_publisher = "Yonhap"
url = "https://example.org/yonhap?a=1&b=2"
published = 2025-07-08
accessed = 2026-11-21

[[source]]
id = "billboard"
title = "Billboard Hot 100"
publisher = "Billboard"
url = "https://example.org/billboard"
published = 2025-07-01
accessed = 2026-11-21

[[source]]
id = "hypebeast"
title = "Platz 8"
publisher = "Hypebeast"
url = "https://example.org/hypebeast"
published = "undated"
accessed = 2026-11-21
"#;

const HEAD: &str = r#"title = "Billboard Hot 100"
publisher = "Billboard"
positions = 100
dated = "Saturday issue date"
"#;

/// One entry: a debut, a climb and two weeks at No. 1, stated and derived.
const SINGLE: &str = r#"
[[entry]]
id = "golden"
title = "Golden"
artist = "HUNTR/X"
starts_at_debut = true
weeks = [
  { date = 2025-07-05, pos = 81, source = "yonhap", basis = "derived" },
  { date = 2025-07-12, pos = 23, source = "yonhap" },
  { date = 2025-07-19, pos = 6, source = "billboard" },
  { date = 2025-07-26, pos = 1, source = "billboard" },
  { date = 2025-08-02, pos = 1, source = "billboard", basis = "derived" },
  { date = 2025-08-09, pos = 2, source = "billboard" },
]
"#;

/// Three entries with unknown weeks, one week unknown for all of them.
const GAPS: &str = r#"
[[entry]]
id = "golden"
title = "Golden"
artist = "HUNTR/X"
starts_at_debut = true
weeks = [
  { date = 2025-07-05, pos = 81, source = "yonhap", basis = "derived" },
  { date = 2025-07-12, pos = 23, source = "yonhap" },
  { date = 2025-07-26, pos = 4, source = "billboard" },
  { date = 2025-08-02, pos = 2, source = "billboard" },
  { date = 2025-08-23, pos = 1, source = "billboard" },
]

[[entry]]
id = "soda-pop"
title = "Soda Pop"
artist = "Saja Boys"
starts_at_debut = true
weeks = [
  { date = 2025-07-12, pos = 49, source = "yonhap" },
  { date = 2025-07-26, pos = 30, source = "billboard" },
  { date = 2025-08-02, pos = 21, source = "billboard", basis = "derived" },
  { date = 2025-08-23, pos = 10, source = "billboard" },
]

[[entry]]
id = "your-idol"
title = "Your Idol"
artist = "Saja Boys"
weeks = [
  { date = 2025-07-05, pos = 77, source = "yonhap", basis = "derived" },
  { date = 2025-07-12, pos = 31, source = "yonhap" },
  { date = 2025-08-02, pos = 12, source = "billboard" },
  { date = 2025-08-09, pos = 9, source = "billboard" },
]
"#;

/// Off-chart weeks, then unknown weeks, then a re-entry.
const OFF: &str = r#"
[[entry]]
id = "takedown"
title = "Takedown"
artist = "HUNTR/X"
starts_at_debut = true
weeks = [
  { date = 2025-07-05, pos = 40, source = "billboard" },
  { date = 2025-07-12, pos = 60, source = "billboard" },
  { date = 2025-07-19, pos = "off", source = "billboard" },
  { date = 2025-07-26, pos = "off", source = "billboard", basis = "derived" },
  { date = 2025-08-16, pos = 45, source = "billboard" },
  { date = 2025-08-23, pos = 50, source = "billboard" },
]
"#;

/// Sources disagree: No. 10 against No. 8, and No. 12 against off the chart.
const CONFLICT: &str = r#"
[[entry]]
id = "how-its-done"
title = "How It's Done"
artist = "HUNTR/X"
weeks = [
  { date = 2025-09-06, pos = 9, source = "yonhap", basis = "derived" },
  { date = 2025-09-13, pos = 8, source = "billboard" },
  { date = 2025-09-20, pos = 10, source = "yonhap", conflict = [{ pos = 8, source = "hypebeast" }] },
  { date = 2025-09-27, pos = 12, source = "billboard", conflict = [{ pos = "off", source = "hypebeast" }] },
]
"#;

/// Two entries ending in the same week at adjacent positions.
const COLLIDE: &str = r#"
[[entry]]
id = "soda-pop"
title = "Soda Pop"
artist = "Saja Boys"
weeks = [
  { date = 2025-08-02, pos = 21, source = "billboard" },
  { date = 2025-08-09, pos = 12, source = "billboard" },
  { date = 2025-08-16, pos = 5, source = "billboard" },
]

[[entry]]
id = "your-idol"
title = "Your Idol"
artist = "Saja Boys"
weeks = [
  { date = 2025-08-02, pos = 12, source = "billboard" },
  { date = 2025-08-09, pos = 9, source = "billboard" },
  { date = 2025-08-16, pos = 6, source = "billboard" },
]
"#;

/// Text that must be escaped, and a title a spreadsheet would run as a formula.
const HOSTILE: &str = r#"
[[entry]]
id = "remix"
title = "Ain't <It> & \"Fun\""
artist = "A&B <script>"
weeks = [
  { date = 2025-07-05, pos = 3, source = "billboard" },
  { date = 2025-07-12, pos = 2, source = "billboard" },
]

[[entry]]
id = "formula"
title = "=cmd|' /C calc'!A0"
artist = "@evil"
weeks = [
  { date = 2025-07-05, pos = 50, source = "billboard" },
]
"#;

struct Fixture {
    bibliography: Bibliography,
    dataset: Dataset,
}

impl Fixture {
    fn new(entries: &str) -> Self {
        Self::with_head(HEAD, entries)
    }

    fn with_head(head: &str, entries: &str) -> Self {
        let bibliography = Bibliography::parse("sources.toml", SOURCES.to_string()).unwrap();
        let text = format!("{head}{entries}");
        let dataset = dataset::parse("hot-100", "hot-100.toml", text, &bibliography).unwrap();
        Self {
            bibliography,
            dataset,
        }
    }

    /// Every entry, in file order.
    fn spec(&self, title: &str) -> Spec<'_> {
        Spec {
            dataset: &self.dataset,
            entries: self.dataset.entries.iter().collect(),
            from: None,
            to: None,
            title: title.to_string(),
            id: "chart-1".to_string(),
            bibliography: &self.bibliography,
        }
    }
}

/// One element per line, so that snapshot diffs are readable.
fn lines(svg: &str) -> String {
    svg.replace("><", ">\n<")
}

/// Every start tag of element `name`.
fn tags<'s>(svg: &'s str, name: &str) -> Vec<&'s str> {
    let open = format!("<{name} ");
    svg.match_indices(&open)
        .map(|(i, _)| &svg[i..i + svg[i..].find('>').unwrap() + 1])
        .collect()
}

/// The value of attribute `name` in a start tag.
fn attr<'s>(tag: &'s str, name: &str) -> Option<&'s str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    Some(&tag[start..start + tag[start..].find('"')?])
}

// The SVG of a single run: line, markers, No. 1 band and note, peak, label.
#[test]
fn snapshot_single_run() {
    let fixture = Fixture::new(SINGLE);
    let spec = fixture.spec("Golden climbs to No. 1");
    insta::assert_snapshot!("single_run_wide", lines(&svg(&spec, Layout::Wide)));
    insta::assert_snapshot!("single_run_narrow", lines(&svg(&spec, Layout::Narrow)));
}

// Several entries broken at their unknown weeks, with a hatched band where none has data.
#[test]
fn snapshot_entries_with_gaps() {
    let fixture = Fixture::new(GAPS);
    let svg = svg(&fixture.spec("Three songs climb"), Layout::Wide);
    insta::assert_snapshot!("entries_with_gaps", lines(&svg));
}

// Off-chart weeks as × on their own row; unknown weeks as a hatched "no data" band.
#[test]
fn snapshot_unknown_versus_off() {
    let fixture = Fixture::new(OFF);
    let svg = svg(
        &fixture.spec("Takedown drops out and returns"),
        Layout::Wide,
    );
    insta::assert_snapshot!("unknown_versus_off", lines(&svg));
}

// A conflict: a ring on the drawn week, a dashed ghost at the other source's position.
#[test]
fn snapshot_conflict() {
    let fixture = Fixture::new(CONFLICT);
    let svg = svg(&fixture.spec("Sources disagree"), Layout::Wide);
    insta::assert_snapshot!("conflict", lines(&svg));
}

// Two labels that would collide are stacked apart.
#[test]
fn snapshot_colliding_labels() {
    let fixture = Fixture::new(COLLIDE);
    let svg = svg(&fixture.spec("Neck and neck"), Layout::Wide);
    insta::assert_snapshot!("colliding_labels", lines(&svg));
}

// Titles with markup characters come out escaped.
#[test]
fn snapshot_hostile_text() {
    let fixture = Fixture::new(HOSTILE);
    let svg = svg(
        &fixture.spec("Why <b>this</b> & \"that\" won't break"),
        Layout::Wide,
    );
    insta::assert_snapshot!("hostile_text", lines(&svg));
}

fn all_fixtures() -> Vec<Fixture> {
    [SINGLE, GAPS, OFF, CONFLICT, COLLIDE, HOSTILE]
        .into_iter()
        .map(Fixture::new)
        .collect()
}

// The picture scales with its container: a viewBox, no fixed size; narrow text stays big.
#[test]
fn sizes_by_view_box_only() {
    for fixture in all_fixtures() {
        for layout in [Layout::Wide, Layout::Narrow] {
            let svg = svg(&fixture.spec("T"), layout);
            let root = tags(&svg, "svg")[0];
            assert!(attr(root, "viewBox").is_some(), "{root}");
            assert!(
                attr(root, "width").is_none() && attr(root, "height").is_none(),
                "{root}"
            );
        }
    }
    let narrow = svg(&Fixture::new(SINGLE).spec("T"), Layout::Narrow);
    assert!(narrow.contains("viewBox=\"0 0 360 "));
    assert!(narrow.contains(".fs-chart--narrow text{font-size:14px}"));
}

// role="img" with aria-labelledby pointing at the <title> and <desc>; ids unique in a figure.
#[test]
fn names_the_picture_accessibly() {
    let fixture = Fixture::new(GAPS);
    let spec = fixture.spec("Three songs climb");
    let svg = svg(&spec, Layout::Wide);
    let root = tags(&svg, "svg")[0];
    assert_eq!(attr(root, "role"), Some("img"));
    let ids: Vec<&str> = attr(root, "aria-labelledby").unwrap().split(' ').collect();
    assert_eq!(ids, ["chart-1-wide-title", "chart-1-wide-desc"]);
    assert!(svg.contains("<title id=\"chart-1-wide-title\">Three songs climb</title>"));
    let desc = format!(
        "<desc id=\"chart-1-wide-desc\">{}</desc>",
        escape::xml(&describe(&spec))
    );
    assert!(svg.contains(&desc));
    let figure = figure(&spec, "hot-100.csv");
    let mut ids: Vec<&str> = figure
        .match_indices(" id=\"")
        .map(|(i, _)| {
            let rest = &figure[i + 5..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "duplicate ids: {ids:?}");
    for id in [
        "chart-1-narrow-title",
        "chart-1-narrow-desc",
        "chart-1-wide-hatch",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
}

// Every drawn week (on, off or a conflicting source) carries a tooltip naming its source.
#[test]
fn gives_every_point_a_tooltip() {
    for fixture in all_fixtures() {
        let spec = fixture.spec("T");
        let svg = svg(&spec, Layout::Wide);
        let on: usize = spec
            .entries
            .iter()
            .map(|e| e.weeks.iter().filter(|w| w.pos.rank().is_some()).count())
            .sum();
        for class in ["pt ", "off", "ghost"] {
            let open = format!("<g class=\"{class}");
            for (i, _) in svg.match_indices(&open) {
                let rest = &svg[i..];
                let title = rest.find("<title>").unwrap();
                assert!(title < rest.find("</g>").unwrap(), "{}", &rest[..200]);
            }
        }
        assert_eq!(svg.matches("<g class=\"pt ").count(), on);
    }
    let svg = svg(&Fixture::new(SINGLE).spec("T"), Layout::Wide);
    assert!(svg.contains(
        "<title>Golden by HUNTR/X, chart dated July 5, 2025: No. 81 (derived from Yonhap via TopNews)</title>"
    ));
}

// Lines join consecutive chart dates only, never across an unknown or off week.
#[test]
fn never_draws_a_line_through_a_gap() {
    for fixture in all_fixtures() {
        let spec = fixture.spec("T");
        let svg = svg(&spec, Layout::Wide);
        let mut lines = 0;
        for group in svg.split("<g class=\"series ").skip(1) {
            let id = attr(group, "data-entry").unwrap();
            let entry = fixture.dataset.entry(id).unwrap();
            for line in tags(group, "polyline")
                .iter()
                .filter(|t| t.contains("class=\"line\""))
            {
                lines += 1;
                let dates: Vec<Date> = attr(line, "data-dates")
                    .unwrap()
                    .split(' ')
                    .map(|d| Date::parse(d).unwrap())
                    .collect();
                let points = attr(line, "points").unwrap().split(' ').count();
                assert_eq!(points, dates.len(), "{line}");
                assert!(dates.len() >= 2);
                for pair in dates.windows(2) {
                    assert_eq!(pair[1].days() - pair[0].days(), 7, "{id}: {line}");
                }
                for date in dates {
                    let week = entry.week(date).unwrap();
                    assert!(week.pos.rank().is_some(), "{id} is off on {date}");
                }
            }
        }
        assert!(lines > 0);
    }
    // The gaps fixture: golden breaks after July 12 and after August 2.
    let svg = svg(&Fixture::new(GAPS).spec("T"), Layout::Wide);
    assert!(svg.contains("data-dates=\"2025-07-05 2025-07-12\""));
    assert!(svg.contains("data-dates=\"2025-07-26 2025-08-02\""));
}

// Unknown weeks and off-chart weeks never look alike.
#[test]
fn tells_unknown_from_off() {
    let svg = svg(&Fixture::new(OFF).spec("T"), Layout::Wide);
    assert_eq!(svg.matches("<g class=\"off\"").count(), 2);
    assert!(svg.contains(">Off chart</text>"));
    let band = svg.split("<g class=\"band-unknown\">").nth(1).unwrap();
    let band = &band[..band.find("</g>").unwrap()];
    assert_eq!(tags(band, "rect").len(), 1);
    assert!(band.contains("fill=\"url(#chart-1-wide-hatch)\""));
    assert!(svg.contains(">no data</text>"));
    // No off row when nothing is off.
    let single = super::svg(&Fixture::new(SINGLE).spec("T"), Layout::Wide);
    assert!(!single.contains("Off chart") && !single.contains("<g class=\"band-unknown\">"));
}

// Labels, notes and band labels never overlap, in any fixture or layout.
#[test]
fn keeps_text_apart() {
    for fixture in all_fixtures() {
        for layout in [Layout::Wide, Layout::Narrow] {
            let drawing = draw::draw(&fixture.spec("T"), layout);
            let metrics = layout.metrics();
            for (i, a) in drawing.text.iter().enumerate() {
                assert!(a.x0 >= 0.0 && a.x1 <= f64::from(metrics.width), "{a:?}");
                for b in &drawing.text[i + 1..] {
                    assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
                }
            }
        }
    }
    // The colliding pair: both labels drawn, a line apart.
    let drawing = draw::draw(&Fixture::new(COLLIDE).spec("T"), Layout::Wide);
    assert!(drawing.svg.contains(">Soda Pop</text>") && drawing.svg.contains(">Your Idol</text>"));
}

// Identical input gives identical bytes, even from a freshly parsed dataset.
#[test]
fn is_deterministic() {
    let (a, b) = (Fixture::new(GAPS), Fixture::new(GAPS));
    let (a, b) = (a.spec("T"), b.spec("T"));
    assert_eq!(figure(&a, "x.csv"), figure(&b, "x.csv"));
    assert_eq!(csv(&a), csv(&b));
    assert_eq!(svg(&a, Layout::Narrow), svg(&b, Layout::Narrow));
}

// The description says what the data says, and only says "debuted" when it is known.
#[test]
fn describes_the_run_from_the_data() {
    let fixture = Fixture::new(SINGLE);
    assert_eq!(
        describe(&fixture.spec("T")),
        "Chart run on the Billboard Hot 100 from the chart dated July 5, 2025 to the chart \
         dated August 9, 2025, with No. 1 at the top. Golden (HUNTR/X) first appears on the \
         chart dated July 5, 2025 at No. 81; it debuted that week. It peaked at No. 1, first \
         on the chart dated July 26, 2025, and spent 2 weeks at No. 1. Its latest known \
         position is No. 2, on the chart dated August 9, 2025. No week in this range is \
         missing from the data."
    );
    let off = describe(&Fixture::new(OFF).spec("T"));
    assert!(off.contains(
        "It is off the chart from the chart dated July 19, 2025 to the chart dated July 26, 2025. \
         It re-entered at No. 45 on the chart dated August 16, 2025."
    ));
    assert!(off.contains("2 weeks in this range have no data."));
    let gaps = describe(&Fixture::new(GAPS).spec("T"));
    assert!(gaps.contains(
        "Your Idol (Saja Boys) first appears on the chart dated July 5, 2025 at No. 77 \
         (not known to be its debut)."
    ));
    let conflict = describe(&Fixture::new(CONFLICT).spec("T"));
    assert!(conflict.contains("Sources disagree on 2 weeks."));
}

// A range limits every output to its dates; a range with no dates says so.
#[test]
fn honours_the_range() {
    let fixture = Fixture::new(SINGLE);
    let mut spec = fixture.spec("T");
    spec.from = Date::parse("2025-07-19");
    spec.to = Date::parse("2025-07-26");
    assert_eq!(csv(&spec).lines().count(), 3);
    assert!(describe(&spec).starts_with(
        "Chart run on the Billboard Hot 100 from the chart dated July 19, 2025 to the chart \
         dated July 26, 2025"
    ));
    assert!(describe(&spec).contains("Golden (HUNTR/X) first appears in this range"));
    spec.from = Date::parse("2026-01-03");
    spec.to = None;
    assert!(svg(&spec, Layout::Wide).contains("No chart data for this range"));
    assert_eq!(csv(&spec).lines().count(), 1);
}

// The CSV is exactly what is drawn, guarded against formula injection.
#[test]
fn writes_the_csv_of_what_is_drawn() {
    let fixture = Fixture::new(HOSTILE);
    let csv = csv(&fixture.spec("T"));
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[0],
        "chart,chart_date,entry_id,title,artist,position,status,basis,source_id,source_url,conflicts"
    );
    assert_eq!(
        rows[1],
        "hot-100,2025-07-05,remix,\"Ain't <It> & \"\"Fun\"\"\",A&B <script>,3,on,stated,billboard,https://example.org/billboard,"
    );
    assert_eq!(
        rows[4],
        "hot-100,2025-07-12,formula,'=cmd|' /C calc'!A0,'@evil,,unknown,,,,"
    );
    let conflict = super::csv(&Fixture::new(CONFLICT).spec("T"));
    assert!(
        conflict
            .contains(",10,on,stated,yonhap,https://example.org/yonhap?a=1&b=2,8 (hypebeast)\r\n")
    );
    assert!(
        conflict
            .contains(",12,on,stated,billboard,https://example.org/billboard,off (hypebeast)\r\n")
    );
    let off = super::csv(&Fixture::new(OFF).spec("T"));
    assert!(off.contains("2025-07-19,takedown,Takedown,HUNTR/X,,off,stated,billboard,"));
    assert!(off.contains("2025-08-02,takedown,Takedown,HUNTR/X,,unknown,,,,"));
}

// The table has real headers, marks derived and conflicting values, and links sources.
#[test]
fn tabulates_with_headers_and_sources() {
    let fixture = Fixture::new(CONFLICT);
    let table = table(&fixture.spec("Sources disagree"));
    assert!(table.starts_with(
        "<table class=\"chart-table\"><caption>Sources disagree: positions on the Billboard \
         Hot 100, charts dated September 6, 2025 to September 27, 2025</caption>"
    ));
    assert_eq!(table.matches("<th scope=\"col\">").count(), 2);
    assert_eq!(table.matches("<th scope=\"row\">").count(), 4);
    assert!(table.contains(
        "<td><a href=\"https://example.org/yonhap?a=1&amp;b=2\" \
         title=\"Seven songs storm the Hot 100\">9</a>†</td>"
    ));
    assert!(table.contains(
        ">10</a> (<a href=\"https://example.org/hypebeast\" title=\"Platz 8\">8</a> per Hypebeast)</td>"
    ));
    assert!(table.contains("† Derived"));
    let off = super::table(&Fixture::new(OFF).spec("T"));
    assert!(off.contains("title=\"Billboard Hot 100\">off</a></td>"));
    assert!(off.contains("<td class=\"unknown\">no data</td>"));
    let gaps = super::table(&Fixture::new(GAPS).spec("T"));
    assert!(gaps.contains("<td class=\"before\">pre-debut</td>"));
}

// The figure holds both pictures, the caption with sources and date, key, table and link.
#[test]
fn assembles_the_figure() {
    let fixture = Fixture::new(CONFLICT);
    let figure = figure(
        &fixture.spec("Sources <disagree>"),
        "/data/hot-100.csv?x=1&y=2",
    );
    assert!(figure.starts_with("<figure class=\"chart\" id=\"chart-1\"><figcaption"));
    assert!(figure.contains("<p class=\"chart-title\">Sources &lt;disagree&gt;</p>"));
    assert!(figure.contains(
        "Source: Billboard Hot 100 (Billboard), positions as reported by Billboard, \
         Hypebeast, TopNews and Yonhap. Chart dates are the Saturday issue date. Data as of \
         September 27, 2025."
    ));
    assert!(figure.contains("<div class=\"chart-svg chart-svg--wide\"><svg "));
    assert!(figure.contains("<div class=\"chart-svg chart-svg--narrow\"><svg "));
    assert!(figure.contains("ring: sources conflict"));
    assert!(!figure.contains("off the chart that week"));
    assert!(figure.contains("<details class=\"chart-data\"><summary>Data table</summary><table"));
    assert!(figure.ends_with(
        "<a class=\"chart-download\" href=\"/data/hot-100.csv?x=1&amp;y=2\" download>\
         Download the data (CSV)</a></p></figure>"
    ));
}

// A daily chart counts days, not weeks.
#[test]
fn speaks_in_days_for_daily_charts() {
    let head = HEAD.replace("positions = 100", "positions = 200\ncadence = \"daily\"");
    let entries = r#"
[[entry]]
id = "your-idol"
title = "Your Idol"
artist = "Saja Boys"
weeks = [
  { date = 2025-07-03, pos = 2, source = "billboard" },
  { date = 2025-07-04, pos = 1, source = "billboard" },
  { date = 2025-07-06, pos = 1, source = "billboard" },
]
"#;
    let fixture = Fixture::with_head(&head, entries);
    let spec = fixture.spec("T");
    let text = describe(&spec);
    assert!(text.contains("spent 2 days at No. 1"), "{text}");
    assert!(text.contains("1 day in this range has no data"), "{text}");
    assert!(svg(&spec, Layout::Wide).contains("data-dates=\"2025-07-03 2025-07-04\""));
}

// Odd shapes of data still draw, with text apart: an entry only ever off the chart, nine
// entries (more than the eight series colours), a ten-position chart, a very long title,
// and no entries at all.
#[test]
fn draws_edge_cases() {
    let mut many = String::new();
    for n in 0..9 {
        many.push_str(&format!(
            "[[entry]]\nid = \"e{n}\"\ntitle = \"Entry number {n} with a rather long title indeed\"\n\
             artist = \"A\"\nweeks = [\n  {{ date = 2025-07-05, pos = {}, source = \"billboard\" }},\n  \
             {{ date = 2025-07-12, pos = {}, source = \"billboard\" }},\n]\n",
            n + 1,
            n + 2
        ));
    }
    let only_off = r#"
[[entry]]
id = "gone"
title = "Gone"
artist = "A"
weeks = [{ date = 2025-07-05, pos = "off", source = "billboard" }]
"#;
    let small = HEAD.replace("positions = 100", "positions = 10");
    let fixtures = [
        Fixture::new(&many),
        Fixture::new(only_off),
        Fixture::with_head(
            &small,
            &SINGLE
                .replace("pos = 81", "pos = 9")
                .replace("pos = 23", "pos = 7"),
        ),
    ];
    for fixture in &fixtures {
        for layout in [Layout::Wide, Layout::Narrow] {
            let drawing = draw::draw(&fixture.spec("T"), layout);
            assert!(drawing.svg.ends_with("</svg>"));
            for (i, a) in drawing.text.iter().enumerate() {
                assert!(
                    a.x0 >= 0.0 && a.x1 <= f64::from(layout.metrics().width),
                    "{a:?}"
                );
                for b in &drawing.text[i + 1..] {
                    assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
                }
            }
        }
    }
    let nine = svg(&fixtures[0].spec("T"), Layout::Wide);
    assert!(nine.contains("class=\"series series-1\" data-entry=\"e8\""));
    // Long titles are cut to the room beside the line's end, marked with an ellipsis.
    assert_eq!(nine.matches("…</text>").count(), 9);
    assert!(!nine.contains("indeed</text>"));
    let gone = svg(&fixtures[1].spec("T"), Layout::Wide);
    assert!(gone.contains("<g class=\"off\"") && gone.contains(">Gone</text>"));
    let mut empty = fixtures[1].spec("T");
    empty.entries.clear();
    assert!(svg(&empty, Layout::Narrow).contains("No chart data for this range"));
}

fn load(chart: &str) -> (Bibliography, String) {
    let root = env!("CARGO_MANIFEST_DIR");
    let sources = std::fs::read_to_string(format!("{root}/content/sources.toml")).unwrap();
    let bibliography = Bibliography::parse("content/sources.toml", sources).unwrap();
    let text = std::fs::read_to_string(format!("{root}/content/charts/{chart}.toml")).unwrap();
    (bibliography, text)
}

// The real datasets draw with every property above: text apart, lines honest.
#[test]
fn draws_the_real_charts() {
    let charts: [(&str, &[&str]); 3] = [
        (
            "hot-100",
            &["golden", "soda-pop", "your-idol", "how-its-done"],
        ),
        ("uk-singles", &["golden", "soda-pop", "your-idol"]),
        (
            "spotify-us-daily",
            &["your-idol", "golden", "how-its-done", "soda-pop"],
        ),
    ];
    for (chart, ids) in charts {
        let (bibliography, text) = load(chart);
        let dataset = dataset::parse(chart, chart, text, &bibliography).unwrap();
        let spec = Spec {
            dataset: &dataset,
            entries: ids.iter().filter_map(|id| dataset.entry(id)).collect(),
            from: None,
            to: None,
            title: chart.to_string(),
            id: chart.to_string(),
            bibliography: &bibliography,
        };
        for layout in [Layout::Wide, Layout::Narrow] {
            let drawing = draw::draw(&spec, layout);
            for (i, a) in drawing.text.iter().enumerate() {
                for b in &drawing.text[i + 1..] {
                    assert!(!a.overlaps(b), "{chart}: {a:?} overlaps {b:?}");
                }
            }
            for name in ["Golden", "Soda Pop", "Your Idol"] {
                assert!(
                    drawing.svg.contains(&format!(">{name}</text>")),
                    "{chart}: {name}"
                );
            }
        }
    }
}

#[test]
#[ignore = "writes preview pages; run with FACTSITE_CHART_PREVIEW=/tmp/chart"]
fn preview() {
    let Ok(path) = std::env::var("FACTSITE_CHART_PREVIEW") else {
        return;
    };
    let theme = concat!(env!("CARGO_MANIFEST_DIR"), "/theme");
    let head = format!(
        "<!doctype html><html lang=en><head><meta charset=utf-8>\
         <meta name=viewport content='width=device-width,initial-scale=1'>\
         <link rel=stylesheet href='{theme}/style.css'>\
         <link rel=stylesheet href='{theme}/charts.css'></head><body><main>"
    );
    let charts: [(&str, &[&str], &str); 4] = [
        (
            "hot-100",
            &["golden", "soda-pop", "your-idol", "how-its-done"],
            "Golden climbed to No. 1 and stayed",
        ),
        (
            "uk-singles",
            &["golden", "soda-pop", "your-idol"],
            "In the UK, Golden spent ten weeks at No. 1",
        ),
        ("hot-100", &["golden"], "Golden alone"),
        (
            "spotify-us-daily",
            &["your-idol", "golden", "how-its-done", "soda-pop"],
            "Spotify daily",
        ),
    ];
    for (n, (chart, ids, title)) in charts.iter().enumerate() {
        let (bibliography, text) = load(chart);
        let dataset = dataset::parse(chart, chart, text, &bibliography).unwrap();
        let spec = Spec {
            dataset: &dataset,
            entries: ids.iter().filter_map(|id| dataset.entry(id)).collect(),
            from: None,
            to: None,
            title: title.to_string(),
            id: format!("chart-{n}"),
            bibliography: &bibliography,
        };
        let page = format!("{head}{}</main></body></html>", figure(&spec, "data.csv"));
        std::fs::write(format!("{path}-{n}.html"), page).unwrap();
    }
}

// Two recordings with one title are labelled with their artists, so the lines can be told apart.
#[test]
fn names_the_artist_when_two_lines_share_a_title() {
    let entries = r#"
[[entry]]
id = "takedown"
title = "Takedown"
artist = "HUNTR/X"
weeks = [
  { date = 2025-07-05, pos = 40, source = "billboard" },
  { date = 2025-07-12, pos = 30, source = "billboard" },
]

[[entry]]
id = "takedown-twice"
title = "Takedown"
artist = "TWICE (Jeongyeon, Jihyo, Chaeyoung)"
weeks = [
  { date = 2025-07-05, pos = 80, source = "billboard" },
  { date = 2025-07-12, pos = 70, source = "billboard" },
]
"#;
    let fixture = Fixture::new(entries);
    let wide = svg(&fixture.spec("T"), Layout::Wide);
    assert!(wide.contains(">Takedown (HUNTR/X)</text>"), "{wide}");
    assert!(wide.contains(">Takedown (TWICE)</text>"), "{wide}");
    // Short of room, the title is cut and the artist kept.
    let narrow = svg(&fixture.spec("T"), Layout::Narrow);
    assert!(narrow.contains("… (HUNTR/X)</text>"), "{narrow}");
    assert!(narrow.contains("… (TWICE)</text>"), "{narrow}");
    let single = svg(&Fixture::new(SINGLE).spec("T"), Layout::Wide);
    assert!(single.contains(">Golden</text>"));
}
