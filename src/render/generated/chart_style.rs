//! The chart rules of the theme's `charts.css` as a stylesheet a picture can carry on its
//! own: only the `.fs-chart` rules, every `var(--name, fallback)` replaced by the light
//! theme's colour, so that a chart drawn outside the page (a card, a download) looks as it
//! does on the page.

use crate::content::theme::Assets;

use super::palette::{Palette, strip_comments};

/// The self-contained stylesheet of chart pictures, from the site's `charts.css`.
pub fn chart_css(assets: &Assets, palette: &Palette) -> String {
    let css = assets
        .get("charts.css")
        .map(|a| String::from_utf8_lossy(&a.bytes).into_owned())
        .unwrap_or_default();
    resolve(&strip_comments(&css), palette)
}

/// The `.fs-chart` rules of `css` (outside any `@media` block), with `var()` resolved.
pub fn resolve(css: &str, palette: &Palette) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut rule_start = 0;
    for (i, c) in css.char_indices() {
        match c {
            '{' => {
                let selector = css[rule_start..i].trim();
                // A rule inside `@media` is at depth 1 and never kept.
                if depth == 0
                    && selector
                        .split(',')
                        .all(|s| s.trim().starts_with(".fs-chart"))
                    && let Some(end) = css[i..].find('}')
                {
                    out.push_str(selector);
                    out.push('{');
                    out.push_str(&vars(css[i + 1..i + end].trim(), palette));
                    out.push_str("}\n");
                }
                depth += 1;
            }
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    rule_start = i + 1;
                }
            }
            _ => {}
        }
    }
    out
}

/// `body` with each `var(--name, fallback)` replaced by the palette's colour or the
/// fallback, and each `var(--name)` by the palette's colour or `currentColor`.
fn vars(body: &str, palette: &Palette) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(start) = rest.find("var(--") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 6..];
        let Some(end) = after.find(')') else {
            break;
        };
        let inside = &after[..end];
        let (name, fallback) = inside
            .split_once(',')
            .map_or((inside, "currentColor"), |(n, f)| (n, f.trim()));
        out.push_str(&palette.colour(name.trim(), fallback));
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // Only the chart rules are kept, and their custom properties become plain colours.
    #[test]
    fn keeps_chart_rules_with_plain_colours() {
        let palette = Palette::parse(":root { --series-1: #123456; }");
        let css = ".fs-chart .series-1 { color: var(--series-1, #0a6fb0); }\n\
                   .fs-chart .grid line { stroke: var(--chart-grid, #e4e0d8); }\n\
                   .chart .chart-title { font-size: 1rem; }\n\
                   @media (max-width: 44rem) { .fs-chart .x { fill: red; } }";
        let out = resolve(css, &palette);
        assert_eq!(
            out,
            ".fs-chart .series-1{color: #123456;}\n.fs-chart .grid line{stroke: #e4e0d8;}\n"
        );
    }
}
