//! `GET /api/oracle/readings/{id}/export?format=pdf|png|md|json[&locale=fa]`: one of the
//! caller's readings as a file to download (`Content-Disposition: attachment`,
//! `nps-reading-ID.EXT`) — a PDF, a PNG image card or Markdown made by `nps-export`
//! from the reading re-rendered in `locale` (default: the language it was made in), or
//! its JSON as `GET …/{id}` answers it. Another user's reading is a 404; an unknown
//! format a 400 that names it; a document over `nps-export`'s bounds a 422.

use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use nps_engine::Date;
use nps_export::{CardSize, ExportError, Format, UnknownFormat};
use nps_i18n::Locale;
use nps_protocol::ExportQuery;
use nps_readings::{Msg, StoredResult};
use nps_store::StoredReading;

use super::readings::stored_response;
use crate::app::AppState;
use crate::blocking::run_blocking;
use crate::error::ApiError;
use crate::extract::{ApiPath, ApiQuery, AuthUser};
use crate::locale::parse_locale;

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/api/oracle/readings/{id}/export", get(export_reading))
}

async fn export_reading(
    State(state): State<AppState>,
    user: AuthUser,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(q): ApiQuery<ExportQuery>,
) -> Result<Response, ApiError> {
    let format: Format =
        q.format
            .as_deref()
            .unwrap_or_default()
            .parse()
            .map_err(|e: UnknownFormat| {
                ApiError::BadRequest(Msg::new("export-error-format").text("format", e.0))
            })?;
    let requested = q.locale.map(|l| parse_locale(Some(&l))).transpose()?;
    let stored = state
        .store()
        .get_reading(user.user_id(), id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let locale = requested.unwrap_or_else(|| stored.locale.parse().unwrap_or_default());
    let today = crate::clock::now().map_err(ApiError::internal)?.date;
    let bytes = run_blocking(move || contents(stored, format, locale, today)).await??;
    let disposition = format!("attachment; filename=\"{}\"", format.file_name(id));
    Ok((
        [
            (header::CONTENT_TYPE, format.content_type().to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            // A private reading: no shared cache keeps it.
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}

/// The file's bytes (CPU work: run off the async workers).
fn contents(
    stored: StoredReading,
    format: Format,
    locale: Locale,
    today: Date,
) -> Result<Vec<u8>, ApiError> {
    if format == Format::Json {
        let response = stored_response(stored, locale)?;
        return serde_json::to_vec_pretty(&response).map_err(ApiError::internal);
    }
    let mut result =
        StoredResult::from_json(stored.kind, stored.result.as_ref()).map_err(ApiError::internal)?;
    result.render_in(locale).map_err(ApiError::internal)?;
    let doc = nps_readings::document::document(&result, &stored.created_at, locale, today);
    let made = match format {
        Format::Pdf => nps_export::pdf(&doc),
        Format::Png => nps_export::png_card(&doc, CardSize::PORTRAIT),
        Format::Markdown | Format::Json => Ok(nps_export::markdown(&doc).into_bytes()),
    };
    made.map_err(export_error)
}

fn export_error(e: ExportError) -> ApiError {
    if e.is_bad_input() {
        ApiError::Invalid(Msg::new("export-error-too-large"))
    } else {
        ApiError::internal(e)
    }
}
