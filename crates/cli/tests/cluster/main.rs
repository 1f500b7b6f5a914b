//! Two real `nps serve` nodes on one real PostgreSQL (issue 11): events cross
//! nodes, a client resumes on the other node, the daily broadcast happens once per
//! cluster, users never see each other's events, a node killed mid-load loses no
//! answered reading, and a PostgreSQL restart under running nodes gives 503 during
//! and delivers afterwards. The harness is in `support`.
//!
//! Unix only: the nodes' PostgreSQL comes from scripts/postgres.sh (bash, Debian
//! packages), which the Windows run under Wine cannot start.

mod support;

use std::collections::BTreeSet;
use std::time::Duration;

use nps_protocol::Event;
use nps_protocol::event::{RESYNC_EPOCH_MISMATCH, RESYNC_INVALID_RESUME};
use serde_json::json;
use support::{
    Node, Postgres, QUIET, completed, event_within, events_until, next_event, two_nodes,
};

/// Runs the named `async fn()` as the test `<name>::cluster`, on tokio's
/// multi-threaded runtime; ignored on Windows, where scripts/postgres.sh cannot start
/// the nodes' PostgreSQL.
macro_rules! cluster_test {
    ($test:ident) => {
        mod $test {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            #[cfg_attr(windows, ignore = "needs PostgreSQL from scripts/postgres.sh")]
            async fn cluster() {
                super::$test().await;
            }
        }
    };
}

fn is_complete_of(request_id: &str) -> impl Fn(&Event) -> bool + '_ {
    move |e| matches!(e, Event::ReadingComplete(c) if c.request_id == request_id)
}

cluster_test!(a_reading_on_one_node_reaches_the_users_socket_on_the_other);
/// A reading POSTed to node A reaches the user's socket on node B as
/// `reading_complete`, with the same seq as on A; progress stays on A.
async fn a_reading_on_one_node_reaches_the_users_socket_on_the_other() {
    let (a, b) = two_nodes();
    let (mut on_a, welcome_a) = a.connect("alice", None).await;
    let (mut on_b, welcome_b) = b.connect("alice", None).await;
    assert_eq!(welcome_a.epoch, welcome_b.epoch, "one epoch per cluster");
    let (status, body) = a.read("alice", "cross-1");
    assert_eq!(status, 200, "{body}");
    let reading_id = body["reading_id"]
        .as_i64()
        .expect("the stored reading's id");

    // On B: only the durable event, first thing.
    let got = next_event(&mut on_b).await;
    let Event::ReadingComplete(c) = &got.event else {
        panic!("expected reading_complete on B first, got {got:?}")
    };
    assert_eq!(
        (c.request_id.as_str(), c.reading_id, c.user_id.as_str()),
        ("cross-1", reading_id, "alice")
    );
    assert!(got.seq > welcome_b.seq);
    // On A: started and progress (node-local, the seq not advanced), then the same
    // reading_complete with the same seq.
    let on_a_events = events_until(&mut on_a, is_complete_of("cross-1")).await;
    assert!(matches!(on_a_events[0].event, Event::ReadingStarted(_)));
    assert!(on_a_events.len() >= 3, "{on_a_events:?}");
    assert!(
        on_a_events[..on_a_events.len() - 1]
            .iter()
            .all(|e| e.seq == welcome_a.seq)
    );
    assert_eq!(
        completed(&on_a_events, "cross-1"),
        Some((reading_id, got.seq))
    );
    // The reading is in the history on both nodes.
    assert_eq!(a.history("alice"), [reading_id]);
    assert_eq!(b.history("alice"), [reading_id]);
}

cluster_test!(a_user_never_sees_another_users_events_on_any_node);
/// User 2 on node B never sees user 1's events from node A (nor from B).
async fn a_user_never_sees_another_users_events_on_any_node() {
    let (a, b) = two_nodes();
    let (mut bob, _) = b.connect("bob", None).await;
    let (mut alice, _) = b.connect("alice", None).await;
    for (node, id) in [(&a, "private-a"), (&b, "private-b")] {
        let (status, body) = node.read("alice", id);
        assert_eq!(status, 200, "{body}");
        events_until(&mut alice, is_complete_of(id)).await;
    }
    assert_eq!(
        event_within(&mut bob, QUIET).await,
        None,
        "bob saw something"
    );
    assert!(b.history("bob").is_empty());
    assert_eq!(a.history("alice").len(), 2);
}

