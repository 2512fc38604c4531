//! Design tokens: every colour, size and spacing of the interface, named for what it is for.
//!
//! The palette is calm so that markers are the loudest thing on screen, and contrasty enough to
//! survive a washed-out classroom projector.

use egui::{Color32, CornerRadius, FontFamily, FontId, Stroke, TextStyle, Visuals};

/// Background of the map when no base map draws (the plain base map).
pub const MAP_BACKGROUND: Color32 = Color32::from_rgb(0xE4, 0xEC, 0xF1);
/// Graticule lines on the plain base map.
pub const GRATICULE: Color32 = Color32::from_rgb(0xC9, 0xD6, 0xDF);
/// Graticule labels.
pub const GRATICULE_TEXT: Color32 = Color32::from_rgb(0x5A, 0x6A, 0x77);

/// Marker fill: a deep teal that reads on light land, blue sea and a projector alike.
pub const MARKER_FILL: Color32 = Color32::from_rgb(0xC2, 0x41, 0x0C);
/// Marker fill when hovered.
pub const MARKER_HOVER: Color32 = Color32::from_rgb(0xE0, 0x5A, 0x1C);
/// Marker fill of the selected place.
pub const MARKER_SELECTED: Color32 = Color32::from_rgb(0x7A, 0x1F, 0x5C);
/// Ring around every marker, to lift it off any background.
pub const MARKER_RING: Stroke = Stroke {
    width: 2.0,
    color: Color32::WHITE,
};
/// Cluster fill (several places grouped at this zoom).
pub const CLUSTER_FILL: Color32 = Color32::from_rgb(0x33, 0x4E, 0x68);
/// Smallest and largest marker radius, in points.
pub const MARKER_RADIUS_MIN: f32 = 7.0;
pub const MARKER_RADIUS_MAX: f32 = 18.0;
/// Radius of a group of places drawn as one symbol (room for a two-digit count).
pub const GROUP_RADIUS: f32 = 12.0;
/// Extra room around a marker that still counts as hitting it.
pub const MARKER_HIT_SLOP: f32 = 4.0;
/// Place labels on the map.
pub const LABEL_TEXT: Color32 = Color32::from_rgb(0x1B, 0x26, 0x30);
/// Halo behind place labels, for legibility over any map.
pub const LABEL_HALO: Color32 = Color32::from_rgba_premultiplied(255, 255, 255, 210);
pub const LABEL_SIZE: f32 = 15.0;
/// Presentation mode: caption, quoted passage and step counter, readable from the back of a
/// room at 1280×720.
pub const PRESENT_CAPTION_SIZE: f32 = 30.0;
pub const PRESENT_QUOTE_SIZE: f32 = 21.0;
pub const PRESENT_COUNTER_SIZE: f32 = 26.0;
/// Place labels on the map in presentation mode.
pub const PRESENT_LABEL_SIZE: f32 = 21.0;
/// The timeline's background, its alternate lanes, and the brushed range.
pub const TIMELINE_BG: Color32 = Color32::from_rgb(0xFB, 0xFA, 0xF7);
pub const TIMELINE_LANE: Color32 = Color32::from_rgb(0xF1, 0xEF, 0xEA);
pub const TIMELINE_RANGE: Color32 = Color32::from_rgba_premultiplied(0x2A, 0x5C, 0x8A, 0x2E);
pub const TIMELINE_RANGE_EDGE: Color32 = Color32::from_rgb(0x2A, 0x5C, 0x8A);
/// Country names on the base map (capitals, letter-spaced).
pub const COUNTRY_LABEL_SIZE: f32 = 12.5;
/// Sea names on the base map (italic).
pub const SEA_LABEL_SIZE: f32 = 14.0;

/// Places named only in articles: a diamond in teal, told apart from the round event markers;
/// hollow while its links await review.
pub const ARTICLE_MARKER: Color32 = Color32::from_rgb(0x0F, 0x76, 0x6E);
pub const ARTICLE_MARKER_HOVER: Color32 = Color32::from_rgb(0x14, 0x9A, 0x8F);
/// Half the diagonal of an article marker's diamond, in points.
pub const ARTICLE_MARKER_RADIUS: f32 = 7.0;

/// A quiz option that is the right answer / the wrong one chosen (dark text stays readable).
pub const QUIZ_RIGHT_BG: Color32 = Color32::from_rgb(0xC8, 0xEB, 0xD0);
pub const QUIZ_WRONG_BG: Color32 = Color32::from_rgb(0xF8, 0xCF, 0xCF);

/// A tentative link in the reader (to review): amber, dotted underline.
pub const REVIEW_BG: Color32 = Color32::from_rgb(0xFE, 0xF3, 0xC7);
pub const REVIEW_TEXT: Color32 = Color32::from_rgb(0x85, 0x3F, 0x0B);
/// A rejected name in the reader: grey, struck through.
pub const REJECTED_TEXT: Color32 = Color32::from_rgb(0x6B, 0x72, 0x80);
/// A passage being selected in the reader.
pub const SELECTION_BG: Color32 = Color32::from_rgb(0xC7, 0xD2, 0xFE);

