//! The embedded base map as a `walkers::Tiles` source: tiles are rasterised on worker threads
//! with tiny-skia and uploaded as textures; the UI thread never waits for one.
//!
//! While a tile is being drawn, the nearest coarser tile already on hand stands in for it
//! (scaled up), so panning and zooming never show holes for long. Finished tiles wake the UI
//! with one repaint each; with nothing to draw, nothing repaints.

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex, OnceLock, PoisonError};
use std::time::Duration;

use egui::{Color32, ColorImage, Context, Rect, TextureHandle, TextureOptions, pos2};
use walkers::sources::Attribution;
use walkers::{Stats, Tile, TileId, TilePiece, Tiles};

use super::raster::{Palette, TileImage, render_tile};
use super::world::WorldMap;

/// Logical tile size: what walkers lays out.
const TILE_SIZE: u32 = 256;
/// Textures kept: a 1920×1080 screen shows about 40 tiles, so this holds the screen, its
/// neighbours and a few zoom levels of ancestors for fallback (256 px tiles: 64 MB at most).
const MAX_TEXTURES: usize = 256;

/// The world map, parsed once per process on a background thread (about 0.1 s), shared by
/// every tile source and by the labels.
static WORLD: OnceLock<Result<Arc<WorldMap>, String>> = OnceLock::new();

/// The embedded world map, parsing it now if no one has yet. Blocks: call it from a worker.
pub fn world_blocking() -> Result<Arc<WorldMap>, String> {
    WORLD
        .get_or_init(|| {
            WorldMap::embedded()
                .map(Arc::new)
                .map_err(|e| format!("embedded base map: {e}"))
        })
        .clone()
}

/// The embedded world map if it has been parsed already; never blocks.
#[must_use]
pub fn world_if_ready() -> Option<Arc<WorldMap>> {
    WORLD.get().and_then(|w| w.as_ref().ok()).cloned()
}

/// The work shared with the rendering threads.
#[derive(Default)]
struct Queue {
    /// Tiles wanted, with the frame they were last asked for: the newest are drawn first,
    /// and tiles no longer on screen are dropped unrendered.
    jobs: HashMap<TileId, u64>,
    /// The frame the UI is on.
    frame: u64,
    /// Tiles taken by a worker and not yet delivered.
    rendering: usize,
    shutdown: bool,
}

struct Shared {
    queue: Mutex<Queue>,
    wake: Condvar,
}

impl Shared {
    fn lock(&self) -> std::sync::MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// How tiles get drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    /// On this many background threads (the app).
    Threads(usize),
    /// On the calling thread, inside `at` (tests and benchmarks: deterministic, no timing).
    Inline,
    /// On the calling thread, inside `at`, for at most this long per frame; the rest in the
    /// frames after, with the nearest coarser tile standing in (the browser, without threads).
    Budget(Duration),
}

impl Rendering {
    /// One thread per core, at most four, leaving the UI thread a core on small machines;
    /// without threads (the browser), 8 ms of each frame.
    #[must_use]
    pub fn for_this_machine() -> Self {
        if !crate::platform::HAS_THREADS {
            return Self::Budget(Duration::from_millis(8));
        }
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        Self::Threads(cores.saturating_sub(1).clamp(1, 4))
    }

    /// Whether the work is done on the UI thread (no helper threads).
    #[must_use]
    pub fn on_this_thread(self) -> bool {
        !matches!(self, Self::Threads(_))
    }
}

/// The embedded Natural Earth base map as tiles.
pub struct OfflineTiles {
    ctx: Context,
    palette: Palette,
    /// Pixels per tile: 256, or 512 on a hi-dpi screen.
    pixels: u32,
    rendering: Rendering,
    shared: Arc<Shared>,
    delivered: Receiver<(TileId, TileImage)>,
    textures: HashMap<TileId, (TextureHandle, u64)>,
    /// Tiles asked for in the current frame (for pruning the queue).
    frame: u64,
    /// Time spent drawing tiles in this frame, and the tiles left for the frames after
    /// ([`Rendering::Budget`]).
    spent: Duration,
    deferred: usize,
    error: Option<String>,
}

