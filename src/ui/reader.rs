//! The reader: an article reflowed into paragraphs, with every place mention highlighted and
//! clickable, and the passages that back events marked.

use std::ops::Range;

use egui::{Align, Label, RichText, ScrollArea, Sense, Ui};

use super::{Action, ViewCtx};
use crate::i18n;
use crate::ingest::reflow::BlockKind;
use crate::model::{ArticleIdx, Atlas, EventIdx, MentionTarget};
use crate::style;

/// A run of text with one look: plain, a mention, and/or inside event quotes.
#[derive(Debug, Clone, PartialEq)]
struct Segment {
    range: Range<usize>,
    /// Index into `Atlas::mentions_in(article)`.
    mention: Option<usize>,
    /// Events whose source quote covers this run.
    quotes: Vec<EventIdx>,
}

#[derive(Debug, Clone, PartialEq)]
struct BlockView {
    kind: BlockKind,
    segments: Vec<Segment>,
}

/// The open article and where to scroll; segments are computed once, when it opens.
#[derive(Debug, Clone, PartialEq)]
pub struct ReaderState {
    pub article: ArticleIdx,
    /// A flow offset to scroll to (a mention or a quote).
    pub focus: Option<usize>,
    scroll_pending: bool,
    blocks: Vec<BlockView>,
}

impl ReaderState {
    /// Prepares the reader for `article`.
    #[must_use]
    pub fn new(atlas: &Atlas, article: ArticleIdx, focus: Option<usize>) -> Self {
        let a = atlas.article(article);
        let mentions = atlas.mentions_in(article);
        let quotes: Vec<(Range<usize>, EventIdx)> = atlas
            .events
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                e.sources
                    .iter()
                    .filter(|s| s.article == article)
                    .filter_map(move |s| Some((s.flow_range.clone()?, EventIdx::from_index(i))))
            })
            .collect();
        let blocks =
            a.flow
                .blocks
                .iter()
                .map(|block| {
                    let mut cuts = vec![block.range.start, block.range.end];
                    for m in mentions.iter().filter(|m| {
                        m.flow.start >= block.range.start && m.flow.end <= block.range.end
                    }) {
                        cuts.extend([m.flow.start, m.flow.end]);
                    }
                    for (range, _) in &quotes {
                        cuts.extend([
                            range.start.clamp(block.range.start, block.range.end),
                            range.end.clamp(block.range.start, block.range.end),
                        ]);
                    }
                    cuts.sort_unstable();
                    cuts.dedup();
                    let segments = cuts
                        .windows(2)
                        .map(|w| {
                            let range = w[0]..w[1];
                            let mention = mentions.iter().position(|m| m.flow == range);
                            let quotes = quotes
                                .iter()
                                .filter(|(q, _)| q.start <= range.start && range.end <= q.end)
                                .map(|(_, e)| *e)
                                .collect();
                            Segment {
                                range,
                                mention,
                                quotes,
                            }
                        })
                        .collect();
                    BlockView {
                        kind: block.kind,
                        segments,
                    }
                })
                .collect();
        Self {
            article,
            focus,
            scroll_pending: focus.is_some(),
            blocks,
        }
    }

    /// How many mentions the reader highlights (for tests and the header).
    #[must_use]
    pub fn highlighted_mentions(&self) -> usize {
        self.blocks
            .iter()
            .flat_map(|b| &b.segments)
            .filter(|s| s.mention.is_some())
            .count()
    }
}

/// Draws the reader.
pub fn reader_ui(ui: &mut Ui, ctx: ViewCtx<'_>, state: &mut ReaderState) -> Vec<Action> {
    let t = ctx.lang.t();
    let atlas = ctx.atlas;
    let article = atlas.article(state.article);
    let mentions = atlas.mentions_in(state.article);
    let mut actions = Vec::new();

    ui.horizontal(|ui| {
        let back = if ctx.selected.is_some() {
            t.back_to_place
        } else {
            t.close
        };
        if ui.button(back).clicked() {
            actions.push(Action::CloseArticle);
        }
    });
    ui.heading(article.title(ctx.lang));
    ui.label(RichText::new(i18n::byline(article, ctx.lang, true)).color(style::MUTED_TEXT));

    // The places this article links to, in order of first mention.
    let mut places = Vec::new();
    for m in mentions {
        let MentionTarget::Place(p) = m.target;
        if !places.contains(&p) {
            places.push(p);
        }
    }
    if !places.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!("{}:", t.mentions_in_article))
                    .small()
                    .color(style::MUTED_TEXT),
            );
            for p in places {
                if ui.small_button(atlas.place(p).name(ctx.lang)).clicked() {
                    actions.push(Action::FocusPlace(p));
                }
            }
        });
    }
    ui.separator();

    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for block in &state.blocks {
                let size = match block.kind {
                    BlockKind::Heading => style::READER_TEXT_SIZE + 2.0,
                    BlockKind::Meta => style::READER_TEXT_SIZE - 3.0,
                    BlockKind::Body => style::READER_TEXT_SIZE,
                };
                ui.horizontal_wrapped(|ui| {
                    ui.spacing_mut().item_spacing.x = 0.0;
                    for segment in &block.segments {
                        let text = article.flow.text.get(segment.range.clone()).unwrap_or("");
                        let mut rich = RichText::new(text).size(size);
                        match block.kind {
                            BlockKind::Heading => rich = rich.strong(),
                            BlockKind::Meta => rich = rich.color(style::MUTED_TEXT),
                            BlockKind::Body => {}
                        }
                        if !segment.quotes.is_empty() {
                            rich = rich.background_color(style::QUOTE_BG);
                        }
                        let response =
                            if let Some(m) = segment.mention.and_then(|i| mentions.get(i)) {
                                let MentionTarget::Place(place) = m.target;
                                rich = rich
                                    .color(style::MENTION_TEXT)
                                    .background_color(style::MENTION_BG)
                                    .underline();
                                let response = ui
                                    .add(Label::new(rich).sense(Sense::click()))
                                    .on_hover_text(atlas.place(place).name(ctx.lang));
                                if response.clicked() {
                                    actions.push(Action::FocusPlace(place));
                                }
                                response
                            } else {
                                ui.label(rich)
                            };
                        let response = if segment.quotes.is_empty() {
                            response
                        } else {
                            let titles: Vec<String> = segment
                                .quotes
                                .iter()
                                .map(|&e| {
                                    let event = atlas.event(e);
                                    format!(
                                        "{} {} — {}",
                                        t.backs_event,
                                        i18n::format_date(event.date, ctx.lang),
                                        event.title(ctx.lang)
                                    )
                                })
                                .collect();
                            response.on_hover_text(titles.join("\n"))
                        };
                        if state.scroll_pending
                            && state.focus.is_some_and(|f| segment.range.contains(&f))
                        {
                            response.scroll_to_me(Some(Align::Center));
                            state.scroll_pending = false;
                        }
                    }
                });
                ui.add_space(8.0);
            }
        });
    actions
}
