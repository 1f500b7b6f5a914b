//! `use_server_switch()`: Settings' "test connection" and "use this server". A test
//! asks the server's health and, with a username, signs in; "use" does the same and
//! then switches to that server, keeping the new sign-in.

use nps_protocol::HealthResponse;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::session::{SessionHandle, use_session};
use super::settings::use_settings;
use crate::error::{HttpError, SignInError};
use crate::services::api::PublicApi;
use crate::services::{browser, storage};
use crate::state::session::Tokens;
use crate::state::settings::{Server, Settings, SettingsAction};

/// What the connection form asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SwitchRequest {
    /// A remote server (at `url`), or this computer's.
    pub remote: bool,
    pub url: String,
    /// Empty: test without signing in.
    pub username: String,
    pub password: String,
    /// Switch to the server when the test passes ("use"), or only test it.
    pub apply: bool,
}

/// How the last test went (rendered at view time, so it follows the language).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConnectionTest {
    /// The server answered (and the sign-in, if any, passed); its version.
    Ok(String),
    /// The URL is not a server address: nothing was sent.
    BadUrl,
    Failed(SignInError),
}

/// A test under way, the last outcome, and how to run one.
#[derive(Clone, PartialEq)]
pub struct ServerSwitch {
    pub busy: bool,
    pub outcome: Option<ConnectionTest>,
    pub run: Callback<SwitchRequest>,
}

#[hook]
pub fn use_server_switch() -> ServerSwitch {
    let settings = use_settings();
    let session = use_session();
    let busy = use_state(|| false);
    let outcome = use_state(|| None::<ConnectionTest>);
    let run = {
        let (busy, outcome) = (busy.clone(), outcome.clone());
        Callback::from(move |request: SwitchRequest| {
            let Some(server) = Server::chosen(request.remote, &request.url) else {
                outcome.set(Some(ConnectionTest::BadUrl));
                return;
            };
            busy.set(true);
            let (settings, session) = (settings.clone(), session.clone());
            let (busy, outcome) = (busy.clone(), outcome.clone());
            spawn_local(async move {
                let target = server.base_url(&storage::this_computer_url());
                match test_server(&target, &request.username, &request.password).await {
                    Ok((health, tokens)) => {
                        outcome.set(Some(ConnectionTest::Ok(health.version)));
                        if request.apply {
                            switch_to(server, tokens, &settings, &session);
                        }
                    }
                    Err(e) => outcome.set(Some(ConnectionTest::Failed(e.into()))),
                }
                busy.set(false);
            });
        })
    };
    ServerSwitch {
        busy: *busy,
        outcome: (*outcome).clone(),
        run,
    }
}

/// The server's health, then (with a username) a sign-in there.
async fn test_server(
    target: &str,
    username: &str,
    password: &str,
) -> Result<(HealthResponse, Option<Tokens>), HttpError> {
    let api = PublicApi::new(target);
    let health = api.health().await?;
    let username = username.trim();
    if username.is_empty() {
        return Ok((health, None));
    }
    let r = api.login(username, password).await?;
    Ok((
        health,
        Some(Tokens::from_response(&r, target, browser::now_secs())),
    ))
}

/// Makes `server` the one the UI talks to; a sign-in made there is kept, and used at
/// once when the session is already on that server.
fn switch_to(
    server: Server,
    tokens: Option<Tokens>,
    settings: &UseReducerHandle<Settings>,
    session: &SessionHandle,
) {
    if let Some(t) = &tokens {
        storage::save_tokens(t);
    }
    settings.dispatch(SettingsAction::SetServer(server));
    if let Some(t) = tokens.filter(|t| t.base_url == session.base_url) {
        session.sign_in(t);
    }
}
