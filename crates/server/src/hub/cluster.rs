//! The hub on a cluster's bus ([`Bus::Postgres`]): durable events through the
//! events table, delivery of what the listener ([`crate::cluster`]) loads, and
//! connections whose preamble is read from the table.
//!
//! A connection is added *held* (frames for it are kept aside), then the table is
//! read in one snapshot (the user's head seq and the events after `last_seq`), then
//! it goes live: the held frames newer than the snapshot's head follow the replay.
//! Every event committed after the snapshot has a higher seq than its head (the
//! store's guarantee), and reaches the listener after the connection was added, so
//! nothing falls between the replay and the live queue, and nothing comes twice
//! (each connection skips seqs it has, see `ConnSlot::after`).

use std::sync::Arc;

use axum::extract::ws::Utf8Bytes;
use nps_protocol::event::{RESYNC_EPOCH_MISMATCH, RESYNC_EVENTS_EVICTED, RESYNC_INVALID_RESUME};
use nps_protocol::{Envelope, Event, ResyncRequired, Welcome};
use nps_store::postgres::{MAX_EVENTS_PER_CALL, StoredEvent};
use nps_store::{PgStore, StoreError};
use tokio::sync::{mpsc, oneshot};

use super::{
    Bus, ConnGuard, ConnectError, Hub, Registration, Resume, SERVER_VERSION, TooManyConnections,
    UserSlot, encode, unix_now_f64,
};

/// What the table says a new connection starts with.
struct Start {
    /// The user's seq in the snapshot (welcome's `seq`).
    head: u64,
    /// The events after `last_seq`, oldest first.
    replay: Vec<StoredEvent>,
    /// Why the resume cannot be served, if it cannot.
    resync: Option<&'static str>,
}

/// A connection added held, before its preamble is known.
struct Held {
    guard: ConnGuard,
    frames: mpsc::Receiver<Utf8Bytes>,
    kicked: oneshot::Receiver<nps_protocol::close::Close>,
}

/// The event of a stored row, or `None` (logged) for a name this build does not
/// know: a newer node's event is skipped, not sent half-understood.
fn event_of(stored: &StoredEvent) -> Option<Event> {
    let value = serde_json::json!({ "event": stored.name, "data": stored.payload });
    match serde_json::from_value(value) {
        Ok(event) => Some(event),
        Err(e) => {
            tracing::warn!(id = stored.id, name = stored.name, error = %e, "stored event skipped");
            None
        }
    }
}

/// The envelope's `ts` of a stored event: when it was appended.
fn ts_of(stored: &StoredEvent) -> f64 {
    // Milliseconds since 1970 fit an f64 exactly.
    stored.created_unix_ms as f64 / 1000.0
}

/// The `name` and `data` of an event, as the events table keeps them.
pub(super) fn parts_of(event: &Event) -> Result<serde_json::Value, StoreError> {
    let mut value = serde_json::to_value(event).map_err(|source| StoreError::Json {
        what: "event",
        source,
    })?;
    Ok(value
        .get_mut("data")
        .map(serde_json::Value::take)
        .unwrap_or_default())
}

/// Reads what a connection of `user_id` asking for `resume` starts with.
async fn read_start(
    store: &PgStore,
    user_id: &str,
    resume: Resume,
    epoch: u64,
) -> Result<Start, StoreError> {
    let last_seq = match resume {
        Resume::From {
            last_seq,
            epoch: Some(e),
        } if e == epoch => last_seq,
        other => {
            let resync = match other {
                Resume::Fresh => None,
                Resume::Invalid => Some(RESYNC_INVALID_RESUME),
                Resume::From { .. } => Some(RESYNC_EPOCH_MISMATCH),
            };
            let head = store.current_seq(user_id).await?;
            return Ok(Start {
                head,
                replay: Vec::new(),
                resync,
            });
        }
    };
    let page = store
        .events_since(user_id, last_seq, MAX_EVENTS_PER_CALL)
        .await?;
    // Retention keeps far fewer than a page per user (256 of theirs and 256
    // broadcasts): a full page means a client so far behind it must resync.
    let resync = if last_seq > page.head_seq {
        Some(RESYNC_INVALID_RESUME)
    } else if !page.complete || page.events.len() >= MAX_EVENTS_PER_CALL as usize {
        Some(RESYNC_EVENTS_EVICTED)
    } else {
        None
    };
    Ok(Start {
        head: page.head_seq,
        replay: if resync.is_some() {
            Vec::new()
        } else {
            page.events
        },
        resync,
    })
}

impl Hub {
    /// The cluster's store, on [`Bus::Postgres`].
    pub fn cluster_store(&self) -> Option<&Arc<PgStore>> {
        match &self.shared.bus {
            Bus::Local => None,
            Bus::Postgres(store) => Some(store),
        }
    }

