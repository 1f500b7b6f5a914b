//! The application: providers (settings → session → WebSocket), the router and the
//! layout.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::header::Header;
use crate::hooks::{
    SessionProvider, SettingsProvider, WsProvider, use_locale, use_session, use_settings,
};
use crate::i18n::t;
use crate::pages::history::HistoryPage;
use crate::pages::login::LoginPage;
use crate::pages::oracle::OraclePage;
use crate::pages::reading::ReadingPage;
use crate::pages::settings::SettingsPage;
use crate::route::Route;
use crate::services::{browser, storage};
use crate::state::settings::Server;

#[function_component(App)]
pub fn app() -> Html {
    html! {
        <SettingsProvider>
            <Root />
        </SettingsProvider>
    }
}

#[function_component(Root)]
fn root() -> Html {
    let settings = use_settings();
    let shell = use_memo((), |_| storage::shell_config());
    let (base_url, shell_token) = match (&settings.server, shell.as_ref()) {
        (Server::ThisComputer, Some(s)) => (
            s.base_url.trim_end_matches('/').to_string(),
            s.token.clone(),
        ),
        _ => (settings.base_url(&browser::origin()), None),
    };
    html! {
        <SessionProvider base_url={base_url} shell_token={shell_token}>
            <WsProvider>
                <HashRouter>
                    <Layout />
                </HashRouter>
            </WsProvider>
        </SessionProvider>
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

/// Every page but Settings needs a signed-in user; without one, the sign-in screen.
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
        Route::Settings => html! { <SettingsPage /> },
        Route::NotFound => html! { <p class="error">{ t(locale, "ui-error-not-found") }</p> },
    }
}
