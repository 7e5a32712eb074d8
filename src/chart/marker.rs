//! Marker shapes, one per series, so series differ in shape as well as colour and dash.

use plotters::prelude::*;

use super::backend::SemanticBackend;

/// The drawing area in user units.
pub(crate) type Root = DrawingArea<SemanticBackend, plotters::coord::Shift>;

/// The error plotters reports (our backend never fails).
pub(crate) type DrawResult<T = ()> = Result<T, DrawingAreaErrorKind<std::convert::Infallible>>;

/// The shapes, in style order: circle, square, triangle, diamond, inverted triangle,
/// pentagon, hexagon, bar, star, plus. All are closed, so that each can be filled
/// (stated) or hollow (derived).
pub(crate) const SHAPES: [&str; 10] = [
    "circle", "square", "triangle", "diamond", "down", "pentagon", "hexagon", "bar", "star", "plus",
];

/// Draws marker shape `shape` (an index into [`SHAPES`]) centred on `(x, y)`, radius `r`.
pub(crate) fn draw(root: &Root, shape: usize, (x, y): (i32, i32), r: i32) -> DrawResult {
    match SHAPES[shape % SHAPES.len()] {
        "circle" => root.draw(&Circle::new((x, y), r, BLACK)),
        "square" => root.draw(&Rectangle::new([(x - r, y - r), (x + r, y + r)], BLACK)),
        "bar" => root.draw(&Rectangle::new(
            [(x - r - 1, y - r / 2 - 1), (x + r + 1, y + r / 2 + 1)],
            BLACK,
        )),
        shape => root.draw(&Polygon::new(polygon(shape, (x, y), r), BLACK)),
    }
}

fn polygon(shape: &str, (x, y): (i32, i32), r: i32) -> Vec<(i32, i32)> {
    let s = r + 1;
    match shape {
        "triangle" => vec![(x, y - s), (x + s, y + r), (x - s, y + r)],
        "down" => vec![(x, y + s), (x - s, y - r), (x + s, y - r)],
        "diamond" => vec![(x, y - s), (x + s, y), (x, y + s), (x - s, y)],
        "pentagon" => regular(5, (x, y), f64::from(s)),
        "star" => star((x, y), f64::from(s + 1)),
        "plus" => plus((x, y), s, (r / 2).max(1)),
        _ => regular(6, (x, y), f64::from(s)),
    }
}

/// A five-pointed star with a point at the top, inner radius 45% of `r`.
fn star((x, y): (i32, i32), r: f64) -> Vec<(i32, i32)> {
    (0..10)
        .map(|k| {
            let angle = std::f64::consts::TAU * f64::from(k) / 10.0;
            let radius = if k % 2 == 0 { r } else { r * 0.45 };
            (
                x + (radius * angle.sin()).round() as i32,
                y - (radius * angle.cos()).round() as i32,
            )
        })
        .collect()
}

/// A plus sign as one closed outline: arms reaching `s`, half as thick as `t` each side.
fn plus((x, y): (i32, i32), s: i32, t: i32) -> Vec<(i32, i32)> {
    vec![
        (x - t, y - s),
        (x + t, y - s),
        (x + t, y - t),
        (x + s, y - t),
        (x + s, y + t),
        (x + t, y + t),
        (x + t, y + s),
        (x - t, y + s),
        (x - t, y + t),
        (x - s, y + t),
        (x - s, y - t),
        (x - t, y - t),
    ]
}

/// A regular polygon with a vertex at the top.
fn regular(sides: u32, (x, y): (i32, i32), r: f64) -> Vec<(i32, i32)> {
    (0..sides)
        .map(|k| {
            let angle = std::f64::consts::TAU * f64::from(k) / f64::from(sides);
            (
                x + (r * angle.sin()).round() as i32,
                y - (r * angle.cos()).round() as i32,
            )
        })
        .collect()
}

/// Draws an × (off the chart) centred on `(x, y)`.
pub(crate) fn cross(root: &Root, (x, y): (i32, i32), r: i32) -> DrawResult {
    root.draw(&PathElement::new(
        vec![(x - r, y - r), (x + r, y + r)],
        BLACK,
    ))?;
    root.draw(&PathElement::new(
        vec![(x - r, y + r), (x + r, y - r)],
        BLACK,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Polygons are symmetric about their centre column.
    #[test]
    fn builds_symmetric_polygons() {
        assert_eq!(
            polygon("diamond", (10, 10), 4),
            [(10, 5), (15, 10), (10, 15), (5, 10)]
        );
        let hexagon = regular(6, (0, 0), 5.0);
        assert_eq!(hexagon[0], (0, -5));
        assert_eq!(hexagon[3], (0, 5));
    }
}
