//! Which base map is shown: the embedded one (default), OpenStreetMap, OpenTopoMap or a tile
//! server of one's own (a school's) over HTTP(S) with a disk cache, or a local `.pmtiles` file.
//! The embedded map is always drawn underneath, so a failing network or a slow disk never leaves
//! the map blank.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
#[cfg(not(target_arch = "wasm32"))]
use walkers::PmTiles;
use walkers::sources::{OpenStreetMap, OpenTopoMap, OpenTopoServer};
use walkers::{Stats, TileId, TilePiece, Tiles};

use super::online::{self, OnlineTiles, TemplateSource};

/// The base map the user chose.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BasemapChoice {
    /// Natural Earth, embedded and drawn locally.
    #[default]
    Offline,
    /// OpenStreetMap's standard tiles (online).
    Osm,
    /// OpenTopoMap (online).
    Topo,
    /// A local `.pmtiles` file with raster tiles.
    PmTiles(PathBuf),
    /// A tile server given by an XYZ URL template (`https://host/{z}/{x}/{y}.png`), with the
    /// credit its tiles require.
    Custom { url: String, credit: String },
}

impl BasemapChoice {
    /// Parses `offline`, `osm`, `topo`, an XYZ URL template (`https://host/{z}/{x}/{y}.png`,
    /// credited to its server until a credit is given) or a path to a `.pmtiles` file (the
    /// `--basemap` value).
    ///
    /// # Errors
    /// A URL that is no tile template, or a path that is not a readable PMTiles file, with the
    /// reason.
    pub fn parse(text: &str) -> Result<Self, String> {
        let lower = text.trim().to_ascii_lowercase();
        match lower.as_str() {
            "offline" | "embedded" => Ok(Self::Offline),
            "osm" | "openstreetmap" => Ok(Self::Osm),
            "topo" | "opentopomap" => Ok(Self::Topo),
            _ if lower.starts_with("http://") || lower.starts_with("https://") => {
                Self::custom(text, "")
            }
            _ => {
                let path = PathBuf::from(text);
                check_pmtiles(&path)?;
                Ok(Self::PmTiles(path))
            }
        }
    }

    /// A tile server of one's own; an empty credit names the server.
    ///
    /// # Errors
    /// The URL is not an `http(s)://` template with `{z}`, `{x}` and `{y}`.
    pub fn custom(url: &str, credit: &str) -> Result<Self, String> {
        online::check_template(url).map_err(|e| format!("{}: {e}", url.trim()))?;
        let url = url.trim().to_owned();
        let credit = match credit.trim() {
            "" => online::host(&url).to_owned(),
            given => given.to_owned(),
        };
        Ok(Self::Custom { url, credit })
    }

    /// Whether this source needs the network.
    #[must_use]
    pub fn is_online(&self) -> bool {
        matches!(self, Self::Osm | Self::Topo | Self::Custom { .. })
    }
}

/// Checks that `path` is a PMTiles archive (version 3) before handing it to walkers, so that a
/// wrong file gets a clear message instead of an empty map.
///
/// # Errors
/// The file cannot be read, or does not start with the PMTiles magic.
pub fn check_pmtiles(path: &Path) -> Result<(), String> {
    let mut header = [0u8; 8];
    let mut file =
        std::fs::File::open(path).map_err(|e| format!("{}: cannot open: {e}", path.display()))?;
    file.read_exact(&mut header).map_err(|_| {
        format!(
            "{}: too short to be a PMTiles file (expected `offline`, `osm`, `topo`, a tile URL or a .pmtiles file)",
            path.display()
        )
    })?;
    if &header[..7] != b"PMTiles" {
        return Err(format!(
            "{}: not a PMTiles file (it does not start with \"PMTiles\"); expected `offline`, `osm`, `topo`, a tile URL or a .pmtiles file",
            path.display()
        ));
    }
    if header[7] != 3 {
        return Err(format!(
            "{}: PMTiles version {} is not supported (version 3 is)",
            path.display(),
            header[7]
        ));
    }
    Ok(())
}

/// The attribution a source requires, shown on the map at all times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    pub text: String,
    pub url: Option<&'static str>,
}

/// Credits for what is on screen: the chosen source's, and Natural Earth's beneath it.
#[must_use]
pub fn credits(choice: &BasemapChoice) -> Vec<Credit> {
    let natural_earth = Credit {
        text: "Natural Earth".to_owned(),
        url: Some("https://www.naturalearthdata.com/"),
    };
    match choice {
        BasemapChoice::Offline => vec![natural_earth],
        BasemapChoice::Osm => vec![
            Credit {
                text: "© OpenStreetMap contributors".to_owned(),
                url: Some("https://www.openstreetmap.org/copyright"),
            },
            natural_earth,
        ],
        BasemapChoice::Topo => vec![
            Credit {
                text: "Kartendaten: © OpenStreetMap contributors, SRTM · Kartendarstellung: © OpenTopoMap (CC-BY-SA)"
                    .to_owned(),
                url: Some("https://opentopomap.org/about"),
            },
            natural_earth,
        ],
        BasemapChoice::PmTiles(path) => vec![
            Credit {
                text: path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                ),
                url: None,
            },
            natural_earth,
        ],
        BasemapChoice::Custom { credit, .. } => vec![
            Credit {
                text: credit.clone(),
                url: None,
            },
            natural_earth,
        ],
    }
}

