//! The base map: the embedded Natural Earth world, drawn into tiles, its names, and the
//! other sources (online tiles, local PMTiles files).

pub mod labels;
pub mod locator;
pub mod raster;
pub mod source;
pub mod tiles;
pub mod world;
