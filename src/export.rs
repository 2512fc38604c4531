//! Writing images and files without ever leaving a half-written one behind.

use std::path::Path;

/// Encodes an egui screenshot as PNG and writes it atomically.
///
/// # Errors
/// Encoding or I/O errors, as text.
pub fn save_png(image: &egui::ColorImage, path: &Path) -> Result<(), String> {
    let [width, height] = image.size;
    let pixels: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(egui::Color32::to_srgba_unmultiplied)
        .collect();
    let (w, h) = (
        u32::try_from(width).map_err(|e| e.to_string())?,
        u32::try_from(height).map_err(|e| e.to_string())?,
    );
    let buffer = image::RgbaImage::from_raw(w, h, pixels)
        .ok_or("the screenshot has the wrong number of pixels")?;
    let mut png = Vec::new();
    buffer
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    crate::platform::storage::write_atomic(path, &png).map_err(|e| e.to_string())
}

/// The size an exported image is made at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportSize {
    Window,
    FullHd,
    Hd,
}

impl ExportSize {
    pub(crate) fn size(self) -> Option<egui::Vec2> {
        match self {
            Self::Window => None,
            Self::FullHd => Some(egui::vec2(1920.0, 1080.0)),
            Self::Hd => Some(egui::vec2(1280.0, 720.0)),
        }
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            Self::Window => "—",
            Self::FullHd => "1920 × 1080",
            Self::Hd => "1280 × 720",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_screenshot_is_written_as_png() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("shot.png");
        let image = egui::ColorImage::filled([4, 3], egui::Color32::from_rgb(10, 20, 30));
        save_png(&image, &path).expect("save");
        let read = image::open(&path).expect("png").to_rgba8();
        assert_eq!(read.dimensions(), (4, 3));
        assert_eq!(read.get_pixel(2, 1).0, [10, 20, 30, 255]);
    }
}
