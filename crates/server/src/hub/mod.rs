//! The hub: who is connected, per-user routing, broadcast and the resume buffer
//! (DESIGN §3, fixes 1, 5 and 6 of §7).
//!
//! # Model
//!
//! - Each user (a token's `sub`) has a *slot*: a monotonic `seq`, a bounded
//!   replay buffer of the envelopes sent to them (at most `replay_capacity`
//!   events, none older than `replay_max_age`), and their open connections.
//! - Each connection has a bounded queue (`send_queue_capacity` frames). The hub
//!   only ever `try_send`s: a full queue closes *that* connection with 4008 and
//!   removes it; the caller and every other connection are never blocked.
//! - [`Hub::send_to_user`] gives the event the user's next seq, buffers it and
//!   queues it to that user's connections only.
//! - [`Hub::broadcast`] is `send_to_user` for every user the hub holds a slot
//!   for (connected now, or disconnected within the replay window): each user
//!   gets the event with *their own* next seq, so resume works the same for
//!   broadcasts. Seq is never global.
//! - `welcome` and `resync_required` are per connection and not buffered; their
//!   envelope carries the user's current seq without advancing it.
//!
//! # Seq and resume
//!
//! Within one `epoch` (random per process, at most 2^53 − 1 so JavaScript reads
//! it exactly) a user's seq only grows. A slot that has no connection and no
//! buffered event is dropped by [`Hub::prune`]; if the user comes back, the new
//! slot starts at the highest seq the hub ever issued, so seq still never goes
//! backwards for any user. The buffer always holds exactly the events with
//! `floor < seq <= current`; a resume from `last_seq = N` is served iff the
//! epoch matches and `floor <= N <= current`, otherwise the connection gets
//! `resync_required`.
//!
//! # The bus: one process, or a cluster
//!
//! Where events go past this process is the hub's [`Bus`]:
//!
//! - [`Bus::Local`] (SQLite; the default): everything above, in memory.
//! - [`Bus::Postgres`] (a cluster): the *durable* events — `reading_complete`,
//!   `reading_error` ([`Hub::publish_to_user`]; a `reading_complete` commits with
//!   its reading, [`ReadingReporter::store_and_complete`]) and `daily_reading` — are appended to
//!   the database's events table, which gives them their seq (per user, monotonic
//!   across nodes), and every node's listener ([`crate::cluster`]) hands them back to
//!   [`Hub::deliver_stored`] for its local sockets. The epoch is the cluster's. A
//!   resume is served from the table ([`Hub::connect`]), so it works on any node
//!   within the table's retention. `reading_started` and `reading_progress` stay on
//!   the node that runs the reading (the requester's sockets there): they are
//!   superseded within a second by the durable `reading_complete`/`reading_error`,
//!   and a round trip through the database for each would cost more than they are
//!   worth. They carry the user's current seq without advancing it (like
//!   `welcome`) and are not replayed. The per-user slot then holds no replay
//!   buffer; its `seq` is the newest durable seq delivered on this node.
//!
//! All methods are synchronous and take a `std::sync::Mutex` for a few
//! microseconds (never across `.await`), so they may be called from async
//! handlers and from blocking threads (a reading's progress callback) alike.

use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasher, Hasher};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::extract::ws::Utf8Bytes;
use nps_protocol::close::{self, Close};
use nps_protocol::event::{RESYNC_EPOCH_MISMATCH, RESYNC_EVENTS_EVICTED, RESYNC_INVALID_RESUME};
use nps_protocol::{
    Envelope, Event, ReadingComplete, ReadingError, ReadingProgress, ReadingStarted,
    ResyncRequired, SignType, Step, Welcome,
};
use nps_store::{NewReading, PgStore, Store, StoreError, StoredReading};
use tokio::sync::mpsc::error::TrySendError;
use tokio::sync::{mpsc, oneshot};

use crate::config::Config;

mod cluster;

/// Identifies one connection within the hub.
pub type ConnId = u64;

/// The server's version, as `welcome` and `/api/health` report it.
pub const SERVER_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Per-user routing, broadcast and resume buffer. Cheap to clone (an `Arc`).
#[derive(Clone)]
pub struct Hub {
    shared: Arc<Shared>,
}

struct Shared {
    state: Mutex<State>,
    limits: Limits,
    epoch: u64,
    bus: Bus,
}

/// Where the hub's events travel beyond this process (see the module docs).
#[derive(Clone, Debug, Default)]
pub enum Bus {
    /// This process only.
    #[default]
    Local,
    /// A cluster's PostgreSQL: durable events go through its events table.
    Postgres(Arc<PgStore>),
}

#[derive(Clone, Copy, Debug)]
struct Limits {
    per_user: usize,
    queue_capacity: usize,
    replay_capacity: usize,
    replay_max_age: Duration,
    heartbeat_secs: u64,
}

