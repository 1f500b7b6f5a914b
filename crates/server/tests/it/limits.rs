//! Issue 10, items 4, 6 and 7 on a real server: login throttling and the password
//! gate (its flood test is `tests/login_flood.rs`, alone in its process), reading rates, bounded inputs, refresh-token families.

use std::time::Duration;

use serde_json::{Value, json};

use crate::support::*;

/// A 429 `too_many_requests` whose message starts with `message_start`, with a
/// `Retry-After`; its seconds.
fn too_many_requests(reply: Reply, message_start: &str) -> u64 {
    let retry = reply
        .header("retry-after")
        .map(|seconds| seconds.parse().expect("Retry-After in seconds"));
    let (status, body) = reply.json();
    assert_eq!(status, 429, "{body}");
    assert_eq!(body["error"]["code"], "too_many_requests");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.starts_with(message_start), "{message}");
    retry.expect("a Retry-After header")
}

async fn refresh(server: &Server, token: &Value) -> (u16, Value) {
    let body = json!({"refresh_token": token}).to_string();
    server
        .call("POST", "/api/auth/refresh", None, Some(&body))
        .await
}

mod throttling {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn logins_for_one_username_are_limited_from_any_ip_in_the_request_language() {
        let server = Server::with_users(&["sara"], |c| c.logins_per_username_per_minute = 2).await;
        for _ in 0..2 {
            assert_eq!(server.login("sara", "wrong").await.0, 401);
        }
        let body = json!({"username": "SARA", "password": PASSWORD}).to_string();
        let reply = http(
            server.addr,
            "POST",
            "/api/auth/login",
            &[
                ("Content-Type", "application/json"),
                ("Accept-Language", "fa"),
            ],
            Some(&body),
        )
        .await;
        let retry = too_many_requests(reply, "تلاش‌های ورود بیش از اندازه");
        assert!((1..=30).contains(&retry), "{retry}");
        // Another user is not limited by sara's.
        assert_eq!(server.login("omid", "x").await.0, 401);
        server.stop().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn refresh_and_logout_are_limited_per_client_ip_before_any_database_work() {
        let server =
            Server::with_users(&["sara"], |c| c.token_requests_per_ip_per_minute = 3).await;
        let (_, first) = server.login("sara", PASSWORD).await;
        // Three token requests from 127.0.0.1: a refresh, a replayed guess, a logout.
        let (status, second) = refresh(&server, &first["refresh_token"]).await;
        assert_eq!(status, 200, "{second}");
        assert_eq!(refresh(&server, &json!("guess")).await.0, 401);
        let logout = json!({"refresh_token": "guess"}).to_string();
        let (status, _) = server
            .call("POST", "/api/auth/logout", None, Some(&logout))
            .await;
        assert_eq!(status, 204);
        // The fourth is refused before the store sees it: sara's valid token is not
        // rotated (it still works from another address afterwards).
        let body = json!({"refresh_token": second["refresh_token"]}).to_string();
        let json_fa = [
            ("Content-Type", "application/json"),
            ("Accept-Language", "fa"),
        ];
        let token_request = async |from: &str, path: &str| {
            let from = from.parse().expect("an address");
            http_from(from, server.addr, "POST", path, &json_fa, Some(&body)).await
        };
        let reply = token_request("127.0.0.1", "/api/auth/refresh").await;
        too_many_requests(reply, "درخواست‌های نشست از این نشانی بیش از اندازه");
        let reply = token_request("127.0.0.1", "/api/auth/logout").await;
        assert_eq!(reply.status, 429);
        // Another client address has its own budget, and the token was never used.
        let reply = token_request("127.0.0.2", "/api/auth/refresh").await;
        let (status, third) = reply.json();
        assert_eq!(status, 200, "{third}");
        assert_ne!(third["refresh_token"], second["refresh_token"]);
        server.stop().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn readings_are_limited_per_user() {
        let server = Server::with(|c| c.readings_per_user_per_minute = 2).await;
        for _ in 0..2 {
            let (status, body) = server.post("/api/oracle/reading", "ali", json!({})).await;
            assert_eq!(status, 200, "{body}");
        }
        let reply = http(
            server.addr,
            "POST",
            "/api/oracle/reading",
            &[
                ("Content-Type", "application/json"),
                ("Authorization", &format!("Bearer {}", token("ali"))),
            ],
            Some(r#"{"locale": "en"}"#),
        )
        .await;
        too_many_requests(reply, "Too many readings in a short time; try again in ");
        assert_eq!(
            server
                .post("/api/oracle/reading", "mina", json!({}))
                .await
                .0,
            200
        );
        let (_, history) = server.get("/api/oracle/readings", "ali").await;
        assert_eq!(history["total"], 2, "the refused reading was not stored");
        server.stop().await;
    }
}

mod bounded_inputs {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn names_over_200_characters_are_refused_in_the_request_language() {
        let server = Server::start().await;
        let (status, ok) = server
            .post("/api/oracle/name", "ali", json!({"name": "ب".repeat(200)}))
            .await;
        assert_eq!(status, 200, "{ok}");
        let (status, body) = server
            .post(
                "/api/oracle/name",
                "ali",
                json!({"name": "n".repeat(60_000), "locale": "en"}),
            )
            .await;
        assert_eq!(status, 422);
        assert_eq!(body["error"]["code"], "invalid_input");
        assert_eq!(
            body["error"]["message"],
            "the name has 60000 characters; at most 200 are accepted"
        );
        let profile = json!({"name": "Ada", "birth_date": "1990-05-17",
                             "mother_name": "م".repeat(201)});
        let (status, body) = server
            .post(
                "/api/oracle/full",
                "ali",
                json!({"profile": profile, "locale": "fa"}),
            )
            .await;
        assert_eq!(status, 422);
        assert_eq!(
            body["error"]["message"],
            "نام مادر ۲۰۱ نویسه دارد؛ حداکثر ۲۰۰ نویسه پذیرفته می‌شود"
        );
        let people: Vec<Value> = (0..2)
            .map(|i| json!({"name": format!("{i}{}", "x".repeat(300)), "birth_date": "1990-05-17"}))
            .collect();
        let (status, _) = server
            .post(
                "/api/oracle/compatibility",
                "ali",
                json!({"profiles": people}),
            )
            .await;
        assert_eq!(status, 422);
        let (_, history) = server.get("/api/oracle/readings", "ali").await;
        assert_eq!(
            history["total"], 1,
            "only the reading within bounds is stored"
        );
        server.stop().await;
    }
}

mod stored_readings {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_full_history_refuses_a_reading_with_422_until_one_is_deleted() {
        let server = Server::with(|c| c.max_readings_per_user = 2).await;
        let mut ids = Vec::new();
        for _ in 0..2 {
            let (status, body) = server.post("/api/oracle/reading", "ali", json!({})).await;
            assert_eq!(status, 200, "{body}");
            ids.push(body["reading_id"].as_i64().unwrap());
        }
        let (status, body) = server
            .post("/api/oracle/reading", "ali", json!({"locale": "fa"}))
            .await;
        assert_eq!(status, 422);
        assert_eq!(
            body["error"]["message"],
            "تاریخچه پر است (۲ خوانش)؛ برای ذخیرهٔ خوانش‌های تازه چند خوانش را پاک کنید"
        );
        let (_, history) = server.get("/api/oracle/readings", "ali").await;
        assert_eq!(history["total"], 2);
        let path = format!("/api/oracle/readings/{}", ids[0]);
        assert_eq!(server.call("DELETE", &path, Some("ali"), None).await.0, 204);
        assert_eq!(
            server.post("/api/oracle/reading", "ali", json!({})).await.0,
            200
        );
        server.stop().await;
    }
}

mod refresh_tokens {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_reused_token_revokes_its_family() {
        // No grace: any second use of a rotated token is a reuse.
        let server = Server::with_users(&["sara"], |c| c.refresh_grace = Duration::ZERO).await;
        let (_, first) = server.login("sara", PASSWORD).await;
        let (_, other_login) = server.login("sara", PASSWORD).await;
        let (status, second) = refresh(&server, &first["refresh_token"]).await;
        assert_eq!(status, 200);
        let (status, body) = refresh(&server, &first["refresh_token"]).await;
        assert_eq!(
            (status, &body["error"]["code"]),
            (401, &json!("unauthorized"))
        );
        // The successor is revoked with it; the other login is untouched.
        assert_eq!(refresh(&server, &second["refresh_token"]).await.0, 401);
        assert_eq!(refresh(&server, &other_login["refresh_token"]).await.0, 200);
        server.stop().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn two_tabs_refreshing_at_once_both_stay_signed_in() {
        let server = Server::with_users(&["sara"], |_| {}).await;
        let (_, tokens) = server.login("sara", PASSWORD).await;
        let (a, b) = tokio::join!(
            refresh(&server, &tokens["refresh_token"]),
            refresh(&server, &tokens["refresh_token"])
        );
        assert_eq!((a.0, b.0), (200, 200), "{a:?} {b:?}");
        assert_ne!(a.1["refresh_token"], b.1["refresh_token"]);
        assert_eq!(refresh(&server, &a.1["refresh_token"]).await.0, 200);
        assert_eq!(refresh(&server, &b.1["refresh_token"]).await.0, 200);
        server.stop().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn logout_revokes_the_family() {
        let server = Server::with_users(&["sara"], |_| {}).await;
        let (_, first) = server.login("sara", PASSWORD).await;
        let (_, second) = refresh(&server, &first["refresh_token"]).await;
        let logout = |token: &Value| json!({"refresh_token": token}).to_string();
        let reply = http(
            server.addr,
            "POST",
            "/api/auth/logout",
            &[("Content-Type", "application/json")],
            Some(&logout(&first["refresh_token"])),
        )
        .await;
        assert_eq!(reply.status, 204);
        assert_eq!(refresh(&server, &second["refresh_token"]).await.0, 401);
        // An unknown token: nothing to end, the same answer.
        let (status, _) = server
            .call(
                "POST",
                "/api/auth/logout",
                None,
                Some(&logout(&json!("nope"))),
            )
            .await;
        assert_eq!(status, 204);
        server.stop().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_login_ends_after_its_absolute_lifetime_however_rotated() {
        let server =
            Server::with_users(&["sara"], |c| c.refresh_lifetime = Duration::from_secs(2)).await;
        let (_, first) = server.login("sara", PASSWORD).await;
        let (status, second) = refresh(&server, &first["refresh_token"]).await;
        assert_eq!(status, 200);
        tokio::time::sleep(Duration::from_millis(2100)).await;
        assert_eq!(refresh(&server, &second["refresh_token"]).await.0, 401);
        server.stop().await;
    }
}
