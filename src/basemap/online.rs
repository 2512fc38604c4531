//! Online tiles that say how they are doing: walkers' [`HttpTiles`] fetch and cache the tiles
//! (on disk, in the directory given), and [`OnlineTiles`] watches them, so that the map can say
//! when the network fails it and credit only what it really draws.
//!
//! walkers 0.65 does not report a failed download: it logs it, leaves the tile empty for good and
//! asks for no repaint. What it does show is enough to tell, without guessing from time:
//! - the source is asked for a tile's URL on walkers' download thread right when that tile's
//!   download begins ([`Watched`] writes these down);
//! - `stats().in_progress` counts the downloads under way, and is updated only after a
//!   finished download's tile has been handed to the UI thread;
//! - a downloaded tile is handed to [`Tiles::at`], one per call, and from then on `at` returns
//!   it whole (its `uv` the full square).
//!
//! So a download that began, is no longer under way, and whose tile `at` still does not have,
//! has failed (see [`OnlineTiles::poll`]). While some downloads are still under way, at least as
//! many of the begun ones as exceed that number have failed, which is known before which ones.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use walkers::sources::{Attribution, TileSource};
use walkers::{HeaderValue, HttpOptions, HttpTiles, Stats, TileId, TilePiece, Tiles};

/// How many tiles walkers may hold for the UI thread at most: its channel of finished tiles has
/// room for its parallel downloads (6) plus one per sender (at most 2). `at` takes one per call.
const HANDED_OVER_AT_MOST: usize = 16;

/// A tile server given by an XYZ URL template, such as a school's own
/// (`https://tiles.example.org/{z}/{x}/{y}.png`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateSource {
    template: String,
}

impl TemplateSource {
    /// A source for `template`.
    ///
    /// # Errors
    /// The template is not an `http://` or `https://` URL with `{z}`, `{x}` and `{y}`.
    pub fn new(template: &str) -> Result<Self, String> {
        check_template(template).map_err(|e| format!("{}: {e}", template.trim()))?;
        Ok(Self {
            template: template.trim().to_owned(),
        })
    }

    /// The URL of one tile.
    #[must_use]
    pub fn url(&self, tile: TileId) -> String {
        self.template
            .replace("{z}", &tile.zoom.to_string())
            .replace("{x}", &tile.x.to_string())
            .replace("{y}", &tile.y.to_string())
    }
}

impl TileSource for TemplateSource {
    fn tile_url(&self, tile_id: TileId) -> String {
        self.url(tile_id)
    }

    fn attribution(&self) -> Attribution {
        // The app draws its own credits (the user's text); walkers never shows this one.
        Attribution {
            text: "",
            url: "",
            logo_light: None,
            logo_dark: None,
        }
    }
}

/// What is wrong with a tile server's URL template.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("a tile server's address starts with https:// or http://")]
    Scheme,
    #[error("no server named after the //")]
    NoHost,
    #[error("an address has no spaces")]
    Space,
    #[error(
        "the address must hold {} where the tile's numbers go (like https://host/{{z}}/{{x}}/{{y}}.png)",
        .0.join(", ")
    )]
    Missing(Vec<&'static str>),
}

/// Checks an XYZ URL template: `http://` or `https://`, a host, and `{z}`, `{x}`, `{y}`.
///
/// # Errors
/// The first thing wrong with it.
pub fn check_template(template: &str) -> Result<(), TemplateError> {
    let template = template.trim();
    if !(starts_with_ignoring_case(template, "https://")
        || starts_with_ignoring_case(template, "http://"))
    {
        return Err(TemplateError::Scheme);
    }
    if host(template).is_empty() {
        return Err(TemplateError::NoHost);
    }
    if template.chars().any(char::is_whitespace) {
        return Err(TemplateError::Space);
    }
    let missing: Vec<&str> = ["{z}", "{x}", "{y}"]
        .into_iter()
        .filter(|p| !template.contains(p))
        .collect();
    if !missing.is_empty() {
        return Err(TemplateError::Missing(missing));
    }
    Ok(())
}

fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
}

/// The server of a URL (`tile.openstreetmap.org`, `127.0.0.1:8080`); empty if there is none.
#[must_use]
pub fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    // user:password@ is not part of the name to show.
    authority.rsplit_once('@').map_or(authority, |(_, h)| h)
}

/// A tile source that writes down each tile whose download begins (walkers asks for the URL
/// right then, on its download thread).
struct Watched<S> {
    inner: S,
    started: Arc<Mutex<Vec<TileId>>>,
}

impl<S: TileSource> TileSource for Watched<S> {
    fn tile_url(&self, tile_id: TileId) -> String {
        if let Ok(mut started) = self.started.lock() {
            started.push(tile_id);
        }
        self.inner.tile_url(tile_id)
    }

    fn attribution(&self) -> Attribution {
        self.inner.attribution()
    }

