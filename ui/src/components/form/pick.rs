//! "Fill from a saved person": a select above a person's fields, listing the user's
//! saved people ("me" first); choosing one fills the fields (they stay editable). Not
//! shown while nobody is saved.

use nps_i18n::Locale;
use nps_protocol::SavedProfile;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::t;
use crate::state::forms::{FillTarget, FormAction, ProfileForm};

pub fn person_picker(
    locale: Locale,
    saved: &[SavedProfile],
    target: FillTarget,
    on_action: &Callback<FormAction>,
) -> Html {
    if saved.is_empty() {
        return html! {};
    }
    let id = match target {
        FillTarget::Name => "pick-name".to_string(),
        FillTarget::Profile => "pick-profile".to_string(),
        FillTarget::Person(i) => format!("pick-person-{i}"),
    };
    let onchange = {
        let (people, act) = (saved.to_vec(), on_action.clone());
        Callback::from(move |e: Event| {
            let chosen = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(p) = people.iter().find(|p| p.id.to_string() == chosen) {
                act.emit(FormAction::Fill(target, ProfileForm::from_body(&p.person)));
            }
        })
    };
    html! {
        <div class="field person-pick">
            <label for={id.clone()}>{ t(locale, "ui-people-pick") }</label>
            <select id={id} data-testid="person-pick" {onchange}>
                <option value="" selected=true>{ t(locale, "ui-people-pick-none") }</option>
                { for saved.iter().map(|p| {
                    let me = if p.is_me { format!(" ({})", t(locale, "ui-people-me")) } else { String::new() };
                    html! { <option value={p.id.to_string()}>{ format!("{}{me}", p.person.name) }</option> }
                }) }
            </select>
        </div>
    }
}
