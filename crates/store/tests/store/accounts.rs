//! Users, refresh tokens and the daily insight.

use nps_protocol::text::Arg;
use nps_store::{Rotation, Store, StoreError};
use serde_json::json;

use crate::support::{TestDb, is_rfc3339_ms_utc, on_both_backends, token};

on_both_backends!(
    create_and_find_users_case_insensitively,
    duplicate_username_is_conflict_in_any_case,
    usernames_fold_ascii_case_only,
    invalid_users_are_rejected_and_not_written,
    user_debug_output_redacts_the_password_hash,
    rotation_keeps_the_family_and_the_successor_rotates_next,
    a_rotated_token_presented_after_the_grace_revokes_its_whole_family,
    two_rotations_of_one_token_within_the_grace_both_succeed,
    concurrent_rotations_of_one_token_all_succeed_within_the_grace,
    tokens_end_with_their_family_and_are_purged,
    logout_revokes_one_family_and_leaves_the_others,
    duplicate_token_hash_is_conflict,
    tokens_survive_reopening,
    daily_insight_put_get_and_upsert,
    daily_insight_bad_dates_and_locales_are_invalid,
);

async fn create_and_find_users_case_insensitively(db: TestDb) {
    let u = db
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
        assert_eq!(db.find_user(name).await.unwrap(), Some(u.clone()), "{name}");
    }
    assert_eq!(db.find_user("bob").await.unwrap(), None);
    assert_eq!(db.find_user("").await.unwrap(), None);
    let b = db.create_user("bob", "h2", "user").await.unwrap();
    assert_ne!(b.id, u.id);
}

async fn duplicate_username_is_conflict_in_any_case(db: TestDb) {
    db.create_user("alice", "h", "user").await.unwrap();
    for dup in ["alice", "ALICE", "Alice"] {
        match db.create_user(dup, "other", "admin").await {
            Err(StoreError::Conflict(msg)) => {
                assert_eq!(msg.id, "error-store-username-taken");
                assert_eq!(msg.args, [("username".into(), Arg::Text(dup.into()))]);
            }
            other => panic!("expected Conflict for {dup}, got {other:?}"),
        }
    }
    assert_eq!(db.count_rows("users").await, 1);
    assert_eq!(
        db.find_user("alice").await.unwrap().unwrap().password_hash,
        "h"
    );
}

