//! The words of recording and editing events.

use super::fluent;

fluent::strings! {
    /// The fixed strings of the event form and the event panel's editing buttons.
    pub struct EventStrings("event-") {
        record_title,
        record_button,
        save,
        title_de,
        title_en,
        date,
        date_end,
        circa,
        date_backwards,
        kind,
        process,
        no_process,
        new_process,
        process_name,
        places,
        venue,
        make_venue,
        participants,
        quote,
        edit,
        delete,
        copy,
        own_event,
        copy_of,
        saved,
        deleted,
    }
}
