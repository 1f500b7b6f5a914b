//! Pages, one per route of [`crate::route::Route`]. Pages are the containers: they hold
//! page state (reducers from [`crate::state`]) and call the API through
//! [`crate::hooks::use_session`]; components below them only render.

pub mod history;
pub mod login;
pub mod oracle;
pub mod reading;
pub mod settings;

use yew::prelude::*;

use crate::i18n::{t, tf};
use crate::services::api::HttpError;
use nps_i18n::Locale;

/// A failed call, for people: the localized kind of failure and the server's detail.
pub fn error_text(locale: Locale, e: &HttpError) -> String {
    let head = t(locale, e.message_id());
    if e.message.is_empty() || e.status == 0 {
        head
    } else {
        format!(
            "{head} {}",
            tf(locale, "ui-error-detail", &[("message", e.message.clone())])
        )
    }
}

/// An error paragraph.
pub fn error_html(text: Option<String>) -> Html {
    match text {
        Some(t) => html! { <p class="error" role="alert">{ t }</p> },
        None => html! {},
    }
}
