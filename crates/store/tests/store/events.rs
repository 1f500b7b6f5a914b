//! PostgreSQL only: the durable event table (append, replay, seq, retention)
//! and the once-per-cluster daily claim.

use std::time::Duration;

use nps_store::postgres::{AppendedEvent, EVENT_RETENTION, EVENTS_KEPT_PER_USER, StoredEvent};
use nps_store::{PgStore, StoreError};
use serde_json::json;

use crate::support::postgres::{Scratch, connect, on_both_nodes, query_value, two_nodes};

async fn store() -> (Scratch, PgStore) {
    let schema = Scratch::schema().await;
    let store = PgStore::connect(&schema.url).await.unwrap();
    (schema, store)
}

fn seqs(events: &[StoredEvent]) -> Vec<u64> {
    events.iter().map(|e| e.seq).collect()
}

async fn append(store: &PgStore, user: &str, n: i64) -> AppendedEvent {
    store
        .append_event(user, "reading_progress", &json!({ "n": n }))
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replay_is_the_users_own_events_and_the_broadcasts_in_seq_order() {
    let (_schema, store) = store().await;
    let a1 = append(&store, "alice", 1).await;
    let b1 = append(&store, "bob", 1).await;
    let all = store
        .append_broadcast(
            "daily_reading",
            &json!({ "date": "2026-11-25", "note": "روز خوب" }),
        )
        .await
        .unwrap();
    let a2 = append(&store, "alice", 2).await;
    let b2 = append(&store, "bob", 2).await;
    let a3 = append(&store, "alice", 3).await;
    assert!(
        a1.seq < b1.seq
            && b1.seq < all.seq
            && all.seq < a2.seq
            && a2.seq < b2.seq
            && b2.seq < a3.seq
    );

    let replay = store.events_since("alice", 0, 100).await.unwrap();
    assert_eq!(seqs(&replay.events), vec![a1.seq, all.seq, a2.seq, a3.seq]);
    assert_eq!((replay.head_seq, replay.complete), (a3.seq, true));
    let first = &replay.events[0];
    assert_eq!(
        (
            first.id,
            first.user_id.as_deref(),
            first.name.as_str(),
            &first.payload
        ),
        (a1.id, Some("alice"), "reading_progress", &json!({ "n": 1 }))
    );
    let broadcast = &replay.events[1];
    assert_eq!(
        (
            broadcast.id,
            broadcast.user_id.as_deref(),
            broadcast.name.as_str()
        ),
        (all.id, None, "daily_reading")
    );
    assert_eq!(
        broadcast.payload,
        json!({ "date": "2026-11-25", "note": "روز خوب" })
    );
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    assert!((now_ms - 60_000..=now_ms + 60_000).contains(&first.created_unix_ms));

    // From the middle, and a page at a time.
    let rest = store.events_since("alice", all.seq, 100).await.unwrap();
    assert_eq!(seqs(&rest.events), vec![a2.seq, a3.seq]);
    let page = store.events_since("alice", 0, 2).await.unwrap();
    assert_eq!(seqs(&page.events), vec![a1.seq, all.seq]);
    let at_least_one = store.events_since("alice", 0, 0).await.unwrap();
    assert_eq!(seqs(&at_least_one.events), vec![a1.seq]);
    let up_to_date = store.events_since("alice", a3.seq, 100).await.unwrap();
    assert_eq!((up_to_date.events.len(), up_to_date.head_seq), (0, a3.seq));

    // Bob sees his own and the broadcast, never Alice's.
    let bob = store.events_since("bob", 0, 100).await.unwrap();
    assert_eq!(seqs(&bob.events), vec![b1.seq, all.seq, b2.seq]);
    // Someone who never got an event of their own: the broadcast's seq.
    assert_eq!(store.current_seq("carol").await.unwrap(), all.seq);
    assert_eq!(store.current_seq("alice").await.unwrap(), a3.seq);
    let carol = store.events_since("carol", 0, 100).await.unwrap();
    assert_eq!(
        (seqs(&carol.events), carol.head_seq),
        (vec![all.seq], all.seq)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_by_id_loads_what_still_exists_in_seq_order() {
    let (_schema, store) = store().await;
    let a = append(&store, "alice", 1).await;
    let b = append(&store, "bob", 1).await;
    let got = store.events_by_id(&[b.id, 999_999, a.id]).await.unwrap();
    assert_eq!(seqs(&got), vec![a.seq, b.seq]);
    assert_eq!(store.events_by_id(&[]).await.unwrap(), vec![]);
    let too_many: Vec<i64> = (0..1_001).collect();
    assert!(matches!(
        store.events_by_id(&too_many).await,
        Err(StoreError::Invalid(_))
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_appends_are_invalid() {
    let (schema, store) = store().await;
    for (user, name) in [("", "x"), ("  ", "x"), ("u", ""), ("u", " ")] {
        assert!(matches!(
            store.append_event(user, name, &json!(1)).await,
            Err(StoreError::Invalid(_))
        ));
    }
    assert!(matches!(
        store.append_broadcast("", &json!(1)).await,
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store.events_since("", 0, 10).await,
        Err(StoreError::Invalid(_))
    ));
    let n: i64 = query_value(&schema.url, "SELECT count(*) FROM events").await;
    assert_eq!(n, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pruning_keeps_the_newest_per_user_and_tells_a_late_resume_apart() {
    let (_schema, store) = store().await;
    let mut alice = Vec::new();
    for n in 0..5 {
        alice.push(append(&store, "alice", n).await);
    }
    let bob = append(&store, "bob", 0).await;
    let all = store
        .append_broadcast("daily_reading", &json!({}))
        .await
        .unwrap();

    // Keep 3 per stream: Alice loses her 2 oldest; Bob and the broadcasts keep theirs.
    assert_eq!(
        store
            .prune_events(Duration::from_secs(3600), 3)
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        store
            .prune_events(Duration::from_secs(3600), 3)
            .await
            .unwrap(),
        0
    );

    let from_start = store.events_since("alice", 0, 100).await.unwrap();
    assert_eq!(
        seqs(&from_start.events),
        vec![alice[2].seq, alice[3].seq, alice[4].seq, all.seq]
    );
    assert!(!from_start.complete, "events after 0 were pruned");
    // A client that saw alice[1] missed nothing that was pruned.
    let from_second = store
        .events_since("alice", alice[1].seq, 100)
        .await
        .unwrap();
    assert!(from_second.complete);
    assert_eq!(from_second.events.len(), 4);
    let from_first = store
        .events_since("alice", alice[0].seq, 100)
        .await
        .unwrap();
    assert!(!from_first.complete);

    let bob_replay = store.events_since("bob", 0, 100).await.unwrap();
    assert_eq!(seqs(&bob_replay.events), vec![bob.seq, all.seq]);
    assert!(bob_replay.complete);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pruning_by_age_uses_the_database_clock_and_covers_broadcasts() {
    let (schema, store) = store().await;
    let old = append(&store, "alice", 0).await;
    let old_broadcast = store
        .append_broadcast("daily_reading", &json!({}))
        .await
        .unwrap();
    let fresh = append(&store, "alice", 1).await;
    connect(&schema.url)
        .await
        .execute(
            "UPDATE events SET created_at = now() - interval '6 minutes' WHERE id = ANY($1)",
            &[&vec![old.id, old_broadcast.id]],
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .prune_events(EVENT_RETENTION, EVENTS_KEPT_PER_USER)
            .await
            .unwrap(),
        2
    );
    let replay = store.events_since("alice", 0, 100).await.unwrap();
    assert_eq!(
        (seqs(&replay.events), replay.complete),
        (vec![fresh.seq], false)
    );
    // Bob never had an event, but a broadcast he should have had is gone.
    let bob = store.events_since("bob", 0, 100).await.unwrap();
    assert_eq!(
        (bob.events.len(), bob.complete, bob.head_seq),
        (0, false, old_broadcast.seq)
    );
    assert!(
        store
            .events_since("bob", old_broadcast.seq, 100)
            .await
            .unwrap()
            .complete
    );
    assert_eq!(
        (EVENT_RETENTION, EVENTS_KEPT_PER_USER),
        (Duration::from_secs(300), 256)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_appends_on_two_nodes_each_get_their_own_row_and_seq() {
    let schema = Scratch::schema().await;
    let nodes = two_nodes(&schema.url).await;
    // 8 tasks at once: each node commits them in shared transactions (group commit).
    let appended: Vec<_> = on_both_nodes(&nodes, 8, |node, t| async move {
        let mut mine = Vec::new();
        for n in 0..25 {
            let user = if (t + n) % 2 == 0 { "alice" } else { "bob" };
            let payload = json!({ "t": t, "n": n });
            let e = node.append_event(user, "x", &payload).await.unwrap();
            mine.push((user, payload, e));
        }
        mine
    })
    .await
    .into_iter()
    .flatten()
    .collect();
    assert_eq!(appended.len(), 200);
    // Each caller got the id and seq of its own event.
    let ids: Vec<i64> = appended.iter().map(|(_, _, e)| e.id).collect();
    let mut stored = Vec::new();
    for chunk in ids.chunks(100) {
        stored.extend(nodes[0].events_by_id(chunk).await.unwrap());
    }
    assert_eq!(stored.len(), 200);
    for (user, payload, e) in &appended {
        let row = stored.iter().find(|s| s.id == e.id).unwrap();
        assert_eq!(
            (row.user_id.as_deref(), &row.payload, row.seq),
            (Some(*user), payload, e.seq)
        );
    }
    for user in ["alice", "bob"] {
        let mut expected: Vec<u64> = appended
            .iter()
            .filter(|(u, _, _)| *u == user)
            .map(|(_, _, e)| e.seq)
            .collect();
        expected.sort_unstable();
        assert_eq!(expected.len(), 100);
        let replay = nodes[1].events_since(user, 0, 1_000).await.unwrap();
        assert_eq!(seqs(&replay.events), expected);
        assert_eq!(replay.head_seq, *expected.last().unwrap());
        assert_eq!(nodes[0].current_seq(user).await.unwrap(), replay.head_seq);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_daily_claim_goes_to_exactly_one_of_many_callers_on_two_pools() {
    let schema = Scratch::schema().await;
    let nodes = two_nodes(&schema.url).await;
    let results = on_both_nodes(&nodes, 40, |node, t| async move {
        let locale = if t % 4 < 2 { "en" } else { "fa" };
        let won = node
            .claim_daily_broadcast("2026-11-25", locale)
            .await
            .unwrap();
        (locale, won)
    })
    .await;
    for locale in ["en", "fa"] {
        let wins = results
            .iter()
            .filter(|(l, won)| *l == locale && *won)
            .count();
        assert_eq!(wins, 1, "{locale}: {results:?}");
    }
    // Another day is another claim; bad input is Invalid.
    assert!(
        nodes[0]
            .claim_daily_broadcast("2026-11-26", "en")
            .await
            .unwrap()
    );
    assert!(
        !nodes[1]
            .claim_daily_broadcast("2026-11-26", "en")
            .await
            .unwrap()
    );
    assert!(matches!(
        nodes[0].claim_daily_broadcast("2026-02-30", "en").await,
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        nodes[0].claim_daily_broadcast("2026-11-27", "").await,
        Err(StoreError::Invalid(_))
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_daily_broadcast_is_appended_once_by_concurrent_nodes() {
    let schema = Scratch::schema().await;
    let nodes = two_nodes(&schema.url).await;
    let sent: Vec<AppendedEvent> = on_both_nodes(&nodes, 20, |node, t| async move {
        node.append_daily_broadcast("2026-11-25", "en", "daily_reading", &json!({ "by": t }))
            .await
            .unwrap()
    })
    .await
    .into_iter()
    .flatten()
    .collect();
    assert_eq!(sent.len(), 1);
    let replay = nodes[0].events_since("anyone", 0, 100).await.unwrap();
    assert_eq!(seqs(&replay.events), vec![sent[0].seq]);
    // The claim is taken: claiming again says no.
    assert!(
        !nodes[1]
            .claim_daily_broadcast("2026-11-25", "en")
            .await
            .unwrap()
    );
    let n: i64 = query_value(&schema.url, "SELECT count(*) FROM daily_broadcasts").await;
    assert_eq!(n, 1);
}

/// A reading and its event commit in one transaction: both are there, the event's
/// payload has the reading's id; when the event cannot be written, neither is.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reading_and_its_event_are_written_together_or_not_at_all() {
    use nps_store::{ReadingFilter, Store};

    use crate::support::new_reading;

    let (_schema, store) = store().await;
    let (stored, appended) = store
        .insert_reading_with_event(
            new_reading("alice", "time", "one"),
            "reading_complete",
            |id| Ok(json!({ "reading_id": id })),
        )
        .await
        .unwrap();
    assert_eq!(
        store.get_reading("alice", stored.id).await.unwrap(),
        Some(stored.clone())
    );
    let replay = store.events_since("alice", 0, 100).await.unwrap();
    assert_eq!(seqs(&replay.events), [appended.seq]);
    assert_eq!(
        (replay.events[0].id, replay.events[0].name.as_str()),
        (appended.id, "reading_complete")
    );
    assert_eq!(replay.events[0].payload, json!({ "reading_id": stored.id }));

    // The event fails inside the transaction (PostgreSQL text takes no NUL): the
    // reading is not stored either.
    let failed = store
        .insert_reading_with_event(new_reading("alice", "time", "two"), "bad\0name", |id| {
            Ok(json!({ "reading_id": id }))
        })
        .await;
    assert!(failed.is_err(), "{failed:?}");
    // The payload cannot be built: nothing is written.
    let failed = store
        .insert_reading_with_event(new_reading("alice", "time", "three"), "x", |_| {
            Err(StoreError::Invalid(nps_protocol::text::Msg::new(
                "test-no-payload",
            )))
        })
        .await;
    assert!(failed.is_err(), "{failed:?}");
    let page = store
        .list_readings("alice", &ReadingFilter::default())
        .await
        .unwrap();
    assert_eq!(
        page.items.iter().map(|r| r.id).collect::<Vec<_>>(),
        [stored.id]
    );
    let after = store.events_since("alice", 0, 100).await.unwrap();
    assert_eq!(seqs(&after.events), [appended.seq]);

    // Over the owner's bound: refused with its own error, no event.
    let full = store.with_max_readings_per_owner(1);
    let r = full
        .insert_reading_with_event(new_reading("alice", "time", "four"), "x", |id| {
            Ok(json!(id))
        })
        .await;
    assert!(
        matches!(r, Err(StoreError::Invalid(ref m)) if m.id == "error-store-readings-full"),
        "{r:?}"
    );
    assert_eq!(
        seqs(&full.events_since("alice", 0, 100).await.unwrap().events),
        [appended.seq]
    );
}