/// Highlight of a place mention in the reader.
pub const MENTION_BG: Color32 = Color32::from_rgb(0xFD, 0xE4, 0xCF);
pub const MENTION_TEXT: Color32 = Color32::from_rgb(0x9A, 0x34, 0x12);
/// Highlight of a passage that backs an event.
pub const QUOTE_BG: Color32 = Color32::from_rgb(0xDD, 0xEE, 0xF7);
/// The keyword in a keyword-in-context snippet.
pub const KWIC_KEYWORD: Color32 = Color32::from_rgb(0x9A, 0x34, 0x12);

/// The problems banner.
pub const BANNER_BG: Color32 = Color32::from_rgb(0xFF, 0xF1, 0xC2);
pub const BANNER_TEXT: Color32 = Color32::from_rgb(0x5C, 0x3B, 0x00);
pub const PROBLEM_ERROR: Color32 = Color32::from_rgb(0xB0, 0x1E, 0x1E);

/// Muted secondary text (dates, kinds).
pub const MUTED_TEXT: Color32 = Color32::from_rgb(0x5B, 0x66, 0x70);

/// Width of the side panel, in points.
pub const SIDE_PANEL_WIDTH: f32 = 400.0;
pub const SIDE_PANEL_MIN_WIDTH: f32 = 300.0;

/// Body text size of the reader.
pub const READER_TEXT_SIZE: f32 = 16.0;

/// The font family of headings: Noto Sans Bold.
#[must_use]
pub fn bold_family() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// The bundled fonts, shared by the interface and the figures (which embed them, so that an
/// exported image or handout looks the same on every machine).
pub const FONT_REGULAR: &[u8] = include_bytes!("../assets/fonts/NotoSans-Regular.ttf");
pub const FONT_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSans-Bold.ttf");
pub const FONT_ARMENIAN: &[u8] = include_bytes!("../assets/fonts/NotoSansArmenian-Regular.ttf");
pub const FONT_SYMBOLS: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");

/// Installs the shipped fonts: Noto Sans (a regular weight that stays legible on a projector,
/// where egui's light default washes out), Noto Sans Armenian for `Երևան`, and `DejaVu Sans` as a
/// fallback for symbols. egui's own fonts stay last in line.
pub fn install_fonts(ctx: &egui::Context) {
    use std::sync::Arc;
    let mut fonts = egui::FontDefinitions::default();
    let mut add = |name: &str, bytes: &'static [u8]| {
        fonts.font_data.insert(
            name.to_owned(),
            Arc::new(egui::FontData::from_static(bytes)),
        );
    };
    add("noto", FONT_REGULAR);
    add("noto-bold", FONT_BOLD);
    add("noto-armenian", FONT_ARMENIAN);
    add("dejavu", FONT_SYMBOLS);
    let fallbacks = ["noto-armenian".to_owned(), "dejavu".to_owned()];
    let defaults = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let mut proportional = vec!["noto".to_owned()];
    proportional.extend(fallbacks.iter().cloned());
    proportional.extend(defaults.iter().cloned());
    let mut bold = vec!["noto-bold".to_owned()];
    bold.extend(fallbacks.iter().cloned());
    bold.extend(defaults);
    fonts
        .families
        .insert(FontFamily::Proportional, proportional);
    fonts.families.insert(bold_family(), bold);
    if let Some(mono) = fonts.families.get_mut(&FontFamily::Monospace) {
        mono.extend(fallbacks);
    }
    ctx.set_fonts(fonts);
}

/// Sets the app's look: fonts, light theme, larger type than egui's default for projectors.
pub fn apply(ctx: &egui::Context) {
    install_fonts(ctx);
    ctx.set_visuals_of(egui::Theme::Light, Visuals::light());
    ctx.set_theme(egui::ThemePreference::Light);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Heading, FontId::new(22.0, bold_family())),
            (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
            (
                TextStyle::Monospace,
                FontId::new(13.0, FontFamily::Monospace),
            ),
            (
                TextStyle::Button,
                FontId::new(15.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(12.5, FontFamily::Proportional),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        style.visuals.widgets.noninteractive.corner_radius = CornerRadius::same(4);
        style.visuals.hyperlink_color = LINK;
        // egui draws a focused widget with the "active" look: make that a clear ring.
        style.visuals.widgets.active.bg_stroke = egui::Stroke::new(FOCUS_WIDTH, FOCUS);
        style.visuals.selection.stroke = egui::Stroke::new(FOCUS_WIDTH, FOCUS);
    });
}

/// The keyboard focus: a 2 px ring in the accent colour, on every widget that has it.
pub const FOCUS: Color32 = Color32::from_rgb(0x1D, 0x4E, 0x89);
pub const FOCUS_WIDTH: f32 = 2.0;