#[derive(Default)]
struct State {
    users: HashMap<String, UserSlot>,
    connections: usize,
    next_conn_id: ConnId,
    /// The highest seq issued to anyone; new slots start here.
    high_water: u64,
}

struct UserSlot {
    /// Seq of the newest event addressed to this user.
    seq: u64,
    /// Every event with seq <= floor is gone (evicted, or before this slot).
    floor: u64,
    /// Exactly the events with floor < seq <= self.seq, oldest first.
    replay: VecDeque<Stored>,
    conns: Vec<ConnSlot>,
}

struct Stored {
    seq: u64,
    at: Instant,
    frame: Utf8Bytes,
}

struct ConnSlot {
    id: ConnId,
    tx: mpsc::Sender<Utf8Bytes>,
    kick: oneshot::Sender<Close>,
    /// Cluster only, while [`Hub::connect`] reads the table: the frames that came
    /// meanwhile (durable ones with their seq), at most `queue_capacity`. `None`:
    /// live, frames go to `tx`.
    held: Option<Vec<(Option<u64>, Utf8Bytes)>>,
    /// The seq of the newest event this connection has (in its preamble or
    /// queued); an event with a seq not above it is not sent again.
    after: u64,
}

/// What a connecting client asked for in `?last_seq=&epoch=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resume {
    /// No `last_seq`: a fresh start.
    Fresh,
    /// Replay what came after `last_seq`, if `epoch` is still current.
    From { last_seq: u64, epoch: Option<u64> },
    /// `last_seq` or `epoch` present but unparsable.
    Invalid,
}

/// The user already has `max_connections_per_user` connections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("too many connections for this user")]
pub struct TooManyConnections;

/// Why [`Hub::connect`] refused a connection.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error(transparent)]
    TooMany(#[from] TooManyConnections),
    /// Cluster only: the events table could not be read (close 1013).
    #[error("cannot read the events: {0}")]
    Store(#[from] StoreError),
}

/// A registered connection: what the socket task needs.
#[derive(Debug)]
pub struct Registration {
    /// Unregisters on drop.
    pub guard: ConnGuard,
    /// Frames to send first, in order: `welcome`, then the replayed events or
    /// `resync_required`.
    pub preamble: Vec<Utf8Bytes>,
    /// Live frames (bounded, `send_queue_capacity`).
    pub frames: mpsc::Receiver<Utf8Bytes>,
    /// Fires when the hub drops this connection (4008 on overflow).
    pub kicked: oneshot::Receiver<Close>,
    /// The user's seq when the connection was registered (welcome's `seq`).
    pub seq: u64,
}

/// Removes its connection from the hub when dropped.
#[derive(Debug)]
pub struct ConnGuard {
    hub: Hub,
    user_id: String,
    id: ConnId,
}

impl ConnGuard {
    pub fn id(&self) -> ConnId {
        self.id
    }
}

impl Drop for ConnGuard {
    fn drop(&mut self) {
        self.hub.unregister(&self.user_id, self.id);
    }
}

impl std::fmt::Debug for Hub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let st = self.lock();
        f.debug_struct("Hub")
            .field("epoch", &self.shared.epoch)
            .field("users", &st.users.len())
            .field("connections", &st.connections)
            .finish_non_exhaustive()
    }
}

/// Unix time in seconds with sub-second precision (`ts` of the envelope).
pub fn unix_now_f64() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

/// A random, non-zero epoch below 2^53 (exact as a JavaScript number).
fn new_epoch() -> u64 {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    (h.finish() & ((1 << 53) - 1)).max(1)
}

/// An event serialized once for many envelopes: `{"event":…,"data":…` without the
/// closing brace, and the JSON of `ts`.
struct SharedEvent {
    head: String,
    ts: String,
}

impl SharedEvent {
    fn new(event: &Event, ts: f64) -> Option<Self> {
        let mut head = match serde_json::to_string(event) {
            Ok(text) => text,
            Err(e) => {
                tracing::error!(error = %e, event = event.name(), "event not serializable");
                return None;
            }
        };
        // `{"event":…,"data":…}` → drop the closing brace; `frame` appends seq and ts.
        head.pop();
        Some(Self {
            head,
            ts: serde_json::to_string(&ts).ok()?,
        })
    }

    /// The envelope with `seq`: byte for byte what serializing an [`Envelope`] gives.
    fn frame(&self, seq: u64) -> Utf8Bytes {
        let mut text = String::with_capacity(self.head.len() + 40);
        text.push_str(&self.head);
        text.push_str(",\"seq\":");
        text.push_str(&seq.to_string());
        text.push_str(",\"ts\":");
        text.push_str(&self.ts);
        text.push('}');
        Utf8Bytes::from(text)
    }
}

