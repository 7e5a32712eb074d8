//! Properties over generated datasets: the scale holds every point and stops at a round
//! number, labels are never cut and never collide, the plot keeps its width, and a few
//! points per entry are drawn apart rather than piled up.

use proptest::prelude::*;

use super::*;

/// An entry of a generated chart: a title and a position (or off, or unknown) per week.
#[derive(Debug, Clone)]
struct Run {
    title: String,
    weeks: Vec<Option<Option<u32>>>,
}

fn title() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Golden".to_string()),
        Just("What It Sounds Like".to_string()),
        Just("KPop Demon Hunters (Soundtrack from the Netflix Film)".to_string()),
        "[A-Z][a-z]{2,9}( [A-Za-z']{1,10}){0,4}",
    ]
}

fn runs(positions: u32, weeks: usize) -> impl Strategy<Value = Vec<Run>> {
    let week = prop_oneof![
        6 => (1..=positions).prop_map(|p| Some(Some(p))),
        1 => Just(Some(None)),
        2 => Just(None),
    ];
    prop::collection::vec(
        (title(), prop::collection::vec(week, weeks))
            .prop_map(|(title, weeks)| Run { title, weeks }),
        1..=6,
    )
}

fn chart() -> impl Strategy<Value = (u32, bool, Vec<Run>)> {
    (
        prop_oneof![Just(10u32), Just(40), Just(100), Just(200)],
        any::<bool>(),
        1usize..=24,
    )
        .prop_flat_map(|(positions, daily, weeks)| {
            (Just(positions), Just(daily), runs(positions, weeks))
        })
}

/// The dataset's TOML: every run dated from 2025-07-05 at the chart's cadence.
fn toml(positions: u32, daily: bool, runs: &[Run]) -> String {
    let mut text = format!(
        "title = \"Chart\"\npublisher = \"P\"\npositions = {positions}\ndated = \"Saturday\"\n{}",
        if daily { "cadence = \"daily\"\n" } else { "" }
    );
    let start = Date::parse("2025-07-05").unwrap();
    let step = if daily { 1 } else { 7 };
    for (n, run) in runs.iter().enumerate() {
        text.push_str(&format!(
            "[[entry]]\nid = \"e{n}\"\ntitle = \"{}\"\nartist = \"A\"\nweeks = [\n",
            run.title
        ));
        for (k, week) in run.weeks.iter().enumerate() {
            let Some(pos) = week else { continue };
            let pos = pos.map_or("\"off\"".to_string(), |p| p.to_string());
            let date = start.add_days(step * k as i64);
            text.push_str(&format!(
                "  {{ date = {}, pos = {pos}, source = \"billboard\" }},\n",
                date.iso()
            ));
        }
        text.push_str("]\n");
    }
    text
}

/// The plot's left and right edges, from the first horizontal grid line.
fn plot_edges(svg: &str) -> (f64, f64) {
    let grid = svg.split("<g class=\"grid\">").nth(1).unwrap();
    let line = tags(grid, "line")
        .into_iter()
        .find(|l| attr(l, "y1") == attr(l, "y2"))
        .unwrap();
    let x = |name| attr(line, name).unwrap().parse::<f64>().unwrap();
    (x("x1"), x("x2"))
}

