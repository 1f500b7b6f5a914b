//! The People page's parts: the list of saved people ("me" marked, edit, make me,
//! delete — confirmed in the page's dialog) and the editor (the full reading's person fields, the
//! "this is me" box, save and cancel).

use nps_protocol::SavedProfile;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::date::shown_date_html;
use crate::components::form::full_profile_fields;
use crate::hooks::use_locale;
use crate::i18n::t;
use crate::state::people::{Editor, PeopleAction};

#[derive(Properties, PartialEq)]
pub struct PeopleListProps {
    pub items: Vec<SavedProfile>,
    /// Edit, or ask for a delete (the page's dialog confirms it).
    pub on_action: Callback<PeopleAction>,
}

#[function_component(PeopleList)]
pub fn people_list(props: &PeopleListProps) -> Html {
    let locale = use_locale();
    if props.items.is_empty() {
        return html! { <p class="muted" data-testid="people-empty">{ t(locale, "ui-people-empty") }</p> };
    }
    html! {
        <ul class="people-list" data-testid="people-list">
            { for props.items.iter().map(|p| person_row(locale, p, props)) }
        </ul>
    }
}

fn person_row(locale: nps_i18n::Locale, p: &SavedProfile, props: &PeopleListProps) -> Html {
    let id = p.id;
    let act = &props.on_action;
    let actions = html! {
        <>
            <button type="button" class="secondary" onclick={act.reform(move |_| PeopleAction::Edit(id))}>
                { t(locale, "ui-people-edit") }
            </button>
            <button type="button" class="secondary" data-testid="person-delete"
                    onclick={act.reform(move |_| PeopleAction::AskDelete(id))}>
                { t(locale, "ui-delete") }
            </button>
        </>
    };
    html! {
        <li class="person-item" data-profile-id={id.to_string()} data-me={p.is_me.to_string()}>
            <div class="person-text">
                <strong dir="auto">{ p.person.name.clone() }</strong>
                if p.is_me {
                    { " " }<span class="pill">{ t(locale, "ui-people-me") }</span>
                }
                <p class="muted small">
                    { t(locale, "ui-people-born") }{ " " }
                    { shown_date_html(locale, &p.person.birth_date, None) }
                </p>
            </div>
            <div class="person-actions">{ actions }</div>
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct PersonEditorProps {
    pub editor: Editor,
    pub saving: bool,
    pub on_action: Callback<PeopleAction>,
    pub on_save: Callback<()>,
}

#[function_component(PersonEditor)]
pub fn person_editor(props: &PersonEditorProps) -> Html {
    let locale = use_locale();
    let editor = &props.editor;
    let act = &props.on_action;
    let on_form = act.reform(PeopleAction::EditForm);
    let onsubmit = props.on_save.reform(|e: SubmitEvent| e.prevent_default());
    let on_me = act.reform(|e: Event| {
        PeopleAction::SetMe(e.target_unchecked_into::<HtmlInputElement>().checked())
    });
    let heading = if editor.id.is_some() {
        "ui-people-edit-heading"
    } else {
        "ui-people-new-heading"
    };
    html! {
        <form class="person-editor card" novalidate=true {onsubmit} data-testid="person-editor">
            <h2>{ t(locale, heading) }</h2>
            { full_profile_fields(locale, &editor.form, &on_form) }
            <div class="field checkbox">
                <label>
                    <input type="checkbox" id="person-is-me" checked={editor.is_me} onchange={on_me} />
                    { " " }{ t(locale, "ui-people-is-me") }
                </label>
            </div>
            if !editor.form.errors.is_empty() {
                <p class="error" role="alert">{ t(locale, "ui-form-has-errors") }</p>
            }
            <div class="actions">
                <button type="submit" class="primary" data-testid="person-save"
                        disabled={props.saving} aria-busy={props.saving.to_string()}>
                    { t(locale, "ui-people-save") }
                </button>
                <button type="button" class="secondary" onclick={act.reform(|_| PeopleAction::CancelEdit)}>
                    { t(locale, "ui-cancel") }
                </button>
            </div>
        </form>
    }
}
