//! The base map: the embedded Natural Earth world, drawn into tiles, its names, and the
//! other sources (online tiles, watched for failures; local PMTiles files).

pub mod labels;
pub mod locator;
pub mod online;
pub mod raster;
pub mod source;
pub mod tiles;
pub mod world;
