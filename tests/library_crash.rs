//! The library survives being killed in the middle of a stream of edits: a child process (this
//! test binary, run again) adds and changes articles as fast as it can, is killed with SIGKILL,
//! and the library then loads with no problem and at most the edit in flight missing.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use mediation_atlas::library::{ArticleEntry, Edit, Library, LibraryArticle, content_hash};
use mediation_atlas::model::Date;

const CHILD: &str = "MEDIATION_ATLAS_CRASH_CHILD";

fn article(n: usize) -> LibraryArticle {
    let text = format!("Artikel {n}\n\nGespräche in Taschkent, Runde {n}.\n");
    LibraryArticle {
        entry: ArticleEntry {
            id: format!("user-crash-{n}"),
            file: format!("user-crash-{n}.txt"),
            title_de: format!("Artikel {n}"),
            title_en: String::new(),
            source: String::new(),
            author: String::new(),
            date: Date::Unknown,
            language: "de".to_owned(),
            added: String::new(),
            content_hash: content_hash(&text),
            format: "text".to_owned(),
            original: String::new(),
        },
        text: text.repeat(40),
        mentions: Vec::new(),
    }
}

/// The child: edits until killed, printing the number of each edit once it is saved. Not a test
/// of its own: the test below runs it.
#[test]
#[ignore = "the child process of the crash test, started by it"]
fn child_stream_of_edits() {
    let Ok(dir) = std::env::var(CHILD) else {
        return; // Only when started by the test below.
    };
    let (mut library, _) = Library::open(std::path::Path::new(&dir));
    for n in 0..100_000 {
        let edit = if n % 3 == 2 {
            // Every third edit renames an earlier article.
            let mut a = library.articles[n / 3].clone();
            a.entry.title_de = format!("Umbenannt {n}");
            Edit::Batch(vec![
                Edit::RemoveArticle(a.entry.id.clone()),
                Edit::AddArticle(Box::new(a)),
            ])
        } else {
            Edit::AddArticle(Box::new(article(n)))
        };
        library.apply(edit).expect("saved");
        println!("{n}");
    }
}

#[test]
fn a_library_killed_in_a_stream_of_edits_loads_with_at_most_the_edit_in_flight_missing() {
    if std::env::var(CHILD).is_ok() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "child_stream_of_edits",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("child");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let mut last_saved = None;
    // Let it get well into its stream, then kill it without warning.
    while let Some(Ok(line)) = lines.next() {
        if let Ok(n) = line.trim().parse::<usize>() {
            last_saved = Some(n);
            if n >= 150 {
                break;
            }
        }
    }
    child.kill().expect("SIGKILL");
    let _ = child.wait();
    let last = last_saved.expect("the child saved edits");

    let (library, problems) = Library::open(dir.path());
    assert!(problems.is_empty(), "{problems:?}");
    // Every saved edit is there; at most the one in flight after it as well.
    let added = (0..=last).filter(|n| n % 3 != 2).count();
    assert!(
        library.articles.len() == added || library.articles.len() == added + 1,
        "{} articles after edit {last}",
        library.articles.len()
    );
    for a in &library.articles {
        assert!(
            a.text.starts_with("Artikel "),
            "{}: a torn text",
            a.entry.id
        );
    }
}
