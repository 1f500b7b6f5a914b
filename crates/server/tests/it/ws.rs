//! `/ws/oracle` and the hub end to end: real tokio-tungstenite clients against a
//! real server. One module per topic.

use std::io;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use nps_protocol::{DailyReading, Envelope, Event, ReadingProgress, SignType, Step};
use nps_server::{Config, SERVER_VERSION};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::time::{Instant, timeout};
use tokio_tungstenite::tungstenite::Message;

use crate::support::*;

/// Heartbeat of the heartbeat tests.
const FAST_HEARTBEAT: Duration = Duration::from_millis(300);
const FAST_PONG_TIMEOUT: Duration = Duration::from_millis(300);

fn fast_heartbeat(c: &mut Config) {
    c.heartbeat_interval = FAST_HEARTBEAT;
    c.pong_timeout = FAST_PONG_TIMEOUT;
}

fn progress(user: &str, request_id: &str, pct: u8) -> Event {
    Event::ReadingProgress(ReadingProgress {
        request_id: request_id.into(),
        reading_id: None,
        step: Step::Calculating,
        progress: pct,
        message: "calculating".into(),
        user_id: user.into(),
    })
}

fn daily() -> Event {
    Event::DailyReading(DailyReading {
        date: "2026-02-09".into(),
        insight: "Begin".into(),
        lucky_numbers: vec!["3".into(), "7".into()],
        locale: "en".into(),
    })
}

fn request_id(env: &Envelope) -> &str {
    env.event.request_id().unwrap_or("")
}

// ---------------------------------------------------------------------------

mod auth {
    use super::*;

    #[tokio::test]
    async fn valid_jwt_gets_welcome_first_with_exact_fields() {
        let server = Server::with(fast_heartbeat).await;
        server.hub().send_to_user("alice", daily());
        let mut ws = connect(&server.url_for("alice")).await;
        let Frame::Text(text) = next_frame(&mut ws).await else {
            panic!("welcome expected")
        };
        let mut v: serde_json::Value = serde_json::from_str(&text).expect("json");
        let ts = v.as_object_mut().and_then(|o| o.remove("ts")).expect("ts");
        assert!(
            ts.is_f64() && ts.as_f64().is_some_and(|t| t > 1.7e9),
            "{ts}"
        );
        assert_eq!(
            v,
            serde_json::json!({
                "event": "welcome",
                "data": {
                    "user_id": "alice",
                    "server_version": SERVER_VERSION,
                    "heartbeat_secs": 1,
                    "epoch": server.hub().epoch(),
                    "seq": 1
                },
                "seq": 1
            })
        );
        assert_eq!(server.hub().connection_count(), 1);
        server.shutdown().await.expect("clean shutdown");
    }

    async fn refused_with_4001(url: &str) {
        let mut ws = connect(url).await;
        // The close is the first frame: nothing leaks before it.
        let first = next_frame(&mut ws).await;
        assert_eq!(first, Frame::Close(4001, "Authentication required".into()));
        finish(&mut ws).await;
    }

    #[tokio::test]
    async fn no_token_closes_4001() {
        let server = Server::start().await;
        refused_with_4001(&server.url("")).await;
        refused_with_4001(&server.url("token=")).await;
        assert_eq!(server.hub().connection_count(), 0);
    }

    #[tokio::test]
    async fn invalid_signature_closes_4001() {
        let server = Server::start().await;
        let forged = nps_server::mint_token(
            b"some-other-secret-0123456789abcdef",
            "alice",
            "alice",
            "admin",
            Duration::from_secs(60),
        )
        .expect("mint");
        refused_with_4001(&server.url(&format!("token={forged}"))).await;
        refused_with_4001(&server.url("token=not.a.jwt")).await;
    }

    #[tokio::test]
    async fn expired_token_closes_4001() {
        let server = Server::start().await;
        let expired = token_with_exp("alice", nps_server::auth::unix_now_secs() - 60);
        refused_with_4001(&server.url(&format!("token={expired}"))).await;
    }

