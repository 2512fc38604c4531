//! Clean figures: the overview and Astana as SVG and as a 1920×1080 PNG, and the shipped tour
//! as a PDF handout (12 A4 pages), from the shipped corpus; the world map is parsed before.

use criterion::{Criterion, criterion_group, criterion_main};
use mediation_atlas::figure::{self, FigureSpec};
use mediation_atlas::i18n::Lang;
use mediation_atlas::ingest::{self, Corpus};

fn figures(c: &mut Criterion) {
    let atlas = ingest::load(&Corpus::Embedded, ingest::today()).atlas;
    let (tours, _) = ingest::tours::load_tours(&Corpus::Embedded, &atlas);
    if mediation_atlas::basemap::tiles::world_blocking().is_err() {
        eprintln!("embedded world map failed to parse; nothing to benchmark");
        return;
    }
    let overview = FigureSpec::overview(Lang::De);
    let Some(astana) = atlas.place_by_id("astana") else {
        return;
    };
    let astana = FigureSpec::place(&atlas, astana, Lang::De);
    let mut group = c.benchmark_group("figure");
    group.sample_size(10);
    group.bench_function("overview svg 1920x1080", |b| {
        b.iter(|| figure::to_svg(&atlas, &overview, (1920, 1080)));
    });
    group.bench_function("overview png 1920x1080", |b| {
        b.iter(|| figure::to_png(&atlas, &overview, (1920, 1080)));
    });
    group.bench_function("astana png 1920x1080", |b| {
        b.iter(|| figure::to_png(&atlas, &astana, (1920, 1080)));
    });
    if let Some(tour) = tours.first() {
        group.bench_function("tour pdf (12 pages)", |b| {
            b.iter(|| figure::tour_pdf(&atlas, tour, Lang::De));
        });
    }
    group.finish();
}

criterion_group!(benches, figures);
criterion_main!(benches);
