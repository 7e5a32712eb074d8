//! What every picture must be: sized by viewBox, named accessibly, a tooltip on every point,
//! no line through a gap, unknown unlike off, no overlapping text, identical bytes.

use super::*;

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
    // The narrow picture's text is 14 units of 360, larger than the wide one's 13 of 720.
    assert_eq!(attr(tags(&narrow, "svg")[0], "font-size"), Some("14"));
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
