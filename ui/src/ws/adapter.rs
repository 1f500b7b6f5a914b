//! The browser driver of [`Machine`]: gloo-net sockets, gloo timers, the `online` /
//! `offline` events, and the subscribers. It decides nothing: every input goes to the
//! machine and every [`Action`] it answers is carried out here.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use futures::channel::mpsc;
use futures::future::{Either, LocalBoxFuture, select};
use futures::{SinkExt, StreamExt};
use gloo::events::EventListener;
use gloo::net::websocket::futures::WebSocket;
use gloo::net::websocket::{Message, State, WebSocketError};
use gloo::timers::callback::Timeout;
use nps_protocol::Envelope;
use yew::Callback;

use super::machine::{Action, Config, Machine, SocketId, Status, TimerId};

/// Gets a fresh access token (after a 4002); `None` if none can be had.
pub type TokenSource = Rc<dyn Fn() -> LocalBoxFuture<'static, Option<String>>>;

/// One input for the machine, sent from a socket task.
type Input = Box<dyn FnOnce(&mut Machine) -> Vec<Action>>;

enum Command {
    Send(String),
    Close(u16, &'static str),
}

struct Inner {
    machine: Machine,
    sockets: HashMap<SocketId, mpsc::UnboundedSender<Command>>,
    timers: HashMap<TimerId, Timeout>,
    next_sub: u64,
    status_subs: Vec<(u64, Callback<Status>)>,
    event_subs: Vec<(u64, String, Callback<Envelope>)>,
    token_source: TokenSource,
    on_auth_failed: Callback<()>,
    listeners: Vec<EventListener>,
}

/// A WebSocket client (one socket at most). Cheap to clone; equal when it is the same
/// client.
#[derive(Clone)]
pub struct WsClient {
    inner: Rc<RefCell<Inner>>,
}

impl PartialEq for WsClient {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

/// Unsubscribes when dropped.
pub struct Subscription {
    client: Weak<RefCell<Inner>>,
    id: u64,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Some(inner) = self.client.upgrade() {
            if let Ok(mut inner) = inner.try_borrow_mut() {
                inner.status_subs.retain(|(i, _)| *i != self.id);
                inner.event_subs.retain(|(i, _, _)| *i != self.id);
            }
        }
    }
}

impl WsClient {
    /// A disconnected client for the server at `config.base_url`.
    pub fn new(
        config: Config,
        token: Option<String>,
        token_source: TokenSource,
        on_auth_failed: Callback<()>,
    ) -> Self {
        let machine = Machine::new(config, token, Box::new(js_sys::Math::random));
        let client = Self {
            inner: Rc::new(RefCell::new(Inner {
                machine,
                sockets: HashMap::new(),
                timers: HashMap::new(),
                next_sub: 0,
                status_subs: Vec::new(),
                event_subs: Vec::new(),
                token_source,
                on_auth_failed,
                listeners: Vec::new(),
            })),
        };
        client.listen_online();
        if !crate::services::browser::online() {
            client.input(Machine::offline);
        }
        client
    }

    fn listen_online(&self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let weak = Rc::downgrade(&self.inner);
        let on = {
            let weak = weak.clone();
            EventListener::new(&window, "online", move |_| {
                if let Some(c) = upgrade(&weak) {
                    c.input(Machine::online);
                }
            })
        };
        let off = EventListener::new(&window, "offline", move |_| {
            if let Some(c) = upgrade(&weak) {
                c.input(Machine::offline);
            }
        });
        self.inner.borrow_mut().listeners = vec![on, off];
    }

    pub fn status(&self) -> Status {
        self.inner.borrow().machine.status()
    }

    pub fn connect(&self) {
        self.input(Machine::connect);
    }

    pub fn disconnect(&self) {
        self.input(Machine::disconnect);
    }

    /// A new access token (sign-in or refresh): used for the next socket.
    pub fn token_refreshed(&self, token: String) {
        self.input(move |m| m.token_refreshed(token));
    }

