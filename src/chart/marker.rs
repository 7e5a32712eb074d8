//! Marker shapes, one per series, so series differ in shape as well as colour and dash.

use plotters::prelude::*;

use super::backend::SemanticBackend;

/// The drawing area in user units.
pub(crate) type Root = DrawingArea<SemanticBackend, plotters::coord::Shift>;

/// The error plotters reports (our backend never fails).
pub(crate) type DrawResult<T = ()> = Result<T, DrawingAreaErrorKind<std::convert::Infallible>>;

/// The shapes, in series order: circle, square, triangle, diamond, inverted triangle,
/// pentagon, hexagon, bar.
pub(crate) const SHAPES: [&str; 8] = [
    "circle", "square", "triangle", "diamond", "down", "pentagon", "hexagon", "bar",
];

/// Draws the marker of series `index` (0-based) centred on `(x, y)`, radius `r`.
pub(crate) fn draw(root: &Root, index: usize, (x, y): (i32, i32), r: i32) -> DrawResult {
    match SHAPES[index % SHAPES.len()] {
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
        _ => regular(6, (x, y), f64::from(s)),
    }
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
