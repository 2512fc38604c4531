//! The words of online base maps: the network status on the map and the own tile server.

use super::{Lang, fluent};
use crate::basemap::online::TemplateError;
use crate::tr;

fluent::strings! {
    /// The fixed strings of online base maps.
    pub struct NetworkStrings("net-") {
        offline,
        offline_hint,
        custom_menu,
        custom_title,
        custom_url,
        custom_credit,
        custom_credit_hint,
        custom_explain,
        custom_use,
    }
}

/// Why a URL template typed into the dialog cannot be used.
#[must_use]
pub fn template_problem(error: &TemplateError, lang: Lang) -> String {
    match error {
        TemplateError::Scheme => tr!(lang, "template-scheme"),
        TemplateError::NoHost => tr!(lang, "template-no-host"),
        TemplateError::Space => tr!(lang, "template-space"),
        TemplateError::Missing(missing) => {
            tr!(lang, "template-missing", missing = missing.join(", "))
        }
    }
}
