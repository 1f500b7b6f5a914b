//! `use_export(data)`: a result's copy and download actions (the clipboard and the
//! download are browser services), and whether something was copied.

use std::rc::Rc;

use yew::prelude::*;

use crate::figures;
use crate::services::browser;
use crate::state::result::ResultData;

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
}

#[hook]
pub fn use_export(data: Rc<ResultData>) -> Export {
    let copied = use_state(|| false);
    let copy = |text: String| {
        let copied = copied.clone();
        Callback::from(move |()| {
            browser::copy(&text);
            copied.set(true);
        })
    };
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
    }
}
