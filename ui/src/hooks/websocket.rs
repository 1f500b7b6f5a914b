//! The WebSocket context: one [`WsClient`] per server, connected while someone is
//! signed in; its status and events for components.

use std::rc::Rc;

use futures::FutureExt;
use nps_protocol::Envelope;
use yew::prelude::*;

use super::session::use_session;
use crate::ws::adapter::{TokenSource, WsClient};
use crate::ws::machine::{Config, Status};

/// What [`WsProvider`] shares.
#[derive(Clone, PartialEq)]
pub struct WsContext {
    pub client: WsClient,
    pub status: Status,
}

#[derive(Properties, PartialEq)]
pub struct WsProviderProps {
    pub children: Children,
}

#[function_component(WsProvider)]
pub fn ws_provider(props: &WsProviderProps) -> Html {
    let session = use_session();
    let base = session.base_url.clone();
    let status = use_state(|| Status::Disconnected);
    // The access token of this render, if it is for this server: the client starts
    // with it, and a new one goes to the client below.
    let token = token_for(&session.state.tokens, &base);
    let client = {
        let session = session.clone();
        let token = token.clone();
        use_memo(base.clone(), move |base| {
            let source_session = session.clone();
            let token_source: TokenSource = Rc::new(move || {
                let s = source_session.clone();
                async move { s.refresh().await }.boxed_local()
            });
            let auth_session = session.clone();
            let on_auth_failed = Callback::from(move |()| {
                // The token was refused: one refresh; without it, sign in again.
                let s = auth_session.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if s.refresh().await.is_none() {
                        s.end();
                    }
                });
            });
            WsClient::new(
                Config::new(base.clone()),
                token,
                token_source,
                on_auth_failed,
            )
        })
    };
    // Status for the header; disconnect when this client is replaced or unmounted.
    {
        let status = status.clone();
        use_effect_with((*client).clone(), move |client| {
            status.set(client.status());
            let sub = client.on_status(Callback::from(move |s| status.set(s)));
            let client = client.clone();
            move || {
                drop(sub);
                client.disconnect();
            }
        });
    }
    // Connected while signed in; a new access token goes to the client.
    {
        use_effect_with(((*client).clone(), token), |(client, token)| match token {
            Some(t) => {
                client.token_refreshed(t.clone());
                client.connect();
            }
            None => client.disconnect(),
        });
    }
    let context = WsContext {
        client: (*client).clone(),
        status: *status,
    };
    html! {
        <ContextProvider<WsContext> context={context}>
            { props.children.clone() }
        </ContextProvider<WsContext>>
    }
}

/// The access token of `tokens` if it is for the server at `base`. Right after a
/// switch of server (Settings) the session still holds the previous server's tokens
/// for one render; the new server's socket must not be opened with them (it would be
/// refused with 4001 and the client would give up).
fn token_for(tokens: &Option<crate::state::session::Tokens>, base: &str) -> Option<String> {
    tokens
        .as_ref()
        .filter(|t| t.base_url == base)
        .map(|t| t.access_token.clone())
}

/// The connection status (`disconnected | connecting | connected | error`).
#[hook]
pub fn use_websocket_connection() -> Status {
    use_context::<WsContext>()
        .map(|c| c.status)
        .unwrap_or(Status::Disconnected)
}

/// The client itself (to connect or disconnect explicitly).
#[hook]
pub fn use_ws_client() -> Option<WsClient> {
    use_context::<WsContext>().map(|c| c.client)
}

/// Calls `f` with every event named `name` (`"*"`: every event) while the component
/// is mounted. The latest `f` is used; it need not be memoized.
#[hook]
pub fn use_ws_event<F>(name: &'static str, f: F)
where
    F: Fn(Envelope) + 'static,
{
    let client = use_context::<WsContext>().map(|c| c.client);
    let latest = use_mut_ref(|| None::<Rc<dyn Fn(Envelope)>>);
    *latest.borrow_mut() = Some(Rc::new(f));
    use_effect_with((client, name), move |(client, name)| {
        let sub = client.as_ref().map(|c| {
            c.on_event(
                name,
                Callback::from(move |e: Envelope| {
                    let f = latest.borrow().clone();
                    if let Some(f) = f {
                        f(e);
                    }
                }),
            )
        });
        move || drop(sub)
    });
}
