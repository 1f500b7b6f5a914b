//! The Oracle forms: a kind selector and the fields of each kind, with the validation
//! messages of the last submit next to their fields.

use nps_i18n::Locale;
use nps_protocol::{SignType, SystemChoice};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::hooks::use_locale;
use crate::i18n::{num, system_label, t, tf};
use crate::state::forms::{
    FormAction, GENDERS, MAX_PEOPLE, MAX_QUESTION_CHARS, MIN_PEOPLE, OracleForm,
};

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

fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

#[derive(Clone, PartialEq)]
struct FieldSpec {
    key: String,
    label: String,
    kind: &'static str,
    value: String,
    error: Option<&'static str>,
    hint: Option<String>,
    required: bool,
    dir: Option<&'static str>,
    extra: Html,
}

fn field(locale: Locale, spec: FieldSpec, on_action: &Callback<FormAction>) -> Html {
    let id = format!("f-{}", spec.key.replace('.', "-"));
    let key = spec.key.clone();
    let oninput =
        on_action.reform(move |e: InputEvent| FormAction::Set(key.clone(), input_value(&e)));
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
                       dir={spec.dir}
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

fn spec(form: &OracleForm, key: &str, label: String, kind: &'static str, value: &str) -> FieldSpec {
    FieldSpec {
        key: key.to_string(),
        label,
        kind,
        value: value.to_string(),
        error: form.error(key),
        hint: None,
        required: false,
        dir: None,
        extra: html! {},
    }
}

fn system_select(locale: Locale, form: &OracleForm, on_action: &Callback<FormAction>) -> Html {
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

fn profile_fields(
    locale: Locale,
    form: &OracleForm,
    prefix: &str,
    full: bool,
    on_action: &Callback<FormAction>,
) -> Html {
    let p = if prefix == "profile" {
        &form.profile
    } else {
        let i: usize = prefix
            .rsplit('.')
            .next()
            .and_then(|i| i.parse().ok())
            .unwrap_or(0);
        &form.people[i.min(form.people.len().saturating_sub(1))]
    };
    let k = |f: &str| format!("{prefix}.{f}");
    let mut name = spec(
        form,
        &k("name"),
        t(locale, "ui-field-name"),
        "text",
        &p.name,
    );
    name.required = true;
    let mut birth = spec(
        form,
        &k("birth_date"),
        t(locale, "ui-field-birth-date"),
        "date",
        &p.birth_date,
    );
    birth.required = true;
    if !full {
        return html! {
            <>
                { field(locale, name, on_action) }
                { field(locale, birth, on_action) }
            </>
        };
    }
    let gender_key = k("gender");
    let onchange = {
        let key = gender_key.clone();
        on_action.reform(move |e: Event| {
            FormAction::Set(
                key.clone(),
                e.target_unchecked_into::<HtmlSelectElement>().value(),
            )
        })
    };
    let gender_id = format!("f-{}", gender_key.replace('.', "-"));
    let mut lat = spec(
        form,
        &k("latitude"),
        t(locale, "ui-field-latitude"),
        "text",
        &p.latitude,
    );
    lat.dir = Some("ltr");
    let mut lon = spec(
        form,
        &k("longitude"),
        t(locale, "ui-field-longitude"),
        "text",
        &p.longitude,
    );
    lon.dir = Some("ltr");
    let mut bpm = spec(form, &k("bpm"), t(locale, "ui-field-bpm"), "number", &p.bpm);
    bpm.dir = Some("ltr");
    html! {
        <>
            { field(locale, name, on_action) }
            { field(locale, birth, on_action) }
            { field(locale, spec(form, &k("mother_name"), t(locale, "ui-field-mother-name"), "text", &p.mother_name), on_action) }
            <div class={classes!("field", form.error(&gender_key).map(|_| "invalid"))}>
                <label for={gender_id.clone()}>{ t(locale, "ui-field-gender") }</label>
                <select id={gender_id} {onchange}>
                    <option value="" selected={p.gender.is_empty()}>{ t(locale, "ui-gender-none") }</option>
                    { for GENDERS.iter().map(|g| html! {
                        <option value={*g} selected={p.gender == *g}>{ t(locale, &format!("ui-gender-{g}")) }</option>
                    }) }
                </select>
            </div>
            <div class="field-pair">
                { field(locale, lat, on_action) }
                { field(locale, lon, on_action) }
            </div>
            { field(locale, bpm, on_action) }
        </>
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
}

#[function_component(OracleFormView)]
pub fn oracle_form_view(props: &OracleFormProps) -> Html {
    let locale = use_locale();
    let form = &props.form;
    let act = &props.on_action;
    let onsubmit = props.on_submit.reform(|e: SubmitEvent| e.prevent_default());
    let datetime = || {
        let now = props.on_now.reform(|_| ());
        let mut s = spec(
            form,
            "datetime",
            t(locale, "ui-field-datetime"),
            "datetime-local",
            &form.datetime,
        );
        s.hint = Some(t(locale, "ui-field-datetime-hint"));
        s.extra = html! {
            <button type="button" class="secondary" onclick={now}>{ t(locale, "ui-now") }</button>
        };
        field(locale, s, act)
    };
    let fields = match form.kind {
        SignType::Time => datetime(),
        SignType::Name => {
            let mut name = spec(form, "name", t(locale, "ui-field-name"), "text", &form.name);
            name.required = true;
            html! {
                <>
                    { field(locale, name, act) }
                    { field(locale, spec(form, "birth_date", t(locale, "ui-field-birth-date-optional"), "date", &form.birth_date), act) }
                    { system_select(locale, form, act) }
                </>
            }
        }
        SignType::Question => {
            let oninput = act.reform(|e: InputEvent| {
                FormAction::Set(
                    "question".into(),
                    e.target_unchecked_into::<HtmlTextAreaElement>().value(),
                )
            });
            let count = form.question.trim().chars().count();
            let error = form.error("question");
            html! {
                <>
                    <div class={classes!("field", error.map(|_| "invalid"))}>
                        <label for="f-question">{ t(locale, "ui-field-question") }</label>
                        <textarea id="f-question" rows="3" value={form.question.clone()} {oninput}
                                  required=true aria-invalid={error.is_some().to_string()}
                                  aria-describedby="f-question-count" />
                        <p class={classes!("hint", (count > MAX_QUESTION_CHARS).then_some("over"))} id="f-question-count">
                            { tf(locale, "ui-field-question-count", &[("count", num(locale, count)), ("max", num(locale, MAX_QUESTION_CHARS))]) }
                        </p>
                        if let Some(e) = error {
                            <p class="error">{ t(locale, e) }</p>
                        }
                    </div>
                    { system_select(locale, form, act) }
                </>
            }
        }
        SignType::Daily => {
            let mut s = spec(
                form,
                "daily_date",
                t(locale, "ui-field-date"),
                "date",
                &form.daily_date,
            );
            s.hint = Some(t(locale, "ui-field-date-hint"));
            field(locale, s, act)
        }
        SignType::Full => html! {
            <>
                { profile_fields(locale, form, "profile", true, act) }
                { system_select(locale, form, act) }
                { datetime() }
            </>
        },
        SignType::Compatibility => html! {
            <>
                { for form.people.iter().enumerate().map(|(i, _)| {
                    let remove = act.reform(move |_| FormAction::RemovePerson(i));
                    html! {
                        <fieldset class="person">
                            <legend>{ tf(locale, "ui-person-heading", &[("number", num(locale, i + 1))]) }</legend>
                            { profile_fields(locale, form, &format!("people.{i}"), false, act) }
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
        },
    };
    html! {
        <form class="oracle-form" novalidate=true {onsubmit}>
            <p class="muted">{ t(locale, &format!("ui-kind-{}-help", form.kind.as_str())) }</p>
            { fields }
            if !form.errors.is_empty() {
                <p class="error" role="alert">{ t(locale, "ui-form-has-errors") }</p>
            }
            <div class="actions">
                <button type="submit" class="primary" data-testid="reading-submit"
                        disabled={props.running} aria-busy={props.running.to_string()}>
                    { if props.running { t(locale, "ui-submit-running") } else { t(locale, "ui-submit") } }
                </button>
            </div>
        </form>
    }
}
