//! Integration tests for nps-store: real SQLite files in temp dirs, no mocks.

use std::path::Path;

use nps_store::{
    NewReading, ReadingFilter, SignType, SqliteStore, Store, StoreError, StoredReading,
};
use serde_json::json;
use tempfile::TempDir;

fn open() -> (TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open_in_dir(dir.path()).unwrap();
    (dir, store)
}

fn new_reading(owner: &str, kind: &str, summary: &str) -> NewReading {
    NewReading {
        owner: owner.into(),
        kind: SignType::from_wire(kind).unwrap(),
        input: json!({ "name": "Ada", "n": 1 }),
        result: json!({ "number": 7, "tags": ["a", "b"] }),
        summary: summary.into(),
        locale: "en".into(),
    }
}

fn raw(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).unwrap()
}

fn count_rows(path: &Path, table: &str) -> i64 {
    raw(path)
        .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// Moves a reading's creation time (both columns) to `unix_secs`.
fn backdate(path: &Path, id: i64, unix_secs: i64) {
    let ms = unix_secs * 1000;
    let n = raw(path)
        .execute(
            "UPDATE readings SET created_unix_ms = ?1, created_at = ?2 WHERE id = ?3",
            rusqlite::params![ms, nps_store::format_rfc3339_ms(ms), id],
        )
        .unwrap();
    assert_eq!(n, 1);
}

fn ids(items: &[StoredReading]) -> Vec<i64> {
    items.iter().map(|r| r.id).collect()
}

fn is_rfc3339_ms_utc(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 24
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && b[19] == b'.'
        && b[23] == b'Z'
        && b.iter()
            .enumerate()
            .all(|(i, c)| [4, 7, 10, 13, 16, 19, 23].contains(&i) || c.is_ascii_digit())
}

mod readings {
    use super::*;

    #[tokio::test]
    async fn insert_then_get_returns_exact_fields() {
        let (_dir, store) = open();
        let before = std::time::SystemTime::now();
        let saved = store
            .insert_reading(NewReading {
                owner: "alice".into(),
                kind: SignType::Compatibility,
                input: json!({ "a": "Ada", "b": "Bob", "weights": [0.1, 2.5e-7, -3], "big": 9007199254740993u64 }),
                result: json!({ "score": 0.875, "nested": { "ok": true, "none": null } }),
                summary: "Ada & Bob: 87.5% — خوب".into(),
                locale: "fa".into(),
            }).await
            .unwrap();
        assert!(saved.id > 0);
        assert_eq!(saved.owner, "alice");
        assert_eq!(saved.kind, SignType::Compatibility);
        assert_eq!(
            saved.input,
            json!({ "a": "Ada", "b": "Bob", "weights": [0.1, 2.5e-7, -3], "big": 9007199254740993u64 })
        );
        assert_eq!(
            saved.result,
            json!({ "score": 0.875, "nested": { "ok": true, "none": null } })
        );
        assert_eq!(saved.summary, "Ada & Bob: 87.5% — خوب");
        assert_eq!(saved.locale, "fa");
        assert!(!saved.favorite);
        assert!(is_rfc3339_ms_utc(&saved.created_at), "{}", saved.created_at);
        // created_at is "now" (same UTC second or the next, to the minute)
        let secs = before
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        let now = nps_store::format_rfc3339_ms(secs * 1000).unwrap();
        let now_prefix = &now[..16];
        assert_eq!(&saved.created_at[..16], now_prefix);

        let got = store.get_reading("alice", saved.id).await.unwrap();
        assert_eq!(got, Some(saved.clone()));
        let page = store
            .list_readings("alice", &ReadingFilter::default())
            .await
            .unwrap();
        assert_eq!(page.items, vec![saved]);
        assert_eq!((page.total, page.limit, page.offset), (1, 50, 0));
    }

    #[tokio::test]
    async fn every_kind_is_accepted() {
        let (dir, store) = open();
        for kind in SignType::ALL {
            let r = store
                .insert_reading(new_reading("u", kind.as_str(), "s"))
                .await
                .unwrap();
            assert_eq!(r.kind, kind);
            assert_eq!(store.get_reading("u", r.id).await.unwrap(), Some(r));
        }
        let page = store
            .list_readings("u", &ReadingFilter::default())
            .await
            .unwrap();
        assert_eq!(page.total, 6);
        // The kind is stored as its wire name.
        let kinds: Vec<String> = raw(&dir.path().join("nps.db"))
            .prepare("SELECT kind FROM readings ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            kinds,
            ["time", "name", "question", "daily", "full", "compatibility"]
        );
    }

    #[tokio::test]
    async fn a_row_of_an_unknown_kind_is_reported_corrupt() {
        let (dir, store) = open();
        let r = store
            .insert_reading(new_reading("u", "name", "s"))
            .await
            .unwrap();
        raw(&dir.path().join("nps.db"))
            .execute("UPDATE readings SET kind = 'tarot' WHERE id = ?1", [r.id])
            .unwrap();
        let e = store.get_reading("u", r.id).await.unwrap_err();
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
            store
                .list_readings("u", &ReadingFilter::default())
                .await
                .is_err()
        );
    }

    #[tokio::test]
    async fn get_missing_id_is_none() {
        let (_dir, store) = open();
        assert_eq!(store.get_reading("alice", 1).await.unwrap(), None);
        assert_eq!(store.get_reading("alice", -5).await.unwrap(), None);
    }

    #[tokio::test]
    async fn list_is_newest_first_with_id_tiebreak() {
        let (dir, store) = open();
        let path = dir.path().join("nps.db");
        let a = store
            .insert_reading(new_reading("u", "time", "a"))
            .await
            .unwrap();
        let b = store
            .insert_reading(new_reading("u", "time", "b"))
            .await
            .unwrap();
        let c = store
            .insert_reading(new_reading("u", "time", "c"))
            .await
            .unwrap();
        let d = store
            .insert_reading(new_reading("u", "time", "d"))
            .await
            .unwrap();
        // a is newest; b and c share a timestamp (id breaks the tie, higher first); d oldest.
        backdate(&path, a.id, 1_800_000_300);
        backdate(&path, b.id, 1_800_000_200);
        backdate(&path, c.id, 1_800_000_200);
        backdate(&path, d.id, 1_800_000_100);
        let page = store
            .list_readings("u", &ReadingFilter::default())
            .await
            .unwrap();
        assert_eq!(ids(&page.items), vec![a.id, c.id, b.id, d.id]);
        assert_eq!(page.items[0].created_at, "2027-01-15T08:05:00.000Z");
    }

    #[tokio::test]
    async fn natural_inserts_list_newest_first() {
        let (_dir, store) = open();
        let mut made: Vec<i64> = Vec::new();
        for i in 0..5 {
            let r = store.insert_reading(new_reading("u", "name", &format!("r{i}")));
            made.push(r.await.unwrap().id);
        }
        let page = store
            .list_readings("u", &ReadingFilter::default())
            .await
            .unwrap();
        let mut expected = made.clone();
        expected.reverse();
        assert_eq!(ids(&page.items), expected);
    }

    #[tokio::test]
    async fn delete_then_get_and_list_hide_it() {
        let (_dir, store) = open();
        let keep = store
            .insert_reading(new_reading("u", "name", "keep"))
            .await
            .unwrap();
        let gone = store
            .insert_reading(new_reading("u", "name", "gone"))
            .await
            .unwrap();
        assert!(store.delete_reading("u", gone.id).await.unwrap());
        assert_eq!(store.get_reading("u", gone.id).await.unwrap(), None);
        let page = store
            .list_readings("u", &ReadingFilter::default())
            .await
            .unwrap();
        assert_eq!(page.items, vec![keep]);
        assert_eq!(page.total, 1);
        // second delete and unknown ids are false
        assert!(!store.delete_reading("u", gone.id).await.unwrap());
        assert!(!store.delete_reading("u", 9999).await.unwrap());
    }

    #[tokio::test]
    async fn favorite_toggle_and_set_round_trip() {
        let (_dir, store) = open();
        let r = store
            .insert_reading(new_reading("u", "daily", "s"))
            .await
            .unwrap();
        assert_eq!(store.toggle_favorite("u", r.id).await.unwrap(), Some(true));
        assert!(
            store
                .get_reading("u", r.id)
                .await
                .unwrap()
                .unwrap()
                .favorite
        );
        assert_eq!(store.toggle_favorite("u", r.id).await.unwrap(), Some(false));
        assert!(
            !store
                .get_reading("u", r.id)
                .await
                .unwrap()
                .unwrap()
                .favorite
        );
        assert_eq!(
            store.set_favorite("u", r.id, true).await.unwrap(),
            Some(true)
        );
        assert_eq!(
            store.set_favorite("u", r.id, true).await.unwrap(),
            Some(true)
        ); // idempotent
        let got = store.get_reading("u", r.id).await.unwrap().unwrap();
        assert_eq!(
            got,
            StoredReading {
                favorite: true,
                ..r.clone()
            }
        );
        assert_eq!(
            store.set_favorite("u", r.id, false).await.unwrap(),
            Some(false)
        );
        assert_eq!(store.toggle_favorite("u", 4242).await.unwrap(), None);
        assert_eq!(store.set_favorite("u", 4242, true).await.unwrap(), None);
        // deleted rows can't be favorited
        assert!(store.delete_reading("u", r.id).await.unwrap());
        assert_eq!(store.toggle_favorite("u", r.id).await.unwrap(), None);
        assert_eq!(store.set_favorite("u", r.id, true).await.unwrap(), None);
    }

    #[tokio::test]
    async fn store_works_as_a_trait_object() {
        let (_dir, store) = open();
        let shared: std::sync::Arc<dyn Store> = std::sync::Arc::new(store);
        let r = shared
            .insert_reading(new_reading("u", "full", "s"))
            .await
            .unwrap();
        assert_eq!(shared.get_reading("u", r.id).await.unwrap(), Some(r));
    }

    #[tokio::test]
    async fn stored_reading_serializes_as_plain_json() {
        let (_dir, store) = open();
        let r = store
            .insert_reading(new_reading("u", "question", "s"))
            .await
            .unwrap();
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["id"], json!(r.id));
        assert_eq!(v["favorite"], json!(false));
        assert_eq!(v["input"], json!({ "name": "Ada", "n": 1 }));
        let back: StoredReading = serde_json::from_value(v).unwrap();
        assert_eq!(back, r);
    }
}

