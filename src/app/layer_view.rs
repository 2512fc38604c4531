//! The library's imported layers in the app: loaded and indexed on a background thread after
//! the first frame (the map is drawn without them meanwhile), shown or hidden from the
//! legend, and the choice written back to the layer's description.

#[allow(clippy::wildcard_imports)] // The rooms share the app type and its private helpers.
use super::*;
use crate::layers::dates;
use crate::layers::query::Query;
use crate::layers::store;
use crate::map::layers::MapLayer;
use crate::platform::{self, Pending};

/// The layers, and their loading while it goes on.
#[derive(Default)]
pub(super) struct LayerSlot {
    pub layers: Vec<MapLayer>,
    job: Option<Pending<(Vec<MapLayer>, Vec<Problem>)>>,
    started: bool,
    /// An undo or redo may have taken layers out or brought them back: compare with the
    /// library's folder at the end of the frame.
    pub resync: bool,
}

impl LayerSlot {
    /// Whether layers are still being loaded.
    pub fn loading(&self) -> bool {
        self.job.is_some()
    }
}

/// Loads the layers of the library at `root` that `wanted` accepts (by id) and builds their
/// cluster indexes; what cannot be read is reported with its file.
fn load_all(
    root: &std::path::Path,
    wanted: impl Fn(&str) -> bool,
) -> (Vec<MapLayer>, Vec<Problem>) {
    let (mut metas, errors) = store::list(root);
    metas.retain(|m| wanted(&m.id));
    let mut problems: Vec<Problem> = errors
        .into_iter()
        .map(|e| Problem::error(store::dir(root), None, e))
        .collect();
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let mut layers = Vec::new();
    for meta in metas {
        let mut progress = |_| {};
        let mut control = crate::layers::Control::new(&mut progress, &cancel);
        match store::load(root, &meta.id, &mut control) {
            Ok(records) => layers.push(MapLayer::new(meta, records)),
            Err(e) => problems.push(Problem::error(
                store::dir(root).join(format!("{}.csv", meta.id)),
                None,
                e.to_string(),
            )),
        }
    }
    (layers, problems)
}

impl AtlasApp {
    /// Starts loading the library's layers, once; after an undo or redo, drops the layers
    /// that are gone and loads the ones that came back.
    pub(super) fn start_layers(&mut self, ctx: &egui::Context) {
        let resync = self.layers.resync && self.layers.job.is_none();
        if resync {
            self.layers.resync = false;
        } else if std::mem::replace(&mut self.layers.started, true) {
            return;
        }
        let Some(root) = self
            .workspace
            .library
            .root()
            .map(std::path::Path::to_path_buf)
        else {
            return;
        };
        if !platform::storage::exists(&store::dir(&root)) {
            return;
        }
        let loaded: Vec<String> = if resync {
            let (metas, _) = store::list(&root);
            self.layers
                .layers
                .retain(|l| metas.iter().any(|m| m.id == l.meta.id));
            let loaded: Vec<String> = self
                .layers
                .layers
                .iter()
                .map(|l| l.meta.id.clone())
                .collect();
            if metas.iter().all(|m| loaded.contains(&m.id)) {
                return;
            }
            loaded
        } else {
            Vec::new()
        };
        let work = move || load_all(&root, |id| !loaded.iter().any(|l| l == id));
        let ctx = ctx.clone();
        self.layers.job = Some(platform::run_or_spawn(
            "layers",
            self.works_inline(),
            work,
            move || ctx.request_repaint(),
        ));
    }

    /// Whether background work runs now, on the UI thread (tests, where the tiles are drawn
    /// inline too), rather than on a helper thread.
    pub(super) fn works_inline(&self) -> bool {
        self.tile_rendering.on_this_thread()
    }

    /// Takes the layers once loaded, and keeps what each shows in step with the timeline's
    /// range and the layer's own filters (rebuilt off the UI thread; see [`MapLayer::request`]).
    pub(super) fn poll_layers(&mut self, ctx: &egui::Context) {
        if let Some((layers, problems)) = self.layers.job.as_ref().and_then(Pending::poll) {
            self.layers.job = None;
            // A layer imported while these loaded may be among them: it is there once.
            for layer in layers {
                if !self
                    .layers
                    .layers
                    .iter()
                    .any(|l| l.meta.id == layer.meta.id)
                {
                    self.layers.layers.push(layer);
                }
            }
            self.problems.extend(problems);
        }
        let range = self
            .filter
            .range
            .map(|(a, b)| (dates::layer_day(a), dates::layer_day(b)));
        let inline = self.layer_views_inline;
        // A brushed range is drawn at once; its own view is built when it stops moving (at
        // once in tests, where the work runs inline).
        let clock = (
            ctx.input(|i| i.time),
            if inline {
                0.0
            } else {
                crate::map::layers::SETTLE
            },
        );
        for layer in &mut self.layers.layers {
            layer.poll();
            let wait = layer.request(range, clock, |work| {
                let ctx = ctx.clone();
                platform::run_or_spawn("layer view", inline, work, move || ctx.request_repaint())
            });
            if let Some(wait) = wait {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait.max(0.0)));
            }
            if inline {
                layer.poll();
            }
        }
    }

    /// Sets a layer's own filters (its search and categories), remembered in its description.
    pub(super) fn set_layer_query(&mut self, index: usize, query: Query) {
        let Some(layer) = self.layers.layers.get_mut(index) else {
            return;
        };
        layer.meta.filter = store::SavedFilter {
            text: query.text.clone(),
            categories: query.categories.clone(),
        };
        layer.wanted = query;
        self.save_layer_meta(index);
    }

    /// The imported layers (for tests and the legend).
    #[must_use]
    pub fn map_layers(&self) -> &[MapLayer] {
        &self.layers.layers
    }

    /// Shows or hides a layer and remembers it in the layer's description.
    pub(super) fn toggle_layer(&mut self, index: usize) {
        let Some(layer) = self.layers.layers.get_mut(index) else {
            return;
        };
        layer.meta.visible = !layer.meta.visible;
        self.save_layer_meta(index);
    }

    /// Writes a layer's description (shown or hidden, its filters) back to its `.toml`; a
    /// write that fails is reported with the file.
    fn save_layer_meta(&mut self, index: usize) {
        let Some(layer) = self.layers.layers.get(index) else {
            return;
        };
        if self.workspace.library.is_read_only() {
            return;
        }
        if let Some(root) = self.workspace.library.root()
            && let Err(e) = store::save_meta(root, &layer.meta)
        {
            self.problems.push(Problem::error(
                store::dir(root).join(format!("{}.toml", layer.meta.id)),
                None,
                e.to_string(),
            ));
        }
    }
}