    #[tokio::test]
    async fn token_expiring_while_connected_closes_4002() {
        let server = Server::start().await;
        let soon = nps_server::mint_token(SECRET, "alice", "alice", "user", Duration::from_secs(1))
            .expect("mint");
        let started = Instant::now();
        let mut ws = connect(&server.url(&format!("token={soon}"))).await;
        expect_welcome(&mut ws).await;
        assert_eq!(expect_close(&mut ws).await, (4002, "Token expired".into()));
        assert!(started.elapsed() < Duration::from_secs(3));
        server.all_disconnected().await;
    }

    #[tokio::test]
    async fn bearer_subprotocol_works_and_selects_nps_v1() {
        let server = Server::start().await;
        let req = with_header(
            &server.url(""),
            "Sec-WebSocket-Protocol",
            &format!("nps.v1, bearer.{}", token("alice")),
        );
        let (mut ws, response) = connect_req(req).await;
        assert_eq!(
            response
                .headers()
                .get("sec-websocket-protocol")
                .and_then(|v| v.to_str().ok()),
            Some("nps.v1")
        );
        assert_eq!(expect_welcome(&mut ws).await.user_id, "alice");
    }

    #[tokio::test]
    async fn bad_bearer_subprotocol_closes_4001() {
        let server = Server::start().await;
        let first = first_frame_with(
            server.url(""),
            "Sec-WebSocket-Protocol",
            "nps.v1, bearer.garbage",
        );
        assert_eq!(
            first.await,
            Frame::Close(4001, "Authentication required".into())
        );
    }
}

mod origin {
    use super::*;

    #[tokio::test]
    async fn forbidden_origin_closes_4003() {
        let server = Server::start().await;
        let refused = Frame::Close(4003, "Origin forbidden".into());
        let first = first_frame_with(server.url_for("alice"), "Origin", "http://evil.example");
        assert_eq!(first.await, refused);
        // Origin is judged before the token: a cross-site page learns nothing.
        let first = first_frame_with(server.url(""), "Origin", "http://evil.example");
        assert_eq!(first.await, refused);
        assert_eq!(server.hub().connection_count(), 0);
    }

    #[tokio::test]
    async fn allowed_and_own_origins_connect() {
        let server = Server::start().await;
        let own = format!("http://127.0.0.1:{}", server.addr.port());
        let own_localhost = format!("http://localhost:{}", server.addr.port());
        for origin in ["tauri://localhost", own.as_str(), own_localhost.as_str()] {
            let req = with_header(&server.url_for("alice"), "Origin", origin);
            let (mut ws, _) = connect_req(req).await;
            assert_eq!(expect_welcome(&mut ws).await.user_id, "alice", "{origin}");
        }
    }

    #[tokio::test]
    async fn no_origin_is_judged_by_token_alone() {
        let server = Server::start().await;
        // tungstenite sends no Origin header.
        let (_ws, welcome) = server.connect_user("alice").await;
        assert_eq!(welcome.user_id, "alice");
    }

    #[tokio::test]
    async fn foreign_host_on_loopback_closes_4003() {
        let server = Server::start().await;
        // DNS rebinding: the browser would send the attacker's host name.
        let first = first_frame_with(server.url_for("alice"), "Host", "evil.example");
        assert_eq!(first.await, Frame::Close(4003, "Origin forbidden".into()));
    }
}

mod heartbeat {
    use super::*;

    #[tokio::test]
    async fn server_sends_ping() {
        let server = Server::with(fast_heartbeat).await;
        let (mut ws, _) = server.connect_user("alice").await;
        // Periodically: two in a row, each within WAIT (answered, or the
        // second would race the silence deadline).
        for _ in 0..2 {
            assert_eq!(next_frame(&mut ws).await, Frame::Text("ping".into()));
            ws.send(Message::text("pong")).await.expect("pong sent");
        }
    }

    #[tokio::test]
    async fn answering_pong_keeps_the_socket_alive() {
        let server = Server::with(fast_heartbeat).await;
        let (mut ws, _) = server.connect_user("alice").await;
        // Three times interval + timeout.
        let until = Instant::now() + (FAST_HEARTBEAT + FAST_PONG_TIMEOUT) * 3;
        let mut pings = 0;
        while let Ok(item) = tokio::time::timeout_at(until, ws.next()).await {
            match item {
                Some(Ok(Message::Text(t))) if t.as_str() == "ping" => {
                    pings += 1;
                    ws.send(Message::text("pong")).await.expect("pong sent");
                }
                other => panic!("unexpected while alive: {other:?}"),
            }
        }
        assert!(pings >= 3, "pings: {pings}");
        assert_eq!(server.hub().connection_count(), 1);
    }

