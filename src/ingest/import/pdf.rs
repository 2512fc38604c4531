//! PDFs with a text layer, through `pdf-extract` (on `lopdf`).
//!
//! What is kept: the text of every page with its line breaks, as laid out; the app's reflow
//! joins hard-wrapped lines and hyphenation ("Verhand-" / "lungen") when it shows the text.
//! What is lost: everything visual (columns become the order in which the PDF draws its text,
//! which is usually the reading order), images, and the PDF's own metadata, which is more
//! often the name of the word processor's template than the article's title.
//!
//! A PDF whose pages hold no text (a scan) is refused with [`ImportError::NoTextLayer`]: it
//! needs OCR first, which the app does not do.

use super::{Format, ImportError, ImportNote, Imported, Language, finish};

/// The signature a PDF starts with. Readers accept it within the first kilobyte, after junk
/// some producers put first.
const SIGNATURE: &[u8] = b"%PDF-";
const SIGNATURE_WITHIN: usize = 1024;
/// Sentence ends after which a page break is also a paragraph break; after anything else, a
/// sentence or word runs on to the next page.
const SENTENCE_ENDS: &[char] = &['.', '!', '?', '"', '»', '«', '“', '”', ':'];

/// Whether the bytes are a PDF, whatever the file is called.
pub(super) fn has_signature(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(SIGNATURE_WITHIN)]
        .windows(SIGNATURE.len())
        .any(|window| window == SIGNATURE)
}

/// Imports the text layer of a PDF.
pub(super) fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    // `pdf_extract` re-exports `lopdf`, whose document it reads; using it through the
    // re-export keeps the two at the one version `pdf-extract` was built with.
    let document = std::panic::catch_unwind(|| {
        let mut document = pdf_extract::Document::load_mem(bytes)?;
        if document.is_encrypted() {
            // Many PDFs are encrypted with an empty user password only to restrict printing
            // or copying; those open like any other. Others need a password the app does not
            // ask for.
            document.decrypt("")?;
        }
        Ok(document)
    });
    // The parser is more careful than the text extraction below, but a user's file must
    // never bring the app down, so it is guarded the same way.
    let document = match document {
        Ok(Ok(document)) => document,
        Ok(Err(error)) => return Err(unreadable(&error)),
        Err(panic) => {
            return Err(ImportError::Unreadable {
                reason: panic_message(panic.as_ref()),
            });
        }
    };
    let numbers: Vec<u32> = document.get_pages().into_keys().collect();
    if numbers.is_empty() {
        return Err(ImportError::Unreadable {
            reason: "the PDF has no pages".to_owned(),
        });
    }
    let mut pages = Vec::with_capacity(numbers.len());
    let (mut empty, mut failed) = (Vec::new(), Vec::new());
    let mut first_error = None;
    for number in numbers {
        match page_text(&document, number) {
            Ok(text) if text.trim().is_empty() => empty.push(number as usize),
            Ok(text) => pages.push(text),
            Err(reason) => {
                failed.push(number as usize);
                first_error.get_or_insert(reason);
            }
        }
    }
    if pages.is_empty() {
        return Err(match first_error {
            // Some pages could not be read and none had text: the file is the problem.
            Some(reason) => ImportError::Unreadable { reason },
            None => ImportError::NoTextLayer,
        });
    }
    let mut notes = Vec::new();
    if !empty.is_empty() {
        notes.push(ImportNote::PagesWithoutText { pages: empty });
    }
    if !failed.is_empty() {
        notes.push(ImportNote::PagesUnreadable { pages: failed });
    }
    finish(
        Imported {
            text: join_pages(&pages),
            title: None,
            author: None,
            source: None,
            date: None,
            language: Language::Other(String::new()),
            format: Format::Pdf,
            notes,
        },
        None,
    )
}

/// The text of one page, or why it could not be read.
fn page_text(document: &pdf_extract::Document, number: u32) -> Result<String, String> {
    let mut text = String::new();
    // `pdf-extract` panics on many malformed or merely unusual files (unknown encodings,
    // missing font widths, broken streams: there are `panic!`s and `unwrap`s throughout it).
    // A user's file must give an error, not bring the app down, so each page is read under
    // `catch_unwind`. The document is only read, never changed, by the extraction, so it is
    // sound to go on with the next page after a panic (hence `AssertUnwindSafe`). The default
    // panic hook still prints the message to stderr. (With `panic = "abort"` in a release
    // profile, this would not help: the app must keep unwinding panics.)
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut output = pdf_extract::PlainTextOutput::new(&mut text);
        pdf_extract::output_doc_page(document, &mut output, number)
    }));
    match result {
        Ok(Ok(())) => Ok(text),
        Ok(Err(e)) => Err(e.to_string()),
        Err(panic) => Err(panic_message(panic.as_ref())),
    }
}

fn unreadable(error: &pdf_extract::Error) -> ImportError {
    ImportError::Unreadable {
        reason: format!("PDF error: {error}"),
    }
}

/// The pages as one text: a page that ends a sentence ends a paragraph; one that does not
/// runs on into the next page with a line break, which the reflow joins.
fn join_pages(pages: &[String]) -> String {
    let mut text = String::new();
    for page in pages
        .iter()
        .map(|page| page.trim())
        .filter(|page| !page.is_empty())
    {
        if !text.is_empty() {
            text.push_str(if text.ends_with(SENTENCE_ENDS) {
                "\n\n"
            } else {
                "\n"
            });
        }
        text.push_str(page);
    }
    text
}

/// What a caught panic said, for the error's reason.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    let message = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    format!("the PDF reader failed on this file ({message})")
}

#[cfg(test)]
mod tests {
    use super::join_pages;
    use crate::ingest::import::{Format, ImportError, Language, import_bytes};

