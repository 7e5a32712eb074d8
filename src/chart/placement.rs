//! Text placement without overlaps: direct labels stacked in a column, notes tried at
//! spots around their point until one is free.

/// An axis-aligned box in user units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    /// Left.
    pub x0: f64,
    /// Top.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Bottom.
    pub y1: f64,
}

impl Rect {
    /// A box `width` by `height` centred on `(x, y)`.
    pub(crate) fn centred(x: f64, y: f64, width: f64, height: f64) -> Self {
        Self {
            x0: x - width / 2.0,
            y0: y - height / 2.0,
            x1: x + width / 2.0,
            y1: y + height / 2.0,
        }
    }

    /// Whether the two boxes share any area.
    pub(crate) fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    /// Whether this box lies inside `bounds`.
    pub(crate) fn within(&self, bounds: &Rect) -> bool {
        self.x0 >= bounds.x0 && self.x1 <= bounds.x1 && self.y0 >= bounds.y0 && self.y1 <= bounds.y1
    }

    /// The centre.
    pub(crate) fn centre(&self) -> (f64, f64) {
        ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }

    /// Whether the segment from `a` to `b` passes through the box (Liang–Barsky clipping).
    pub(crate) fn crosses(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let mut range = (0.0_f64, 1.0_f64);
        let edges = [
            (-dx, a.0 - self.x0),
            (dx, self.x1 - a.0),
            (-dy, a.1 - self.y0),
            (dy, self.y1 - a.1),
        ];
        for (p, q) in edges {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else if p < 0.0 {
                range.0 = range.0.max(q / p);
            } else {
                range.1 = range.1.min(q / p);
            }
        }
        range.0 <= range.1
    }
}

/// A line segment in user units.
pub(crate) type Segment = ((f64, f64), (f64, f64));

/// What text must keep clear of: other text and markers, the lines, the picture's edges.
#[derive(Debug, Clone)]
pub(crate) struct Obstacles {
    /// Boxes of markers.
    pub boxes: Vec<Rect>,
    /// Boxes of text already placed.
    pub texts: Vec<Rect>,
    /// Pieces of lines.
    pub segments: Vec<Segment>,
    /// Where text may go.
    pub bounds: Rect,
}

impl Obstacles {
    /// Whether `rect` is inside the bounds and clear of every box and segment.
    pub(crate) fn free(&self, rect: &Rect) -> bool {
        self.clear_of_text(rect)
            && !self.boxes.iter().any(|b| b.overlaps(rect))
            && !self.segments.iter().any(|&(a, b)| rect.crosses(a, b))
    }

    /// Whether `rect` is inside the bounds and clear of all text (markers and lines
    /// aside): the last resort of a label that must be drawn.
    pub(crate) fn clear_of_text(&self, rect: &Rect) -> bool {
        rect.within(&self.bounds) && !self.texts.iter().any(|b| b.overlaps(rect))
    }

    /// Whether the segment from `a` to `b` passes through any text or marker.
    pub(crate) fn blocks(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        self.texts
            .iter()
            .chain(&self.boxes)
            .any(|r| r.crosses(a, b))
    }
}

/// A direct label: its left edge, the line end it wants to sit level with, and its size.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Label {
    /// Left edge.
    pub x: f64,
    /// Vertical centre; [`stack`] moves it.
    pub y: f64,
    /// Estimated width.
    pub width: f64,
    /// Line height.
    pub height: f64,
}

impl Label {
    /// The label's box.
    pub(crate) fn rect(&self) -> Rect {
        Rect {
            x0: self.x,
            y0: self.y - self.height / 2.0,
            x1: self.x + self.width,
            y1: self.y + self.height / 2.0,
        }
    }
}

/// Moves labels up or down as little as needed so that no two overlap. Labels that share
/// no horizontal extent cannot collide, so each cluster of horizontally overlapping labels
/// is stacked on its own (see [`column`]).
pub(crate) fn stack(labels: &mut [Label], top: f64, bottom: f64) {
    let mut order: Vec<usize> = (0..labels.len()).collect();
    order.sort_by(|&a, &b| labels[a].x.total_cmp(&labels[b].x).then(a.cmp(&b)));
    let mut cluster: Vec<usize> = Vec::new();
    let mut right = f64::NEG_INFINITY;
    for i in order {
        if labels[i].x >= right && !cluster.is_empty() {
            column(labels, &cluster, top, bottom);
            cluster.clear();
        }
        right = right.max(labels[i].x + labels[i].width);
        cluster.push(i);
    }
    column(labels, &cluster, top, bottom);
}

