//! The location picker: a combobox over the server's offline city list. Picking a city
//! fills the profile's latitude and longitude (which stay editable below it, for a place
//! the list does not have).

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::field::field_id;
use nps_protocol::PlaceHit;

use crate::hooks::{PlaceSearchHandle, use_locale, use_place_search};
use crate::i18n::{list, num, t};
use crate::state::forms::FormAction;
use crate::state::places::PlaceAction;

#[derive(Properties, PartialEq)]
pub struct PlaceFieldProps {
    /// The form's key of the profile (`profile`): the picked city sets
    /// `{prefix}.latitude` and `{prefix}.longitude`.
    pub prefix: AttrValue,
    pub on_action: Callback<FormAction>,
}

#[function_component(PlaceField)]
pub fn place_field(props: &PlaceFieldProps) -> Html {
    let locale = use_locale();
    let search = use_place_search();
    let id = field_id(&format!("{}.place", props.prefix));
    let (list_id, hint_id) = (format!("{id}-list"), format!("{id}-hint"));
    let option_id = |i: usize| format!("{id}-option-{i}");
    let pick = fill_coordinates(&search, &props.on_action, &props.prefix);
    let oninput = search
        .typed
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let onkeydown = keys(&search, &pick);
    let onblur = search.dispatch.reform(|_: FocusEvent| PlaceAction::Close);
    let state = &*search.state;
    let expanded = state.expanded();
    let active = state.active.filter(|_| expanded).map(option_id);
    html! {
        <div class="field place-field">
            <label for={id.clone()}>{ t(locale, "ui-field-place") }</label>
            <div class="combobox">
                <input id={id.clone()} type="text" role="combobox" autocomplete="off"
                       data-testid="place-search"
                       aria-autocomplete="list" aria-expanded={expanded.to_string()}
                       aria-controls={list_id.clone()} aria-activedescendant={active}
                       aria-describedby={hint_id.clone()}
                       value={state.text.clone()} {oninput} {onkeydown} {onblur} />
                if expanded && !state.found.is_empty() {
                    <ul id={list_id.clone()} role="listbox" class="place-options"
                        aria-label={t(locale, "ui-field-place")}>
                        { for state.found.iter().enumerate().map(|(i, place)| {
                            let selected = state.active == Some(i);
                            // `mousedown`, not `click`: it comes before the field's blur
                            // closes the list.
                            let onmousedown = {
                                let (pick, place) = (pick.clone(), place.clone());
                                Callback::from(move |e: MouseEvent| {
                                    e.prevent_default();
                                    pick.emit(place.clone());
                                })
                            };
                            html! {
                                <li id={option_id(i)} role="option" data-testid="place-option"
                                    data-place={place.id.clone()}
                                    aria-selected={selected.to_string()}
                                    class={classes!(selected.then_some("active"))} {onmousedown}>
                                    <span class="place-name">{ &place.name }</span>
                                    <span class="muted place-where">
                                        { list(locale, &[num(locale, Coordinate(place.latitude)),
                                                         num(locale, Coordinate(place.longitude)),
                                                         place.time_zone.clone()]) }
                                    </span>
                                </li>
                            }
                        }) }
                    </ul>
                } else if expanded {
                    <p class="hint" role="status" data-testid="place-none">
                        { t(locale, if state.error.is_some() { "ui-place-error" } else { "ui-place-none" }) }
                    </p>
                }
            </div>
            <p class="hint" id={hint_id}>{ t(locale, "ui-field-place-hint") }</p>
        </div>
    }
}

/// Picking `place`: the profile's coordinates, then the field's text.
fn fill_coordinates(
    search: &PlaceSearchHandle,
    on_action: &Callback<FormAction>,
    prefix: &str,
) -> Callback<PlaceHit> {
    let (pick, on_action, prefix) = (search.pick.clone(), on_action.clone(), prefix.to_string());
    Callback::from(move |place: PlaceHit| {
        for (field, value) in [("latitude", place.latitude), ("longitude", place.longitude)] {
            on_action.emit(FormAction::Set(
                format!("{prefix}.{field}"),
                value.to_string(),
            ));
        }
        pick.emit(place);
    })
}

/// The field's keys: arrows move through the list, Enter picks the active city
/// (instead of sending the form), Escape closes the list.
fn keys(search: &PlaceSearchHandle, pick: &Callback<PlaceHit>) -> Callback<KeyboardEvent> {
    let (state, dispatch, pick) = (search.state.clone(), search.dispatch.clone(), pick.clone());
    Callback::from(move |e: KeyboardEvent| {
        let action = match e.key().as_str() {
            "ArrowDown" => Some(PlaceAction::Move(1)),
            "ArrowUp" => Some(PlaceAction::Move(-1)),
            "Enter" => state.active_place().cloned().map(PlaceAction::Picked),
            "Escape" if state.open => Some(PlaceAction::Close),
            _ => None,
        };
        match action {
            Some(PlaceAction::Picked(place)) => {
                e.prevent_default();
                pick.emit(place);
            }
            Some(action) => {
                e.prevent_default();
                dispatch.emit(action);
            }
            None => {}
        }
    })
}

/// A coordinate as the list shows it: two decimals are enough to tell cities apart.
struct Coordinate(f64);

impl std::fmt::Display for Coordinate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.2}", self.0)
    }
}