/// Only A–Z fold: "Émile" and "émile" are two users (SQLite's NOCASE; the same
/// on PostgreSQL whatever its locale).
async fn usernames_fold_ascii_case_only(db: TestDb) {
    let upper = db.create_user("Émile", "h1", "user").await.unwrap();
    let lower = db.create_user("émile", "h2", "user").await.unwrap();
    assert_ne!(upper.id, lower.id);
    assert_eq!(db.find_user("ÉMILE").await.unwrap(), Some(upper));
    assert_eq!(db.find_user("éMILE").await.unwrap(), Some(lower));
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
        let got = db.create_user(name, hash, role).await;
        assert!(
            matches!(got, Err(StoreError::Invalid(_))),
            "{name:?} {hash:?} {role:?}: {got:?}"
        );
    }
    let long = "x".repeat(nps_store::MAX_USERNAME_CHARS + 1);
    assert!(matches!(
        db.create_user(&long, "h", "user").await,
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

const GRACE: i64 = 5;

fn rotated(user: &str) -> Rotation {
    Rotation::Rotated {
        user_id: user.into(),
    }
}

/// Stores refresh token `hash` of `user` in `family`, ending at `expires_at`.
async fn keep(s: &dyn Store, hash: &str, user: &str, family: &str, expires_at: i64) {
    s.store_refresh_token(&token(hash, user, family, expires_at))
        .await
        .unwrap();
}

/// Presents `old` at unix time `now` for a successor `new`.
async fn rotate(s: &dyn Store, old: &str, new: &str, now: i64) -> Rotation {
    s.rotate_refresh_token(old, new, now, GRACE).await.unwrap()
}

async fn rotation_keeps_the_family_and_the_successor_rotates_next(db: TestDb) {
    keep(&*db, "t1", "7", "fam", 2_000).await;
    assert_eq!(rotate(&*db, "t1", "t2", 1_000).await, rotated("7"));
    assert_eq!(rotate(&*db, "t2", "t3", 1_100).await, rotated("7"));
    assert_eq!(
        rotate(&*db, "never-stored", "x", 1_100).await,
        Rotation::Refused
    );
    // Rotated tokens are kept (to recognise a reuse) until the family ends.
    assert_eq!(db.count_rows("refresh_tokens").await, 3);
}

async fn a_rotated_token_presented_after_the_grace_revokes_its_whole_family(db: TestDb) {
    keep(&*db, "t1", "7", "fam", 2_000).await;
    keep(&*db, "other", "7", "other-login", 2_000).await;
    rotate(&*db, "t1", "t2", 1_000).await;
    assert_eq!(
        rotate(&*db, "t1", "stolen", 1_000 + GRACE).await,
        Rotation::Reused
    );
    // Both the replayed token and its successor are dead now; the other login is not.
    for dead in ["t1", "t2"] {
        assert_eq!(
            rotate(&*db, dead, "x", 1_010).await,
            Rotation::Refused,
            "{dead}"
        );
    }
    assert_eq!(db.count_rows("refresh_tokens").await, 1);
    assert_eq!(rotate(&*db, "other", "o2", 1_010).await, rotated("7"));
}

async fn two_rotations_of_one_token_within_the_grace_both_succeed(db: TestDb) {
    keep(&*db, "t1", "7", "fam", 2_000).await;
    assert_eq!(rotate(&*db, "t1", "tab-a", 1_000).await, rotated("7"));
    assert_eq!(
        rotate(&*db, "t1", "tab-b", 1_000 + GRACE - 1).await,
        rotated("7")
    );
    // Each tab's successor works, and both are of the same family.
    assert_eq!(rotate(&*db, "tab-a", "a2", 1_010).await, rotated("7"));
    assert_eq!(rotate(&*db, "tab-b", "b2", 1_010).await, rotated("7"));
    assert!(db.revoke_refresh_family("a2").await.unwrap());
    assert_eq!(db.count_rows("refresh_tokens").await, 0);
}

async fn concurrent_rotations_of_one_token_all_succeed_within_the_grace(db: TestDb) {
    keep(&*db, "t1", "7", "fam", 2_000).await;
    let tabs = (0..4).map(|i| {
        let s = db.store.clone();
        tokio::spawn(async move { rotate(&*s, "t1", &format!("tab-{i}"), 1_000).await })
    });
    for tab in futures_util::future::join_all(tabs).await {
        assert_eq!(tab.unwrap(), rotated("7"));
    }
    assert_eq!(db.count_rows("refresh_tokens").await, 5);
}

async fn tokens_end_with_their_family_and_are_purged(db: TestDb) {
    keep(&*db, "t1", "7", "fam", 1_000).await;
    keep(&*db, "live", "8", "fam-2", 10_000).await;
    rotate(&*db, "t1", "t2", 900).await;
    // The successor keeps the family's end (set at login), however recently rotated.
    assert_eq!(rotate(&*db, "t2", "t3", 1_000).await, Rotation::Refused);
    assert_eq!(
        db.count_rows("refresh_tokens").await,
        1,
        "expired ones purged"
    );
    assert_eq!(rotate(&*db, "live", "l2", 9_999).await, rotated("8"));
}

async fn logout_revokes_one_family_and_leaves_the_others(db: TestDb) {
    keep(&*db, "a1", "7", "phone", 2_000).await;
    keep(&*db, "b1", "7", "laptop", 2_000).await;
    rotate(&*db, "a1", "a2", 1_000).await;
    // Logging out with the older token of the family ends the newest too.
    assert!(db.revoke_refresh_family("a1").await.unwrap());
    assert!(!db.revoke_refresh_family("a2").await.unwrap());
    assert!(!db.revoke_refresh_family("never-stored").await.unwrap());
    assert_eq!(rotate(&*db, "a2", "a3", 1_001).await, Rotation::Refused);
    assert_eq!(rotate(&*db, "b1", "b2", 1_001).await, rotated("7"));
}

async fn duplicate_token_hash_is_conflict(db: TestDb) {
    keep(&*db, "h", "1", "f", 10).await;
    assert!(matches!(
        db.store_refresh_token(&token("h", "2", "g", 10)).await,
        Err(StoreError::Conflict(_))
    ));
    keep(&*db, "h2", "1", "f", 10).await;
    // A rotation into a taken hash writes nothing: the presented token stays unrotated.
    assert!(matches!(
        db.rotate_refresh_token("h", "h2", 5, GRACE).await,
        Err(StoreError::Conflict(_))
    ));
    assert_eq!(rotate(&*db, "h", "h3", 5).await, rotated("1"));
    for bad in [
        token("", "2", "f", 10),
        token("x", "", "f", 10),
        token("x", "2", "", 10),
    ] {
        assert!(matches!(
            db.store_refresh_token(&bad).await,
            Err(StoreError::Invalid(_))
        ));
    }
}

async fn tokens_survive_reopening(db: TestDb) {
    keep(&*db, "h", "9", "f", 50).await;
    let reopened = db.reopen().await;
    assert_eq!(rotate(&*reopened, "h", "h2", 49).await, rotated("9"));
}

async fn daily_insight_put_get_and_upsert(db: TestDb) {
    assert_eq!(
        db.get_daily_insight("2026-11-25", "en").await.unwrap(),
        None
    );
    let first = db
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
        db.get_daily_insight("2026-11-25", "en").await.unwrap(),
        Some(first)
    );

    let fa = db
        .put_daily_insight("2026-11-25", "fa", &json!({ "text": "نخست" }))
        .await
        .unwrap();
    let second = db
        .put_daily_insight("2026-11-25", "en", &json!({ "text": "second" }))
        .await
        .unwrap();
    assert_eq!(
        db.get_daily_insight("2026-11-25", "en").await.unwrap(),
        Some(second)
    );
    assert_eq!(
        db.get_daily_insight("2026-11-25", "fa").await.unwrap(),
        Some(fa)
    );
    assert_eq!(
        db.get_daily_insight("2026-11-26", "en").await.unwrap(),
        None
    );
    assert_eq!(db.count_rows("daily_insights").await, 2);
}

async fn daily_insight_bad_dates_and_locales_are_invalid(db: TestDb) {
    for date in [
        "2026-02-30",
        "2026-13-01",
        "20261125",
        "2026-11-25T00:00:00Z",
        "",
    ] {
        assert!(
            matches!(
                db.put_daily_insight(date, "en", &json!(1)).await,
                Err(StoreError::Invalid(_))
            ),
            "{date}"
        );
        assert!(matches!(
            db.get_daily_insight(date, "en").await,
            Err(StoreError::Invalid(_))
        ));
    }
    assert!(matches!(
        db.put_daily_insight("2026-11-25", " ", &json!(1)).await,
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(db.count_rows("daily_insights").await, 0);
}
