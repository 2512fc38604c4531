//! `--screenshot`, `--export-tour` and the benchmark probes (`--bench-startup`, `--bench-flight`).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use egui::ViewportCommand;

use crate::basemap::tiles::world_if_ready;

#[allow(clippy::wildcard_imports)] // The rooms share the app type and its private helpers.
use super::*;
use crate::ingest::Problem;
use crate::map::{Flight, MapView};

/// Where the result of `--screenshot` is reported back to `main`.
pub type ScreenshotResult = Arc<Mutex<Option<Result<PathBuf, String>>>>;

pub(super) struct ScreenshotJob {
    pub(super) path: PathBuf,
    pub(super) frames: u32,
    pub(super) started: crate::platform::Instant,
    /// A tour export: the folder and the number of steps (one PNG each, 01.png, 02.png …).
    pub(super) tour_export: Option<(PathBuf, usize)>,
    /// Started from the UI: when done, the app goes on instead of quitting.
    pub(super) keep_open: bool,
    pub(super) requested: bool,
    pub(super) result: ScreenshotResult,
}

impl AtlasApp {
    /// Whether the embedded map has drawn everything it was asked for (or cannot draw).
    pub(super) fn basemap_settled(&self) -> bool {
        self.offline.as_ref().is_some_and(|o| {
            o.error().is_some()
                || (world_if_ready().is_some() && o.pending() == 0 && o.textures() > 0)
        })
    }

    /// `--bench-flight`: keeps flying between Astana and the South Caucasus (zoom 4 ↔ 7, a
    /// long hop with the zoom-out bump), counts frames for five seconds, reports, quits.
    pub(super) fn flight_step(&mut self, ctx: &egui::Context) {
        let Some((start, frames, flights)) = &mut self.flight_probe else {
            return;
        };
        // Measure once the base map is drawn, so tile rendering at start does not count.
        let settled = self
            .offline
            .as_ref()
            .is_some_and(|o| o.pending() == 0 && o.textures() > 0);
        let started = match start {
            Some(t) => *t,
            None if settled => *start.insert(crate::platform::Instant::now()),
            None => {
                ctx.request_repaint();
                return;
            }
        };
        *frames += 1;
        let elapsed = started.elapsed().as_secs_f64();
        if elapsed >= 5.0 {
            println!(
                "fly-to: {frames} frames in {elapsed:.2} s = {:.1} fps ({flights} flights of {:.1} s)",
                f64::from(*frames) / elapsed,
                Flight::DURATION
            );
            self.flight_probe = None;
            ctx.send_viewport_cmd(ViewportCommand::Close);
            return;
        }
        if self.flight.is_none() {
            let there = if *flights % 2 == 0 {
                MapView {
                    lat: 40.0,
                    lon: 45.5,
                    zoom: 7.0,
                }
            } else {
                MapView {
                    lat: 51.17,
                    lon: 71.45,
                    zoom: 4.5,
                }
            };
            *flights += 1;
            let now = ctx.input(|i| i.time);
            self.fly_to(there, now);
        }
        ctx.request_repaint();
    }

    /// `--bench-startup`: reports the first frame, then the first fully drawn screen, and quits.
    /// In the browser, the page learns of both (`platform::page`).
    pub(super) fn startup_step(&mut self, ctx: &egui::Context) {
        if !self.page_reported {
            self.page_reported = crate::platform::page::report_frame(self.basemap_settled());
        }
        let library = &self.workspace.library;
        crate::platform::page::report_library(
            library.articles.len(),
            self.layers.layers.len(),
            !library.is_read_only(),
        );
        let Some(start) = self.startup_probe else {
            return;
        };
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        let first = *self.first_frame_ms.get_or_insert_with(|| {
            println!("first frame: {ms:.1} ms after start");
            ms
        });
        if self.basemap_settled() {
            println!(
                "first screen fully drawn (base map included): {ms:.1} ms after start, {:.1} ms after the first frame",
                ms - first
            );
            self.startup_probe = None;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    pub(super) fn screenshot_step(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.screenshot else {
            return;
        };
        if job.requested {
            return;
        }
        // Wait a few frames so fonts and layout have settled, for any flight to land, and for
        // the base map's tiles (online ones at most 20 s: a dead network must not hang it).
        if job.frames == 0 {
            job.started = crate::platform::Instant::now();
        }
        let online_busy = self
            .online
            .as_ref()
            .is_some_and(|(_, t)| t.stats().in_progress > 0)
            && job.started.elapsed() < std::time::Duration::from_secs(20);
        let offline_busy = self.offline.as_ref().is_some_and(|o| {
            o.error().is_none() && (o.pending() > 0 || world_if_ready().is_none())
        });
        // The library's layers are part of the picture.
        let layers_busy = self.layers.loading();
        if job.frames >= 3 && self.flight.is_none() && !online_busy && !offline_busy && !layers_busy
        {
            capture_png(ctx, job.path.clone(), Arc::clone(&job.result));
            job.requested = true;
        } else {
            job.frames += 1;
        }
        ctx.request_repaint();
    }

    /// After a screenshot was written: the next step of a tour export, or quit.
    pub(super) fn screenshot_done(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.screenshot else {
            return;
        };
        let written = job.result.lock().ok().and_then(|r| r.clone());
        let Some(outcome) = written else { return };
        let next = job.tour_export.as_ref().and_then(|(dir, count)| {
            let step = self.presentation.as_ref().map_or(0, |p| p.step) + 1;
            (outcome.is_ok() && step < *count).then(|| (dir.clone(), step))
        });
        match next {
            Some((dir, step)) => {
                if let Ok(path) = &outcome {
                    println!("wrote {}", path.display());
                }
                job.path = dir.join(format!("{:02}.png", step + 1));
                job.requested = false;
                job.frames = 0;
                if let Ok(mut slot) = job.result.lock() {
                    *slot = None;
                }
                let now = ctx.input(|i| i.time);
                self.go_to_step(step, now);
                ctx.request_repaint();
            }
            None if job.keep_open => {
                let dir = job.tour_export.as_ref().map(|(dir, _)| dir.clone());
                match outcome {
                    Ok(_) => self.exported = dir,
                    Err(message) => {
                        self.problems
                            .push(Problem::error(job.path.clone(), None, message));
                    }
                }
                self.screenshot = None;
                self.presentation = None;
            }
            None => ctx.send_viewport_cmd(ViewportCommand::Close),
        }
    }
}
