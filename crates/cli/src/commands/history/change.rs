//! `nps history delete ID` and `nps history favorite ID`.

use nps_i18n::Locale;
use nps_store::Store;

use super::not_found;
use crate::error::{Message, Result};
use crate::output::say;
use crate::storage::LOCAL_OWNER;

pub async fn delete(locale: Locale, store: &dyn Store, id: i64) -> Result<()> {
    if !store.delete_reading(LOCAL_OWNER, id).await? {
        return Err(not_found(id));
    }
    say(locale, Message::new("cli-history-deleted").number("id", id))
}

pub async fn favorite(locale: Locale, store: &dyn Store, id: i64) -> Result<()> {
    let on = store
        .toggle_favorite(LOCAL_OWNER, id)
        .await?
        .ok_or_else(|| not_found(id))?;
    let id_of = if on {
        "cli-history-favorite-on"
    } else {
        "cli-history-favorite-off"
    };
    say(locale, Message::new(id_of).number("id", id))
}
