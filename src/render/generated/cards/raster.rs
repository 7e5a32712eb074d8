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
    let rgba = pixmap.data();
    // An opaque pixel's premultiplied colour is its colour: its RGB bytes are copied as
    // they are (the cards are opaque), and only a picture with transparency demultiplies.
    // Plain index loops: the tests run this unoptimised, where iterator adapters cost
    // several times as much.
    let mut opaque = true;
    let mut alpha = 3;
    while alpha < rgba.len() {
        if rgba[alpha] != 255 {
            opaque = false;
            break;
        }
        alpha += 4;
    }
    let data = if opaque {
        let mut data = vec![0; rgba.len() / 4 * 3];
        let rgb: &mut [u8] = &mut data;
        let (mut from, mut to) = (0, 0);
        while to < rgb.len() {
            rgb[to] = rgba[from];
            rgb[to + 1] = rgba[from + 1];
            rgb[to + 2] = rgba[from + 2];
            from += 4;
            to += 3;
        }
        data
    } else {
        let mut data = Vec::with_capacity(rgba.len());
        for pixel in pixmap.pixels() {
            let c = pixel.demultiply();
            data.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
        }
        data
    };
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

#[cfg(test)]
mod tests {
    use resvg::tiny_skia::{ColorU8, Pixmap};

    use super::{Metadata, encode};

    fn decoded(png: &[u8]) -> (png::ColorType, Vec<u8>) {
        let mut reader = png::Decoder::new(std::io::Cursor::new(png))
            .read_info()
            .unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut pixels).unwrap();
        pixels.truncate(info.buffer_size());
        (info.color_type, pixels)
    }

    fn pixmap(colours: &[[u8; 4]]) -> Pixmap {
        let mut pixmap = Pixmap::new(colours.len() as u32, 1).unwrap();
        for (pixel, &[r, g, b, a]) in pixmap.pixels_mut().iter_mut().zip(colours) {
            *pixel = ColorU8::from_rgba(r, g, b, a).premultiply();
        }
        pixmap
    }

    // An opaque picture is written as RGB, each pixel's colour as drawn; one with any
    // transparency as RGBA, its colours demultiplied.
    #[test]
    fn pixels_are_written_as_drawn() {
        let opaque = [[255, 0, 0, 255], [12, 200, 99, 255], [0, 0, 0, 255]];
        let (kind, pixels) = decoded(&encode(&pixmap(&opaque), &Metadata::default()).unwrap());
        assert_eq!(kind, png::ColorType::Rgb);
        assert_eq!(
            pixels,
            opaque
                .iter()
                .flat_map(|p| &p[..3])
                .copied()
                .collect::<Vec<_>>()
        );
        let clear = [[255, 0, 0, 255], [0, 0, 255, 0], [200, 100, 50, 128]];
        let drawn = pixmap(&clear);
        let (kind, pixels) = decoded(&encode(&drawn, &Metadata::default()).unwrap());
        assert_eq!(kind, png::ColorType::Rgba);
        let expected: Vec<u8> = drawn
            .pixels()
            .iter()
            .flat_map(|p| {
                let c = p.demultiply();
                [c.red(), c.green(), c.blue(), c.alpha()]
            })
            .collect();
        assert_eq!(pixels, expected);
        assert_eq!(&pixels[..4], &[255, 0, 0, 255]);
    }
}
