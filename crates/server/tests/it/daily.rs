//! The daily insight: reading it never broadcasts; an admin publishes it once per
//! (date, locale) to every connection; nobody else can.

use nps_protocol::{DailyResponse, Event, Locale, ReadingProgress, Step};
use serde_json::{Value, json};

use crate::support::*;

/// An event only `user` is sent, to prove nothing came before it.
fn marker(server: &Server, user: &str) {
    server.hub().send_to_user(
        user,
        Event::ReadingProgress(ReadingProgress {
            request_id: "marker".into(),
            reading_id: None,
            step: Step::Calculating,
            progress: 1,
            message: String::new(),
            user_id: user.into(),
        }),
    );
}

/// The next event is the marker: nothing else was queued for this socket.
async fn nothing_before_the_marker(server: &Server, user: &str, ws: &mut Ws) {
    marker(server, user);
    let event = next_event(ws).await.event;
    assert_eq!(event.request_id(), Some("marker"), "{event:?}");
}

/// `POST /api/admin/daily` as an admin: each language's (locale, broadcast,
/// delivered).
async fn publish(server: &Server, body: Value) -> Vec<(String, bool, u64)> {
    let (status, body) = server.admin_post("/api/admin/daily", body).await;
    assert_eq!(status, 200, "{body}");
    body["publications"]
        .as_array()
        .unwrap_or_else(|| panic!("publications in {body}"))
        .iter()
        .map(|p| {
            (
                p["locale"].as_str().unwrap_or_default().to_owned(),
                p["broadcast"].as_bool().unwrap_or_default(),
                p["delivered"].as_u64().unwrap_or(u64::MAX),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_gets_for_28_dates_put_no_frame_on_any_socket() {
    let server = Server::start().await;
    let mut alice = server.socket("alice").await;
    let mut bob = server.socket("bob").await;
    let mut first = Vec::new();
    for i in 0..50 {
        let path = format!("/api/oracle/daily?date=1999-01-{:02}", i % 28 + 1);
        let (status, body) = server.get(&path, "alice").await;
        assert_eq!(status, 200, "{path}: {body}");
        if i < 28 {
            first.push(body);
        } else {
            // The second time a day is asked for, it is the same insight (stored).
            assert_eq!(body, first[i % 28], "{path}");
        }
    }
    assert_eq!(first[0]["date"], "1999-01-01");
    assert_eq!(first[27]["date"], "1999-01-28");
    nothing_before_the_marker(&server, "bob", &mut bob).await;
    nothing_before_the_marker(&server, "alice", &mut alice).await;
    let dir = server.stop().await;
    let store = nps_store::SqliteStore::open_in_dir(dir.path()).expect("store");
    let stored = nps_store::Store::get_daily_insight(&store, "1999-01-15", "en")
        .await
        .expect("read")
        .expect("the day was stored");
    let stored: DailyResponse = serde_json::from_value(stored.insight).expect("a DailyResponse");
    assert_eq!(json!(stored), first[14]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_broadcasts_once_per_date_and_locale_to_every_socket() {
    // The default languages, as a real server publishes them.
    let server = Server::with(|c| c.daily_locales = Locale::ALL.to_vec()).await;
    let mut sockets = Vec::new();
    for user in ["alice", "alice", "bob", "carol"] {
        sockets.push((user, server.socket(user).await));
    }
    let (status, body) = server
        .admin_post(
            "/api/admin/daily",
            json!({"date": "2026-02-09", "locale": "fa"}),
        )
        .await;
    let sent = json!({"date": "2026-02-09", "publications": [{"locale": "fa", "broadcast": true, "delivered": 4}]});
    assert_eq!((status, body), (200, sent));
    let (_, day) = server
        .get("/api/oracle/daily?date=2026-02-09&locale=fa", "bob")
        .await;
    for (_, ws) in &mut sockets {
        let Event::DailyReading(d) = next_event(ws).await.event else {
            panic!("not daily")
        };
        assert_eq!((d.date.as_str(), d.locale.as_str()), ("2026-02-09", "fa"));
        assert_eq!(json!(d.lucky_numbers), day["lucky_numbers"]);
        assert_eq!(d.insight, day["insight"].as_str().unwrap_or_default());
        assert!(d.insight.contains("دوشنبه"), "{}", d.insight);
    }

    // Again: 200, nothing sent. Another language of the same day: sent.
    let fa = json!({"date": "2026-02-09", "locale": "fa"});
    assert_eq!(publish(&server, fa).await, [("fa".into(), false, 0)]);
    let both = json!({"date": "2026-02-09"});
    assert_eq!(
        publish(&server, both.clone()).await,
        [("en".into(), true, 4), ("fa".into(), false, 0)]
    );
    for (_, ws) in &mut sockets {
        let Event::DailyReading(d) = next_event(ws).await.event else {
            panic!("not daily")
        };
        assert_eq!((d.date.as_str(), d.locale.as_str()), ("2026-02-09", "en"));
    }
    assert_eq!(
        publish(&server, both).await,
        [("en".into(), false, 0), ("fa".into(), false, 0)]
    );
    // Exactly once each: the next event of every socket is its marker.
    for (user, ws) in &mut sockets {
        nothing_before_the_marker(&server, user, ws).await;
    }

    for bad in [json!({"date": "2026-02-31"}), json!({"locale": "de"})] {
        let (status, body) = server.admin_post("/api/admin/daily", bad).await;
        assert_eq!(status, 422, "{body}");
    }
    let (status, _) = server.get("/api/oracle/daily?date=2026-02-31", "bob").await;
    assert_eq!(status, 422);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_one_else_can_publish() {
    let server = Server::start().await;
    let mut bob = server.socket("bob").await;
    let body = Some(r#"{"date": "2026-02-09", "locale": "en"}"#);
    let user = token("bob");
    let cases: [(Option<&str>, &str, u16, &str, &str); 3] = [
        (
            Some(&user),
            "en",
            403,
            "forbidden",
            "Only an administrator may do this",
        ),
        (
            Some(&user),
            "fa-IR,fa;q=0.9,en;q=0.5",
            403,
            "forbidden",
            "فقط مدیر اجازهٔ این کار را دارد",
        ),
        (None, "en", 401, "unauthorized", "Authentication required"),
    ];
    for (token, language, status, code, message) in cases {
        let got = server
            .call_with(
                "POST",
                "/api/admin/daily",
                token,
                &[("Accept-Language", language)],
                body,
            )
            .await;
        assert_eq!(
            got,
            (status, json!({"error": {"code": code, "message": message}}))
        );
    }
    nothing_before_the_marker(&server, "bob", &mut bob).await;
    server.stop().await;
}

/// With `personal=true` and a saved "me", the day is read for that person — their
/// personal day is its focus — without touching the day everyone gets.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_day_is_personal_for_a_saved_me_and_only_when_asked() {
    let server = Server::start().await;
    let path = |personal: &str| format!("/api/oracle/daily?date=2026-02-09&locale=en{personal}");
    // 2026-02-09: universal day 2+0+2+6+2+9 = 21 → 3.
    let (status, everyone) = server.get(&path(""), "alice").await;
    assert_eq!(status, 200, "{everyone}");
    assert_eq!(everyone["figures"]["focus_number"], 3);
    assert!(everyone.get("personal_for").is_none(), "{everyone}");
    // No "me" yet: the day for everyone.
    let (_, asked) = server.get(&path("&personal=true"), "alice").await;
    assert_eq!(asked, everyone);

    let me = json!({ "person": { "name": "Sara", "birth_date": "1990-07-15" }, "is_me": true });
    assert_eq!(server.post("/api/profiles", "alice", me).await.0, 201);
    // Born 15 July: personal year 7 + 6 + (2+0+2+6 → 1) = 14 → 5, month 5 + 2 = 7,
    // day 7 + 9 = 16 → 7.
    let (status, personal) = server.get(&path("&personal=true"), "alice").await;
    assert_eq!(status, 200, "{personal}");
    assert_eq!(personal["personal_for"], "Sara");
    assert_eq!(personal["figures"]["focus_number"], 7);
    assert_eq!(personal["date"], "2026-02-09");
    // Horse year (1990): the horse's hours.
    assert_eq!(
        personal["figures"]["lucky_hours"],
        json!(["11:00–11:59", "12:00–12:59"])
    );
    // Everyone else's day, and the stored one, are unchanged.
    assert_eq!(server.get(&path(""), "alice").await.1, everyone);
    assert_eq!(server.get(&path("&personal=true"), "bob").await.1, everyone);
}
