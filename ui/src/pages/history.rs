//! The user's readings: filters (kind, search, date range, favorites — applied by the
//! server), the list with open, delete (confirmed in a modal dialog) and the favorite
//! toggle, and "load more". Reloaded after a resync and when a reading completes
//! elsewhere.

use yew::prelude::*;

use crate::components::alert::{error_html, error_text};
use crate::components::dialog::{ConfirmDialog, delete_pending};
use crate::components::history::{
    HistoryCount, HistoryEmpty, HistoryFilters, HistoryList, LoadMore,
};
use crate::hooks::{use_history, use_locale};
use crate::i18n::t;
use crate::state::history::HistoryAction;

#[function_component(HistoryPage)]
pub fn history_page() -> Html {
    let locale = use_locale();
    let history = use_history();
    let s = &*history.state;
    html! {
        <section class="history-page" aria-labelledby="history-heading">
            <h1 id="history-heading" tabindex="-1">{ t(locale, "ui-history-heading") }</h1>
            <HistoryFilters filters={s.filters.clone()} on_change={history.dispatch.clone()} />
            { error_html(s.error.as_ref().map(|e| error_text(locale, e))) }
            <HistoryCount loading={s.loading} shown={s.items.len()} total={s.total} />
            if s.items.is_empty() && !s.loading {
                <HistoryEmpty />
            }
            <HistoryList items={s.items.clone()}
                         on_action={history.dispatch.clone()}
                         on_favorite={history.set_favorite.clone()} />
            if s.has_more() {
                <LoadMore onclick={history.load_more.clone()} />
            }
            <ConfirmDialog open={s.confirm_delete.is_some()}
                           question={t(locale, "ui-delete-confirm")}
                           confirm_label={t(locale, "ui-delete")}
                           on_confirm={delete_pending(&history.delete, s.confirm_delete)}
                           on_cancel={history.dispatch.reform(|()| HistoryAction::CancelDelete)}
                           fallback_focus="#history-heading" />
        </section>
    }
}
