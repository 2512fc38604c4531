//! Online base maps against a tile server this test starts on 127.0.0.1: tiles that arrive are
//! drawn and cached on disk, tiles that fail (not found, server error, not an image) leave the
//! embedded map with the status on it, and a very slow answer never holds up a frame. Nothing
//! here reaches beyond this machine.

mod common;

use std::io::{Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use mediation_atlas::app::{AtlasApp, StartOptions};
use mediation_atlas::basemap::source::{self, BasemapChoice};
use mediation_atlas::i18n::Lang;
use walkers::{Tile, TileId, Tiles};

/// What the test server answers for a tile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    /// A 256×256 PNG, cacheable for a day.
    Tile,
    NotFound,
    ServerError,
    /// 200, but bytes that are no image.
    Garbage,
    /// A tile, after 30 s.
    Slow,
}

/// How long the slow answer takes (unless the server stops first): far longer than any frame
/// may, and than these tests take.
const SLOW: Duration = Duration::from_secs(30);
/// The most a frame (or a call of `Tiles::at`) may take here; a behavioural bound, far above
/// a frame's real time and far below the slow answer.
const NEVER_WAITS: Duration = Duration::from_secs(2);

/// A tiny HTTP/1.1 tile server on a free port of 127.0.0.1. It answers by the tile asked for,
/// writes down each path, and stops by itself: when dropped, after two minutes, or after 2000
/// connections.
struct TileServer {
    port: u16,
    stop: Arc<AtomicBool>,
    requests: Arc<Mutex<Vec<String>>>,
}

impl TileServer {
    fn start(answer: fn(TileId) -> Answer) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("address").port();
        listener.set_nonblocking(true).expect("non-blocking");
        let stop = Arc::new(AtomicBool::new(false));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (stop_loop, requests_loop) = (Arc::clone(&stop), Arc::clone(&requests));
        std::thread::spawn(move || {
            let started = Instant::now();
            let mut connections = 0;
            while !stop_loop.load(Ordering::Relaxed)
                && started.elapsed() < Duration::from_mins(2)
                && connections < 2000
            {
                match listener.accept() {
                    Ok((stream, _)) => {
                        connections += 1;
                        let (stop, requests) = (Arc::clone(&stop_loop), Arc::clone(&requests_loop));
                        std::thread::spawn(move || serve(stream, answer, &stop, &requests));
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    Err(_) => break,
                }
            }
        });
        Self {
            port,
            stop,
            requests,
        }
    }

    fn template(&self) -> String {
        format!("http://127.0.0.1:{}/{{z}}/{{x}}/{{y}}.png", self.port)
    }

    fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// The paths asked for so far.
    fn requests(&self) -> Vec<String> {
        self.requests.lock().expect("requests").clone()
    }
}

impl Drop for TileServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Answers one connection (walkers' client may send more than one request on it, but is told
/// to close it after the first).
fn serve(
    mut stream: TcpStream,
    answer: fn(TileId) -> Answer,
    stop: &AtomicBool,
    requests: &Mutex<Vec<String>>,
) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 * 1024 {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head);
    let path = head
        .lines()
        .next()
        .and_then(|line| line.split_whitespace().nth(1))
        .unwrap_or_default()
        .to_owned();
    requests.lock().expect("requests").push(path.clone());
    let numbers: Vec<u32> = path
        .trim_start_matches('/')
        .trim_end_matches(".png")
        .split('/')
        .filter_map(|n| n.parse().ok())
        .collect();
    let answer = match numbers[..] {
        [zoom, x, y] => answer(TileId {
            x,
            y,
            zoom: u8::try_from(zoom).unwrap_or(u8::MAX),
        }),
        _ => Answer::NotFound,
    };
    let (status, body): (&str, &[u8]) = match answer {
        Answer::Tile => ("200 OK", png()),
        Answer::NotFound => ("404 Not Found", b"no such tile"),
        Answer::ServerError => ("500 Internal Server Error", b"the server broke"),
        Answer::Garbage => ("200 OK", b"definitely not an image \x00\x01\x02"),
        Answer::Slow => {
            let since = Instant::now();
            while since.elapsed() < SLOW && !stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(50));
            }
            ("200 OK", png())
        }
    };
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: image/png\r\nContent-Length: {}\r\nCache-Control: max-age=86400\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(header.as_bytes());
    let _ = stream.write_all(body);
    let _ = stream.flush();
}

