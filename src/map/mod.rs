//! Everything drawn on the map: markers and their clusters, the plain background, flights.

pub mod arcs;
pub mod cluster;
pub mod cluster_index;
pub mod flight;
pub mod graticule;
pub mod layers;
pub mod lines;
pub mod markers;

pub use flight::{Flight, MapView};
