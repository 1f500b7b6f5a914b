//! The [`Store`](crate::Store) operations on PostgreSQL: readings, users,
//! daily insights and refresh tokens (whose work is in `refresh`). Same validation and semantics as
//! [`SqliteStore`](crate::SqliteStore); timestamps come from the database's
//! clock, so every node of a cluster stamps with one clock.

use chrono::{DateTime, Utc};
use deadpool_postgres::GenericClient;
use deadpool_postgres::tokio_postgres::Row;
use deadpool_postgres::tokio_postgres::types::{Json, ToSql};
use nps_protocol::{NotesChange, SignType};

use super::connection::PgStore;
use super::errors::{from_pg, is_unique_violation};
use super::reading_row::insert_row;
use super::sql::{self, prepared, rfc3339_ms, snapshot};
use crate::model::{
    self, DailyInsight, NewProfile, NewReading, ProfileChange, ReadingFilter, ReadingPage,
    StoredProfile, StoredReading, User,
};
use crate::refresh::{NewRefreshToken, Rotation, RotationRequest};
use crate::{Result, Store, StoreError, validate};

/// Bounds of the `from`/`to` filter, in unix seconds (years 1 to 9999). Readings
/// are stamped "now", so clamping a filter into this range changes no answer,
/// and keeps it inside PostgreSQL's (and chrono's) range.
const FILTER_MIN_SECS: i64 = -62_135_596_800;
const FILTER_MAX_SECS: i64 = 253_402_300_799;

/// `readings` columns in [`reading_from_row`]'s order.
macro_rules! reading_columns {
    () => {
        "id, owner, kind, input, result, summary, locale, favorite, created_at, rating, note"
    };
}

/// The filter of `list_readings`, as one static statement: each optional
/// condition is switched off by a NULL parameter.
macro_rules! reading_filter {
    () => {
        "FROM readings \
         WHERE owner = $1 AND deleted_at IS NULL \
           AND ($2::text IS NULL OR kind = $2) \
           AND ($3::boolean IS NULL OR favorite = $3) \
           AND ($4::text IS NULL \
                OR strpos(nps_ascii_lower(input::text), $4) > 0 \
                OR strpos(nps_ascii_lower(summary), $4) > 0) \
           AND created_at >= $5 AND created_at < $6"
    };
}

/// A validated [`ReadingFilter`] as the parameters `$1`..`$6` of
/// `reading_filter!`.
struct FilterParams<'a> {
    owner: &'a str,
    kind: Option<&'static str>,
    favorite: Option<bool>,
    /// The text filter, ASCII-lowercased; `None` for no text filter.
    needle: Option<String>,
    /// Clamped to the `FILTER_*_SECS` range.
    from: DateTime<Utc>,
    to: DateTime<Utc>,
}

impl<'a> FilterParams<'a> {
    fn new(owner: &'a str, filter: &ReadingFilter) -> Result<Self> {
        validate::owner(owner)?;
        if let Some(text) = &filter.text {
            validate::text_filter(text)?;
        }
        let clamp = |secs: i64| {
            DateTime::from_timestamp(secs.clamp(FILTER_MIN_SECS, FILTER_MAX_SECS), 0)
                .unwrap_or_default()
        };
        Ok(FilterParams {
            owner,
            kind: filter.kind.map(SignType::as_str),
            favorite: filter.favorite,
            needle: filter
                .text
                .as_deref()
                .filter(|t| !t.is_empty())
                .map(str::to_ascii_lowercase),
            from: clamp(filter.from.unwrap_or(FILTER_MIN_SECS)),
            to: clamp(filter.to.unwrap_or(FILTER_MAX_SECS)),
        })
    }

    fn as_params(&self) -> [&(dyn ToSql + Sync); 6] {
        [
            &self.owner,
            &self.kind,
            &self.favorite,
            &self.needle,
            &self.from,
            &self.to,
        ]
    }
}

fn reading_from_row(row: &Row) -> Result<StoredReading> {
    let id: i64 = row.try_get(0).map_err(from_pg)?;
    let kind: String = row.try_get(2).map_err(from_pg)?;
    let kind = model::stored_kind(&kind, id)?;
    Ok(StoredReading {
        id,
        owner: row.try_get(1).map_err(from_pg)?,
        kind,
        input: row.try_get(3).map_err(from_pg)?,
        result: row.try_get::<_, Json<_>>(4).map_err(from_pg)?.0,
        summary: row.try_get(5).map_err(from_pg)?,
        locale: row.try_get(6).map_err(from_pg)?,
        favorite: row.try_get(7).map_err(from_pg)?,
        created_at: rfc3339_ms(row.try_get(8).map_err(from_pg)?),
        rating: stored_rating(row.try_get(9).map_err(from_pg)?, id)?,
        note: row.try_get(10).map_err(from_pg)?,
    })
}

