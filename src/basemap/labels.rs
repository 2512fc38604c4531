//! Names on the base map: countries in the interface language, inside each country, and the
//! seas. They are laid out after the app's own place labels and give way to them; none is
//! drawn over another.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Painter, Rect, Shape, Vec2};
use walkers::{Projector, lat_lon};

use super::world::WorldMap;
use crate::i18n::{Lang, pick3};
use crate::style;

/// A sea: its name, where the name goes, and from which zoom it is shown.
pub(crate) struct Sea {
    /// The message of its name in the Fluent files.
    pub(crate) name: &'static str,
    /// Where the name may go, best first: (lat, lon) in the open water.
    pub(crate) at: &'static [(f64, f64)],
    pub(crate) min_zoom: f64,
}

/// The seas the atlas's region touches, with name points inside the water (checked against
/// Natural Earth: each lies outside every country polygon).
pub(crate) const SEAS: &[Sea] = &[
    Sea {
        name: "sea-black-sea",
        at: &[(43.4, 34.4), (42.6, 32.0), (43.6, 37.2)],
        min_zoom: 3.0,
    },
    Sea {
        name: "sea-caspian-sea",
        at: &[(42.2, 50.6), (45.9, 50.9), (38.3, 51.4), (42.2, 51.3)],
        min_zoom: 3.0,
    },
    Sea {
        name: "sea-mediterranean",
        at: &[(34.3, 19.0)],
        min_zoom: 3.0,
    },
    Sea {
        name: "sea-arabian-sea",
        at: &[(15.0, 63.0)],
        min_zoom: 3.0,
    },
    Sea {
        name: "sea-persian-gulf",
        at: &[(27.0, 51.6)],
        min_zoom: 5.0,
    },
    Sea {
        name: "sea-red-sea",
        at: &[(20.5, 38.6)],
        min_zoom: 5.0,
    },
    Sea {
        name: "sea-baltic-sea",
        at: &[(58.0, 19.6)],
        min_zoom: 4.0,
    },
    Sea {
        name: "sea-sea-of-azov",
        at: &[(46.1, 36.7)],
        min_zoom: 6.0,
    },
    Sea {
        name: "sea-north-atlantic",
        at: &[(38.0, -45.0)],
        min_zoom: 1.0,
    },
];

/// Where on the visible part of a country a name is tried, centre first (fractions of its
/// visible frame: across, then down).
const GRID_X: [f32; 7] = [0.5, 0.35, 0.65, 0.2, 0.8, 0.08, 0.92];
const GRID_Y: [f32; 5] = [0.5, 0.3, 0.7, 0.12, 0.88];

pub(crate) const COUNTRY_TEXT: Color32 = Color32::from_rgb(0x6E, 0x64, 0x84);
pub(crate) const SEA_TEXT: Color32 = Color32::from_rgb(0x4A, 0x78, 0x9C);

/// One name placed on the map.
#[derive(Debug, Clone)]
pub struct Label {
    pub text: String,
    /// Where it is drawn, in screen points.
    pub rect: Rect,
    pub shape: Shape,
}