/// Draws the focus ring around a custom-painted widget (a map marker, a timeline mark) that
/// has the keyboard focus.
pub fn focus_ring(painter: &egui::Painter, response: &egui::Response) {
    if response.has_focus() {
        painter.rect_stroke(
            response.rect.expand(2.0),
            4.0,
            egui::Stroke::new(FOCUS_WIDTH, FOCUS),
            egui::StrokeKind::Outside,
        );
    }
}

/// Links (places, events, articles in the panels).
pub const LINK: Color32 = Color32::from_rgb(0x1D, 0x4E, 0x89);

/// Lines from where talks are held to the conflict they are about.
pub const CONFLICT_LINE: Color32 = Color32::from_rgb(0xB0, 0x1E, 0x1E);

/// How a relation line of each role is drawn: colour, and width in points. Mediators and
/// guarantors stand out; parties are the conflict's own colour; hosts and observers recede.
#[must_use]
pub fn role_stroke(role: crate::model::Role) -> (Color32, f32) {
    use crate::model::Role;
    match role {
        Role::Mediator => (Color32::from_rgb(0x00, 0x72, 0xB2), 3.0),
        Role::Guarantor => (Color32::from_rgb(0x6A, 0x3D, 0x9A), 2.5),
        Role::Party => (Color32::from_rgb(0xC2, 0x41, 0x0C), 2.2),
        Role::Host => (Color32::from_rgb(0x1B, 0x26, 0x30), 1.8),
        Role::Observer => (Color32::from_rgb(0x7A, 0x8C, 0x99), 1.4),
        Role::Participant => (Color32::from_rgb(0x4D, 0x7F, 0x5A), 1.6),
    }
}

/// Whether a role's line is dashed (observers and plain participants: present, not acting).
#[must_use]
pub fn role_dashed(role: crate::model::Role) -> bool {
    matches!(
        role,
        crate::model::Role::Observer | crate::model::Role::Participant
    )
}

/// A colour from the data files (`[r, g, b]`).
#[must_use]
pub fn rgb(c: [u8; 3]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

/// WCAG 2 relative luminance of a colour (alpha ignored).
#[must_use]
pub fn luminance(c: Color32) -> f32 {
    let channel = |v: u8| {
        let v = f32::from(v) / 255.0;
        if v <= 0.040_45 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
}

/// WCAG 2 contrast ratio of two colours (1 to 21).
#[must_use]
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// The WCAG AA contrast for normal text.
pub const AA_TEXT: f32 = 4.5;

/// `color` darkened, keeping its hue, until text in it reaches [`AA_TEXT`] on `background`
/// (a light process colour such as yellow, written as text on white).
#[must_use]
pub fn readable_on(background: Color32, color: Color32) -> Color32 {
    let mut c = color;
    for _ in 0..40 {
        if contrast(c, background) >= AA_TEXT {
            return c;
        }
        let darker = |v: u8| u8::try_from(u16::from(v) * 9 / 10).unwrap_or(0);
        c = Color32::from_rgb(darker(c.r()), darker(c.g()), darker(c.b()));
    }
    Color32::BLACK
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_colour_meets_wcag_aa_on_its_background() {
        let light = Visuals::light();
        let panel = light.panel_fill;
        let text = light.text_color();
        let pairs = [
            ("muted text on white", MUTED_TEXT, Color32::WHITE),
            ("muted text on the panel", MUTED_TEXT, panel),
            ("muted text on a quote", MUTED_TEXT, QUOTE_BG),
            ("text on the panel", text, panel),
            ("text on a right quiz option", text, QUIZ_RIGHT_BG),
            ("text on a wrong quiz option", text, QUIZ_WRONG_BG),
            ("text on a quote", text, QUOTE_BG),
            ("links", LINK, panel),
            ("map labels on the map", LABEL_TEXT, MAP_BACKGROUND),
            (
                "graticule labels on the map",
                GRATICULE_TEXT,
                MAP_BACKGROUND,
            ),
            ("names to review", REVIEW_TEXT, REVIEW_BG),
            ("mentions", MENTION_TEXT, MENTION_BG),
            ("rejected names", REJECTED_TEXT, panel),
            ("keywords in context", KWIC_KEYWORD, panel),
            ("the banner", BANNER_TEXT, BANNER_BG),
            ("errors in the banner", PROBLEM_ERROR, BANNER_BG),
            ("errors on the panel", PROBLEM_ERROR, panel),
        ];
        for (what, fg, bg) in pairs {
            let ratio = contrast(fg, bg);
            assert!(ratio >= AA_TEXT, "{what}: {ratio:.2}:1");
        }
    }

    #[test]
    fn light_process_colours_are_darkened_until_readable_as_text() {
        let atlas = crate::ingest::test_atlas();
        let mut darkened = 0;
        for p in &atlas.processes {
            let c = rgb(p.color);
            let text = readable_on(Color32::WHITE, c);
            assert!(contrast(text, Color32::WHITE) >= AA_TEXT, "{}", p.id);
            darkened += usize::from(text != c);
        }
        assert!(darkened > 0, "yellow and light blue need it");
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
    }
}