cluster_test!(a_client_resumes_on_the_other_node_without_loss);
/// A client that was on node A resumes on node B with `?last_seq=&epoch=` and gets
/// exactly what it missed, from the events table; a bad resume gets
/// `resync_required` as on one server.
async fn a_client_resumes_on_the_other_node_without_loss() {
    let (a, b) = two_nodes();
    let (mut ws, welcome) = a.connect("alice", None).await;
    assert_eq!(a.read("alice", "before").0, 200);
    let seen = events_until(&mut ws, is_complete_of("before")).await;
    let (_, last_seq) = completed(&seen, "before").expect("complete");
    drop(ws);
    // Missed while away: one reading on each node.
    let (_, first) = b.read("alice", "missed-1");
    let (_, second) = a.read("alice", "missed-2");

    let (mut ws, resumed) = b.connect("alice", Some((welcome.epoch, last_seq))).await;
    assert_eq!(resumed.epoch, welcome.epoch);
    let replay = [next_event(&mut ws).await, next_event(&mut ws).await];
    let replayed: Vec<(i64, u64)> = ["missed-1", "missed-2"]
        .iter()
        .map(|id| completed(&replay, id).expect("replayed"))
        .collect();
    assert_eq!(replayed[0].0, first["reading_id"].as_i64().unwrap());
    assert_eq!(replayed[1].0, second["reading_id"].as_i64().unwrap());
    assert!(last_seq < replayed[0].1 && replayed[0].1 < replayed[1].1);
    assert_eq!(resumed.seq, replayed[1].1, "welcome says the head seq");
    assert_eq!(event_within(&mut ws, QUIET).await, None, "nothing twice");

    let resync = |e: &Event| match e {
        Event::ResyncRequired(r) => r.reason.clone(),
        other => panic!("expected resync_required, got {other:?}"),
    };
    let (mut ws, _) = b
        .connect("alice", Some((welcome.epoch + 1, last_seq)))
        .await;
    assert_eq!(
        resync(&next_event(&mut ws).await.event),
        RESYNC_EPOCH_MISMATCH
    );
    let beyond = resumed.seq + 1_000;
    let (mut ws, _) = a.connect("alice", Some((welcome.epoch, beyond))).await;
    assert_eq!(
        resync(&next_event(&mut ws).await.event),
        RESYNC_INVALID_RESUME
    );
}

cluster_test!(the_daily_broadcast_happens_once_per_cluster);
/// Both nodes asked to publish the same day at once: one broadcast, and every
/// socket on every node gets it exactly once.
async fn the_daily_broadcast_happens_once_per_cluster() {
    let (a, b) = two_nodes();
    let nodes = [a, b];
    let mut sockets = Vec::new();
    for (node, user) in [(0, "alice"), (1, "bob"), (0, "carol"), (1, "carol")] {
        sockets.push(nodes[node].connect(user, None).await.0);
    }
    let body = json!({"date": "2031-03-04", "locale": "en"});
    let answers: Vec<serde_json::Value> = std::thread::scope(|s| {
        let calls: Vec<_> = nodes
            .iter()
            .map(|n| s.spawn(|| n.call("POST", "/api/admin/daily", "root", Some(&body))))
            .collect();
        calls
            .into_iter()
            .map(|c| {
                let (status, answer) = c.join().expect("the call ran");
                assert_eq!(status, 200, "{answer}");
                answer
            })
            .collect()
    });
    let broadcasts = answers
        .iter()
        .filter(|a| a["publications"][0]["broadcast"] == true)
        .count();
    assert_eq!(broadcasts, 1, "{answers:?}");
    let mut seqs = BTreeSet::new();
    for ws in &mut sockets {
        let got = next_event(ws).await;
        let Event::DailyReading(d) = &got.event else {
            panic!("expected daily_reading, got {got:?}")
        };
        assert_eq!((d.date.as_str(), d.locale.as_str()), ("2031-03-04", "en"));
        seqs.insert(got.seq);
    }
    assert_eq!(seqs.len(), 1, "one broadcast, one seq for everyone");
    for ws in &mut sockets {
        assert_eq!(event_within(ws, QUIET).await, None, "delivered once");
    }
    let (status, again) = nodes[1].call("POST", "/api/admin/daily", "root", Some(&body));
    assert_eq!(
        (status, &again["publications"][0]["broadcast"]),
        (200, &json!(false))
    );
}