mod filters {
    use super::*;

    fn f() -> ReadingFilter {
        ReadingFilter::default()
    }

    #[tokio::test]
    async fn by_kind() {
        let (_dir, store) = open();
        let t = store
            .insert_reading(new_reading("u", "time", "s"))
            .await
            .unwrap();
        let n = store
            .insert_reading(new_reading("u", "name", "s"))
            .await
            .unwrap();
        let page = store
            .list_readings(
                "u",
                &ReadingFilter {
                    kind: Some(SignType::Time),
                    ..f()
                },
            )
            .await
            .unwrap();
        assert_eq!(ids(&page.items), vec![t.id]);
        assert_eq!(page.total, 1);
        let page = store
            .list_readings(
                "u",
                &ReadingFilter {
                    kind: Some(SignType::Name),
                    ..f()
                },
            )
            .await
            .unwrap();
        assert_eq!(ids(&page.items), vec![n.id]);
        let page = store
            .list_readings(
                "u",
                &ReadingFilter {
                    kind: Some(SignType::Full),
                    ..f()
                },
            )
            .await
            .unwrap();
        assert!(page.items.is_empty());
        assert_eq!(page.total, 0);
    }

    #[tokio::test]
    async fn by_favorite() {
        let (_dir, store) = open();
        let a = store
            .insert_reading(new_reading("u", "time", "a"))
            .await
            .unwrap();
        let b = store
            .insert_reading(new_reading("u", "time", "b"))
            .await
            .unwrap();
        store.set_favorite("u", a.id, true).await.unwrap();
        let favs = store
            .list_readings(
                "u",
                &ReadingFilter {
                    favorite: Some(true),
                    ..f()
                },
            )
            .await
            .unwrap();
        assert_eq!(ids(&favs.items), vec![a.id]);
        assert!(favs.items[0].favorite);
        let others = store
            .list_readings(
                "u",
                &ReadingFilter {
                    favorite: Some(false),
                    ..f()
                },
            )
            .await
            .unwrap();
        assert_eq!(ids(&others.items), vec![b.id]);
    }

