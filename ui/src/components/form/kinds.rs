//! The fields of each kind of reading.

use nps_i18n::Locale;
use nps_protocol::{SavedProfile, SignType};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::field::{FieldSpec, field, system_select};
use super::pick::person_picker;
use super::profile::{Person, full_profile_fields, person_fields};
use crate::components::date::DateField;
use crate::i18n::{num, t, tf};
use crate::state::forms::{
    FillTarget, FormAction, MAX_PEOPLE, MAX_QUESTION_CHARS, MIN_PEOPLE, OracleForm, join_datetime,
    split_datetime,
};

/// The form and its callbacks, as the fields of a kind need them.
pub struct Fields<'a> {
    pub locale: Locale,
    pub form: &'a OracleForm,
    pub on_action: &'a Callback<FormAction>,
    /// Fills the date-time with now.
    pub on_now: &'a Callback<()>,
    /// The user's saved people, for the pickers.
    pub saved: &'a [SavedProfile],
}

impl Fields<'_> {
    /// The fields of the form's kind.
    pub fn of_kind(&self) -> Html {
        let (locale, form, act) = (self.locale, self.form, self.on_action);
        match form.kind {
            SignType::Time => self.datetime(),
            SignType::Name => self.name(),
            SignType::Question => self.question(),
            SignType::Daily => {
                let date = FieldSpec::new(
                    form,
                    "daily_date",
                    t(locale, "ui-field-date"),
                    "date",
                    &form.daily_date,
                );
                field(locale, date.hint(t(locale, "ui-field-date-hint")), act)
            }
            SignType::Full => html! {
                <>
                    { person_picker(locale, self.saved, FillTarget::Profile, act) }
                    { full_profile_fields(locale, form, act) }
                    { system_select(locale, form, act) }
                    { self.datetime() }
                </>
            },
            SignType::Compatibility => self.compatibility(),
        }
    }

    /// The moment of a time or full reading (empty: now), with a "now" button: its day
    /// a [`DateField`] in the page's calendar (not the browser's date-time widget, which
    /// empties an impossible day and speaks only Gregorian), its time a time input;
    /// together they hold the form's `YYYY-MM-DDTHH:MM`.
    fn datetime(&self) -> Html {
        let (locale, form) = (self.locale, self.form);
        let (day, time) = split_datetime(&form.datetime);
        let set =
            |day: &str, time: &str| FormAction::Set("datetime".into(), join_datetime(day, time));
        let on_day = {
            let time = time.to_string();
            self.on_action.reform(move |day: String| set(&day, &time))
        };
        let on_time = {
            let day = day.to_string();
            self.on_action.reform(move |e: InputEvent| {
                set(&day, &e.target_unchecked_into::<HtmlInputElement>().value())
            })
        };
        html! {
            <div class="field-pair">
                <DateField id="f-datetime" label={t(locale, "ui-field-date")} value={day.to_string()}
                           on_change={on_day} error={form.error("datetime")}
                           hint={t(locale, "ui-field-datetime-hint")} />
                <div class="field">
                    <label for="f-datetime-time">{ t(locale, "ui-field-time") }</label>
                    <div class="field-row">
                        <input id="f-datetime-time" type="time" dir="ltr" value={time.to_string()}
                               oninput={on_time} />
                        <button type="button" class="secondary" onclick={self.on_now.reform(|_| ())}>
                            { t(locale, "ui-now") }
                        </button>
                    </div>
                </div>
            </div>
        }
    }

    fn name(&self) -> Html {
        let (locale, form, act) = (self.locale, self.form, self.on_action);
        let name = FieldSpec::new(form, "name", t(locale, "ui-field-name"), "text", &form.name);
        let birth = FieldSpec::new(
            form,
            "birth_date",
            t(locale, "ui-field-birth-date-optional"),
            "date",
            &form.birth_date,
        );
        html! {
            <>
                { person_picker(locale, self.saved, FillTarget::Name, act) }
                { field(locale, name.required(), act) }
                { field(locale, birth, act) }
                { system_select(locale, form, act) }
            </>
        }
    }

    /// The question (a textarea with a character count) and the system.
    fn question(&self) -> Html {
        let (locale, form, act) = (self.locale, self.form, self.on_action);
        let oninput = act.reform(|e: InputEvent| {
            FormAction::Set(
                "question".into(),
                e.target_unchecked_into::<HtmlTextAreaElement>().value(),
            )
        });
        let count = form.question.trim().chars().count();
        let counts = [
            ("count", num(locale, count)),
            ("max", num(locale, MAX_QUESTION_CHARS)),
        ];
        let error = form.error("question");
        html! {
            <>
                <div class={classes!("field", error.map(|_| "invalid"))}>
                    <label for="f-question">{ t(locale, "ui-field-question") }</label>
                    <textarea id="f-question" rows="3" value={form.question.clone()} {oninput}
                              required=true aria-invalid={error.is_some().to_string()}
                              aria-describedby="f-question-count" />
                    <p class={classes!("hint", (count > MAX_QUESTION_CHARS).then_some("over"))} id="f-question-count">
                        { tf(locale, "ui-field-question-count", &counts) }
                    </p>
                    if let Some(e) = error {
                        <p class="error">{ t(locale, e) }</p>
                    }
                </div>
                { system_select(locale, form, act) }
            </>
        }
    }

    /// Two to five people, each removable down to two.
    fn compatibility(&self) -> Html {
        let (locale, form, act) = (self.locale, self.form, self.on_action);
        html! {
            <>
                { for (0..form.people.len()).map(|i| {
                    let remove = act.reform(move |_| FormAction::RemovePerson(i));
                    html! {
                        <fieldset class="person">
                            <legend>{ tf(locale, "ui-person-heading", &[("number", num(locale, i + 1))]) }</legend>
                            { person_picker(locale, self.saved, FillTarget::Person(i), act) }
                            { person_fields(locale, form, Person::People(i), act) }
                            if form.people.len() > MIN_PEOPLE {
                                <button type="button" class="link-button" onclick={remove}>{ t(locale, "ui-remove-person") }</button>
                            }
                        </fieldset>
                    }
                }) }
                if form.people.len() < MAX_PEOPLE {
                    <button type="button" class="secondary" onclick={act.reform(|_| FormAction::AddPerson)}>
                        { t(locale, "ui-add-person") }
                    </button>
                }
            </>
        }
    }
}
