//! Users, refresh tokens and the daily insight.

use nps_protocol::text::Arg;
use nps_store::StoreError;
use serde_json::json;

use crate::support::{TestDb, is_rfc3339_ms_utc, on_both_backends};

on_both_backends!(
    create_and_find_users_case_insensitively,
    duplicate_username_is_conflict_in_any_case,
    usernames_fold_ascii_case_only,
    invalid_users_are_rejected_and_not_written,
    user_debug_output_redacts_the_password_hash,
    token_is_taken_once_then_none,
    expired_token_is_none_and_gone,
    taking_a_token_purges_expired_others_but_keeps_live_ones,
    duplicate_token_hash_is_conflict,
    tokens_survive_reopening,
    daily_insight_put_get_and_upsert,
    daily_insight_bad_dates_and_locales_are_invalid,
);

async fn create_and_find_users_case_insensitively(db: TestDb) {
    let s = &db.store;
    let u = s
        .create_user("Alice", "$argon2id$v=19$hash", "admin")
        .await
        .unwrap();
    assert!(u.id > 0);
    assert_eq!(
        (
            u.username.as_str(),
            u.password_hash.as_str(),
            u.role.as_str()
        ),
        ("Alice", "$argon2id$v=19$hash", "admin")
    );
    assert!(is_rfc3339_ms_utc(&u.created_at));
    for name in ["Alice", "alice", "ALICE", "aLiCe"] {
        assert_eq!(s.find_user(name).await.unwrap(), Some(u.clone()), "{name}");
    }
    assert_eq!(s.find_user("bob").await.unwrap(), None);
    assert_eq!(s.find_user("").await.unwrap(), None);
    let b = s.create_user("bob", "h2", "user").await.unwrap();
    assert_ne!(b.id, u.id);
}

async fn duplicate_username_is_conflict_in_any_case(db: TestDb) {
    let s = &db.store;
    s.create_user("alice", "h", "user").await.unwrap();
    for dup in ["alice", "ALICE", "Alice"] {
        match s.create_user(dup, "other", "admin").await {
            Err(StoreError::Conflict(msg)) => {
                assert_eq!(msg.id, "error-store-username-taken");
                assert_eq!(msg.args, [("username".into(), Arg::Text(dup.into()))]);
            }
            other => panic!("expected Conflict for {dup}, got {other:?}"),
        }
    }
    assert_eq!(db.count_rows("users").await, 1);
    assert_eq!(
        s.find_user("alice").await.unwrap().unwrap().password_hash,
        "h"
    );
}

/// Only A–Z fold: "Émile" and "émile" are two users (SQLite's NOCASE; the same
/// on PostgreSQL whatever its locale).
async fn usernames_fold_ascii_case_only(db: TestDb) {
    let s = &db.store;
    let upper = s.create_user("Émile", "h1", "user").await.unwrap();
    let lower = s.create_user("émile", "h2", "user").await.unwrap();
    assert_ne!(upper.id, lower.id);
    assert_eq!(s.find_user("ÉMILE").await.unwrap(), Some(upper));
    assert_eq!(s.find_user("éMILE").await.unwrap(), Some(lower));
}

