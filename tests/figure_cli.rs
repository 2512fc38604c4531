//! `--figure` and `--export-tour FILE.pdf` from the built binary: clean figures and the tour
//! handout are written without a window, from the shipped corpus.

use std::path::Path;
use std::process::Command;

use mediation_atlas::i18n::Lang;
use mediation_atlas::ingest::{self, Corpus};

fn atlas_binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mediation-atlas"));
    // The shipped corpus, whatever folder the test runs in.
    command.current_dir(std::env::temp_dir());
    command
}

/// The words of every `<text>` element of an SVG, trimmed.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|part| {
            let start = part.find('>')? + 1;
            let end = part.find("</text>")?;
            Some(part.get(start..end)?.trim().to_owned())
        })
        .collect()
}

fn run(args: &[&str]) -> std::process::Output {
    atlas_binary().args(args).output().expect("the binary runs")
}

#[test]
fn a_figure_of_astana_is_written_as_svg_at_the_size_asked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out.svg");
    let path = out.to_str().expect("utf-8 path");
    let output = run(&[
        "--figure", path, "--select", "astana", "--size", "1024x768", "--lang", "de",
    ]);
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(stdout.trim(), format!("wrote {path}"));
    let svg = std::fs::read_to_string(&out).expect("the svg");
    assert!(svg.contains(r#"width="1024""#) && svg.contains(r#"height="768""#));
    let texts = texts(&svg);
    assert!(
        texts.iter().filter(|t| *t == "Astana").count() >= 2,
        "the title and the label: {texts:?}"
    );
    assert!(svg.contains("Natural Earth") && svg.contains("GeoNames"));
    assert!(svg.contains("Prozesse:"));
}

#[test]
fn a_figure_is_written_as_png_and_a_wrong_extension_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("karte.png");
    let output = run(&[
        "--figure",
        out.to_str().expect("utf-8"),
        "--size",
        "640x480",
        "--lang",
        "en",
    ]);
    assert!(output.status.success(), "{output:?}");
    let bytes = std::fs::read(&out).expect("png");
    assert!(bytes.starts_with(b"\x89PNG"));
    // The size is in the IHDR chunk, right after the signature.
    assert_eq!(&bytes[16..24], &[0, 0, 2, 128, 0, 0, 1, 224]);

    let wrong = dir.path().join("karte.jpg");
    let output = run(&["--figure", wrong.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("karte.jpg") && stderr.contains(".svg"),
        "{stderr}"
    );
    assert!(!wrong.exists());
    let output = run(&[
        "--figure",
        out.to_str().expect("utf-8"),
        "--select",
        "atlantis",
    ]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
}

#[test]
fn the_tour_handout_has_a_page_per_step_with_the_quote_as_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out.pdf");
    let output = run(&[
        "--export-tour",
        out.to_str().expect("utf-8"),
        "--lang",
        "de",
    ]);
    assert!(output.status.success(), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("wrote "));

    let loaded = ingest::load(&Corpus::Embedded, ingest::today());
    let (tours, _) = ingest::tours::load_tours(&Corpus::Embedded, &loaded.atlas);
    let tour = tours.first().expect("the shipped tour");
    let document = pdf_extract::Document::load(&out).expect("a PDF lopdf reads");
    let pages = document.get_pages();
    assert_eq!(pages.len(), tour.steps.len());

    // The quote of the first step, as the text layer of page 1 gives it back.
    let step = &tour.steps[0];
    let (article, range) = step.passage.clone().expect("step 1 quotes an article");
    let quote = &loaded.atlas.article(article).flow.text[range];
    let mut text = String::new();
    let mut plain = pdf_extract::PlainTextOutput::new(&mut text);
    pdf_extract::output_doc_page(&document, &mut plain, 1).expect("page 1 has text");
    // pdf-extract puts a space between glyphs that the PDF places one by one (as svg2pdf
    // does; poppler's pdftotext reads the words whole), and lines break where the layout
    // wrapped them: the characters are compared without any white space.
    let bare = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let page = bare(&text);
    assert!(page.contains(&bare(quote)), "{quote}\n---\n{text}");
    assert!(page.contains(&bare(tour.title(Lang::De))), "{text}");
    assert!(
        page.contains(&bare(&format!("Seite 1 von {}", tour.steps.len()))),
        "{text}"
    );
    // The last page has the last step's caption.
    let mut last = String::new();
    let mut plain = pdf_extract::PlainTextOutput::new(&mut last);
    let count = u32::try_from(tour.steps.len()).expect("a few pages");
    pdf_extract::output_doc_page(&document, &mut plain, count).expect("the last page");
    let caption = tour.steps[tour.steps.len() - 1].caption(Lang::De);
    let first_words: String = caption.split_whitespace().take(4).collect();
    assert!(bare(&last).contains(&first_words), "{caption}\n---\n{last}");
}

#[test]
fn export_tour_into_a_folder_still_means_pngs_of_the_window() {
    // Only the parsing: a folder opens the window (not run here), a .pdf does not.
    let dir = Path::new("/tmp/folder");
    assert!(!mediation_atlas::figure::is_pdf(dir));
    assert!(mediation_atlas::figure::is_pdf(Path::new("handout.PDF")));
}
