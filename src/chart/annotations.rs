//! The chart's text: direct labels at the line ends, "no data" on the hatched bands, and
//! the peak and No. 1 notes. Placed first without overlaps, then drawn; a note that finds
//! no free spot is left out (the description and the table still say it).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame::LABEL_GAP;
use super::marker::{DrawResult, Root};
use super::placement::{Label, Obstacles, Rect, nudge, spot, stack};
use super::run::Facts;
use super::scene::{Chart, Scene};
use super::text;

/// One piece of text to draw.
struct Note {
    text: String,
    rect: Rect,
    class: String,
    rotated: bool,
}

/// Places and draws the text; returns every text box.
pub(crate) fn draw(
    root: &Root,
    chart: &Chart,
    scene: &Scene,
    bands: &[Rect],
    mut avoid: Obstacles,
) -> DrawResult<Vec<Rect>> {
    let (labels, mut leaders) = direct(chart, scene, &avoid);
    avoid.boxes.extend(labels.iter().map(|n| n.rect));
    let mut notes = labels;
    for band in bands {
        if let Some(note) = no_data(scene, band, &avoid) {
            avoid.boxes.push(note.rect);
            notes.push(note);
        }
    }
    for index in 0..scene.grid.rows.len() {
        if let Some((note, leader)) = peak(chart, scene, index, &avoid) {
            avoid.boxes.push(note.rect);
            if let Some((_, a, b)) = &leader {
                let point = |(x, y): (i32, i32)| (f64::from(x), f64::from(y));
                avoid.segments.push((point(*a), point(*b)));
            }
            leaders.extend(leader);
            notes.push(note);
        }
    }
    scene.pen.open("labels");
    for (class, from, to) in leaders {
        scene.pen.attrs(&format!(" class=\"leader {class}\""));
        root.draw(&PathElement::new(vec![from, to], BLACK))?;
    }
    for note in &notes {
        write(root, scene, note)?;
    }
    scene.pen.attrs("");
    scene.pen.close();
    Ok(notes.into_iter().map(|n| n.rect).collect())
}

type Leader = (String, (i32, i32), (i32, i32));

/// Direct labels beside each line's end, stacked so that none overlap, with a leader
/// line when a label had to move away from its line.
fn direct(chart: &Chart, scene: &Scene, avoid: &Obstacles) -> (Vec<Note>, Vec<Leader>) {
    let (m, f) = (&scene.metrics, &scene.frame);
    let mut wanted = Vec::new();
    for (index, row) in scene.grid.rows.iter().enumerate() {
        let (Some(end), Some(Some(label))) = (row.end(), f.labels.get(index)) else {
            continue;
        };
        let y = row.cells[end]
            .rank()
            .map(f64::from)
            .or(f.off)
            .unwrap_or(f.rule);
        let (x, y) = scene.at(chart, end, y);
        let label_box = Label {
            x: f64::from(x + m.marker) + LABEL_GAP,
            y: f64::from(y),
            width: text::width(label, m.label_font),
            height: m.line(),
        };
        wanted.push((index, label.clone(), label_box, (x, y)));
    }
    let mut boxes: Vec<Label> = wanted.iter().map(|w| w.2.clone()).collect();
    stack(&mut boxes, 2.0, f64::from(f.bottom));
    nudge(&mut boxes, avoid);
    let mut notes = Vec::new();
    let mut leaders = Vec::new();
    for ((index, label, _, (x, y)), placed) in wanted.into_iter().zip(boxes) {
        let class = format!("series-{}", index % 8 + 1);
        if (placed.y - f64::from(y)).abs() > placed.height / 2.0 {
            let to = (placed.x as i32 - 2, placed.y.round() as i32);
            leaders.push((class.clone(), (x + m.marker + 1, y), to));
        }
        notes.push(Note {
            text: label,
            rect: placed.rect(),
            class: format!("label halo {class}"),
            rotated: false,
        });
    }
    (notes, leaders)
}

/// "no data" on a hatched band: across it if it fits, else up it, else not at all.
fn no_data(scene: &Scene, band: &Rect, avoid: &Obstacles) -> Option<Note> {
    let m = &scene.metrics;
    let label = "no data";
    let (length, thickness) = (text::width(label, m.font), m.font * 1.2);
    let band_width = band.x1 - band.x0;
    let rotated = band_width < length + 4.0;
    if rotated && band_width < thickness {
        return None;
    }
    let (w, h) = if rotated {
        (thickness, length)
    } else {
        (length, thickness)
    };
    let x = (band.x0 + band.x1) / 2.0;
    let span = band.y1 - band.y0;
    [0.5, 0.3, 0.7, 0.15, 0.85]
        .into_iter()
        .map(|at| Rect::centred(x, band.y0 + span * at, w, h))
        .find(|rect| rect.within(band) && avoid.free(rect))
        .map(|rect| Note {
            text: label.to_string(),
            rect,
            class: "band-label".to_string(),
            rotated,
        })
}

/// "Peak No. 3" by the first week at the peak, or "8 weeks at No. 1" by the first week
/// at No. 1; with a leader line when it had to go further away.
fn peak(
    chart: &Chart,
    scene: &Scene,
    index: usize,
    avoid: &Obstacles,
) -> Option<(Note, Option<Leader>)> {
    let m = &scene.metrics;
    let row = &scene.grid.rows[index];
    let facts = Facts::of(row);
    let peak = facts.peak?;
    // A peak needs a run to stand out from: one week on the chart is just a point.
    if row.cells.iter().filter(|c| c.rank().is_some()).count() < 2 {
        return None;
    }
    let label = if peak.rank == 1 {
        format!("{} at No. 1", scene.grid.units(facts.no1))
    } else {
        format!("Peak No. {}", peak.rank)
    };
    let (x, y) = scene.at(chart, peak.first, f64::from(peak.rank));
    let size = (text::width(&label, m.font), m.font * 1.2);
    let clear = f64::from(m.marker + 2);
    let rect = spot((f64::from(x), f64::from(y)), size, (clear, m.far), avoid)?;
    let class = format!("series-{}", index % 8 + 1);
    let gap = m.marker + 2;
    let leader = if rect.y0 > f64::from(y) + clear + 0.5 {
        Some((y + gap, rect.y0 as i32 - 1))
    } else if rect.y1 < f64::from(y) - clear - 0.5 {
        Some((y - gap, rect.y1 as i32 + 1))
    } else {
        None
    };
    let note = Note {
        text: label,
        rect,
        class: format!("note halo {class}"),
        rotated: false,
    };
    Some((note, leader.map(|(a, b)| (class, (x, a), (x, b)))))
}

fn write(root: &Root, scene: &Scene, note: &Note) -> DrawResult {
    let font = if note.class.starts_with("label") {
        scene.metrics.label_font
    } else {
        scene.metrics.font
    };
    scene.pen.attrs(&format!(" class=\"{}\"", note.class));
    let (cx, cy) = note.rect.centre();
    let (anchor, x) = if note.class.starts_with("label") {
        (HPos::Left, note.rect.x0)
    } else {
        (HPos::Center, cx)
    };
    let mut style = TextStyle::from(("sans-serif", font)).pos(Pos::new(anchor, VPos::Center));
    if note.rotated {
        style = style.transform(FontTransform::Rotate270);
    }
    let at = (x.round() as i32, cy.round() as i32);
    root.draw(&Text::new(note.text.as_str(), at, style))
}
