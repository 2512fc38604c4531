//! The storage seam in the browser: files in memory ([`MemoryFiles`]), the library's mirrored
//! into IndexedDB (database `mediation-atlas`, store `files`, keyed by path).
//!
//! [`load`] reads the stored files before the app starts, so that the app reads its library
//! as synchronously as on the desktop. Each write changes the memory at once and queues the
//! same change for IndexedDB, in order (one transaction a change, started in the order of the
//! changes); a tab closed in the middle loses at most the change in flight. Files written under
//! [`DOWNLOADS`](super::DOWNLOADS) are downloaded instead; files under [`INBOX`] (picked or dropped) are kept
//! for this visit only.

use std::cell::RefCell;
use std::io;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

use eframe::wasm_bindgen::{JsCast as _, JsValue};
use eframe::web_sys;

use super::memory::{Change, MemoryFiles};
use super::{Entry, INBOX, Reader};

const DATABASE: &str = "mediation-atlas";
const STORE: &str = "files";
/// The library's folder in the page's storage.
const LIBRARY: &str = "/library";
/// The Web Lock that one tab at a time holds to write the library.
const LOCK: &str = "mediation-atlas-library";

thread_local! {
    static FILES: RefCell<MemoryFiles> = RefCell::new(MemoryFiles::default());
    static DATABASE_HANDLE: RefCell<Option<Rc<rexie::Rexie>>> = const { RefCell::new(None) };
    /// The last error of the persistent copy, for the app to show.
    static PROBLEM: RefCell<Option<String>> = const { RefCell::new(None) };
    static HOLDS_LIBRARY: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// Opens the page's database and loads every stored file into memory. Without IndexedDB
/// (a private window of some browsers), the library lives for this visit only, and
/// [`take_problem`] says so.
pub async fn load() {
    match open_and_read().await {
        Ok((db, files)) => {
            FILES.with(|f| *f.borrow_mut() = MemoryFiles::from_files(files));
            DATABASE_HANDLE.with(|d| *d.borrow_mut() = Some(Rc::new(db)));
        }
        Err(e) => set_problem(format!("IndexedDB: {e}")),
    }
}

/// Whether the library is kept between visits (IndexedDB could be opened).
#[must_use]
pub fn keeps_library() -> bool {
    DATABASE_HANDLE.with(|d| d.borrow().is_some())
}

/// The last failure to keep a change, once.
#[must_use]
pub fn take_problem() -> Option<String> {
    PROBLEM.with(|p| p.borrow_mut().take())
}

fn set_problem(message: String) {
    log::error!("{message}");
    PROBLEM.with(|p| *p.borrow_mut() = Some(message));
}

/// Each file is stored as `{ bytes: Uint8Array, written: number }` under its path.
async fn open_and_read() -> Result<(rexie::Rexie, Vec<(PathBuf, Arc<[u8]>, u64)>), rexie::Error> {
    let db = rexie::Rexie::builder(DATABASE)
        .version(1)
        .add_object_store(rexie::ObjectStore::new(STORE))
        .build()
        .await?;
    let files = {
        let transaction = db.transaction(&[STORE], rexie::TransactionMode::ReadOnly)?;
        let store = transaction.store(STORE)?;
        let keys = store.get_all_keys(None, None).await?;
        let values = store.get_all(None, None).await?;
        keys.into_iter()
            .zip(values)
            .filter_map(|(key, value)| {
                let path = PathBuf::from(key.as_string()?);
                let field = |name: &str| js_sys::Reflect::get(&value, &JsValue::from_str(name));
                let bytes = js_sys::Uint8Array::new(&field("bytes").ok()?).to_vec();
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let written = field("written").ok()?.as_f64().unwrap_or(0.0) as u64;
                Some((path, Arc::from(bytes), written))
            })
            .collect()
    };
    Ok((db, files))
}

/// Whether changes at `path` are kept in IndexedDB (the library's), else for this visit only.
fn persistent(path: &Path) -> bool {
    path.starts_with(LIBRARY)
}

/// Queues changes for IndexedDB, in order, in one transaction.
fn keep(changes: Vec<Change>) {
    let changes: Vec<Change> = changes
        .into_iter()
        .filter(|c| match c {
            Change::Put(p, ..) | Change::Delete(p) => persistent(p),
        })
        .collect();
    let Some(db) = DATABASE_HANDLE.with(|d| d.borrow().clone()) else {
        return;
    };
    if changes.is_empty() {
        return;
    }
    // Tasks run in the order they were queued, so transactions start in the order of the
    // changes; IndexedDB runs overlapping read-write transactions in the order they started.
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = write_changes(&db, &changes).await {
            set_problem(format!("IndexedDB: {e}"));
        }
    });
}

async fn write_changes(db: &rexie::Rexie, changes: &[Change]) -> Result<(), rexie::Error> {
    let transaction = db.transaction(&[STORE], rexie::TransactionMode::ReadWrite)?;
    let store = transaction.store(STORE)?;
    for change in changes {
        match change {
            Change::Put(path, bytes, written) => {
                let value = js_sys::Object::new();
                let set = |name: &str, v: &JsValue| {
                    js_sys::Reflect::set(&value, &JsValue::from_str(name), v)
                };
                #[allow(clippy::cast_precision_loss)] // Counts stay far below 2^53.
                let written = JsValue::from_f64(*written as f64);
                if set("bytes", &js_sys::Uint8Array::from(&bytes[..]).into()).is_err()
                    || set("written", &written).is_err()
                {
                    continue;
                }
                let key = JsValue::from_str(&path.to_string_lossy());
                store.put(&value, Some(&key)).await?;
            }
            Change::Delete(path) => {
                store
                    .delete(JsValue::from_str(&path.to_string_lossy()))
                    .await?;
            }
        }
    }
    transaction.done().await?;
    Ok(())
}

pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    FILES.with(|f| f.borrow().read(path).map(|b| b.to_vec()))
}

pub fn open(path: &Path) -> io::Result<Reader> {
    Ok(Box::new(io::Cursor::new(read(path)?)))
}

pub fn len(path: &Path) -> io::Result<u64> {
    FILES.with(|f| f.borrow().read(path).map(|b| b.len() as u64))
}

pub fn exists(path: &Path) -> bool {
    FILES.with(|f| f.borrow().exists(path))
}

#[allow(clippy::unnecessary_wraps)] // The desktop's can fail.
pub fn create_dir_all(_dir: &Path) -> io::Result<()> {
    Ok(())
}

pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if super::is_download(path) {
        return download(path, bytes);
    }
    let change = FILES.with(|f| f.borrow_mut().write(path, Arc::from(bytes)));
    keep(vec![change]);
    Ok(())
}

pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut bytes = Vec::new();
    write(&mut bytes)?;
    write_atomic(path, &bytes)
}

#[allow(clippy::unnecessary_wraps)] // The desktop's can fail.
pub fn append(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let change = FILES.with(|f| f.borrow_mut().append(path, bytes));
    keep(vec![change]);
    Ok(())
}

pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    let changes = FILES.with(|f| f.borrow_mut().rename(from, to))?;
    keep(changes);
    Ok(())
}

pub fn remove_file(path: &Path) -> io::Result<()> {
    let change = FILES.with(|f| f.borrow_mut().remove(path))?;
    keep(vec![change]);
    Ok(())
}

pub fn read_dir(dir: &Path) -> io::Result<Vec<Entry>> {
    FILES.with(|f| f.borrow().read_dir(dir))
}

pub fn version(path: &Path) -> Option<(u64, u128)> {
    FILES.with(|f| f.borrow().stat(path).map(|(len, n)| (len, u128::from(n))))
}

#[allow(clippy::unnecessary_wraps)] // The desktop's may have none.
pub fn library_root() -> Option<PathBuf> {
    Some(PathBuf::from(LIBRARY))
}

/// Puts a picked or dropped file where the app reads it by path; returns that path.
pub fn receive(name: &str, bytes: Vec<u8>) -> PathBuf {
    // Only the name: a browser gives no folder, and a name with slashes must not escape.
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let path = Path::new(INBOX).join(name);
    FILES.with(|f| f.borrow_mut().write(&path, Arc::from(bytes)));
    path
}

/// Hands bytes to the browser as a download named after the file.
fn download(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let js = |e: JsValue| io::Error::other(format!("{e:?}"));
    let name = path.file_name().map_or_else(
        || "download".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| io::Error::other("no document"))?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/octet-stream");
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(js)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(js)?
        .dyn_into()
        .map_err(|_| io::Error::other("no anchor"))?;
    anchor.set_href(&url);
    anchor.set_download(&name);
    anchor.click();
    // The browser reads the blob after the click; let it go a minute later.
    let revoke = eframe::wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    Ok(())
}

/// Takes the page's lock on the library (Web Locks: one tab of the site at a time writes it),
/// held for as long as the page is open. `false` when another tab holds it: this one then
/// reads the library but never writes it. Where the browser has no Web Locks, `true`.
pub async fn lock_library() -> bool {
    let held = match request_lock().await {
        Ok(held) => held,
        Err(e) => {
            log::warn!("Web Locks: {e:?}");
            true
        }
    };
    HOLDS_LIBRARY.with(|h| h.set(held));
    held
}

/// Whether this page holds the library (see [`lock_library`]).
#[must_use]
pub fn holds_library() -> bool {
    HOLDS_LIBRARY.with(std::cell::Cell::get)
}

async fn request_lock() -> Result<bool, JsValue> {
    use eframe::wasm_bindgen::closure::Closure;
    use js_sys::{Function, Object, Promise, Reflect};
    let navigator = web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .navigator();
    let locks = Reflect::get(&navigator, &JsValue::from_str("locks"))?;
    if locks.is_undefined() {
        return Ok(true);
    }
    let request: Function = Reflect::get(&locks, &JsValue::from_str("request"))?.dyn_into()?;
    let options = Object::new();
    Reflect::set(&options, &JsValue::from_str("ifAvailable"), &JsValue::TRUE)?;
    let mut failure = None;
    let granted = Promise::new(&mut |resolve: Function, _reject: Function| {
        // Called with the lock, or with null when another tab holds it. Returning a promise
        // that never settles keeps the lock until the page goes.
        let callback = Closure::once_into_js(move |lock: JsValue| -> JsValue {
            let held = !lock.is_null();
            let _ = resolve.call1(&JsValue::NULL, &JsValue::from_bool(held));
            if held {
                Promise::new(&mut |_, _| {}).into()
            } else {
                JsValue::UNDEFINED
            }
        });
        if let Err(e) = request.call3(&locks, &JsValue::from_str(LOCK), &options, &callback) {
            failure = Some(e);
        }
    });
    if let Some(e) = failure {
        return Err(e);
    }
    Ok(wasm_bindgen_futures::JsFuture::from(granted)
        .await?
        .as_bool()
        .unwrap_or(true))
}
