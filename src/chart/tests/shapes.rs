//! Odd shapes of data: daily charts, edge cases, the real datasets, shared titles.

use super::*;

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
    // Nine entries get nine styles: the ninth a colour of its own.
    let nine = svg(&fixtures[0].spec("T"), Layout::Wide);
    for n in 0..9 {
        let group = format!(
            "class=\"series series-{} dash-{}\" data-entry=\"e{n}\"",
            n + 1,
            n + 1
        );
        assert!(nine.contains(&group), "{group}");
    }
    // Long titles are never cut: each label is drawn whole, wrapped if need be.
    for layout in [Layout::Wide, Layout::Narrow] {
        let drawn = texts(&svg(&fixtures[0].spec("T"), layout));
        assert!(!drawn.iter().any(|t| t.contains('…')), "{drawn:?}");
        for n in 0..9 {
            let title = format!("Entry number {n} with a rather long title indeed");
            assert!(drawn.contains(&title), "{layout:?}: {title} in {drawn:?}");
        }
    }
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
            smart_quotes: true,
        };
        for layout in [Layout::Wide, Layout::Narrow] {
            let drawing = draw::draw(&spec, layout);
            for (i, a) in drawing.text.iter().enumerate() {
                for b in &drawing.text[i + 1..] {
                    assert!(!a.overlaps(b), "{chart}: {a:?} overlaps {b:?}");
                }
            }
            let drawn = texts(&drawing.svg);
            for name in ["Golden", "Soda Pop", "Your Idol"] {
                assert!(
                    drawn.iter().any(|t| t == name),
                    "{chart}: {name} in {drawn:?}"
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
            smart_quotes: true,
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
    for layout in [Layout::Wide, Layout::Narrow] {
        // Short of room, the label wraps rather than losing the title or the artist.
        let drawn = texts(&svg(&fixture.spec("T"), layout));
        for label in ["Takedown (HUNTR/X)", "Takedown (TWICE)"] {
            assert!(
                drawn.iter().any(|t| t == label),
                "{layout:?}: {label} in {drawn:?}"
            );
        }
    }
    let single = svg(&Fixture::new(SINGLE).spec("T"), Layout::Wide);
    assert!(single.contains(">Golden</text>"));
}
