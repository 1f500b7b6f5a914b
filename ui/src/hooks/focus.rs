//! `use_focus_into_view(id, key)`: brings an element into view and moves focus to it
//! when what it shows changes (a new result, not the same one re-rendered in another
//! language), so a keyboard or screen-reader user lands on it.

use yew::prelude::*;

use crate::services::browser;

/// Scrolls the element with `id` below the sticky header and focuses it, after a
/// render where `key` changed.
#[hook]
pub fn use_focus_into_view<K: PartialEq + 'static>(id: &'static str, key: K) {
    use_effect_with(key, move |_| browser::focus_into_view(id));
}
