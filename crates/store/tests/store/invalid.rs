//! Bad input is `Invalid`, checked before the database is touched.

use std::collections::BTreeSet;

use nps_i18n::{Args, Locale, Localizer, strip_isolation};
use nps_protocol::text::{Arg, Msg};
use nps_store::{ReadingFilter, SqliteStore, StoreError};
use serde_json::json;

use crate::support::{TestDb, new_reading, on_both_backends};

on_both_backends!(
    bad_new_readings_write_nothing,
    empty_owner_is_invalid_everywhere,
    bad_filters_are_invalid,
    errors_have_clear_messages,
    every_refusal_reads_in_both_languages,
);

fn assert_invalid<T: std::fmt::Debug>(r: nps_store::Result<T>) {
    assert!(
        matches!(r, Err(StoreError::Invalid(_))),
        "expected Invalid, got {r:?}"
    );
}

async fn bad_new_readings_write_nothing(db: TestDb) {
    assert_invalid(db.insert_reading(new_reading("", "name", "s")).await);
    assert_invalid(db.insert_reading(new_reading("  ", "name", "s")).await);
    assert_eq!(db.count_rows("readings").await, 0);
}

async fn empty_owner_is_invalid_everywhere(db: TestDb) {
    let r = db.insert("u", "name", "s").await;
    assert_invalid(db.get_reading("", r.id).await);
    assert_invalid(db.list_readings("", &ReadingFilter::default()).await);
    assert_invalid(db.delete_reading("", r.id).await);
    assert_invalid(db.toggle_favorite("", r.id).await);
    assert_invalid(db.set_favorite("", r.id, true).await);
    assert_eq!(db.get_reading("u", r.id).await.unwrap(), Some(r));
}

async fn bad_filters_are_invalid(db: TestDb) {
    // A kind outside the six cannot even be written down.
    assert!(serde_json::from_value::<ReadingFilter>(json!({ "kind": "tarot" })).is_err());
    let max = nps_store::MAX_TEXT_FILTER_CHARS;
    assert_invalid(
        db.list_readings(
            "u",
            &ReadingFilter {
                text: Some("x".repeat(max + 1)),
                ..Default::default()
            },
        )
        .await,
    );
    // exactly the maximum (in characters, not bytes) is fine
    db.list_readings(
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
    // For logs: the message id and its arguments.
    assert_eq!(e.to_string(), "invalid input: error-store-owner-empty");
    let long = "x".repeat(nps_store::MAX_TEXT_FILTER_CHARS + 1);
    let filter = ReadingFilter {
        text: Some(long),
        ..Default::default()
    };
    let e = db.list_readings("u", &filter).await.unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid input: error-store-text-filter-long (count 201, max 200)"
    );
    assert_eq!(StoreError::NotFound.to_string(), "not found");
}

/// The message of a refusal, which a caller renders in the reader's language.
fn message(e: StoreError) -> Msg {
    match e {
        StoreError::Invalid(m) | StoreError::Conflict(m) => m,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// `m` in `locale`, its arguments shaped as the server and the CLI shape them.
fn render(m: &Msg, locale: Locale) -> String {
    let mut args = Args::new();
    for (name, arg) in &m.args {
        let value = match arg {
            Arg::Text(t) => t.clone(),
            Arg::Number(n) => locale.number(n),
            Arg::Msg(inner) => render(inner, locale),
            other => panic!("{}: unexpected argument {other:?}", m.id),
        };
        args = args.with(name.clone(), value);
    }
    let l = Localizer::get();
    let names: BTreeSet<String> = m.args.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(
        l.variables(locale, &m.id),
        Some(&names),
        "{locale} {}",
        m.id
    );
    strip_isolation(&l.format(locale, &m.id, &args).unwrap())
}

/// Codes and names a Persian message may show as they are.
const CODES: [&str; 5] = ["YYYY-MM-DD", "sslmode=require", "PostgreSQL", "NUL", "TLS"];

async fn every_refusal_reads_in_both_languages(db: TestDb) {
    let mut refusals = vec![message(
        db.insert_reading(new_reading(" ", "time", "s"))
            .await
            .unwrap_err(),
    )];
    let filter = ReadingFilter {
        text: Some("ی".repeat(nps_store::MAX_TEXT_FILTER_CHARS + 1)),
        ..Default::default()
    };
    refusals.push(message(db.list_readings("u", &filter).await.unwrap_err()));
    for bad in ["", " alice", "a\u{7}b", &"x".repeat(65)] {
        refusals.push(message(db.create_user(bad, "h", "user").await.unwrap_err()));
    }
    refusals.push(message(
        db.create_user("alice", "h", " ").await.unwrap_err(),
    ));
    db.create_user("alice", "h", "user").await.unwrap();
    refusals.push(message(
        db.create_user("alice", "h", "user").await.unwrap_err(),
    ));
    for (date, locale) in [("2026-02-30", "en"), ("2026-02-03", "")] {
        let r = db.put_daily_insight(date, locale, &json!(1)).await;
        refusals.push(message(r.unwrap_err()));
    }
    let token = crate::support::token("hash", "alice", "family", 1);
    db.store_refresh_token(&token).await.unwrap();
    refusals.push(message(db.store_refresh_token(&token).await.unwrap_err()));
    refusals.push(message(SqliteStore::open("").unwrap_err()));
    let ids: BTreeSet<&str> = refusals.iter().map(|m| m.id.as_ref()).collect();
    assert_eq!(
        ids,
        BTreeSet::from([
            "error-store-date",
            "error-store-field-empty",
            "error-store-owner-empty",
            "error-store-path-required",
            "error-store-text-filter-long",
            "error-store-token-taken",
            "error-store-username-control",
            "error-store-username-empty",
            "error-store-username-long",
            "error-store-username-spaces",
            "error-store-username-taken",
        ])
    );
    for m in &refusals {
        let en = render(m, Locale::En);
        assert!(!en.is_empty() && !en.contains('{'), "{en}");
        let fa = render(m, Locale::Fa);
        // What the user typed (a username, a date) is shown as typed.
        let mut rest = fa.clone();
        for typed in m.args.iter().filter_map(|(_, a)| match a {
            Arg::Text(t) => Some(t),
            _ => None,
        }) {
            rest = rest.replace(typed.as_str(), "");
        }
        for code in CODES {
            rest = rest.replace(code, "");
        }
        assert!(
            !rest.chars().any(|c| c.is_ascii_alphanumeric()),
            "Latin letters or digits in fa {}: {fa}",
            m.id
        );
    }
    let taken = refusals
        .iter()
        .find(|m| m.id == "error-store-username-taken");
    assert_eq!(
        render(taken.unwrap(), Locale::Fa),
        "نام کاربری «alice» پیش‌تر گرفته شده است"
    );
}