    /// Sends a durable event (`reading_complete`, `reading_error`) to every
    /// connection of `user_id`, on every node; returns its seq. On the local bus
    /// this is [`Hub::send_to_user`]. On [`Bus::Postgres`] it is appended (durable
    /// and replayable when this returns) and reaches the sockets through each
    /// node's listener; `Unavailable` when the database cannot be reached.
    pub async fn publish_to_user(&self, user_id: &str, event: Event) -> Result<u64, StoreError> {
        let Bus::Postgres(store) = &self.shared.bus else {
            return Ok(self.send_to_user(user_id, event));
        };
        let data = parts_of(&event)?;
        Ok(store.append_event(user_id, event.name(), &data).await?.seq)
    }

    /// Registers a connection of `user_id`: [`Hub::register`] on the local bus;
    /// on [`Bus::Postgres`] the welcome's seq and the replay come from the events
    /// table (see the module docs).
    pub async fn connect(
        &self,
        user_id: &str,
        resume: Resume,
    ) -> Result<Registration, ConnectError> {
        let Bus::Postgres(store) = &self.shared.bus else {
            return Ok(self.register(user_id, resume)?);
        };
        let held = self.add_held(user_id)?;
        // On an error `held` drops here, and its guard unregisters it.
        let start = read_start(store, user_id, resume, self.shared.epoch).await?;
        Ok(self.go_live(held, start))
    }

    /// Adds a held connection of `user_id` (see the module docs).
    fn add_held(&self, user_id: &str) -> Result<Held, TooManyConnections> {
        let limits = self.shared.limits;
        let mut guard = self.lock();
        let st = &mut *guard;
        let slot = st
            .users
            .entry(user_id.to_owned())
            .or_insert_with(|| UserSlot::new(0));
        if slot.conns.len() >= limits.per_user {
            return Err(TooManyConnections);
        }
        let id = st.next_conn_id;
        st.next_conn_id += 1;
        let (frames, kicked) = slot.add_conn(id, &limits, 0, true);
        st.connections += 1;
        Ok(Held {
            guard: ConnGuard {
                hub: self.clone(),
                user_id: user_id.to_owned(),
                id,
            },
            frames,
            kicked,
        })
    }

    /// Makes a held connection live: welcome, the replay or `resync_required`,
    /// then what was held that is newer than the snapshot.
    fn go_live(&self, held: Held, start: Start) -> Registration {
        let Start {
            head,
            replay,
            resync,
        } = start;
        let ts = unix_now_f64();
        let user_id = held.guard.user_id.clone();
        let welcome = Event::Welcome(Welcome {
            user_id: user_id.clone(),
            server_version: SERVER_VERSION.to_owned(),
            heartbeat_secs: self.shared.limits.heartbeat_secs,
            epoch: self.shared.epoch,
            seq: head,
        });
        let mut preamble: Vec<Utf8Bytes> = encode(&Envelope::new(welcome, head, ts))
            .into_iter()
            .collect();
        if let Some(reason) = resync {
            let resync = Event::ResyncRequired(ResyncRequired {
                reason: reason.to_owned(),
            });
            preamble.extend(encode(&Envelope::new(resync, head, ts)));
        }
        for stored in &replay {
            if let Some(event) = event_of(stored) {
                preamble.extend(encode(&Envelope::new(event, stored.seq, ts_of(stored))));
            }
        }
        let mut guard = self.lock();
        if let Some(slot) = guard.users.get_mut(&user_id) {
            slot.seq = slot.seq.max(head);
            // Gone if it was kicked while held (its `kicked` fires).
            if let Some(conn) = slot.conns.iter_mut().find(|c| c.id == held.guard.id) {
                conn.after = conn.after.max(head);
                let kept = conn.held.take().unwrap_or_default();
                preamble.extend(
                    kept.into_iter()
                        .filter(|(seq, _)| seq.is_none_or(|s| s > head))
                        .map(|(_, frame)| frame),
                );
            }
        }
        drop(guard);
        Registration {
            guard: held.guard,
            preamble,
            frames: held.frames,
            kicked: held.kicked,
            seq: head,
        }
    }

