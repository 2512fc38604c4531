//! A figure as PNG: its SVG rasterised with resvg, set in the bundled fonts, so the PNG and
//! the SVG show the same thing.

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::Tree;

use super::text::usvg_options;

/// A rendered pixmap's pixels as straight-alpha RGBA bytes: tiny-skia keeps premultiplied
/// alpha, a PNG (and a window icon) stores it straight.
#[must_use]
pub fn straight_rgba(pixmap: &Pixmap) -> Vec<u8> {
    pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect()
}

/// Rasterises `svg` to a PNG of `width`×`height` pixels (the SVG is scaled to fill it).
///
/// # Errors
/// An SVG that does not parse, a size of zero, or a failed encoding, as text.
pub fn rasterize(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, String> {
    let tree = Tree::from_str(svg, &usvg_options())
        .map_err(|e| format!("the figure's SVG could not be read: {e}"))?;
    let mut pixmap = Pixmap::new(width, height)
        .ok_or_else(|| format!("{width}×{height} is not a size an image can have"))?;
    let size = tree.size();
    let transform = Transform::from_scale(
        super::units(width) / size.width().max(1.0),
        super::units(height) / size.height().max(1.0),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    let pixels = straight_rgba(&pixmap);
    let image = image::RgbaImage::from_raw(width, height, pixels)
        .ok_or("the rendered figure has the wrong number of pixels")?;
    let mut png = Vec::new();
    image
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|e| format!("the figure could not be encoded as PNG: {e}"))?;
    Ok(png)
}