impl OfflineTiles {
    /// Starts the source; the world map is parsed in the background.
    #[must_use]
    pub fn new(ctx: &Context, rendering: Rendering) -> Self {
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queue::default()),
            wake: Condvar::new(),
        });
        let (deliver, delivered) = channel();
        let pixels = if ctx.pixels_per_point() > 1.25 {
            2 * TILE_SIZE
        } else {
            TILE_SIZE
        };
        let palette = Palette::LIGHT;
        if let Rendering::Threads(n) = rendering {
            for i in 0..n.max(1) {
                let worker = Worker {
                    shared: Arc::clone(&shared),
                    deliver: deliver.clone(),
                    ctx: ctx.clone(),
                    pixels,
                    palette,
                };
                let spawned = std::thread::Builder::new()
                    .name(format!("basemap-{i}"))
                    .spawn(move || worker.run());
                if let Err(e) = spawned {
                    log::error!("could not start a base map thread: {e}");
                }
            }
        }
        Self {
            ctx: ctx.clone(),
            palette,
            pixels,
            rendering,
            shared,
            delivered,
            textures: HashMap::new(),
            frame: 0,
            spent: Duration::ZERO,
            deferred: 0,
            error: None,
        }
    }

    /// The sea colour, for whatever is behind the tiles.
    #[must_use]
    pub fn sea(&self) -> Color32 {
        let [r, g, b, a] = self.palette.sea;
        Color32::from_rgba_unmultiplied(r, g, b, a)
    }

    /// Why the embedded map cannot be drawn, if it cannot.
    #[must_use]
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Tiles on hand as textures.
    #[must_use]
    pub fn textures(&self) -> usize {
        self.textures.len()
    }

    /// Tiles asked for and not yet on screen.
    #[must_use]
    pub fn pending(&self) -> usize {
        let queue = self.shared.lock();
        queue.jobs.len() + queue.rendering + self.deferred
    }

    /// Uploads what the workers have finished.
    fn receive(&mut self) {
        while let Ok((id, image)) = self.delivered.try_recv() {
            self.upload(id, &image);
        }
    }

    fn upload(&mut self, id: TileId, image: &TileImage) {
        let side = image.size as usize;
        let color = ColorImage::from_rgba_unmultiplied([side, side], &image.rgba);
        let texture = self.ctx.load_texture(
            format!("basemap/{}/{}/{}", id.zoom, id.x, id.y),
            color,
            TextureOptions::LINEAR,
        );
        self.textures.insert(id, (texture, self.frame));
        self.evict();
    }

    /// Drops the least recently used textures beyond [`MAX_TEXTURES`].
    fn evict(&mut self) {
        if self.textures.len() <= MAX_TEXTURES {
            return;
        }
        let mut ages: Vec<(u64, TileId)> = self
            .textures
            .iter()
            .map(|(id, (_, used))| (*used, *id))
            .collect();
        ages.sort_unstable_by_key(|&(used, _)| used);
        for (_, id) in ages.iter().take(self.textures.len() - MAX_TEXTURES) {
            self.textures.remove(id);
        }
    }

    /// Notes the frame; on a new one, forgets jobs that were not asked for in the last one.
    fn next_frame(&mut self) {
        let frame = self.ctx.cumulative_pass_nr();
        if frame == self.frame {
            return;
        }
        self.frame = frame;
        self.spent = Duration::ZERO;
        self.deferred = 0;
        let mut queue = self.shared.lock();
        queue.frame = frame;
        queue.jobs.retain(|_, asked| *asked + 1 >= frame);
    }

    fn request(&mut self, id: TileId) {
        match self.rendering {
            Rendering::Inline => self.draw_now(id),
            // At least one tile per frame, however slow.
            Rendering::Budget(budget) if self.spent > Duration::ZERO && self.spent >= budget => {
                // The frames after draw the rest.
                self.deferred += 1;
                self.ctx.request_repaint();
            }
            Rendering::Budget(_) => {
                let started = crate::platform::Instant::now();
                self.draw_now(id);
                self.spent += started.elapsed();
            }
            Rendering::Threads(_) => {
                let mut queue = self.shared.lock();
                let frame = self.frame;
                queue.jobs.insert(id, frame);
                drop(queue);
                self.shared.wake.notify_one();
            }
        }
    }

    fn draw_now(&mut self, id: TileId) {
        match world_blocking() {
            Ok(world) => {
                let image = draw(&world, id, self.pixels, &self.palette);
                self.upload(id, &image);
            }
            Err(e) => self.error = Some(e),
        }
    }

    /// The nearest coarser tile on hand, with the part of it that covers `id`.
    fn stand_in(&mut self, id: TileId) -> Option<TilePiece> {
        for up in 1..=id.zoom.min(8) {
            let parent = TileId {
                x: id.x >> up,
                y: id.y >> up,
                zoom: id.zoom - up,
            };
            if let Some((texture, used)) = self.textures.get_mut(&parent) {
                *used = self.frame;
                let n = f32::from(1u16 << up);
                // The offsets are below 2^8: exact in f32.
                let offset = |child: u32, parent: u32| {
                    u16::try_from(child - (parent << up)).map_or(0.0, f32::from)
                };
                let (dx, dy) = (offset(id.x, parent.x), offset(id.y, parent.y));
                let uv =
                    Rect::from_min_max(pos2(dx / n, dy / n), pos2((dx + 1.0) / n, (dy + 1.0) / n));
                return Some(TilePiece::new(Tile::Raster(texture.clone()), uv));
            }
        }
        None
    }
}

