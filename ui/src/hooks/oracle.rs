//! `use_oracle()`: the Oracle page's form (one reducer for the six kinds, starting
//! with the default numerology system of the settings, and with the user's saved "me"
//! in the person fields), validated on submit (a refused submit moves focus to the
//! first invalid field), and the reading it runs (`use_reading()`).

use yew::prelude::*;

use super::callbacks::dispatcher;
use super::profiles::use_profiles;
use super::reading::{ReadingRun, use_reading};
use super::settings::use_settings;
use crate::services::browser;
use crate::state::forms::{self, FillTarget, FormAction, OracleForm, ProfileForm, ReadingBody};
use nps_protocol::SavedProfile;

/// The form, the reading, and what the page's controls do.
#[derive(Clone, PartialEq)]
pub struct Oracle {
    pub form: UseReducerHandle<OracleForm>,
    pub reading: ReadingRun,
    /// A change to the form (a field typed, a kind chosen, a person added, ...).
    pub edit: Callback<FormAction>,
    /// Validates the form: its errors go next to the fields, or the reading starts.
    pub submit: Callback<()>,
    /// Fills the date-time with now.
    pub fill_now: Callback<()>,
    /// The user's saved people, to fill the person fields from.
    pub saved: Vec<SavedProfile>,
}

#[hook]
pub fn use_oracle() -> Oracle {
    let settings = use_settings();
    let form = {
        let system = settings.system.as_str().to_string();
        use_reducer(move || OracleForm {
            system,
            ..OracleForm::default()
        })
    };
    let reading = use_reading();
    let profiles = use_profiles();
    {
        // Forms about the user start with "me" (never over what was typed).
        let form = form.clone();
        let me = profiles.state.me().cloned();
        use_effect_with(me, move |me| {
            if let Some(me) = me {
                let person = ProfileForm::from_body(&me.person);
                if form.profile == ProfileForm::default() {
                    form.dispatch(FormAction::Fill(FillTarget::Profile, person.clone()));
                }
                if form.name.is_empty() && form.birth_date.is_empty() {
                    form.dispatch(FormAction::Fill(FillTarget::Name, person));
                }
            }
        });
    }
    // Counts refused submits; after each, once its errors are drawn, the first field
    // marked invalid takes focus.
    let refused = use_state(|| 0u32);
    use_effect_with(*refused, |&refused| {
        if refused > 0 {
            browser::focus_first(FIRST_INVALID_FIELD);
        }
    });
    let submit = {
        let (form, start) = (form.clone(), reading.start.clone());
        Callback::from(move |()| match validated(&form) {
            Some(body) => start.emit(body),
            None => refused.set(*refused + 1),
        })
    };
    let edit = dispatcher(&form);
    let fill_now = edit.reform(|()| FormAction::Set("datetime".into(), browser::now_local()));
    Oracle {
        form,
        reading,
        edit,
        submit,
        fill_now,
        saved: profiles.state.items.clone(),
    }
}

/// The first field of the Oracle form that the last submit marked invalid.
const FIRST_INVALID_FIELD: &str = ".oracle-form [aria-invalid=\"true\"]";

/// The form's request body; when it has errors, `None`, and the errors go to the form
/// (a valid submit clears those of the last one).
fn validated(form: &UseReducerHandle<OracleForm>) -> Option<ReadingBody> {
    let today = browser::today();
    let context = forms::Context {
        today: &today,
        offset_at: &browser::offset_at,
    };
    match forms::validate(form, &context) {
        Ok(body) => {
            form.dispatch(FormAction::Errors(Vec::new()));
            Some(body)
        }
        Err(errors) => {
            form.dispatch(FormAction::Errors(errors));
            None
        }
    }
}
