//! Which base map is shown: the embedded one (default), OpenStreetMap or OpenTopoMap over
//! HTTPS with a disk cache, or a local `.pmtiles` file. The embedded map is always drawn
//! underneath, so a failing network or a slow disk never leaves the map blank.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use walkers::sources::{OpenStreetMap, OpenTopoMap, OpenTopoServer};
use walkers::{HeaderValue, HttpOptions, HttpTiles, PmTiles, Tiles};

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
}

impl BasemapChoice {
    /// Parses `offline`, `osm`, `topo` or a path to a `.pmtiles` file (the `--basemap` value).
    ///
    /// # Errors
    /// A path that is not a readable PMTiles file, with the reason.
    pub fn parse(text: &str) -> Result<Self, String> {
        match text.to_ascii_lowercase().as_str() {
            "offline" | "embedded" => Ok(Self::Offline),
            "osm" | "openstreetmap" => Ok(Self::Osm),
            "topo" | "opentopomap" => Ok(Self::Topo),
            _ => {
                let path = PathBuf::from(text);
                check_pmtiles(&path)?;
                Ok(Self::PmTiles(path))
            }
        }
    }

    /// Whether this source needs the network.
    #[must_use]
    pub fn is_online(&self) -> bool {
        matches!(self, Self::Osm | Self::Topo)
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
            "{}: too short to be a PMTiles file (expected `offline`, `osm`, `topo` or a .pmtiles file)",
            path.display()
        )
    })?;
    if &header[..7] != b"PMTiles" {
        return Err(format!(
            "{}: not a PMTiles file (it does not start with \"PMTiles\"); expected `offline`, `osm`, `topo` or a .pmtiles file",
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
    }
}

/// Where downloaded tiles are kept: the user's cache directory
/// (`~/.cache/mediation-atlas/tiles/…` on Linux).
#[must_use]
pub fn cache_dir(name: &str) -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "Mediation Atlas", "mediation-atlas")
        .map(|dirs| dirs.cache_dir().join("tiles").join(name))
}

/// Builds the tile source for a choice above the embedded map; `None` for the embedded map
/// itself. Nothing is fetched until the map asks for a tile.
///
/// # Errors
/// A PMTiles file that is not (or no longer) readable.
pub fn open(choice: &BasemapChoice, ctx: &egui::Context) -> Result<Option<Box<dyn Tiles>>, String> {
    let http = |name: &str| HttpOptions {
        cache: cache_dir(name),
        // The OSM tile policy asks for an agent that names the application.
        user_agent: Some(HeaderValue::from_static(concat!(
            "mediation-atlas/",
            env!("CARGO_PKG_VERSION"),
            " (desktop atlas for teaching; tiles cached on disk)"
        ))),
        ..HttpOptions::default()
    };
    Ok(match choice {
        BasemapChoice::Offline => None,
        BasemapChoice::Osm => Some(Box::new(HttpTiles::with_options(
            OpenStreetMap,
            http("osm"),
            ctx.clone(),
        ))),
        BasemapChoice::Topo => Some(Box::new(HttpTiles::with_options(
            OpenTopoMap(OpenTopoServer::A),
            http("opentopomap"),
            ctx.clone(),
        ))),
        BasemapChoice::PmTiles(path) => {
            check_pmtiles(path)?;
            Some(Box::new(PmTiles::new(path, ctx.clone())))
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
    fn the_embedded_choice_builds_no_online_source() {
        let ctx = egui::Context::default();
        assert!(
            open(&BasemapChoice::Offline, &ctx)
                .expect("offline")
                .is_none()
        );
    }
}