    #[tokio::test]
    async fn silent_client_is_closed_and_removed() {
        let server = Server::with(fast_heartbeat).await;
        // Before connecting: the server's silence clock starts after this.
        let started = Instant::now();
        let (mut ws, _) = server.connect_user("alice").await;
        assert_eq!(server.hub().connection_count(), 1);
        // Reads (so it sees the pings) but never answers.
        assert_eq!(
            expect_close(&mut ws).await,
            (1000, "Heartbeat timeout".into())
        );
        let elapsed = started.elapsed();
        assert!(elapsed >= FAST_HEARTBEAT + FAST_PONG_TIMEOUT, "{elapsed:?}");
        server.all_disconnected().await;
    }
}

mod limits {
    use super::*;

    #[tokio::test]
    async fn oversized_inbound_frame_closes_1009() {
        let server = Server::start().await;
        let (mut ws, _) = server.connect_user("alice").await;
        ws.send(Message::text("x".repeat(64 * 1024 + 1)))
            .await
            .expect("sent");
        assert_eq!(
            expect_close(&mut ws).await,
            (1009, "Message too big".into())
        );
        server.all_disconnected().await;
    }

    #[tokio::test]
    async fn inbound_at_the_limit_is_fine() {
        let server = Server::start().await;
        let (mut ws, _) = server.connect_user("alice").await;
        ws.send(Message::text("x".repeat(64 * 1024)))
            .await
            .expect("sent");
        server
            .hub()
            .send_to_user("alice", progress("alice", "after", 1));
        assert_eq!(request_id(&next_event(&mut ws).await), "after");
    }

    #[tokio::test]
    async fn slow_consumer_is_closed_4008_while_fast_client_gets_everything() {
        let server = Server::with(|c| c.send_queue_capacity = 4).await;
        // `slow` never reads while the flood runs.
        let (mut slow, _) = server.connect_user("slow").await;
        let (mut fast, _) = server.connect_user("fast").await;
        for round in 0..20u8 {
            for i in 0..200 {
                server
                    .hub()
                    .send_to_user("slow", progress("slow", &format!("flood-{i}"), 1));
            }
            let sent = Instant::now();
            server
                .hub()
                .send_to_user("fast", progress("fast", &format!("fast-{round}"), round));
            let got = next_event(&mut fast).await;
            assert_eq!(request_id(&got), format!("fast-{round}"));
            assert!(
                sent.elapsed() < Duration::from_secs(2),
                "fast client delayed"
            );
        }
        assert_eq!(server.hub().user_connection_count("slow"), 0);
        assert_eq!(server.hub().user_connection_count("fast"), 1);
        assert_eq!(expect_close(&mut slow).await, (4008, "Too slow".into()));
    }

    #[tokio::test]
    async fn global_connection_cap_pauses_accept_until_a_slot_frees() {
        let server = Server::with(|c| c.max_connections = 2).await;
        let (mut first, _) = server.connect_user("alice").await;
        let (_second, _) = server.connect_user("bob").await;
        let url = server.url_for("carol");
        let mut third = tokio::spawn(async move {
            let mut ws = connect(&url).await;
            expect_welcome(&mut ws).await
        });
        // Not accepted while both slots are taken.
        assert!(
            timeout(Duration::from_millis(300), &mut third)
                .await
                .is_err(),
            "third connection was served beyond the cap"
        );
        first.close(None).await.expect("close sent");
        finish(&mut first).await;
        let welcome = timeout(WAIT, third)
            .await
            .expect("served once a slot freed")
            .expect("no panic");
        assert_eq!(welcome.user_id, "carol");
    }

    #[tokio::test]
    async fn per_user_connection_cap_closes_1013() {
        let server = Server::with(|c| c.max_connections_per_user = 2).await;
        let (_a, _) = server.connect_user("alice").await;
        let (_b, _) = server.connect_user("alice").await;
        let mut third = connect(&server.url_for("alice")).await;
        assert_eq!(
            next_frame(&mut third).await,
            Frame::Close(1013, "Too many connections".into())
        );
        // Other users are not affected.
        let (_c, welcome) = server.connect_user("bob").await;
        assert_eq!(welcome.user_id, "bob");
    }
}

