//! One stored reading (opened from History), rendered in the current language.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use super::{error_html, error_text};
use crate::components::result::{ReadingView, ResultData};
use crate::hooks::{use_locale, use_session};
use crate::i18n::{num, t, tf};
use crate::route::Route;
use crate::services::api;

#[derive(Properties, PartialEq)]
pub struct ReadingPageProps {
    pub id: i64,
}

#[function_component(ReadingPage)]
pub fn reading_page(props: &ReadingPageProps) -> Html {
    let locale = use_locale();
    let session = use_session();
    let data = use_state(|| None::<Rc<ResultData>>);
    let error = use_state(|| None::<String>);
    {
        let (data, error) = (data.clone(), error.clone());
        use_effect_with((props.id, locale), move |&(id, locale)| {
            let tag = locale.tag();
            wasm_bindgen_futures::spawn_local(async move {
                match session
                    .call(|b, t| async move { api::get_reading(&b, &t, id, tag).await })
                    .await
                {
                    Ok(r) => {
                        data.set(Some(Rc::new(ResultData::from(&r))));
                        error.set(None);
                    }
                    Err(e) => error.set(Some(error_text(locale, &e))),
                }
            });
        });
    }
    html! {
        <div class="reading-page">
            <p><Link<Route> to={Route::History}>{ t(locale, "ui-back") }</Link<Route>></p>
            <h1 class="visually-hidden">{ tf(locale, "ui-reading-heading", &[("id", num(locale, props.id))]) }</h1>
            { error_html((*error).clone()) }
            { match (*data).clone() {
                Some(d) => html! { <ReadingView data={d} /> },
                None if error.is_none() => html! { <p class="muted">{ t(locale, "ui-loading") }</p> },
                None => html! {},
            } }
        </div>
    }
}
