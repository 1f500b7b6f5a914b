//! The HTTP API against a real server on a loopback port, with real WebSocket clients
//! watching the events each request produces, and a real SQLite file underneath.

use std::path::Path;
use std::time::Duration;

use nps_protocol::Event;
use nps_store::{SqliteStore, Store};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::support::*;

/// Events until (and including) the `reading_complete` or `reading_error` of `request_id`.
async fn reading_events(ws: &mut Ws, request_id: &str) -> Vec<Event> {
    let mut out = Vec::new();
    loop {
        let e = next_event(ws).await.event;
        assert_eq!(
            e.request_id(),
            Some(request_id),
            "another reading's event: {e:?}"
        );
        let end = matches!(e, Event::ReadingComplete(_) | Event::ReadingError(_));
        out.push(e);
        if end {
            return out;
        }
    }
}

async fn history_total(dir: &Path, owner: &str) -> u64 {
    let store = SqliteStore::open_in_dir(dir).unwrap();
    store
        .list_readings(owner, &Default::default())
        .await
        .unwrap()
        .total
}

mod readings {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn started_progress_complete_with_reading_id_to_the_requester_only() {
        let server = Server::start().await;
        let mut alice = server.socket("alice").await;
        let mut bob = server.socket("bob").await;
        let (status, body) = server
            .post(
                "/api/oracle/reading",
                "alice",
                json!({"datetime": "2026-02-09T14:30:00+01:00", "locale": "fa", "request_id": "r-1"}),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        let reading_id = body["reading_id"].as_i64().unwrap();
        assert_eq!(body["request_id"], "r-1");
        assert_eq!(body["sign_type"], "time");
        assert_eq!(body["result"]["stamp"]["fc60"], "LU-OX-OXWA 🌙TI-HOWU-RAWU");
        assert_eq!(body["text"]["direction"], "rtl");

        let events = reading_events(&mut alice, "r-1").await;
        let steps: Vec<(String, u8, Option<i64>)> = events
            .iter()
            .filter_map(|e| match e {
                Event::ReadingStarted(s) => Some((s.step.as_str().to_string(), s.progress, None)),
                Event::ReadingProgress(p) => {
                    Some((p.step.as_str().to_string(), p.progress, p.reading_id))
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            steps,
            [
                ("started".into(), 0, None),
                ("calculating".into(), 25, None),
                ("calculating".into(), 50, None),
                ("ai_generating".into(), 75, None),
                ("combining".into(), 90, None),
                ("complete".into(), 100, Some(reading_id)),
            ]
        );
        let Event::ReadingStarted(started) = &events[0] else {
            panic!()
        };
        assert_eq!(
            (started.sign_type.as_str(), started.user_id.as_str()),
            ("time", "alice")
        );
        assert!(
            started.message.contains("آماده"),
            "a Persian message: {}",
            started.message
        );
        let Some(Event::ReadingComplete(done)) = events.last() else {
            panic!()
        };
        assert_eq!(done.reading_id, reading_id);
        assert_eq!(done.summary, body["summary"].as_str().unwrap());

        // Bob saw nothing of it: the first event he gets is the broadcast that follows.
        let (status, _) = server
            .admin_post(
                "/api/admin/daily",
                json!({"date": "2026-02-09", "locale": "en"}),
            )
            .await;
        assert_eq!(status, 200);
        assert!(matches!(
            next_event(&mut bob).await.event,
            Event::DailyReading(_)
        ));
        let dir = server.stop().await;
        assert_eq!(history_total(dir.path(), "alice").await, 1);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_failing_reading_sends_reading_error_and_stores_nothing() {
        let server = Server::start().await;
        let mut alice = server.socket("alice").await;
        let (status, body) = server
            .post(
                "/api/oracle/name",
                "alice",
                json!({"name": "  ", "request_id": "bad-1"}),
            )
            .await;
        assert_eq!(status, 422);
        assert_eq!(body["error"]["code"], "invalid_input");
        assert_eq!(body["error"]["message"], "the name is empty");
        let events = reading_events(&mut alice, "bad-1").await;
        assert!(matches!(events[0], Event::ReadingStarted(_)));
        let Some(Event::ReadingError(err)) = events.last() else {
            panic!("{events:?}")
        };
        assert_eq!(err.sign_type.as_str(), "name");
        assert!(err.error.contains("the name is empty"), "{}", err.error);
        assert!(
            !events
                .iter()
                .any(|e| matches!(e, Event::ReadingComplete(_)))
        );
        let dir = server.stop().await;
        assert_eq!(history_total(dir.path(), "alice").await, 0);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn every_kind_answers_with_a_stored_reading() {
        let server = Server::start().await;
        let profile = json!({"name": "Alice Johnson", "birth_date": "1990-07-15", "mother_name": "Barbara Johnson",
                             "gender": "female", "latitude": 40.7, "longitude": -74.0, "bpm": 68});
        let cases = [
            ("/api/oracle/reading", json!({"datetime": "2026-02-09"})),
            (
                "/api/oracle/name",
                json!({"name": "علی رضایی", "birth_date": "1985-03-21", "locale": "fa"}),
            ),
            (
                "/api/oracle/question",
                json!({"question": "What should I focus on?", "numerology_system": "chaldean"}),
            ),
            (
                "/api/oracle/full",
                json!({"profile": profile, "datetime": "2026-02-09T14:30:00-05:00"}),
            ),
            (
                "/api/oracle/compatibility",
                json!({"profiles": [
                {"name": "Alice", "birth_date": "1990-07-15"}, {"name": "Bob", "birth_date": "1984-02-02"}]}),
            ),
        ];
        for (path, body) in cases {
            let (status, got) = server.post(path, "alice", body).await;
            assert_eq!(status, 200, "{path}: {got}");
            assert!(got["reading_id"].as_i64().unwrap() > 0);
            assert!(!got["summary"].as_str().unwrap().is_empty());
        }
        let (_, full) = server.get("/api/oracle/readings/4", "alice").await;
        assert_eq!(full["result"]["numerology"]["life_path"]["number"], 5);
        assert_eq!(full["result"]["confidence"]["score"], 95);
        // The same reading, shown in Persian on request.
        let (_, fa) = server
            .get("/api/oracle/readings/4?locale=fa", "alice")
            .await;
        assert_eq!(fa["text"]["direction"], "rtl");
        assert!(
            fa["summary"].as_str().unwrap().contains("خوانش"),
            "{}",
            fa["summary"]
        );
        assert_eq!(
            fa["result"], full["result"],
            "figures do not depend on the language"
        );
        let (_, list) = server.get("/api/oracle/readings", "alice").await;
        assert_eq!(list["total"], 5);
        let (_, names) = server.get("/api/oracle/readings?type=name", "alice").await;
        assert_eq!(names["total"], 1);
        let (_, found) = server.get("/api/oracle/readings?q=chaldean", "alice").await;
        assert_eq!(found["total"], 1);
        // Date range (UTC days, inclusive): a range around now holds all five, a day
        // long past none.
        let (_, wide) = server
            .get(
                "/api/oracle/readings?from=2000-01-01&to=2099-12-31",
                "alice",
            )
            .await;
        assert_eq!(wide["total"], 5, "{wide}");
        let (_, none) = server
            .get(
                "/api/oracle/readings?from=2000-01-01&to=2000-01-01",
                "alice",
            )
            .await;
        assert_eq!(none["total"], 0);
        let (status, bad) = server
            .get("/api/oracle/readings?from=2026-02-30", "alice")
            .await;
        assert_eq!(status, 422, "{bad}");
        server.stop().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn fifty_users_reading_at_once_see_only_their_own_events() {
        let server = std::sync::Arc::new(Server::start().await);
        let mut tasks = Vec::new();
        for u in 0..50 {
            let server = server.clone();
            tasks.push(tokio::spawn(async move {
                let user = format!("user{u}");
                let mut ws = server.socket(&user).await;
                let rid = format!("req-{u}");
                let (status, body) = server
                    .post(
                        "/api/oracle/reading",
                        &user,
                        json!({"datetime": "2026-02-09T10:00:00Z", "request_id": rid}),
                    )
                    .await;
                assert_eq!(status, 200, "{body}");
                // reading_events panics on any event of another request.
                let events = reading_events(&mut ws, &rid).await;
                for e in &events {
                    assert_eq!(e.user_id(), Some(user.as_str()));
                }
                assert_eq!(events.len(), 7);
            }));
        }
        for t in tasks {
            tokio::time::timeout(WAIT * 3, t).await.unwrap().unwrap();
        }
        let server = std::sync::Arc::into_inner(server).unwrap();
        server.stop().await;
    }
}

mod bad_input {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn each_gets_a_422_with_a_clear_message_and_nothing_is_stored() {
        let server = Server::start().await;
        let long = "a".repeat(1001);
        let cases = [
            (
                "/api/oracle/reading",
                json!({"datetime": "2026-02-30T10:00:00Z"}),
                "datetime",
            ),
            (
                "/api/oracle/reading",
                json!({"datetime": "2026-02-09T24:00:00Z"}),
                "hour 24",
            ),
            (
                "/api/oracle/reading",
                json!({"locale": "de"}),
                "unknown locale",
            ),
            (
                "/api/oracle/name",
                json!({"name": "Ali", "numerology_system": "klingon"}),
                "unknown numerology system",
            ),
            ("/api/oracle/name", json!({"name": ""}), "the name is empty"),
            ("/api/oracle/name", json!({"name": "?!"}), "no letters"),
            (
                "/api/oracle/name",
                json!({"name": "Иван"}),
                "none of the letters of “Иван” count in the Pythagorean system",
            ),
            (
                "/api/oracle/full",
                json!({"profile": {"name": "Ali", "birth_date": "1990-01-01", "mother_name": "Мария"}}),
                "“Мария”",
            ),
            (
                "/api/oracle/name",
                json!({"name": "Ali", "birth_date": "1990-13-01"}),
                "birth_date",
            ),
            (
                "/api/oracle/question",
                json!({"question": long}),
                "at most 1000",
            ),
            (
                "/api/oracle/full",
                json!({"profile": {"name": "Ali", "birth_date": "1990-01-01", "latitude": 95.0, "longitude": 0.0}}),
                "latitude",
            ),
            (
                "/api/oracle/full",
                json!({"profile": {"name": "Ali", "birth_date": "1990-01-01", "latitude": 5.0}}),
                "go together",
            ),
            (
                "/api/oracle/compatibility",
                json!({"profiles": [{"name": "Ali", "birth_date": "1990-01-01"}]}),
                "2 to 5",
            ),
            ("/api/oracle/name", json!({"nom": "Ali"}), "name"),
        ];
        for (path, body, needle) in cases {
            let (status, got) = server.post(path, "alice", body.clone()).await;
            assert_eq!(status, 422, "{path} {body}: {got}");
            let message = got["error"]["message"].as_str().unwrap_or_default();
            assert!(
                message.contains(needle),
                "{path} {body}: {message:?} lacks {needle:?}"
            );
        }
        // A body over 64 KiB.
        let huge = json!({"name": "a".repeat(70 * 1024)}).to_string();
        let (status, got) = server
            .call("POST", "/api/oracle/name", Some("alice"), Some(&huge))
            .await;
        assert_eq!(status, 422, "{got}");
        assert!(got["error"]["message"].as_str().unwrap().contains("64 KiB"));
        // Not JSON at all.
        let (status, got) = server
            .call("POST", "/api/oracle/name", Some("alice"), Some("{nope"))
            .await;
        assert_eq!(status, 400, "{got}");
        assert_eq!(got["error"]["code"], "bad_request");
        // No token.
        let (status, got) = server
            .call("POST", "/api/oracle/reading", None, Some("{}"))
            .await;
        assert_eq!(status, 401, "{got}");
        // A search text over the limit is a 422 with its message rendered, not its id.
        let q = "a".repeat(201);
        let (status, got) = server
            .get(&format!("/api/oracle/readings?q={q}"), "alice")
            .await;
        assert_eq!(status, 422, "{got}");
        assert_eq!(
            got["error"]["message"],
            "The search text is longer than 200 characters"
        );
        let (_, list) = server.get("/api/oracle/readings", "alice").await;
        assert_eq!(list["total"], 0);
        server.stop().await;
    }
}

mod history {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn another_users_reading_is_a_404_everywhere() {
        let server = Server::start().await;
        let (_, a) = server
            .post(
                "/api/oracle/reading",
                "alice",
                json!({"datetime": "2026-02-09"}),
            )
            .await;
        let id = a["reading_id"].as_i64().unwrap();
        let path = format!("/api/oracle/readings/{id}");
        assert_eq!(server.get(&path, "bob").await.0, 404);
        assert_eq!(server.call("DELETE", &path, Some("bob"), None).await.0, 404);
        assert_eq!(
            server
                .call("PATCH", &format!("{path}/favorite"), Some("bob"), None)
                .await
                .0,
            404
        );
        assert_eq!(
            server.get("/api/oracle/readings", "bob").await.1["total"],
            0
        );
        // Still there, untouched, for its owner.
        let (status, got) = server.get(&path, "alice").await;
        assert_eq!(status, 200);
        assert_eq!(got["reading_id"], id);
        let (_, fav) = server
            .call("PATCH", &format!("{path}/favorite"), Some("alice"), None)
            .await;
        assert_eq!(fav, json!({"reading_id": id, "favorite": true}));
        let (_, fav) = server
            .call(
                "PATCH",
                &format!("{path}/favorite"),
                Some("alice"),
                Some(r#"{"favorite": true}"#),
            )
            .await;
        assert_eq!(fav["favorite"], true, "setting keeps it on");
        assert_eq!(
            server
                .get("/api/oracle/readings?favorite=true", "alice")
                .await
                .1["total"],
            1
        );
        assert_eq!(
            server.call("DELETE", &path, Some("alice"), None).await.0,
            204
        );
        assert_eq!(server.get(&path, "alice").await.0, 404);
        assert_eq!(
            server.call("DELETE", &path, Some("alice"), None).await.0,
            404
        );
        let (status, _) = server.get("/api/oracle/readings?limit=abc", "alice").await;
        assert_eq!(status, 422);
        server.stop().await;
    }
}

mod auth {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn login_and_rotating_refresh() {
        let server = Server::with_users(&["sara"], |_| {}).await;
        let (status, bad) = server.login("sara", "wrong").await;
        assert_eq!(status, 401, "{bad}");
        let (status, _) = server.login("nobody", PASSWORD).await;
        assert_eq!(status, 401);
        let (status, tokens) = server.login("Sara", PASSWORD).await;
        assert_eq!(status, 200, "{tokens}");
        assert_eq!(tokens["token_type"], "bearer");
        assert_eq!(tokens["expires_in"], 3600);
        let access = tokens["access_token"].as_str().unwrap();
        let bearer = format!("Bearer {access}");
        let (status, _) = http(
            server.addr,
            "POST",
            "/api/oracle/reading",
            &[
                ("Authorization", bearer.as_str()),
                ("Content-Type", "application/json"),
            ],
            Some("{}"),
        )
        .await
        .json();
        assert_eq!(status, 200);
        let refresh = json!({"refresh_token": tokens["refresh_token"]}).to_string();
        let (status, again) = server
            .call("POST", "/api/auth/refresh", None, Some(&refresh))
            .await;
        assert_eq!(status, 200, "{again}");
        assert_ne!(
            again["refresh_token"], tokens["refresh_token"],
            "refresh tokens rotate"
        );
        // Within the grace (a second tab), the same token yields another valid one.
        let (status, tab) = server
            .call("POST", "/api/auth/refresh", None, Some(&refresh))
            .await;
        assert_eq!(status, 200, "{tab}");
        assert_ne!(tab["refresh_token"], again["refresh_token"]);
        server.stop().await;
    }
}

mod locale {
    use super::*;

    /// Method, path, token, extra headers, body; the status and message expected.
    type Case<'a> = (
        &'a str,
        &'a str,
        Option<&'a str>,
        &'a [(&'a str, &'a str)],
        Option<&'a str>,
        u16,
        &'a str,
    );

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn errors_come_in_the_requests_language() {
        let server = Server::start().await;
        let alice = token("alice");
        let alice = Some(alice.as_str());
        let fa = [("Accept-Language", "fa")];
        let en = [("Accept-Language", "en")];
        let cases: [Case; 8] = [
            // No token: by the header, or by `?locale=`.
            (
                "GET",
                "/api/oracle/readings",
                None,
                &fa,
                None,
                401,
                "برای این کار باید وارد شوید",
            ),
            (
                "GET",
                "/api/oracle/daily?locale=fa",
                None,
                &[],
                None,
                401,
                "برای این کار باید وارد شوید",
            ),
            (
                "GET",
                "/api/oracle/readings/99",
                alice,
                &fa,
                None,
                404,
                "پیدا نشد",
            ),
            (
                "GET",
                "/api/oracle/readings/abc",
                alice,
                &[],
                None,
                404,
                "Not found",
            ),
            // A body that is not JSON, and one without a required field.
            (
                "POST",
                "/api/oracle/name",
                alice,
                &fa,
                Some("{nope"),
                400,
                "بدنهٔ درخواست JSON درستی نیست (سطر ۱، ستون ۲)",
            ),
            (
                "POST",
                "/api/oracle/name",
                alice,
                &fa,
                Some("{}"),
                422,
                "فیلد name نیامده است",
            ),
            (
                "GET",
                "/api/oracle/readings?limit=x",
                alice,
                &fa,
                None,
                422,
                "نوع یا مقدار پارامتر limit در نشانی درست نیست",
            ),
            // A reading's errors follow the `locale` of its body, whatever the header says.
            (
                "POST",
                "/api/oracle/name",
                alice,
                &en,
                Some(r#"{"name": " ", "locale": "fa"}"#),
                422,
                "نام خالی است",
            ),
        ];
        for (method, path, token, headers, body, status, message) in cases {
            let got = server.call_with(method, path, token, headers, body).await;
            assert_eq!(got.0, status, "{method} {path}: {}", got.1);
            assert_eq!(got.1["error"]["message"], message, "{method} {path}");
        }
        // A foreign Host: 403 in the header's language.
        let forbidden = get_health(
            server.addr,
            &[("Host", "evil.example"), ("Accept-Language", "fa")],
        )
        .await
        .json();
        assert_eq!(
            forbidden,
            (
                403,
                json!({"error": {"code": "forbidden", "message": "این صفحه یا نشانی اجازهٔ استفاده از این سرور را ندارد"}})
            )
        );
        server.stop().await;
    }
}

mod shutdown {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn graceful_shutdown_loses_no_completed_reading() {
        let server = Server::start().await;
        let addr = server.addr;
        let mut requests = Vec::new();
        for i in 0..20 {
            requests.push(tokio::spawn(async move {
                let auth = format!("Authorization: Bearer {}\r\n", token("alice"));
                let body = json!({"datetime": "2026-02-09T10:00:00Z", "request_id": format!("s{i}")}).to_string();
                let mut s = TcpStream::connect(addr).await.ok()?;
                let req = format!(
                    "POST /api/oracle/reading HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{auth}\r\n{body}",
                    body.len()
                );
                s.write_all(req.as_bytes()).await.ok()?;
                let mut out = Vec::new();
                s.read_to_end(&mut out).await.ok()?;
                let text = String::from_utf8_lossy(&out).to_string();
                let (_, body) = text.split_once("\r\n\r\n")?;
                serde_json::from_str::<Value>(body).ok()?["reading_id"].as_i64()
            }));
        }
        tokio::time::sleep(Duration::from_millis(30)).await;
        let dir = server.stop().await;
        let mut completed = Vec::new();
        for r in requests {
            if let Some(id) = r.await.unwrap() {
                completed.push(id);
            }
        }
        let store = SqliteStore::open_in_dir(dir.path()).unwrap();
        for id in &completed {
            assert!(
                store.get_reading("alice", *id).await.unwrap().is_some(),
                "reading {id} was answered but is not stored"
            );
        }
        assert_eq!(
            store
                .list_readings("alice", &Default::default())
                .await
                .unwrap()
                .total as usize,
            completed.len()
        );
    }
}
