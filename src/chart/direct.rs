//! Direct labels at the line ends. A label that fits the room beside its line's end sits
//! there, stacked with its neighbours so that none overlap; one that does not, or that
//! would sit on another line, goes to the nearest free spot around the end, joined to it
//! by a leader line when it is not beside it. A label is never cut; it is left out only
//! when the picture has no room for it at all, and the legend below still names the line.

use super::annotations::{Align, Leader, Note};
use super::frame::{DirectLabel, LABEL_GAP};
use super::placement::{Label, Obstacles, Rect, nudge, stack};
use super::scene::{Chart, Scene};
use super::style::Look;

/// A label to place: whose, for which point, and its text.
struct Want<'f> {
    class: String,
    point: (i32, i32),
    label: &'f DirectLabel,
}

impl Want<'_> {
    fn size(&self, scene: &Scene) -> (f64, f64) {
        let lines = self.label.text.lines.len() as f64;
        (self.label.text.width, lines * scene.metrics.line())
    }
}

/// Places every line's label; the boxes join `avoid.texts`, the leaders its segments.
pub(crate) fn place(
    chart: &Chart,
    scene: &Scene,
    avoid: &mut Obstacles,
) -> (Vec<Note>, Vec<Leader>) {
    let wants = wanted(chart, scene);
    let m = &scene.metrics;
    let (beside, inside): (Vec<&Want>, Vec<&Want>) = wants.iter().partition(|w| w.label.beside);
    let mut column: Vec<Label> = beside
        .iter()
        .map(|w| {
            let (width, height) = w.size(scene);
            Label {
                x: f64::from(w.point.0 + m.marker) + LABEL_GAP,
                y: f64::from(w.point.1),
                width,
                height,
            }
        })
        .collect();
    stack(&mut column, 2.0, f64::from(scene.frame.bottom));
    nudge(&mut column, avoid);
    let mut placed = Placed::default();
    let mut rest: Vec<(&Want, Option<Rect>)> = Vec::new();
    for (want, label) in beside.into_iter().zip(&column) {
        let rect = label.rect();
        if avoid.free(&rect) {
            placed.accept(want, (rect, Align::Left), avoid);
        } else {
            rest.push((want, Some(rect)));
        }
    }
    rest.extend(inside.into_iter().map(|w| (w, None)));
    for (want, stacked) in rest {
        let spot = around(want, scene, avoid).or_else(|| last_resort(want, scene, stacked, avoid));
        if let Some(spot) = spot {
            placed.accept(want, spot, avoid);
        }
    }
    (placed.notes, placed.leaders)
}

fn wanted<'f>(chart: &Chart, scene: &'f Scene) -> Vec<Want<'f>> {
    let f = &scene.frame;
    let mut wants = Vec::new();
    for (index, row) in scene.grid.rows.iter().enumerate() {
        let (Some(end), Some(Some(label))) = (row.end(), f.labels.get(index)) else {
            continue;
        };
        let point = match row.cells[end].rank() {
            Some(rank) => scene.marker(chart, index, end, rank),
            None => scene.at(chart, end, f.off.unwrap_or(f.rule)),
        };
        wants.push(Want {
            class: Look::of(row.entry.style).colour_class(),
            point,
            label,
        });
    }
    wants
}

/// The labels placed so far.
#[derive(Default)]
struct Placed {
    notes: Vec<Note>,
    leaders: Vec<Leader>,
}

impl Placed {
    fn accept(&mut self, want: &Want, (rect, align): (Rect, Align), avoid: &mut Obstacles) {
        if let Some(leader) = leader(want.point, &rect) {
            let (a, b) = leader;
            let point = |(x, y): (i32, i32)| (f64::from(x), f64::from(y));
            avoid.segments.push((point(a), point(b)));
            self.leaders.push((want.class.clone(), a, b));
        }
        avoid.texts.push(rect);
        self.notes.push(Note {
            lines: want.label.text.lines.clone(),
            rect,
            class: format!("label halo {}", want.class),
            rotated: false,
            align,
        });
    }
}

