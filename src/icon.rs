//! The app's icon (`assets/icon/mediation-atlas.svg`), rendered for the window's title bar and
//! task bar at start. Packages install the SVG itself as a scalable icon.

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{Options, Tree};

/// The icon as drawn.
pub const SVG: &str = include_str!("../assets/icon/mediation-atlas.svg");

/// The icon as `size`×`size` straight-alpha RGBA pixels, or `None` if it cannot be drawn (a
/// window without an icon is no reason not to start).
#[must_use]
pub fn rgba(size: u32) -> Option<egui::IconData> {
    // No text in it: the default options, without loading the bundled fonts.
    let tree = Tree::from_str(SVG, &Options::default()).ok()?;
    let mut pixmap = Pixmap::new(size, size)?;
    #[allow(clippy::cast_precision_loss)] // An icon's size.
    let scale = size as f32 / tree.size().width().max(1.0);
    resvg::render(
        &tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Some(egui::IconData {
        rgba: crate::figure::png::straight_rgba(&pixmap),
        width: size,
        height: size,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_icon_renders_with_its_colours() {
        let icon = super::rgba(64).expect("drawn");
        assert_eq!(icon.rgba.len(), 64 * 64 * 4);
        let at = |x: usize, y: usize| &icon.rgba[(y * 64 + x) * 4..(y * 64 + x) * 4 + 4];
        // Transparent corner, the blue ground, the white party on the left.
        assert_eq!(at(0, 0)[3], 0);
        assert_eq!(at(32, 56), [0x1f, 0x5f, 0x73, 0xff]);
        assert_eq!(at(14, 44), [0xff, 0xff, 0xff, 0xff]);
    }
}