/// Credits for what was drawn: an online source's only if one of its tiles was (without the
/// network only the embedded Natural Earth map is on screen).
#[must_use]
pub fn credits_drawn(choice: &BasemapChoice, online_drawn: bool) -> Vec<Credit> {
    if choice.is_online() && !online_drawn {
        credits(&BasemapChoice::Offline)
    } else {
        credits(choice)
    }
}

/// Where downloaded tiles are kept: the user's cache directory
/// (`~/.cache/mediation-atlas/tiles/…` on Linux).
#[must_use]
pub fn cache_dir(name: &str) -> Option<PathBuf> {
    cache_root().map(|root| root.join(name))
}

/// The directory of all tile caches (one folder per source in it).
#[must_use]
pub fn cache_root() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "Mediation Atlas", "mediation-atlas")
        .map(|dirs| dirs.cache_dir().join("tiles"))
}

/// A source drawn above the embedded map.
pub enum Overlay {
    /// Tiles from a server, watched for failures.
    Online(OnlineTiles),
    /// Tiles from a local file (not in the browser, which has no files).
    #[cfg(not(target_arch = "wasm32"))]
    File(PmTiles),
}

impl Overlay {
    /// The online source, if this is one.
    pub fn online(&mut self) -> Option<&mut OnlineTiles> {
        match self {
            Self::Online(tiles) => Some(tiles),
            #[cfg(not(target_arch = "wasm32"))]
            Self::File(_) => None,
        }
    }

    fn tiles(&self) -> &dyn Tiles {
        match self {
            Self::Online(tiles) => tiles,
            #[cfg(not(target_arch = "wasm32"))]
            Self::File(tiles) => tiles,
        }
    }
}

impl Tiles for Overlay {
    fn at(&mut self, tile_id: TileId) -> Option<TilePiece> {
        match self {
            Self::Online(tiles) => tiles.at(tile_id),
            #[cfg(not(target_arch = "wasm32"))]
            Self::File(tiles) => tiles.at(tile_id),
        }
    }

    fn attribution(&self) -> walkers::sources::Attribution {
        self.tiles().attribution()
    }

    fn tile_size(&self) -> u32 {
        self.tiles().tile_size()
    }

    fn stats(&self) -> Stats {
        self.tiles().stats()
    }
}

/// Builds the tile source for a choice above the embedded map, caching downloads in the
/// user's cache directory; `None` for the embedded map itself. Nothing is fetched until the
/// map asks for a tile.
///
/// # Errors
/// A PMTiles file that is not (or no longer) readable, or a URL that is no tile template.
pub fn open(choice: &BasemapChoice, ctx: &egui::Context) -> Result<Option<Overlay>, String> {
    open_cached_in(choice, ctx, cache_root().as_deref())
}

