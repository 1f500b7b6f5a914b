//! One stored reading (opened from History), rendered in the current language, with
//! when it was made, its favorite toggle, rating, private note and delete.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::alert::{error_html, error_text};
use crate::components::marks::MarksPanel;
use crate::components::result::ReadingView;
use crate::hooks::{use_locale, use_stored_reading};
use crate::i18n::{digits, t, tf};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct ReadingPageProps {
    pub id: i64,
}

#[function_component(ReadingPage)]
pub fn reading_page(props: &ReadingPageProps) -> Html {
    let locale = use_locale();
    let reading = use_stored_reading(props.id);
    let heading = tf(
        locale,
        "ui-reading-heading",
        &[("id", digits(locale, &props.id.to_string()))],
    );
    html! {
        <div class="reading-page">
            <p><Link<Route> to={Route::History}>{ t(locale, "ui-back") }</Link<Route>></p>
            <h1 class="visually-hidden">{ heading }</h1>
            { error_html(reading.error.as_ref().map(|e| error_text(locale, e))) }
            { match reading.data {
                Some(d) => html! {
                    <>
                        <ReadingView data={d} />
                        <MarksPanel reading_id={props.id} created_at={reading.created_at.clone()}
                                    saved={reading.marks.clone()} deletable=true />
                    </>
                },
                None if reading.error.is_none() => html! { <p class="muted">{ t(locale, "ui-loading") }</p> },
                None => html! {},
            } }
        </div>
    }
}
