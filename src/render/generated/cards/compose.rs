//! The SVG of a social card, 1200 by 630: a claim's verdict badge, its words, claimant and
//! evidence date; a chart with its title and source line; or a title card. Every text is
//! wrapped with the card font's own widths, so nothing is drawn past the edge.

use std::fmt::Write;

use crate::content::claim::Verdict;
use crate::content::date::Date;
use crate::escape::xml;

use super::fonts::Measure;
use super::symbol::symbol;
use super::wrap::{Setting, wrap};
use crate::render::generated::palette::Palette;

/// The card's width in pixels.
pub const WIDTH: u32 = 1200;
/// The card's height in pixels.
pub const HEIGHT: u32 = 630;
const MARGIN: f64 = 64.0;
const INNER: f64 = WIDTH as f64 - 2.0 * MARGIN;

/// What a card shows.
#[derive(Debug, Clone)]
pub enum Card<'a> {
    /// A claim page: the verdict, the claim quoted, who made it, the evidence date.
    Claim {
        /// The verdict.
        verdict: Verdict,
        /// The claim as quoted on the page (with its quotation marks).
        quote: &'a str,
        /// Who made the claim, as the page names them.
        claimant: &'a str,
        /// The evidence cut-off.
        as_of: Date,
    },
    /// A chart page: its title, the chart (a whole `<svg>` element) and its source line.
    Chart {
        /// The chart's title.
        title: &'a str,
        /// The chart picture, already styled for drawing outside the page.
        svg: &'a str,
        /// "Source: … (publisher), positions as reported by …"
        source: &'a str,
        /// The date of the latest data drawn.
        as_of: Option<Date>,
    },
    /// Any other page: a kicker (its section), its title and description.
    Title {
        /// The section, or the site's description on the home page.
        kicker: &'a str,
        /// The page title.
        title: &'a str,
        /// The description, if any.
        description: Option<&'a str>,
    },
}

/// What every card is drawn with.
#[derive(Clone)]
pub struct Look<'a> {
    /// The theme's colours.
    pub palette: &'a Palette,
    /// Text widths in the card fonts.
    pub measure: Measure<'a>,
    /// The card font's family name.
    pub family: &'a str,
    /// The site's title, in every card's footer.
    pub site: &'a str,
}

impl Look<'_> {
    fn lines(&self, text: &str, size: f64, bold: bool, lines: usize) -> Vec<String> {
        let setting = Setting {
            size,
            bold,
            width: INNER,
            lines,
        };
        wrap(text, setting, &self.measure)
    }
}

/// The SVG of `card`.
pub fn svg(card: &Card, look: &Look) -> String {
    let bg = look.palette.colour("bg", "#fdfcf9");
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" \
         viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"{}\">\
         <rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"{bg}\"/>",
        xml(look.family)
    );
    let footer_left = match card {
        Card::Claim {
            verdict,
            quote,
            claimant,
            as_of,
        } => {
            claim(&mut out, look, (*verdict, quote, claimant));
            Some(format!("Evidence as of {}", as_of.long()))
        }
        Card::Chart {
            title,
            svg,
            source,
            as_of,
        } => {
            chart(&mut out, look, title, svg, source);
            as_of.map(|date| format!("Data as of {}", date.long()))
        }
        Card::Title {
            kicker,
            title,
            description,
        } => {
            title_card(&mut out, look, kicker, title, *description);
            None
        }
    };
    footer(&mut out, look, footer_left.as_deref());
    out.push_str("</svg>");
    out
}

/// The colour of a verdict's badge.
pub fn verdict_colour(palette: &Palette, verdict: Verdict) -> String {
    let fallback = match verdict {
        Verdict::Accurate => "#1b6e3a",
        Verdict::AccurateAsOf => "#0b55a3",
        Verdict::Misleading => "#7c5200",
        Verdict::Inaccurate => "#b3261e",
        Verdict::Unverifiable => "#55555d",
    };
    palette.colour(&format!("verdict-{}", verdict.slug()), fallback)
}

