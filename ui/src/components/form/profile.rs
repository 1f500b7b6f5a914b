//! A person's fields: name and birth date (compatibility), and for a full reading also
//! mother's name, gender, coordinates and heart rate.

use nps_i18n::Locale;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::field::{FieldSpec, field, field_id};
use super::place::PlaceField;
use crate::i18n::t;
use crate::state::forms::{FormAction, GENDERS, OracleForm, ProfileForm};

/// Which person of the form: the full reading's profile, or a compatibility person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Person {
    Profile,
    People(usize),
}

impl Person {
    /// The key prefix of its fields (`profile`, `people.1`).
    fn prefix(self) -> String {
        match self {
            Self::Profile => "profile".into(),
            Self::People(i) => format!("people.{i}"),
        }
    }

    fn of(self, form: &OracleForm) -> Option<&ProfileForm> {
        match self {
            Self::Profile => Some(&form.profile),
            Self::People(i) => form.people.get(i),
        }
    }
}

/// Name and birth date (all a compatibility person has).
pub fn person_fields(
    locale: Locale,
    form: &OracleForm,
    who: Person,
    on_action: &Callback<FormAction>,
) -> Html {
    let Some(p) = who.of(form) else {
        return html! {};
    };
    let k = |f: &str| format!("{}.{f}", who.prefix());
    let name = FieldSpec::new(
        form,
        &k("name"),
        t(locale, "ui-field-name"),
        "text",
        &p.name,
    );
    let birth = FieldSpec::new(
        form,
        &k("birth_date"),
        t(locale, "ui-field-birth-date"),
        "date",
        &p.birth_date,
    );
    html! {
        <>
            { field(locale, name.required(), on_action) }
            { field(locale, birth.required(), on_action) }
        </>
    }
}

/// Every field of the full reading's profile.
pub fn full_profile_fields(
    locale: Locale,
    form: &OracleForm,
    on_action: &Callback<FormAction>,
) -> Html {
    let (p, k) = (&form.profile, |f: &str| format!("profile.{f}"));
    let text = |key: &str, label: &str, kind, value: &str| {
        FieldSpec::new(form, &k(key), t(locale, label), kind, value)
    };
    let mother = text(
        "mother_name",
        "ui-field-mother-name",
        "text",
        &p.mother_name,
    );
    let lat = text("latitude", "ui-field-latitude", "text", &p.latitude).ltr();
    let lon = text("longitude", "ui-field-longitude", "text", &p.longitude).ltr();
    let bpm = text("bpm", "ui-field-bpm", "text", &p.bpm).numeric();
    html! {
        <>
            { person_fields(locale, form, Person::Profile, on_action) }
            { field(locale, mother, on_action) }
            { gender_select(locale, form, &k("gender"), &p.gender, on_action) }
            <PlaceField prefix="profile" on_action={on_action.clone()} />
            <div class="field-pair">
                { field(locale, lat, on_action) }
                { field(locale, lon, on_action) }
            </div>
            { field(locale, bpm, on_action) }
        </>
    }
}

fn gender_select(
    locale: Locale,
    form: &OracleForm,
    key: &str,
    value: &str,
    on_action: &Callback<FormAction>,
) -> Html {
    let onchange = {
        let key = key.to_string();
        on_action.reform(move |e: Event| {
            FormAction::Set(
                key.clone(),
                e.target_unchecked_into::<HtmlSelectElement>().value(),
            )
        })
    };
    let id = field_id(key);
    html! {
        <div class={classes!("field", form.error(key).map(|_| "invalid"))}>
            <label for={id.clone()}>{ t(locale, "ui-field-gender") }</label>
            <select {id} {onchange}>
                <option value="" selected={value.is_empty()}>{ t(locale, "ui-gender-none") }</option>
                { for GENDERS.iter().map(|g| html! {
                    <option value={*g} selected={value == *g}>{ t(locale, &format!("ui-gender-{g}")) }</option>
                }) }
            </select>
        </div>
    }
}
