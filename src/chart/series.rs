//! One entry's series: its line broken at every week not on the chart, a marker with a
//! tooltip per known week (filled if stated, hollow if derived), × on the "Off chart"
//! row, and a ring plus a ghost marker where sources conflict.

use plotters::prelude::*;

use crate::data::dataset::{Basis, Conflict, Pos, Week};
use crate::escape;

use super::grid::Cell;
use super::marker::{self, DrawResult, Root};
use super::placement::{Obstacles, Rect};
use super::provenance;
use super::scene::{Chart, Scene};
use super::style::Look;

/// Draws series `index` (0-based) in its own group, adding its markers and line pieces to
/// what text must avoid.
pub(crate) fn draw(
    root: &Root,
    chart: &Chart,
    scene: &Scene,
    index: usize,
    avoid: &mut Obstacles,
) -> DrawResult {
    let row = &scene.grid.rows[index];
    scene.pen.raw(&format!(
        "<g class=\"series {}\" data-entry=\"{}\">",
        Look::of(row.entry.style).classes(),
        escape::xml(&row.entry.id)
    ));
    lines(root, chart, scene, index)?;
    let point = Point {
        root,
        chart,
        scene,
        index,
    };
    for (i, cell) in row.cells.iter().enumerate() {
        match *cell {
            Cell::On(week, rank) => point.on(i, week, rank, avoid)?,
            Cell::Off(week) => avoid.boxes.push(point.off(i, week)?),
            Cell::Unknown | Cell::Before => {}
        }
    }
    scene.pen.close();
    for run in row.runs() {
        let points: Vec<(f64, f64)> = run
            .filter_map(|i| {
                let (x, y) = scene.marker(chart, index, i, row.cells[i].rank()?);
                Some((f64::from(x), f64::from(y)))
            })
            .collect();
        avoid
            .segments
            .extend(points.windows(2).map(|w| (w[0], w[1])));
    }
    Ok(())
}

/// One polyline per run of consecutive chart dates on the chart, through the markers;
/// in the wide picture `data-dates` lists the dates of its points.
fn lines(root: &Root, chart: &Chart, scene: &Scene, index: usize) -> DrawResult {
    let grid = &scene.grid;
    let row = &grid.rows[index];
    for run in row.runs().into_iter().filter(|r| r.len() >= 2) {
        if scene.detail {
            let dates: Vec<String> = run.clone().map(|i| grid.dates[i].iso()).collect();
            scene.pen.attrs(&format!(
                " class=\"line\" data-dates=\"{}\"",
                dates.join(" ")
            ));
        } else {
            scene.pen.attrs(" class=\"line\"");
        }
        let points: Vec<(i32, i32)> = run
            .filter_map(|i| Some(scene.marker(chart, index, i, row.cells[i].rank()?)))
            .collect();
        root.draw(&PathElement::new(points, BLACK))?;
    }
    scene.pen.attrs("");
    Ok(())
}

struct Point<'p, 's, 'a, 'r> {
    root: &'p Root,
    chart: &'p Chart<'r>,
    scene: &'p Scene<'s, 'a>,
    index: usize,
}

impl Point<'_, '_, '_, '_> {
    /// Opens a point's group; in the wide picture with its date and tooltip.
    fn open(&self, class: &str, week: &Week, title: impl FnOnce() -> String) {
        let mut markup = String::with_capacity(48);
        markup.push_str("<g class=\"");
        markup.push_str(class);
        if self.scene.detail {
            markup.push_str("\" data-date=\"");
            week.date.push_iso(&mut markup);
        }
        markup.push_str("\">");
        self.scene.pen.raw(&markup);
        if self.scene.detail {
            self.scene.pen.title(&title());
        }
    }

    fn shape(&self) -> usize {
        Look::of(self.scene.grid.rows[self.index].entry.style).marker
    }

    fn r(&self) -> i32 {
        self.scene.metrics.marker
    }

    fn boxed(&self, (x, y): (i32, i32)) -> Rect {
        let side = f64::from(2 * self.r() + 2);
        Rect::centred(f64::from(x), f64::from(y), side, side)
    }

    /// A week on the chart.
    fn on(&self, i: usize, week: &Week, rank: u32, avoid: &mut Obstacles) -> DrawResult {
        let scene = self.scene;
        let row = &scene.grid.rows[self.index];
        let centre = scene.marker(self.chart, self.index, i, rank);
        let basis = match week.basis {
            Basis::Stated => "stated",
            Basis::Derived => "derived",
        };
        let conflict = if week.conflicts.is_empty() {
            ""
        } else {
            " conflict"
        };
        let tooltip = || provenance::tooltip(scene.spec, row.entry, week);
        self.open(&format!("pt {basis}{conflict}"), week, tooltip);
        if !week.conflicts.is_empty() {
            scene.pen.attrs(" class=\"ring\"");
            self.root.draw(&Circle::new(centre, self.r() + 3, BLACK))?;
            scene.pen.attrs("");
        }
        marker::draw(self.root, self.shape(), centre, self.r())?;
        scene.pen.close();
        avoid.boxes.push(self.boxed(centre));
        for conflict in &week.conflicts {
            let at = self.ghost(i, centre, week, conflict)?;
            avoid.boxes.push(self.boxed(at));
            let point = |(x, y): (i32, i32)| (f64::from(x), f64::from(y));
            avoid.segments.push((point(centre), point(at)));
        }
        Ok(())
    }

    /// What a conflicting source gives: a dashed hollow marker joined to the point.
    fn ghost(
        &self,
        i: usize,
        from: (i32, i32),
        week: &Week,
        conflict: &Conflict,
    ) -> DrawResult<(i32, i32)> {
        let scene = self.scene;
        let y = match conflict.pos {
            Pos::At(rank) => f64::from(rank),
            Pos::Off => scene.frame.off.unwrap_or(scene.frame.rule),
        };
        let at = (from.0, scene.at(self.chart, i, y).1);
        let entry = scene.grid.rows[self.index].entry;
        self.open("ghost", week, || {
            provenance::conflict_tooltip(scene.spec, entry, week, conflict)
        });
        self.root.draw(&PathElement::new(vec![from, at], BLACK))?;
        marker::draw(self.root, self.shape(), at, self.r())?;
        scene.pen.close();
        Ok(at)
    }

    /// A week off the chart: an × on the "Off chart" row, staggered a little per series
    /// so that entries off in the same week stay apart.
    fn off(&self, i: usize, week: &Week) -> DrawResult<Rect> {
        let scene = self.scene;
        let row = &scene.grid.rows[self.index];
        let off = scene.frame.off.unwrap_or(scene.frame.rule);
        let (x, y) = scene.at(self.chart, i, off);
        let count = scene.grid.rows.len() as i32;
        let stagger = (2 * self.index as i32 - (count - 1)) * 2;
        let centre = (x, y + stagger.clamp(-8, 8));
        let tooltip = || provenance::tooltip(scene.spec, row.entry, week);
        self.open("off", week, tooltip);
        marker::cross(self.root, centre, self.r())?;
        scene.pen.close();
        Ok(self.boxed(centre))
    }
}
