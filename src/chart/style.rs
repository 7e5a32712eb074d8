//! The CSS inside every chart SVG: paint by class, colours only from the theme's custom
//! properties, each with the light theme's value as a fallback for pages without them.
//!
//! Series colour reaches shapes through `color` and `currentColor`, so one rule per series
//! colours its line, markers and label. Rules are scoped under `.fs-chart`, and sizes under
//! the layout's modifier class, because every SVG's `<style>` applies to the whole page.

use super::layout::Metrics;

/// Okabe–Ito order, as the theme defines `--series-1` … `--series-8` (light values).
const SERIES: [&str; 8] = [
    "#0a6fb0", "#b54c08", "#00805c", "#b0437f", "#8a6d00", "#4b4b9c", "#6b6b6b", "#1d1d1f",
];

/// A dash pattern per series, the second cue beyond colour (the first is solid).
const DASHES: [&str; 8] = [
    "none",
    "8 4",
    "2 3",
    "10 3 2 3",
    "5 5",
    "12 4",
    "1 4",
    "6 2 2 2 2 2",
];

const RULES: &str = "\
.fs-chart{overflow:visible}\
.fs-chart text{font-family:inherit;fill:var(--chart-text,#3b3b42)}\
.fs-chart .grid line{stroke:var(--chart-grid,#e4e0d8);stroke-width:1}\
.fs-chart .grid text,.fs-chart .axis-title{fill:var(--chart-axis,#55555d)}\
.fs-chart .axis-title{font-weight:600}\
.fs-chart .off-rule{stroke:var(--chart-axis,#55555d);stroke-width:1;stroke-dasharray:2 3}\
.fs-chart .band-unknown rect{stroke:none}\
.fs-chart .band-label{fill:var(--chart-axis,#55555d);font-style:italic}\
.fs-chart .hatch{stroke:var(--chart-unknown,#8d8a82);stroke-width:1.5}\
.fs-chart .band-no1 rect{fill:var(--chart-band,rgba(11,85,163,.08));stroke:none}\
.fs-chart .line{fill:none;stroke:currentColor;stroke-width:2.25;stroke-linejoin:round;stroke-linecap:butt}\
.fs-chart .pt>*,.fs-chart .ghost>*{stroke:currentColor;stroke-width:1.5}\
.fs-chart .pt>*{fill:currentColor}\
.fs-chart .derived>*,.fs-chart .ghost>*{fill:var(--bg,#fdfcf9)}\
.fs-chart .pt>.ring{fill:none;stroke-width:1.25}\
.fs-chart .ghost>*{stroke-dasharray:2 1.5}\
.fs-chart .ghost>polyline{fill:none;stroke-width:1;stroke-dasharray:1 2}\
.fs-chart .off polyline{fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round}\
.fs-chart .label,.fs-chart .note{fill:currentColor;font-weight:600}\
.fs-chart .halo{paint-order:stroke;stroke:var(--bg,#fdfcf9);stroke-width:3px;stroke-linejoin:round}\
.fs-chart .leader{stroke:currentColor;stroke-width:1}";

/// The `<style>` element for a picture of `metrics`.
pub(crate) fn element(metrics: &Metrics) -> String {
    let mut css = String::from(RULES);
    for (i, (colour, dash)) in SERIES.iter().zip(DASHES).enumerate() {
        let n = i + 1;
        css.push_str(&format!(
            ".fs-chart .series-{n}{{color:var(--series-{n},{colour})}}"
        ));
        if dash != "none" {
            css.push_str(&format!(
                ".fs-chart .series-{n} .line{{stroke-dasharray:{dash}}}"
            ));
        }
    }
    let name = metrics.name;
    css.push_str(&format!(
        ".fs-chart--{name} text{{font-size:{}px}}.fs-chart--{name} .label{{font-size:{}px}}",
        metrics.font, metrics.label_font
    ));
    format!("<style>{css}</style>")
}

/// The `<defs>` of a picture whose ids start with `prefix` (already escaped): the hatch
/// of "no data" bands, referenced by `fill` attribute so that it resolves in this SVG.
pub(crate) fn defs(prefix: &str) -> String {
    format!(
        "<defs><pattern id=\"{prefix}-hatch\" width=\"6\" height=\"6\" \
         patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <line class=\"hatch\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern></defs>"
    )
}
