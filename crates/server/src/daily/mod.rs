//! The daily insight: computed once per (date, locale) and kept in the store
//! ([`insight`]), broadcast as `daily_reading` at most once per (date, locale)
//! ([`publish`]) — by the scheduler at local midnight ([`scheduler`]) or by an
//! admin (`POST /api/admin/daily`). Reading it (`GET /api/oracle/daily`, the desktop
//! app's notification: [`for_owner`]) never broadcasts.
//!
//! [`claim_publication`] decides "not published yet" for one server: an in-process
//! guard. On a cluster's PostgreSQL the claim and the broadcast are one transaction
//! of the store ([`nps_store::PgStore::append_daily_broadcast`]): one node of all
//! publishes each (date, locale), and if it fails half-way nothing is claimed.

use nps_engine::Date;
use nps_i18n::Locale;
use nps_protocol::{DailyReading, DailyResponse, Event, Figures, ProfileBody};
use nps_readings::Request as ReadingRequest;

use crate::app::App;
use crate::blocking::run_blocking;
use crate::error::ApiError;

pub mod published;
pub mod scheduler;

/// The daily insight of `date` in `locale`: the stored one, or computed and stored
/// now. No side effect beyond the store.
pub async fn insight(app: &App, date: Date, locale: Locale) -> Result<DailyResponse, ApiError> {
    let (key, tag) = (date.to_string(), locale.to_string());
    if let Some(stored) = app.store().get_daily_insight(&key, &tag).await? {
        match serde_json::from_value::<DailyResponse>(stored.insight) {
            Ok(response) => return Ok(response),
            // Stored by an older version in another shape: computed again below.
            Err(e) => {
                tracing::warn!(error = %e, date = key, locale = tag, "stored daily insight unreadable")
            }
        }
    }
    let response = run_blocking(move || compute(date, None, locale)).await??;
    let stored = serde_json::to_value(&response).map_err(ApiError::internal)?;
    app.store().put_daily_insight(&key, &tag, &stored).await?;
    Ok(response)
}

/// The day of `owner`: read for their saved "me" when `personal` and they have one
/// (see [`personal`]), else the day for everyone ([`insight`]). `GET
/// /api/oracle/daily` and the desktop app's daily notification both read it here.
pub async fn for_owner(
    app: &App,
    owner: &str,
    date: Date,
    locale: Locale,
    personal: bool,
) -> Result<DailyResponse, ApiError> {
    if personal {
        if let Some((name, birth)) = saved_me(app, owner).await? {
            return self::personal(date, birth, name, locale).await;
        }
    }
    insight(app, date, locale).await
}

/// The name and birth date of `owner`'s saved "me", if they have one (saved people
/// were checked when saved; one that no longer reads is passed over).
async fn saved_me(app: &App, owner: &str) -> Result<Option<(String, Date)>, ApiError> {
    let people = app.store().list_profiles(owner).await?;
    let me = people
        .into_iter()
        .find(|p| p.is_me)
        .and_then(|p| serde_json::from_value::<ProfileBody>(p.person).ok())
        .and_then(|p| Some((p.name, Date::parse(p.birth_date.trim()).ok()?)));
    Ok(me)
}

/// The day read for the person born on `birth` (not stored: it is one user's), or for
/// everyone.
pub async fn personal(
    date: Date,
    birth: Date,
    name: String,
    locale: Locale,
) -> Result<DailyResponse, ApiError> {
    let mut response = run_blocking(move || compute(date, Some(birth), locale)).await??;
    response.personal_for = Some(name);
    Ok(response)
}

/// The day read (for the person born on `birth`, or for everyone) in `locale`: the
/// one computation behind every daily insight. Neither stored nor broadcast.
pub fn compute(date: Date, birth: Option<Date>, locale: Locale) -> Result<DailyResponse, ApiError> {
    let reading = nps_readings::run(
        &ReadingRequest::Daily { date, birth },
        locale,
        &mut nps_readings::no_progress,
    )?;
    let insight = nps_readings::daily_insight(&reading).unwrap_or_default();
    let Figures::Daily(figures) = reading.result.figures else {
        return Err(ApiError::internal("a daily reading without daily figures"));
    };
    Ok(DailyResponse {
        date: date.to_string(),
        locale: locale.to_string(),
        insight,
        lucky_numbers: figures
            .lucky_numbers
            .iter()
            .map(|n| locale.number(n))
            .collect(),
        figures,
        text: reading.result.text,
        personal_for: None,
    })
}

/// Broadcasts the insight of `date` in `locale` to every connection, unless that
/// (date, locale) was published before. Returns how many connections took it, or
/// `None` when nothing was sent.
pub async fn publish(app: &App, date: Date, locale: Locale) -> Result<Option<usize>, ApiError> {
    // Computed (and stored) first: a failure here leaves the day unclaimed, to be
    // published by the next attempt.
    let day = insight(app, date, locale).await?;
    let event = Event::DailyReading(DailyReading {
        date: day.date,
        insight: day.insight,
        lucky_numbers: day.lucky_numbers,
        locale: day.locale,
    });
    if let Some(store) = app.hub().cluster_store() {
        return publish_on_cluster(store, date, locale, &event).await;
    }
    if !claim_publication(app, date, locale).await? {
        return Ok(None);
    }
    let delivered = app.hub().broadcast(event);
    tracing::info!(%date, %locale, delivered, "daily insight published");
    Ok(Some(delivered))
}

/// [`publish`] on a cluster: claims `(date, locale)` and appends the broadcast in
/// one transaction; every node's listener delivers it to its sockets. `Some(0)`
/// when this node published it (the deliveries happen on every node and are not
/// counted here), `None` when another call, on any node, did.
async fn publish_on_cluster(
    store: &nps_store::PgStore,
    date: Date,
    locale: Locale,
    event: &Event,
) -> Result<Option<usize>, ApiError> {
    let Event::DailyReading(data) = event else {
        return Err(ApiError::internal(
            "publish_on_cluster takes a daily_reading",
        ));
    };
    let data = serde_json::to_value(data).map_err(ApiError::internal)?;
    let (key, tag) = (date.to_string(), locale.to_string());
    let appended = store
        .append_daily_broadcast(&key, &tag, event.name(), &data)
        .await?;
    if let Some(appended) = appended {
        tracing::info!(%date, %locale, seq = appended.seq, "daily insight published to the cluster");
    }
    Ok(appended.map(|_| 0))
}

/// Whether this caller may publish `(date, locale)`: true exactly once per pair.
///
/// One server: an in-process, bounded set ([`published::PublishedDays`]). A
/// cluster claims in the database instead (see [`publish`]).
pub async fn claim_publication(app: &App, date: Date, locale: Locale) -> Result<bool, ApiError> {
    Ok(app.published_days().claim(date, locale))
}
