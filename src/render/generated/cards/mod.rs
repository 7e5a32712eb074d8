//! Social cards: a 1200 by 630 PNG for every page, drawn at build time from SVG composed
//! of the same checked values the page shows (a claim's verdict, words, claimant and
//! evidence date; a chart and its source line; a title), in the theme's fonts and colours.
//! What is drawn is cached by the hash of its SVG, so a build draws only what changed.

pub mod compose;
pub mod fonts;
pub mod raster;
pub mod symbol;
pub mod wrap;

use sha2::{Digest, Sha256};

use crate::diagnostic::Diagnostic;
use crate::load::picture_cache::PictureCache;
use crate::site::Site;

use super::chart_style;
use super::palette::Palette;
pub use compose::{Card, HEIGHT, WIDTH};
use fonts::Fonts;
pub use raster::Metadata;
use raster::Raster;

/// Bumped when the drawing changes in a way the SVG does not show (the rasteriser, PNG
/// encoding), so that older cached pictures are not used.
const DRAWING: &str = "factsite pictures 3";

/// What draws every picture of a build.
#[derive(Debug)]
pub struct Pictures {
    fonts: Fonts,
    raster: Raster,
    /// The theme's colours.
    pub palette: Palette,
    /// The chart rules of `charts.css`, with plain colours, for chart pictures.
    pub chart_css: String,
    site: String,
    cache: Option<PictureCache>,
}

impl Pictures {
    /// The pictures of `site`, cached in its `.factsite-cache/` when `cache` is set.
    pub fn new(site: &Site, cache: bool) -> Result<Self, Diagnostic> {
        let fonts = Fonts::of(&site.assets)?;
        let palette = Palette::of(&site.assets);
        Ok(Self {
            raster: Raster::new(&fonts),
            chart_css: chart_style::chart_css(&site.assets, &palette),
            palette,
            fonts,
            site: crate::typography::curly(&site.config.title),
            cache: cache.then(|| PictureCache::new(&site.root)),
        })
    }

    /// The SVG of a card.
    pub fn card_svg(&self, card: &Card) -> String {
        let look = compose::Look {
            palette: &self.palette,
            measure: self.fonts.measure(),
            family: &self.fonts.regular_family,
            site: &self.site,
        };
        compose::svg(card, &look)
    }

    /// Text widths in the picture fonts.
    pub fn measure(&self) -> fonts::Measure<'_> {
        self.fonts.measure()
    }

    /// The picture fonts' family name.
    pub fn family(&self) -> &str {
        &self.fonts.regular_family
    }

    /// The PNG of a card.
    pub fn card(&self, card: &Card, metadata: &Metadata) -> anyhow::Result<Vec<u8>> {
        self.png(&self.card_svg(card), 1.0, metadata)
    }

    /// `svg` drawn at `scale` as a PNG carrying `metadata`, from the cache when it was
    /// drawn before.
    pub fn png(&self, svg: &str, scale: f32, metadata: &Metadata) -> anyhow::Result<Vec<u8>> {
        let Some(cache) = &self.cache else {
            return self.raster.png(svg, scale, metadata);
        };
        let mut hasher = Sha256::new();
        for part in [
            DRAWING,
            &self.fonts.hash,
            &scale.to_string(),
            &metadata.title,
            &metadata.description,
            &metadata.source,
            svg,
        ] {
            hasher.update(part.as_bytes());
            hasher.update([0]);
        }
        let key: String = hasher
            .finalize()
            .iter()
            .take(16)
            .map(|b| format!("{b:02x}"))
            .collect();
        if let Some(png) = cache.get(&key) {
            return Ok(png);
        }
        let png = self.raster.png(svg, scale, metadata)?;
        // A cache that cannot be written costs time on the next build, nothing else.
        let _ = cache.put(&key, &png);
        Ok(png)
    }
}

/// The absolute URL of the card of the page at `page_path`, for JSON-LD's `image`; none
/// when `[share] cards` is off, so nothing points at a file the build does not write.
pub fn image(config: &crate::content::config::Config, page_path: &str) -> Option<String> {
    config
        .share
        .cards
        .then(|| config.absolute(&path(page_path)))
}

/// The site path of a page's card: `card.png` in the page's folder (`/claims/x/card.png`),
/// or beside a page that is a file (`/404.card.png`).
pub fn path(page_path: &str) -> String {
    if page_path.ends_with('/') {
        format!("{page_path}card.png")
    } else {
        let stem = page_path
            .rsplit_once('.')
            .map_or(page_path, |(stem, _)| stem);
        format!("{stem}.card.png")
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::fonts::Fonts;
    use crate::content::theme::{Asset, Assets, DEFAULTS};

    /// The built-in theme's assets.
    pub fn assets() -> Assets {
        let files = DEFAULTS
            .iter()
            .map(|(name, bytes)| Asset {
                name: (*name).to_string(),
                path: (*name).to_string(),
                bytes: bytes.to_vec(),
            })
            .collect();
        Assets::from_files(files)
    }

    /// The built-in card fonts.
    pub fn fonts() -> Fonts {
        Fonts::of(&assets()).expect("the built-in fonts")
    }

    // Pages in folders get `card.png` there; a page that is a file gets one beside it.
    #[test]
    fn places_cards_beside_their_pages() {
        assert_eq!(super::path("/"), "/card.png");
        assert_eq!(super::path("/claims/x/"), "/claims/x/card.png");
        assert_eq!(super::path("/404.html"), "/404.card.png");
    }

    // A card drawn from the built-in fonts is a 1200 by 630 PNG with its metadata.
    #[test]
    fn draws_a_card_png() {
        let fonts = fonts();
        let raster = super::raster::Raster::new(&fonts);
        let palette = super::Palette::default();
        let look = super::compose::Look {
            palette: &palette,
            measure: fonts.measure(),
            family: &fonts.regular_family,
            site: "Site",
        };
        let card = super::Card::Title {
            kicker: "Section",
            title: "A title",
            description: Some("A description"),
        };
        let svg = super::compose::svg(&card, &look);
        let metadata = super::Metadata {
            title: "A title".into(),
            description: "A card".into(),
            source: "https://e.org/".into(),
        };
        let png = raster.png(&svg, 1.0, &metadata).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let reader = decoder.read_info().unwrap();
        let info = reader.info();
        assert_eq!((info.width, info.height), (1200, 630));
        let texts: Vec<String> = info
            .utf8_text
            .iter()
            .map(|t| t.get_text().unwrap())
            .collect();
        assert_eq!(texts, ["A title", "A card", "https://e.org/"]);
    }
}
