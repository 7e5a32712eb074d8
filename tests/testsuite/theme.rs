//! The default theme's colours meet WCAG 2.2 AA contrast in light and dark mode.

/// Custom properties of one `:root { ... }` block of the stylesheet.
fn properties(block: &str) -> Vec<(String, String)> {
    let mut text = block.to_string();
    while let (Some(start), Some(end)) = (text.find("/*"), text.find("*/")) {
        text.replace_range(start..end + 2, "");
    }
    text.split(';')
        .filter_map(|declaration| {
            let (name, value) = declaration.trim().split_once(':')?;
            let value = value.trim();
            (name.trim().starts_with("--") && value.starts_with('#') && value.len() == 7)
                .then(|| (name.trim().to_string(), value.to_string()))
        })
        .collect()
}

fn luminance(hex: &str) -> f64 {
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).expect("hex")) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

pub(crate) fn contrast(a: &str, b: &str) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

// Text, links, stance labels and chart series (which label their lines) reach 4.5:1 against
// the page; chart strokes for unknown weeks and the edge of the No. 1 band reach 3:1;
// verdict badges keep white text legible.
#[test]
fn palette_meets_aa_in_light_and_dark() {
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/theme/style.css"))
        .expect("style.css");
    let light = css
        .split(":root {")
        .nth(1)
        .and_then(|s| s.split('}').next())
        .expect("light palette");
    let dark = css
        .split("@media (prefers-color-scheme: dark)")
        .nth(1)
        .and_then(|s| s.split(":root {").nth(1))
        .and_then(|s| s.split('}').next())
        .expect("dark palette");
    let mut failures = Vec::new();
    for (mode, block) in [("light", light), ("dark", dark)] {
        let vars = properties(block);
        let get = |name: &str| {
            vars.iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_else(|| panic!("{mode}: {name}"))
        };
        let bg = get("--bg");
        let text_like = [
            "--text",
            "--muted",
            "--link",
            "--link-visited",
            "--for",
            "--against",
            "--context",
            "--ok",
            "--chart-axis",
            "--chart-text",
        ];
        let series = (1..=10).map(|n| format!("--series-{n}"));
        for name in text_like.iter().map(|s| (*s).to_string()).chain(series) {
            let ratio = contrast(&get(&name), &bg);
            if ratio < 4.5 {
                failures.push(format!(
                    "{mode}: {name} {} on {bg} is {ratio:.2}:1",
                    get(&name)
                ));
            }
        }
        for name in ["--chart-unknown", "--chart-band-edge"] {
            let ratio = contrast(&get(name), &bg);
            if ratio < 3.0 {
                failures.push(format!("{mode}: {name} is {ratio:.2}:1"));
            }
        }
        for verdict in [
            "accurate",
            "accurate-as-of",
            "misleading",
            "inaccurate",
            "unverifiable",
        ] {
            let ratio = contrast("#ffffff", &get(&format!("--verdict-{verdict}")));
            if ratio < 4.5 {
                failures.push(format!(
                    "{mode}: white on --verdict-{verdict} is {ratio:.2}:1"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// Printed, every chart series and the marks a reader needs keep 3:1 against white paper,
// so that colour still helps where the printer has it.
#[test]
fn print_palette_reads_on_paper() {
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/theme/print.css"))
        .expect("print.css");
    let root = css
        .split(":root {")
        .nth(1)
        .and_then(|s| s.split('}').next())
        .expect("print palette");
    let vars = properties(root);
    let mut checked = 0;
    for (name, value) in &vars {
        let needed = if name.starts_with("--series-") || name == "--chart-band-edge" {
            3.0
        } else {
            continue;
        };
        checked += 1;
        let ratio = contrast(value, "#ffffff");
        assert!(ratio >= needed, "{name} {value} is {ratio:.2}:1 on white");
    }
    assert_eq!(checked, 11, "{vars:?}");
}

/// The lines of `html` outside `<pre>` blocks that hold only spaces, each with the lines
/// around it.
fn blank_lines(html: &str) -> Vec<String> {
    let mut outside = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<pre") {
        outside.push_str(&rest[..start]);
        outside.push_str("<pre></pre>");
        rest = rest[start..]
            .split_once("</pre>")
            .map_or("", |(_, after)| after);
    }
    outside.push_str(rest);
    let lines: Vec<&str> = outside.lines().collect();
    lines
        .windows(3)
        .filter(|w| w[1].trim().is_empty())
        .map(|w| format!("{}\n{}\n{}", w[0], w[1], w[2]))
        .collect()
}

// No built-in template prints a line of its own that is empty, wherever a condition is
// false or a loop runs: at 100,000 pages, each such line is written 100,000 times, and the
// audit page printed one per table row. Only a page's prose, as markdown ends it, leaves
// one, before the tag that closes it.
#[test]
fn no_page_carries_empty_template_lines() {
    let (_dir, _out, pages) = crate::support::built_flagship();
    let mut checked = 0;
    for (name, html) in &pages {
        if !name.ends_with(".html") {
            continue;
        }
        checked += 1;
        let html = html
            .replace("\n\n  </div>", "\n  </div>")
            .replace("\n\n  </details>", "\n  </details>");
        let blank = blank_lines(&html);
        assert!(blank.is_empty(), "{name}: {blank:#?}");
    }
    // Essays, sections, claims, charts, taxonomies, the audit, corrections and 404.
    assert!(checked >= 60, "only {checked} pages");
}
