//! PostgreSQL only: `LISTEN`/`NOTIFY` subscriptions, each test on a database
//! of its own (notification channels are per database) or a server of its own.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use nps_store::PgStore;
use nps_store::postgres::{EventNotice, EventSubscription};
use serde_json::json;

use crate::support::postgres::{Cluster, Scratch, on_both_nodes, two_nodes};

/// Bound on waiting for a notice, so a lost one fails the test instead of
/// stalling the suite. Reconnecting takes at most `RECONNECT_MAX_DELAY` (5 s)
/// after the server is back.
const NOTICE_WAIT: Duration = Duration::from_secs(30);

async fn next(sub: &mut EventSubscription) -> EventNotice {
    tokio::time::timeout(NOTICE_WAIT, sub.recv())
        .await
        .unwrap_or_else(|_| panic!("no notice within {NOTICE_WAIT:?}"))
        .expect("the subscription ended")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_node_hears_the_ids_of_every_nodes_events() {
    let db = Scratch::database().await;
    let here = PgStore::connect(&db.url).await.unwrap();
    let there = PgStore::connect(&db.url).await.unwrap();
    let mut sub_here = here.subscribe().await.unwrap();
    let mut sub_there = there.subscribe().await.unwrap();

    let from_there = there
        .append_event("alice", "reading_complete", &json!({ "reading_id": 7 }))
        .await
        .unwrap();
    let from_here = here
        .append_broadcast("daily_reading", &json!({ "date": "2026-11-25" }))
        .await
        .unwrap();
    for sub in [&mut sub_here, &mut sub_there] {
        assert_eq!(next(sub).await, EventNotice::Event(from_there.id));
        assert_eq!(next(sub).await, EventNotice::Event(from_here.id));
    }
    let loaded = here
        .events_by_id(&[from_there.id, from_here.id])
        .await
        .unwrap();
    assert_eq!(loaded[0].payload, json!({ "reading_id": 7 }));
    assert_eq!(
        (loaded[1].user_id.as_deref(), loaded[1].seq),
        (None, from_here.seq)
    );

    // A dropped subscription closes its LISTEN connection.
    drop(sub_there);
    let client = crate::support::postgres::connect(&db.url).await;
    let listeners = async || -> i64 {
        client
            .query_one(
                "SELECT count(*) FROM pg_stat_activity \
                 WHERE datname = current_database() AND query = 'LISTEN nps_events'",
                &[],
            )
            .await
            .unwrap()
            .get(0)
    };
    tokio::time::timeout(NOTICE_WAIT, async {
        while listeners().await != 1 {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the dropped subscription's connection closes");
}

/// Appends made at the same time share transactions (group commit): one
/// notification then carries several ids, never more than `MAX_APPEND_BATCH`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_appends_are_committed_in_batches_of_at_most_the_bound() {
    use futures_util::StreamExt;
    use nps_store::postgres::MAX_APPEND_BATCH;

    let db = Scratch::database().await;
    let store = Arc::new(PgStore::connect(&db.url).await.unwrap());
    // A plain listener, to see the payloads themselves.
    let (client, mut connection) = tokio_postgres::connect(&db.url, tokio_postgres::NoTls)
        .await
        .unwrap();
    let (payloads_tx, mut payloads) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        let mut messages = futures_util::stream::poll_fn(move |cx| connection.poll_message(cx));
        while let Some(Ok(message)) = messages.next().await {
            if let tokio_postgres::AsyncMessage::Notification(n) = message {
                let _ = payloads_tx.send(n.payload().to_owned());
            }
        }
    });
    client.batch_execute("LISTEN nps_events").await.unwrap();

    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..600 {
        let store = Arc::clone(&store);
        tasks.spawn(async move {
            let user = format!("user-{}", n % 50);
            store
                .append_event(&user, "x", &json!({ "n": n }))
                .await
                .unwrap()
                .id
        });
    }
    let mut appended = tasks.join_all().await;
    let mut heard = Vec::new();
    let mut largest = 0;
    while heard.len() < 600 {
        let payload = tokio::time::timeout(NOTICE_WAIT, payloads.recv())
            .await
            .expect("a notification")
            .expect("the listener runs");
        let ids: Vec<i64> = payload.split(',').map(|id| id.parse().unwrap()).collect();
        largest = largest.max(ids.len());
        heard.extend(ids);
    }
    assert!(largest > 1, "no two appends shared a transaction");
    assert!(largest <= MAX_APPEND_BATCH, "{largest} ids in one batch");
    heard.sort_unstable();
    appended.sort_unstable();
    assert_eq!(heard, appended);
}

/// A batch larger than one notification can carry (8,000 bytes) is split:
/// every id arrives, once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_batch_is_notified_in_several_payloads() {
    let db = Scratch::database().await;
    let store = PgStore::connect(&db.url).await.unwrap();
    let mut sub = store.subscribe().await.unwrap();
    let users: Vec<String> = (0..700).map(|i| format!("user-{}", i % 37)).collect();
    let names = vec!["x"; 700];
    let payloads: Vec<serde_json::Value> = (0..700).map(|i| json!({ "i": i })).collect();
    let client = crate::support::postgres::connect(&db.url).await;
    // 19-digit ids: 700 of them take 14,000 bytes, more than one NOTIFY can carry.
    client
        .batch_execute("ALTER TABLE events ALTER COLUMN id RESTART WITH 1000000000000000000")
        .await
        .unwrap();
    let rows = client
        .query(
            "SELECT event_id FROM nps_append_events($1, $2, $3::json[])",
            &[&users, &names, &payloads],
        )
        .await
        .unwrap();
    let appended: Vec<i64> = rows.iter().map(|r| r.get(0)).collect();
    assert_eq!(appended.len(), 700);
    assert!(appended[0] >= 1_000_000_000_000_000_000);
    let mut heard = Vec::new();
    while heard.len() < 700 {
        match next(&mut sub).await {
            EventNotice::Event(id) => heard.push(id),
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(heard, appended);
    let replay = store.events_since("user-3", 0, 1_000).await.unwrap();
    assert_eq!(replay.events.len(), 19); // i = 3, 40, …, 669
    assert_eq!(replay.events[1].payload, json!({ "i": 40 }));
}

/// Notifications arrive in commit order; for each user, the events addressed to
/// them (their own and the broadcasts) must then have increasing seqs, or a
/// client could see seq N+1 before N and resume past a missed event.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_users_events_commit_in_seq_order_across_nodes() {
    let db = Scratch::database().await;
    let nodes = two_nodes(&db.url).await;
    let mut sub = nodes[0].subscribe().await.unwrap();
    on_both_nodes(&nodes, 8, |node, t| async move {
        for n in 0..30usize {
            if t == 0 && n % 10 == 5 {
                node.append_broadcast("daily_reading", &json!({ "n": n }))
                    .await
                    .unwrap();
            } else {
                let user = ["alice", "bob", "carol"][(t + n) % 3];
                node.append_event(user, "x", &json!({ "t": t, "n": n }))
                    .await
                    .unwrap();
            }
        }
    })
    .await;
    let mut ids = Vec::new();
    while ids.len() < 240 {
        match next(&mut sub).await {
            EventNotice::Event(id) => ids.push(id),
            other => panic!("unexpected {other:?}"),
        }
    }
    let mut events = HashMap::new();
    for chunk in ids.chunks(100) {
        for e in nodes[1].events_by_id(chunk).await.unwrap() {
            events.insert(e.id, e);
        }
    }
    assert_eq!(events.len(), 240);
    let broadcasts = events.values().filter(|e| e.user_id.is_none()).count();
    assert_eq!(broadcasts, 3);
    for user in ["alice", "bob", "carol"] {
        let in_commit_order: Vec<u64> = ids
            .iter()
            .map(|id| &events[id])
            .filter(|e| e.user_id.as_deref().is_none_or(|u| u == user))
            .map(|e| e.seq)
            .collect();
        assert!(
            in_commit_order.windows(2).all(|w| w[0] < w[1]),
            "{user}: {in_commit_order:?}"
        );
    }
}

crate::support::on_its_own_server!(
    after_a_database_restart_the_subscription_comes_back_and_nothing_is_lost
);
async fn after_a_database_restart_the_subscription_comes_back_and_nothing_is_lost() {
    let cluster = Cluster::start();
    let store = PgStore::connect(&cluster.url).await.unwrap();
    let mut sub = store.subscribe().await.unwrap();
    let before = store
        .append_event("alice", "x", &json!({ "n": 0 }))
        .await
        .unwrap();
    assert_eq!(next(&mut sub).await, EventNotice::Event(before.id));

    cluster.down();
    assert_eq!(next(&mut sub).await, EventNotice::Lost);
    let during = store.append_event("alice", "x", &json!({ "n": -1 })).await;
    assert!(
        during
            .as_ref()
            .is_err_and(nps_store::StoreError::is_unavailable),
        "{during:?}"
    );

    cluster.up();
    // Committed at once, most likely before the listener is back.
    let mut while_away = Vec::new();
    for n in 1..=3 {
        while_away.push(
            store
                .append_event("alice", "x", &json!({ "n": n }))
                .await
                .unwrap(),
        );
    }
    let broadcast = store
        .append_broadcast("daily_reading", &json!({}))
        .await
        .unwrap();
    while_away.push(broadcast);
    loop {
        match next(&mut sub).await {
            EventNotice::Gap => break,
            EventNotice::Event(id) => assert!(while_away.iter().any(|e| e.id == id), "{id}"),
            EventNotice::Lost => panic!("lost twice"),
        }
    }
    // The catch-up a node does on Gap: from the last seq it delivered.
    let replay = store.events_since("alice", before.seq, 100).await.unwrap();
    assert!(replay.complete);
    assert_eq!(
        replay.events.iter().map(|e| e.id).collect::<Vec<_>>(),
        while_away.iter().map(|e| e.id).collect::<Vec<_>>()
    );
    assert_eq!(replay.head_seq, broadcast.seq);

    // And the subscription is live again.
    let after = store
        .append_event("alice", "x", &json!({ "n": 4 }))
        .await
        .unwrap();
    loop {
        match next(&mut sub).await {
            EventNotice::Event(id) if id == after.id => break,
            EventNotice::Event(id) => assert!(while_away.iter().any(|e| e.id == id), "{id}"),
            other => panic!("unexpected {other:?}"),
        }
    }
}