/// A leader from the point to the nearest side of a box that is not next to it.
fn leader((x, y): (i32, i32), rect: &Rect) -> Option<((i32, i32), (i32, i32))> {
    let (px, py) = (f64::from(x), f64::from(y));
    let near = 12.0;
    let dx = if px < rect.x0 {
        rect.x0 - px
    } else if px > rect.x1 {
        px - rect.x1
    } else {
        0.0
    };
    let dy = if py < rect.y0 {
        rect.y0 - py
    } else if py > rect.y1 {
        py - rect.y1
    } else {
        0.0
    };
    if dx <= near && dy <= near * 0.5 || dx == 0.0 && dy <= near * 0.75 {
        return None;
    }
    let to = (
        px.clamp(rect.x0 - 1.0, rect.x1 + 1.0).round() as i32,
        py.clamp(rect.y0 - 1.0, rect.y1 + 1.0).round() as i32,
    );
    Some(((x, y), to))
}

/// The first free spot around the point: beside it, above or below its end (the text
/// ending over the point, then starting at it), left of it, then further above or below.
fn around(want: &Want, scene: &Scene, avoid: &Obstacles) -> Option<(Rect, Align)> {
    let (w, h) = want.size(scene);
    let m = &scene.metrics;
    let (x, y) = (f64::from(want.point.0), f64::from(want.point.1));
    let c = f64::from(m.marker) + 3.0;
    let gap = f64::from(m.marker) + LABEL_GAP;
    let boxed = |x0: f64, y0: f64| Rect {
        x0,
        y0,
        x1: x0 + w,
        y1: y0 + h,
    };
    let mut spots = vec![
        (boxed(x + gap, y - h / 2.0), Align::Left),
        (boxed(x + c - w, y - c - h), Align::Right),
        (boxed(x + c - w, y + c), Align::Right),
        (boxed(x - c, y - c - h), Align::Left),
        (boxed(x - c, y + c), Align::Left),
        (boxed(x - gap - w, y - h / 2.0), Align::Right),
    ];
    for k in 1..=m.far.max(2) + 2 {
        let far = k as f64 * m.line();
        spots.push((boxed(x + c - w, y - c - h - far), Align::Right));
        spots.push((boxed(x + c - w, y + c + far), Align::Right));
    }
    spots.into_iter().find(|(rect, _)| {
        avoid.free(rect)
            && leader(want.point, rect).is_none_or(|(a, b)| {
                let point = |(x, y): (i32, i32)| (f64::from(x), f64::from(y));
                !avoid.blocks(point(a), point(b))
            })
    })
}

/// Where a label goes when no spot is free: where the stack put it (or at the right
/// edge, level with its point), slid up or down to the nearest place clear of text, else
/// the first place clear of text anywhere, scanning from the right. `None` only when the
/// picture has no room left at all; the legend under it still names the line.
fn last_resort(
    want: &Want,
    scene: &Scene,
    stacked: Option<Rect>,
    avoid: &Obstacles,
) -> Option<(Rect, Align)> {
    let (w, h) = want.size(scene);
    let bounds = avoid.bounds;
    let y = f64::from(want.point.1);
    let base = stacked.unwrap_or(Rect {
        x0: (bounds.x1 - w).max(bounds.x0),
        y0: y - h / 2.0,
        x1: bounds.x1.max(bounds.x0 + w),
        y1: y + h / 2.0,
    });
    let slid = |x0: f64, dy: f64| Rect {
        x0,
        y0: base.y0 + dy,
        x1: x0 + w,
        y1: base.y1 + dy,
    };
    let reach = (bounds.y1 - bounds.y0).ceil() as i32;
    let near = (0..=reach)
        .flat_map(|k| [f64::from(k), -f64::from(k)])
        .map(|dy| slid(base.x0, dy));
    let columns = ((bounds.x1 - bounds.x0 - w) / 4.0).max(0.0) as i32;
    let anywhere = (0..=columns).flat_map(|i| {
        let x0 = bounds.x1 - w - f64::from(i) * 4.0;
        (0..=reach / 2).map(move |k| Rect {
            x0,
            y0: bounds.y0 + f64::from(k) * 2.0,
            x1: x0 + w,
            y1: bounds.y0 + f64::from(k) * 2.0 + h,
        })
    });
    near.chain(anywhere)
        .find(|rect| avoid.clear_of_text(rect))
        .map(|rect| (rect, Align::Left))
}