    #[tokio::test]
    async fn text_matches_input_and_summary_case_insensitively() {
        let (_dir, store) = open();
        let in_input = store
            .insert_reading(NewReading {
                input: json!({ "name": "Zoroaster" }),
                ..new_reading("u", "name", "plain")
            })
            .await
            .unwrap();
        let in_summary = store
            .insert_reading(NewReading {
                input: json!({ "name": "Ada" }),
                ..new_reading("u", "name", "A ZOROASTRIAN tale")
            })
            .await
            .unwrap();
        let neither = store
            .insert_reading(NewReading {
                input: json!({ "name": "Bob" }),
                ..new_reading("u", "name", "nothing")
            })
            .await
            .unwrap();
        let page = store
            .list_readings(
                "u",
                &ReadingFilter {
                    text: Some("zoroAST".into()),
                    ..f()
                },
            )
            .await
            .unwrap();
        assert_eq!(ids(&page.items), vec![in_summary.id, in_input.id]);
        assert_eq!(page.total, 2);
        let page = store
            .list_readings(
                "u",
                &ReadingFilter {
                    text: Some("bob".into()),
                    ..f()
                },
            )
            .await
            .unwrap();
        assert_eq!(ids(&page.items), vec![neither.id]);
        // empty text means no text filter
        let page = store
            .list_readings(
                "u",
                &ReadingFilter {
                    text: Some(String::new()),
                    ..f()
                },
            )
            .await
            .unwrap();
        assert_eq!(page.total, 3);
    }

