//! `use_export(data)`: a result's copy and download actions (the clipboard and the
//! download are browser services), whether something was copied, and the files the
//! server makes of a stored reading (PDF, PNG card, Markdown — `Api::export`), saved
//! as downloads in the current language.

use std::rc::Rc;

use yew::prelude::*;

use super::session::use_session;
use super::settings::use_locale;
use crate::error::HttpError;
use crate::figures;
use crate::services::browser;
use crate::state::result::ResultData;

/// The formats the server exports, in the order the buttons show them.
pub const SERVER_FORMATS: [&str; 3] = ["pdf", "png", "md"];

/// The result view's actions.
#[derive(Clone, PartialEq)]
pub struct Export {
    /// Copies the headline and the interpretation as plain text.
    pub copy_text: Callback<()>,
    /// Copies the API's answer as JSON (pretty-printed).
    pub copy_json: Callback<()>,
    /// Offers the JSON (pretty-printed) as a file.
    pub download: Callback<()>,
    /// Something was copied (for a "copied" note).
    pub copied: bool,
    /// Asks the server for the stored reading as a file of this format (one of
    /// [`SERVER_FORMATS`]) and saves it; `None` for a reading that is not stored.
    pub export_file: Option<Callback<&'static str>>,
    /// The format being made now.
    pub exporting: Option<&'static str>,
    /// Why the last export failed.
    pub export_error: Option<HttpError>,
}

#[hook]
pub fn use_export(data: Rc<ResultData>) -> Export {
    let copied = use_state(|| false);
    let exporting = use_state(|| None::<&'static str>);
    let export_error = use_state(|| None::<HttpError>);
    let session = use_session();
    let locale = use_locale();
    let copy = |text: String| {
        let copied = copied.clone();
        Callback::from(move |()| {
            browser::copy(&text);
            copied.set(true);
        })
    };
    let export_file = data.reading_id.map(|id| {
        let (exporting, export_error) = (exporting.clone(), export_error.clone());
        Callback::from(move |format: &'static str| {
            let (session, exporting, export_error) =
                (session.clone(), exporting.clone(), export_error.clone());
            exporting.set(Some(format));
            export_error.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                match session.api().export(id, format, locale).await {
                    Ok(file) => {
                        browser::download_bytes(&file.name, &file.content_type, &file.bytes)
                    }
                    Err(e) => export_error.set(Some(e)),
                }
                exporting.set(None);
            });
        })
    });
    Export {
        copy_text: copy(figures::plain_text(&data.summary, &data.text)),
        copy_json: {
            let (copied, json) = (copied.clone(), data.raw.clone());
            Callback::from(move |()| {
                browser::copy(&browser::pretty_json(&json));
                copied.set(true);
            })
        },
        download: {
            let (name, json) = (data.file_name(), data.raw.clone());
            Callback::from(move |()| {
                browser::download(&name, "application/json", &browser::pretty_json(&json))
            })
        },
        copied: *copied,
        export_file,
        exporting: *exporting,
        export_error: (*export_error).clone(),
    }
}
