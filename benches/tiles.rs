//! Tile rendering over the Caucasus (the tiles containing Baku) at zooms 2, 5 and 8,
//! one thread, 256 px; and parsing the embedded world map.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use mediation_atlas::basemap::{
    raster::{Palette, lat_lon_to_tile_pixel, render_tile},
    world::WorldMap,
};

/// Baku: coast, Caspian and the Azerbaijan borders all in one tile.
const BAKU: (f64, f64) = (40.41, 49.87);

fn tiles(c: &mut Criterion) {
    let Ok(world) = WorldMap::embedded() else {
        eprintln!("embedded world map failed to parse; nothing to benchmark");
        return;
    };
    for z in [2, 5, 8] {
        let (x, y, _, _) = lat_lon_to_tile_pixel(BAKU.0, BAKU.1, z, 256);
        c.bench_function(&format!("render_tile z{z} Baku 256px"), |b| {
            b.iter(|| render_tile(black_box(&world), z, x, y, 256, &Palette::LIGHT));
        });
    }
}

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("world");
    // Parsing takes ~0.1 s; ten samples keep the run short.
    group.sample_size(10);
    group.bench_function("WorldMap::embedded", |b| b.iter(WorldMap::embedded));
    group.finish();
}

criterion_group!(benches, tiles, parse);
criterion_main!(benches);