/// A valid 256×256 PNG tile, one colour.
fn png() -> &'static [u8] {
    static PNG: OnceLock<Vec<u8>> = OnceLock::new();
    PNG.get_or_init(|| {
        let image = image::RgbaImage::from_pixel(256, 256, image::Rgba([40, 160, 90, 255]));
        let mut png = Vec::new();
        image
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .expect("png");
        png
    })
}

/// Files under `dir`, at any depth.
fn files_under(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .flatten()
            .map(|e| {
                let path = e.path();
                if path.is_dir() { files_under(&path) } else { 1 }
            })
            .sum()
    })
}

/// Column by column along row 1 of zoom 3: a tile, not found, a server error, garbage, a slow
/// tile, a tile.
fn by_column(tile: TileId) -> Answer {
    match tile.x {
        0 | 5 => Answer::Tile,
        2 => Answer::ServerError,
        3 => Answer::Garbage,
        4 => Answer::Slow,
        // 1, and any other.
        _ => Answer::NotFound,
    }
}

fn row(x: u32) -> TileId {
    TileId { x, y: 1, zoom: 3 }
}

fn whole(piece: Option<&walkers::TilePiece>) -> bool {
    piece.is_some_and(|p| {
        p.uv == egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0))
    })
}

#[test]
fn tiles_that_arrive_are_drawn_and_cached_and_failures_are_known_while_a_slow_one_waits() {
    let server = TileServer::start(by_column);
    let cache = tempfile::tempdir().expect("tempdir");
    let ctx = egui::Context::default();
    let choice = BasemapChoice::parse(&server.template()).expect("a tile URL");
    let mut overlay = source::open_cached_in(&choice, &ctx, Some(cache.path()))
        .expect("opens")
        .expect("an online source");
    let tiles = overlay.online().expect("watched online tiles");

    // Frame after frame, as the map asks: until both good tiles are here and the three bad
    // ones are known to have failed.
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        tiles.begin_frame();
        for x in 0..6 {
            let asked = Instant::now();
            let _ = tiles.at(row(x));
            assert!(
                asked.elapsed() < NEVER_WAITS,
                "Tiles::at waited for the server"
            );
        }
        let status = tiles.status();
        if status.arrived == 2 && status.failed == 3 {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "tiles never settled: {status:?}, server saw {:?}",
            server.requests()
        );
        std::thread::sleep(Duration::from_millis(20));
    };

    // The slow tile was asked for and is still on its way: nothing waited for it.
    assert!(server.requests().contains(&"/3/4/1.png".to_owned()));
    assert!(status.waiting, "the slow tile is pending");
    assert!(tiles.stats().in_progress >= 1);

    // The good tiles are drawn whole, at their size.
    for x in [0, 5] {
        let piece = tiles.at(row(x));
        assert!(whole(piece.as_ref()), "tile {x} whole");
        let Some(Tile::Raster(texture)) = piece.map(|p| p.tile) else {
            panic!("tile {x} drawn");
        };
        assert_eq!(texture.size(), [256, 256]);
    }

    // Where tiles failed, nothing online is drawn: the embedded map shows, credited alone, and
    // the failures are known (the map then shows its status).
    tiles.begin_frame();
    for x in 1..=4 {
        assert!(tiles.at(row(x)).is_none(), "tile {x} is not drawn");
    }
    let drawn = tiles.drawn_flag().load(Ordering::Relaxed);
    assert!(!drawn);
    assert_eq!(
        source::credits_drawn(&choice, drawn),
        source::credits(&BasemapChoice::Offline)
    );
    assert_eq!(tiles.status().failed, 3);
    // … and a frame with a good tile credits the server.
    tiles.begin_frame();
    let _ = tiles.at(row(0));
    assert!(tiles.drawn_flag().load(Ordering::Relaxed));

    // The tiles that arrived are on disk in the cache given: a new source over the same cache
    // has tile 0 without asking the server again.
    let custom_cache = cache.path().join("custom");
    assert!(
        files_under(&custom_cache) > 0,
        "nothing cached in {custom_cache:?}"
    );
    drop(overlay);
    let asked_before = server.requests().len();
    let mut again = source::open_cached_in(&choice, &ctx, Some(cache.path()))
        .expect("opens")
        .expect("an online source");
    let tiles = again.online().expect("online");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !whole(tiles.at(row(0)).as_ref()) {
        assert!(Instant::now() < deadline, "the cached tile never came back");
        std::thread::sleep(Duration::from_millis(20));
    }
    let asked_again: Vec<String> = server.requests()[asked_before..].to_vec();
    assert!(
        !asked_again.contains(&"/3/0/1.png".to_owned()),
        "the cached tile was fetched again: {asked_again:?}"
    );
}

