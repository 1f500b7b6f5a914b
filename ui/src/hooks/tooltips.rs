//! `use_escape_hides_tooltips()`: Escape hides the tooltip shown on hover or focus
//! (the stamp's explanations) without moving the pointer or the focus; the next focus
//! or pointer move onto another element shows tooltips again. It marks the document
//! (`<html data-tips-hidden>`), which the style sheet reads.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The attribute on `<html>` while tooltips are hidden.
pub const TIPS_HIDDEN: &str = "data-tips-hidden";

#[hook]
pub fn use_escape_hides_tooltips() {
    use_effect_with((), |()| {
        let document = web_sys::window().and_then(|w| w.document());
        let listeners = document.map(|d| {
            let root = d.document_element();
            let hide = {
                let root = root.clone();
                EventListener::new(&d, "keydown", move |e| {
                    let escape = e
                        .dyn_ref::<web_sys::KeyboardEvent>()
                        .is_some_and(|k| k.key() == "Escape");
                    if let (true, Some(root)) = (escape, &root) {
                        let _ = root.set_attribute(TIPS_HIDDEN, "");
                    }
                })
            };
            let show_again = |event: &'static str| {
                let root = root.clone();
                EventListener::new(&d, event, move |_| {
                    if let Some(root) = &root {
                        let _ = root.remove_attribute(TIPS_HIDDEN);
                    }
                })
            };
            [hide, show_again("focusin"), show_again("mouseover")]
        });
        move || drop(listeners)
    });
}