fn encode(envelope: &Envelope) -> Option<Utf8Bytes> {
    match serde_json::to_string(envelope) {
        Ok(text) => Some(Utf8Bytes::from(text)),
        Err(e) => {
            tracing::error!(error = %e, event = envelope.event.name(), "event not serializable");
            None
        }
    }
}

/// The slot of `user_id`, created (starting at `high_water`) if the hub holds none.
fn slot_of<'a>(
    users: &'a mut HashMap<String, UserSlot>,
    user_id: &str,
    high_water: u64,
) -> &'a mut UserSlot {
    users
        .entry(user_id.to_owned())
        .or_insert_with(|| UserSlot::new(high_water))
}

impl UserSlot {
    fn new(base: u64) -> Self {
        Self {
            seq: base,
            floor: base,
            replay: VecDeque::new(),
            conns: Vec::new(),
        }
    }

    /// Gives the next event addressed to this user its seq, and raises `high_water`
    /// (the hub's highest seq) to it.
    fn next_seq(&mut self, high_water: &mut u64) -> u64 {
        self.seq += 1;
        *high_water = (*high_water).max(self.seq);
        self.seq
    }

    /// Keeps `frame` (event `seq`, sent `now`) for resume, and drops what the
    /// limits no longer keep.
    fn buffer(&mut self, seq: u64, now: Instant, frame: &Utf8Bytes, limits: &Limits) {
        self.replay.push_back(Stored {
            seq,
            at: now,
            frame: frame.clone(),
        });
        self.evict_old(limits, now);
    }

    fn evict_old(&mut self, limits: &Limits, now: Instant) {
        while let Some(front) = self.replay.front() {
            let too_many = self.replay.len() > limits.replay_capacity;
            let too_old = now.saturating_duration_since(front.at) > limits.replay_max_age;
            if !(too_many || too_old) {
                break;
            }
            self.floor = front.seq;
            self.replay.pop_front();
        }
    }

    /// Adds connection `id`, live or held (a cluster's, while its preamble is
    /// read), having everything up to seq `after`; its queue and kick receivers.
    fn add_conn(
        &mut self,
        id: ConnId,
        limits: &Limits,
        after: u64,
        held: bool,
    ) -> (mpsc::Receiver<Utf8Bytes>, oneshot::Receiver<Close>) {
        let (tx, frames) = mpsc::channel(limits.queue_capacity);
        let (kick, kicked) = oneshot::channel();
        self.conns.push(ConnSlot {
            id,
            tx,
            kick,
            held: held.then(Vec::new),
            after,
        });
        (frames, kicked)
    }

    /// The frames after `last_seq`, or why they cannot be served.
    fn replay_after(&self, last_seq: u64) -> Result<Vec<Utf8Bytes>, &'static str> {
        if last_seq > self.seq {
            return Err(RESYNC_INVALID_RESUME);
        }
        if last_seq < self.floor {
            return Err(RESYNC_EVENTS_EVICTED);
        }
        Ok(self
            .replay
            .iter()
            .filter(|s| s.seq > last_seq)
            .map(|s| s.frame.clone())
            .collect())
    }

    /// Queues `frame` to every connection; returns how many took it. A full
    /// queue gets its connection kicked (4008) and removed.
    fn deliver(
        &mut self,
        frame: &Utf8Bytes,
        seq: Option<u64>,
        limits: &Limits,
        user_id: &str,
        connections: &mut usize,
    ) -> usize {
        let mut delivered = 0;
        let mut i = 0;
        while i < self.conns.len() {
            let conn = &mut self.conns[i];
            if let Some(seq) = seq {
                if seq <= conn.after {
                    i += 1; // it has this one already (a cluster's replay)
                    continue;
                }
                conn.after = seq;
            }
            let sent = match &mut conn.held {
                None => conn.tx.try_send(frame.clone()),
                Some(held) if held.len() < limits.queue_capacity => {
                    held.push((seq, frame.clone()));
                    Ok(())
                }
                Some(_) => Err(TrySendError::Full(frame.clone())),
            };
            match sent {
                Ok(()) => {
                    delivered += 1;
                    i += 1;
                }
                Err(err) => {
                    let conn = self.conns.swap_remove(i);
                    *connections = connections.saturating_sub(1);
                    if let TrySendError::Full(_) = err {
                        tracing::warn!(
                            user_id,
                            conn = conn.id,
                            "send queue full; closing slow connection (4008)"
                        );
                        // The socket may already be gone; nothing to do then.
                        let _ = conn.kick.send(close::TOO_SLOW);
                    }
                }
            }
        }
        delivered
    }
}

impl Hub {
    /// A hub with the bounds of `config`, a fresh epoch and the local bus.
    pub fn new(config: &Config) -> Self {
        Self::with_bus(config, Bus::Local)
    }

