//! One labelled input with its hint and validation message, and the numerology system
//! `<select>`.

use nps_i18n::Locale;
use nps_protocol::SystemChoice;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::date::DateField;
use crate::i18n::{system_label, t};
use crate::state::forms::{FormAction, OracleForm};

/// What [`field`] shows.
#[derive(Clone, PartialEq)]
pub struct FieldSpec {
    /// The form's key of the field (`name`, `profile.birth_date`, `people.1.name`).
    pub key: String,
    pub label: String,
    /// The `<input type>`; `date` is a [`DateField`] (Solar Hijri in Persian).
    pub kind: &'static str,
    pub value: String,
    /// The message id of its validation error.
    pub error: Option<&'static str>,
    pub hint: Option<String>,
    pub required: bool,
    pub dir: Option<&'static str>,
    /// The on-screen keyboard a phone shows (`numeric`).
    pub inputmode: Option<&'static str>,
    /// Shown beside the input (a "now" button).
    pub extra: Html,
}

impl FieldSpec {
    /// The field `key` of `form`, with its current error.
    pub fn new(
        form: &OracleForm,
        key: &str,
        label: String,
        kind: &'static str,
        value: &str,
    ) -> Self {
        Self {
            key: key.to_string(),
            label,
            kind,
            value: value.to_string(),
            error: form.error(key),
            hint: None,
            required: false,
            dir: None,
            inputmode: None,
            extra: html! {},
        }
    }

    pub fn required(self) -> Self {
        Self {
            required: true,
            ..self
        }
    }

    /// Left to right whatever the page's direction (numbers, coordinates).
    pub fn ltr(self) -> Self {
        Self {
            dir: Some("ltr"),
            ..self
        }
    }

    /// A whole number, typed in any digits: a text input with the phone's number pad
    /// (the browser's number input drops Persian digits such as ۷۲).
    pub fn numeric(self) -> Self {
        Self {
            inputmode: Some("numeric"),
            ..self.ltr()
        }
    }

    pub fn hint(self, hint: String) -> Self {
        Self {
            hint: Some(hint),
            ..self
        }
    }
}

/// The element id of a field key: `people.1.name` → `f-people-1-name`.
pub fn field_id(key: &str) -> String {
    format!("f-{}", key.replace('.', "-"))
}

pub fn field(locale: Locale, spec: FieldSpec, on_action: &Callback<FormAction>) -> Html {
    let id = field_id(&spec.key);
    let key = spec.key.clone();
    if spec.kind == "date" {
        let on_change = on_action.reform(move |value| FormAction::Set(key.clone(), value));
        return html! {
            <DateField {id} label={spec.label} value={spec.value} {on_change}
                       error={spec.error} hint={spec.hint.map(AttrValue::from)}
                       required={spec.required} />
        };
    }
    let oninput = on_action.reform(move |e: InputEvent| {
        FormAction::Set(
            key.clone(),
            e.target_unchecked_into::<HtmlInputElement>().value(),
        )
    });
    let err_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = [
        spec.error.map(|_| err_id.clone()),
        spec.hint.as_ref().map(|_| hint_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    html! {
        <div class={classes!("field", spec.error.map(|_| "invalid"))}>
            <label for={id.clone()}>{ spec.label }</label>
            <div class="field-row">
                <input id={id} type={spec.kind} value={spec.value} {oninput}
                       required={spec.required}
                       dir={spec.dir} inputmode={spec.inputmode}
                       aria-invalid={spec.error.is_some().to_string()}
                       aria-describedby={(!described.is_empty()).then_some(described)} />
                { spec.extra }
            </div>
            if let Some(hint) = spec.hint {
                <p class="hint" id={hint_id}>{ hint }</p>
            }
            if let Some(e) = spec.error {
                <p class="error" id={err_id}>{ t(locale, e) }</p>
            }
        </div>
    }
}

/// The numerology system of name, question and full readings.
pub fn system_select(locale: Locale, form: &OracleForm, on_action: &Callback<FormAction>) -> Html {
    let onchange = on_action.reform(|e: Event| {
        FormAction::Set(
            "system".into(),
            e.target_unchecked_into::<HtmlSelectElement>().value(),
        )
    });
    html! {
        <div class="field">
            <label for="f-system">{ t(locale, "ui-field-system") }</label>
            <select id="f-system" {onchange}>
                { for SystemChoice::ALL.into_iter().map(|s| html! {
                    <option value={s.as_str()} selected={form.system == s.as_str()}>{ system_label(locale, s) }</option>
                }) }
            </select>
        </div>
    }
}
