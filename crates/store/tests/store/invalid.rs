//! Bad input is `Invalid`, checked before the database is touched.

use nps_store::{ReadingFilter, StoreError};
use serde_json::json;

use crate::support::{TestDb, new_reading, on_both_backends};

on_both_backends!(
    bad_new_readings_write_nothing,
    empty_owner_is_invalid_everywhere,
    bad_filters_are_invalid,
    errors_have_clear_messages,
);

fn assert_invalid<T: std::fmt::Debug>(r: nps_store::Result<T>) {
    assert!(
        matches!(r, Err(StoreError::Invalid(_))),
        "expected Invalid, got {r:?}"
    );
}

async fn bad_new_readings_write_nothing(db: TestDb) {
    let s = &db.store;
    assert_invalid(s.insert_reading(new_reading("", "name", "s")).await);
    assert_invalid(s.insert_reading(new_reading("  ", "name", "s")).await);
    assert_eq!(db.count_rows("readings").await, 0);
}

async fn empty_owner_is_invalid_everywhere(db: TestDb) {
    let s = &db.store;
    let r = db.insert("u", "name", "s").await;
    assert_invalid(s.get_reading("", r.id).await);
    assert_invalid(s.list_readings("", &ReadingFilter::default()).await);
    assert_invalid(s.delete_reading("", r.id).await);
    assert_invalid(s.toggle_favorite("", r.id).await);
    assert_invalid(s.set_favorite("", r.id, true).await);
    assert_eq!(s.get_reading("u", r.id).await.unwrap(), Some(r));
}

async fn bad_filters_are_invalid(db: TestDb) {
    let s = &db.store;
    // A kind outside the six cannot even be written down.
    assert!(serde_json::from_value::<ReadingFilter>(json!({ "kind": "tarot" })).is_err());
    let max = nps_store::MAX_TEXT_FILTER_CHARS;
    assert_invalid(
        s.list_readings(
            "u",
            &ReadingFilter {
                text: Some("x".repeat(max + 1)),
                ..Default::default()
            },
        )
        .await,
    );
    // exactly the maximum (in characters, not bytes) is fine
    s.list_readings(
        "u",
        &ReadingFilter {
            text: Some("ی".repeat(max)),
            ..Default::default()
        },
    )
    .await
    .unwrap();
}

async fn errors_have_clear_messages(db: TestDb) {
    let e = db
        .store
        .insert_reading(new_reading(" ", "time", "s"))
        .await
        .unwrap_err();
    let msg = e.to_string();
    assert!(msg.starts_with("invalid input:"), "{msg}");
    assert!(msg.contains("owner must not be empty"), "{msg}");
    assert_eq!(StoreError::NotFound.to_string(), "not found");
}