    #[tokio::test]
    async fn text_treats_percent_underscore_and_backslash_literally() {
        let (_dir, store) = open();
        let pct = store
            .insert_reading(new_reading("u", "name", "100% sure"))
            .await
            .unwrap();
        let und = store
            .insert_reading(new_reading("u", "name", "snake_case"))
            .await
            .unwrap();
        let bsl = store
            .insert_reading(new_reading("u", "name", r"back\slash"))
            .await
            .unwrap();
        let _plain = store
            .insert_reading(new_reading("u", "name", "100 sure snakeXcase"))
            .await
            .unwrap();
        let q = async |t: &str| {
            ids(&store
                .list_readings(
                    "u",
                    &ReadingFilter {
                        text: Some(t.into()),
                        ..f()
                    },
                )
                .await
                .unwrap()
                .items)
        };
        assert_eq!(q("%").await, vec![pct.id]);
        assert_eq!(q("0% s").await, vec![pct.id]);
        assert_eq!(q("_").await, vec![und.id]);
        assert_eq!(q("e_c").await, vec![und.id]);
        assert_eq!(q(r"\").await, vec![bsl.id]);
        assert_eq!(q(r"k\s").await, vec![bsl.id]);
        assert_eq!(q("%%").await, Vec::<i64>::new());
    }

    #[tokio::test]
    async fn text_matches_non_ascii_exactly() {
        let (_dir, store) = open();
        let fa = store
            .insert_reading(NewReading {
                input: json!({ "name": "مریم" }),
                ..new_reading("u", "name", "s")
            })
            .await
            .unwrap();
        let page = store
            .list_readings(
                "u",
                &ReadingFilter {
                    text: Some("مریم".into()),
                    ..f()
                },
            )
            .await
            .unwrap();
        assert_eq!(ids(&page.items), vec![fa.id]);
    }

    #[tokio::test]
    async fn date_range_is_inclusive_from_exclusive_to() {
        let (dir, store) = open();
        let path = dir.path().join("nps.db");
        let r1 = store
            .insert_reading(new_reading("u", "time", "1"))
            .await
            .unwrap();
        let r2 = store
            .insert_reading(new_reading("u", "time", "2"))
            .await
            .unwrap();
        let r3 = store
            .insert_reading(new_reading("u", "time", "3"))
            .await
            .unwrap();
        backdate(&path, r1.id, 1_000);
        backdate(&path, r2.id, 2_000);
        backdate(&path, r3.id, 3_000);
        let q = async |from: Option<i64>, to: Option<i64>| {
            let p = store
                .list_readings("u", &ReadingFilter { from, to, ..f() })
                .await
                .unwrap();
            (ids(&p.items), p.total)
        };
        assert_eq!(q(Some(2_000), None).await, (vec![r3.id, r2.id], 2));
        assert_eq!(q(None, Some(2_000)).await, (vec![r1.id], 1));
        assert_eq!(q(Some(2_000), Some(3_000)).await, (vec![r2.id], 1));
        assert_eq!(
            q(Some(1_000), Some(3_001)).await,
            (vec![r3.id, r2.id, r1.id], 3)
        );
        assert_eq!(q(Some(3_001), None).await, (vec![], 0));
        assert_eq!(q(Some(5_000), Some(1_000)).await, (vec![], 0));
        assert_eq!(
            q(Some(i64::MIN), Some(i64::MAX)).await,
            (vec![r3.id, r2.id, r1.id], 3)
        );
    }

    #[tokio::test]
    async fn limit_offset_and_total() {
        let (_dir, store) = open();
        let mut made: Vec<i64> = Vec::new();
        for i in 0..7 {
            let r = store.insert_reading(new_reading("u", "name", &format!("{i}")));
            made.push(r.await.unwrap().id);
        }
        let newest_first: Vec<i64> = made.iter().rev().copied().collect();
        let page = async |limit, offset| {
            store
                .list_readings(
                    "u",
                    &ReadingFilter {
                        limit,
                        offset,
                        ..f()
                    },
                )
                .await
                .unwrap()
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

    #[tokio::test]
    async fn limit_is_clamped_to_1_through_200() {
        let (_dir, store) = open();
        for i in 0..205 {
            store
                .insert_reading(new_reading("u", "name", &format!("{i}")))
                .await
                .unwrap();
        }
        let p = store
            .list_readings("u", &ReadingFilter::default())
            .await
            .unwrap();
        assert_eq!((p.items.len(), p.limit, p.total), (50, 50, 205));
        let p = store
            .list_readings(
                "u",
                &ReadingFilter {
                    limit: Some(0),
                    ..f()
                },
            )
            .await
            .unwrap();
        assert_eq!((p.items.len(), p.limit), (1, 1));
        let p = store
            .list_readings(
                "u",
                &ReadingFilter {
                    limit: Some(500),
                    ..f()
                },
            )
            .await
            .unwrap();
        assert_eq!((p.items.len(), p.limit, p.total), (200, 200, 205));
    }

    #[tokio::test]
    async fn filters_combine() {
        let (_dir, store) = open();
        let hit = store
            .insert_reading(new_reading("u", "time", "match me"))
            .await
            .unwrap();
        let wrong_kind = store
            .insert_reading(new_reading("u", "name", "match me"))
            .await
            .unwrap();
        let not_fav = store
            .insert_reading(new_reading("u", "time", "match me"))
            .await
            .unwrap();
        let wrong_text = store
            .insert_reading(new_reading("u", "time", "other"))
            .await
            .unwrap();
        for id in [hit.id, wrong_kind.id, wrong_text.id] {
            store.set_favorite("u", id, true).await.unwrap();
        }
        let _ = not_fav;
        let p = store
            .list_readings(
                "u",
                &ReadingFilter {
                    kind: Some(SignType::Time),
                    favorite: Some(true),
                    text: Some("MATCH".into()),
                    ..f()
                },
            )
            .await
            .unwrap();
        assert_eq!((ids(&p.items), p.total), (vec![hit.id], 1));
    }
}

mod scoping {
    use super::*;

    #[tokio::test]
    async fn another_owner_can_neither_see_nor_change_a_reading() {
        let (_dir, store) = open();
        let a = store
            .insert_reading(new_reading("alice", "name", "alice's"))
            .await
            .unwrap();
        let b = store
            .insert_reading(new_reading("bob", "name", "bob's"))
            .await
            .unwrap();

        // get
        assert_eq!(store.get_reading("bob", a.id).await.unwrap(), None);
        assert_eq!(store.get_reading("alice", b.id).await.unwrap(), None);
        // list (also with a text filter that matches the other's row)
        let p = store
            .list_readings("bob", &ReadingFilter::default())
            .await
            .unwrap();
        assert_eq!((ids(&p.items), p.total), (vec![b.id], 1));
        let p = store
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
        assert_eq!(store.toggle_favorite("bob", a.id).await.unwrap(), None);
        assert_eq!(store.set_favorite("bob", a.id, true).await.unwrap(), None);
        // delete
        assert!(!store.delete_reading("bob", a.id).await.unwrap());

        // alice's row is untouched
        assert_eq!(
            store.get_reading("alice", a.id).await.unwrap(),
            Some(a.clone())
        );
        let p = store
            .list_readings("alice", &ReadingFilter::default())
            .await
            .unwrap();
        assert_eq!(p.items, vec![a]);
    }

    #[tokio::test]
    async fn owner_match_is_exact() {
        let (_dir, store) = open();
        let a = store
            .insert_reading(new_reading("Alice", "name", "s"))
            .await
            .unwrap();
        assert_eq!(store.get_reading("alice", a.id).await.unwrap(), None);
        assert_eq!(store.get_reading("Alice ", a.id).await.unwrap(), None);
        assert_eq!(
            store
                .list_readings("alice", &ReadingFilter::default())
                .await
                .unwrap()
                .total,
            0
        );
    }
}

mod soft_delete {
    use super::*;

    #[tokio::test]
    async fn deleted_row_is_hidden_but_still_in_the_file() {
        let (dir, store) = open();
        let r = store
            .insert_reading(new_reading("u", "name", "s"))
            .await
            .unwrap();
        assert!(store.delete_reading("u", r.id).await.unwrap());
        assert_eq!(store.get_reading("u", r.id).await.unwrap(), None);
        assert_eq!(
            store
                .list_readings("u", &ReadingFilter::default())
                .await
                .unwrap()
                .total,
            0
        );

        let (owner, summary, deleted_at): (String, String, Option<String>) =
            raw(&dir.path().join("nps.db"))
                .query_row(
                    "SELECT owner, summary, deleted_at FROM readings WHERE id = ?1",
                    [r.id],
                    |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
                )
                .unwrap();
        assert_eq!((owner.as_str(), summary.as_str()), ("u", "s"));
        let deleted_at = deleted_at.expect("deleted_at set");
        assert!(is_rfc3339_ms_utc(&deleted_at), "{deleted_at}");
        assert!(deleted_at >= r.created_at);
    }

    #[tokio::test]
    async fn deleting_keeps_the_first_deleted_at() {
        let (dir, store) = open();
        let r = store
            .insert_reading(new_reading("u", "name", "s"))
            .await
            .unwrap();
        assert!(store.delete_reading("u", r.id).await.unwrap());
        let first: String = raw(&dir.path().join("nps.db"))
            .query_row(
                "SELECT deleted_at FROM readings WHERE id = ?1",
                [r.id],
                |row| row.get(0),
            )
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5));
        assert!(!store.delete_reading("u", r.id).await.unwrap());
        let second: String = raw(&dir.path().join("nps.db"))
            .query_row(
                "SELECT deleted_at FROM readings WHERE id = ?1",
                [r.id],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(first, second);
    }
}

mod crash {
    use super::*;

    #[tokio::test]
    async fn forgotten_store_keeps_committed_row() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open_in_dir(dir.path()).unwrap();
        let r = store
            .insert_reading(new_reading("u", "name", "forgotten"))
            .await
            .unwrap();
        std::mem::forget(store); // no close, no checkpoint, no destructor
        let reopened = SqliteStore::open_in_dir(dir.path()).unwrap();
        assert_eq!(reopened.get_reading("u", r.id).await.unwrap(), Some(r));
    }

    #[tokio::test]
    async fn dropped_store_keeps_committed_row() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open_in_dir(dir.path()).unwrap();
        let r = store
            .insert_reading(new_reading("u", "name", "dropped"))
            .await
            .unwrap();
        drop(store);
        let reopened = SqliteStore::open_in_dir(dir.path()).unwrap();
        assert_eq!(reopened.get_reading("u", r.id).await.unwrap(), Some(r));
    }

    const CHILD_ENV: &str = "NPS_STORE_TEST_CRASH_CHILD_DIR";
    const ID_MARKER: &str = "NPS_STORE_CHILD_INSERTED_ID=";

    /// Parent mode: re-runs this very test in a child process that inserts a
    /// row and aborts; then checks the row survived. Child mode (env var set):
    /// insert, print the id, abort.
    #[tokio::test]
    async fn row_survives_process_abort_right_after_insert() {
        if let Ok(dir) = std::env::var(CHILD_ENV) {
            use std::io::Write;
            let store = SqliteStore::open_in_dir(&dir).unwrap();
            let r = store
                .insert_reading(new_reading("crash", "full", "before abort"))
                .await
                .unwrap();
            let mut out = std::io::stdout().lock();
            writeln!(out, "{ID_MARKER}{}", r.id).unwrap();
            out.flush().unwrap();
            std::process::abort();
        }

        let dir = tempfile::tempdir().unwrap();
        let output = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "crash::row_survives_process_abort_right_after_insert",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, dir.path())
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            !output.status.success(),
            "child should have aborted: {stdout}"
        );
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            assert_eq!(
                output.status.signal(),
                Some(6),
                "SIGABRT expected; stdout: {stdout}"
            );
        }
        let id: i64 = stdout
            .lines()
            .find_map(|l| l.split_once(ID_MARKER).map(|(_, id)| id))
            .unwrap_or_else(|| panic!("child printed no id; stdout: {stdout}"))
            .trim()
            .parse()
            .unwrap();
        // The child died with the WAL not checkpointed; reopening recovers it.
        let wal = dir.path().join("nps.db-wal");
        let wal_len = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
        assert!(
            wal_len > 0,
            "the aborted child should leave an un-checkpointed WAL"
        );
        let store = SqliteStore::open_in_dir(dir.path()).unwrap();
        let got = store
            .get_reading("crash", id)
            .await
            .unwrap()
            .expect("row survived abort");
        assert_eq!(got.summary, "before abort");
        assert_eq!(got.kind, SignType::Full);
        assert_eq!(got.input, json!({ "name": "Ada", "n": 1 }));
    }
}

