//! `/api/profiles`: saved people over real HTTP on a real server and SQLite file —
//! owner-scoped (another user gets 404), one "me", checked like a full reading, errors
//! in the request's language.

use serde_json::{Value, json};

use crate::support::*;

fn sara() -> Value {
    json!({ "name": "Sara Ahmadi", "birth_date": "1990-07-15", "gender": "female",
            "latitude": 35.6892, "longitude": 51.389 })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn save_list_change_and_delete_a_person() {
    let server = Server::start().await;
    let (status, empty) = server.get("/api/profiles", "alice").await;
    assert_eq!((status, empty), (200, json!({ "items": [] })));

    let (status, me) = server
        .post(
            "/api/profiles",
            "alice",
            json!({ "person": sara(), "is_me": true }),
        )
        .await;
    assert_eq!(status, 201, "{me}");
    let id = me["id"].as_i64().unwrap();
    assert_eq!(me["person"]["name"], "Sara Ahmadi");
    assert_eq!(me["person"]["latitude"], 35.6892);
    assert_eq!(me["is_me"], true);
    assert_eq!(me["created_at"], me["updated_at"]);

    let mother = json!({ "person": { "name": "Mina", "birth_date": "1962-03-01" } });
    let (status, mina) = server.post("/api/profiles", "alice", mother).await;
    assert_eq!((status, &mina["is_me"]), (201, &json!(false)), "{mina}");

    let (_, list) = server.get("/api/profiles", "alice").await;
    let names: Vec<_> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["person"]["name"].clone(), p["is_me"].clone()))
        .collect();
    assert_eq!(
        names,
        [
            (json!("Sara Ahmadi"), json!(true)),
            (json!("Mina"), json!(false))
        ]
    );

    // Making Mina "me" unmarks Sara; a change of the person keeps the mark.
    let mina_path = format!("/api/profiles/{}", mina["id"]);
    let (status, now) = server
        .patch(&mina_path, "alice", json!({ "is_me": true }))
        .await;
    assert_eq!((status, &now["is_me"]), (200, &json!(true)), "{now}");
    let renamed = json!({ "person": { "name": "Mina Karimi", "birth_date": "1962-03-01" } });
    let (status, now) = server.patch(&mina_path, "alice", renamed).await;
    assert_eq!(status, 200, "{now}");
    assert_eq!(
        (&now["person"]["name"], &now["is_me"]),
        (&json!("Mina Karimi"), &json!(true))
    );
    let (_, list) = server.get("/api/profiles", "alice").await;
    assert_eq!(list["items"][0]["person"]["name"], "Mina Karimi");
    assert_eq!(list["items"][1]["is_me"], false);

    let path = format!("/api/profiles/{id}");
    assert_eq!(
        server.call("DELETE", &path, Some("alice"), None).await.0,
        204
    );
    assert_eq!(
        server.call("DELETE", &path, Some("alice"), None).await.0,
        404
    );
    let (_, list) = server.get("/api/profiles", "alice").await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_user_gets_404_and_sees_nothing() {
    let server = Server::start().await;
    let (_, saved) = server
        .post("/api/profiles", "alice", json!({ "person": sara() }))
        .await;
    let path = format!("/api/profiles/{}", saved["id"]);
    let (status, body) = server.patch(&path, "bob", json!({ "is_me": true })).await;
    assert_eq!(
        (status, &body["error"]["code"]),
        (404, &json!("not_found")),
        "{body}"
    );
    assert_eq!(server.call("DELETE", &path, Some("bob"), None).await.0, 404);
    assert_eq!(
        server.get("/api/profiles", "bob").await.1,
        json!({ "items": [] })
    );
    // Untouched for its owner.
    let (_, list) = server.get("/api/profiles", "alice").await;
    assert_eq!(list["items"][0]["is_me"], false);
    // Without a token: 401.
    assert_eq!(server.call("GET", "/api/profiles", None, None).await.0, 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_a_full_reading_would_refuse_is_not_saved() {
    let server = Server::start().await;
    let fa = [("Accept-Language", "fa")];
    let token = token("alice");
    let cases = [
        (
            json!({ "name": "  ", "birth_date": "1990-07-15" }),
            "نام خالی است",
        ),
        (
            json!({ "name": "Sara", "birth_date": "1990-07-15", "latitude": 95.0, "longitude": 10.0 }),
            "عرض جغرافیایی",
        ),
        (
            json!({ "name": "Sara", "birth_date": "1990-02-30" }),
            "birth_date",
        ),
        (
            json!({ "name": "x".repeat(201), "birth_date": "1990-07-15" }),
            "۲۰۰",
        ),
    ];
    for (person, said) in cases {
        let body = json!({ "person": person }).to_string();
        let (status, reply) = server
            .call_with("POST", "/api/profiles", Some(&token), &fa, Some(&body))
            .await;
        assert_eq!(status, 422, "{person} → {reply}");
        assert_eq!(reply["error"]["code"], "invalid_input");
        let message = reply["error"]["message"].as_str().unwrap();
        assert!(message.contains(said), "{person} → {message}");
    }
    // A missing field is the JSON's problem, in the same language.
    let (status, reply) = server
        .call_with(
            "POST",
            "/api/profiles",
            Some(&token),
            &fa,
            Some(r#"{"is_me":true}"#),
        )
        .await;
    assert_eq!(status, 422, "{reply}");
    assert_eq!(
        server.get("/api/profiles", "alice").await.1,
        json!({ "items": [] })
    );

    // A bad change leaves the saved person as it was.
    let (_, saved) = server
        .post("/api/profiles", "alice", json!({ "person": sara() }))
        .await;
    let path = format!("/api/profiles/{}", saved["id"]);
    let bad = json!({ "person": { "name": "", "birth_date": "1990-07-15" } });
    assert_eq!(server.patch(&path, "alice", bad).await.0, 422);
    let (_, list) = server.get("/api/profiles", "alice").await;
    assert_eq!(list["items"][0]["person"], saved["person"]);
}