/// Stacks the labels at `indices` in one column: sorted by `y`, pushed apart by their
/// heights, kept between `top` and `bottom` when they fit. The last pass only pushes
/// down, so they never overlap even when they do not fit.
fn column(labels: &mut [Label], indices: &[usize], top: f64, bottom: f64) {
    let mut order = indices.to_vec();
    order.sort_by(|&a, &b| labels[a].y.total_cmp(&labels[b].y).then(a.cmp(&b)));
    let mut limit = f64::NEG_INFINITY;
    for &i in &order {
        let label = &mut labels[i];
        label.y = label.y.max(limit + label.height / 2.0);
        limit = label.y + label.height / 2.0;
    }
    let mut limit = bottom;
    for &i in order.iter().rev() {
        let label = &mut labels[i];
        label.y = label.y.min(limit - label.height / 2.0);
        limit = label.y - label.height / 2.0;
    }
    let mut limit = top;
    for &i in &order {
        let label = &mut labels[i];
        label.y = label.y.max(limit + label.height / 2.0);
        limit = label.y + label.height / 2.0;
    }
}

/// Nudges each stacked label up or down by a few units, the least that clears markers
/// and lines, when it can do so without touching another label; a label with no such
/// spot stays where [`stack`] put it.
pub(crate) fn nudge(labels: &mut [Label], avoid: &Obstacles) {
    for i in 0..labels.len() {
        let reach = labels[i].height * 1.5;
        let steps = (reach / 2.0) as usize;
        let offsets = (0..=steps).flat_map(|k| [-2.0 * k as f64, 2.0 * k as f64]);
        for offset in offsets {
            let moved = Label {
                y: labels[i].y + offset,
                ..labels[i].clone()
            };
            let rect = moved.rect();
            let clear = labels
                .iter()
                .enumerate()
                .all(|(j, other)| j == i || !other.rect().overlaps(&rect));
            if clear && avoid.free(&rect) {
                labels[i] = moved;
                break;
            }
        }
    }
}