mod routing {
    use super::*;

    #[tokio::test]
    async fn send_to_user_reaches_all_and_only_that_users_sockets() {
        let server = Server::start().await;
        let (mut alice1, _) = server.connect_user("alice").await;
        let (mut alice2, _) = server.connect_user("alice").await;
        let (mut bob, _) = server.connect_user("bob").await;
        let seq = server
            .hub()
            .send_to_user("alice", progress("alice", "for-alice", 10));
        for ws in [&mut alice1, &mut alice2] {
            let env = next_event(ws).await;
            assert_eq!((request_id(&env), env.seq), ("for-alice", seq));
        }
        // If bob had been sent alice's event it would come before this marker.
        server
            .hub()
            .send_to_user("bob", progress("bob", "for-bob", 10));
        assert_eq!(request_id(&next_event(&mut bob).await), "for-bob");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn fifty_users_never_see_each_others_events() {
        const USERS: usize = 50;
        const EACH: usize = 20;
        let server = Server::start().await;
        let mut clients = Vec::new();
        for u in 0..USERS {
            clients.push(server.connect_user(&format!("user-{u}")).await.0);
        }
        let senders: Vec<_> = (0..USERS)
            .map(|u| {
                let hub = server.hub().clone();
                tokio::spawn(async move {
                    let user = format!("user-{u}");
                    for i in 0..EACH {
                        hub.send_to_user(&user, progress(&user, &format!("{user}/{i}"), 1));
                        tokio::task::yield_now().await;
                    }
                })
            })
            .collect();
        let readers: Vec<_> = clients
            .into_iter()
            .enumerate()
            .map(|(u, mut ws)| {
                tokio::spawn(async move {
                    let user = format!("user-{u}");
                    let mut last_seq = 0;
                    for i in 0..EACH {
                        let env = next_event(&mut ws).await;
                        assert_eq!(env.event.user_id(), Some(user.as_str()));
                        assert_eq!(request_id(&env), format!("{user}/{i}"), "in order");
                        assert!(env.seq > last_seq);
                        last_seq = env.seq;
                    }
                    ws
                })
            })
            .collect();
        for s in senders {
            s.await.expect("sender");
        }
        for (u, r) in readers.into_iter().enumerate() {
            let mut ws = r.await.expect("reader saw only its own events");
            // Nothing else was queued for this user.
            let user = format!("user-{u}");
            server
                .hub()
                .send_to_user(&user, progress(&user, "marker", 1));
            assert_eq!(request_id(&next_event(&mut ws).await), "marker");
        }
    }

    #[tokio::test]
    async fn broadcast_reaches_every_connection() {
        let server = Server::start().await;
        let mut sockets = Vec::new();
        for user in ["alice", "alice", "bob", "carol"] {
            sockets.push(server.connect_user(user).await.0);
        }
        assert_eq!(server.hub().broadcast(daily()), 4);
        for ws in &mut sockets {
            let env = next_event(ws).await;
            assert_eq!(env.event, daily());
            assert!(env.seq >= 1);
        }
    }

    #[tokio::test]
    async fn a_reading_reaches_its_requester_in_order() {
        let server = Server::start().await;
        let (mut ws, welcome) = server.connect_user("alice").await;
        let mut reading = server
            .hub()
            .start_reading("alice", "req-1", SignType::Time, "Starting");
        reading.progress(Step::Calculating, 25, "Computing FC60");
        reading.progress(Step::AiGenerating, 75, "Interpreting");
        let seq = reading.complete(42, "A quiet hour").await.expect("sent");
        assert_eq!(seq, welcome.seq + 4);
        let names: Vec<(&'static str, u64)> = {
            let mut v = Vec::new();
            for _ in 0..4 {
                let env = next_event(&mut ws).await;
                assert_eq!(request_id(&env), "req-1");
                v.push((env.event.name(), env.seq));
            }
            v
        };
        let s = welcome.seq;
        assert_eq!(
            names,
            [
                ("reading_started", s + 1),
                ("reading_progress", s + 2),
                ("reading_progress", s + 3),
                ("reading_complete", s + 4)
            ]
        );
    }
}

mod resume {
    use super::*;

