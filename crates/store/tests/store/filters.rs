//! `list_readings` filters and paging: kind, favorite, text, date range, limit/offset.

use nps_store::{NewReading, ReadingFilter, ReadingPage, SignType};
use serde_json::{Value, json};

use crate::support::{TestDb, ids, new_reading, on_both_backends};

on_both_backends!(
    by_kind,
    by_favorite,
    text_matches_input_and_summary_case_insensitively,
    text_folds_ascii_case_only,
    text_searches_the_input_json_text_keys_included,
    text_treats_percent_underscore_and_backslash_literally,
    text_matches_non_ascii_exactly,
    date_range_is_inclusive_from_exclusive_to,
    limit_offset_and_total,
    limit_is_clamped_to_1_through_200,
    filters_combine,
);

async fn list(db: &TestDb, filter: ReadingFilter) -> ReadingPage {
    db.list_readings("u", &filter).await.unwrap()
}

async fn by_text(db: &TestDb, text: &str) -> Vec<i64> {
    ids(&list(
        db,
        ReadingFilter {
            text: Some(text.into()),
            ..Default::default()
        },
    )
    .await
    .items)
}

async fn insert(db: &TestDb, r: NewReading) -> i64 {
    db.insert_reading(r).await.unwrap().id
}

/// Inserts a name reading of `u` with this input and summary.
async fn insert_name_reading(db: &TestDb, input: Value, summary: &str) -> i64 {
    insert(
        db,
        NewReading {
            input,
            ..new_reading("u", "name", summary)
        },
    )
    .await
}

async fn by_kind(db: TestDb) {
    let t = insert(&db, new_reading("u", "time", "s")).await;
    let n = insert(&db, new_reading("u", "name", "s")).await;
    let of_kind = |kind: SignType| ReadingFilter {
        kind: Some(kind),
        ..Default::default()
    };
    let page = list(&db, of_kind(SignType::Time)).await;
    assert_eq!((ids(&page.items), page.total), (vec![t], 1));
    let page = list(&db, of_kind(SignType::Name)).await;
    assert_eq!((ids(&page.items), page.total), (vec![n], 1));
    let page = list(&db, of_kind(SignType::Full)).await;
    assert_eq!((ids(&page.items), page.total), (vec![], 0));
}

async fn by_favorite(db: TestDb) {
    let a = insert(&db, new_reading("u", "time", "a")).await;
    let b = insert(&db, new_reading("u", "time", "b")).await;
    db.set_favorite("u", a, true).await.unwrap();
    let of_favorite = |favorite: bool| ReadingFilter {
        favorite: Some(favorite),
        ..Default::default()
    };
    let favs = list(&db, of_favorite(true)).await;
    assert_eq!(ids(&favs.items), vec![a]);
    assert!(favs.items[0].favorite);
    let others = list(&db, of_favorite(false)).await;
    assert_eq!(ids(&others.items), vec![b]);
}