/// The `smallint` rating column as stars; the schema's CHECK keeps it in 1..=5.
fn stored_rating(rating: Option<i16>, id: i64) -> Result<Option<u8>> {
    rating
        .map(|r| {
            u8::try_from(r).map_err(|_| StoreError::Corrupt {
                column: "readings.rating",
                row: id.to_string(),
                problem: format!("rating {r} is no star count"),
                source: None,
            })
        })
        .transpose()
}

fn user_from_row(row: &Row) -> Result<User> {
    Ok(User {
        id: row.try_get(0).map_err(from_pg)?,
        username: row.try_get(1).map_err(from_pg)?,
        password_hash: row.try_get(2).map_err(from_pg)?,
        role: row.try_get(3).map_err(from_pg)?,
        created_at: rfc3339_ms(row.try_get(4).map_err(from_pg)?),
    })
}

/// The same validation, results and errors as [`SqliteStore`](crate::SqliteStore),
/// plus [`StoreError::Unavailable`] when the database cannot be reached.
#[async_trait::async_trait]
impl Store for PgStore {
    async fn insert_reading(&self, r: NewReading) -> Result<StoredReading> {
        validate::owner(&r.owner)?;
        let client = self.client().await?;
        let (id, created_at) = insert_row(&client, &r, self.max_readings_per_owner)
            .await?
            .ok_or_else(|| validate::readings_full(self.max_readings_per_owner))?;
        Ok(r.into_stored(id, created_at))
    }

    async fn get_reading(&self, owner: &str, id: i64) -> Result<Option<StoredReading>> {
        validate::owner(owner)?;
        let row = sql::query_opt(
            &self.client().await?,
            concat!(
                "SELECT ",
                reading_columns!(),
                " FROM readings WHERE id = $1 AND owner = $2 AND deleted_at IS NULL"
            ),
            &[&id, &owner],
        )
        .await?;
        row.as_ref().map(reading_from_row).transpose()
    }

    async fn list_readings(&self, owner: &str, filter: &ReadingFilter) -> Result<ReadingPage> {
        let params = FilterParams::new(owner, filter)?;
        let limit = validate::effective_limit(filter.limit);
        let offset = filter.offset.unwrap_or(0);
        let (page_limit, page_offset) = (i64::from(limit), i64::from(offset));

        let mut client = self.client().await?;
        // One snapshot for the count and the page, as SQLite's read transaction.
        let tx = snapshot(&mut client).await?;
        let count = prepared(&tx, concat!("SELECT count(*) ", reading_filter!())).await?;
        let page = prepared(
            &tx,
            concat!(
                "SELECT ",
                reading_columns!(),
                " ",
                reading_filter!(),
                " ORDER BY created_at DESC, id DESC LIMIT $7 OFFSET $8"
            ),
        )
        .await?;
        let total: i64 = tx
            .query_one(&count, &params.as_params())
            .await
            .map_err(from_pg)?
            .try_get(0)
            .map_err(from_pg)?;
        let mut page_params = params.as_params().to_vec();
        page_params.extend([&page_limit as &(dyn ToSql + Sync), &page_offset]);
        let rows = tx.query(&page, &page_params).await.map_err(from_pg)?;
        tx.commit().await.map_err(from_pg)?;
        Ok(ReadingPage {
            items: rows.iter().map(reading_from_row).collect::<Result<_>>()?,
            total: u64::try_from(total).unwrap_or(0),
            limit,
            offset,
        })
    }

    async fn delete_reading(&self, owner: &str, id: i64) -> Result<bool> {
        validate::owner(owner)?;
        let changed = sql::execute(
            &self.client().await?,
            "UPDATE readings SET deleted_at = date_trunc('milliseconds', statement_timestamp()) \
                 WHERE id = $1 AND owner = $2 AND deleted_at IS NULL",
            &[&id, &owner],
        )
        .await?;
        Ok(changed == 1)
    }

    async fn toggle_favorite(&self, owner: &str, id: i64) -> Result<Option<bool>> {
        validate::owner(owner)?;
        let row = sql::query_opt(
            &self.client().await?,
            "UPDATE readings SET favorite = NOT favorite \
                 WHERE id = $1 AND owner = $2 AND deleted_at IS NULL RETURNING favorite",
            &[&id, &owner],
        )
        .await?;
        row.map(|r| r.try_get(0).map_err(from_pg)).transpose()
    }

