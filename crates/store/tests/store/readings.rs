//! Saving, reading back, ordering, deleting and favoriting readings.

use nps_store::{JsonText, NewReading, ReadingFilter, SignType, StoreError, StoredReading};
use serde_json::json;

use crate::support::{TestDb, ids, is_rfc3339_ms_utc, list_all, new_reading, on_both_backends};

on_both_backends!(
    a_full_history_refuses_new_readings_until_one_is_deleted,
    insert_then_get_returns_exact_fields,
    every_kind_is_accepted_and_stored_by_its_wire_name,
    a_row_of_an_unknown_kind_is_reported_corrupt,
    get_missing_id_is_none,
    list_is_newest_first_with_id_tiebreak,
    natural_inserts_list_newest_first,
    delete_then_get_and_list_hide_it,
    favorite_toggle_and_set_round_trip,
    stored_reading_serializes_as_plain_json,
);

fn unix_now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

async fn insert_then_get_returns_exact_fields(db: TestDb) {
    let before = unix_now_secs();
    let saved = db
        .store
        .insert_reading(NewReading {
            owner: "alice".into(),
            kind: SignType::Compatibility,
            input: json!({ "a": "Ada", "b": "Bob", "weights": [0.1, 2.5e-7, -3], "big": 9007199254740993u64 }),
            result: JsonText::new(&json!({ "score": 0.875, "nested": { "ok": true, "none": null } }))
                .unwrap(),
            summary: "Ada & Bob: 87.5% — خوب".into(),
            locale: "fa".into(),
        })
        .await
        .unwrap();
    let after = unix_now_secs();
    assert!(saved.id > 0);
    assert_eq!(saved.owner, "alice");
    assert_eq!(saved.kind, SignType::Compatibility);
    assert_eq!(
        saved.input,
        json!({ "a": "Ada", "b": "Bob", "weights": [0.1, 2.5e-7, -3], "big": 9007199254740993u64 })
    );
    assert_eq!(
        saved.result.to_value(),
        json!({ "score": 0.875, "nested": { "ok": true, "none": null } })
    );
    assert_eq!(saved.summary, "Ada & Bob: 87.5% — خوب");
    assert_eq!(saved.locale, "fa");
    assert!(!saved.favorite);
    assert!(is_rfc3339_ms_utc(&saved.created_at), "{}", saved.created_at);
    // created_at is "now": within the seconds the call took (to the second).
    let stamped = &saved.created_at[..19];
    assert!(
        (before..=after).any(|s| {
            let second = nps_store::format_rfc3339_ms(s * 1000).unwrap();
            stamped == &second[..19]
        }),
        "{} not within {before}..={after}",
        saved.created_at
    );

    let got = db.get_reading("alice", saved.id).await.unwrap();
    assert_eq!(got, Some(saved.clone()));
    let page = list_all(&*db, "alice").await;
    assert_eq!(page.items, vec![saved]);
    assert_eq!((page.total, page.limit, page.offset), (1, 50, 0));
}

async fn every_kind_is_accepted_and_stored_by_its_wire_name(db: TestDb) {
    for kind in SignType::ALL {
        let r = db.insert("u", kind.as_str(), "s").await;
        assert_eq!(r.kind, kind);
        assert_eq!(db.get_reading("u", r.id).await.unwrap(), Some(r));
    }
    let page = list_all(&*db, "u").await;
    assert_eq!(page.total, 6);
    assert_eq!(
        db.raw_kinds().await,
        ["time", "name", "question", "daily", "full", "compatibility"]
    );
}

async fn a_row_of_an_unknown_kind_is_reported_corrupt(db: TestDb) {
    let r = db.insert("u", "name", "s").await;
    db.set_raw_kind(r.id, "tarot").await;
    let e = db.get_reading("u", r.id).await.unwrap_err();
    assert!(
        matches!(
            e,
            StoreError::Corrupt {
                column: "readings.kind",
                ..
            }
        ),
        "{e:?}"
    );
    assert!(e.to_string().contains("tarot"), "{e}");
    assert!(
        db.store
            .list_readings("u", &ReadingFilter::default())
            .await
            .is_err()
    );
}

async fn get_missing_id_is_none(db: TestDb) {
    assert_eq!(db.get_reading("alice", 1).await.unwrap(), None);
    assert_eq!(db.get_reading("alice", -5).await.unwrap(), None);
}

