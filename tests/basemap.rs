//! The base map sources end to end: a real `.pmtiles` file read through walkers, and the
//! embedded map drawn with no network.

use std::time::{Duration, Instant};

use mediation_atlas::basemap::source::{self, BasemapChoice};
use mediation_atlas::basemap::tiles::{OfflineTiles, Rendering};
use pmtiles::{PmTilesWriter, TileCoord, TileType};
use walkers::{Tile, TileId, Tiles};

/// A PMTiles v3 archive with one solid-colour PNG tile per tile of zooms 0–2.
fn write_pmtiles(path: &std::path::Path, rgb: [u8; 3]) {
    let image = image::RgbaImage::from_pixel(256, 256, image::Rgba([rgb[0], rgb[1], rgb[2], 255]));
    let mut png = Vec::new();
    image
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .expect("png");
    let file = std::fs::File::create(path).expect("create");
    let mut writer = PmTilesWriter::new(TileType::Png)
        .min_zoom(0)
        .max_zoom(2)
        .create(file)
        .expect("writer");
    for z in 0..=2u8 {
        for x in 0..(1u32 << z) {
            for y in 0..(1u32 << z) {
                writer
                    .add_tile(TileCoord::new(z, x, y).expect("coord"), &png)
                    .expect("add");
            }
        }
    }
    writer.finalize().expect("finalize");
}

/// Asks `tiles` for `id` until it has it (the file is read on walkers' own thread).
fn wait_for(tiles: &mut dyn Tiles, id: TileId) -> Option<walkers::TilePiece> {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Some(piece) = tiles.at(id) {
            return Some(piece);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

#[test]
fn a_local_pmtiles_file_is_read_and_its_tiles_shown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("region.pmtiles");
    write_pmtiles(&path, [200, 30, 160]);

    let choice = BasemapChoice::parse(path.to_str().expect("utf-8")).expect("a PMTiles file");
    let ctx = egui::Context::default();
    let mut tiles = source::open(&choice, &ctx)
        .expect("opens")
        .expect("a source above the embedded map");
    let piece = wait_for(
        &mut tiles,
        TileId {
            x: 1,
            y: 1,
            zoom: 1,
        },
    )
    .expect("tile z1/1/1 read");
    let Tile::Raster(texture) = piece.tile;
    assert_eq!(texture.size(), [256, 256]);
    assert_eq!(source::credits(&choice)[0].text, "region.pmtiles");
}

#[test]
fn the_embedded_map_draws_on_worker_threads_without_any_network() {
    // No HTTP client exists in this path at all: the embedded source is local code only.
    let ctx = egui::Context::default();
    let mut tiles = OfflineTiles::new(&ctx, Rendering::Threads(2));
    // The tile with Astana at zoom 5.
    let piece = wait_for(
        &mut tiles,
        TileId {
            x: 22,
            y: 10,
            zoom: 5,
        },
    )
    .expect("drawn");
    assert_eq!(
        piece.uv.max,
        egui::pos2(1.0, 1.0),
        "the tile itself, not a stand-in"
    );
    assert!(
        source::open(&BasemapChoice::Offline, &ctx)
            .expect("ok")
            .is_none()
    );
}
