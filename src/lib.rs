//! Mediation Atlas: an interactive map of Central Asian diplomacy.
//!
//! Articles are linked to the places they mention and to the events they report; the app draws
//! those places on a map, and a click opens what happened there and the text that says so.
//! `main.rs` is a thin shell over this library, so tests and benchmarks build the same app.

pub mod app;
pub mod basemap;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod export;
pub mod figure;
pub mod formats;
pub mod gazetteer;
pub mod i18n;
pub mod icon;
pub mod ingest;
pub mod layers;
pub mod library;
pub mod map;
pub mod model;
pub mod platform;
pub mod style;
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use app::{AtlasApp, StartOptions, State};
