//! The application: providers (settings → session → WebSocket), the router and the
//! layout; each [`Route`] mapped to its page, and the document's title following the
//! page and the language.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::header::Header;
use crate::hooks::{
    SessionProvider, SettingsProvider, WsProvider, use_escape_hides_tooltips, use_locale,
    use_session,
};
use crate::i18n::{digits, t, tf};
use crate::pages::history::HistoryPage;
use crate::pages::learn::LearnPage;
use crate::pages::login::LoginPage;
use crate::pages::oracle::OraclePage;
use crate::pages::people::PeoplePage;
use crate::pages::reading::ReadingPage;
use crate::pages::settings::SettingsPage;
use crate::route::Route;
use crate::services::browser;

#[function_component(App)]
pub fn app() -> Html {
    html! {
        <SettingsProvider>
            <SessionProvider>
                <WsProvider>
                    <HashRouter>
                        <Layout />
                    </HashRouter>
                </WsProvider>
            </SessionProvider>
        </SettingsProvider>
    }
}

#[function_component(Layout)]
fn layout() -> Html {
    use_page_title();
    use_escape_hides_tooltips();
    html! {
        <>
            <Header />
            <main id="main" tabindex="-1">
                <Switch<Route> render={switch} />
            </main>
        </>
    }
}

/// Keeps the document's title on the page shown, in the reader's language.
#[hook]
fn use_page_title() {
    let locale = use_locale();
    let session = use_session();
    let route = use_route::<Route>().unwrap_or(Route::NotFound);
    let title = page_title(locale, &route, session.signed_in());
    use_effect_with(title, |title| browser::set_title(title));
}

/// "History · NPS Oracle": the page shown (the sign-in screen for a page that needs a
/// user when nobody is signed in), then the app.
pub fn page_title(locale: nps_i18n::Locale, route: &Route, signed_in: bool) -> String {
    let page = match route {
        _ if !signed_in && !route.is_public() => t(locale, "ui-login-heading"),
        Route::Oracle => t(locale, "ui-nav-oracle"),
        Route::History => t(locale, "ui-nav-history"),
        Route::Reading { id } => tf(
            locale,
            "ui-reading-heading",
            &[("id", digits(locale, &id.to_string()))],
        ),
        Route::People => t(locale, "ui-nav-people"),
        Route::Settings => t(locale, "ui-nav-settings"),
        Route::Learn | Route::LearnEntry { .. } => t(locale, "ui-nav-learn"),
        Route::NotFound => t(locale, "ui-page-not-found"),
    };
    // A title is plain text: no bidi isolation marks around the placeables.
    nps_i18n::strip_isolation(&tf(
        locale,
        "ui-page-title",
        &[("page", page), ("app", t(locale, "ui-app-name"))],
    ))
}

fn switch(route: Route) -> Html {
    html! { <Guarded route={route} /> }
}

#[derive(Properties, PartialEq)]
struct GuardedProps {
    route: Route,
}

/// Every page but the public ones needs a signed-in user; without one, the sign-in
/// screen.
#[function_component(Guarded)]
fn guarded(props: &GuardedProps) -> Html {
    let session = use_session();
    let locale = use_locale();
    if !session.signed_in() && !props.route.is_public() {
        return html! { <LoginPage /> };
    }
    match &props.route {
        Route::Oracle => html! { <OraclePage /> },
        Route::History => html! { <HistoryPage /> },
        Route::Reading { id } => html! { <ReadingPage id={*id} /> },
        Route::People => html! { <PeoplePage /> },
        Route::Settings => html! { <SettingsPage /> },
        Route::Learn => html! { <LearnPage /> },
        Route::LearnEntry { anchor } => html! { <LearnPage anchor={Some(anchor.clone())} /> },
        Route::NotFound => html! { <p class="error">{ t(locale, "ui-error-not-found") }</p> },
    }
}