/// [`open`], with the downloads cached under `cache_root` (a folder per source), or not at all.
///
/// # Errors
/// As [`open`].
pub fn open_cached_in(
    choice: &BasemapChoice,
    ctx: &egui::Context,
    cache_root: Option<&Path>,
) -> Result<Option<Overlay>, String> {
    let cache = |name: &str| cache_root.map(|root| root.join(name));
    Ok(match choice {
        BasemapChoice::Offline => None,
        BasemapChoice::Osm => Some(Overlay::Online(OnlineTiles::new(
            OpenStreetMap,
            "tile.openstreetmap.org",
            cache("osm"),
            ctx,
        ))),
        BasemapChoice::Topo => Some(Overlay::Online(OnlineTiles::new(
            OpenTopoMap(OpenTopoServer::A),
            "a.tile.opentopomap.org",
            cache("opentopomap"),
            ctx,
        ))),
        BasemapChoice::Custom { url, .. } => {
            let source = TemplateSource::new(url)?;
            // One cache for all own servers: it is keyed by the tiles' URLs.
            Some(Overlay::Online(OnlineTiles::new(
                source,
                online::host(url),
                cache("custom"),
                ctx,
            )))
        }
        #[cfg(not(target_arch = "wasm32"))]
        BasemapChoice::PmTiles(path) => {
            check_pmtiles(path)?;
            Some(Overlay::File(PmTiles::new(path, ctx.clone())))
        }
        #[cfg(target_arch = "wasm32")]
        BasemapChoice::PmTiles(path) => {
            return Err(format!(
                "{}: local .pmtiles files cannot be opened in the browser",
                path.display()
            ));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_names_parse() {
        assert_eq!(BasemapChoice::parse("offline"), Ok(BasemapChoice::Offline));
        assert_eq!(BasemapChoice::parse("OSM"), Ok(BasemapChoice::Osm));
        assert_eq!(BasemapChoice::parse("topo"), Ok(BasemapChoice::Topo));
    }

    #[test]
    fn a_missing_or_wrong_file_is_refused_with_its_name() {
        let err = BasemapChoice::parse("/nonexistent/map.pmtiles").expect_err("missing");
        assert!(
            err.contains("/nonexistent/map.pmtiles") && err.contains("cannot open"),
            "{err}"
        );

        let dir = tempfile::tempdir().expect("tempdir");
        let png = dir.path().join("not-a-map.pmtiles");
        std::fs::write(&png, b"\x89PNG\r\n\x1a\nrest").expect("write");
        let err = BasemapChoice::parse(png.to_str().expect("utf-8")).expect_err("wrong magic");
        assert!(err.contains("not a PMTiles file"), "{err}");

        let short = dir.path().join("short.pmtiles");
        std::fs::write(&short, b"PM").expect("write");
        let err = BasemapChoice::parse(short.to_str().expect("utf-8")).expect_err("short");
        assert!(err.contains("too short"), "{err}");
    }

    #[test]
    fn a_pmtiles_header_is_accepted() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("region.pmtiles");
        let mut bytes = b"PMTiles\x03".to_vec();
        bytes.resize(127, 0);
        std::fs::write(&file, &bytes).expect("write");
        assert_eq!(
            BasemapChoice::parse(file.to_str().expect("utf-8")),
            Ok(BasemapChoice::PmTiles(file))
        );
    }

    #[test]
    fn every_source_credits_what_it_shows() {
        assert_eq!(credits(&BasemapChoice::Offline)[0].text, "Natural Earth");
        assert!(
            credits(&BasemapChoice::Osm)[0]
                .text
                .contains("OpenStreetMap contributors")
        );
        assert!(
            credits(&BasemapChoice::Topo)[0]
                .text
                .contains("OpenTopoMap")
        );
        let file = credits(&BasemapChoice::PmTiles(PathBuf::from(
            "/x/kaukasus.pmtiles",
        )));
        assert_eq!(file[0].text, "kaukasus.pmtiles");
    }

    #[test]
    fn a_tile_url_is_a_server_of_ones_own_credited_to_its_host() {
        assert_eq!(
            BasemapChoice::parse("https://tiles.schule.example/{z}/{x}/{y}.png"),
            Ok(BasemapChoice::Custom {
                url: "https://tiles.schule.example/{z}/{x}/{y}.png".to_owned(),
                credit: "tiles.schule.example".to_owned(),
            })
        );
        let local = BasemapChoice::parse("http://127.0.0.1:8080/{z}/{x}/{y}.png").expect("http");
        assert!(local.is_online());
        let err = BasemapChoice::parse("https://tiles.schule.example/karte.png").expect_err("xyz");
        assert!(err.contains("{z}, {x}, {y}"), "{err}");
        let given =
            BasemapChoice::custom(" https://h/{z}/{x}/{y}.png ", " © Schulamt ").expect("custom");
        assert_eq!(credits(&given)[0].text, "© Schulamt");
        assert_eq!(credits(&given)[1].text, "Natural Earth");
    }

    #[test]
    fn an_online_source_is_credited_only_once_its_tiles_are_drawn() {
        let nothing_drawn = credits_drawn(&BasemapChoice::Osm, false);
        assert_eq!(nothing_drawn, credits(&BasemapChoice::Offline));
        assert_eq!(
            credits_drawn(&BasemapChoice::Osm, true),
            credits(&BasemapChoice::Osm)
        );
        let file = BasemapChoice::PmTiles(PathBuf::from("/x/kaukasus.pmtiles"));
        assert_eq!(credits_drawn(&file, false), credits(&file));
    }

    #[test]
    fn remembered_choices_of_earlier_versions_still_load() {
        for (json, choice) in [
            ("\"offline\"", BasemapChoice::Offline),
            ("\"osm\"", BasemapChoice::Osm),
            ("\"topo\"", BasemapChoice::Topo),
            (
                "{\"pm_tiles\":\"/x/k.pmtiles\"}",
                BasemapChoice::PmTiles(PathBuf::from("/x/k.pmtiles")),
            ),
        ] {
            assert_eq!(
                serde_json::from_str::<BasemapChoice>(json).expect(json),
                choice
            );
        }
        let custom = BasemapChoice::Custom {
            url: "https://h/{z}/{x}/{y}.png".to_owned(),
            credit: "© Schulamt".to_owned(),
        };
        let json = serde_json::to_string(&custom).expect("serialise");
        assert_eq!(
            json,
            r#"{"custom":{"url":"https://h/{z}/{x}/{y}.png","credit":"© Schulamt"}}"#
        );
        assert_eq!(
            serde_json::from_str::<BasemapChoice>(&json).expect("load"),
            custom
        );
    }

    #[test]
    fn the_embedded_choice_builds_no_online_source() {
        let ctx = egui::Context::default();
        assert!(
            open(&BasemapChoice::Offline, &ctx)
                .expect("offline")
                .is_none()
        );
    }
}
