//! The session context: who is signed in to which server, refreshing the access token
//! before it expires (and on demand, once at a time), and the typed API of the session
//! ([`SessionHandle::api`]), whose calls refresh and retry once when the server says
//! the token expired.

use std::cell::RefCell;
use std::rc::Rc;

use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::settings::use_settings;
use crate::services::api::{Api, Credentials, PublicApi};
use crate::services::{browser, storage};
use crate::state::session::{SessionAction, SessionState, Tokens};
use crate::state::settings::Server;

type Refresh = Shared<LocalBoxFuture<'static, Option<Tokens>>>;

/// The session and what can be done with it.
#[derive(Clone)]
pub struct SessionHandle {
    pub state: UseReducerHandle<SessionState>,
    /// The server's base URL.
    pub base_url: String,
    inflight: Rc<RefCell<Option<Refresh>>>,
}

impl PartialEq for SessionHandle {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state && self.base_url == other.base_url
    }
}

impl SessionHandle {
    pub fn signed_in(&self) -> bool {
        self.state.signed_in()
    }

    pub fn username(&self) -> Option<String> {
        self.state.tokens.as_ref().and_then(|t| t.username.clone())
    }

    /// Keeps `tokens` and signs in.
    pub fn sign_in(&self, tokens: Tokens) {
        storage::save_tokens(&tokens);
        self.state.dispatch(SessionAction::SignedIn(tokens));
    }

    /// Forgets the tokens here and ends the login on the server too (its refresh
    /// tokens stop working), without waiting for the server: signing out never fails.
    pub fn sign_out(&self) {
        if let Some(refresh) = self.current().and_then(|t| t.refresh_token) {
            let api = PublicApi::new(self.base_url.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let _ = api.logout(&refresh).await;
            });
        }
        storage::clear_tokens();
        self.state.dispatch(SessionAction::SignedOut);
    }

    /// The server refused this login and it cannot be renewed: forget the tokens and
    /// tell the user on the sign-in screen.
    pub fn end(&self) {
        storage::clear_tokens();
        self.state.dispatch(SessionAction::Ended);
    }

    /// A current access token, refreshed first if it is about to expire.
    pub async fn token(&self) -> Option<String> {
        let tokens = self.current()?;
        if tokens.needs_refresh(browser::now_secs()) {
            if let Some(t) = self.refresh().await {
                return Some(t);
            }
        }
        Some(tokens.access_token)
    }

    fn current(&self) -> Option<Tokens> {
        if self.state.from_shell {
            return self.state.tokens.clone();
        }
        storage::load_tokens(&self.base_url).or_else(|| self.state.tokens.clone())
    }

    /// Gets a new access token: the refresh endpoint (one refresh at a time: a refresh
    /// token rotates, and the server's 5 s grace covers only other tabs), or the desktop shell's current token.
    pub async fn refresh(&self) -> Option<String> {
        let shared = self.refresh_shared();
        shared.await.map(|t| t.access_token)
    }

    fn refresh_shared(&self) -> Refresh {
        if let Some(f) = self.inflight.borrow().as_ref() {
            return f.clone();
        }
        let base = self.base_url.clone();
        let state = self.state.clone();
        let slot = self.inflight.clone();
        let current = self.current();
        let from_shell = self.state.from_shell;
        let fut = async move {
            let result = if from_shell {
                storage::shell_config()
                    .and_then(|c| c.token)
                    .map(|t| Tokens::from_shell(&t, &base))
                    .inspect(|t| state.dispatch(SessionAction::Shell(t.clone())))
            } else {
                match current.and_then(|t| t.refresh_token) {
                    Some(rt) => match PublicApi::new(base.as_str()).refresh(&rt).await {
                        Ok(r) => {
                            let t = Tokens::from_response(&r, &base, browser::now_secs());
                            storage::save_tokens(&t);
                            state.dispatch(SessionAction::Refreshed(t.clone()));
                            Some(t)
                        }
                        Err(e) if e.unauthorized() => {
                            storage::clear_tokens();
                            state.dispatch(SessionAction::Ended);
                            None
                        }
                        Err(_) => None,
                    },
                    None => None,
                }
            };
            slot.borrow_mut().take();
            result
        }
        .boxed_local()
        .shared();
        *self.inflight.borrow_mut() = Some(fut.clone());
        fut
    }

    /// The authorized API of this session: `session.api().history(&query).await`.
    pub fn api(&self) -> Api<SessionHandle> {
        Api::new(self.clone())
    }
}

impl Credentials for SessionHandle {
    fn base_url(&self) -> &str {
        &self.base_url
    }

    async fn access_token(&self) -> Option<String> {
        self.token().await
    }

    async fn refreshed_token(&self) -> Option<String> {
        self.refresh().await
    }
}

#[derive(Properties, PartialEq)]
pub struct SessionProviderProps {
    pub children: Children,
}

/// The server the settings choose — its base URL — and the token the desktop shell
/// handed over for it, if any.
#[hook]
fn use_server() -> (String, Option<String>) {
    let settings = use_settings();
    let shell = use_memo((), |_| storage::shell_config());
    let this_computer = match shell.as_ref() {
        Some(s) => s.base_url.clone(),
        None => browser::origin(),
    };
    let shell_token = match (&settings.server, shell.as_ref()) {
        (Server::ThisComputer, Some(s)) => s.token.clone(),
        _ => None,
    };
    (settings.server.base_url(&this_computer), shell_token)
}

/// The session on `base` as it starts: the shell's token, or the tokens kept for it.
fn stored_session(base: &str, shell_token: Option<&str>) -> SessionAction {
    match shell_token {
        Some(t) => SessionAction::Shell(Tokens::from_shell(t, base)),
        None => match storage::load_tokens(base) {
            Some(t) => SessionAction::SignedIn(t),
            None => SessionAction::SignedOut,
        },
    }
}

/// The session of the server the settings choose.
#[function_component(SessionProvider)]
pub fn session_provider(props: &SessionProviderProps) -> Html {
    let (base, shell) = use_server();
    let state = {
        let (base, shell) = (base.clone(), shell.clone());
        use_reducer(move || SessionState::default().apply(stored_session(&base, shell.as_deref())))
    };
    // One in-flight refresh slot for the provider's whole life.
    let inflight = use_mut_ref(|| None::<Refresh>);
    let handle = SessionHandle {
        state: state.clone(),
        base_url: base.clone(),
        inflight,
    };
    // The server changed (settings): load its tokens.
    {
        let state = state.clone();
        let shell = shell.clone();
        use_effect_with(base.clone(), move |base| {
            state.dispatch(stored_session(base, shell.as_deref()));
        });
    }
    // Refresh a minute before the access token expires.
    {
        let h = handle.clone();
        let tokens = state.tokens.clone();
        use_effect_with(tokens, move |tokens| {
            let timer = tokens
                .as_ref()
                .and_then(|t| t.refresh_in(browser::now_secs()))
                .map(|secs| {
                    let ms = u32::try_from(secs.saturating_mul(1000)).unwrap_or(u32::MAX);
                    Timeout::new(ms.max(1_000), move || {
                        wasm_bindgen_futures::spawn_local(async move {
                            let _ = h.refresh().await;
                        });
                    })
                });
            move || drop(timer)
        });
    }
    html! {
        <ContextProvider<SessionHandle> context={handle}>
            { props.children.clone() }
        </ContextProvider<SessionHandle>>
    }
}

/// The session.
#[hook]
pub fn use_session() -> SessionHandle {
    use_context::<SessionHandle>().unwrap_or_else(|| panic!("use_session outside SessionProvider"))
}