fn claim(out: &mut String, look: &Look, (verdict, quote, claimant): (Verdict, &str, &str)) {
    let colour = verdict_colour(look.palette, verdict);
    let on = look.palette.colour("verdict-text", "#ffffff");
    let text = look.palette.colour("text", "#1d1d1f");
    let muted = look.palette.colour("muted", "#55555d");
    let _ = write!(
        out,
        "<rect width=\"{WIDTH}\" height=\"14\" fill=\"{colour}\"/>"
    );
    // The badge: symbol and word on the verdict's colour, as on the page.
    let label = verdict.label();
    let label_width = look.measure.width(label, 40.0, true);
    let _ = write!(
        out,
        "<rect x=\"{MARGIN}\" y=\"60\" width=\"{:.0}\" height=\"76\" rx=\"8\" fill=\"{colour}\"/>",
        24.0 + 44.0 + 16.0 + label_width + 28.0
    );
    out.push_str(&symbol(verdict, MARGIN + 24.0, 76.0, 44.0, &on));
    let _ = write!(
        out,
        "<text x=\"{:.0}\" y=\"112\" font-size=\"40\" font-weight=\"700\" fill=\"{on}\">{}</text>",
        MARGIN + 24.0 + 44.0 + 16.0,
        xml(label)
    );
    // The claim, as large as fits in four lines.
    let (size, lines) = [56.0, 50.0, 44.0, 38.0]
        .iter()
        .map(|&size| (size, look.lines(quote, size, false, 99)))
        .find(|(size, lines)| lines.len() <= if *size > 40.0 { 4 } else { 5 })
        .unwrap_or_else(|| (38.0, look.lines(quote, 38.0, false, 5)));
    let mut y = 136.0 + 36.0 + size;
    for line in &lines {
        let _ = write!(
            out,
            "<text x=\"{MARGIN}\" y=\"{y:.0}\" font-size=\"{size}\" fill=\"{text}\">{}</text>",
            xml(line)
        );
        y += size * 1.22;
    }
    y += 6.0;
    for line in look.lines(claimant, 28.0, false, 2) {
        let _ = write!(
            out,
            "<text x=\"{MARGIN}\" y=\"{y:.0}\" font-size=\"28\" fill=\"{muted}\">{}</text>",
            xml(&line)
        );
        y += 36.0;
    }
}

fn chart(out: &mut String, look: &Look, title: &str, svg: &str, source: &str) {
    let text = look.palette.colour("text", "#1d1d1f");
    let muted = look.palette.colour("muted", "#55555d");
    let mut y = 56.0 + 44.0;
    let title_lines = look.lines(title, 44.0, true, 1);
    for line in &title_lines {
        let _ = write!(
            out,
            "<text x=\"{MARGIN}\" y=\"{y:.0}\" font-size=\"44\" font-weight=\"700\" fill=\"{text}\">{}</text>",
            xml(line)
        );
        y += 54.0;
    }
    let source_lines = look.lines(source, 22.0, false, 2);
    let chart_top = y - 20.0;
    let chart_bottom = 548.0 - source_lines.len() as f64 * 28.0 - 12.0;
    // The chart keeps its proportions inside the space left, centred.
    let _ = write!(
        out,
        "<svg x=\"{MARGIN}\" y=\"{chart_top:.0}\" width=\"{INNER:.0}\" height=\"{:.0}\"{}",
        chart_bottom - chart_top,
        svg.strip_prefix("<svg").unwrap_or(svg)
    );
    let mut y = chart_bottom + 28.0;
    for line in &source_lines {
        let _ = write!(
            out,
            "<text x=\"{MARGIN}\" y=\"{y:.0}\" font-size=\"22\" fill=\"{muted}\">{}</text>",
            xml(line)
        );
        y += 28.0;
    }
}

