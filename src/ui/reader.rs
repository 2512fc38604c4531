//! The reader: an article reflowed into paragraphs, with every place mention highlighted and
//! clickable, and the passages that back events marked. The user's own articles open in review
//! mode: each name found is marked sure, uncertain or rejected, a click opens its review, and a
//! passage dragged over with the mouse can be linked to a place the linker missed.

use std::ops::Range;

use egui::{Align, Label, RichText, ScrollArea, Sense, Ui};

use super::{Action, ViewCtx};
use crate::i18n;
use crate::ingest::reflow::BlockKind;
use crate::library::LinkStatus;
use crate::model::{ArticleIdx, Atlas, EventIdx, MentionTarget, Origin};
use crate::style;

/// What a run of text links to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    /// A mention of the atlas (index into `Atlas::mentions_in(article)`).
    Atlas(usize),
    /// A name found in a library article (index into its reviewed mentions), with its status.
    Review(usize, LinkStatus),
}

/// A run of text with one look: a word, a mention, and/or inside event quotes.
#[derive(Debug, Clone, PartialEq)]
struct Segment {
    range: Range<usize>,
    link: Option<Link>,
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
    /// The article's id (a library article keeps it across rebuilds of the atlas).
    pub id: String,
    /// A flow offset to scroll to (a mention or a quote).
    pub focus: Option<usize>,
    scroll_pending: bool,
    blocks: Vec<BlockView>,
    /// Whether the article is the user's own (review mode).
    review: bool,
    /// Where a drag over the text started (a flow offset), while the mouse is down.
    anchor: Option<Range<usize>>,
    /// The words dragged over so far (shown while the mouse is down, selected on release, so
    /// that the text does not move under the pointer).
    dragging: Option<Range<usize>>,
    /// The passage selected by dragging (flow range).
    pub selection: Option<Range<usize>>,
}

impl ReaderState {
    /// Prepares the reader for `article`; a library article shows the review of its names.
    #[must_use]
    pub fn new(
        atlas: &Atlas,
        library: &crate::library::Library,
        article: ArticleIdx,
        focus: Option<usize>,
    ) -> Self {
        let a = atlas.article(article);
        let reviewed = (a.origin == Origin::Library)
            .then(|| library.article(&a.id))
            .flatten();
        // The runs that link somewhere: the library's review (rejected names included), or
        // the atlas's mentions.
        let links: Vec<(Range<usize>, Link)> = match reviewed {
            Some(r) => r
                .mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| a.flow.text.get(m.start..m.end) == Some(m.text.as_str()))
                .map(|(i, m)| (m.start..m.end, Link::Review(i, m.status)))
                .collect(),
            None => atlas
                .mentions_in(article)
                .iter()
                .enumerate()
                .map(|(i, m)| (m.flow.clone(), Link::Atlas(i)))
                .collect(),
        };
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
        let blocks = a
            .flow
            .blocks
            .iter()
            .map(|block| BlockView {
                kind: block.kind,
                segments: segments(&a.flow.text, block.range.clone(), &links, &quotes),
            })
            .collect();
        Self {
            article,
            id: a.id.clone(),
            focus,
            scroll_pending: focus.is_some(),
            blocks,
            review: reviewed.is_some(),
            anchor: None,
            dragging: None,
            selection: None,
        }
    }

    /// How many mentions the reader highlights (for tests and the header).
    #[must_use]
    pub fn highlighted_mentions(&self) -> usize {
        self.blocks
            .iter()
            .flat_map(|b| &b.segments)
            .filter(|s| s.link.is_some())
            .count()
    }

    /// Whether the article is shown in review mode.
    #[must_use]
    pub fn is_review(&self) -> bool {
        self.review
    }
}