impl Tiles for OfflineTiles {
    fn at(&mut self, id: TileId) -> Option<TilePiece> {
        self.next_frame();
        self.receive();
        if self.error.is_none()
            && let Some(Err(e)) = WORLD.get()
        {
            self.error = Some(e.clone());
        }
        if let Some((texture, used)) = self.textures.get_mut(&id) {
            *used = self.frame;
            return Some(TilePiece::new(
                Tile::Raster(texture.clone()),
                Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
            ));
        }
        if self.error.is_none() {
            self.request(id);
            if let Some((texture, used)) = self.textures.get_mut(&id) {
                *used = self.frame;
                return Some(TilePiece::new(
                    Tile::Raster(texture.clone()),
                    Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
                ));
            }
        }
        self.stand_in(id)
    }

    fn attribution(&self) -> Attribution {
        Attribution {
            text: "Natural Earth",
            url: "https://www.naturalearthdata.com/",
            logo_light: None,
            logo_dark: None,
        }
    }

    fn tile_size(&self) -> u32 {
        TILE_SIZE
    }

    fn stats(&self) -> Stats {
        Stats {
            in_progress: self.pending(),
        }
    }
}

impl Drop for OfflineTiles {
    fn drop(&mut self) {
        self.shared.lock().shutdown = true;
        self.shared.wake.notify_all();
    }
}

/// Draws one tile of walkers' grid at `pixels` per side.
fn draw(world: &WorldMap, id: TileId, pixels: u32, palette: &Palette) -> TileImage {
    render_tile(world, u32::from(id.zoom), id.x, id.y, pixels, palette)
}

/// One rendering thread.
struct Worker {
    shared: Arc<Shared>,
    deliver: Sender<(TileId, TileImage)>,
    ctx: Context,
    pixels: u32,
    palette: Palette,
}

