//! Per-owner scoping and soft delete.

use nps_store::ReadingFilter;

use crate::support::{TestDb, ids, is_rfc3339_ms_utc, list_all, on_both_backends};

on_both_backends!(
    another_owner_can_neither_see_nor_change_a_reading,
    owner_match_is_exact,
    deleted_row_is_hidden_but_still_stored,
    deleting_keeps_the_first_deleted_at,
);

async fn another_owner_can_neither_see_nor_change_a_reading(db: TestDb) {
    let a = db.insert("alice", "name", "alice's").await;
    let b = db.insert("bob", "name", "bob's").await;

    // get
    assert_eq!(db.get_reading("bob", a.id).await.unwrap(), None);
    assert_eq!(db.get_reading("alice", b.id).await.unwrap(), None);
    // list (also with a text filter that matches the other's row)
    let p = list_all(&*db, "bob").await;
    assert_eq!((ids(&p.items), p.total), (vec![b.id], 1));
    let p = db
        .list_readings(
            "bob",
            &ReadingFilter {
                text: Some("alice".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(p.total, 0);
    // favorite
    assert_eq!(db.toggle_favorite("bob", a.id).await.unwrap(), None);
    assert_eq!(db.set_favorite("bob", a.id, true).await.unwrap(), None);
    // delete
    assert!(!db.delete_reading("bob", a.id).await.unwrap());

    // alice's row is untouched
    assert_eq!(
        db.get_reading("alice", a.id).await.unwrap(),
        Some(a.clone())
    );
    let p = list_all(&*db, "alice").await;
    assert_eq!(p.items, vec![a]);
}

async fn owner_match_is_exact(db: TestDb) {
    let a = db.insert("Alice", "name", "s").await;
    assert_eq!(db.get_reading("alice", a.id).await.unwrap(), None);
    assert_eq!(db.get_reading("Alice ", a.id).await.unwrap(), None);
    let p = list_all(&*db, "alice").await;
    assert_eq!(p.total, 0);
}

async fn deleted_row_is_hidden_but_still_stored(db: TestDb) {
    let r = db.insert("u", "name", "s").await;
    assert!(db.delete_reading("u", r.id).await.unwrap());
    assert_eq!(db.get_reading("u", r.id).await.unwrap(), None);
    let p = list_all(&*db, "u").await;
    assert_eq!(p.total, 0);

    let (owner, summary, deleted_at) = db.raw_reading(r.id).await;
    assert_eq!((owner.as_str(), summary.as_str()), ("u", "s"));
    let deleted_at = deleted_at.expect("deleted_at set");
    assert!(is_rfc3339_ms_utc(&deleted_at), "{deleted_at}");
    assert!(deleted_at >= r.created_at);
}

async fn deleting_keeps_the_first_deleted_at(db: TestDb) {
    let r = db.insert("u", "name", "s").await;
    assert!(db.delete_reading("u", r.id).await.unwrap());
    let first = db.raw_reading(r.id).await.2.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    assert!(!db.delete_reading("u", r.id).await.unwrap());
    assert_eq!(db.raw_reading(r.id).await.2.unwrap(), first);
}
