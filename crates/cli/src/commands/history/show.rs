//! `nps history show ID [--json]`: one reading, its text re-rendered in the chosen
//! language (a reading saved in English can be shown in Persian).

use nps_i18n::Locale;
use nps_readings::{PlainText, StoredResult};
use nps_store::{Store, StoredReading};

use super::not_found;
use crate::error::Result;
use crate::output::{emit, print_json};
use crate::storage::LOCAL_OWNER;

pub async fn run(locale: Locale, store: &dyn Store, id: i64, json: bool) -> Result<()> {
    let reading = store
        .get_reading(LOCAL_OWNER, id)
        .await?
        .ok_or_else(|| not_found(id))?;
    if json {
        print_json(&reading)
    } else {
        emit(&rendered(&reading, locale)?.text.to_plain())
    }
}

/// A stored reading's result with its text in `locale`: re-rendered from its messages
/// when it was saved in another language.
pub fn rendered(reading: &StoredReading, locale: Locale) -> Result<StoredResult> {
    let mut result = StoredResult::from_json(reading.kind, reading.result.as_ref())?;
    result.render_in(locale)?;
    Ok(result)
}
