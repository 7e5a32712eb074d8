//! Background bands: hatched "no data" where no drawn entry has a row, and the band at
//! No. 1 over the weeks an entry spent there.

use plotters::prelude::*;

use super::marker::{DrawResult, Root};
use super::placement::Rect;
use super::scene::{Chart, Scene};

/// Half the height of the No. 1 band.
const NO1_HALF: i32 = 6;

/// Draws the bands; returns the boxes of the "no data" bands, for their labels.
pub(crate) fn draw(root: &Root, chart: &Chart, scene: &Scene) -> DrawResult<Vec<Rect>> {
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
            let from = grid.dates[band.start].days() as f64 - half;
            let to = grid.dates[band.end - 1].days() as f64 + half;
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
    no1(root, chart, scene)?;
    Ok(boxes)
}

fn no1(root: &Root, chart: &Chart, scene: &Scene) -> DrawResult {
    let grid = &scene.grid;
    let half = grid.step as f64 / 2.0;
    let mut runs = Vec::new();
    for row in &grid.rows {
        let mut start = None;
        for i in 0..=grid.dates.len() {
            let top = row.cells.get(i).is_some_and(|c| c.rank() == Some(1));
            match (top, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    runs.push(s..i);
                    start = None;
                }
                _ => {}
            }
        }
    }
    if runs.is_empty() {
        return Ok(());
    }
    scene.pen.open("band-no1");
    for run in runs {
        let from = grid.dates[run.start].days() as f64 - half;
        let to = grid.dates[run.end - 1].days() as f64 + half;
        let (x0, y) = chart.backend_coord(&(from, 1.0));
        let (x1, _) = chart.backend_coord(&(to, 1.0));
        root.draw(&Rectangle::new(
            [(x0, y - NO1_HALF), (x1, y + NO1_HALF)],
            BLACK,
        ))?;
    }
    scene.pen.close();
    Ok(())
}