/// Cuts a block into runs: each link one run, the text between split into words (with the
/// space after each), so that a drag can select whole words.
fn segments(
    text: &str,
    block: Range<usize>,
    links: &[(Range<usize>, Link)],
    quotes: &[(Range<usize>, EventIdx)],
) -> Vec<Segment> {
    let mut cuts = vec![block.start, block.end];
    for (range, _) in links
        .iter()
        .filter(|(r, _)| r.start >= block.start && r.end <= block.end)
    {
        cuts.extend([range.start, range.end]);
    }
    for (range, _) in quotes {
        cuts.extend([
            range.start.clamp(block.start, block.end),
            range.end.clamp(block.start, block.end),
        ]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    for w in cuts.windows(2) {
        let range = w[0]..w[1];
        let link = links.iter().find(|(r, _)| *r == range).map(|(_, l)| *l);
        let quotes: Vec<EventIdx> = quotes
            .iter()
            .filter(|(q, _)| q.start <= range.start && range.end <= q.end)
            .map(|(_, e)| *e)
            .collect();
        if link.is_some() {
            out.push(Segment {
                range,
                link,
                quotes,
            });
            continue;
        }
        let piece = text.get(range.clone()).unwrap_or("");
        let mut start = range.start;
        for (i, _) in piece.match_indices(' ') {
            let end = range.start + i + 1;
            out.push(Segment {
                range: start..end,
                link: None,
                quotes: quotes.clone(),
            });
            start = end;
        }
        if start < range.end {
            out.push(Segment {
                range: start..range.end,
                link: None,
                quotes,
            });
        }
    }
    out
}

/// Draws the reader.
pub fn reader_ui(ui: &mut Ui, ctx: ViewCtx<'_>, state: &mut ReaderState) -> Vec<Action> {
    let t = ctx.lang.t();
    let l = ctx.lang.lib();
    let atlas = ctx.atlas;
    let article = atlas.article(state.article);
    let mentions = atlas.mentions_in(state.article);
    let reviewed = ctx.library.article(&article.id);
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
        if state.review
            && ui
                .button(l.remove_article)
                .on_hover_text(l.remove_hint)
                .clicked()
        {
            actions.push(Action::AskRemoveArticle(article.id.clone()));
        }
    });
    ui.heading(article.title(ctx.lang));
    ui.label(RichText::new(i18n::byline(article, ctx.lang, true)).color(style::MUTED_TEXT));

    if let Some(r) = reviewed.filter(|_| state.review) {
        review_header_ui(ui, ctx, &r.mentions);
    } else {
        mentioned_places_ui(ui, ctx, mentions, &mut actions);
    }
    if let Some(selection) = state.selection.clone() {
        let text = article.flow.text.get(selection.clone()).unwrap_or("");
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("„{}“", shorten(text, 60))).strong());
            if ui.button(ctx.lang.events().record_button).clicked() {
                actions.push(Action::RecordEvent {
                    article: state.article,
                    range: selection.clone(),
                });
            }
            if state.review && ui.button(l.link_passage).clicked() {
                actions.push(Action::ReviewPassage {
                    article: article.id.clone(),
                    range: selection.clone(),
                });
            }
            if ui
                .small_button("✖")
                .on_hover_text(l.clear_selection)
                .clicked()
            {
                state.selection = None;
            }
        });
    }
    ui.separator();

    let pointer = ui.ctx().pointer_interact_pos();
    let pointer_down = ui.input(|i| i.pointer.primary_down());
    let mut dragged_over: Option<Range<usize>> = None;
    // One scroll offset per article: another article opens at its top.
    ScrollArea::vertical()
        .id_salt(("reader_scroll", state.article))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            crate::ui::focus_into_view(ui);
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
                        let selected = state
                            .dragging
                            .as_ref()
                            .or(state.selection.as_ref())
                            .is_some_and(|s| {
                                s.start < segment.range.end && segment.range.start < s.end
                            });
                        if selected {
                            rich = rich.background_color(style::SELECTION_BG);
                        }
                        let response = match segment.link {
                            Some(Link::Atlas(i)) => {
                                let Some(m) = mentions.get(i) else { continue };
                                let MentionTarget::Place(place) = m.target;
                                let response = ui
                                    .add(
                                        Label::new(mention_look(rich, LinkStatus::Sure))
                                            .sense(Sense::click())
                                            .selectable(false),
                                    )
                                    .on_hover_text(atlas.place(place).name(ctx.lang));
                                if response.clicked() {
                                    actions.push(Action::FocusPlace(place));
                                }
                                response
                            }
                            Some(Link::Review(i, status)) => {
                                let response = ui
                                    .add(
                                        Label::new(mention_look(rich, status))
                                            .sense(Sense::click())
                                            .selectable(false),
                                    )
                                    .on_hover_text(review_tooltip(
                                        ctx,
                                        reviewed.and_then(|r| r.mentions.get(i)),
                                    ));
                                if response.clicked() {
                                    actions.push(Action::OpenReview {
                                        article: article.id.clone(),
                                        mention: i,
                                    });
                                }
                                response
                            }
                            None => {
                                let response = ui.add(
                                    Label::new(rich)
                                        .sense(Sense::click_and_drag())
                                        .selectable(false),
                                );
                                if response.drag_started() {
                                    state.anchor = Some(segment.range.clone());
                                    state.selection = None;
                                }
                                if pointer_down
                                    && state.anchor.is_some()
                                    && pointer.is_some_and(|p| response.rect.contains(p))
                                {
                                    dragged_over = Some(segment.range.clone());
                                }
                                response
                            }
                        };
                        let response = if segment.quotes.is_empty() {
                            response
                        } else {
                            response.on_hover_text(quote_tooltip(ctx, &segment.quotes))
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
    // A drag from one word to another selects the words between (in either direction); the
    // selection is made when the mouse is released.
    if let (Some(anchor), Some(over)) = (state.anchor.clone(), dragged_over) {
        let range = anchor.start.min(over.start)..anchor.end.max(over.end);
        let text = article.flow.text.get(range.clone()).unwrap_or("");
        let trimmed = text.trim_end_matches([' ', ',', '.', ';', ':']);
        state.dragging = Some(range.start..range.start + trimmed.len());
    }
    if !pointer_down {
        state.anchor = None;
        if let Some(range) = state.dragging.take() {
            state.selection = Some(range);
        }
    }
    actions
}

