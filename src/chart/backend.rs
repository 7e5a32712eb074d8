//! A plotters `DrawingBackend` that writes semantic SVG: classes and groups, no colours.
//!
//! plotters decides the geometry (scales, mesh, series, elements); the paint comes from the
//! CSS in `style.rs`. The drawing code and the backend share a [`Pen`]: the code opens
//! `<g>` groups, adds `<title>`s and sets the attributes (a class, a pattern fill, the dates
//! of a line) that the next elements carry. plotters' colours and stroke widths are
//! ignored, except that a fully transparent style draws nothing (how the mesh's axis lines
//! are switched off).

use std::cell::RefCell;
use std::convert::Infallible;
use std::fmt::Write;
use std::rc::Rc;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};

use crate::escape;

type Result = std::result::Result<(), DrawingErrorKind<Infallible>>;

#[derive(Debug, Default)]
struct Sheet {
    out: String,
    attrs: String,
}

/// The shared handle on the SVG being written.
#[derive(Debug, Clone, Default)]
pub(crate) struct Pen(Rc<RefCell<Sheet>>);

impl Pen {
    /// Appends markup as is (the caller escapes).
    pub(crate) fn raw(&self, markup: &str) {
        self.0.borrow_mut().out.push_str(markup);
    }

    /// Opens `<g class="…">`.
    pub(crate) fn open(&self, class: &str) {
        let out = &mut self.0.borrow_mut().out;
        out.push_str("<g class=\"");
        escape::push_xml(out, class);
        out.push_str("\">");
    }

    /// Closes the innermost group.
    pub(crate) fn close(&self) {
        self.raw("</g>");
    }

    /// Adds a `<title>` (a tooltip for the enclosing group).
    pub(crate) fn title(&self, text: &str) {
        let out = &mut self.0.borrow_mut().out;
        out.push_str("<title>");
        escape::push_xml(out, text);
        out.push_str("</title>");
    }

    /// Sets the attributes the next elements carry, such as ` class="label"`; the caller
    /// escapes. `""` resets them.
    pub(crate) fn attrs(&self, attrs: &str) {
        attrs.clone_into(&mut self.0.borrow_mut().attrs);
    }

    /// How many bytes have been written.
    pub(crate) fn len(&self) -> usize {
        self.0.borrow().out.len()
    }

    /// Drops everything written after the first `len` bytes.
    pub(crate) fn truncate(&self, len: usize) {
        self.0.borrow_mut().out.truncate(len);
    }

    /// Everything written so far.
    pub(crate) fn into_svg(self) -> String {
        std::mem::take(&mut self.0.borrow_mut().out)
    }

    fn element(&self, name: &str, geometry: &str) {
        let mut sheet = self.0.borrow_mut();
        let Sheet { out, attrs } = &mut *sheet;
        let _ = write!(out, "<{name} {geometry}{attrs}/>");
    }
}

/// The backend plotters draws on: a size and the pen.
#[derive(Debug)]
pub(crate) struct SemanticBackend {
    size: (u32, u32),
    pen: Pen,
}

impl SemanticBackend {
    /// A backend of `size` user units writing with `pen`.
    pub(crate) fn new(size: (u32, u32), pen: Pen) -> Self {
        Self { size, pen }
    }
}

fn visible(color: BackendColor) -> bool {
    color.alpha > 0.0
}

fn points(path: impl IntoIterator<Item = BackendCoord>) -> String {
    let mut out = String::new();
    for (i, (x, y)) in path.into_iter().enumerate() {
        let sep = if i == 0 { "" } else { " " };
        let _ = write!(out, "{sep}{x},{y}");
    }
    out
}

impl DrawingBackend for SemanticBackend {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Result {
        if visible(color) {
            let geometry = format!("x=\"{x}\" y=\"{y}\" width=\"1\" height=\"1\"");
            self.pen.element("rect", &geometry);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result {
        if visible(style.color()) {
            let geometry = format!(
                "x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"",
                from.0, from.1, to.0, to.1
            );
            self.pen.element("line", &geometry);
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        style: &S,
        _fill: bool,
    ) -> Result {
        if visible(style.color()) {
            let (x, y) = (a.0.min(b.0), a.1.min(b.1));
            let (w, h) = (a.0.abs_diff(b.0), a.1.abs_diff(b.1));
            let geometry = format!("x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\"");
            self.pen.element("rect", &geometry);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result {
        if visible(style.color()) {
            let geometry = format!("points=\"{}\"", points(path));
            self.pen.element("polyline", &geometry);
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        _fill: bool,
    ) -> Result {
        if visible(style.color()) {
            let geometry = format!("cx=\"{x}\" cy=\"{y}\" r=\"{radius}\"");
            self.pen.element("circle", &geometry);
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result {
        if visible(style.color()) {
            let geometry = format!("points=\"{}\"", points(vert));
            self.pen.element("polygon", &geometry);
        }
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        (x, y): BackendCoord,
    ) -> Result {
        if !visible(style.color()) {
            return Ok(());
        }
        let mut geometry = format!("x=\"{x}\" y=\"{y}\"");
        let anchor = style.anchor();
        geometry.push_str(match anchor.h_pos {
            HPos::Left => "",
            HPos::Center => " text-anchor=\"middle\"",
            HPos::Right => " text-anchor=\"end\"",
        });
        // `dy` rather than `dominant-baseline`, which renderers disagree on.
        geometry.push_str(match anchor.v_pos {
            VPos::Top => " dy=\"0.8em\"",
            VPos::Center => " dy=\"0.35em\"",
            VPos::Bottom => "",
        });
        let degrees = match style.transform() {
            FontTransform::None => 0,
            FontTransform::Rotate90 => 90,
            FontTransform::Rotate180 => 180,
            FontTransform::Rotate270 => -90,
        };
        if degrees != 0 {
            let _ = write!(geometry, " transform=\"rotate({degrees} {x} {y})\"");
        }
        let mut sheet = self.pen.0.borrow_mut();
        let Sheet { out, attrs } = &mut *sheet;
        let _ = write!(out, "<text {geometry}{attrs}>{}</text>", escape::xml(text));
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> std::result::Result<(u32, u32), DrawingErrorKind<Infallible>> {
        let size = style.size();
        let width = super::text::width(text, size).ceil();
        // Whole user units; the estimates are small and non-negative.
        Ok((width as u32, size.ceil() as u32))
    }
}

#[cfg(test)]
mod tests {
    use plotters::prelude::*;

    use super::*;

    // plotters' elements come out as classed SVG elements with no colours.
    #[test]
    fn writes_classes_not_colours() {
        let pen = Pen::default();
        let root = SemanticBackend::new((100, 50), pen.clone()).into_drawing_area();
        pen.open("series series-1");
        pen.attrs(" class=\"line\"");
        root.draw(&PathElement::new(vec![(1, 2), (3, 4)], RED)).ok();
        pen.attrs("");
        root.draw(&Circle::new((5, 6), 3, RED.filled())).ok();
        root.draw(&PathElement::new(vec![(1, 2), (3, 4)], TRANSPARENT))
            .ok();
        root.draw(&Text::new("a < b", (7, 8), ("sans-serif", 12)))
            .ok();
        pen.close();
        drop(root);
        assert_eq!(
            pen.into_svg(),
            "<g class=\"series series-1\"><polyline points=\"1,2 3,4\" class=\"line\"/>\
             <circle cx=\"5\" cy=\"6\" r=\"3\"/><text x=\"7\" y=\"8\" dy=\"0.8em\">a &lt; b</text></g>"
        );
    }
}
