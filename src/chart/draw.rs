//! The chart drawn with plotters on the semantic backend: the `<svg>` element, its
//! accessible name and description, then the bands, mesh, series and text, back to front.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::escape;

use super::backend::{Pen, SemanticBackend};
use super::frame::Frame;
use super::grid::Grid;
use super::layout::{Tick, x_ticks};
use super::marker::{DrawResult, Root};
use super::placement::{Obstacles, Rect};
use super::scale::Axis;
use super::scene::{Chart, Scene};
use super::{Layout, Spec, annotations, bands, dodge, series, style, text};

/// Gap between the plot and a label beside it.
const TICK_GAP: i32 = 6;

/// A drawn chart and where its text went.
#[derive(Debug)]
pub(crate) struct Drawing {
    /// The `<svg>` element.
    pub svg: String,
    /// The box of every text placed by the chart (labels, notes, band labels).
    #[cfg_attr(not(test), allow(dead_code, reason = "read by the overlap tests"))]
    pub text: Vec<Rect>,
}

/// Draws the chart of `spec` in `layout`.
pub(crate) fn draw(spec: &Spec, layout: Layout) -> Drawing {
    let metrics = layout.metrics();
    let grid = Grid::new(spec);
    let frame = Frame::new(spec, &grid, &metrics);
    let scene = Scene {
        prefix: escape::xml(&format!("{}-{}", spec.id, metrics.name)),
        spec,
        grid,
        metrics,
        frame,
        pen: Pen::default(),
        detail: layout == Layout::Wide,
        offsets: std::cell::RefCell::default(),
    };
    scene.pen.raw(&open(&scene));
    let start = scene.pen.len();
    let drawn = if scene.grid.dates.is_empty() || scene.grid.rows.is_empty() {
        Err(())
    } else {
        paint(&scene).map_err(drop)
    };
    let text = drawn.unwrap_or_else(|()| {
        // Nothing to draw, or plotters could not lay it out: say so instead.
        scene.pen.truncate(start);
        empty(&scene);
        Vec::new()
    });
    scene.pen.raw("</svg>");
    Drawing {
        svg: scene.pen.clone().into_svg(),
        text,
    }
}

fn open(scene: &Scene) -> String {
    let (m, p) = (&scene.metrics, &scene.prefix);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" \
         class=\"fs-chart fs-chart--{}\" id=\"{p}\" role=\"img\" font-size=\"{}\" \
         aria-labelledby=\"{p}-title {p}-desc\"><title id=\"{p}-title\">{}</title>\
         <desc id=\"{p}-desc\">{}</desc>{}",
        m.width,
        m.height,
        m.name,
        m.font,
        escape::xml(&scene.spec.display(&scene.spec.title)),
        escape::xml(&super::describe(scene.spec)),
        style::defs(p),
    )
}

fn paint(scene: &Scene) -> DrawResult<Vec<Rect>> {
    let (m, f) = (&scene.metrics, &scene.frame);
    let root = SemanticBackend::new((m.width, m.height), scene.pen.clone()).into_drawing_area();
    let ticks = x_ticks(&scene.grid.dates, &f.x, f64::from(f.right - f.left), m.font);
    let x = Axis::new(f.x.clone(), ticks.iter().map(|t| t.day as f64).collect());
    let y = Axis::new(f.y.clone(), f.ticks.iter().map(|&t| f64::from(t)).collect());
    let mut chart = ChartBuilder::on(&root)
        .margin_top(f.top)
        .margin_right(m.width as i32 - f.right)
        .x_label_area_size(m.bottom)
        .y_label_area_size(f.left)
        .build_cartesian_2d(x, y)?;
    spread(&chart, scene);
    let bands = bands::draw(&root, &chart, scene)?;
    mesh(&root, &mut chart, &ticks, scene)?;
    // Text must stay clear of the titles, the markers and the lines.
    let titles = titles(&root, &chart, scene)?;
    let mut avoid = Obstacles {
        boxes: Vec::new(),
        texts: titles.clone(),
        segments: Vec::new(),
        bounds: Rect {
            x0: f64::from(f.left),
            y0: 2.0,
            x1: f64::from(m.width) - 2.0,
            y1: f64::from(f.bottom),
        },
    };
    for index in 0..scene.grid.rows.len() {
        series::draw(&root, &chart, scene, index, &mut avoid)?;
    }
    // The No. 1 bands sit behind the markers: text keeps clear of them as of markers.
    avoid.boxes.extend(bands.no1);
    let notes = annotations::draw(&root, &chart, scene, &bands.unknown, avoid)?;
    Ok(titles.into_iter().chain(notes).collect())
}

