//! The Oracle forms: a kind selector and the fields of each kind, with the validation
//! messages of the last submit next to their fields.
//!
//! - [`field`]: one labelled input, the system `<select>`;
//! - [`profile`]: a person's fields;
//! - [`kinds`]: the fields of each kind;
//! - [`pick`]: "fill from a saved person";
//! - [`place`]: the location picker (a city fills the coordinates).

mod field;
mod kinds;
mod pick;
mod place;
mod profile;

use nps_protocol::{SavedProfile, SignType};
use yew::prelude::*;

use crate::hooks::use_locale;
use crate::i18n::t;
use crate::state::forms::{FormAction, OracleForm};

pub use profile::full_profile_fields;

#[derive(Properties, PartialEq)]
pub struct KindSelectorProps {
    pub kind: SignType,
    pub on_select: Callback<SignType>,
}

/// The six kinds as a radio group: one Tab stop (the chosen kind); the arrow keys,
/// Home and End choose another and move focus to it (left and right follow the
/// reading direction).
#[function_component(KindSelector)]
pub fn kind_selector(props: &KindSelectorProps) -> Html {
    let locale = use_locale();
    let onkeydown = {
        let (current, on_select) = (props.kind, props.on_select.clone());
        let rtl = crate::i18n::dir(locale) == "rtl";
        Callback::from(move |e: KeyboardEvent| {
            let Some(next) = kind_after_key(current, &e.key(), rtl) else {
                return;
            };
            e.prevent_default();
            on_select.emit(next);
            crate::services::browser::focus_first(&format!(
                ".kinds [data-kind=\"{}\"]",
                next.as_str()
            ));
        })
    };
    html! {
        <div class="kinds" role="radiogroup" aria-label={t(locale, "ui-kind-label")} {onkeydown}>
            { for SignType::ALL.into_iter().map(|k| {
                let selected = k == props.kind;
                let onclick = props.on_select.reform(move |_| k);
                html! {
                    <button type="button" role="radio" aria-checked={selected.to_string()}
                            tabindex={if selected { "0" } else { "-1" }}
                            class={classes!("kind", selected.then_some("selected"))}
                            data-kind={k.as_str()} {onclick}>
                        { t(locale, &format!("ui-kind-{}", k.as_str())) }
                    </button>
                }
            }) }
        </div>
    }
}

/// The kind a key press in the kind selector chooses after `current`: the next or
/// the previous one (wrapping around), the first or the last; `None` for another key.
/// In a right-to-left page the left arrow goes forward.
pub fn kind_after_key(current: SignType, key: &str, rtl: bool) -> Option<SignType> {
    let all = SignType::ALL;
    let at = all.iter().position(|k| *k == current).unwrap_or(0);
    let (forward, back) = if rtl {
        ("ArrowLeft", "ArrowRight")
    } else {
        ("ArrowRight", "ArrowLeft")
    };
    let index = match key {
        k if k == forward || k == "ArrowDown" => (at + 1) % all.len(),
        k if k == back || k == "ArrowUp" => (at + all.len() - 1) % all.len(),
        "Home" => 0,
        "End" => all.len() - 1,
        _ => return None,
    };
    Some(all[index])
}

#[derive(Properties, PartialEq)]
pub struct OracleFormProps {
    pub form: OracleForm,
    pub on_action: Callback<FormAction>,
    pub on_submit: Callback<()>,
    /// Fills the date-time with now.
    pub on_now: Callback<()>,
    pub running: bool,
    /// The user's saved people, offered to fill the person fields.
    #[prop_or_default]
    pub saved: Vec<SavedProfile>,
}

#[function_component(OracleFormView)]
pub fn oracle_form_view(props: &OracleFormProps) -> Html {
    let locale = use_locale();
    let form = &props.form;
    let onsubmit = props.on_submit.reform(|e: SubmitEvent| e.prevent_default());
    let fields = kinds::Fields {
        locale,
        form,
        on_action: &props.on_action,
        on_now: &props.on_now,
        saved: &props.saved,
    };
    let submit = if props.running {
        "ui-submit-running"
    } else {
        "ui-submit"
    };
    html! {
        <form class="oracle-form" novalidate=true {onsubmit}>
            <p class="muted">{ t(locale, &format!("ui-kind-{}-help", form.kind.as_str())) }</p>
            { fields.of_kind() }
            if !form.errors.is_empty() {
                <p class="error" role="alert">{ t(locale, "ui-form-has-errors") }</p>
            }
            <div class="actions">
                <button type="submit" class="primary" data-testid="reading-submit"
                        disabled={props.running} aria-busy={props.running.to_string()}>
                    { t(locale, submit) }
                </button>
            </div>
        </form>
    }
}
