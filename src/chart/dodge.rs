//! Markers that would overlap on one chart date, moved apart sideways where the room
//! between chart dates allows, so that a few points per entry (two days of a daily
//! chart, a handful of dated weeks) show every point rather than a pile. Where dates are
//! close together, as in a long weekly run, nothing moves: the lines carry the run.

/// The share of the distance between two chart dates a group of markers may spread over.
const ROOM: f64 = 0.6;

/// The sideways offset of every row's marker on every date, in user units: `ys[row][date]`
/// is the marker's height, if one is drawn; `step` is the distance between chart dates
/// and `r` the marker radius.
pub(crate) fn offsets(ys: &[Vec<Option<i32>>], step: f64, r: i32) -> Vec<Vec<i32>> {
    let dates = ys.first().map_or(0, Vec::len);
    let mut out = vec![vec![0; dates]; ys.len()];
    let pitch = 2 * r + 2;
    for date in 0..dates {
        let mut drawn: Vec<(i32, usize)> = ys
            .iter()
            .enumerate()
            .filter_map(|(row, y)| y[date].map(|y| (y, row)))
            .collect();
        drawn.sort_unstable();
        for group in groups(&drawn, pitch) {
            let n = group.len() as i32;
            if n < 2 || f64::from(n * pitch) > step * ROOM {
                continue;
            }
            for (k, &(_, row)) in group.iter().enumerate() {
                // Centred on the date: -pitch/2 and +pitch/2 for two, -pitch, 0, +pitch for three.
                out[row][date] = (2 * k as i32 - (n - 1)) * pitch / 2;
            }
        }
    }
    out
}

/// Runs of markers (sorted by height) each less than `pitch` below the previous.
fn groups(drawn: &[(i32, usize)], pitch: i32) -> Vec<&[(i32, usize)]> {
    let mut groups = Vec::new();
    let mut start = 0;
    for i in 1..=drawn.len() {
        if i == drawn.len() || drawn[i].0 - drawn[i - 1].0 >= pitch {
            groups.push(&drawn[start..i]);
            start = i;
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    // Overlapping markers spread sideways when there is room, and stay put when not.
    #[test]
    fn spreads_overlapping_markers() {
        let ys = vec![
            vec![Some(100), Some(50)],
            vec![Some(103), None],
            vec![Some(200), Some(51)],
        ];
        let out = offsets(&ys, 300.0, 4);
        assert_eq!(out, [[-5, -5], [5, 0], [0, 5]]);
        assert_eq!(offsets(&ys, 20.0, 4), [[0, 0], [0, 0], [0, 0]]);
    }

    // Whatever the heights, after spreading no two markers of one date overlap when
    // there was room, and every group stays centred on its date.
    #[test]
    fn leaves_no_pile() {
        for seed in 0..500_u32 {
            let heights: Vec<Option<i32>> = (0..6)
                .map(|k| {
                    let v = seed.wrapping_mul(2_654_435_761).rotate_left(k * 5) % 40;
                    (v % 5 != 0).then_some(v as i32 * 3)
                })
                .collect();
            let ys: Vec<Vec<Option<i32>>> = heights.iter().map(|h| vec![*h]).collect();
            let out = offsets(&ys, 1000.0, 4);
            let points: Vec<(i32, i32)> = ys
                .iter()
                .zip(&out)
                .filter_map(|(y, dx)| y[0].map(|y| (dx[0], y)))
                .collect();
            for (i, a) in points.iter().enumerate() {
                for b in &points[i + 1..] {
                    let apart = (a.0 - b.0).abs() >= 10 || (a.1 - b.1).abs() >= 10;
                    assert!(apart, "seed {seed}: {a:?} and {b:?} overlap in {points:?}");
                }
            }
            assert_eq!(out.iter().map(|d| d[0]).sum::<i32>(), 0, "seed {seed}");
        }
    }
}