    /// A one-page PDF drawing `lines` in Helvetica, one below the other, its strings written
    /// in windows-1252 and its font declaring `encoding`.
    fn text_pdf(lines: &[&str], encoding: &str) -> Vec<u8> {
        use lopdf::content::{Content, Operation};
        use lopdf::{Object, StringFormat, dictionary};
        let mut operations = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 11.into()]),
            Operation::new("TL", vec![14.into()]),
            Operation::new("Td", vec![72.into(), 760.into()]),
        ];
        for line in lines {
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(line);
            operations.push(Operation::new(
                "Tj",
                vec![Object::String(bytes.into_owned(), StringFormat::Literal)],
            ));
            operations.push(Operation::new("T*", vec![]));
        }
        operations.push(Operation::new("ET", vec![]));
        let font = dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => "Helvetica",
            "Encoding" => encoding,
        };
        let content = Content { operations }.encode().expect("content");
        one_page_pdf(
            |_| dictionary! { "Font" => dictionary! { "F1" => font } },
            content,
        )
    }

    /// A one-page PDF showing only a picture, as a scanner makes it.
    fn image_only_pdf() -> Vec<u8> {
        use lopdf::{Stream, dictionary};
        let image = Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Image",
                "Width" => 2,
                "Height" => 2,
                "ColorSpace" => "DeviceGray",
                "BitsPerComponent" => 8,
            },
            vec![0, 255, 255, 0],
        );
        let content = b"q 400 0 0 500 100 200 cm /Im1 Do Q".to_vec();
        // Streams are indirect objects: the image is added to the document, and referred to.
        one_page_pdf(
            |doc| dictionary! { "XObject" => dictionary! { "Im1" => doc.add_object(image) } },
            content,
        )
    }

    fn one_page_pdf(
        resources: impl FnOnce(&mut lopdf::Document) -> lopdf::Dictionary,
        content: Vec<u8>,
    ) -> Vec<u8> {
        use lopdf::{Document, Object, Stream, dictionary};
        let mut doc = Document::with_version("1.5");
        let resources = resources(&mut doc);
        let page_tree_id = doc.new_object_id();
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => page_tree_id,
            "Contents" => content_id,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        let pages = dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 };
        doc.objects.insert(page_tree_id, Object::Dictionary(pages));
        let catalog_id =
            doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => page_tree_id });
        doc.trailer.set("Root", catalog_id);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).expect("save");
        bytes
    }

    const PDF_LINES: &[&str] = &[
        "Astana bietet neue Gesprächsrunde an",
        "Almaty, 12. März 2024 – Kasachstan hat angeboten, die nächsten Verhand-",
        "lungen zwischen Armenien und Aserbaidschan auszurichten. Beide Seiten",
        "begrüßten den Vorschlag grundsätzlich, wie das Außenministerium mitteilte.",
    ];

    #[test]
    fn a_pdf_with_a_text_layer_keeps_its_line_breaks_and_hyphenation_for_the_reflow() {
        let imported =
            import_bytes("artikel.pdf", &text_pdf(PDF_LINES, "WinAnsiEncoding")).expect("imported");
        assert_eq!(imported.format, Format::Pdf);
        let text = &imported.text;
        assert!(
            text.contains("Verhand-\nlungen zwischen Armenien"),
            "{text:?}"
        );
        assert!(text.contains("begrüßten den Vorschlag"), "{text:?}");
        assert_eq!(
            imported.title.as_deref(),
            Some("Astana bietet neue Gesprächsrunde an")
        );
        assert_eq!(imported.date.as_deref(), Some("2024-03-12"));
        assert_eq!(imported.language, Language::De);
    }

    #[test]
    fn a_pdf_without_a_text_layer_is_refused_with_no_text_layer() {
        assert_eq!(
            import_bytes("scan.pdf", &image_only_pdf()),
            Err(ImportError::NoTextLayer)
        );
    }

    #[test]
    fn a_truncated_pdf_is_unreadable_and_does_not_panic() {
        let pdf = text_pdf(PDF_LINES, "WinAnsiEncoding");
        for len in [pdf.len() / 2, 200, 20] {
            assert!(
                matches!(
                    import_bytes("cut.pdf", &pdf[..len]),
                    Err(ImportError::Unreadable { .. })
                ),
                "cut at {len}"
            );
        }
        assert!(matches!(
            import_bytes("junk.pdf", b"%PDF-1.7\n\xff\xfe garbage \x00\x01"),
            Err(ImportError::Unreadable { .. })
        ));
    }

    #[test]
    fn a_pdf_is_recognised_by_its_signature_whatever_its_name() {
        assert_eq!(
            import_bytes("download.txt", &image_only_pdf()),
            Err(ImportError::NoTextLayer)
        );
    }

    #[test]
    fn a_pdf_the_reader_panics_on_is_unreadable_and_the_panic_is_caught() {
        // pdf-extract has `panic!("unexpected encoding")` for a font encoding it does not know.
        let pdf = text_pdf(PDF_LINES, "BogusEncoding");
        assert!(matches!(
            import_bytes("odd.pdf", &pdf),
            Err(ImportError::Unreadable { reason }) if reason.contains("unexpected encoding")
        ));
    }

    #[test]
    fn a_page_that_ends_a_sentence_ends_a_paragraph_and_one_that_does_not_runs_on() {
        let pages = [
            "Erster Satz.\nZweite Zeile ohne".to_owned(),
            "Ende.".to_owned(),
            String::new(),
            "Neu.".to_owned(),
        ];
        assert_eq!(
            join_pages(&pages),
            "Erster Satz.\nZweite Zeile ohne\nEnde.\n\nNeu."
        );
    }
}
