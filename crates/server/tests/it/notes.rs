//! `PATCH /api/oracle/readings/{id}`: a reading's star rating and private note over
//! real HTTP on a real server and SQLite file — kept, cleared, shown in the history
//! and the stored reading, owner-scoped (another user gets 404), bounded (400 in the
//! request's language).

use serde_json::{Value, json};

use crate::support::*;

/// A stored reading of `user`; its path.
async fn reading_of(server: &Server, user: &str) -> String {
    let (status, made) = server
        .post(
            "/api/oracle/reading",
            user,
            json!({"datetime": "2026-02-09"}),
        )
        .await;
    assert_eq!(status, 200, "{made}");
    // A new reading has no marks yet.
    assert_eq!(
        (&made["favorite"], &made["rating"], &made["note"]),
        (&json!(false), &Value::Null, &Value::Null)
    );
    format!("/api/oracle/readings/{}", made["reading_id"])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rating_and_a_note_are_kept_shown_and_cleared() {
    let server = Server::start().await;
    let path = reading_of(&server, "alice").await;
    let (_, first) = server.get(&path, "alice").await;
    let id = first["reading_id"].clone();

    let note = "Read it again in spring.\nیادداشتِ من";
    let (status, got) = server
        .patch(&path, "alice", json!({"rating": 4, "note": note}))
        .await;
    assert_eq!(status, 200, "{got}");
    assert_eq!(got, json!({"reading_id": id, "rating": 4, "note": note}));

    // A field left out is kept.
    let (status, got) = server.patch(&path, "alice", json!({"rating": 5})).await;
    assert_eq!(
        (status, got),
        (200, json!({"reading_id": id, "rating": 5, "note": note}))
    );

    // The stored reading and the history row carry them.
    let (_, detail) = server.get(&path, "alice").await;
    assert_eq!(
        (&detail["rating"], &detail["note"], &detail["favorite"]),
        (&json!(5), &json!(note), &json!(false))
    );
    let (_, list) = server.get("/api/oracle/readings", "alice").await;
    assert_eq!(list["items"][0]["rating"], 5);
    assert_eq!(list["items"][0]["note"], note);

    // null clears, and so does an empty note.
    let (_, got) = server
        .patch(&path, "alice", json!({"rating": null, "note": "  "}))
        .await;
    assert_eq!(got, json!({"reading_id": id, "rating": null, "note": null}));
    let (_, list) = server.get("/api/oracle/readings", "alice").await;
    assert_eq!(
        (&list["items"][0]["rating"], &list["items"][0]["note"]),
        (&Value::Null, &Value::Null)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_users_reading_is_a_404_and_stays_untouched() {
    let server = Server::start().await;
    let path = reading_of(&server, "alice").await;
    let (status, body) = server
        .patch(&path, "bob", json!({"rating": 1, "note": "mine"}))
        .await;
    assert_eq!(
        (status, &body["error"]["code"]),
        (404, &json!("not_found")),
        "{body}"
    );
    let (status, body) = server
        .patch("/api/oracle/readings/987654", "alice", json!({"rating": 1}))
        .await;
    assert_eq!((status, &body["error"]["code"]), (404, &json!("not_found")));
    let (_, detail) = server.get(&path, "alice").await;
    assert_eq!(
        (&detail["rating"], &detail["note"]),
        (&Value::Null, &Value::Null)
    );
    // Without a token: 401; a deleted reading: 404.
    assert_eq!(server.call("PATCH", &path, None, Some("{}")).await.0, 401);
    assert_eq!(
        server.call("DELETE", &path, Some("alice"), None).await.0,
        204
    );
    assert_eq!(
        server.patch(&path, "alice", json!({"rating": 2})).await.0,
        404
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn out_of_bounds_marks_are_a_400_in_the_requests_language() {
    let server = Server::start().await;
    let path = reading_of(&server, "alice").await;
    let token = token("alice");
    let long = "ن".repeat(2001);
    let cases = [
        (
            json!({"rating": 0}),
            "en",
            "A rating is a whole number of stars from 1 to 5",
        ),
        (
            json!({"rating": 6}),
            "en",
            "A rating is a whole number of stars from 1 to 5",
        ),
        (
            json!({"rating": 300}),
            "fa",
            "امتیاز باید عددی درست از ۱ تا ۵ ستاره باشد",
        ),
        (
            json!({"note": long}),
            "en",
            "A note can be at most 2,000 characters long",
        ),
        (
            json!({"rating": 3, "note": long}),
            "fa",
            "یادداشت نمی‌تواند بیش از ۲٬۰۰۰ نویسه باشد",
        ),
    ];
    for (body, lang, said) in cases {
        let (status, reply) = server
            .call_with(
                "PATCH",
                &path,
                Some(&token),
                &[("Accept-Language", lang)],
                Some(&body.to_string()),
            )
            .await;
        assert_eq!(status, 400, "{body} → {reply}");
        assert_eq!(reply["error"]["code"], "bad_request");
        assert_eq!(reply["error"]["message"], said, "{body}");
    }
    // A note of exactly 2,000 characters is fine; nothing of the refused ones was written.
    let (_, detail) = server.get(&path, "alice").await;
    assert_eq!(detail["rating"], Value::Null);
    let at_bound = "ن".repeat(2000);
    let (status, got) = server
        .patch(&path, "alice", json!({"note": at_bound}))
        .await;
    assert_eq!((status, &got["note"]), (200, &json!(at_bound)));
    // A rating that is no number is the JSON's problem (422, naming the field).
    let (status, reply) = server
        .patch(&path, "alice", json!({"rating": "five"}))
        .await;
    assert_eq!(status, 422, "{reply}");
    assert!(
        reply["error"]["message"]
            .as_str()
            .unwrap()
            .contains("rating"),
        "{reply}"
    );
}
