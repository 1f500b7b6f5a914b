//! `use_scroll_into_view(id, key)`: brings an element into view when what it shows
//! changes (a new result, not the same one re-rendered in another language).

use yew::prelude::*;

use crate::services::browser;

/// Scrolls the element with `id` into view after a render where `key` changed.
#[hook]
pub fn use_scroll_into_view<K: PartialEq + 'static>(id: &'static str, key: K) {
    use_effect_with(key, move |_| browser::scroll_into_view(id));
}
