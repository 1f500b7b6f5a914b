//! Small browser facilities: the clock, random ids, the page's origin, scrolling and
//! focus, the clipboard, downloads and the `<html lang dir>` attributes.

use wasm_bindgen::JsCast;

/// Unix seconds now.
pub fn now_secs() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}

/// The page's origin (`http://127.0.0.1:8000`).
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// A fresh request id: `ui-` and 16 random hex digits.
pub fn request_id() -> String {
    let mut id = String::from("ui-");
    for _ in 0..4 {
        let n = (js_sys::Math::random() * 65536.0) as u32 & 0xFFFF;
        id.push_str(&format!("{n:04x}"));
    }
    id
}

fn two(n: u32) -> String {
    format!("{n:02}")
}

/// The local calendar day of `d`, `YYYY-MM-DD`.
fn local_date(d: &js_sys::Date) -> String {
    format!(
        "{:04}-{}-{}",
        d.get_full_year(),
        two(d.get_month() + 1),
        two(d.get_date())
    )
}

/// Today in local time, `YYYY-MM-DD`.
pub fn today() -> String {
    local_date(&js_sys::Date::new_0())
}

/// Now in local time as a `datetime-local` value, `YYYY-MM-DDTHH:MM`.
pub fn now_local() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{}T{}:{}",
        local_date(&d),
        two(d.get_hours()),
        two(d.get_minutes())
    )
}

/// An RFC 3339 instant (`2026-02-10T21:30:00Z`) as this computer's local
/// `YYYY-MM-DDTHH:MM` (`2026-02-11T01:00` in Tehran); `None` when it is no instant.
pub fn local_moment(instant: &str) -> Option<String> {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(instant));
    if d.get_time().is_nan() {
        return None;
    }
    Some(format!(
        "{}T{}:{}",
        local_date(&d),
        two(d.get_hours()),
        two(d.get_minutes())
    ))
}

/// The local UTC offset (minutes east) at a local `YYYY-MM-DDTHH:MM` time (so
/// daylight saving time is right for that date).
pub fn offset_at(local: &str) -> i32 {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(local));
    let offset = d.get_timezone_offset();
    if offset.is_nan() {
        -(js_sys::Date::new_0().get_timezone_offset() as i32)
    } else {
        -(offset as i32)
    }
}

/// Whether the browser says it is online.
pub fn online() -> bool {
    web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(true)
}

/// The browser's preferred language tag (`navigator.language`), or empty.
pub fn language() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
}

/// Sets `<html lang dir>`.
pub fn set_document_language(lang: &str, dir: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang);
        let _ = root.set_attribute("dir", dir);
    }
}

/// Sets the document's title.
pub fn set_title(title: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(title);
    }
}

/// Scrolls the element with this id into view, if there is one.
pub fn scroll_into_view(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        element.scroll_into_view();
    }
}

/// Sets `open` on every `<details>` matching `selector` (best effort).
pub fn open_details(selector: &str) {
    let Some(list) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(selector).ok())
    else {
        return;
    };
    for i in 0..list.length() {
        if let Some(element) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            let _ = element.set_attribute("open", "");
        }
    }
}

fn html_element(element: web_sys::Element) -> Option<web_sys::HtmlElement> {
    element.dyn_into::<web_sys::HtmlElement>().ok()
}

/// Moves focus to the element with this id and scrolls it to the top of the view (its
/// `scroll-margin` keeps it below the sticky header). An element that cannot take
/// focus by itself (a heading) is given `tabindex="-1"` first: focusable by script,
/// never a Tab stop.
pub fn focus_into_view(id: &str) {
    let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    if !element.has_attribute("tabindex") {
        let _ = element.set_attribute("tabindex", "-1");
    }
    element.scroll_into_view_with_bool(true);
    if let Some(element) = html_element(element) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    }
}

/// Focuses the first element that matches `selector`; whether there was one.
pub fn focus_first(selector: &str) -> bool {
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(html_element);
    found.is_some_and(|e| e.focus().is_ok())
}

/// The focused element (not `<body>`), to give focus back to later.
pub fn focused() -> Option<web_sys::HtmlElement> {
    let document = web_sys::window().and_then(|w| w.document())?;
    let active = document.active_element()?;
    if document
        .body()
        .is_some_and(|b| AsRef::<web_sys::Element>::as_ref(&b) == &active)
    {
        return None;
    }
    html_element(active)
}

/// Focuses `element` if it is still in the page; otherwise the first match of
/// `fallback` (an element removed meanwhile, such as a deleted row's button).
pub fn restore_focus(element: Option<&web_sys::HtmlElement>, fallback: &str) {
    match element.filter(|e| e.is_connected()) {
        Some(e) => {
            let _ = e.focus();
        }
        None => {
            focus_first(fallback);
        }
    }
}

/// Copies `text` to the clipboard (best effort).
pub fn copy(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// JSON text indented by two spaces (by the browser's `JSON`, keeping the order of
/// the keys); the text as it is when it is not JSON.
pub fn pretty_json(text: &str) -> String {
    js_sys::JSON::parse(text)
        .and_then(|value| {
            js_sys::JSON::stringify_with_replacer_and_space(
                &value,
                &wasm_bindgen::JsValue::NULL,
                &wasm_bindgen::JsValue::from(2),
            )
        })
        .ok()
        .and_then(|json| json.as_string())
        .unwrap_or_else(|| text.to_string())
}

/// Offers `contents` as a file download named `name`.
pub fn download(name: &str, mime: &str, contents: &str) {
    offer_file(name, mime, &wasm_bindgen::JsValue::from_str(contents));
}

/// Offers `bytes` as a file download named `name` (no print dialog, no new tab).
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) {
    offer_file(name, mime, &js_sys::Uint8Array::from(bytes));
}

/// A blob of `part` saved through an `<a download>` on an object URL.
fn offer_file(name: &str, mime: &str, part: &wasm_bindgen::JsValue) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(href) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&href);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&href);
}