/// Moves apart markers that would overlap on one date, where the dates leave room.
fn spread(chart: &Chart, scene: &Scene) {
    let grid = &scene.grid;
    let ys: Vec<Vec<Option<i32>>> = grid
        .rows
        .iter()
        .map(|row| {
            (0..grid.dates.len())
                .map(|i| Some(scene.at(chart, i, f64::from(row.cells[i].rank()?)).1))
                .collect()
        })
        .collect();
    // The room between two neighbouring chart dates (the whole plot for a single date).
    let step = if grid.dates.len() >= 2 {
        f64::from(scene.at(chart, 1, 1.0).0 - scene.at(chart, 0, 1.0).0)
    } else {
        f64::from(scene.frame.right - scene.frame.left)
    };
    *scene.offsets.borrow_mut() = dodge::offsets(&ys, step, scene.metrics.marker);
}

/// Grid lines and tick labels; plotters' axis lines and tick marks are not drawn.
fn mesh(root: &Root, chart: &mut Chart, ticks: &[Tick], scene: &Scene) -> DrawResult {
    let x_label = |day: &f64| {
        ticks
            .iter()
            .find(|t| (t.day as f64 - day).abs() < 0.5)
            .map(|t| t.label.clone())
            .unwrap_or_default()
    };
    let y_label = |pos: &f64| format!("{}", pos.round());
    scene.pen.open("grid");
    chart
        .configure_mesh()
        .axis_style(TRANSPARENT)
        .bold_line_style(BLACK)
        .light_line_style(TRANSPARENT)
        // Invisible tick marks (the axis style is transparent) that space labels from the plot.
        .set_all_tick_mark_size(TICK_GAP / 2)
        .label_style(("sans-serif", scene.metrics.font))
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .draw()?;
    years(root, chart, ticks, scene)?;
    scene.pen.close();
    Ok(())
}

/// The year under the first date tick and under each January's, a line below the month.
fn years(root: &Root, chart: &Chart, ticks: &[Tick], scene: &Scene) -> DrawResult {
    let (f, m) = (&scene.frame, &scene.metrics);
    let style = TextStyle::from(("sans-serif", m.font)).pos(Pos::new(HPos::Center, VPos::Top));
    let y = f.bottom + TICK_GAP + (m.font * 1.25).round() as i32;
    for tick in ticks {
        if let Some(year) = &tick.year {
            let (x, _) = chart.backend_coord(&(tick.day as f64, f.y.start));
            root.draw(&Text::new(year.as_str(), (x, y), style.clone()))?;
        }
    }
    Ok(())
}

/// The "Position" title above the axis, and the rule and label of the "Off chart" row,
/// set beside the plot like a tick label. Returns the titles' boxes.
fn titles(root: &Root, chart: &Chart, scene: &Scene) -> DrawResult<Vec<Rect>> {
    let (f, m) = (&scene.frame, &scene.metrics);
    let style = |h, v| TextStyle::from(("sans-serif", m.font)).pos(Pos::new(h, v));
    scene.pen.open("titles");
    scene.pen.attrs(" class=\"axis-title\"");
    let title = axis_title(scene);
    let y = f.top - 10;
    root.draw(&Text::new(
        title.as_str(),
        (4, y),
        style(HPos::Left, VPos::Bottom),
    ))?;
    let width = text::width(&title, m.font);
    let mut boxes = vec![Rect {
        x0: 4.0,
        y0: f64::from(y) - m.font * 1.2,
        x1: 4.0 + width,
        y1: f64::from(y) + 2.0,
    }];
    if let Some(off) = f.off {
        let (x, y) = chart.backend_coord(&(f.x.start, off));
        root.draw(&Text::new(
            m.off_label,
            (x - TICK_GAP, y),
            style(HPos::Right, VPos::Center),
        ))?;
        let width = text::width(m.off_label, m.font);
        let x = f64::from(x - TICK_GAP);
        boxes.push(Rect::centred(
            x - width / 2.0,
            f64::from(y),
            width,
            m.font * 1.2,
        ));
        scene.pen.attrs(" class=\"off-rule\"");
        let rule = vec![(f.x.start, f.rule), (f.x.end, f.rule)];
        chart.plotting_area().draw(&PathElement::new(rule, BLACK))?;
    }
    scene.pen.attrs("");
    scene.pen.close();
    Ok(boxes)
}

/// `Position`, or `Position (top 10 of 200)` when the scale stops short of the chart.
fn axis_title(scene: &Scene) -> String {
    let positions = scene.spec.dataset.positions;
    if scene.frame.ceiling < positions {
        format!("Position (top {} of {positions})", scene.frame.ceiling)
    } else {
        "Position".to_string()
    }
}

fn empty(scene: &Scene) {
    let m = &scene.metrics;
    scene.pen.raw(&format!(
        "<text class=\"note\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">No chart data for this range</text>",
        m.width / 2,
        m.height / 2
    ));
}