mod concurrency {
    //! Tasks on a multi-threaded runtime: the store's calls run on tokio's blocking pool,
    //! so they really do run at the same time (and the group commit gets batches).
    use std::collections::HashSet;
    use std::sync::Arc;

    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn eight_tasks_fifty_inserts_each() {
        let (dir, store) = open();
        let store = Arc::new(store);
        let tasks: Vec<_> = (0..8)
            .map(|t| {
                let store = Arc::clone(&store);
                tokio::spawn(async move {
                    let owner = if t % 2 == 0 { "even" } else { "odd" };
                    let mut ids = Vec::new();
                    for i in 0..50 {
                        let r = new_reading(owner, "time", &format!("t{t} i{i}"));
                        ids.push(store.insert_reading(r).await.unwrap().id);
                    }
                    ids
                })
            })
            .collect();
        let mut all: Vec<i64> = Vec::new();
        for task in tasks {
            all.extend(task.await.unwrap());
        }
        assert_eq!(all.len(), 400);
        assert_eq!(
            all.iter().collect::<HashSet<_>>().len(),
            400,
            "ids distinct"
        );
        assert_eq!(count_rows(&dir.path().join("nps.db"), "readings"), 400);
        let even = store
            .list_readings("even", &ReadingFilter::default())
            .await
            .unwrap()
            .total;
        let odd = store
            .list_readings("odd", &ReadingFilter::default())
            .await
            .unwrap()
            .total;
        assert_eq!((even, odd), (200, 200));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn two_stores_on_one_file_write_concurrently_with_readers() {
        // Like the server and the CLI writing the same file at once.
        let dir = tempfile::tempdir().unwrap();
        let s1 = Arc::new(SqliteStore::open_in_dir(dir.path()).unwrap());
        let s2 = Arc::new(SqliteStore::open_in_dir(dir.path()).unwrap());
        let mut tasks = Vec::new();
        for t in 0..6 {
            let store = Arc::clone(if t % 2 == 0 { &s1 } else { &s2 });
            tasks.push(tokio::spawn(async move {
                for i in 0..25 {
                    let r = store
                        .insert_reading(new_reading("u", "name", &format!("{t}/{i}")))
                        .await
                        .unwrap();
                    if i % 5 == 0 {
                        store.toggle_favorite("u", r.id).await.unwrap();
                        store
                            .list_readings("u", &ReadingFilter::default())
                            .await
                            .unwrap();
                    }
                }
            }));
        }
        for task in tasks {
            task.await.unwrap();
        }
        assert_eq!(
            s1.list_readings("u", &ReadingFilter::default())
                .await
                .unwrap()
                .total,
            150
        );
        assert_eq!(
            s2.list_readings(
                "u",
                &ReadingFilter {
                    favorite: Some(true),
                    ..Default::default()
                }
            )
            .await
            .unwrap()
            .total,
            30
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn concurrent_toggles_are_not_lost() {
        let (_dir, store) = open();
        let store = Arc::new(store);
        let r = store
            .insert_reading(new_reading("u", "name", "s"))
            .await
            .unwrap();
        let tasks: Vec<_> = (0..6)
            .map(|_| {
                let store = Arc::clone(&store);
                tokio::spawn(async move {
                    for _ in 0..11 {
                        store.toggle_favorite("u", r.id).await.unwrap().unwrap();
                    }
                })
            })
            .collect();
        for task in tasks {
            task.await.unwrap();
        }
        // 66 toggles: an even number, so back to false
        assert!(
            !store
                .get_reading("u", r.id)
                .await
                .unwrap()
                .unwrap()
                .favorite
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn refresh_token_is_taken_by_exactly_one_task() {
        let (_dir, store) = open();
        let store = Arc::new(store);
        store
            .store_refresh_token("h", "42", i64::MAX)
            .await
            .unwrap();
        let tasks: Vec<_> = (0..8)
            .map(|_| {
                let store = Arc::clone(&store);
                tokio::spawn(async move { store.take_refresh_token("h", 0).await.unwrap() })
            })
            .collect();
        let mut winners: Vec<String> = Vec::new();
        for task in tasks {
            winners.extend(task.await.unwrap());
        }
        assert_eq!(winners, vec!["42".to_string()]);
    }
}

mod users {
    use super::*;

    #[tokio::test]
    async fn create_and_find_case_insensitively() {
        let (_dir, store) = open();
        let u = store
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
            assert_eq!(
                store.find_user(name).await.unwrap(),
                Some(u.clone()),
                "{name}"
            );
        }
        assert_eq!(store.find_user("bob").await.unwrap(), None);
        assert_eq!(store.find_user("").await.unwrap(), None);
        let b = store.create_user("bob", "h2", "user").await.unwrap();
        assert_ne!(b.id, u.id);
    }

    #[tokio::test]
    async fn duplicate_username_is_conflict_in_any_case() {
        let (dir, store) = open();
        store.create_user("alice", "h", "user").await.unwrap();
        for dup in ["alice", "ALICE", "Alice"] {
            match store.create_user(dup, "other", "admin").await {
                Err(StoreError::Conflict(msg)) => assert!(msg.contains("taken"), "{msg}"),
                other => panic!("expected Conflict for {dup}, got {other:?}"),
            }
        }
        assert_eq!(count_rows(&dir.path().join("nps.db"), "users"), 1);
        assert_eq!(
            store
                .find_user("alice")
                .await
                .unwrap()
                .unwrap()
                .password_hash,
            "h"
        );
    }

    #[tokio::test]
    async fn invalid_users_are_rejected_and_not_written() {
        let (dir, store) = open();
        for (name, hash, role) in [
            ("", "h", "user"),
            ("   ", "h", "user"),
            (" alice", "h", "user"),
            ("al\u{0}ice", "h", "user"),
            ("alice", "", "user"),
            ("alice", "h", ""),
        ] {
            assert!(
                matches!(
                    store.create_user(name, hash, role).await,
                    Err(StoreError::Invalid(_))
                ),
                "{name:?} {hash:?} {role:?}"
            );
        }
        let long = "x".repeat(nps_store::MAX_USERNAME_CHARS + 1);
        assert!(matches!(
            store.create_user(&long, "h", "user").await,
            Err(StoreError::Invalid(_))
        ));
        assert_eq!(count_rows(&dir.path().join("nps.db"), "users"), 0);
    }

    #[tokio::test]
    async fn debug_output_redacts_the_password_hash() {
        let (_dir, store) = open();
        let u = store
            .create_user("carol", "super-secret-hash", "user")
            .await
            .unwrap();
        let dbg = format!("{u:?}");
        assert!(!dbg.contains("super-secret-hash"), "{dbg}");
        assert!(dbg.contains("carol"));
    }
}

mod tokens {
    use super::*;

    #[tokio::test]
    async fn take_once_then_none() {
        let (_dir, store) = open();
        store
            .store_refresh_token("hash-1", "7", 2_000)
            .await
            .unwrap();
        assert_eq!(
            store.take_refresh_token("hash-1", 1_000).await.unwrap(),
            Some("7".into())
        );
        assert_eq!(
            store.take_refresh_token("hash-1", 1_000).await.unwrap(),
            None
        );
        assert_eq!(
            store
                .take_refresh_token("never-stored", 1_000)
                .await
                .unwrap(),
            None
        );
    }

    #[tokio::test]
    async fn expired_token_is_none_and_gone() {
        let (dir, store) = open();
        store.store_refresh_token("old", "7", 1_000).await.unwrap();
        store.store_refresh_token("edge", "8", 1_000).await.unwrap();
        // valid while now < expires_at
        assert_eq!(store.take_refresh_token("old", 1_001).await.unwrap(), None);
        assert_eq!(store.take_refresh_token("edge", 1_000).await.unwrap(), None);
        assert_eq!(count_rows(&dir.path().join("nps.db"), "refresh_tokens"), 0);
    }

    #[tokio::test]
    async fn taking_one_purges_expired_others_but_keeps_live_ones() {
        let (dir, store) = open();
        store
            .store_refresh_token("expired", "1", 100)
            .await
            .unwrap();
        store
            .store_refresh_token("live", "2", 10_000)
            .await
            .unwrap();
        store
            .store_refresh_token("taken", "3", 10_000)
            .await
            .unwrap();
        assert_eq!(
            store.take_refresh_token("taken", 500).await.unwrap(),
            Some("3".into())
        );
        assert_eq!(count_rows(&dir.path().join("nps.db"), "refresh_tokens"), 1);
        assert_eq!(
            store.take_refresh_token("live", 500).await.unwrap(),
            Some("2".into())
        );
    }

    #[tokio::test]
    async fn duplicate_hash_is_conflict() {
        let (_dir, store) = open();
        store.store_refresh_token("h", "1", 10).await.unwrap();
        assert!(matches!(
            store.store_refresh_token("h", "2", 10).await,
            Err(StoreError::Conflict(_))
        ));
        assert!(matches!(
            store.store_refresh_token("", "2", 10).await,
            Err(StoreError::Invalid(_))
        ));
        assert!(matches!(
            store.store_refresh_token("x", "", 10).await,
            Err(StoreError::Invalid(_))
        ));
    }

    #[tokio::test]
    async fn tokens_survive_reopen() {
        let dir = tempfile::tempdir().unwrap();
        SqliteStore::open_in_dir(dir.path())
            .unwrap()
            .store_refresh_token("h", "9", 50)
            .await
            .unwrap();
        let store = SqliteStore::open_in_dir(dir.path()).unwrap();
        assert_eq!(
            store.take_refresh_token("h", 49).await.unwrap(),
            Some("9".into())
        );
    }
}

mod daily {
    use super::*;

    #[tokio::test]
    async fn put_get_and_upsert() {
        let (dir, store) = open();
        assert_eq!(
            store.get_daily_insight("2026-11-25", "en").await.unwrap(),
            None
        );
        let first = store
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
            store.get_daily_insight("2026-11-25", "en").await.unwrap(),
            Some(first)
        );

        let fa = store
            .put_daily_insight("2026-11-25", "fa", &json!({ "text": "نخست" }))
            .await
            .unwrap();
        let second = store
            .put_daily_insight("2026-11-25", "en", &json!({ "text": "second" }))
            .await
            .unwrap();
        assert_eq!(
            store.get_daily_insight("2026-11-25", "en").await.unwrap(),
            Some(second)
        );
        assert_eq!(
            store.get_daily_insight("2026-11-25", "fa").await.unwrap(),
            Some(fa)
        );
        assert_eq!(
            store.get_daily_insight("2026-11-26", "en").await.unwrap(),
            None
        );
        assert_eq!(count_rows(&dir.path().join("nps.db"), "daily_insights"), 2);
    }

    #[tokio::test]
    async fn bad_dates_and_locales_are_invalid() {
        let (dir, store) = open();
        for date in [
            "2026-02-30",
            "2026-13-01",
            "20261125",
            "2026-11-25T00:00:00Z",
            "",
        ] {
            assert!(
                matches!(
                    store.put_daily_insight(date, "en", &json!(1)).await,
                    Err(StoreError::Invalid(_))
                ),
                "{date}"
            );
            assert!(matches!(
                store.get_daily_insight(date, "en").await,
                Err(StoreError::Invalid(_))
            ));
        }
        assert!(matches!(
            store.put_daily_insight("2026-11-25", " ", &json!(1)).await,
            Err(StoreError::Invalid(_))
        ));
        assert_eq!(count_rows(&dir.path().join("nps.db"), "daily_insights"), 0);
    }
}

mod migrations {
    use super::*;

    fn user_version(path: &Path) -> i64 {
        raw(path)
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap()
    }

    fn schema(path: &Path) -> Vec<String> {
        let conn = raw(path);
        let mut stmt = conn
            .prepare("SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    #[test]
    fn fresh_file_gets_current_version_wal_and_all_tables() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/deeper/store.db");
        let store = SqliteStore::open(&path).unwrap();
        assert_eq!(store.path(), path);
        assert!(path.exists());
        assert_eq!(user_version(&path), nps_store::SCHEMA_VERSION);
        let mode: String = raw(&path)
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let names = schema(&path).join("\n");
        for table in [
            "users",
            "readings",
            "daily_insights",
            "refresh_tokens",
            "readings_owner_live_newest",
        ] {
            assert!(
                names.contains(&format!(" {table}: ")),
                "{table} missing in\n{names}"
            );
        }
    }

    #[tokio::test]
    async fn reopening_is_idempotent_and_keeps_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nps.db");
        let store = SqliteStore::open_in_dir(dir.path()).unwrap();
        assert_eq!(store.path(), path);
        let r = store
            .insert_reading(new_reading("u", "name", "s"))
            .await
            .unwrap();
        drop(store);
        let before = schema(&path);
        for _ in 0..3 {
            let store = SqliteStore::open_in_dir(dir.path()).unwrap();
            assert_eq!(store.get_reading("u", r.id).await.unwrap(), Some(r.clone()));
        }
        assert_eq!(schema(&path), before);
        assert_eq!(user_version(&path), nps_store::SCHEMA_VERSION);
    }

    #[test]
    fn newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nps.db");
        drop(SqliteStore::open(&path).unwrap());
        raw(&path)
            .execute_batch(&format!(
                "PRAGMA user_version = {}",
                nps_store::SCHEMA_VERSION + 1
            ))
            .unwrap();
        match SqliteStore::open(&path) {
            Err(StoreError::Invalid(msg)) => assert!(msg.contains("newer"), "{msg}"),
            other => panic!("expected Invalid, got {other:?}"),
        }
        // and nothing was changed
        assert_eq!(user_version(&path), nps_store::SCHEMA_VERSION + 1);
    }

    #[test]
    fn not_a_database_is_a_database_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nps.db");
        std::fs::write(
            &path,
            b"this is definitely not an SQLite file, just some text padding it out",
        )
        .unwrap();
        assert!(matches!(
            SqliteStore::open(&path),
            Err(StoreError::Database(_))
        ));
    }

    #[test]
    fn unusable_paths_are_errors_not_panics() {
        let dir = tempfile::tempdir().unwrap();
        // a file where the parent directory should be
        let blocker = dir.path().join("blocker");
        std::fs::write(&blocker, b"x").unwrap();
        assert!(matches!(
            SqliteStore::open(blocker.join("nps.db")),
            Err(StoreError::Io { .. })
        ));
        assert!(matches!(SqliteStore::open(""), Err(StoreError::Invalid(_))));
        assert!(matches!(
            SqliteStore::open(":memory:"),
            Err(StoreError::Invalid(_))
        ));
        // a directory where the file should be
        assert!(matches!(
            SqliteStore::open(dir.path()),
            Err(StoreError::Database(_))
        ));
    }
}

mod invalid {
    use super::*;

