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

/// The six kinds as a radio group of tabs.
#[function_component(KindSelector)]
pub fn kind_selector(props: &KindSelectorProps) -> Html {
    let locale = use_locale();
    html! {
        <div class="kinds" role="radiogroup" aria-label={t(locale, "ui-kind-label")}>
            { for SignType::ALL.into_iter().map(|k| {
                let selected = k == props.kind;
                let onclick = props.on_select.reform(move |_| k);
                html! {
                    <button type="button" role="radio" aria-checked={selected.to_string()}
                            class={classes!("kind", selected.then_some("selected"))}
                            data-kind={k.as_str()} {onclick}>
                        { t(locale, &format!("ui-kind-{}", k.as_str())) }
                    </button>
                }
            }) }
        </div>
    }
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