async fn invalid_users_are_rejected_and_not_written(db: TestDb) {
    for (name, hash, role) in [
        ("", "h", "user"),
        ("   ", "h", "user"),
        (" alice", "h", "user"),
        ("al\u{0}ice", "h", "user"),
        ("alice", "", "user"),
        ("alice", "h", ""),
    ] {
        let got = db.store.create_user(name, hash, role).await;
        assert!(
            matches!(got, Err(StoreError::Invalid(_))),
            "{name:?} {hash:?} {role:?}: {got:?}"
        );
    }
    let long = "x".repeat(nps_store::MAX_USERNAME_CHARS + 1);
    assert!(matches!(
        db.store.create_user(&long, "h", "user").await,
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(db.count_rows("users").await, 0);
}

async fn user_debug_output_redacts_the_password_hash(db: TestDb) {
    let u = db
        .store
        .create_user("carol", "super-secret-hash", "user")
        .await
        .unwrap();
    let dbg = format!("{u:?}");
    assert!(!dbg.contains("super-secret-hash"), "{dbg}");
    assert!(dbg.contains("carol"));
}

async fn token_is_taken_once_then_none(db: TestDb) {
    let s = &db.store;
    s.store_refresh_token("hash-1", "7", 2_000).await.unwrap();
    assert_eq!(
        s.take_refresh_token("hash-1", 1_000).await.unwrap(),
        Some("7".into())
    );
    assert_eq!(s.take_refresh_token("hash-1", 1_000).await.unwrap(), None);
    assert_eq!(
        s.take_refresh_token("never-stored", 1_000).await.unwrap(),
        None
    );
}

async fn expired_token_is_none_and_gone(db: TestDb) {
    let s = &db.store;
    s.store_refresh_token("old", "7", 1_000).await.unwrap();
    s.store_refresh_token("edge", "8", 1_000).await.unwrap();
    // valid while now < expires_at
    assert_eq!(s.take_refresh_token("old", 1_001).await.unwrap(), None);
    assert_eq!(s.take_refresh_token("edge", 1_000).await.unwrap(), None);
    assert_eq!(db.count_rows("refresh_tokens").await, 0);
}

async fn taking_a_token_purges_expired_others_but_keeps_live_ones(db: TestDb) {
    let s = &db.store;
    s.store_refresh_token("expired", "1", 100).await.unwrap();
    s.store_refresh_token("live", "2", 10_000).await.unwrap();
    s.store_refresh_token("taken", "3", 10_000).await.unwrap();
    assert_eq!(
        s.take_refresh_token("taken", 500).await.unwrap(),
        Some("3".into())
    );
    assert_eq!(db.count_rows("refresh_tokens").await, 1);
    assert_eq!(
        s.take_refresh_token("live", 500).await.unwrap(),
        Some("2".into())
    );
}

async fn duplicate_token_hash_is_conflict(db: TestDb) {
    let s = &db.store;
    s.store_refresh_token("h", "1", 10).await.unwrap();
    assert!(matches!(
        s.store_refresh_token("h", "2", 10).await,
        Err(StoreError::Conflict(_))
    ));
    assert!(matches!(
        s.store_refresh_token("", "2", 10).await,
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        s.store_refresh_token("x", "", 10).await,
        Err(StoreError::Invalid(_))
    ));
}

async fn tokens_survive_reopening(db: TestDb) {
    db.store.store_refresh_token("h", "9", 50).await.unwrap();
    let reopened = db.reopen().await;
    assert_eq!(
        reopened.take_refresh_token("h", 49).await.unwrap(),
        Some("9".into())
    );
}

async fn daily_insight_put_get_and_upsert(db: TestDb) {
    let s = &db.store;
    assert_eq!(s.get_daily_insight("2026-11-25", "en").await.unwrap(), None);
    let first = s
        .put_daily_insight("2026-11-25", "en", &json!({ "text": "first" }))
        .await
        .unwrap();
    assert_eq!(
        (first.date.as_str(), first.locale.as_str()),
        ("2026-11-25", "en")
    );
    assert_eq!(first.insight, json!({ "text": "first" }));
    assert!(is_rfc3339_ms_utc(&first.created_at));
    assert_eq!(
        s.get_daily_insight("2026-11-25", "en").await.unwrap(),
        Some(first)
    );

    let fa = s
        .put_daily_insight("2026-11-25", "fa", &json!({ "text": "نخست" }))
        .await
        .unwrap();
    let second = s
        .put_daily_insight("2026-11-25", "en", &json!({ "text": "second" }))
        .await
        .unwrap();
    assert_eq!(
        s.get_daily_insight("2026-11-25", "en").await.unwrap(),
        Some(second)
    );
    assert_eq!(
        s.get_daily_insight("2026-11-25", "fa").await.unwrap(),
        Some(fa)
    );
    assert_eq!(s.get_daily_insight("2026-11-26", "en").await.unwrap(), None);
    assert_eq!(db.count_rows("daily_insights").await, 2);
}

async fn daily_insight_bad_dates_and_locales_are_invalid(db: TestDb) {
    let s = &db.store;
    for date in [
        "2026-02-30",
        "2026-13-01",
        "20261125",
        "2026-11-25T00:00:00Z",
        "",
    ] {
        assert!(
            matches!(
                s.put_daily_insight(date, "en", &json!(1)).await,
                Err(StoreError::Invalid(_))
            ),
            "{date}"
        );
        assert!(matches!(
            s.get_daily_insight(date, "en").await,
            Err(StoreError::Invalid(_))
        ));
    }
    assert!(matches!(
        s.put_daily_insight("2026-11-25", " ", &json!(1)).await,
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(db.count_rows("daily_insights").await, 0);
}