    /// Delivers events loaded from the table to this node's connections: a
    /// user's to that user's, a broadcast to everyone's, each connection getting
    /// only seqs newer than it has. With `only_user`, to that user's connections
    /// only (catching one user up). Returns how many connections took one.
    ///
    /// Every node loads every event, and most are for users connected elsewhere:
    /// those are skipped before they are decoded, and the ones kept are decoded and
    /// framed outside the hub's lock. (A connection added after the first look
    /// cannot miss one: it reads its own snapshot, see the module docs.)
    pub fn deliver_stored(&self, events: &[StoredEvent], only_user: Option<&str>) -> usize {
        let wanted: Vec<&StoredEvent> = {
            let st = self.lock();
            events
                .iter()
                .filter(|stored| match stored.user_id.as_deref() {
                    Some(user_id) => {
                        only_user.is_none_or(|only| only == user_id)
                            && st.users.contains_key(user_id)
                    }
                    None => only_user.is_none_or(|only| st.users.contains_key(only)),
                })
                .collect()
        };
        let frames: Vec<(&StoredEvent, Utf8Bytes)> = wanted
            .into_iter()
            .filter_map(|stored| {
                let event = event_of(stored)?;
                Some((
                    stored,
                    encode(&Envelope::new(event, stored.seq, ts_of(stored)))?,
                ))
            })
            .collect();
        let limits = self.shared.limits;
        let mut guard = self.lock();
        let st = &mut *guard;
        let mut delivered = 0;
        for (stored, frame) in &frames {
            let seq = stored.seq;
            match stored.user_id.as_deref().or(only_user) {
                Some(user_id) => {
                    let Some(slot) = st.users.get_mut(user_id) else {
                        continue; // gone meanwhile
                    };
                    slot.seq = slot.seq.max(seq);
                    delivered +=
                        slot.deliver(frame, Some(seq), &limits, user_id, &mut st.connections);
                }
                None => {
                    for (user_id, slot) in &mut st.users {
                        slot.seq = slot.seq.max(seq);
                        delivered +=
                            slot.deliver(frame, Some(seq), &limits, user_id, &mut st.connections);
                    }
                }
            }
        }
        delivered
    }

    /// The users with a live connection here, each with the oldest seq one of
    /// their live connections has: where catching them up from the table starts.
    /// (A held connection reads its own snapshot.)
    pub fn connected_users(&self) -> Vec<(String, u64)> {
        let st = self.lock();
        st.users
            .iter()
            .filter_map(|(user_id, slot)| {
                let live = slot.conns.iter().filter(|c| c.held.is_none());
                let oldest = live.map(|c| c.after).min()?;
                Some((user_id.clone(), oldest))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use nps_protocol::DailyReading;

    use super::*;
    use crate::config::Config;

    fn stored(id: i64, user_id: Option<&str>, seq: u64, event: &Event) -> StoredEvent {
        StoredEvent {
            id,
            user_id: user_id.map(str::to_owned),
            seq,
            name: event.name().to_owned(),
            payload: parts_of(event).expect("serializable"),
            created_unix_ms: 1_795_639_650_015,
        }
    }

    fn daily(date: &str) -> Event {
        Event::DailyReading(DailyReading {
            date: date.into(),
            insight: "«روز»".into(),
            lucky_numbers: vec!["۷".into()],
            locale: "fa".into(),
        })
    }

    fn drained(rx: &mut mpsc::Receiver<Utf8Bytes>) -> Vec<(u64, Event)> {
        std::iter::from_fn(|| rx.try_recv().ok())
            .map(|f| {
                let e = Envelope::from_json(f.as_str()).expect("an envelope");
                (e.seq, e.event)
            })
            .collect()
    }

    #[test]
    fn stored_events_reach_their_addressees_once_each() {
        let hub = Hub::new(&Config::new(vec![1; 32]));
        let mut alice = hub.register("alice", Resume::Fresh).expect("alice");
        let mut bob = hub.register("bob", Resume::Fresh).expect("bob");
        let rows = [
            stored(1, Some("alice"), 5, &daily("2031-01-01")),
            stored(2, Some("bob"), 6, &daily("2031-01-02")),
            stored(3, None, 7, &daily("2031-01-03")),
        ];
        assert_eq!(hub.deliver_stored(&rows, None), 4);
        let got = drained(&mut alice.frames);
        assert_eq!(
            got,
            [(5, daily("2031-01-01")), (7, daily("2031-01-03"))],
            "alice: hers and the broadcast, with the table's seqs"
        );
        assert_eq!(
            drained(&mut bob.frames)
                .iter()
                .map(|e| e.0)
                .collect::<Vec<_>>(),
            [6, 7]
        );
        // The same rows again (a catch-up overlapping live delivery): nothing twice.
        assert_eq!(hub.deliver_stored(&rows, None), 0);
        // Catching up one user delivers a broadcast to that user only.
        let later = [stored(4, None, 9, &daily("2031-01-04"))];
        assert_eq!(hub.deliver_stored(&later, Some("bob")), 1);
        assert!(drained(&mut alice.frames).is_empty());
        assert_eq!(drained(&mut bob.frames)[0].0, 9);
        assert_eq!(hub.connected_users().len(), 2);
    }

    #[test]
    fn an_event_name_this_build_does_not_know_is_skipped() {
        let hub = Hub::new(&Config::new(vec![1; 32]));
        let mut alice = hub.register("alice", Resume::Fresh).expect("alice");
        let mut row = stored(1, Some("alice"), 3, &daily("2031-01-01"));
        row.name = "from_a_newer_node".into();
        assert_eq!(hub.deliver_stored(&[row], None), 0);
        assert!(drained(&mut alice.frames).is_empty());
    }
}