proptest! {

    // Whatever the data, in both pictures: the scale reaches the lowest position drawn
    // and stops at a round number or the chart's size; every line with a week on or off
    // the chart is labelled in full, never cut; no two texts overlap; and the plot keeps
    // at least 85% of the room right of the position labels.
    #[test]
    fn charts_keep_their_promises((positions, daily, runs) in chart()) {
        let text = toml(positions, daily, &runs);
        let bibliography = Bibliography::parse("sources.toml", SOURCES.to_string()).unwrap();
        let Ok(dataset) = dataset::parse("chart", "chart.toml", text, &bibliography) else {
            return Ok(());
        };
        let fixture = Fixture { bibliography, dataset };
        let spec = fixture.spec("T");
        let grid = grid::Grid::new(&spec);
        let deepest = grid.deepest();
        let top = layout::ceiling(deepest, positions);
        prop_assert!(top >= deepest && top <= positions);
        let round = [10, 20, 50].iter().any(|r| {
            let mut r = *r;
            while r < top {
                r *= 10;
            }
            r == top
        });
        prop_assert!(top == positions || round, "scale ends at {}", top);
        for layout in [Layout::Wide, Layout::Narrow] {
            let drawing = draw::draw(&spec, layout);
            let metrics = layout.metrics();
            let drawn = texts(&drawing.svg);
            prop_assert!(!drawn.iter().any(|t| t.contains('…')), "{:?}", drawn);
            let shown = drawn.iter().any(|t| t.starts_with("Position"));
            if grid.rows.iter().any(|r| r.end().is_some()) {
                prop_assert!(shown);
                if top < positions {
                    let title = format!("Position (top {top} of {positions})");
                    prop_assert!(drawn.contains(&title), "{:?}", drawn);
                }
                for row in grid.rows.iter().filter(|r| r.end().is_some()) {
                    let name = label::name(&grid, row.entry, false);
                    prop_assert!(drawn.contains(&name), "{} in {:?}", name, drawn);
                }
                let (left, right) = plot_edges(&drawing.svg);
                let room = f64::from(metrics.width) - 4.0 - left;
                prop_assert!(right - left >= (room * frame::MIN_PLOT).floor() - 1.0);
            }
            for (i, a) in drawing.text.iter().enumerate() {
                prop_assert!(a.x0 >= 0.0 && a.x1 <= f64::from(metrics.width), "{:?}", a);
                for b in &drawing.text[i + 1..] {
                    prop_assert!(!a.overlaps(b), "{:?} overlaps {:?}", a, b);
                }
            }
        }
    }
}

// Two days of a daily chart with four songs at Nos. 1 to 4 of 200: the scale is 1 to 10,
// and the four markers of a day stand apart.
#[test]
fn sparse_points_stand_apart() {
    let head = HEAD.replace("positions = 100", "positions = 200\ncadence = \"daily\"");
    let mut entries = String::new();
    for (n, ranks) in [[1, 2], [2, 1], [3, 4], [4, 3]].iter().enumerate() {
        entries.push_str(&format!(
            "[[entry]]\nid = \"e{n}\"\ntitle = \"Song {n}\"\nartist = \"A\"\nweeks = [\n  \
             {{ date = 2025-07-03, pos = {}, source = \"billboard\" }},\n  \
             {{ date = 2025-07-04, pos = {}, source = \"billboard\" }},\n]\n",
            ranks[0], ranks[1]
        ));
    }
    let fixture = Fixture::with_head(&head, &entries);
    for layout in [Layout::Wide, Layout::Narrow] {
        let svg = svg(&fixture.spec("T"), layout);
        assert!(svg.contains(">Position (top 10 of 200)</text>"), "{svg}");
        let r = layout.metrics().marker;
        let mut centres: Vec<(i32, i32)> = Vec::new();
        for group in svg.split("<g class=\"pt ").skip(1) {
            let group = &group[..group.find("</g>").unwrap()];
            let centre = match tags(group, "circle")
                .first()
                .or(tags(group, "rect").first())
            {
                Some(tag) if tag.starts_with("<circle") => (
                    attr(tag, "cx").unwrap().parse().unwrap(),
                    attr(tag, "cy").unwrap().parse().unwrap(),
                ),
                Some(tag) => (
                    attr(tag, "x").unwrap().parse::<i32>().unwrap() + r,
                    attr(tag, "y").unwrap().parse::<i32>().unwrap() + r,
                ),
                None => {
                    let points = attr(tags(group, "polygon")[0], "points").unwrap();
                    let xy: Vec<(i32, i32)> = points
                        .split(' ')
                        .map(|p| {
                            let (x, y) = p.split_once(',').unwrap();
                            (x.parse().unwrap(), y.parse().unwrap())
                        })
                        .collect();
                    let n = xy.len() as i32;
                    (
                        xy.iter().map(|p| p.0).sum::<i32>() / n,
                        xy.iter().map(|p| p.1).sum::<i32>() / n,
                    )
                }
            };
            centres.push(centre);
        }
        assert_eq!(centres.len(), 8, "{layout:?}");
        for (i, a) in centres.iter().enumerate() {
            for b in &centres[i + 1..] {
                let apart = (a.0 - b.0).abs() > 2 * r || (a.1 - b.1).abs() > 2 * r;
                assert!(apart, "{layout:?}: markers at {a:?} and {b:?} overlap");
            }
        }
    }
}
