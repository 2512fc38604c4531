//! A tour as a PDF handout: one A4 page per step with the step's figure, its caption, and its
//! source quote verbatim with the article's byline. Each page is laid out as an SVG of A4 size
//! (in points), converted by svg2pdf — text stays text, in the bundled fonts, embedded — and the
//! pages are put together with pdf-writer.

use std::collections::HashMap;

use pdf_writer::{Content, Finish, Name, Pdf, Rect as PdfRect, Ref, TextStr};
use svg::Document;
use svg::node::element::{Group, Rectangle, Text};

use super::spec::FigureSpec;
use super::text::{FAMILY, Measure, usvg_options};
use super::{scene::Scene, svg as figure_svg};
use crate::basemap::world::WorldMap;
use crate::i18n::{self, Lang};
use crate::model::Atlas;
use crate::model::tour::Tour;
use crate::style;

/// A4 in points.
const PAGE: (f32, f32) = (595.28, 841.89);
const MARGIN: f32 = 48.0;
/// How many points a figure unit is on the page: labels come out at about 10.5 pt.
const FIGURE_SCALE: f32 = 0.7;
const CAPTION_SIZE: f32 = 13.0;
const QUOTE_SIZE: f32 = 11.0;
const SOURCE_SIZE: f32 = 9.5;
const SMALL_SIZE: f32 = 9.0;

/// The handout of `tour`, as the bytes of a PDF.
///
/// # Errors
/// A page that could not be converted, as text.
pub fn tour_pdf(
    atlas: &Atlas,
    world: Option<&WorldMap>,
    tour: &Tour,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let tree_ref = alloc.bump();
    let info = alloc.bump();
    let mut pdf = Pdf::new();
    let mut page_refs = Vec::new();
    let count = tour.steps.len();
    let options = usvg_options();
    for step in 0..count {
        let page_svg = page(atlas, world, tour, step, lang);
        let tree = resvg::usvg::Tree::from_str(&page_svg, &options)
            .map_err(|e| format!("page {}: the layout could not be read: {e}", step + 1))?;
        let (chunk, xobject) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| format!("page {}: {e}", step + 1))?;
        let mut map = HashMap::new();
        let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(|| alloc.bump()));
        let xobject = map
            .get(&xobject)
            .copied()
            .ok_or_else(|| format!("page {}: the SVG made no object", step + 1))?;
        let (page_ref, content_ref) = (alloc.bump(), alloc.bump());
        page_refs.push(page_ref);
        let name = Name(b"P");
        let mut content = Content::new();
        content.save_state();
        content.transform([PAGE.0, 0.0, 0.0, PAGE.1, 0.0, 0.0]);
        content.x_object(name);
        content.restore_state();
        pdf.stream(content_ref, &content.finish());
        let mut page = pdf.page(page_ref);
        page.media_box(PdfRect::new(0.0, 0.0, PAGE.0, PAGE.1));
        page.parent(tree_ref);
        page.contents(content_ref);
        page.resources().x_objects().pair(name, xobject);
        page.finish();
        pdf.extend(&chunk);
    }
    pdf.catalog(catalog).pages(tree_ref);
    pdf.pages(tree_ref)
        .kids(page_refs.iter().copied())
        .count(i32::try_from(count).unwrap_or(i32::MAX));
    pdf.document_info(info)
        .title(TextStr(tour.title(lang)))
        .producer(TextStr("Mediation Atlas"));
    Ok(pdf.finish())
}

