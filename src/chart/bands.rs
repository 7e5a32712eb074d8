//! Background bands: hatched "no data" where no drawn entry has a row, and the band at
//! No. 1 over the weeks an entry spent there.

use plotters::prelude::*;

use super::marker::{DrawResult, Root};
use super::placement::Rect;
use super::scene::{Chart, Scene};

/// Half the height of the No. 1 band.
const NO1_HALF: i32 = 6;

/// The boxes of the bands drawn: "no data" ones, for their labels, and No. 1 ones, which
/// text keeps clear of like markers.
pub(crate) struct Drawn {
    pub unknown: Vec<Rect>,
    pub no1: Vec<Rect>,
}

/// Draws the bands; returns their boxes.
pub(crate) fn draw(root: &Root, chart: &Chart, scene: &Scene) -> DrawResult<Drawn> {
    let grid = &scene.grid;
    let half = grid.step as f64 / 2.0;
    let f = &scene.frame;
    let mut boxes = Vec::new();
    let unknown = grid.unknown_bands();
    if !unknown.is_empty() {
        scene.pen.open("band-unknown");
        scene
            .pen
            .attrs(&format!(" fill=\"url(#{}-hatch)\"", scene.prefix));
        for band in unknown {
            let from = (grid.dates[band.start].days() as f64 - half).max(f.x.start);
            let to = (grid.dates[band.end - 1].days() as f64 + half).min(f.x.end);
            let a = chart.backend_coord(&(from, f.y.end));
            let b = chart.backend_coord(&(to, f.y.start));
            root.draw(&Rectangle::new([(a.0, f.top), (b.0, f.bottom)], BLACK))?;
            boxes.push(Rect {
                x0: f64::from(a.0),
                y0: f64::from(f.top),
                x1: f64::from(b.0),
                y1: f64::from(f.bottom),
            });
        }
        scene.pen.attrs("");
        scene.pen.close();
    }
    let no1 = no1(root, chart, scene)?;
    Ok(Drawn {
        unknown: boxes,
        no1,
    })
}

/// The band behind each run of weeks at No. 1: from just before the first marker to
/// just after the last, no wider than half the way to the neighbouring dates.
fn no1(root: &Root, chart: &Chart, scene: &Scene) -> DrawResult<Vec<Rect>> {
    let grid = &scene.grid;
    let mut runs = Vec::new();
    for (index, row) in grid.rows.iter().enumerate() {
        let mut start = None;
        for i in 0..=grid.dates.len() {
            let top = row.cells.get(i).is_some_and(|c| c.rank() == Some(1));
            match (top, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    runs.push((index, s..i));
                    start = None;
                }
                _ => {}
            }
        }
    }
    if runs.is_empty() {
        return Ok(Vec::new());
    }
    let half = if grid.dates.len() >= 2 {
        (scene.at(chart, 1, 1.0).0 - scene.at(chart, 0, 1.0).0) / 2
    } else {
        i32::MAX
    };
    let pad = half.min(scene.metrics.marker + 4);
    let mut boxes = Vec::new();
    scene.pen.open("band-no1");
    for (index, run) in runs {
        let (x0, y) = scene.marker(chart, index, run.start, 1);
        let (x1, _) = scene.marker(chart, index, run.end - 1, 1);
        root.draw(&Rectangle::new(
            [(x0 - pad, y - NO1_HALF), (x1 + pad, y + NO1_HALF)],
            BLACK,
        ))?;
        boxes.push(Rect {
            x0: f64::from(x0 - pad),
            y0: f64::from(y - NO1_HALF),
            x1: f64::from(x1 + pad),
            y1: f64::from(y + NO1_HALF),
        });
    }
    scene.pen.close();
    Ok(boxes)
}
