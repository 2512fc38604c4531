//! The interface's words, read from one Project Fluent file per language (`assets/i18n/*.ftl`).
//!
//! Plurals and cases follow each language's rules (Fluent's plural categories come from CLDR
//! through `intl_pluralrules`), and a translator adds a language by adding a file, not code.
//! The files are compiled into the binary: nothing is read from disk at startup.

use std::sync::OnceLock;

pub use fluent_bundle::FluentArgs;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};

use super::Lang;

/// The Fluent source of every language, in `Lang::ALL` order.
pub const SOURCES: [(Lang, &str, &str); 3] = [
    (
        Lang::De,
        "assets/i18n/de.ftl",
        include_str!("../../assets/i18n/de.ftl"),
    ),
    (
        Lang::En,
        "assets/i18n/en.ftl",
        include_str!("../../assets/i18n/en.ftl"),
    ),
    (
        Lang::Ru,
        "assets/i18n/ru.ftl",
        include_str!("../../assets/i18n/ru.ftl"),
    ),
];

type Bundle = FluentBundle<FluentResource>;

/// The parsed messages of a language, built on first use.
fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 3] = [const { OnceLock::new() }; 3];
    BUNDLES[lang.index()].get_or_init(|| build(lang))
}

fn build(lang: Lang) -> Bundle {
    let (_, file, source) = SOURCES[lang.index()];
    // A syntax error loses only the entries it touches: the rest of the file is used, and the
    // error is logged (the test `every_ftl_file_parses` keeps the shipped files clean).
    let resource =
        FluentResource::try_new(source.to_owned()).unwrap_or_else(|(resource, errors)| {
            for error in errors {
                log::error!("{file}: {error:?}");
            }
            resource
        });
    let mut bundle = Bundle::new_concurrent(vec![langid(lang)]);
    // egui lays out left-to-right text; Unicode isolation marks would show as boxes.
    bundle.set_use_isolating(false);
    if let Err(errors) = bundle.add_resource(resource) {
        for error in errors {
            log::error!("{file}: {error:?}");
        }
    }
    bundle
}

/// The language's identifier, which chooses the plural rules.
fn langid(lang: Lang) -> unic_langid::LanguageIdentifier {
    match lang {
        Lang::De => unic_langid::langid!("de"),
        Lang::En => unic_langid::langid!("en"),
        Lang::Ru => unic_langid::langid!("ru"),
    }
}

/// The message `id` in `lang`, with `args`; a message missing in `lang` falls back to English,
/// and one missing everywhere shows its id (the test `every_message_exists_in_every_language`
/// keeps that from shipping).
#[must_use]
pub fn message(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    // The panels ask for the same few dozen texts every frame ("41 von 41 Ereignissen", each
    // event's date): they are formatted once and then looked up, which is several times
    // cheaper than resolving the pattern and its plural rules again.
    let mut key = String::with_capacity(48);
    key.push_str(id);
    for (name, value) in args.into_iter().flat_map(FluentArgs::iter) {
        key.push('\u{1f}');
        key.push_str(name);
        key.push('=');
        match value {
            FluentValue::String(text) => key.push_str(text),
            FluentValue::Number(n) => key.push_str(&n.value.to_string()),
            // The tr! macro passes only text and numbers.
            _ => key.push('?'),
        }
    }
    let cache = CACHE.get_or_init(Default::default);
    if let Ok(cache) = cache.lock()
        && let Some(text) = cache[lang.index()].get(&key)
    {
        return text.clone();
    }
    let text = format(lang, id, args);
    if let Ok(mut cache) = cache.lock() {
        let map = &mut cache[lang.index()];
        // Bounded: texts with ever new arguments (search counts) must not grow it forever.
        if map.len() >= CACHE_LIMIT {
            map.clear();
        }
        map.insert(key, text.clone());
    }
    text
}

/// Formatted messages by language and by id with arguments.
type Cache = std::sync::Mutex<[std::collections::HashMap<String, String>; 3]>;
static CACHE: OnceLock<Cache> = OnceLock::new();
const CACHE_LIMIT: usize = 4096;

fn format(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    for lang in [lang, Lang::En] {
        let bundle = bundle(lang);
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            for error in errors {
                log::error!("{id} ({lang:?}): {error:?}");
            }
            return text.into_owned();
        }
    }
    log::error!("no message {id}");
    id.to_owned()
}

/// Whether `lang`'s file has the message `id` (for tests and the translators' check).
#[must_use]
pub fn has_message(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// A message with arguments: `tr!(lang, "count-events", n = 3)`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:expr) => {
        $crate::i18n::fluent::message($lang, $id, None)
    };
    ($lang:expr, $id:expr, $($key:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::fluent::FluentArgs::new();
        $(args.set(stringify!($key), $value);)+
        $crate::i18n::fluent::message($lang, $id, Some(&args))
    }};
}

/// A table of fixed strings, filled from the Fluent files once per language.
///
/// Each field is the message of the same name with `_` written `-` and the table's prefix:
/// the field `clear_range` of the prefix `""` is the message `clear-range`.
macro_rules! strings {
    (
        $(#[$meta:meta])*
        pub struct $name:ident($prefix:literal) { $($(#[$fmeta:meta])* $field:ident),* $(,)? }
    ) => {
        $(#[$meta])*
        #[allow(clippy::struct_field_names)] // The names mirror what each string is for.
        pub struct $name {
            $($(#[$fmeta])* pub $field: &'static str,)*
        }

        impl $name {
            /// The message ids of the table.
            pub fn ids() -> Vec<String> {
                vec![$(format!("{}{}", $prefix, stringify!($field).replace('_', "-"))),*]
            }

            /// The table of `lang`, made on first use and kept for the program's life.
            #[must_use]
            pub fn of(lang: $crate::i18n::Lang) -> &'static Self {
                static TABLES: [std::sync::OnceLock<$name>; 3] =
                    [const { std::sync::OnceLock::new() }; 3];
                TABLES[lang.index()].get_or_init(|| Self {
                    $($field: $crate::i18n::fluent::leak($crate::i18n::fluent::message(
                        lang,
                        &format!("{}{}", $prefix, stringify!($field).replace('_', "-")),
                        None,
                    )),)*
                })
            }
        }
    };
}
pub(super) use strings;

/// A fixed string for a table that lives as long as the program (made once per language).
pub fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}
