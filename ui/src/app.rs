//! The application: providers (settings → session → WebSocket), the router and the
//! layout; each [`Route`] mapped to its page.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::header::Header;
use crate::hooks::{SessionProvider, SettingsProvider, WsProvider, use_locale, use_session};
use crate::i18n::t;
use crate::pages::history::HistoryPage;
use crate::pages::learn::LearnPage;
use crate::pages::login::LoginPage;
use crate::pages::oracle::OraclePage;
use crate::pages::people::PeoplePage;
use crate::pages::reading::ReadingPage;
use crate::pages::settings::SettingsPage;
use crate::route::Route;

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
    html! {
        <>
            <Header />
            <main id="main" tabindex="-1">
                <Switch<Route> render={switch} />
            </main>
        </>
    }
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