    async fn set_notes(
        &self,
        owner: &str,
        id: i64,
        change: NotesChange,
    ) -> Result<Option<StoredReading>> {
        let update = validate::notes(owner, change)?;
        let rating = update.rating.map(i16::from);
        let row = sql::query_opt(
            &self.client().await?,
            concat!(
                "UPDATE readings \
                 SET rating = CASE WHEN $1::boolean THEN $2::smallint ELSE rating END, \
                     note = CASE WHEN $3::boolean THEN $4::text ELSE note END \
                 WHERE id = $5 AND owner = $6 AND deleted_at IS NULL RETURNING ",
                reading_columns!()
            ),
            &[
                &update.set_rating,
                &rating,
                &update.set_note,
                &update.note,
                &id,
                &owner,
            ],
        )
        .await?;
        row.as_ref().map(reading_from_row).transpose()
    }

    async fn set_favorite(&self, owner: &str, id: i64, favorite: bool) -> Result<Option<bool>> {
        validate::owner(owner)?;
        let row = sql::query_opt(
            &self.client().await?,
            "UPDATE readings SET favorite = $1 \
                 WHERE id = $2 AND owner = $3 AND deleted_at IS NULL RETURNING favorite",
            &[&favorite, &id, &owner],
        )
        .await?;
        row.map(|r| r.try_get(0).map_err(from_pg)).transpose()
    }

    async fn create_user(&self, username: &str, password_hash: &str, role: &str) -> Result<User> {
        validate::username(username)?;
        validate::non_empty("password hash", password_hash)?;
        validate::non_empty("role", role)?;
        let client = self.client().await?;
        let inserted = client
            .query_one(
                &prepared(
                    &client,
                    "INSERT INTO users (username, password_hash, role, created_at) \
                 VALUES ($1, $2, $3, date_trunc('milliseconds', statement_timestamp())) \
                 RETURNING id, username, password_hash, role, created_at",
                )
                .await?,
                &[&username, &password_hash, &role],
            )
            .await;
        match inserted {
            Ok(row) => user_from_row(&row),
            Err(e) if is_unique_violation(&e) => Err(StoreError::username_taken(username)),
            Err(e) => Err(from_pg(e)),
        }
    }

    async fn find_user(&self, username: &str) -> Result<Option<User>> {
        let row = sql::query_opt(
            &self.client().await?,
            "SELECT id, username, password_hash, role, created_at \
                 FROM users WHERE nps_ascii_lower(username) = nps_ascii_lower($1)",
            &[&username],
        )
        .await?;
        row.as_ref().map(user_from_row).transpose()
    }

    async fn put_daily_insight(
        &self,
        date: &str,
        locale: &str,
        insight: &serde_json::Value,
    ) -> Result<DailyInsight> {
        validate::date(date)?;
        validate::non_empty("locale", locale)?;
        let client = self.client().await?;
        let row = sql::query_one(&client, "INSERT INTO daily_insights (date, locale, insight, created_at) \
                 VALUES ($1::text::date, $2, $3, date_trunc('milliseconds', statement_timestamp())) \
                 ON CONFLICT (date, locale) DO UPDATE \
                 SET insight = excluded.insight, created_at = excluded.created_at \
                 RETURNING created_at", &[&date, &locale, insight]).await?;
        let created_at = rfc3339_ms(row.try_get(0).map_err(from_pg)?);
        Ok(DailyInsight::stored(
            date,
            locale,
            insight.clone(),
            created_at,
        ))
    }

    async fn get_daily_insight(&self, date: &str, locale: &str) -> Result<Option<DailyInsight>> {
        validate::date(date)?;
        let client = self.client().await?;
        let row = sql::query_opt(&client, "SELECT insight, created_at FROM daily_insights WHERE date = $1::text::date AND locale = $2", &[&date, &locale]).await?;
        row.map(|row| {
            let insight = row.try_get(0).map_err(from_pg)?;
            let created_at = rfc3339_ms(row.try_get(1).map_err(from_pg)?);
            Ok(DailyInsight::stored(date, locale, insight, created_at))
        })
        .transpose()
    }

    async fn store_refresh_token(&self, token: &NewRefreshToken) -> Result<()> {
        self.insert_refresh_token(token).await
    }

    async fn rotate(&self, request: RotationRequest<'_>) -> Result<Rotation> {
        self.rotate_token(request).await
    }

    async fn revoke_refresh_family(&self, token_hash: &str) -> Result<bool> {
        self.revoke_family(token_hash).await
    }

    async fn list_profiles(&self, owner: &str) -> Result<Vec<StoredProfile>> {
        self.list_profiles_pg(owner).await
    }

    async fn insert_profile(&self, profile: NewProfile) -> Result<StoredProfile> {
        self.insert_profile_pg(profile).await
    }

    async fn update_profile(
        &self,
        owner: &str,
        id: i64,
        change: ProfileChange,
    ) -> Result<Option<StoredProfile>> {
        self.update_profile_pg(owner, id, change).await
    }

    async fn delete_profile(&self, owner: &str, id: i64) -> Result<bool> {
        self.delete_profile_pg(owner, id).await
    }
}