impl Worker {
    fn run(self) {
        let world = world_blocking();
        // Whatever happened, the UI should look again (to draw tiles or show the error).
        self.ctx.request_repaint();
        let Ok(world) = world else { return };
        loop {
            let id = {
                let mut queue = self.shared.lock();
                loop {
                    if queue.shutdown {
                        return;
                    }
                    // Newest request first; among equals, the coarser tile (it covers more).
                    let next = queue
                        .jobs
                        .iter()
                        .max_by_key(|(id, asked)| (**asked, std::cmp::Reverse(id.zoom)))
                        .map(|(id, _)| *id);
                    if let Some(id) = next {
                        queue.jobs.remove(&id);
                        queue.rendering += 1;
                        break id;
                    }
                    queue = self
                        .shared
                        .wake
                        .wait(queue)
                        .unwrap_or_else(PoisonError::into_inner);
                }
            };
            let image = draw(&world, id, self.pixels, &self.palette);
            let sent = self.deliver.send((id, image));
            self.shared.lock().rendering -= 1;
            if sent.is_err() {
                return; // the source is gone
            }
            self.ctx.request_repaint();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(zoom: u8, x: u32, y: u32) -> TileId {
        TileId { x, y, zoom }
    }

    #[test]
    fn inline_rendering_gives_a_full_tile_at_once() {
        let ctx = Context::default();
        let mut tiles = OfflineTiles::new(&ctx, Rendering::Inline);
        let piece = tiles.at(id(5, 22, 11)).expect("a tile");
        assert_eq!(piece.uv, Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)));
        assert_eq!(tiles.pending(), 0);
        assert!(tiles.error().is_none());
    }

    #[test]
    fn a_frame_budget_draws_at_least_one_tile_and_leaves_the_rest_to_the_frames_after() {
        let ctx = Context::default();
        // No time at all: one tile per frame, the least the budget allows.
        let mut tiles = OfflineTiles::new(&ctx, Rendering::Budget(Duration::ZERO));
        let wanted = [id(5, 22, 11), id(5, 23, 11), id(5, 22, 12)];
        for frame in 1..=wanted.len() {
            let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
            output.textures_delta.clear();
            let full = wanted
                .iter()
                .filter(|&&w| {
                    tiles
                        .at(w)
                        .is_some_and(|p| p.uv == Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)))
                })
                .count();
            assert_eq!(full, frame, "frame {frame}: one more tile drawn");
            assert_eq!(
                tiles.pending(),
                wanted.len() - frame,
                "frame {frame}: the rest waits"
            );
        }
        assert!(Rendering::Budget(Duration::ZERO).on_this_thread());
        assert!(!Rendering::Threads(1).on_this_thread());
    }

    #[test]
    fn a_missing_tile_is_covered_by_the_right_quarter_of_its_parent() {
        let ctx = Context::default();
        let mut tiles = OfflineTiles::new(&ctx, Rendering::Threads(0));
        // Put the parent in by hand; with no worker the child never arrives.
        let parent = id(4, 11, 5);
        let image = render_tile(
            &world_blocking().expect("world"),
            4,
            11,
            5,
            64,
            &Palette::LIGHT,
        );
        tiles.upload(parent, &image);
        let piece = tiles.at(id(5, 23, 10)).expect("stand-in");
        assert_eq!(piece.uv, Rect::from_min_max(pos2(0.5, 0.0), pos2(1.0, 0.5)));
        assert_eq!(tiles.pending(), 1, "the real tile is queued");
    }

    #[test]
    fn worker_threads_deliver_and_wake_the_ui() {
        let ctx = Context::default();
        let mut tiles = OfflineTiles::new(&ctx, Rendering::Threads(2));
        let wanted = id(6, 44, 23);
        assert!(tiles.at(wanted).is_none(), "nothing on hand at first");
        let deadline = crate::platform::Instant::now() + std::time::Duration::from_secs(30);
        let mut got = None;
        while got.is_none() && crate::platform::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
            got = tiles.at(wanted).filter(|p| p.uv.max == pos2(1.0, 1.0));
        }
        assert!(got.is_some(), "the worker delivered the tile");
        assert_eq!(tiles.pending(), 0);
    }

    #[test]
    fn old_textures_are_evicted_beyond_the_budget() {
        let ctx = Context::default();
        let mut tiles = OfflineTiles::new(&ctx, Rendering::Threads(0));
        let image = TileImage {
            size: 1,
            rgba: vec![0; 4],
        };
        for x in 0..(MAX_TEXTURES as u32 + 10) {
            tiles.upload(id(12, x, 0), &image);
        }
        assert_eq!(tiles.textures.len(), MAX_TEXTURES);
    }
}