/// The app with the base map `basemap` and its tiles cached in `cache`.
fn app_with(basemap: BasemapChoice, cache: &Path, lang: Lang) -> Harness<'static, AtlasApp> {
    common::launch(
        common::load_shipped(),
        egui::vec2(1280.0, 800.0),
        StartOptions {
            lang: Some(lang),
            today: Some(common::TODAY),
            basemap: Some(basemap),
            tile_cache: Some(cache.to_path_buf()),
            ..StartOptions::default()
        },
    )
}

/// Steps frames (the app polls the network on its own) until `done`, at most 30 s.
fn step_until(
    harness: &mut Harness<'static, AtlasApp>,
    what: &str,
    done: impl Fn(&Harness<'static, AtlasApp>) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !done(harness) {
        assert!(
            Instant::now() < deadline,
            "{what}: not after 30 s ({:?})",
            harness.state().network_status()
        );
        let frame = Instant::now();
        harness.step();
        assert!(
            frame.elapsed() < NEVER_WAITS,
            "a frame waited for the network"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// How soon the app asked to be drawn again after the last frame (`Duration::MAX`: never).
fn repaint_delay(harness: &Harness<'static, AtlasApp>) -> Duration {
    harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay
}

/// Steps until no tile is pending any more, then checks that the app rests (asks for no frame).
fn settles_at_rest(harness: &mut Harness<'static, AtlasApp>) {
    step_until(harness, "every tile settled", |h| {
        h.state().network_status().is_some_and(|s| !s.waiting)
    });
    harness.run();
    assert_eq!(
        repaint_delay(harness),
        Duration::MAX,
        "the app keeps repainting at rest"
    );
}

fn has_label(harness: &Harness<'static, AtlasApp>, label: &str) -> bool {
    harness.query_by_label(label).is_some()
}

#[test]
fn without_reachable_tiles_the_map_says_so_and_credits_only_the_embedded_map() {
    // Not found, a server error, or garbage: whichever tile the map asks for.
    let server = TileServer::start(|tile| match tile.x % 3 {
        0 => Answer::NotFound,
        1 => Answer::ServerError,
        _ => Answer::Garbage,
    });
    let cache = tempfile::tempdir().expect("tempdir");
    let basemap = BasemapChoice::custom(&server.template(), "© Schulkacheln").expect("a tile URL");
    let mut harness = app_with(basemap, cache.path(), Lang::De);
    let offline = Lang::De.network().offline;
    step_until(&mut harness, "the offline status", |h| {
        has_label(h, offline)
    });

    assert!(!server.requests().is_empty(), "the tiles were asked for");
    harness.get_by_role_and_label(Role::Link, "Natural Earth");
    assert!(
        !has_label(&harness, "© Schulkacheln"),
        "credited a server none of whose tiles is drawn"
    );
    // Reported once in the problems, in the interface's language, naming the server.
    for _ in 0..5 {
        harness.step();
    }
    let reported: Vec<_> = harness
        .state()
        .problems()
        .iter()
        .filter(|p| p.message.contains(&server.host()))
        .collect();
    assert_eq!(reported.len(), 1, "{reported:?}");
    assert!(
        reported[0]
            .message
            .text(mediation_atlas::i18n::Lang::De)
            .contains("eingebettete Karte"),
        "{reported:?}"
    );
    settles_at_rest(&mut harness);
    assert!(has_label(&harness, offline));

    // A click on the status asks for the tiles again (walkers never retries a failed one).
    let asked = server.requests().len();
    harness.get_by_label(offline).click();
    step_until(&mut harness, "the tiles asked for again", |_| {
        server.requests().len() > asked
    });
    step_until(&mut harness, "the status back", |h| has_label(h, offline));
    assert_eq!(
        harness
            .state()
            .problems()
            .iter()
            .filter(|p| p.message.contains(&server.host()))
            .count(),
        1,
        "reported once, not once per try"
    );
}

#[test]
fn tiles_from_a_school_server_are_drawn_cached_and_credited() {
    let server = TileServer::start(|_| Answer::Tile);
    let cache = tempfile::tempdir().expect("tempdir");
    let basemap = BasemapChoice::custom(&server.template(), "© Schulkacheln").expect("a tile URL");
    let mut harness = app_with(basemap, cache.path(), Lang::En);
    step_until(&mut harness, "the server's credit", |h| {
        has_label(h, "© Schulkacheln")
    });

    let status = harness.state().network_status().expect("online");
    assert!(status.arrived > 0 && status.failed == 0, "{status:?}");
    assert!(!has_label(&harness, Lang::En.network().offline));
    assert!(
        harness.state().problems().is_empty(),
        "{:?}",
        harness.state().problems()
    );
    assert!(
        files_under(&cache.path().join("custom")) > 0,
        "nothing cached"
    );
    settles_at_rest(&mut harness);
}

#[test]
fn a_very_slow_server_never_holds_up_a_frame() {
    let server = TileServer::start(|_| Answer::Slow);
    let cache = tempfile::tempdir().expect("tempdir");
    let basemap = BasemapChoice::custom(&server.template(), "").expect("a tile URL");
    let mut harness = app_with(basemap, cache.path(), Lang::En);
    step_until(&mut harness, "downloads under way", |h| {
        !server.requests().is_empty() && h.state().network_status().is_some_and(|s| s.waiting)
    });
    // Frames go on at their pace while every tile is on its way.
    for _ in 0..10 {
        let frame = Instant::now();
        harness.step();
        assert!(
            frame.elapsed() < NEVER_WAITS,
            "a frame waited for the network"
        );
    }
    let status = harness.state().network_status().expect("online");
    assert!(
        status.waiting && status.arrived == 0 && status.failed == 0,
        "{status:?}"
    );
    // The app keeps looking on its own while tiles are pending (walkers wakes it only when
    // one arrives, not when one fails).
    assert!(
        repaint_delay(&harness) <= Duration::from_secs(1),
        "no frame asked for while tiles are pending: {:?}",
        repaint_delay(&harness)
    );
    // Slow is not failing: no status, and the embedded map is credited while it shows alone.
    assert!(!has_label(&harness, Lang::En.network().offline));
    harness.get_by_role_and_label(Role::Link, "Natural Earth");
    assert!(!has_label(&harness, &server.host()));
}

#[test]
fn an_own_tile_server_is_chosen_in_a_dialog_and_remembered() {
    let server = TileServer::start(|_| Answer::Tile);
    let cache = tempfile::tempdir().expect("tempdir");
    let mut harness = app_with(BasemapChoice::Offline, cache.path(), Lang::De);
    harness
        .get_all_by_role(Role::ComboBox)
        .find(|n| {
            n.value()
                .is_some_and(|v| v.contains("Eingebettet (offline)"))
        })
        .expect("the base map chooser")
        .click();
    harness.run();
    harness.get_by_label("Eigener Kachelserver …").click();
    harness.run();
    let type_focused = |h: &Harness<'static, AtlasApp>, text: &str| {
        h.get_all_by_role(Role::TextInput)
            .find(egui_kittest::Node::is_focused)
            .expect("a focused field")
            .type_text(text);
    };
    // The URL field has the focus. Without {y} the address cannot be used, and says why.
    let url = server.template();
    let (start, end) = url.split_at(url.len() - "/{y}.png".len());
    type_focused(&harness, start);
    harness.run();
    harness.get_by_label("Verwenden").click();
    harness.run();
    assert_eq!(harness.state().state().basemap, BasemapChoice::Offline);
    assert!(
        harness.query_by_label_contains("Es fehlt {y}").is_some(),
        "the reason is shown"
    );
    let url_field = harness
        .get_all_by_role(Role::TextInput)
        .find(|n| n.value().is_some_and(|v| v == start))
        .expect("the URL field keeps what was typed");
    url_field.focus();
    harness.run();
    type_focused(&harness, end);
    harness.key_press(egui::Key::Tab);
    harness.run();
    type_focused(&harness, "© Schulamt");
    harness.run();
    harness.get_by_label("Verwenden").click();
    harness.run();

    let chosen = BasemapChoice::Custom {
        url: url.clone(),
        credit: "© Schulamt".to_owned(),
    };
    assert_eq!(harness.state().state().basemap, chosen);
    assert!(harness.state().has_overlay_source());
    // Remembered the way eframe remembers the app's state.
    let mut storage = common::MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    let remembered: mediation_atlas::app::State =
        eframe::get_value(&storage, eframe::APP_KEY).expect("state saved");
    assert_eq!(remembered.basemap, chosen);
    // The menu names the server in use.
    assert!(
        harness
            .get_all_by_role(Role::ComboBox)
            .any(|n| n.value().is_some_and(|v| v.contains(&server.host())))
    );
}
