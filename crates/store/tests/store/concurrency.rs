//! Many callers at once: on one store, and on two stores over the same data
//! (the server next to the CLI; two nodes of a cluster).

use std::collections::HashSet;
use std::sync::Arc;

use nps_store::ReadingFilter;

use nps_store::Store;

use crate::support::{TestDb, list_all, new_reading, on_both_backends};

on_both_backends!(
    eight_tasks_fifty_inserts_each,
    two_stores_on_one_database_write_concurrently_with_readers,
    concurrent_toggles_are_not_lost,
    refresh_token_is_rotated_by_exactly_one_task,
);

async fn eight_tasks_fifty_inserts_each(db: TestDb) {
    let mut tasks = tokio::task::JoinSet::new();
    for t in 0..8 {
        let store = Arc::clone(&db.store);
        tasks.spawn(async move {
            let owner = if t % 2 == 0 { "even" } else { "odd" };
            let mut made = Vec::new();
            for i in 0..50 {
                let r = new_reading(owner, "time", &format!("t{t} i{i}"));
                made.push(store.insert_reading(r).await.unwrap().id);
            }
            made
        });
    }
    let all: Vec<i64> = tasks.join_all().await.into_iter().flatten().collect();
    assert_eq!(all.len(), 400);
    assert_eq!(
        all.iter().collect::<HashSet<_>>().len(),
        400,
        "ids distinct"
    );
    assert_eq!(db.count_rows("readings").await, 400);
    let total = async |owner: &str| list_all(&*db, owner).await.total;
    assert_eq!((total("even").await, total("odd").await), (200, 200));
}

async fn two_stores_on_one_database_write_concurrently_with_readers(db: TestDb) {
    let second = db.reopen().await;
    let mut tasks = tokio::task::JoinSet::new();
    for t in 0..6 {
        let store: Arc<dyn Store> = if t % 2 == 0 {
            Arc::clone(&db.store)
        } else {
            Arc::clone(&second)
        };
        tasks.spawn(async move {
            for i in 0..25 {
                let r = store
                    .insert_reading(new_reading("u", "name", &format!("{t}/{i}")))
                    .await
                    .unwrap();
                if i % 5 == 0 {
                    store.toggle_favorite("u", r.id).await.unwrap();
                    list_all(&*store, "u").await;
                }
            }
        });
    }
    tasks.join_all().await;
    let all = list_all(&*db, "u").await;
    assert_eq!(all.total, 150);
    let favorites = second
        .list_readings(
            "u",
            &ReadingFilter {
                favorite: Some(true),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(favorites.total, 30);
}

async fn concurrent_toggles_are_not_lost(db: TestDb) {
    let r = db.insert("u", "name", "s").await;
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..6 {
        let store = Arc::clone(&db.store);
        tasks.spawn(async move {
            for _ in 0..11 {
                store.toggle_favorite("u", r.id).await.unwrap().unwrap();
            }
        });
    }
    tasks.join_all().await;
    // 66 toggles: an even number, so back to false
    assert!(
        !db.store
            .get_reading("u", r.id)
            .await
            .unwrap()
            .unwrap()
            .favorite
    );
}

/// With no grace at all, of eight concurrent rotations of one token (from two stores
/// on one database) exactly one wins; every later one is a reuse that revokes the
/// family (and the rest find no token) — the rotation reads and marks the token in
/// one transaction.
async fn refresh_token_is_rotated_by_exactly_one_task(db: TestDb) {
    db.store
        .store_refresh_token(&crate::support::token("h", "42", "f", i64::MAX))
        .await
        .unwrap();
    let second = db.reopen().await;
    let mut tasks = tokio::task::JoinSet::new();
    for t in 0..8 {
        let store = Arc::clone(if t % 2 == 0 { &db.store } else { &second });
        tasks.spawn(async move {
            store
                .rotate_refresh_token("h", &format!("s{t}"), 0, 0)
                .await
                .unwrap()
        });
    }
    let outcomes = tasks.join_all().await;
    let count = |o: &nps_store::Rotation| outcomes.iter().filter(|x| *x == o).count();
    let won = nps_store::Rotation::Rotated {
        user_id: "42".into(),
    };
    // One wins, the next is the reuse that revokes the family, the rest find nothing.
    assert_eq!(
        (
            count(&won),
            count(&nps_store::Rotation::Reused),
            count(&nps_store::Rotation::Refused)
        ),
        (1, 1, 6),
        "{outcomes:?}"
    );
    assert_eq!(db.count_rows("refresh_tokens").await, 0);
}