/// Lays out the base map's names around what is already `taken` (marker symbols and place
/// labels, in screen points); paint the shapes below the markers.
#[must_use]
pub fn layout(
    painter: &Painter,
    projector: &Projector,
    world: &WorldMap,
    lang: Lang,
    taken: &[Rect],
) -> Vec<Label> {
    let clip = projector.clip_rect();
    let zoom = projector.zoom();
    let mut placed: Vec<Rect> = taken.to_vec();
    let mut shapes = Vec::new();

    for sea in SEAS.iter().filter(|s| zoom >= s.min_zoom) {
        let text = crate::i18n::fluent::message(lang, sea.name, None);
        let galley = painter.layout_job(sea_job(&text, zoom));
        let fits = |rect: &Rect| {
            clip.contains_rect(*rect) && placed.iter().all(|r| !r.intersects(rect.expand(4.0)))
        };
        let spot = sea
            .at
            .iter()
            .map(|&(lat, lon)| {
                Rect::from_center_size(
                    projector.project(lat_lon(lat, lon)).to_pos2(),
                    galley.size(),
                )
            })
            .find(fits);
        if let Some(rect) = spot {
            placed.push(rect);
            shapes.push(Label {
                text: text.clone(),
                rect,
                // Centred lines: the galley is laid out around x = 0.
                shape: Shape::galley(rect.center_top(), galley, SEA_TEXT),
            });
        }
    }

    // Larger countries first: they have the room, and they are what a class orients by.
    let mut countries: Vec<_> = world.countries().iter().collect();
    countries.sort_by(|a, b| b.area.total_cmp(&a.area));
    for country in countries {
        let ((lat_min, lon_min), (lat_max, lon_max)) = country.bbox;
        let corner_a = projector.project(lat_lon(lat_min, lon_min)).to_pos2();
        let corner_b = projector.project(lat_lon(lat_max, lon_max)).to_pos2();
        let frame = Rect::from_two_pos(corner_a, corner_b);
        if !frame.intersects(clip) {
            continue;
        }
        let name = pick3(lang, &country.name_de, &country.name_en, &country.name_ru);
        if name.is_empty() {
            continue;
        }
        let text = name.to_uppercase();
        let galley = painter.layout_job(country_job(&text));
        let size = galley.size();
        // A name wider than its country would be read as the neighbour's.
        if size.x > frame.width() * 0.9 || size.y > frame.height() * 0.9 {
            continue;
        }
        let at = projector
            .project(lat_lon(country.label.0, country.label.1))
            .to_pos2();
        let free = |r: &Rect| {
            clip.contains_rect(*r) && placed.iter().all(|p| !p.intersects(r.expand(3.0)))
        };
        let mut candidates: Vec<Rect> = [0.0, -1.0, 1.0]
            .map(|k| Rect::from_center_size(at + Vec2::new(0.0, k * (size.y + 6.0)), size))
            .to_vec();
        // A big country whose label point is off screen (Russia, Iran, Turkey from the
        // Caucasus) is named where it is visible: points of a grid over its visible part
        // whose label lies inside the country from end to end.
        if !clip.contains(at) {
            let visible = frame.intersect(clip);
            let inside = |p: egui::Pos2| {
                let pos = projector.unproject(p.to_vec2());
                world.country_at(pos.y(), pos.x()) == Some(country.numeric.as_str())
            };
            let grid = GRID_Y
                .iter()
                .flat_map(|&fy| GRID_X.iter().map(move |&fx| (fx, fy)));
            for (fx, fy) in grid {
                let c = visible.lerp_inside(Vec2::new(fx, fy));
                let r = Rect::from_center_size(c, size);
                if free(&r) && inside(c) && inside(r.left_center()) && inside(r.right_center()) {
                    candidates.push(r);
                    break;
                }
            }
        }
        if let Some(rect) = candidates.into_iter().find(|r| free(r)) {
            placed.push(rect);
            shapes.push(Label {
                text,
                rect,
                shape: Shape::galley(rect.min, galley, COUNTRY_TEXT),
            });
        }
    }
    shapes
}

/// Country names: capitals, spaced out, muted: a map convention that keeps them apart from the
/// place labels.
fn country_job(name: &str) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.append(
        name,
        0.0,
        TextFormat {
            font_id: FontId::proportional(style::COUNTRY_LABEL_SIZE),
            color: COUNTRY_TEXT,
            extra_letter_spacing: 1.2,
            ..TextFormat::default()
        },
    );
    job
}

/// Sea names: italic and blue, the map convention for water; larger when zoomed in.
fn sea_job(name: &str, zoom: f64) -> LayoutJob {
    let mut job = LayoutJob::default();
    let size = if zoom >= 6.0 {
        style::SEA_LABEL_SIZE + 2.0
    } else if zoom < 5.0 {
        style::SEA_LABEL_SIZE - 1.5
    } else {
        style::SEA_LABEL_SIZE
    };
    job.append(
        name,
        0.0,
        TextFormat {
            font_id: FontId::proportional(size),
            color: SEA_TEXT,
            italics: true,
            extra_letter_spacing: 0.5,
            ..TextFormat::default()
        },
    );
    job.halign = egui::Align::Center;
    job
}

#[cfg(test)]
#[allow(clippy::cast_sign_loss)] // pixel coordinates within a tile
mod tests {
    use super::*;
    use crate::basemap::raster::{Palette, lat_lon_to_tile_pixel, render_tile};

