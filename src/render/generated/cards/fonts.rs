//! The fonts of social cards: two font files of the theme (`fonts/Inter-Regular.otf` and
//! `fonts/Inter-Bold.otf`, the built-in ones unless the site's `theme/` has its own),
//! loaded into the rasteriser's font database by their bytes (never the system's fonts),
//! and read for text widths, so that text is wrapped where it will be drawn.

use std::sync::Arc;

use resvg::usvg::fontdb;
use sha2::{Digest, Sha256};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use crate::content::theme::Assets;
use crate::diagnostic::Diagnostic;

/// The theme file of the regular weight.
pub const REGULAR: &str = "fonts/Inter-Regular.otf";
/// The theme file of the bold weight.
pub const BOLD: &str = "fonts/Inter-Bold.otf";

/// The two faces cards are drawn in.
#[derive(Debug, Clone)]
pub struct Fonts {
    regular: Arc<Vec<u8>>,
    bold: Arc<Vec<u8>>,
    /// The family names the SVG asks for, as the files name themselves.
    pub regular_family: String,
    /// A hash of both files, part of every cached card's key.
    pub hash: String,
}

impl Fonts {
    /// The card fonts of the theme; an error names a missing or unreadable file.
    pub fn of(assets: &Assets) -> Result<Self, Diagnostic> {
        let regular = font_file(assets, REGULAR)?;
        let bold = font_file(assets, BOLD)?;
        let mut hasher = Sha256::new();
        hasher.update(regular.as_slice());
        hasher.update(bold.as_slice());
        let hash = hasher
            .finalize()
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect();
        Ok(Self {
            regular_family: family(&regular),
            regular,
            bold,
            hash,
        })
    }

    /// A font database holding these two faces and nothing else, for usvg.
    pub fn database(&self) -> fontdb::Database {
        let mut db = fontdb::Database::new();
        db.load_font_source(fontdb::Source::Binary(self.regular.clone()));
        db.load_font_source(fontdb::Source::Binary(self.bold.clone()));
        db.set_sans_serif_family(self.regular_family.clone());
        db
    }

    /// What measures text in these faces.
    pub fn measure(&self) -> Measure<'_> {
        Measure {
            regular: FontRef::new(&self.regular).ok(),
            bold: FontRef::new(&self.bold).ok(),
        }
    }
}

/// Text widths in the card faces.
#[derive(Clone)]
pub struct Measure<'a> {
    regular: Option<FontRef<'a>>,
    bold: Option<FontRef<'a>>,
}

impl Measure<'_> {
    /// The advance width of `text` at `size` pixels, without kerning (which only narrows
    /// Latin text, so a line measured here never overflows). A character the face lacks
    /// counts as a full em.
    pub fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let face = if bold { &self.bold } else { &self.regular };
        let Some(face) = face else {
            return text.chars().count() as f64 * size;
        };
        let charmap = face.charmap();
        let metrics = face.glyph_metrics(Size::new(1.0), LocationRef::default());
        let ems: f64 = text
            .chars()
            .map(|c| {
                charmap
                    .map(c)
                    .and_then(|glyph| metrics.advance_width(glyph))
                    .map_or(1.0, f64::from)
            })
            .sum();
        ems * size
    }
}

fn font_file(assets: &Assets, name: &str) -> Result<Arc<Vec<u8>>, Diagnostic> {
    let asset = assets.get(name).ok_or_else(|| {
        Diagnostic::file(
            &format!("theme/{name}"),
            format!("the social cards need the font `theme/{name}`, and there is none"),
        )
    })?;
    if FontRef::new(&asset.bytes).is_err() {
        return Err(Diagnostic::file(
            &format!("theme/{name}"),
            format!("`theme/{name}` is not a font factsite can read (OpenType or TrueType)"),
        )
        .with_help("use an .otf or .ttf file, or remove it to use the built-in Inter"));
    }
    Ok(Arc::new(asset.bytes.clone()))
}

/// The family name a font file gives itself (its `name` table), or `sans-serif`.
fn family(bytes: &[u8]) -> String {
    let mut db = fontdb::Database::new();
    db.load_font_data(bytes.to_vec());
    db.faces()
        .next()
        .and_then(|face| face.families.first())
        .map_or_else(|| "sans-serif".to_string(), |(name, _)| name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::theme::{Asset, Assets, DEFAULTS};

    fn built_in() -> Fonts {
        let files = DEFAULTS
            .iter()
            .map(|(name, bytes)| Asset {
                name: (*name).to_string(),
                path: (*name).to_string(),
                bytes: bytes.to_vec(),
            })
            .collect();
        Fonts::of(&Assets::from_files(files)).expect("the built-in fonts")
    }

    // The built-in faces are Inter, and bold text is wider than regular text.
    #[test]
    fn reads_the_built_in_faces() {
        let fonts = built_in();
        assert_eq!(fonts.regular_family, "Inter");
        assert_eq!(family(&fonts.bold), "Inter");
        let measure = fonts.measure();
        let regular = measure.width("Accurate as of date", 40.0, false);
        let bold = measure.width("Accurate as of date", 40.0, true);
        assert!((300.0..450.0).contains(&regular), "{regular}");
        assert!(bold > regular, "{bold} <= {regular}");
        assert_eq!(measure.width("", 40.0, false), 0.0);
    }

    // A theme without the card fonts is told which file is missing.
    #[test]
    fn names_a_missing_font() {
        let error = Fonts::of(&Assets::default()).unwrap_err();
        assert_eq!(
            error.message,
            "the social cards need the font `theme/fonts/Inter-Regular.otf`, and there is none"
        );
    }
}
