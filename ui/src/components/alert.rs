//! Errors for people: a failed call as text in the current language, and the
//! paragraph that shows it.

use nps_i18n::Locale;
use yew::prelude::*;

use crate::error::{HttpError, SignInError};
use crate::i18n::{t, tf};

/// A failed call: the localized kind of failure and the server's detail.
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

/// A failed sign-in: "sign-in failed" when refused (without saying why), else as
/// [`error_text`].
pub fn sign_in_error_text(locale: Locale, e: &SignInError) -> String {
    match e {
        SignInError::Refused => t(locale, "ui-login-failed"),
        SignInError::Failed(e) => error_text(locale, e),
    }
}

/// An error paragraph (`role="alert"`), or nothing.
pub fn error_html(text: Option<String>) -> Html {
    match text {
        Some(t) => html! { <p class="error" role="alert">{ t }</p> },
        None => html! {},
    }
}
