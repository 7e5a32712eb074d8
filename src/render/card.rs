//! A page's social card: what it shows, taken from the same values the page prints (the
//! claim's verdict, quoted words, claimant and evidence date; the title and section), the
//! PNG drawn from them, and what templates get for `og:image`.

use serde::Serialize;

use crate::content::claim::ClaimMeta;
use crate::content::page::Page;
use crate::site::Site;
use crate::typography;
use crate::write::OutputFile;

use super::generated::cards::{self, Card, HEIGHT, Metadata, Pictures, WIDTH};

/// A card as templates see it (`page.card`): its absolute URL, size and alt text.
#[derive(Debug, Clone, Serialize, Default)]
pub struct CardView {
    /// The absolute URL, for `og:image`.
    pub url: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// What the card shows, in words, for `og:image:alt`.
    pub alt: String,
}

/// A card composed and not yet drawn: its view is known before the page renders, and the
/// drawing (the costly part) happens once every page rendered without error, so that a
/// build that fails draws nothing and an interrupted build stops at the next card.
#[derive(Debug)]
pub struct Drawn {
    /// What templates get.
    pub view: CardView,
    /// The card's SVG.
    svg: String,
    /// What the PNG says about itself.
    metadata: Metadata,
    /// The output path of the PNG.
    path: String,
}

impl Drawn {
    /// The PNG, at its output path.
    pub fn file(&self, pictures: &Pictures) -> anyhow::Result<OutputFile> {
        Ok(OutputFile {
            path: self.path.clone(),
            bytes: pictures.png(&self.svg, 1.0, &self.metadata)?,
        })
    }
}

/// The card of content page `page`, whose section is titled `section`; none when
/// `[share] cards` is off.
pub fn page_card(
    pictures: &Pictures,
    site: &Site,
    page: &Page,
    section: Option<&str>,
) -> anyhow::Result<Option<Drawn>> {
    if !site.config.share.cards {
        return Ok(None);
    }
    let smart = site.config.markdown.smart_punctuation;
    let site_title = typography::curly(&site.config.title);
    if let Some(claim) = &page.meta.claim {
        let quote = typography::quoted(&claim.text, smart);
        let claimant = who_and_where(claim, smart);
        let alt = format!(
            "{}: {quote}, a claim by {claimant}. Evidence as of {}. {site_title}",
            claim.verdict.label(),
            claim.as_of.long()
        );
        let headline = format!(
            "{}: {}",
            claim.verdict.label(),
            typography::quoted(&typography::shorten(&claim.text, 90), smart)
        );
        let card = Card::Claim {
            verdict: claim.verdict,
            quote: &quote,
            claimant: &claimant,
            as_of: claim.as_of,
        };
        return draw(pictures, site, &page.url, &card, (headline, alt));
    }
    let title = typeset(&page.meta.title, smart);
    let description = page.meta.description.as_deref().map(|d| typeset(d, smart));
    let is_home = page.url == "/";
    let kicker = match (is_home, section) {
        (true, _) => String::new(),
        (false, Some(section)) => typeset(section, smart),
        (false, None) => site_title.clone(),
    };
    title_card(
        pictures,
        site,
        &page.url,
        (&kicker, &title, description.as_deref()),
    )
}

/// A title card for the page at `path`: a kicker, a title, a description.
pub fn title_card(
    pictures: &Pictures,
    site: &Site,
    path: &str,
    (kicker, title, description): (&str, &str, Option<&str>),
) -> anyhow::Result<Option<Drawn>> {
    let alt = match description {
        Some(description) => format!("{title}. {description}"),
        None => title.to_string(),
    };
    let card = Card::Title {
        kicker,
        title,
        description,
    };
    draw(pictures, site, path, &card, (title.to_string(), alt))
}

/// `card` for the page at `path`; `words` are its headline and alt text. None when
/// `[share] cards` is off: then no page points at a card.
pub fn draw(
    pictures: &Pictures,
    site: &Site,
    path: &str,
    card: &Card,
    (headline, alt): (String, String),
) -> anyhow::Result<Option<Drawn>> {
    if !site.config.share.cards {
        return Ok(None);
    }
    let metadata = Metadata {
        title: headline,
        description: alt.clone(),
        source: site.config.absolute(path),
    };
    let card_path = cards::path(path);
    Ok(Some(Drawn {
        svg: pictures.card_svg(card),
        metadata,
        path: card_path.trim_start_matches('/').to_string(),
        view: CardView {
            url: site.config.absolute(&card_path),
            width: WIDTH,
            height: HEIGHT,
            alt,
        },
    }))
}

/// Who made the claim and where, as its card names them: the claimant line (name, role, "in"
/// the publication) and, when that names no publication, the title of the article it
/// appeared in ("Unknown author, in “One OST Shifted…”"), so that a card whose claimant is
/// unknown still says where the claim appeared.
fn who_and_where(claim: &ClaimMeta, smart: bool) -> String {
    let line = typeset(&claim.claimant_line(), smart);
    let has_publication = claim
        .publication
        .as_deref()
        .is_some_and(|p| !p.trim().is_empty());
    let title = claim
        .appearance_title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    match title {
        Some(title) if !has_publication => {
            format!("{line}, in {}", typography::quoted(title, smart))
        }
        _ => line,
    }
}

fn typeset(text: &str, smart: bool) -> String {
    if smart {
        typography::curly(text)
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(extra: &str) -> ClaimMeta {
        let text = format!(
            "+++\ntitle = \"C\"\n[claim]\ntext = \"X\"\nverdict = \"accurate\"\nas_of = 2025-11-08\n{extra}\n+++\n"
        );
        Page::parse("claims/c.md", text)
            .unwrap()
            .meta
            .claim
            .unwrap()
    }

    #[track_caller]
    fn case(extra: &str, expected: &str) {
        assert_eq!(who_and_where(&claim(extra), true), expected);
    }

    // A card names where the claim appeared: its publication, or, when none is given (an
    // unsigned article), the article's title.
    #[test]
    fn a_card_says_where_the_claim_appeared() {
        case(
            "claimant = \"Unknown author\"\nappearance_title = \"One OST Shifted the Music Landscape\"",
            "Unknown author, in “One OST Shifted the Music Landscape”",
        );
        case(
            "claimant = \"Griffin Xu\"\nclaimant_role = \"staff writer\"\npublication = \"The Cluster\"\nappearance_title = \"A year in music\"",
            "Griffin Xu, staff writer, in The Cluster",
        );
        case("claimant = \"Unknown author\"", "Unknown author");
        case(
            "claimant = \"Unknown author\"\nappearance_title = \"The \\\"lead\\\" song\"",
            "Unknown author, in “The ‘lead’ song”",
        );
    }
}
