//! Saved people (profiles): owner scoping, the one "me", the bound, hard delete.

use futures_util::future::join_all;
use nps_store::{MAX_PROFILES_PER_OWNER, NewProfile, ProfileChange, Store, StoreError};
use serde_json::{Value, json};

use crate::support::{TestDb, is_rfc3339_ms_utc, on_both_backends};

on_both_backends!(
    saved_people_come_back_me_first_then_in_saving_order,
    marking_another_me_unmarks_the_first,
    changes_keep_what_they_do_not_name,
    another_owner_can_neither_see_nor_change_nor_delete,
    delete_removes_the_row_for_good,
    the_hundred_and_first_person_is_refused_and_not_written,
    people_marked_me_at_once_leave_exactly_one_me,
);

fn person(name: &str) -> Value {
    json!({ "name": name, "birth_date": "1990-07-15" })
}

async fn save(s: &dyn Store, owner: &str, name: &str, is_me: bool) -> nps_store::StoredProfile {
    s.insert_profile(NewProfile {
        owner: owner.into(),
        person: person(name),
        is_me,
    })
    .await
    .unwrap()
}

/// The names of the owner's people, in the order the store lists them, with "me" marked.
async fn names(s: &dyn Store, owner: &str) -> Vec<String> {
    s.list_profiles(owner)
        .await
        .unwrap()
        .into_iter()
        .map(|p| {
            let name = p.person["name"].as_str().unwrap_or_default().to_owned();
            if p.is_me {
                format!("{name} (me)")
            } else {
                name
            }
        })
        .collect()
}

async fn saved_people_come_back_me_first_then_in_saving_order(db: TestDb) {
    assert!(db.list_profiles("u").await.unwrap().is_empty());
    let ada = save(&*db, "u", "Ada", false).await;
    assert!(ada.id > 0);
    assert_eq!(ada.person, person("Ada"));
    assert!(!ada.is_me);
    assert!(is_rfc3339_ms_utc(&ada.created_at));
    assert_eq!(ada.created_at, ada.updated_at);
    save(&*db, "u", "Babak", false).await;
    save(&*db, "u", "Cyrus", true).await;
    assert_eq!(names(&*db, "u").await, ["Cyrus (me)", "Ada", "Babak"]);
    assert_eq!(db.list_profiles("u").await.unwrap()[1], ada);
}

async fn marking_another_me_unmarks_the_first(db: TestDb) {
    let ada = save(&*db, "u", "Ada", true).await;
    save(&*db, "u", "Babak", true).await;
    assert_eq!(names(&*db, "u").await, ["Babak (me)", "Ada"]);
    let change = ProfileChange {
        is_me: Some(true),
        ..ProfileChange::default()
    };
    let back = db
        .update_profile("u", ada.id, change)
        .await
        .unwrap()
        .unwrap();
    assert!(back.is_me);
    assert_eq!(names(&*db, "u").await, ["Ada (me)", "Babak"]);
    let unmark = ProfileChange {
        is_me: Some(false),
        ..ProfileChange::default()
    };
    db.update_profile("u", ada.id, unmark).await.unwrap();
    assert_eq!(names(&*db, "u").await, ["Ada", "Babak"]);
    // Another owner's "me" is their own.
    save(&*db, "v", "Dara", true).await;
    assert_eq!(names(&*db, "u").await, ["Ada", "Babak"]);
}

async fn changes_keep_what_they_do_not_name(db: TestDb) {
    let ada = save(&*db, "u", "Ada", true).await;
    let renamed = json!({ "name": "Ada Lovelace", "birth_date": "1815-12-10", "gender": "female" });
    let change = ProfileChange {
        person: Some(renamed.clone()),
        is_me: None,
    };
    let back = db
        .update_profile("u", ada.id, change)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (back.id, &back.person, back.is_me),
        (ada.id, &renamed, true)
    );
    assert_eq!(back.created_at, ada.created_at);
    assert!(back.updated_at >= ada.updated_at, "{back:?}");
    assert_eq!(db.list_profiles("u").await.unwrap(), [back]);
}

async fn another_owner_can_neither_see_nor_change_nor_delete(db: TestDb) {
    let ada = save(&*db, "alice", "Ada", true).await;
    assert!(db.list_profiles("bob").await.unwrap().is_empty());
    let change = ProfileChange {
        person: Some(person("Mallory")),
        is_me: Some(false),
    };
    assert_eq!(
        db.update_profile("bob", ada.id, change).await.unwrap(),
        None
    );
    assert!(!db.delete_profile("bob", ada.id).await.unwrap());
    assert_eq!(db.list_profiles("alice").await.unwrap(), [ada]);
    assert!(matches!(
        db.list_profiles("").await,
        Err(StoreError::Invalid(_))
    ));
}

async fn delete_removes_the_row_for_good(db: TestDb) {
    let ada = save(&*db, "u", "Ada", false).await;
    save(&*db, "u", "Babak", false).await;
    assert!(db.delete_profile("u", ada.id).await.unwrap());
    assert!(!db.delete_profile("u", ada.id).await.unwrap());
    assert_eq!(names(&*db, "u").await, ["Babak"]);
    assert_eq!(db.count_rows("profiles").await, 1);
    let none = db
        .update_profile("u", ada.id, ProfileChange::default())
        .await
        .unwrap();
    assert_eq!(none, None);
}

async fn the_hundred_and_first_person_is_refused_and_not_written(db: TestDb) {
    for i in 0..MAX_PROFILES_PER_OWNER {
        save(&*db, "u", &format!("P{i}"), false).await;
    }
    let refused = db
        .insert_profile(NewProfile {
            owner: "u".into(),
            person: person("One too many"),
            is_me: true,
        })
        .await;
    match refused {
        Err(StoreError::Invalid(m)) => {
            assert_eq!(m.id, "error-store-profiles-full");
            assert_eq!(
                m.args,
                [("max".into(), nps_protocol::text::Arg::Number("100".into()))]
            );
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    // Refused whole: no row, and no "me" was unmarked or marked.
    assert_eq!(db.count_rows("profiles").await, 100);
    assert!(
        db.list_profiles("u")
            .await
            .unwrap()
            .iter()
            .all(|p| !p.is_me)
    );
    // Another owner is not affected by this one's bound.
    save(&*db, "v", "Dara", false).await;
}

async fn people_marked_me_at_once_leave_exactly_one_me(db: TestDb) {
    let saves = (0..6).map(|i| {
        let s = db.store.clone();
        tokio::spawn(async move { save(&*s, "u", &format!("P{i}"), true).await })
    });
    for saved in join_all(saves).await {
        saved.unwrap();
    }
    let people = db.list_profiles("u").await.unwrap();
    assert_eq!(people.len(), 6);
    assert_eq!(people.iter().filter(|p| p.is_me).count(), 1);
    assert!(people[0].is_me);
}