    /// Calls `callback` on every status change.
    pub fn on_status(&self, callback: Callback<Status>) -> Subscription {
        let mut inner = self.inner.borrow_mut();
        inner.next_sub += 1;
        let id = inner.next_sub;
        inner.status_subs.push((id, callback));
        Subscription {
            client: Rc::downgrade(&self.inner),
            id,
        }
    }

    /// Calls `callback` with every event named `name` (`"*"`: every event).
    pub fn on_event(&self, name: &str, callback: Callback<Envelope>) -> Subscription {
        let mut inner = self.inner.borrow_mut();
        inner.next_sub += 1;
        let id = inner.next_sub;
        inner.event_subs.push((id, name.to_string(), callback));
        Subscription {
            client: Rc::downgrade(&self.inner),
            id,
        }
    }

    /// Feeds one input to the machine and carries out its actions.
    fn input(&self, f: impl FnOnce(&mut Machine) -> Vec<Action> + 'static) {
        let actions = match self.inner.try_borrow_mut() {
            Ok(mut inner) => f(&mut inner.machine),
            // Re-entrant input (cannot happen today: callbacks run after the borrow
            // ends); never lose it: run it on the next tick.
            Err(_) => {
                let again = self.clone();
                wasm_bindgen_futures::spawn_local(async move { again.input(f) });
                return;
            }
        };
        self.perform(actions);
    }

    /// Carries out the machine's actions in order; subscribers are called once the
    /// client is no longer borrowed, so they may call back into it.
    fn perform(&self, actions: Vec<Action>) {
        let notifications: Vec<Notify> = {
            let mut inner = self.inner.borrow_mut();
            actions
                .into_iter()
                .filter_map(|action| self.carry_out(&mut inner, action))
                .collect()
        };
        for notify in notifications {
            notify();
        }
    }

    /// One action; what subscribers are to be told, if anything.
    fn carry_out(&self, inner: &mut Inner, action: Action) -> Option<Notify> {
        match action {
            Action::Open {
                socket,
                url,
                protocols,
            } => self.open(inner, socket, url, protocols),
            Action::Send { socket, text } => inner.command(socket, Command::Send(text)),
            Action::Close {
                socket,
                code,
                reason,
            } => {
                inner.command(socket, Command::Close(code, reason));
                inner.sockets.remove(&socket);
            }
            Action::StartTimer {
                timer, delay_ms, ..
            } => self.start_timer(inner, timer, delay_ms),
            // Dropping a gloo Timeout cancels it.
            Action::CancelTimer { timer } => drop(inner.timers.remove(&timer)),
            Action::FetchToken => self.fetch_token(inner),
            Action::AuthFailed => return Some(inner.auth_failed()),
            // Subscribers of `resync_required` get the event itself next.
            Action::Refetch { .. } => {}
            Action::Event(envelope) => return Some(inner.deliver_event(envelope)),
            Action::Status(status) => return Some(inner.deliver_status(status)),
        }
        None
    }

    /// Opens a socket in its own task, which reports back to the machine.
    fn open(&self, inner: &mut Inner, socket: SocketId, url: String, protocols: Vec<String>) {
        let (tx, rx) = mpsc::unbounded();
        inner.sockets.insert(socket, tx);
        let weak = Rc::downgrade(&self.inner);
        wasm_bindgen_futures::spawn_local(run_socket(weak, socket, url, protocols, rx));
    }

    fn start_timer(&self, inner: &mut Inner, timer: TimerId, delay_ms: u64) {
        let weak = Rc::downgrade(&self.inner);
        let ms = u32::try_from(delay_ms).unwrap_or(u32::MAX);
        let timeout = Timeout::new(ms, move || {
            if let Some(c) = upgrade(&weak) {
                c.input(move |m| m.timer_fired(timer));
            }
        });
        inner.timers.insert(timer, timeout);
    }

