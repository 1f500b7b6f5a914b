//! `use_print_opens(selector)`: a printed page shows every section — before printing,
//! each `<details>` matching the selector is opened (the print stylesheet shows their
//! content as well, for browsers that print without the event).

use gloo::events::EventListener;
use yew::prelude::*;

use crate::services::browser;

/// Opens the `<details>` matching `selector` when the page is about to be printed.
#[hook]
pub fn use_print_opens(selector: &'static str) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            EventListener::new(&w, "beforeprint", move |_| browser::open_details(selector))
        });
        move || drop(listener)
    });
}