cluster_test!(a_node_killed_mid_load_loses_no_answered_reading);
/// Node A is killed (SIGKILL) while readings are being POSTed to it: every reading
/// it answered 200 is in the history (read on B), and its clients, reconnecting to
/// B with their resume point, get every `reading_complete` they had not seen.
async fn a_node_killed_mid_load_loses_no_answered_reading() {
    const USERS: [&str; 3] = ["kim", "lee", "max"];
    /// Answered readings before the kill.
    const BEFORE_KILL: usize = 24;
    let (mut a, b) = two_nodes();
    let mut sockets = Vec::new();
    for user in USERS {
        sockets.push(a.connect(user, None).await);
    }
    let answered = std::sync::Mutex::new(Vec::<(usize, i64)>::new());
    std::thread::scope(|s| {
        for (u, user) in USERS.iter().enumerate() {
            let (addr, answered) = (a.addr.clone(), &answered);
            s.spawn(move || {
                for n in 0.. {
                    let body = json!({"datetime": "2026-02-09T10:00:00Z", "request_id": format!("{user}-{n}")});
                    let (status, reply) = support::http(
                        &addr,
                        "POST",
                        "/api/oracle/reading",
                        &support::token(user),
                        Some(&body),
                    );
                    match status {
                        200 => answered.lock().unwrap().push((u, reply["reading_id"].as_i64().unwrap())),
                        0 => return, // the node is gone
                        other => panic!("{other}: {reply}"),
                    }
                }
            });
        }
        while answered.lock().unwrap().len() < BEFORE_KILL {
            std::thread::sleep(Duration::from_millis(5));
        }
        a.kill();
    });
    let answered = answered.into_inner().unwrap();
    for (u, user) in USERS.iter().enumerate() {
        let (ws, welcome) = &mut sockets[u];
        // What the socket on A got before A died.
        let mut seen = BTreeSet::new();
        let mut last_seq = welcome.seq;
        while let Ok(Some(Ok(frame))) =
            tokio::time::timeout(support::WAIT, futures_util::StreamExt::next(ws)).await
        {
            let Ok(text) = frame.into_text() else {
                continue;
            };
            if let Ok(env) = nps_protocol::Envelope::from_json(text.as_str()) {
                last_seq = last_seq.max(env.seq);
                if let Event::ReadingComplete(c) = env.event {
                    seen.insert(c.reading_id);
                }
            }
        }
        // Reconnected to B from there: the rest, from the table.
        let (mut ws, resumed) = b.connect(user, Some((welcome.epoch, last_seq))).await;
        while let Some(env) = event_within(&mut ws, QUIET).await {
            match env.event {
                Event::ReadingComplete(c) => assert!(seen.insert(c.reading_id), "twice"),
                other => panic!("expected replayed reading_complete, got {other:?}"),
            }
        }
        assert!(resumed.seq >= last_seq);
        let history: BTreeSet<i64> = b.history(user).into_iter().collect();
        for (_, id) in answered.iter().filter(|(v, _)| *v == u) {
            assert!(
                history.contains(id),
                "{user}'s reading {id} answered 200 is missing"
            );
            assert!(
                seen.contains(id),
                "{user} never got reading_complete of {id}"
            );
        }
    }
}

cluster_test!(a_postgres_restart_gives_503_then_recovers_and_delivers);
/// PostgreSQL stops under two running nodes: requests answer 503 `unavailable` at
/// once (in the request's language) and sockets are refused with 1013; once it is
/// back, requests work again and the events committed while a node's listener was
/// away reach its sockets.
async fn a_postgres_restart_gives_503_then_recovers_and_delivers() {
    let pg = Postgres::start();
    let (a, b) = (Node::start(&pg.url), Node::start(&pg.url));
    let (mut alice, _) = b.connect("alice", None).await;
    pg.down();
    let (status, body) = a.read("alice", "during");
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (503, Some("unavailable")),
        "{body}"
    );
    let (status, body) = b.call("GET", "/api/oracle/readings?locale=fa", "alice", None);
    assert_eq!(status, 503);
    assert_eq!(
        body["error"]["message"],
        "پایگاه داده هم‌اکنون در دسترس نیست و چیزی ذخیره نشد؛ چند ثانیهٔ دیگر دوباره امتحان کنید"
    );
    let (mut refused, _) = tokio_tungstenite::connect_async(b.ws_url("alice", None))
        .await
        .expect("the upgrade itself needs no database");
    match futures_util::StreamExt::next(&mut refused).await {
        Some(Ok(tokio_tungstenite::tungstenite::Message::Close(Some(f)))) => {
            assert_eq!(
                (u16::from(f.code), f.reason.as_str()),
                (1013, "Storage unavailable")
            );
        }
        other => panic!("expected close 1013, got {other:?}"),
    }

    pg.up();
    // The first reading that goes through is committed while B's listener is most
    // likely still reconnecting (it backs off up to 5 s): it comes by the catch-up.
    let deadline = std::time::Instant::now() + support::WAIT;
    let reading_id = loop {
        let (status, body) = a.read("alice", "after");
        if status == 200 {
            break body["reading_id"].as_i64().unwrap();
        }
        assert_eq!(status, 503, "{body}");
        assert!(
            std::time::Instant::now() < deadline,
            "PostgreSQL did not come back"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    let events = events_until(&mut alice, is_complete_of("after")).await;
    assert_eq!(completed(&events, "after").map(|c| c.0), Some(reading_id));
    assert_eq!(b.history("alice"), [reading_id]);
    assert!(b.log().contains("catching up"), "{}", b.log());
}