/// A free box of `size` near the point `(x, y)`, at least `clear` away from it: beside it
/// first (above, below, right, left, diagonally above), then up to `far` line heights
/// further below or above, where a leader line will join it to the point; that leader
/// must not cross a box either.
pub(crate) fn spot(
    (x, y): (f64, f64),
    (width, height): (f64, f64),
    (clear, far): (f64, usize),
    obstacles: &Obstacles,
) -> Option<Rect> {
    let (dx, dy) = (width / 2.0 + clear, height / 2.0 + clear);
    let near = [
        (x, y - dy),
        (x, y + dy),
        (x + dx, y),
        (x - dx, y),
        (x + dx, y - dy),
        (x - dx, y - dy),
    ]
    .map(|(cx, cy)| Rect::centred(cx, cy, width, height));
    if let Some(rect) = near.into_iter().find(|rect| obstacles.free(rect)) {
        return Some(rect);
    }
    (1..=far)
        .flat_map(|k| [1.0, -1.0].map(|side| (k as f64 * height + dy) * side))
        .map(|offset| Rect::centred(x, y + offset, width, height))
        .find(|rect| {
            let (from, to) = if rect.y0 > y {
                ((x, y + clear), (x, rect.y0))
            } else {
                ((x, y - clear), (x, rect.y1))
            };
            obstacles.free(rect) && !obstacles.blocks(from, to)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(y: f64) -> Label {
        Label {
            x: 10.0,
            y,
            width: 40.0,
            height: 16.0,
        }
    }

    #[track_caller]
    fn case(wanted: &[f64], top: f64, bottom: f64, expected: &[f64]) {
        let mut labels: Vec<Label> = wanted.iter().map(|&y| label(y)).collect();
        stack(&mut labels, top, bottom);
        let ys: Vec<f64> = labels.iter().map(|l| l.y).collect();
        assert_eq!(ys, expected);
        for (i, a) in labels.iter().enumerate() {
            for b in &labels[i + 1..] {
                assert!(!a.rect().overlaps(&b.rect()), "{a:?} overlaps {b:?}");
            }
        }
    }

    // Labels ending at adjacent positions are pushed apart, in their original order.
    #[test]
    fn stacks_labels_apart() {
        case(&[50.0, 52.0], 0.0, 300.0, &[50.0, 66.0]);
        case(&[52.0, 50.0], 0.0, 300.0, &[66.0, 50.0]);
        case(&[100.0, 200.0], 0.0, 300.0, &[100.0, 200.0]);
        case(&[50.0, 50.0, 50.0], 0.0, 300.0, &[50.0, 66.0, 82.0]);
    }

    // Labels near an edge stay inside it, pushing their neighbours the other way.
    #[test]
    fn keeps_labels_in_bounds() {
        case(&[295.0, 296.0], 0.0, 300.0, &[276.0, 292.0]);
        case(&[2.0, 3.0], 0.0, 300.0, &[8.0, 24.0]);
        case(&[5.0, 5.0, 5.0], 0.0, 40.0, &[8.0, 24.0, 40.0]);
    }

    // Labels at different heights that share no horizontal extent are left alone.
    #[test]
    fn stacks_only_labels_that_could_collide() {
        let mut labels = vec![
            label(50.0),
            Label {
                x: 60.0,
                ..label(52.0)
            },
        ];
        stack(&mut labels, 0.0, 300.0);
        assert_eq!((labels[0].y, labels[1].y), (50.0, 52.0));
    }

    fn obstacles(boxes: Vec<Rect>, segments: Vec<Segment>) -> Obstacles {
        Obstacles {
            boxes,
            texts: Vec::new(),
            segments,
            bounds: Rect::centred(100.0, 100.0, 200.0, 200.0),
        }
    }

    // A note goes above its point, else below, else beside it or further away; never
    // onto taken text or across a line.
    #[test]
    fn finds_a_free_spot() {
        let size = (40.0, 10.0);
        let free = obstacles(vec![], vec![]);
        let at = (100.0, 100.0);
        let above = spot(at, size, (5.0, 0), &free).unwrap();
        assert_eq!(above.centre(), (100.0, 90.0));
        let below = spot(at, size, (5.0, 0), &obstacles(vec![above], vec![])).unwrap();
        assert_eq!(below.centre(), (100.0, 110.0));
        let top_edge = spot((100.0, 3.0), size, (5.0, 0), &free).unwrap();
        assert_eq!(top_edge.centre(), (100.0, 13.0));
        let lines = vec![((0.0, 90.0), (200.0, 90.0)), ((0.0, 110.0), (200.0, 110.0))];
        let right = spot(at, size, (5.0, 0), &obstacles(vec![], lines)).unwrap();
        assert_eq!(right.centre(), (125.0, 100.0));
        let boxed = obstacles(vec![Rect::centred(100.0, 100.0, 400.0, 400.0)], vec![]);
        assert_eq!(spot(at, size, (5.0, 3), &boxed), None);
        // Crowded all round: further below, across a line but not across a marker.
        let lines = vec![((0.0, 90.0), (200.0, 90.0)), ((0.0, 110.0), (200.0, 110.0))];
        let sides = vec![
            Rect::centred(130.0, 100.0, 20.0, 20.0),
            Rect::centred(70.0, 100.0, 20.0, 20.0),
        ];
        let crowd = obstacles(sides.clone(), lines.clone());
        assert_eq!(
            spot(at, size, (5.0, 3), &crowd).unwrap().centre(),
            (100.0, 120.0)
        );
        assert_eq!(spot(at, size, (5.0, 0), &crowd), None);
        let mut blocked = sides;
        blocked.push(Rect::centred(100.0, 112.0, 4.0, 4.0));
        let far = spot(at, size, (5.0, 1), &obstacles(blocked, lines)).unwrap();
        assert_eq!(far.centre(), (100.0, 80.0));
    }

    // A label moves off a marker when it can, and never onto another label.
    #[test]
    fn nudges_labels_off_markers() {
        let marker = Rect::centred(30.0, 54.0, 10.0, 10.0);
        let mut labels = vec![label(50.0), label(80.0)];
        nudge(&mut labels, &obstacles(vec![marker], vec![]));
        assert_eq!((labels[0].y, labels[1].y), (40.0, 80.0));
        let mut boxed = vec![label(50.0), label(34.0), label(66.0)];
        nudge(&mut boxed, &obstacles(vec![marker], vec![]));
        assert_eq!(boxed[0].y, 50.0);
    }

    // Segments cross a box when any part of them is inside it.
    #[test]
    fn clips_segments_against_boxes() {
        let rect = Rect::centred(0.0, 0.0, 10.0, 10.0);
        assert!(rect.crosses((-10.0, 0.0), (10.0, 0.0)));
        assert!(rect.crosses((0.0, 0.0), (1.0, 1.0)));
        assert!(!rect.crosses((-10.0, 8.0), (10.0, 8.0)));
        assert!(!rect.crosses((6.0, -10.0), (20.0, 10.0)));
    }
}