    /// A hub with the bounds of `config` on `bus`; its epoch is the cluster's on
    /// [`Bus::Postgres`], else fresh.
    pub fn with_bus(config: &Config, bus: Bus) -> Self {
        let epoch = match &bus {
            Bus::Local => new_epoch(),
            Bus::Postgres(store) => store.epoch(),
        };
        Self {
            shared: Arc::new(Shared {
                state: Mutex::new(State::default()),
                limits: Limits {
                    per_user: config.max_connections_per_user,
                    queue_capacity: config.send_queue_capacity.max(1),
                    replay_capacity: config.replay_capacity,
                    replay_max_age: config.replay_max_age,
                    heartbeat_secs: config.heartbeat_secs(),
                },
                epoch,
                bus,
            }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave the state half-updated in
        // a way that matters more than losing the hub, so keep going.
        self.shared
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Where events travel beyond this process.
    pub fn bus(&self) -> &Bus {
        &self.shared.bus
    }

    /// The epoch: fixed for the life of the hub; random per start on the local
    /// bus, the cluster's on PostgreSQL.
    pub fn epoch(&self) -> u64 {
        self.shared.epoch
    }

    /// Open connections, all users.
    pub fn connection_count(&self) -> usize {
        self.lock().connections
    }

    /// Open connections of one user.
    pub fn user_connection_count(&self, user_id: &str) -> usize {
        self.lock().users.get(user_id).map_or(0, |s| s.conns.len())
    }

    /// The seq of the newest event addressed to `user_id` (what `welcome`
    /// would say now).
    pub fn current_seq(&self, user_id: &str) -> u64 {
        let st = self.lock();
        st.users.get(user_id).map_or(st.high_water, |s| s.seq)
    }

    /// Sends `event` to every connection of `user_id` (and no one else),
    /// buffering it for resume. Returns the seq it was given. Never blocks: a
    /// connection whose queue is full is closed with 4008.
    ///
    /// On [`Bus::Postgres`] this is for the node-local events only (started,
    /// progress): the event goes to this node's connections of the user with their
    /// current seq, not advanced and not buffered. Durable events go through
    /// [`Hub::publish_to_user`].
    ///
    /// The event's own `user_id` field is not checked against `user_id`;
    /// routing is by the argument.
    pub fn send_to_user(&self, user_id: &str, event: Event) -> u64 {
        if let Bus::Postgres(_) = self.shared.bus {
            return self.send_node_local(user_id, &event);
        }
        let now = Instant::now();
        let ts = unix_now_f64();
        let limits = self.shared.limits;
        let mut guard = self.lock();
        let st = &mut *guard;
        let slot = slot_of(&mut st.users, user_id, st.high_water);
        let seq = slot.next_seq(&mut st.high_water);
        let Some(frame) = encode(&Envelope::new(event, seq, ts)) else {
            // Keep the buffer contiguous: nothing before `seq` can be replayed.
            slot.replay.clear();
            slot.floor = seq;
            return seq;
        };
        slot.buffer(seq, now, &frame, &limits);
        slot.deliver(&frame, Some(seq), &limits, user_id, &mut st.connections);
        seq
    }

    /// [`Hub::send_to_user`] on a cluster's bus: to this node's connections of
    /// `user_id`, with their current seq; nothing is buffered.
    fn send_node_local(&self, user_id: &str, event: &Event) -> u64 {
        let limits = self.shared.limits;
        let mut guard = self.lock();
        let st = &mut *guard;
        let Some(slot) = st.users.get_mut(user_id) else {
            return 0; // nobody of this user is connected here
        };
        let seq = slot.seq;
        if let Some(frame) = encode(&Envelope::new(event.clone(), seq, unix_now_f64())) {
            slot.deliver(&frame, None, &limits, user_id, &mut st.connections);
        }
        seq
    }

    /// Sends `event` to every user the hub holds (see the module docs), each
    /// with their own seq. Returns the number of connections that took it.
    pub fn broadcast(&self, event: Event) -> usize {
        let now = Instant::now();
        let ts = unix_now_f64();
        let limits = self.shared.limits;
        // The event is serialized once; each user's frame only adds its own seq (10,000
        // users: one serialization instead of 10,000, all under the lock).
        let Some(shared) = SharedEvent::new(&event, ts) else {
            return 0;
        };
        let mut guard = self.lock();
        let st = &mut *guard;
        let mut delivered = 0;
        for (user_id, slot) in &mut st.users {
            let seq = slot.next_seq(&mut st.high_water);
            let frame = shared.frame(seq);
            slot.buffer(seq, now, &frame, &limits);
            delivered += slot.deliver(&frame, Some(seq), &limits, user_id, &mut st.connections);
        }
        delivered
    }

    /// Registers a connection of `user_id`. The preamble (welcome, then replay
    /// or resync) and the live queue are decided under one lock, so no event is
    /// lost or duplicated between them.
    pub fn register(
        &self,
        user_id: &str,
        resume: Resume,
    ) -> Result<Registration, TooManyConnections> {
        let now = Instant::now();
        let ts = unix_now_f64();
        let limits = self.shared.limits;
        let epoch = self.shared.epoch;
        let mut guard = self.lock();
        let st = &mut *guard;
        let slot = slot_of(&mut st.users, user_id, st.high_water);
        if slot.conns.len() >= limits.per_user {
            return Err(TooManyConnections);
        }
        slot.evict_old(&limits, now);
        let seq = slot.seq;
        let welcome = Event::Welcome(Welcome {
            user_id: user_id.to_owned(),
            server_version: SERVER_VERSION.to_owned(),
            heartbeat_secs: limits.heartbeat_secs,
            epoch,
            seq,
        });
        let mut preamble: Vec<Utf8Bytes> = encode(&Envelope::new(welcome, seq, ts))
            .into_iter()
            .collect();
        let replay = match resume {
            Resume::Fresh => Ok(Vec::new()),
            Resume::Invalid => Err(RESYNC_INVALID_RESUME),
            Resume::From { epoch: e, .. } if e != Some(epoch) => Err(RESYNC_EPOCH_MISMATCH),
            Resume::From { last_seq, .. } => slot.replay_after(last_seq),
        };
        match replay {
            Ok(frames) => preamble.extend(frames),
            Err(reason) => {
                let resync = Event::ResyncRequired(ResyncRequired {
                    reason: reason.to_owned(),
                });
                preamble.extend(encode(&Envelope::new(resync, seq, ts)));
            }
        }
        let id = st.next_conn_id;
        st.next_conn_id += 1;
        let (frames, kicked) = slot.add_conn(id, &limits, seq, false);
        st.connections += 1;
        drop(guard);
        Ok(Registration {
            guard: ConnGuard {
                hub: self.clone(),
                user_id: user_id.to_owned(),
                id,
            },
            preamble,
            frames,
            kicked,
            seq,
        })
    }

    fn unregister(&self, user_id: &str, id: ConnId) {
        let mut guard = self.lock();
        let st = &mut *guard;
        if let Some(slot) = st.users.get_mut(user_id) {
            if let Some(pos) = slot.conns.iter().position(|c| c.id == id) {
                slot.conns.swap_remove(pos);
                st.connections = st.connections.saturating_sub(1);
            }
        }
    }

    /// Drops expired buffered events, and the slots of users with no
    /// connection and nothing buffered. Returns how many slots were dropped.
    /// [`crate::serve`] calls this periodically.
    pub fn prune(&self) -> usize {
        let now = Instant::now();
        let limits = self.shared.limits;
        let mut st = self.lock();
        let before = st.users.len();
        st.users.retain(|_, slot| {
            slot.evict_old(&limits, now);
            !(slot.conns.is_empty() && slot.replay.is_empty())
        });
        before - st.users.len()
    }

    /// Starts reporting one reading to `user_id`: sends `reading_started` now and
    /// returns the reporter for the rest (see [`ReadingReporter`]).
    pub fn start_reading(
        &self,
        user_id: &str,
        request_id: &str,
        sign_type: SignType,
        message: impl Into<String>,
    ) -> ReadingReporter {
        self.send_to_user(
            user_id,
            Event::ReadingStarted(ReadingStarted::new(request_id, sign_type, message, user_id)),
        );
        ReadingReporter {
            hub: self.clone(),
            user_id: user_id.to_owned(),
            request_id: request_id.to_owned(),
            sign_type,
            progress: 0,
            reading_id: None,
            finished: false,
        }
    }
}

/// Emits one reading's events to its requester and keeps the protocol's
/// promises: progress never decreases, and the reading ends with exactly one
/// `reading_complete` or `reading_error`. Dropping an unfinished reporter
/// (an early return, `?`, a panic) sends `reading_error` with error
/// [`ReadingReporter::INTERRUPTED`]. `Send`, so a blocking engine thread can
/// own it.
#[derive(Debug)]
pub struct ReadingReporter {
    hub: Hub,
    user_id: String,
    request_id: String,
    sign_type: SignType,
    progress: u8,
    reading_id: Option<i64>,
    finished: bool,
}

impl ReadingReporter {
    /// The `error` of the `reading_error` sent when a reporter is dropped unfinished.
    pub const INTERRUPTED: &'static str = "interrupted";

    /// Sends `reading_progress`. `progress` is clamped to
    /// `[previous progress, 100]`. Returns the event's seq.
    pub fn progress(&mut self, step: Step, progress: u8, message: impl Into<String>) -> u64 {
        self.progress = progress.clamp(self.progress, 100);
        self.hub.send_to_user(
            &self.user_id,
            Event::ReadingProgress(ReadingProgress {
                request_id: self.request_id.clone(),
                reading_id: self.reading_id,
                step,
                progress: self.progress,
                message: message.into(),
                user_id: self.user_id.clone(),
            }),
        )
    }

    /// Includes `reading_id` in later progress events (once stored).
    pub fn set_reading_id(&mut self, reading_id: i64) {
        self.reading_id = Some(reading_id);
    }

    /// Sends `reading_complete`, on every node of a cluster (see
    /// [`Hub::publish_to_user`]). Call only after the reading is stored.
    pub async fn complete(
        mut self,
        reading_id: i64,
        summary: impl Into<String>,
    ) -> Result<u64, StoreError> {
        self.finished = true;
        let event = self.complete_event(reading_id, summary.into());
        self.hub.publish_to_user(&self.user_id, event).await
    }

    fn complete_event(&self, reading_id: i64, summary: String) -> Event {
        Event::ReadingComplete(ReadingComplete {
            request_id: self.request_id.clone(),
            reading_id,
            sign_type: self.sign_type,
            summary,
            user_id: self.user_id.clone(),
        })
    }

    /// Stores the reading `row` and ends the reading: the final progress (`Complete`,
    /// `progress`, `message`), then `reading_complete`. Returns the reading as stored.
    ///
    /// On the local bus: `store`'s insert, then both events. On [`Bus::Postgres`] the
    /// reading and its `reading_complete` commit in one transaction of the cluster's
    /// store (see `nps_store::PgStore::insert_reading_with_event`): a reading is never
    /// stored without its event, and the group commit takes one commit for many
    /// readings. The final progress goes to this node's sockets just before that
    /// commit, so it precedes `reading_complete` there too.
    ///
    /// On an error nothing was stored and no `reading_complete` sent: the reporter is
    /// still unfinished (end it with [`ReadingReporter::fail`]).
    pub async fn store_and_complete(
        &mut self,
        store: &dyn Store,
        row: NewReading,
        progress: u8,
        message: String,
    ) -> Result<StoredReading, StoreError> {
        let Bus::Postgres(pg) = self.hub.bus() else {
            let stored = store.insert_reading(row).await?;
            self.set_reading_id(stored.id);
            self.progress(Step::Complete, progress, message);
            self.finished = true;
            let complete = self.complete_event(stored.id, stored.summary.clone());
            self.hub.send_to_user(&self.user_id, complete);
            return Ok(stored);
        };
        let pg = Arc::clone(pg);
        let mut final_progress = ReadingProgress {
            request_id: self.request_id.clone(),
            reading_id: None,
            step: Step::Complete,
            progress: progress.clamp(self.progress, 100),
            message,
            user_id: self.user_id.clone(),
        };
        // Its id is the new reading's, set once inserted.
        let mut complete = self.complete_event(0, row.summary.clone());
        let name = complete.name();
        let hub = self.hub.clone();
        let payload_of = move |reading_id: i64| {
            final_progress.reading_id = Some(reading_id);
            let user_id = final_progress.user_id.clone();
            hub.send_node_local(&user_id, &Event::ReadingProgress(final_progress));
            if let Event::ReadingComplete(c) = &mut complete {
                c.reading_id = reading_id;
            }
            cluster::parts_of(&complete)
        };
        let (stored, _) = pg.insert_reading_with_event(row, name, payload_of).await?;
        self.finished = true;
        Ok(stored)
    }

    /// Sends `reading_error`, on every node of a cluster.
    pub async fn fail(mut self, error: impl Into<String>) -> Result<u64, StoreError> {
        self.finished = true;
        let event = self.error_event(error.into());
        self.hub.publish_to_user(&self.user_id, event).await
    }

    fn error_event(&self, error: String) -> Event {
        Event::ReadingError(ReadingError {
            request_id: self.request_id.clone(),
            error,
            sign_type: self.sign_type,
            user_id: self.user_id.clone(),
        })
    }
}

impl Drop for ReadingReporter {
    fn drop(&mut self) {
        if self.finished {
            return;
        }
        let event = self.error_event(Self::INTERRUPTED.to_owned());
        if let Bus::Local = self.hub.bus() {
            self.hub.send_to_user(&self.user_id, event);
            return;
        }
        // A cluster's append is async; a drop outside a runtime (none in the
        // server) loses the event, and the HTTP answer still tells the client.
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            let (hub, user_id) = (self.hub.clone(), self.user_id.clone());
            runtime.spawn(async move {
                if let Err(e) = hub.publish_to_user(&user_id, event).await {
                    tracing::warn!(user_id, error = %e, "reading_error not published");
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Resuming after `last_seq` in `hub`'s own epoch.
    fn resume_at(hub: &Hub, last_seq: u64) -> Resume {
        Resume::From {
            last_seq,
            epoch: Some(hub.epoch()),
        }
    }

    #[test]
    fn a_shared_event_frames_exactly_like_an_envelope() {
        let event = Event::DailyReading(nps_protocol::DailyReading {
            date: "2026-02-09".into(),
            insight: "«ماه» \"quoted\"".into(),
            lucky_numbers: vec!["۳".into(), "7".into()],
            locale: "fa".into(),
        });
        let ts = 1_795_639_650.015_439_3;
        let shared = SharedEvent::new(&event, ts).unwrap();
        for seq in [0, 1, 42, u64::MAX] {
            let direct = encode(&Envelope::new(event.clone(), seq, ts)).unwrap();
            assert_eq!(shared.frame(seq).as_str(), direct.as_str());
        }
    }
    use nps_protocol::DailyReading;

    fn config() -> Config {
        let mut c = Config::new(vec![1; 32]);
        c.send_queue_capacity = 4;
        c.replay_capacity = 3;
        c.max_connections_per_user = 2;
        c
    }

    fn resync(reason: &str) -> Event {
        Event::ResyncRequired(ResyncRequired {
            reason: reason.to_owned(),
        })
    }

    fn parse(frame: &Utf8Bytes) -> Envelope {
        Envelope::from_json(frame.as_str()).expect("valid envelope")
    }

    fn daily(n: u32) -> Event {
        Event::DailyReading(DailyReading {
            date: format!("2026-01-{n:02}"),
            insight: String::new(),
            lucky_numbers: Vec::new(),
            locale: "en".into(),
        })
    }

    fn drain(rx: &mut mpsc::Receiver<Utf8Bytes>) -> Vec<Envelope> {
        std::iter::from_fn(|| rx.try_recv().ok())
            .map(|f| parse(&f))
            .collect()
    }

    #[test]
    fn welcome_then_live_events_with_increasing_seq() {
        let hub = Hub::new(&config());
        let mut reg = hub.register("a", Resume::Fresh).expect("registered");
        assert_eq!(reg.preamble.len(), 1);
        let welcome = parse(&reg.preamble[0]);
        let Event::Welcome(w) = &welcome.event else {
            panic!("welcome first: {welcome:?}")
        };
        assert_eq!(
            (w.user_id.as_str(), w.epoch, w.seq, w.heartbeat_secs),
            ("a", hub.epoch(), 0, 30)
        );
        assert_eq!(hub.send_to_user("a", daily(1)), 1);
        assert_eq!(hub.send_to_user("a", daily(2)), 2);
        let got = drain(&mut reg.frames);
        assert_eq!(got.iter().map(|e| e.seq).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(hub.current_seq("a"), 2);
    }

    #[test]
    fn routing_is_per_user() {
        let hub = Hub::new(&config());
        let mut a1 = hub.register("a", Resume::Fresh).expect("a1");
        let mut a2 = hub.register("a", Resume::Fresh).expect("a2");
        let mut b = hub.register("b", Resume::Fresh).expect("b");
        hub.send_to_user("a", daily(1));
        assert_eq!(drain(&mut a1.frames).len(), 1);
        assert_eq!(drain(&mut a2.frames).len(), 1);
        assert!(drain(&mut b.frames).is_empty());
        assert_eq!(hub.broadcast(daily(2)), 3);
        assert_eq!(drain(&mut b.frames)[0].seq, 1, "b's own seq");
        assert_eq!(drain(&mut a1.frames)[0].seq, 2);
    }

    #[test]
    fn full_queue_kicks_only_that_connection() {
        let hub = Hub::new(&config());
        let mut slow = hub.register("a", Resume::Fresh).expect("slow");
        let mut other = hub.register("b", Resume::Fresh).expect("other");
        for i in 0..5 {
            hub.send_to_user("a", daily(i));
        }
        assert_eq!(slow.kicked.try_recv(), Ok(close::TOO_SLOW));
        assert_eq!(hub.user_connection_count("a"), 0);
        assert_eq!(hub.connection_count(), 1);
        hub.send_to_user("b", daily(1));
        assert_eq!(drain(&mut other.frames).len(), 1);
        // The kicked connection's guard drops later without double counting.
        drop(slow);
        assert_eq!(hub.connection_count(), 1);
    }

    #[test]
    fn per_user_cap() {
        let hub = Hub::new(&config());
        let _a1 = hub.register("a", Resume::Fresh).expect("a1");
        let a2 = hub.register("a", Resume::Fresh).expect("a2");
        assert_eq!(
            hub.register("a", Resume::Fresh).err(),
            Some(TooManyConnections)
        );
        assert!(hub.register("b", Resume::Fresh).is_ok());
        drop(a2);
        assert!(hub.register("a", Resume::Fresh).is_ok());
    }

    #[test]
    fn resume_replays_exactly_the_missed_events() {
        let hub = Hub::new(&config());
        for i in 1..=3 {
            hub.send_to_user("a", daily(i));
        }
        let reg = hub.register("a", resume_at(&hub, 1)).expect("registered");
        let seqs: Vec<u64> = reg.preamble.iter().map(|f| parse(f).seq).collect();
        assert_eq!(seqs, [3, 2, 3], "welcome (current seq 3), then 2 and 3");
    }

    #[test]
    fn resume_refusals() {
        let hub = Hub::new(&config());
        for i in 1..=5 {
            hub.send_to_user("a", daily(i));
        }
        let second = |resume| {
            let reg = hub.register("a", resume).expect("registered");
            parse(&reg.preamble[1]).event
        };
        assert_eq!(
            second(Resume::From {
                last_seq: 4,
                epoch: Some(hub.epoch() ^ 1)
            }),
            resync(RESYNC_EPOCH_MISMATCH)
        );
        assert_eq!(
            second(Resume::From {
                last_seq: 4,
                epoch: None
            }),
            resync(RESYNC_EPOCH_MISMATCH)
        );
        // Capacity 3 holds 3..=5; last_seq 1 missed 2.
        assert_eq!(second(resume_at(&hub, 1)), resync(RESYNC_EVENTS_EVICTED));
        assert_eq!(second(resume_at(&hub, 9)), resync(RESYNC_INVALID_RESUME));
        assert_eq!(second(Resume::Invalid), resync(RESYNC_INVALID_RESUME));
        // last_seq 2 is exactly the floor: 3, 4, 5 are all held.
        let reg = hub.register("a", resume_at(&hub, 2)).expect("registered");
        assert_eq!(reg.preamble.len(), 4);
    }

    #[test]
    fn age_eviction_and_prune() {
        let mut c = config();
        c.replay_max_age = Duration::from_millis(20);
        let hub = Hub::new(&c);
        hub.send_to_user("a", daily(1));
        std::thread::sleep(Duration::from_millis(40));
        let reg = hub.register("a", resume_at(&hub, 0)).expect("registered");
        assert_eq!(parse(&reg.preamble[1]).event, resync(RESYNC_EVENTS_EVICTED));
        assert_eq!(hub.prune(), 0, "connected users are kept");
        drop(reg);
        assert_eq!(hub.prune(), 1);
        // A new slot never goes back in seq.
        assert_eq!(hub.current_seq("a"), 1);
        assert_eq!(hub.send_to_user("a", daily(2)), 2);
    }

    #[tokio::test]
    async fn reporter_is_monotonic_and_always_finishes() {
        let mut c = config();
        c.send_queue_capacity = 16;
        let hub = Hub::new(&c);
        let mut reg = hub.register("a", Resume::Fresh).expect("registered");
        {
            let mut r = hub.start_reading("a", "req", SignType::Name, "start");
            r.progress(Step::Calculating, 50, "calc");
            r.progress(Step::Combining, 30, "combine");
            // Dropped unfinished, as on an early return.
        }
        let events: Vec<Event> = drain(&mut reg.frames)
            .into_iter()
            .map(|e| e.event)
            .collect();
        let progress: Vec<u8> = events
            .iter()
            .filter_map(|e| match e {
                Event::ReadingProgress(p) => Some(p.progress),
                _ => None,
            })
            .collect();
        assert_eq!(progress, [50, 50]);
        assert!(matches!(events.first(), Some(Event::ReadingStarted(s)) if s.request_id == "req"));
        assert!(
            matches!(events.last(), Some(Event::ReadingError(e)) if e.error == ReadingReporter::INTERRUPTED)
        );
        let mut r = hub.start_reading("a", "req2", SignType::Time, "start");
        r.set_reading_id(7);
        r.progress(Step::Complete, 100, "stored");
        assert_eq!(r.complete(7, "done").await.ok(), Some(7));
        let events: Vec<Event> = drain(&mut reg.frames)
            .into_iter()
            .map(|e| e.event)
            .collect();
        assert_eq!(events.len(), 3, "{events:?}");
        assert!(matches!(&events[1], Event::ReadingProgress(p) if p.reading_id == Some(7)));
        assert!(
            matches!(&events[2], Event::ReadingComplete(c) if c.reading_id == 7 && c.request_id == "req2")
        );
    }

    #[test]
    fn epoch_fits_javascript_numbers() {
        let hub = Hub::new(&config());
        assert!(hub.epoch() > 0 && hub.epoch() < (1 << 53));
        assert_ne!(Hub::new(&config()).epoch(), hub.epoch());
    }
}
