//! The verdict symbols of the badge (✓ ◷ ≈ ✗ ?), drawn as strokes rather than set in the
//! card font, which lacks some of them: a verdict never relies on its colour alone.

use std::fmt::Write;

use crate::content::claim::Verdict;

/// The symbol of `verdict` as SVG in a `size`-pixel square at (`x`, `y`), stroked in
/// `colour`.
pub fn symbol(verdict: Verdict, x: f64, y: f64, size: f64, colour: &str) -> String {
    let stroke = size * 0.13;
    let mut out = format!(
        "<g transform=\"translate({x:.1} {y:.1}) scale({size:.1})\" fill=\"none\" stroke=\"{colour}\" \
         stroke-width=\"{:.3}\" stroke-linecap=\"round\" stroke-linejoin=\"round\">",
        stroke / size
    );
    let shape = match verdict {
        Verdict::Accurate => "<polyline points=\"0.16,0.54 0.40,0.78 0.84,0.24\"/>".to_string(),
        Verdict::AccurateAsOf => "<circle cx=\"0.5\" cy=\"0.5\" r=\"0.4\"/>\
             <polyline points=\"0.5,0.1 0.5,0.5 0.9,0.5\"/>"
            .to_string(),
        Verdict::Misleading => "<path d=\"M0.12,0.40 q0.19,-0.16 0.38,0 t0.38,0\"/>\
             <path d=\"M0.12,0.66 q0.19,-0.16 0.38,0 t0.38,0\"/>"
            .to_string(),
        Verdict::Inaccurate => "<path d=\"M0.2,0.2 L0.8,0.8 M0.8,0.2 L0.2,0.8\"/>".to_string(),
        Verdict::Unverifiable => {
            let mut shape =
                "<path d=\"M0.30,0.32 a0.2,0.2 0 1 1 0.29,0.18 q-0.09,0.05 -0.09,0.16 v0.06\"/>"
                    .to_string();
            let _ = write!(
                shape,
                "<circle cx=\"0.5\" cy=\"0.88\" r=\"0.035\" fill=\"{colour}\"/>"
            );
            shape
        }
    };
    out.push_str(&shape);
    out.push_str("</g>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // Every verdict has a shape of its own.
    #[test]
    fn draws_a_distinct_symbol_for_every_verdict() {
        let shapes: std::collections::HashSet<String> = Verdict::ALL
            .iter()
            .map(|&v| symbol(v, 0.0, 0.0, 40.0, "#fff"))
            .collect();
        assert_eq!(shapes.len(), Verdict::ALL.len());
    }
}
