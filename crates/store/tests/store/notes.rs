//! A reading's rating (1–5 stars) and private note: set, kept, cleared, returned in
//! the list and by `get_reading`, scoped to the owner and bounded — on both backends.

use nps_protocol::limits::MAX_NOTE_CHARS;
use nps_store::{NotesChange, ReadingFilter, StoreError, StoredReading};

use crate::support::{TestDb, on_both_backends};

on_both_backends!(
    a_rating_and_a_note_are_set_kept_and_cleared,
    another_owner_and_a_deleted_reading_get_none,
    out_of_bounds_marks_are_refused_and_nothing_is_written,
);

fn rate(stars: u8) -> NotesChange {
    NotesChange {
        rating: Some(Some(stars)),
        note: None,
    }
}

fn note(text: &str) -> NotesChange {
    NotesChange {
        rating: None,
        note: Some(Some(text.to_string())),
    }
}

async fn a_rating_and_a_note_are_set_kept_and_cleared(db: TestDb) {
    let r = db.insert("u", "name", "s").await;
    assert_eq!((r.rating, r.note.clone()), (None, None));
    let rated = db.set_notes("u", r.id, rate(4)).await.unwrap().unwrap();
    assert_eq!(
        rated,
        StoredReading {
            rating: Some(4),
            ..r.clone()
        }
    );
    // A note alone keeps the rating.
    let noted = db
        .set_notes("u", r.id, note("یادداشتِ من\nline 2"))
        .await
        .unwrap();
    let expected = StoredReading {
        rating: Some(4),
        note: Some("یادداشتِ من\nline 2".into()),
        ..r.clone()
    };
    assert_eq!(noted.as_ref(), Some(&expected));
    assert_eq!(
        db.get_reading("u", r.id).await.unwrap().as_ref(),
        Some(&expected)
    );
    let page = db
        .list_readings("u", &ReadingFilter::default())
        .await
        .unwrap();
    assert_eq!(page.items, vec![expected.clone()]);
    // An empty change writes nothing and returns the reading.
    let same = db
        .set_notes("u", r.id, NotesChange::default())
        .await
        .unwrap();
    assert_eq!(same.as_ref(), Some(&expected));
    // The rating cleared alone keeps the note; then the note cleared.
    let cleared = NotesChange {
        rating: Some(None),
        note: None,
    };
    let got = db.set_notes("u", r.id, cleared).await.unwrap().unwrap();
    assert_eq!(
        (got.rating, got.note.as_deref()),
        (None, Some("یادداشتِ من\nline 2"))
    );
    let both = NotesChange {
        rating: Some(Some(1)),
        note: Some(None),
    };
    let got = db.set_notes("u", r.id, both).await.unwrap().unwrap();
    assert_eq!((got.rating, got.note), (Some(1), None));
    // Favorite and the rest are untouched throughout.
    assert_eq!(
        db.get_reading("u", r.id).await.unwrap(),
        Some(StoredReading {
            rating: Some(1),
            ..r
        })
    );
}

async fn another_owner_and_a_deleted_reading_get_none(db: TestDb) {
    let r = db.insert("alice", "question", "s").await;
    assert_eq!(db.set_notes("bob", r.id, rate(5)).await.unwrap(), None);
    assert_eq!(db.set_notes("alice", 424_242, rate(5)).await.unwrap(), None);
    let alice = db.get_reading("alice", r.id).await.unwrap().unwrap();
    assert_eq!(alice.rating, None, "bob's attempt wrote nothing");
    assert!(db.delete_reading("alice", r.id).await.unwrap());
    assert_eq!(db.set_notes("alice", r.id, note("x")).await.unwrap(), None);
}

async fn out_of_bounds_marks_are_refused_and_nothing_is_written(db: TestDb) {
    let r = db.insert("u", "time", "s").await;
    for bad in [rate(0), rate(6), note(&"n".repeat(MAX_NOTE_CHARS + 1))] {
        let e = db.set_notes("u", r.id, bad.clone()).await.unwrap_err();
        assert!(matches!(e, StoreError::Invalid(_)), "{bad:?}: {e:?}");
    }
    let id = match db.set_notes("u", r.id, rate(0)).await {
        Err(StoreError::Invalid(m)) => m.id,
        other => panic!("{other:?}"),
    };
    assert_eq!(id, "error-rating-range");
    let at_bound = "ن".repeat(MAX_NOTE_CHARS);
    let got = db
        .set_notes("u", r.id, note(&at_bound))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(got.note.map(|n| n.chars().count()), Some(MAX_NOTE_CHARS));
    assert_eq!(got.rating, None);
    assert!(matches!(
        db.set_notes("", r.id, rate(3)).await,
        Err(StoreError::Invalid(_))
    ));
}
