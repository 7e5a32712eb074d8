//! SVG to PNG: usvg parses the picture with the card fonts only (no system fonts), resvg
//! draws it with tiny-skia, and the PNG carries its title, description and page address
//! as text chunks, so that a downloaded image keeps its provenance.

use std::sync::Arc;

use anyhow::Context;
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};

use super::fonts::Fonts;

/// What a PNG says about itself (PNG's registered `iTXt` keywords).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Metadata {
    /// `Title`: the page's headline.
    pub title: String,
    /// `Description`: what the picture shows, as its alt text says.
    pub description: String,
    /// `Source`: the address of the page it comes from.
    pub source: String,
}

/// Draws SVG pictures in the card fonts.
#[derive(Debug, Clone)]
pub struct Raster {
    db: Arc<fontdb::Database>,
    family: String,
}

impl Raster {
    /// A rasteriser whose only fonts are `fonts`.
    pub fn new(fonts: &Fonts) -> Self {
        Self {
            db: Arc::new(fonts.database()),
            family: fonts.regular_family.clone(),
        }
    }

    /// `svg` drawn at `scale` times its size, as a PNG carrying `metadata`.
    pub fn png(&self, svg: &str, scale: f32, metadata: &Metadata) -> anyhow::Result<Vec<u8>> {
        let options = usvg::Options {
            font_family: self.family.clone(),
            fontdb: self.db.clone(),
            ..usvg::Options::default()
        };
        let tree = usvg::Tree::from_str(svg, &options).context("failed to read a picture's SVG")?;
        let size = tree
            .size()
            .to_int_size()
            .scale_by(scale)
            .context("a picture has no size")?;
        let mut pixmap =
            Pixmap::new(size.width(), size.height()).context("a picture is too large to draw")?;
        resvg::render(
            &tree,
            Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        encode(&pixmap, metadata)
    }
}

/// The pixels as an 8-bit PNG: RGB when every pixel is opaque (a card), else RGBA, with
/// zlib's fastest level. Deflate was most of a card's cost: against the default level, a
/// title card takes 5.4 ms of CPU instead of 9.5 ms (release build) for a file 1.6 times
/// the size (32 KB instead of 20 KB; a chart card 100 KB instead of 79 KB).
fn encode(pixmap: &Pixmap, metadata: &Metadata) -> anyhow::Result<Vec<u8>> {
    let opaque = pixmap.pixels().iter().all(|p| p.alpha() == 255);
    let mut data = Vec::with_capacity(pixmap.data().len());
    for pixel in pixmap.pixels() {
        let c = pixel.demultiply();
        data.extend_from_slice(&[c.red(), c.green(), c.blue()]);
        if !opaque {
            data.push(c.alpha());
        }
    }
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, pixmap.width(), pixmap.height());
    encoder.set_color(if opaque {
        png::ColorType::Rgb
    } else {
        png::ColorType::Rgba
    });
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_deflate_compression(png::DeflateCompression::Level(1));
    for (keyword, text) in [
        ("Title", &metadata.title),
        ("Description", &metadata.description),
        ("Source", &metadata.source),
    ] {
        if !text.is_empty() {
            encoder.add_itxt_chunk(keyword.to_string(), text.clone())?;
        }
    }
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&data)?;
    writer.finish()?;
    Ok(bytes)
}