fn title_card(out: &mut String, look: &Look, kicker: &str, title: &str, description: Option<&str>) {
    let accent = look.palette.colour("link", "#0b55a3");
    let text = look.palette.colour("text", "#1d1d1f");
    let muted = look.palette.colour("muted", "#55555d");
    let _ = write!(
        out,
        "<rect width=\"{WIDTH}\" height=\"14\" fill=\"{accent}\"/>"
    );
    let mut y = 120.0;
    for line in look.lines(kicker, 30.0, true, 1) {
        let _ = write!(
            out,
            "<text x=\"{MARGIN}\" y=\"{y:.0}\" font-size=\"30\" font-weight=\"700\" fill=\"{accent}\">{}</text>",
            xml(&line)
        );
    }
    let (size, lines) = [68.0, 58.0, 50.0]
        .iter()
        .map(|&size| (size, look.lines(title, size, true, 99)))
        .find(|(_, lines)| lines.len() <= 3)
        .unwrap_or_else(|| (50.0, look.lines(title, 50.0, true, 4)));
    y += 28.0 + size;
    for line in &lines {
        let _ = write!(
            out,
            "<text x=\"{MARGIN}\" y=\"{y:.0}\" font-size=\"{size}\" font-weight=\"700\" fill=\"{text}\">{}</text>",
            xml(line)
        );
        y += size * 1.18;
    }
    let room = ((520.0 - y) / 40.0).floor().max(0.0) as usize;
    if let Some(description) = description.filter(|_| room > 0) {
        y += 8.0;
        for line in look.lines(description, 30.0, false, room.min(3)) {
            let _ = write!(
                out,
                "<text x=\"{MARGIN}\" y=\"{y:.0}\" font-size=\"30\" fill=\"{muted}\">{}</text>",
                xml(&line)
            );
            y += 40.0;
        }
    }
}

/// The rule above the footer, the evidence date (claims) on the left, the site on the right.
fn footer(out: &mut String, look: &Look, left: Option<&str>) {
    let text = look.palette.colour("text", "#1d1d1f");
    let muted = look.palette.colour("muted", "#55555d");
    let rule = look.palette.colour("rule", "#d6d2c9");
    let _ = write!(
        out,
        "<rect x=\"{MARGIN}\" y=\"548\" width=\"{INNER}\" height=\"2\" fill=\"{rule}\"/>"
    );
    let mut room = INNER;
    if let Some(left) = left {
        let _ = write!(
            out,
            "<text x=\"{MARGIN}\" y=\"594\" font-size=\"26\" font-weight=\"700\" fill=\"{text}\">{}</text>",
            xml(left)
        );
        room -= look.measure.width(left, 26.0, true) + 40.0;
    }
    let setting = Setting {
        size: 26.0,
        bold: false,
        width: room.max(100.0),
        lines: 1,
    };
    if let Some(site) = wrap(look.site, setting, &look.measure).first() {
        let _ = write!(
            out,
            "<text x=\"{:.0}\" y=\"594\" font-size=\"26\" text-anchor=\"end\" fill=\"{muted}\">{}</text>",
            MARGIN + INNER,
            xml(site)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::generated::cards::tests::fonts;

    // A claim card carries the badge's word and the claim's words, escaped, and its
    // evidence date; a long claim is wrapped, never drawn past the edge.
    #[test]
    fn a_claim_card_shows_the_verdict_claim_and_date() {
        let fonts = fonts();
        let palette = Palette::parse(":root { --verdict-inaccurate: #b3261e; }");
        let look = Look {
            palette: &palette,
            measure: fonts.measure(),
            family: "Inter",
            site: "A & B",
        };
        let card = Card::Claim {
            verdict: Verdict::Inaccurate,
            quote: "“Soda Pop <b> spent thirteen weeks at No. 1 on every chart that matters to anyone”",
            claimant: "A. Writer",
            as_of: Date::parse("2025-11-29").unwrap(),
        };
        let svg = svg(&card, &look);
        assert!(svg.contains(">Inaccurate</text>"), "{svg}");
        assert!(svg.contains("fill=\"#b3261e\""), "{svg}");
        assert!(svg.contains("“Soda Pop &lt;b&gt; spent"), "{svg}");
        assert!(
            svg.contains(">Evidence as of November 29, 2025</text>"),
            "{svg}"
        );
        assert!(svg.contains(">A &amp; B</text>"), "{svg}");
        assert!(svg.matches("font-size=\"56\"").count() >= 2, "{svg}");
    }
}