/// One page of the handout as an SVG of A4 size, in points.
#[must_use]
pub fn page(
    atlas: &Atlas,
    world: Option<&WorldMap>,
    tour: &Tour,
    step: usize,
    lang: Lang,
) -> String {
    let measure = Measure::default();
    let width = PAGE.0 - 2.0 * MARGIN;
    let count = tour.steps.len();
    let mut body = Group::new().set("font-family", FAMILY);
    let mut y = MARGIN;
    if step == 0 {
        y += 20.0;
        body = body.add(
            text(MARGIN, y, 20.0, style::LABEL_TEXT, tour.title(lang)).set("font-weight", "bold"),
        );
        y += 12.0;
    } else {
        body = body.add(text(
            MARGIN,
            y - 14.0,
            SMALL_SIZE,
            style::MUTED_TEXT,
            tour.title(lang),
        ));
    }
    y += 18.0;
    body = body.add(
        text(
            MARGIN,
            y,
            11.0,
            style::MUTED_TEXT,
            &i18n::step_of(step + 1, count, lang),
        )
        .set("font-weight", "bold"),
    );
    y += 8.0;
    // The words under the map, wrapped first: the map takes the room they leave.
    // (part: 0 caption, 1 quote, 2 source; indent; size; colour; the line)
    let mut words: Vec<(u8, f32, f32, egui::Color32, String)> = Vec::new();
    if let Some(s) = tour.steps.get(step) {
        for line in measure.wrap(s.caption(lang), CAPTION_SIZE, false, width) {
            words.push((0, 0.0, CAPTION_SIZE, style::LABEL_TEXT, line));
        }
        if let Some((quote, source)) = crate::ui::present::passage_text(atlas, s, lang) {
            let quoted = crate::tr!(lang, "quoted", text = quote.as_str());
            for line in measure.wrap(&quoted, QUOTE_SIZE, false, width - 12.0) {
                words.push((1, 12.0, QUOTE_SIZE, style::LABEL_TEXT, line));
            }
            // The source's date stays on one line (no-break spaces within it).
            let source = match &s.passage {
                Some((article, _)) => {
                    let date = i18n::format_date(atlas.article(*article).date, lang);
                    source.replace(&date, &date.replace(' ', "\u{a0}"))
                }
                None => source,
            };
            let source = format!("— {source}");
            for line in measure.wrap(&source, SOURCE_SIZE, false, width - 12.0) {
                words.push((2, 12.0, SOURCE_SIZE, style::MUTED_TEXT, line));
            }
        }
    }
    let words_height: f32 = words.iter().map(|w| w.2 * 1.45).sum::<f32>() + 50.0;
    let room = PAGE.1 - MARGIN - 20.0 - y - words_height;
    if let Some(spec) = FigureSpec::tour_step(atlas, tour, step, lang) {
        let size = (width, room.clamp(width * 0.55, width * 0.9));
        let scene = Scene::build(atlas, world, &spec, size, Some(FIGURE_SCALE));
        body = body
            .add(
                figure_svg::figure(&scene, &format!("step{}", step + 1)).set(
                    "transform",
                    format!("translate({MARGIN} {y}) scale({FIGURE_SCALE})"),
                ),
            )
            .add(
                Rectangle::new()
                    .set("x", MARGIN)
                    .set("y", y)
                    .set("width", size.0)
                    .set("height", size.1)
                    .set("fill", "none")
                    .set("stroke", "#b4b4b4")
                    .set("stroke-width", 0.75),
            );
        y += size.1 + 26.0;
    }
    let mut last_part = 0;
    for (part, indent, size, colour, line) in &words {
        if *part != last_part {
            // A little air between the caption, the quote and its source.
            y += if last_part == 0 { 10.0 } else { 2.0 };
            last_part = *part;
        }
        body = body.add(text(MARGIN + indent, y, *size, *colour, line));
        y += size * 1.45;
    }
    body = body.add(
        text(
            PAGE.0 / 2.0,
            PAGE.1 - 28.0,
            SMALL_SIZE,
            style::MUTED_TEXT,
            &i18n::page_of(step + 1, count, lang),
        )
        .set("text-anchor", "middle"),
    );
    Document::new()
        .set("width", PAGE.0)
        .set("height", PAGE.1)
        .set("viewBox", format!("0 0 {} {}", PAGE.0, PAGE.1))
        .add(
            Rectangle::new()
                .set("width", PAGE.0)
                .set("height", PAGE.1)
                .set("fill", "#ffffff"),
        )
        .add(body)
        .to_string()
}

fn text(x: f32, y: f32, size: f32, fill: egui::Color32, content: &str) -> Text {
    let [red, green, blue, _] = fill.to_srgba_unmultiplied();
    Text::new(content)
        .set("x", (x * 10.0).round() / 10.0)
        .set("y", (y * 10.0).round() / 10.0)
        .set("font-size", size)
        .set("fill", format!("#{red:02x}{green:02x}{blue:02x}"))
}
