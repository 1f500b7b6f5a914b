//! People: the user's saved people (stored on the server, so they follow a sign-in to
//! another computer), one of them marked "me"; add, edit, delete (confirmed in a modal
//! dialog).

use yew::prelude::*;

use crate::components::alert::{error_html, error_text};
use crate::components::dialog::{ConfirmDialog, delete_pending};
use crate::components::people::{PeopleList, PersonEditor};
use crate::hooks::{use_locale, use_profiles};
use crate::i18n::t;
use crate::state::people::PeopleAction;

#[function_component(PeoplePage)]
pub fn people_page() -> Html {
    let locale = use_locale();
    let profiles = use_profiles();
    let s = &*profiles.state;
    let act = profiles.dispatch.clone();
    html! {
        <section class="people-page" aria-labelledby="people-heading">
            <h1 id="people-heading" tabindex="-1">{ t(locale, "ui-people-heading") }</h1>
            <p class="muted">{ t(locale, "ui-people-help") }</p>
            { error_html(s.error.as_ref().map(|e| error_text(locale, e))) }
            if let Some(editor) = s.editor.clone() {
                <PersonEditor {editor} saving={s.saving} on_action={act.clone()}
                              on_save={profiles.save.clone()} />
            } else {
                <button type="button" class="primary" data-testid="person-new"
                        onclick={act.reform(|_| PeopleAction::New)}>
                    { t(locale, "ui-people-new") }
                </button>
            }
            if !s.loading {
                <PeopleList items={s.items.clone()} on_action={act.clone()} />
            }
            <ConfirmDialog open={s.confirm_delete.is_some()}
                           question={t(locale, "ui-people-delete-confirm")}
                           confirm_label={t(locale, "ui-delete")} on_confirm={delete_pending(&profiles.delete, s.confirm_delete)}
                           on_cancel={act.reform(|()| PeopleAction::CancelDelete)}
                           fallback_focus="#people-heading" />
        </section>
    }
}