async fn text_matches_input_and_summary_case_insensitively(db: TestDb) {
    let in_input = insert_name_reading(&db, json!({ "name": "Zoroaster" }), "plain").await;
    let in_summary = insert_name_reading(&db, json!({ "name": "Ada" }), "A ZOROASTRIAN tale").await;
    let neither = insert_name_reading(&db, json!({ "name": "Bob" }), "nothing").await;
    let page = list(
        &db,
        ReadingFilter {
            text: Some("zoroAST".into()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        (ids(&page.items), page.total),
        (vec![in_summary, in_input], 2)
    );
    assert_eq!(by_text(&db, "bob").await, vec![neither]);
    // empty text means no text filter
    assert_eq!(by_text(&db, "").await.len(), 3);
}

/// Only A–Z fold to a–z: SQLite's LIKE, and the same on PostgreSQL whatever the
/// server's locale.
async fn text_folds_ascii_case_only(db: TestDb) {
    let e_acute = insert(&db, new_reading("u", "name", "café")).await;
    let e_acute_upper = insert(&db, new_reading("u", "name", "CAFÉ")).await;
    assert_eq!(by_text(&db, "CAF").await, vec![e_acute_upper, e_acute]);
    assert_eq!(by_text(&db, "é").await, vec![e_acute]);
    assert_eq!(by_text(&db, "É").await, vec![e_acute_upper]);
    assert_eq!(by_text(&db, "cafÉ").await, vec![e_acute_upper]);
}

/// The input is searched as the JSON text it was saved as, so keys match too.
async fn text_searches_the_input_json_text_keys_included(db: TestDb) {
    let r = insert_name_reading(&db, json!({ "birth_date": "1990-01-02" }), "s").await;
    assert_eq!(by_text(&db, "birth_DATE").await, vec![r]);
    assert_eq!(by_text(&db, r#""birth_date":"1990"#).await, vec![r]);
    assert_eq!(by_text(&db, "1990-01-03").await, Vec::<i64>::new());
}

async fn text_treats_percent_underscore_and_backslash_literally(db: TestDb) {
    let pct = insert(&db, new_reading("u", "name", "100% sure")).await;
    let und = insert(&db, new_reading("u", "name", "snake_case")).await;
    let bsl = insert(&db, new_reading("u", "name", r"back\slash")).await;
    let _plain = insert(&db, new_reading("u", "name", "100 sure snakeXcase")).await;
    assert_eq!(by_text(&db, "%").await, vec![pct]);
    assert_eq!(by_text(&db, "0% s").await, vec![pct]);
    assert_eq!(by_text(&db, "_").await, vec![und]);
    assert_eq!(by_text(&db, "e_c").await, vec![und]);
    assert_eq!(by_text(&db, r"\").await, vec![bsl]);
    assert_eq!(by_text(&db, r"k\s").await, vec![bsl]);
    assert_eq!(by_text(&db, "%%").await, Vec::<i64>::new());
}

async fn text_matches_non_ascii_exactly(db: TestDb) {
    let fa = insert_name_reading(&db, json!({ "name": "مریم" }), "s").await;
    assert_eq!(by_text(&db, "مریم").await, vec![fa]);
    assert_eq!(by_text(&db, "مريم").await, Vec::<i64>::new()); // Arabic yeh is another letter
}

async fn date_range_is_inclusive_from_exclusive_to(db: TestDb) {
    let r1 = insert(&db, new_reading("u", "time", "1")).await;
    let r2 = insert(&db, new_reading("u", "time", "2")).await;
    let r3 = insert(&db, new_reading("u", "time", "3")).await;
    db.backdate(r1, 1_000).await;
    db.backdate(r2, 2_000).await;
    db.backdate(r3, 3_000).await;
    let q = async |from: Option<i64>, to: Option<i64>| {
        let p = list(
            &db,
            ReadingFilter {
                from,
                to,
                ..Default::default()
            },
        )
        .await;
        (ids(&p.items), p.total)
    };
    assert_eq!(q(Some(2_000), None).await, (vec![r3, r2], 2));
    assert_eq!(q(None, Some(2_000)).await, (vec![r1], 1));
    assert_eq!(q(Some(2_000), Some(3_000)).await, (vec![r2], 1));
    assert_eq!(q(Some(1_000), Some(3_001)).await, (vec![r3, r2, r1], 3));
    assert_eq!(q(Some(3_001), None).await, (vec![], 0));
    assert_eq!(q(Some(5_000), Some(1_000)).await, (vec![], 0));
    assert_eq!(
        q(Some(i64::MIN), Some(i64::MAX)).await,
        (vec![r3, r2, r1], 3)
    );
    assert_eq!(q(Some(i64::MAX), None).await, (vec![], 0));
    assert_eq!(q(None, Some(i64::MIN)).await, (vec![], 0));
}

async fn limit_offset_and_total(db: TestDb) {
    let mut newest_first = Vec::new();
    for i in 0..7 {
        newest_first.push(insert(&db, new_reading("u", "name", &format!("{i}"))).await);
    }
    newest_first.reverse();
    let page = async |limit, offset| {
        list(
            &db,
            ReadingFilter {
                limit,
                offset,
                ..Default::default()
            },
        )
        .await
    };
    let p = page(Some(3), None).await;
    assert_eq!(
        (ids(&p.items), p.total, p.limit, p.offset),
        (newest_first[..3].to_vec(), 7, 3, 0)
    );
    let p = page(Some(3), Some(3)).await;
    assert_eq!(
        (ids(&p.items), p.total, p.offset),
        (newest_first[3..6].to_vec(), 7, 3)
    );
    let p = page(Some(3), Some(6)).await;
    assert_eq!(ids(&p.items), newest_first[6..].to_vec());
    let p = page(Some(3), Some(100)).await;
    assert!(p.items.is_empty());
    assert_eq!(p.total, 7);
}

async fn limit_is_clamped_to_1_through_200(db: TestDb) {
    for i in 0..205 {
        insert(&db, new_reading("u", "name", &format!("{i}"))).await;
    }
    let p = list(&db, ReadingFilter::default()).await;
    assert_eq!((p.items.len(), p.limit, p.total), (50, 50, 205));
    let with_limit = async |limit| {
        let filter = ReadingFilter {
            limit: Some(limit),
            ..Default::default()
        };
        list(&db, filter).await
    };
    let p = with_limit(0).await;
    assert_eq!((p.items.len(), p.limit), (1, 1));
    let p = with_limit(500).await;
    assert_eq!((p.items.len(), p.limit, p.total), (200, 200, 205));
}

async fn filters_combine(db: TestDb) {
    let hit = insert(&db, new_reading("u", "time", "match me")).await;
    let wrong_kind = insert(&db, new_reading("u", "name", "match me")).await;
    let _not_fav = insert(&db, new_reading("u", "time", "match me")).await;
    let wrong_text = insert(&db, new_reading("u", "time", "other")).await;
    for id in [hit, wrong_kind, wrong_text] {
        db.set_favorite("u", id, true).await.unwrap();
    }
    let p = list(
        &db,
        ReadingFilter {
            kind: Some(SignType::Time),
            favorite: Some(true),
            text: Some("MATCH".into()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!((ids(&p.items), p.total), (vec![hit], 1));
}