    fn tile_size(&self) -> u32 {
        self.inner.tile_size()
    }

    fn max_zoom(&self) -> u8 {
        self.inner.max_zoom()
    }
}

/// How an online source is doing, as far as the app can tell.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NetStatus {
    /// Tiles that arrived since the source was opened (from the server or the disk cache).
    pub arrived: usize,
    /// Tiles known to have failed (not found, a server error, not an image, no network …).
    pub failed: usize,
    /// Downloads asked for whose outcome is not known yet.
    pub waiting: bool,
}

/// Online tiles (walkers' [`HttpTiles`]) that tell which tiles arrived, which failed, and whether
/// any was drawn in the current frame.
pub struct OnlineTiles {
    inner: HttpTiles,
    /// Written by [`Watched`] on walkers' thread; read by [`Self::poll`].
    started: Arc<Mutex<Vec<TileId>>>,
    max_zoom: u8,
    host: String,
    /// Downloads that began and whose outcome is not known yet.
    pending: HashSet<TileId>,
    arrived: HashSet<TileId>,
    failed: HashSet<TileId>,
    /// At least this many of `pending` have failed (known before which ones).
    failed_among_pending: usize,
    /// The map asked, this frame, for a tile that is neither here nor known to have failed.
    asked_unresolved: bool,
    /// An online tile was drawn this frame (shared, so the credits drawn later in the same
    /// frame can follow it while the map holds the tiles).
    drawn: Arc<AtomicBool>,
    /// Whether the failure was reported to the user already.
    reported: bool,
}

impl OnlineTiles {
    /// Downloads tiles of `source` from the server at `host` (for messages), keeping them in
    /// `cache` (a directory, made when needed) if given. Nothing is fetched until the map asks.
    pub fn new<S>(source: S, host: &str, cache: Option<PathBuf>, ctx: &egui::Context) -> Self
    where
        S: TileSource + Send + Sync + 'static,
    {
        let started = Arc::new(Mutex::new(Vec::new()));
        let max_zoom = source.max_zoom();
        let options = HttpOptions {
            cache,
            // The OSM tile policy asks for an agent that names the application.
            user_agent: Some(HeaderValue::from_static(concat!(
                "mediation-atlas/",
                env!("CARGO_PKG_VERSION"),
                " (desktop atlas for teaching; tiles cached on disk)"
            ))),
            ..HttpOptions::default()
        };
        let watched = Watched {
            inner: source,
            started: Arc::clone(&started),
        };
        Self {
            inner: HttpTiles::with_options(watched, options, ctx.clone()),
            started,
            max_zoom,
            host: host.to_owned(),
            pending: HashSet::new(),
            arrived: HashSet::new(),
            failed: HashSet::new(),
            failed_among_pending: 0,
            asked_unresolved: false,
            drawn: Arc::new(AtomicBool::new(false)),
            reported: false,
        }
    }

    /// True the first time tiles are known to have failed, then never again: the failure is
    /// reported once.
    pub fn first_failure(&mut self) -> bool {
        let first = !self.reported && self.status().failed > 0;
        self.reported |= first;
        first
    }

    /// The server the tiles come from.
    #[must_use]
    pub fn host(&self) -> &str {
        &self.host
    }

    /// Before the map is drawn: learns what became of the downloads, and starts counting what
    /// this frame draws.
    pub fn begin_frame(&mut self) {
        self.poll();
        self.drawn.store(false, Ordering::Relaxed);
        self.asked_unresolved = false;
    }

    /// Whether an online tile has been drawn in this frame so far; stays readable while the
    /// map holds the tiles.
    #[must_use]
    pub fn drawn_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.drawn)
    }

    /// What is known now.
    #[must_use]
    pub fn status(&self) -> NetStatus {
        NetStatus {
            arrived: self.arrived.len(),
            failed: self.failed.len() + self.failed_among_pending,
            waiting: self.asked_unresolved
                || !self.pending.is_empty()
                || self.inner.stats().in_progress > 0,
        }
    }

    /// Learns which of the begun downloads arrived and which failed. Never waits: it only
    /// reads what walkers' thread has handed over.
    pub fn poll(&mut self) {
        // The order matters (see the module's notes): the begun downloads first, then the
        // number under way, then the tiles handed over, then which of the begun ones are here.
        if let Ok(mut started) = self.started.lock() {
            for tile in started.drain(..) {
                self.failed.remove(&tile);
                self.arrived.remove(&tile);
                self.pending.insert(tile);
            }
        }
        let Some(&probe) = self.pending.iter().next() else {
            self.failed_among_pending = 0;
            return;
        };
        let under_way = self.inner.stats().in_progress;
        // `at` takes one handed-over tile per call; asking again for a tile that was asked
        // for before starts no download.
        for _ in 0..HANDED_OVER_AT_MOST {
            let _ = self.inner.at(probe);
        }
        let (inner, arrived) = (&mut self.inner, &mut self.arrived);
        self.pending.retain(|&tile| {
            let here = inner.at(tile).is_some_and(|piece| whole(&piece));
            if here {
                arrived.insert(tile);
            }
            !here
        });
        if under_way == 0 {
            self.failed.extend(self.pending.drain());
            self.failed_among_pending = 0;
        } else {
            self.failed_among_pending = self.pending.len().saturating_sub(under_way);
        }
    }

    /// The tile that is downloaded for `tile` (the same, or its ancestor at the source's
    /// deepest zoom).
    fn fetched_for(&self, tile: TileId) -> TileId {
        if tile.zoom <= self.max_zoom {
            return tile;
        }
        let shift = u32::from(tile.zoom - self.max_zoom);
        TileId {
            x: tile.x >> shift,
            y: tile.y >> shift,
            zoom: self.max_zoom,
        }
    }
}