    fn assert_invalid<T: std::fmt::Debug>(r: nps_store::Result<T>) {
        assert!(
            matches!(r, Err(StoreError::Invalid(_))),
            "expected Invalid, got {r:?}"
        );
    }

    #[tokio::test]
    async fn bad_new_readings_write_nothing() {
        let (dir, store) = open();
        assert_invalid(store.insert_reading(new_reading("", "name", "s")).await);
        assert_invalid(store.insert_reading(new_reading("  ", "name", "s")).await);
        assert_eq!(count_rows(&dir.path().join("nps.db"), "readings"), 0);
    }

    #[tokio::test]
    async fn empty_owner_is_invalid_everywhere() {
        let (_dir, store) = open();
        let r = store
            .insert_reading(new_reading("u", "name", "s"))
            .await
            .unwrap();
        assert_invalid(store.get_reading("", r.id).await);
        assert_invalid(store.list_readings("", &ReadingFilter::default()).await);
        assert_invalid(store.delete_reading("", r.id).await);
        assert_invalid(store.toggle_favorite("", r.id).await);
        assert_invalid(store.set_favorite("", r.id, true).await);
        assert_eq!(store.get_reading("u", r.id).await.unwrap(), Some(r));
    }

    #[tokio::test]
    async fn bad_filters_are_invalid() {
        let (_dir, store) = open();
        let f = ReadingFilter::default();
        // A kind outside the six cannot even be written down.
        assert!(serde_json::from_value::<ReadingFilter>(json!({ "kind": "tarot" })).is_err());
        let max = nps_store::MAX_TEXT_FILTER_CHARS;
        assert_invalid(
            store
                .list_readings(
                    "u",
                    &ReadingFilter {
                        text: Some("x".repeat(max + 1)),
                        ..f.clone()
                    },
                )
                .await,
        );
        // exactly the maximum (in characters, not bytes) is fine
        store
            .list_readings(
                "u",
                &ReadingFilter {
                    text: Some("ی".repeat(max)),
                    ..f
                },
            )
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn errors_have_clear_messages() {
        let (_dir, store) = open();
        let e = store
            .insert_reading(new_reading(" ", "time", "s"))
            .await
            .unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("invalid input:"), "{msg}");
        assert!(msg.contains("owner must not be empty"), "{msg}");
        assert_eq!(StoreError::NotFound.to_string(), "not found");
    }
}