    /// Asks the token source for a fresh token; the machine gets it, or the failure.
    fn fetch_token(&self, inner: &Inner) {
        let fetch = (inner.token_source)();
        let weak = Rc::downgrade(&self.inner);
        wasm_bindgen_futures::spawn_local(async move {
            let token = fetch.await;
            if let Some(c) = upgrade(&weak) {
                match token {
                    Some(t) => c.input(move |m| m.token_refreshed(t)),
                    None => c.input(Machine::token_refresh_failed),
                }
            }
        });
    }
}

/// A call to subscribers, made after the client's borrow ends.
type Notify = Box<dyn FnOnce()>;

impl Inner {
    /// Passes a command to a socket's task (a socket already gone is ignored).
    fn command(&self, socket: SocketId, command: Command) {
        if let Some(tx) = self.sockets.get(&socket) {
            let _ = tx.unbounded_send(command);
        }
    }

    fn auth_failed(&self) -> Notify {
        let callback = self.on_auth_failed.clone();
        Box::new(move || callback.emit(()))
    }

    /// The event to everyone subscribed to its name or to `*`.
    fn deliver_event(&self, envelope: Envelope) -> Notify {
        let name = envelope.event.name();
        let subscribers: Vec<Callback<Envelope>> = self
            .event_subs
            .iter()
            .filter(|(_, n, _)| n == name || n == "*")
            .map(|(_, _, cb)| cb.clone())
            .collect();
        Box::new(move || {
            for cb in subscribers {
                cb.emit(envelope.clone());
            }
        })
    }

    fn deliver_status(&self, status: Status) -> Notify {
        let subscribers: Vec<Callback<Status>> =
            self.status_subs.iter().map(|(_, cb)| cb.clone()).collect();
        Box::new(move || {
            for cb in subscribers {
                cb.emit(status);
            }
        })
    }
}

fn upgrade(weak: &Weak<RefCell<Inner>>) -> Option<WsClient> {
    weak.upgrade().map(|inner| WsClient { inner })
}

/// One socket's life: open, report `opened`, pass frames in and commands out, report
/// the close code.
async fn run_socket(
    weak: Weak<RefCell<Inner>>,
    id: SocketId,
    url: String,
    protocols: Vec<String>,
    mut commands: mpsc::UnboundedReceiver<Command>,
) {
    let report = |f: Input| {
        if let Some(c) = upgrade(&weak) {
            c.input(f);
        }
    };
    let opened = if protocols.is_empty() {
        WebSocket::open(&url)
    } else {
        WebSocket::open_with_protocols(&url, &protocols)
    };
    let mut ws = match opened {
        Ok(ws) => ws,
        Err(_) => {
            report(Box::new(move |m| m.closed(id, 1006)));
            return;
        }
    };
    // `poll_ready` resolves once the socket left CONNECTING (open, or failed).
    let _ = futures::future::poll_fn(|cx| ws.poll_ready_unpin(cx)).await;
    if matches!(ws.state(), State::Open) {
        report(Box::new(move |m| m.opened(id)));
    }
    let code = loop {
        let next = {
            let incoming = ws.next();
            let command = commands.next();
            match select(incoming, command).await {
                Either::Left((msg, _)) => Either::Left(msg),
                Either::Right((cmd, _)) => Either::Right(cmd),
            }
        };
        match next {
            Either::Left(Some(Ok(Message::Text(text)))) => {
                report(Box::new(move |m| m.frame(id, &text)));
            }
            Either::Left(Some(Ok(Message::Bytes(_)))) => {}
            Either::Left(Some(Err(WebSocketError::ConnectionClose(e)))) => break e.code,
            Either::Left(Some(Err(_))) => {}
            Either::Left(None) => break 1006,
            Either::Right(Some(Command::Send(text))) => {
                if ws.send(Message::Text(text)).await.is_err() {
                    // The close event follows.
                }
            }
            // The machine already forgot this socket: close and end quietly.
            Either::Right(Some(Command::Close(code, reason))) => {
                let _ = ws.close(Some(code), Some(reason));
                return;
            }
            Either::Right(None) => {
                let _ = ws.close(Some(1000), Some("Client gone"));
                return;
            }
        }
    };
    report(Box::new(move |m| m.closed(id, code)));
}
