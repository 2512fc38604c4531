//! `export --filtered`: the filters of the app as flags — a time range, peace processes, kinds
//! of event, and words to find in the layers — applied to the curated events as the timeline
//! and the filter panel apply them, and to each layer as its own filters do.

use crate::layers::Records;
use crate::layers::dates::layer_day;
use crate::layers::query::{Query, select};
use crate::model::filter::{Day, Filter};
use crate::model::{Atlas, EventIdx, EventKind, When};

/// The filters, as given on the command line.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// Write only what the filters below keep (the app's filters as flags).
    #[arg(long, conflicts_with = "tour")]
    pub filtered: bool,
    /// From this date on (YYYY, YYYY-MM or YYYY-MM-DD: its first day).
    #[arg(long, value_name = "DATE", requires = "filtered")]
    pub from: Option<String>,
    /// Up to this date (its last day).
    #[arg(long, value_name = "DATE", requires = "filtered")]
    pub to: Option<String>,
    /// Only this peace process (its id; may be given more than once).
    #[arg(long, value_name = "ID", requires = "filtered")]
    pub process: Vec<String>,
    /// Only this kind of event (talks, summit, `state_visit`, …; more than once).
    #[arg(long, value_name = "KIND", requires = "filtered")]
    pub kind: Vec<String>,
    /// In the layers, only records with these words (title, place, actors, category, note).
    #[arg(long, value_name = "TEXT", requires = "filtered")]
    pub search: Option<String>,
}

/// The filters resolved against the atlas.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub events: Filter,
    pub layers: Query,
}

impl FilterArgs {
    /// The filters, or what is wrong with them (in English, naming the flag).
    ///
    /// # Errors
    /// A date that is not one, an unknown process or kind, or `--filtered` with no filter.
    pub fn resolve(&self, atlas: &Atlas) -> Result<Option<Filters>, String> {
        if !self.filtered {
            return Ok(None);
        }
        let day = |flag: &str, text: &Option<String>, last: bool| -> Result<Option<Day>, String> {
            let Some(text) = text else { return Ok(None) };
            let when = When::parse(text).map_err(|e| format!("--{flag} {text}: {e}"))?;
            let (first, end) = when
                .days()
                .ok_or_else(|| format!("--{flag} {text}: give a date"))?;
            Ok(Some(if last { end } else { first }))
        };
        let from = day("from", &self.from, false)?;
        let to = day("to", &self.to, true)?;
        let range = match (from, to) {
            (None, None) => None,
            (a, b) => Some((a.unwrap_or(Day::MIN / 2), b.unwrap_or(Day::MAX / 2))),
        };
        let mut processes = Vec::new();
        for id in &self.process {
            let p = atlas.process_by_id(id).ok_or_else(|| {
                let ids: Vec<&str> = atlas.processes.iter().map(|p| p.id.as_str()).collect();
                format!(
                    "--process {id}: no such process; there are: {}",
                    ids.join(", ")
                )
            })?;
            processes.push(p);
        }
        let mut kinds = Vec::new();
        for name in &self.kind {
            let kind: EventKind = serde_json::from_value(serde_json::Value::String(name.clone()))
                .map_err(|_| format!("--kind {name}: no such kind of event"))?;
            kinds.push(kind);
        }
        let text = self.search.clone().unwrap_or_default();
        if range.is_none() && processes.is_empty() && kinds.is_empty() && text.is_empty() {
            return Err(
                "--filtered: give what to keep (--from, --to, --process, --kind, --search)"
                    .to_owned(),
            );
        }
        let layers = Query {
            range: range.map(|(a, b)| (layer_day(a), layer_day(b))),
            text,
            categories: Vec::new(),
        };
        Ok(Some(Filters {
            events: Filter {
                range,
                processes,
                kinds,
                actors: Vec::new(),
            },
            layers,
        }))
    }
}

impl Filters {
    /// The events the filters keep, of `events`.
    #[must_use]
    pub fn events(&self, atlas: &Atlas, events: &[EventIdx]) -> Vec<EventIdx> {
        events
            .iter()
            .copied()
            .filter(|&e| self.events.matches(atlas.event(e)))
            .collect()
    }

    /// The records of a layer the filters keep.
    #[must_use]
    pub fn records(&self, records: &Records) -> Vec<u32> {
        select(records, &self.layers)
    }
}
