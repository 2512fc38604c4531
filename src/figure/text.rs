//! Text in figures: measured with the bundled fonts (the ones the SVG names and the PNG and PDF
//! embed), so labels can be placed without collisions and quotes wrapped to a width.

use std::sync::{Arc, OnceLock};

use crate::style;

/// The font family every figure names; the fallbacks follow for glyphs it lacks.
pub const FAMILY: &str = "Noto Sans, Noto Sans Armenian, DejaVu Sans, sans-serif";

/// Measures text as the figures set it: Noto Sans, with Noto Sans Armenian and `DejaVu Sans`
/// for the glyphs it lacks (as the app's own text does).
pub struct Measure {
    regular: Option<ttf_parser::Face<'static>>,
    bold: Option<ttf_parser::Face<'static>>,
    fallbacks: Vec<ttf_parser::Face<'static>>,
}

impl Default for Measure {
    fn default() -> Self {
        let face = |bytes: &'static [u8]| ttf_parser::Face::parse(bytes, 0).ok();
        Self {
            regular: face(style::FONT_REGULAR),
            bold: face(style::FONT_BOLD),
            fallbacks: [style::FONT_ARMENIAN, style::FONT_SYMBOLS]
                .into_iter()
                .filter_map(face)
                .collect(),
        }
    }
}

impl Measure {
    /// The advance width of `text` at `size` (the sum of the glyphs' advances; no kerning,
    /// which only ever makes the real text a little narrower).
    #[must_use]
    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let main = if bold { &self.bold } else { &self.regular };
        let mut em = 0.0f32;
        for c in text.chars() {
            let advance = main
                .iter()
                .chain(&self.fallbacks)
                .find_map(|face| {
                    let glyph = face.glyph_index(c)?;
                    let advance = face.glyph_hor_advance(glyph)?;
                    Some(f32::from(advance) / f32::from(face.units_per_em()))
                })
                // A character no font has is drawn as a box about this wide.
                .unwrap_or(0.6);
            em += advance;
        }
        em * size
    }

    /// Breaks `text` into lines no wider than `max_width` at spaces; a word longer than a
    /// line stands on a line of its own. The words themselves are never changed, so the
    /// lines joined with spaces give the text back (with runs of spaces made one).
    #[must_use]
    pub fn wrap(&self, text: &str, size: f32, bold: bool, max_width: f32) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        // Only ordinary spaces break a line: a no-break space keeps its neighbours together.
        for word in text
            .split(|c: char| c.is_ascii_whitespace())
            .filter(|w| !w.is_empty())
        {
            if line.is_empty() {
                line.push_str(word);
                continue;
            }
            let candidate = format!("{line} {word}");
            if self.width(&candidate, size, bold) <= max_width {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line.push_str(word);
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }
}

/// The bundled fonts as usvg's font database: the only fonts a figure is set in, so a
/// PNG or PDF comes out the same on every machine and needs no network or system fonts.
pub fn font_database() -> Arc<resvg::usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    Arc::clone(FONTS.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        for bytes in [
            style::FONT_REGULAR,
            style::FONT_BOLD,
            style::FONT_ARMENIAN,
            style::FONT_SYMBOLS,
        ] {
            db.load_font_data(bytes.to_vec());
        }
        db.set_sans_serif_family("Noto Sans");
        Arc::new(db)
    }))
}

/// Options for parsing a figure's SVG with the bundled fonts.
pub fn usvg_options() -> resvg::usvg::Options<'static> {
    resvg::usvg::Options {
        font_family: "Noto Sans".to_owned(),
        fontdb: font_database(),
        ..resvg::usvg::Options::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_text_measures_wider_and_bold_wider_still() {
        let m = Measure::default();
        let short = m.width("Astana", 15.0, false);
        assert!(short > 30.0 && short < 70.0, "{short}");
        assert!(m.width("Astana Astana", 15.0, false) > 2.0 * short);
        assert!(m.width("Astana", 15.0, true) > short);
        assert!((m.width("Astana", 30.0, false) - 2.0 * short).abs() < 1e-3);
    }

    #[test]
    fn a_wrapped_text_keeps_every_word_and_fits_the_width() {
        let m = Measure::default();
        let text = "Hier wurde im Dezember 1991 die Alma-Ata-Erklärung unterzeichnet, die den \
                    Grundstein für die spätere Entwicklung der Staaten der GUS legte.";
        let lines = m.wrap(text, 12.0, false, 200.0);
        assert!(lines.len() >= 3, "{lines:?}");
        assert!(lines.iter().all(|l| m.width(l, 12.0, false) <= 200.0));
        assert_eq!(
            lines.join(" "),
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }
}