/// Whether a piece is its tile whole (not a part of a coarser tile standing in for it).
fn whole(piece: &TilePiece) -> bool {
    piece.uv.min == egui::pos2(0.0, 0.0) && piece.uv.max == egui::pos2(1.0, 1.0)
}

/// Whether a tile exists in the grid (walkers asks for none of the others).
fn valid(tile: TileId) -> bool {
    let count = 1u64 << tile.zoom.min(32);
    u64::from(tile.x) < count && u64::from(tile.y) < count
}

impl Tiles for OnlineTiles {
    fn at(&mut self, tile_id: TileId) -> Option<TilePiece> {
        let piece = self.inner.at(tile_id);
        if piece.is_some() {
            self.drawn.store(true, Ordering::Relaxed);
        }
        if valid(tile_id) {
            let fetched = self.fetched_for(tile_id);
            if fetched == tile_id && piece.as_ref().is_some_and(whole) {
                self.pending.remove(&fetched);
                self.arrived.insert(fetched);
            } else if !self.arrived.contains(&fetched) && !self.failed.contains(&fetched) {
                self.asked_unresolved = true;
            }
        }
        piece
    }

    fn attribution(&self) -> Attribution {
        self.inner.attribution()
    }

    fn tile_size(&self) -> u32 {
        self.inner.tile_size()
    }

    fn stats(&self) -> Stats {
        self.inner.stats()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_becomes_the_urls_of_its_tiles() {
        let source = TemplateSource::new("https://tiles.schule.example/{z}/{x}/{y}.png")
            .expect("a template");
        assert_eq!(
            source.url(TileId {
                x: 22,
                y: 10,
                zoom: 5
            }),
            "https://tiles.schule.example/5/22/10.png"
        );
        assert!(TemplateSource::new("http://127.0.0.1:8080/t/{z}/{y}/{x}.png").is_ok());
    }

    #[test]
    fn a_template_without_scheme_or_numbers_is_refused_with_the_reason() {
        assert_eq!(
            check_template("ftp://host/{z}/{x}/{y}.png"),
            Err(TemplateError::Scheme)
        );
        let err = check_template("https://host/{z}/{x}.png").expect_err("no y");
        assert_eq!(err, TemplateError::Missing(vec!["{y}"]));
        assert!(err.to_string().contains("must hold {y} where"), "{err}");
        assert_eq!(
            check_template("https:///{z}/{x}/{y}.png"),
            Err(TemplateError::NoHost)
        );
        assert_eq!(
            check_template("https://host/{z}/{x}/{y}.png credit"),
            Err(TemplateError::Space)
        );
        let err = TemplateSource::new("https://host/a.png").expect_err("no numbers");
        assert!(err.starts_with("https://host/a.png: "), "{err}");
    }

    #[test]
    fn the_host_is_the_server_without_user_path_or_query() {
        assert_eq!(
            host("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
            "tile.openstreetmap.org"
        );
        assert_eq!(host("http://me:pw@127.0.0.1:8080/{z}"), "127.0.0.1:8080");
        assert_eq!(host("https://h?x={x}"), "h");
    }

    #[test]
    fn a_deeper_tile_is_fetched_as_its_ancestor_at_the_deepest_zoom() {
        let ctx = egui::Context::default();
        let source = TemplateSource::new("http://127.0.0.1:9/{z}/{x}/{y}.png").expect("ok");
        let tiles = OnlineTiles::new(source, "127.0.0.1:9", None, &ctx);
        let deep = TileId {
            x: 7,
            y: 5,
            zoom: 21,
        };
        assert_eq!(
            tiles.fetched_for(deep),
            TileId {
                x: 1,
                y: 1,
                zoom: 19
            }
        );
        assert!(valid(TileId {
            x: 1,
            y: 1,
            zoom: 1
        }));
        assert!(!valid(TileId {
            x: 2,
            y: 0,
            zoom: 1
        }));
    }
}