    async fn disconnect(server: &Server, mut ws: Ws, user: &str) {
        ws.close(None).await.expect("close sent");
        finish(&mut ws).await;
        eventually("disconnected", || {
            server.hub().user_connection_count(user) == 0
        })
        .await;
    }

    #[tokio::test]
    async fn last_seq_replays_exactly_the_missed_events_in_order() {
        let server = Server::start().await;
        let (mut ws, welcome) = server.connect_user("alice").await;
        let epoch = welcome.epoch;
        for i in 1..=2 {
            server
                .hub()
                .send_to_user("alice", progress("alice", &format!("e{i}"), i));
        }
        let mut last_seq = 0;
        for _ in 0..2 {
            last_seq = next_event(&mut ws).await.seq;
        }
        disconnect(&server, ws, "alice").await;
        // Missed while away.
        for i in 3..=5 {
            server
                .hub()
                .send_to_user("alice", progress("alice", &format!("e{i}"), i));
        }
        let mut ws = connect(&server.url(&format!(
            "token={}&last_seq={last_seq}&epoch={epoch}",
            token("alice")
        )))
        .await;
        let welcome = expect_welcome(&mut ws).await;
        assert_eq!(welcome.seq, last_seq + 3);
        let mut replayed = Vec::new();
        for _ in 0..3 {
            let env = next_event(&mut ws).await;
            replayed.push((request_id(&env).to_owned(), env.seq));
        }
        assert_eq!(
            replayed,
            [
                ("e3".to_owned(), last_seq + 1),
                ("e4".to_owned(), last_seq + 2),
                ("e5".to_owned(), last_seq + 3)
            ]
        );
        // Then live events continue the sequence, with nothing duplicated.
        server
            .hub()
            .send_to_user("alice", progress("alice", "e6", 6));
        let env = next_event(&mut ws).await;
        assert_eq!((request_id(&env), env.seq), ("e6", last_seq + 4));
    }

    #[tokio::test]
    async fn wrong_epoch_gets_resync_required() {
        let server = Server::start().await;
        server.hub().send_to_user("alice", daily());
        let wrong = server.hub().epoch() ^ 1;
        let mut ws = connect(&server.url(&format!(
            "token={}&last_seq=0&epoch={wrong}",
            token("alice")
        )))
        .await;
        expect_welcome(&mut ws).await;
        let env = next_event(&mut ws).await;
        assert_eq!(
            serde_json::to_value(&env.event).expect("json"),
            serde_json::json!({"event": "resync_required", "data": {"reason": "epoch_mismatch"}})
        );
    }

    #[tokio::test]
    async fn evicted_events_get_resync_required() {
        let server = Server::with(|c| c.replay_capacity = 4).await;
        let (ws, welcome) = server.connect_user("alice").await;
        disconnect(&server, ws, "alice").await;
        for i in 0..10 {
            server
                .hub()
                .send_to_user("alice", progress("alice", "x", i));
        }
        let url = server.url(&format!(
            "token={}&last_seq={}&epoch={}",
            token("alice"),
            welcome.seq,
            welcome.epoch
        ));
        let mut ws = connect(&url).await;
        expect_welcome(&mut ws).await;
        let env = next_event(&mut ws).await;
        assert!(
            matches!(&env.event, Event::ResyncRequired(r) if r.reason == "events_evicted"),
            "{env:?}"
        );
        // Live events still flow after a resync.
        server
            .hub()
            .send_to_user("alice", progress("alice", "live", 1));
        assert_eq!(request_id(&next_event(&mut ws).await), "live");
    }
}

mod http {
    use super::*;

    #[tokio::test]
    async fn health_reports_connections() {
        let server = Server::start().await;
        let host = server.addr.to_string();
        let (_ws, _) = server.connect_user("alice").await;
        let (status, body) = http_get(server.addr, "/api/health", &host).await;
        assert_eq!(status, 200);
        assert_eq!(
            body,
            serde_json::json!({"status": "ok", "version": SERVER_VERSION, "connections": 1})
        );
    }