    #[test]
    fn every_sea_has_a_name_in_every_language() {
        for sea in SEAS {
            for lang in Lang::ALL {
                assert!(
                    crate::i18n::fluent::has_message(lang, sea.name),
                    "{}",
                    sea.name
                );
            }
        }
    }
    use crate::basemap::tiles::world_blocking;
    use egui::Pos2;
    use walkers::{MapMemory, MercatorProjection};

    #[test]
    fn every_sea_name_sits_on_water() {
        let world = world_blocking().expect("world");
        let sea = Palette::LIGHT.sea;
        for s in SEAS {
            for &(lat, lon) in s.at {
                let (x, y, px, py) = lat_lon_to_tile_pixel(lat, lon, 6, 256);
                let tile = render_tile(&world, 6, x, y, 256, &Palette::LIGHT);
                let i = ((py as usize) * 256 + px as usize) * 4;
                assert_eq!(
                    &tile.rgba[i..i + 4],
                    &sea,
                    "{} at {lat},{lon} is not on water",
                    s.name
                );
                assert_eq!(
                    world.country_at(lat, lon),
                    None,
                    "{} at {lat},{lon}",
                    s.name
                );
            }
        }
    }

    /// Lays out the labels of the region view around two made-up place labels.
    fn region_labels(lang: Lang, taken: &[Rect]) -> Vec<Label> {
        labels_at((46.0, 57.0, 4.1), lang, taken)
    }

    fn labels_at(view: (f64, f64, f64), lang: Lang, taken: &[Rect]) -> Vec<Label> {
        let world = world_blocking().expect("world");
        let ctx = egui::Context::default();
        let mut out = Vec::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let mut memory = MapMemory::default();
            memory.center_at(lat_lon(view.0, view.1));
            memory.set_zoom(view.2).expect("zoom");
            let clip = Rect::from_min_size(Pos2::ZERO, Vec2::new(880.0, 760.0));
            let projector =
                Projector::new(clip, &MercatorProjection, &memory, lat_lon(view.0, view.1));
            out = layout(ui.painter(), &projector, &world, lang, taken);
        });
        output.textures_delta.clear();
        out
    }

    #[test]
    fn region_view_names_kazakhstan_and_both_seas_in_the_interface_language() {
        let de = region_labels(Lang::De, &[]);
        let texts: Vec<&str> = de.iter().map(|l| l.text.as_str()).collect();
        for wanted in [
            "KASACHSTAN",
            "Schwarzes Meer",
            "Kaspisches\nMeer",
            "TURKMENISTAN",
        ] {
            assert!(texts.contains(&wanted), "{wanted} missing from {texts:?}");
        }
        let en = region_labels(Lang::En, &[]);
        assert!(en.iter().any(|l| l.text == "KAZAKHSTAN"));
        assert!(en.iter().any(|l| l.text == "Black Sea"));
        let ru = region_labels(Lang::Ru, &[]);
        assert!(ru.iter().any(|l| l.text == "КАЗАХСТАН"), "{ru:?}");
        assert!(ru.iter().any(|l| l.text == "Чёрное море"));
    }

    #[test]
    fn labels_never_overlap_each_other_or_the_place_labels() {
        let free = region_labels(Lang::De, &[]);
        let kazakhstan = free
            .iter()
            .find(|l| l.text == "KASACHSTAN")
            .expect("Kazakhstan labelled")
            .rect;
        // A place label right where Kazakhstan's name would go pushes it aside or out.
        let taken = [kazakhstan];
        let labels = region_labels(Lang::De, &taken);
        for (i, a) in labels.iter().enumerate() {
            assert!(
                !a.rect.intersects(kazakhstan),
                "{} covers a place label",
                a.text
            );
            for b in &labels[i + 1..] {
                assert!(!a.rect.intersects(b.rect), "{} overlaps {}", a.text, b.text);
            }
        }
    }

    #[test]
    fn in_the_caucasus_the_big_neighbours_are_named_where_they_show() {
        let labels = labels_at((40.0, 45.5, 7.0), Lang::De, &[]);
        let texts: Vec<&str> = labels.iter().map(|l| l.text.as_str()).collect();
        for wanted in [
            "ARMENIEN",
            "ASERBAIDSCHAN",
            "GEORGIEN",
            "IRAN",
            "TÜRKEI",
            "RUSSLAND",
        ] {
            assert!(texts.contains(&wanted), "{wanted} missing from {texts:?}");
        }
    }
}
