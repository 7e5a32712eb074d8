//! The chart's text: direct labels at the line ends (placed in `direct.rs`), "no data" on
//! the hatched bands, and the peak and No. 1 notes. Placed first without overlaps, then
//! drawn; a note that finds no free spot is left out (the description and the table
//! still say it), a label never is.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::marker::{DrawResult, Root};
use crate::escape;

use super::direct;
use super::placement::{Obstacles, Rect, spot};
use super::run::Facts;
use super::scene::{Chart, Scene};
use super::style::Look;
use super::text;

/// How a note's lines line up in its box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    /// From the box's left edge.
    Left,
    /// Centred.
    Centre,
    /// To the box's right edge.
    Right,
}

/// One piece of text to draw.
pub(crate) struct Note {
    /// Its lines, top to bottom.
    pub lines: Vec<String>,
    /// The box they fill.
    pub rect: Rect,
    /// `label halo series-3`, `note halo series-1`, `band-label`.
    pub class: String,
    /// Set up the page rather than across it.
    pub rotated: bool,
    /// How the lines line up.
    pub align: Align,
}

/// A leader line: the series class, from the point, to the text.
pub(crate) type Leader = (String, (i32, i32), (i32, i32));

/// Places and draws the text; returns every text box.
pub(crate) fn draw(
    root: &Root,
    chart: &Chart,
    scene: &Scene,
    bands: &[Rect],
    mut avoid: Obstacles,
) -> DrawResult<Vec<Rect>> {
    let (mut notes, mut leaders) = direct::place(chart, scene, &mut avoid);
    for band in bands {
        if let Some(note) = no_data(scene, band, &avoid) {
            avoid.texts.push(note.rect);
            notes.push(note);
        }
    }
    for index in 0..scene.grid.rows.len() {
        if let Some((note, leader)) = peak(chart, scene, index, &avoid) {
            avoid.texts.push(note.rect);
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
            lines: vec![label.to_string()],
            rect,
            class: "band-label".to_string(),
            rotated,
            align: Align::Centre,
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
    let (x, y) = scene.marker(chart, index, peak.first, peak.rank);
    let size = (text::width(&label, m.font), m.font * 1.2);
    let clear = f64::from(m.marker + 2);
    let rect = spot((f64::from(x), f64::from(y)), size, (clear, m.far), avoid)?;
    let class = Look::of(row.entry.style).colour_class();
    let gap = m.marker + 2;
    let leader = if rect.y0 > f64::from(y) + clear + 0.5 {
        Some((y + gap, rect.y0 as i32 - 1))
    } else if rect.y1 < f64::from(y) - clear - 0.5 {
        Some((y - gap, rect.y1 as i32 + 1))
    } else {
        None
    };
    let note = Note {
        lines: vec![label],
        rect,
        class: format!("note halo {class}"),
        rotated: false,
        align: Align::Centre,
    };
    Some((note, leader.map(|(a, b)| (class, (x, a), (x, b)))))
}

/// Draws a note: a backing the page's colour behind "no data" (so it reads on the
/// hatching), then each line in its place in the box.
fn write(root: &Root, scene: &Scene, note: &Note) -> DrawResult {
    let m = &scene.metrics;
    let label = note.class.starts_with("label");
    let font = if label { m.label_font } else { m.font };
    if note.class == "band-label" {
        scene.pen.attrs(" class=\"band-label-bg\"");
        let r = &note.rect;
        root.draw(&Rectangle::new(
            [
                (r.x0.floor() as i32 - 1, r.y0.floor() as i32),
                (r.x1.ceil() as i32 + 1, r.y1.ceil() as i32),
            ],
            BLACK,
        ))?;
    }
    let size = if label && font != m.font {
        format!(" font-size=\"{font}\"")
    } else {
        String::new()
    };
    scene.pen.attrs(&format!(" class=\"{}\"{size}", note.class));
    let (cx, cy) = note.rect.centre();
    let (anchor, x) = match note.align {
        Align::Left => (HPos::Left, note.rect.x0),
        Align::Centre => (HPos::Center, cx),
        Align::Right => (HPos::Right, note.rect.x1),
    };
    let mut style = TextStyle::from(("sans-serif", font)).pos(Pos::new(anchor, VPos::Center));
    if note.rotated {
        style = style.transform(FontTransform::Rotate270);
        return root.draw(&Text::new(
            note.lines.join(" "),
            (cx.round() as i32, cy.round() as i32),
            style,
        ));
    }
    if let [line] = note.lines.as_slice() {
        return root.draw(&Text::new(
            line.as_str(),
            (x.round() as i32, cy.round() as i32),
            style,
        ));
    }
    // Several lines: one text element, a line per tspan, so the label stays one piece.
    let anchor = match note.align {
        Align::Left => "",
        Align::Centre => " text-anchor=\"middle\"",
        Align::Right => " text-anchor=\"end\"",
    };
    let step = (note.rect.y1 - note.rect.y0) / note.lines.len() as f64;
    let x = x.round() as i32;
    let mut markup = format!(
        "<text class=\"{}\"{size}{anchor}>",
        escape::xml(&note.class)
    );
    for (i, line) in note.lines.iter().enumerate() {
        let y = (note.rect.y0 + step * (i as f64 + 0.5)).round() as i32;
        markup.push_str(&format!(
            "<tspan x=\"{x}\" y=\"{y}\" dy=\"0.35em\">{}</tspan>",
            escape::xml(line)
        ));
    }
    markup.push_str("</text>");
    scene.pen.raw(&markup);
    Ok(())
}