async fn list_is_newest_first_with_id_tiebreak(db: TestDb) {
    let mut made = Vec::new();
    for s in ["a", "b", "c", "d"] {
        made.push(db.insert("u", "time", s).await);
    }
    let [a, b, c, d] = [&made[0], &made[1], &made[2], &made[3]];
    // a is newest; b and c share a timestamp (id breaks the tie, higher first); d oldest.
    db.backdate(a.id, 1_800_000_300).await;
    db.backdate(b.id, 1_800_000_200).await;
    db.backdate(c.id, 1_800_000_200).await;
    db.backdate(d.id, 1_800_000_100).await;
    let page = list_all(&*db, "u").await;
    assert_eq!(ids(&page.items), vec![a.id, c.id, b.id, d.id]);
    assert_eq!(page.items[0].created_at, "2027-01-15T08:05:00.000Z");
}

async fn natural_inserts_list_newest_first(db: TestDb) {
    let mut made = Vec::new();
    for i in 0..5 {
        made.push(db.insert("u", "name", &format!("r{i}")).await.id);
    }
    let page = list_all(&*db, "u").await;
    made.reverse();
    assert_eq!(ids(&page.items), made);
}

async fn delete_then_get_and_list_hide_it(db: TestDb) {
    let keep = db.insert("u", "name", "keep").await;
    let gone = db.insert("u", "name", "gone").await;
    assert!(db.delete_reading("u", gone.id).await.unwrap());
    assert_eq!(db.get_reading("u", gone.id).await.unwrap(), None);
    let page = list_all(&*db, "u").await;
    assert_eq!(page.items, vec![keep]);
    assert_eq!(page.total, 1);
    // a second delete and unknown ids are false
    assert!(!db.delete_reading("u", gone.id).await.unwrap());
    assert!(!db.delete_reading("u", 9999).await.unwrap());
}

async fn favorite_toggle_and_set_round_trip(db: TestDb) {
    let r = db.insert("u", "daily", "s").await;
    assert_eq!(db.toggle_favorite("u", r.id).await.unwrap(), Some(true));
    assert!(db.get_reading("u", r.id).await.unwrap().unwrap().favorite);
    assert_eq!(db.toggle_favorite("u", r.id).await.unwrap(), Some(false));
    assert!(!db.get_reading("u", r.id).await.unwrap().unwrap().favorite);
    assert_eq!(db.set_favorite("u", r.id, true).await.unwrap(), Some(true));
    assert_eq!(db.set_favorite("u", r.id, true).await.unwrap(), Some(true)); // idempotent
    let got = db.get_reading("u", r.id).await.unwrap().unwrap();
    assert_eq!(
        got,
        StoredReading {
            favorite: true,
            ..r.clone()
        }
    );
    assert_eq!(
        db.set_favorite("u", r.id, false).await.unwrap(),
        Some(false)
    );
    assert_eq!(db.toggle_favorite("u", 4242).await.unwrap(), None);
    assert_eq!(db.set_favorite("u", 4242, true).await.unwrap(), None);
    // deleted rows can't be favorited
    assert!(db.delete_reading("u", r.id).await.unwrap());
    assert_eq!(db.toggle_favorite("u", r.id).await.unwrap(), None);
    assert_eq!(db.set_favorite("u", r.id, true).await.unwrap(), None);
}

async fn stored_reading_serializes_as_plain_json(db: TestDb) {
    let r = db.insert("u", "question", "s").await;
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["id"], json!(r.id));
    assert_eq!(v["favorite"], json!(false));
    assert_eq!(v["input"], json!({ "name": "Ada", "n": 1 }));
    let back: StoredReading = serde_json::from_value(v).unwrap();
    assert_eq!(back, r);
}

async fn a_full_history_refuses_new_readings_until_one_is_deleted(db: TestDb) {
    let s = db.reopen_with_reading_cap(3).await;
    let mut alice = Vec::new();
    for i in 0..3 {
        alice.push(
            s.insert_reading(new_reading("alice", "name", &format!("r{i}")))
                .await
                .unwrap(),
        );
    }
    match s
        .insert_reading(new_reading("alice", "name", "one too many"))
        .await
    {
        Err(StoreError::Invalid(m)) => {
            assert_eq!(m.id, "error-store-readings-full");
        }
        other => panic!("expected a full history, got {other:?}"),
    }
    // Nothing was written; another owner is not affected.
    s.insert_reading(new_reading("bob", "name", "b"))
        .await
        .unwrap();
    assert_eq!(db.count_rows("readings").await, 4);
    // A deleted reading makes room: it is purged, the new one stored.
    assert!(s.delete_reading("alice", alice[0].id).await.unwrap());
    let fresh = s
        .insert_reading(new_reading("alice", "name", "room again"))
        .await
        .unwrap();
    assert_eq!(db.count_rows("readings").await, 4);
    let page = s
        .list_readings("alice", &ReadingFilter::default())
        .await
        .unwrap();
    assert_eq!(ids(&page.items), vec![fresh.id, alice[2].id, alice[1].id]);
}
