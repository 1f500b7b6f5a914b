//! The session context: who is signed in to which server, refreshing the access token
//! before it expires (and on demand, once at a time), and authorized API calls that
//! refresh and retry once when the server says the token expired.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::services::api::{self, HttpError};
use crate::services::{browser, storage};
use crate::state::session::{SessionAction, SessionState, Tokens};

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

    pub fn sign_out(&self) {
        storage::clear_tokens();
        self.state.dispatch(SessionAction::SignedOut);
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

    /// Gets a new access token: the refresh endpoint (one refresh at a time: refresh
    /// tokens are single-use), or the desktop shell's current token.
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
                    Some(rt) => match api::refresh(&base, &rt).await {
                        Ok(r) => {
                            let t = Tokens::from_response(&r, &base, browser::now_secs());
                            storage::save_tokens(&t);
                            state.dispatch(SessionAction::Refreshed(t.clone()));
                            Some(t)
                        }
                        Err(e) if e.unauthorized() => {
                            storage::clear_tokens();
                            state.dispatch(SessionAction::SignedOut);
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

    /// Runs `call(base_url, token)`; when the server answers that the token expired,
    /// refreshes it and runs the call once more.
    pub async fn call<T, F, Fut>(&self, call: F) -> Result<T, HttpError>
    where
        F: Fn(String, String) -> Fut,
        Fut: Future<Output = Result<T, HttpError>>,
    {
        let not_signed_in = || HttpError {
            status: 401,
            code: "unauthorized".into(),
            message: String::new(),
        };
        let token = self.token().await.ok_or_else(not_signed_in)?;
        match call(self.base_url.clone(), token).await {
            Err(e) if e.token_expired() => {
                let token = self.refresh().await.ok_or_else(not_signed_in)?;
                call(self.base_url.clone(), token).await
            }
            other => other,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct SessionProviderProps {
    pub base_url: String,
    /// A token handed over by the desktop shell, if any.
    #[prop_or_default]
    pub shell_token: Option<String>,
    pub children: Children,
}

#[function_component(SessionProvider)]
pub fn session_provider(props: &SessionProviderProps) -> Html {
    let base = props.base_url.clone();
    let shell = props.shell_token.clone();
    let state = {
        let (base, shell) = (base.clone(), shell.clone());
        use_reducer(move || match shell {
            Some(t) => SessionState {
                tokens: Some(Tokens::from_shell(&t, &base)),
                from_shell: true,
            },
            None => SessionState {
                tokens: storage::load_tokens(&base),
                from_shell: false,
            },
        })
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
            let now = match &shell {
                Some(t) => SessionAction::Shell(Tokens::from_shell(t, base)),
                None => match storage::load_tokens(base) {
                    Some(t) => SessionAction::SignedIn(t),
                    None => SessionAction::SignedOut,
                },
            };
            state.dispatch(now);
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