    #[tokio::test]
    async fn foreign_host_gets_403_and_unknown_path_404() {
        let server = Server::start().await;
        let (status, body) = http_get(server.addr, "/api/health", "evil.example").await;
        assert_eq!(status, 403);
        assert_eq!(body["error"]["code"], "forbidden");
        let (status, body) = http_get(server.addr, "/nope", &server.addr.to_string()).await;
        assert_eq!(status, 404);
        assert_eq!(body["error"]["code"], "not_found");
    }

    #[tokio::test]
    async fn invalid_config_is_refused_by_run() {
        captured_logs();
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let err = nps_server::run(listener, Config::new(b"short".to_vec()), async {})
            .await
            .expect_err("refused");
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    }
}

mod shutdown {
    use super::*;

    #[tokio::test]
    async fn graceful_shutdown_sends_1001_and_run_returns() {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let (stop, stopped) = oneshot::channel::<()>();
        let run = tokio::spawn(nps_server::run(listener, config(), async move {
            let _ = stopped.await;
        }));
        let url = |user: &str| format!("ws://{addr}/ws/oracle?token={}", token(user));
        let mut a = connect(&url("alice")).await;
        let mut b = connect(&url("bob")).await;
        expect_welcome(&mut a).await;
        expect_welcome(&mut b).await;
        stop.send(()).expect("server listening");
        let (ca, cb) = tokio::join!(expect_close(&mut a), expect_close(&mut b));
        assert_eq!(ca, (1001, "Server shutting down".into()));
        assert_eq!(cb, (1001, "Server shutting down".into()));
        timeout(WAIT, run)
            .await
            .expect("run returns in time")
            .expect("no panic")
            .expect("no error");
        assert!(TcpStream::connect(addr).await.is_err(), "listener closed");
    }

    #[tokio::test]
    async fn shutdown_does_not_wait_for_unresponsive_clients_forever() {
        let server = Server::start().await;
        // A client that never reads or answers the close frame.
        let (_ws, _) = server.connect_user("alice").await;
        // Bounded by close_timeout (1 s here) for the handshake.
        server.shutdown_within(Duration::from_secs(3)).await;
    }
}

mod logging {
    use super::*;

    #[tokio::test]
    async fn tokens_never_appear_in_logs() {
        let server = Server::start().await;
        let good = token("alice");
        let bad = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.Zm9yZ2VkLXNpZ25hdHVyZQ";
        let mut ws = connect(&server.url(&format!("token={good}&last_seq=0&epoch=1"))).await;
        expect_welcome(&mut ws).await;
        let mut refused = connect(&server.url(&format!("token={bad}"))).await;
        assert_eq!(
            next_frame(&mut refused).await,
            Frame::Close(4001, "Authentication required".into())
        );
        let by_header_token = token("bob");
        let (mut by_header, _) = connect_req(with_header(
            &server.url(""),
            "Sec-WebSocket-Protocol",
            &format!("nps.v1, bearer.{by_header_token}"),
        ))
        .await;
        expect_welcome(&mut by_header).await;
        let (status, _) = http_get(
            server.addr,
            &format!("/api/health?token={good}"),
            &server.addr.to_string(),
        )
        .await;
        assert_eq!(status, 200);
        ws.close(None).await.expect("close");
        finish(&mut ws).await;
        server.shutdown().await.expect("clean shutdown");

        let logs = captured_logs().text();
        // The URIs were logged, redacted.
        assert!(
            logs.contains("/ws/oracle?token=[REDACTED]&last_seq=0&epoch=1"),
            "{logs}"
        );
        assert!(logs.contains("/api/health?token=[REDACTED]"), "{logs}");
        assert!(logs.contains("websocket refused"), "{logs}");
        for secret in [good.as_str(), bad, by_header_token.as_str()] {
            assert!(
                !logs.contains(secret),
                "a token leaked into the logs:\n{logs}"
            );
            let signature = secret.rsplit('.').next().unwrap_or(secret);
            assert!(
                !logs.contains(signature),
                "a token signature leaked:\n{logs}"
            );
        }
        // No test's token (every JWT starts with `eyJ`) leaked either.
        assert!(!logs.contains("eyJ"), "a JWT leaked into the logs:\n{logs}");
    }
}
