//! Charts across the built flagship: one look per song on every page, styles once per
//! page in the theme, and a narrow picture much lighter than the wide one.

use std::collections::{BTreeMap, BTreeSet};

/// Builds the flagship into a temporary directory and returns every HTML page by path.
fn flagship() -> BTreeMap<String, String> {
    crate::support::built_flagship().2
}

/// `(entry id, "series-N dash-M")` of every series group in one SVG.
fn series(svg: &str) -> Vec<(String, String)> {
    svg.split("<g class=\"series ")
        .skip(1)
        .map(|rest| {
            let classes = &rest[..rest.find('"').unwrap()];
            let entry = rest.split("data-entry=\"").nth(1).unwrap();
            (
                entry[..entry.find('"').unwrap()].to_string(),
                classes.to_string(),
            )
        })
        .collect()
}

fn svgs(html: &str) -> Vec<&str> {
    html.match_indices("<svg xmlns")
        .map(|(i, _)| &html[i..i + html[i..].find("</svg>").unwrap()])
        .filter(|svg| svg.contains("role=\"img\""))
        .collect()
}

// A song is drawn in one colour, dash and marker on every chart of the site (Golden on
// the Hot 100, the Global 200, the UK chart and Spotify alike), and no chart draws two
// songs alike.
#[test]
fn every_song_keeps_one_look_across_the_site() {
    let pages = flagship();
    let mut looks: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut charts = 0;
    for (page, html) in &pages {
        for svg in svgs(html) {
            charts += 1;
            let drawn = series(svg);
            let distinct: BTreeSet<&String> = drawn.iter().map(|(_, look)| look).collect();
            assert_eq!(
                distinct.len(),
                drawn.len(),
                "{page}: two songs alike in {drawn:?}"
            );
            for (entry, look) in drawn {
                looks.entry(entry).or_default().insert(look);
            }
        }
    }
    assert!(charts >= 20, "only {charts} charts");
    let changing: Vec<_> = looks.iter().filter(|(_, l)| l.len() > 1).collect();
    assert!(changing.is_empty(), "songs that change look: {changing:?}");
    for song in ["golden", "your-idol", "soda-pop", "how-its-done"] {
        assert!(looks.contains_key(song), "{song} is not drawn");
    }
}

// Chart pictures carry no style sheet of their own (the theme's charts.css styles them
// once per page), and the narrow picture, without tooltips, weighs under 60% of the wide.
#[test]
fn pages_carry_chart_styles_once_and_a_light_narrow_picture() {
    let pages = flagship();
    let index = &pages["charts/index.html"];
    assert!(!index.contains("<style"), "a chart carries its own <style>");
    let wide: usize = index
        .split("chart-svg--wide\">")
        .skip(1)
        .map(|s| s.find("</svg>").unwrap())
        .sum();
    let narrow: usize = index
        .split("chart-svg--narrow\">")
        .skip(1)
        .map(|s| s.find("</svg>").unwrap())
        .sum();
    assert!(
        wide > 0 && narrow * 10 < wide * 6,
        "narrow {narrow} bytes, wide {wide}"
    );
}