/// The counts of sure, uncertain and rejected names, and how review works.
fn review_header_ui(ui: &mut Ui, ctx: ViewCtx<'_>, mentions: &[crate::library::MentionEntry]) {
    let l = ctx.lang.lib();
    let count = |s: LinkStatus| mentions.iter().filter(|m| m.status == s).count();
    ui.horizontal_wrapped(|ui| {
        for (status, name) in [
            (LinkStatus::Sure, l.status_sure),
            (LinkStatus::Review, l.status_review),
            (LinkStatus::Rejected, l.status_rejected),
        ] {
            ui.label(mention_look(
                RichText::new(format!("{} {name}", count(status))),
                status,
            ));
            ui.add_space(6.0);
        }
    });
    ui.label(
        RichText::new(l.review_hint)
            .small()
            .color(style::MUTED_TEXT),
    );
}

/// The places an article links to, in order of first mention, as buttons.
fn mentioned_places_ui(
    ui: &mut Ui,
    ctx: ViewCtx<'_>,
    mentions: &[crate::model::Mention],
    actions: &mut Vec<Action>,
) {
    let mut places = Vec::new();
    for m in mentions {
        let MentionTarget::Place(p) = m.target;
        if !places.contains(&p) {
            places.push(p);
        }
    }
    if places.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("{}:", ctx.lang.t().mentions_in_article))
                .small()
                .color(style::MUTED_TEXT),
        );
        for p in places {
            if ui.small_button(ctx.atlas.place(p).name(ctx.lang)).clicked() {
                actions.push(Action::FocusPlace(p));
            }
        }
    });
}

/// How a name looks by its status: sure in the mention colour, uncertain amber, rejected grey
/// and struck through.
fn mention_look(rich: RichText, status: LinkStatus) -> RichText {
    match status {
        LinkStatus::Sure => rich
            .color(style::MENTION_TEXT)
            .background_color(style::MENTION_BG)
            .underline(),
        LinkStatus::Review => rich
            .color(style::REVIEW_TEXT)
            .background_color(style::REVIEW_BG)
            .underline(),
        LinkStatus::Rejected => rich.color(style::REJECTED_TEXT).strikethrough(),
    }
}

/// "Taschkent (UZ) · unsicher, 62 %".
fn review_tooltip(ctx: ViewCtx<'_>, m: Option<&crate::library::MentionEntry>) -> String {
    let l = ctx.lang.lib();
    let Some(m) = m else {
        return String::new();
    };
    let status = match m.status {
        LinkStatus::Sure => l.status_sure,
        LinkStatus::Review => l.status_review,
        LinkStatus::Rejected => l.status_rejected,
    };
    let place = m
        .place
        .as_deref()
        .and_then(|id| m.candidates.iter().find(|c| c.place == id))
        .map_or_else(
            || l.not_linked.to_owned(),
            |c| format!("{} {} ({})", l.linked_to, c.name, c.country),
        );
    format!(
        "{place}\n{status}, {:.0} %",
        f64::from(m.confidence) * 100.0
    )
}

fn quote_tooltip(ctx: ViewCtx<'_>, quotes: &[EventIdx]) -> String {
    let t = ctx.lang.t();
    quotes
        .iter()
        .map(|&e| {
            let event = ctx.atlas.event(e);
            format!(
                "{} {} — {}",
                t.backs_event,
                i18n::format_when(event.when, ctx.lang),
                event.title(ctx.lang)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// At most `chars` chars of `text`, with "…" when cut.
fn shorten(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(chars).collect();
    format!("{cut}…")
}
