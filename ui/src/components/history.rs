//! The History page's parts: the filters bar, the count line, the list and its rows
//! (favorite star, rating, open, delete — confirmed in the page's dialog), the empty
//! state and "load more".

use nps_protocol::{HistoryItem, SignType};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::date::{DateField, shown_date_html};
use crate::components::marks::RatingShown;
use crate::hooks::use_locale;
use crate::i18n::{digits, num, t, tf};
use crate::route::Route;
use crate::services::browser;
use crate::state::history::{Filters, HistoryAction};

#[derive(Properties, PartialEq)]
pub struct HistoryFiltersProps {
    pub filters: Filters,
    /// A filter changed (`SetKind`, `SetQuery`, `SetFrom`, `SetTo`, `SetFavoritesOnly`).
    pub on_change: Callback<HistoryAction>,
}

/// Kind, search text, date range and favorites only.
#[function_component(HistoryFilters)]
pub fn history_filters(props: &HistoryFiltersProps) -> Html {
    let locale = use_locale();
    let f = &props.filters;
    let on_kind = props.on_change.reform(|e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        HistoryAction::SetKind(SignType::from_wire(&v))
    });
    let on_favorites = props.on_change.reform(|e: Event| {
        HistoryAction::SetFavoritesOnly(e.target_unchecked_into::<HtmlInputElement>().checked())
    });
    let text = |action: fn(String) -> HistoryAction| {
        props.on_change.reform(move |e: InputEvent| {
            action(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    html! {
        <div class="filters" role="search">
            <div class="field">
                <label for="h-kind">{ t(locale, "ui-filter-kind") }</label>
                <select id="h-kind" onchange={on_kind}>
                    <option value="" selected={f.kind.is_none()}>{ t(locale, "ui-filter-all") }</option>
                    { for SignType::ALL.into_iter().filter(|k| *k != SignType::Daily).map(|k| html! {
                        <option value={k.as_str()} selected={f.kind == Some(k)}>{ t(locale, &format!("ui-kind-{}", k.as_str())) }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="h-q">{ t(locale, "ui-filter-search") }</label>
                <input id="h-q" type="search" dir="auto" value={f.q.clone()} oninput={text(HistoryAction::SetQuery)} />
            </div>
            <DateField id="h-from" label={t(locale, "ui-filter-from")} value={f.from.clone()}
                       on_change={props.on_change.reform(HistoryAction::SetFrom)} />
            <DateField id="h-to" label={t(locale, "ui-filter-to")} value={f.to.clone()}
                       on_change={props.on_change.reform(HistoryAction::SetTo)} />
            <label class="check">
                <input type="checkbox" checked={f.favorites_only} onchange={on_favorites} />
                { t(locale, "ui-filter-favorites") }
            </label>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct HistoryCountProps {
    pub loading: bool,
    pub shown: usize,
    pub total: u64,
}

/// "Loading…", or how many rows are shown of how many.
#[function_component(HistoryCount)]
pub fn history_count(props: &HistoryCountProps) -> Html {
    let locale = use_locale();
    let text = if props.loading {
        t(locale, "ui-loading")
    } else {
        let shown = ("shown", num(locale, props.shown));
        tf(
            locale,
            "ui-history-count",
            &[shown, ("total", num(locale, props.total))],
        )
    };
    html! { <p class="muted" aria-live="polite">{ text }</p> }
}

/// No reading matches (or there is none yet).
#[function_component(HistoryEmpty)]
pub fn history_empty() -> Html {
    let locale = use_locale();
    html! { <p class="empty">{ t(locale, "ui-history-empty") }</p> }
}

#[derive(Properties, PartialEq)]
pub struct HistoryListProps {
    pub items: Vec<HistoryItem>,
    /// Asking for a delete (the page's dialog confirms it).
    pub on_action: Callback<HistoryAction>,
    /// `(reading_id, favorite)`.
    pub on_favorite: Callback<(i64, bool)>,
}

#[function_component(HistoryList)]
pub fn history_list(props: &HistoryListProps) -> Html {
    html! {
        <ul class="history-list" data-testid="history-list">
            { for props.items.iter().map(|item| html! {
                <HistoryRow key={item.reading_id} item={item.clone()}
                            on_action={props.on_action.clone()}
                            on_favorite={props.on_favorite.clone()} />
            }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
pub struct HistoryRowProps {
    pub item: HistoryItem,
    pub on_action: Callback<HistoryAction>,
    pub on_favorite: Callback<(i64, bool)>,
}

/// One reading: its favorite star, summary (a link to it), kind, time and rating, open
/// and delete.
#[function_component(HistoryRow)]
pub fn history_row(props: &HistoryRowProps) -> Html {
    let locale = use_locale();
    let item = &props.item;
    let (id, fav) = (item.reading_id, item.marks.favorite);
    let star_label = t(
        locale,
        if fav {
            "ui-favorite-remove"
        } else {
            "ui-favorite-add"
        },
    );
    let kind = t(locale, &format!("ui-kind-{}", item.sign_type.as_str()));
    // `2026-02-10T21:30:00Z` → the reader's own day and time (`2026-02-11`, `01:00` in
    // Tehran), not UTC's.
    let local = browser::local_moment(&item.created_at).unwrap_or_else(|| item.created_at.clone());
    let clock = local.get(11..16).map(|hm| digits(locale, hm));
    html! {
        <li class="history-item" data-reading-id={id.to_string()} data-kind={item.sign_type.as_str()}>
            <button type="button" class={classes!("star", fav.then_some("on"))}
                    aria-pressed={fav.to_string()} aria-label={star_label.clone()} title={star_label}
                    onclick={props.on_favorite.reform(move |_| (id, !fav))}>
                { if fav { "★" } else { "☆" } }
            </button>
            <div class="history-text">
                <Link<Route> to={Route::Reading { id }} classes="history-summary">
                    <span dir="auto">{ item.summary.clone() }</span>
                </Link<Route>>
                if let Some(q) = crate::state::history::asked(item) {
                    <p class="history-question" data-testid="history-question">
                        { tf(locale, "ui-history-asked", &[("question", q.to_string())]) }
                    </p>
                }
                <p class="muted small">
                    <span class="pill">{ kind }</span>{ " " }
                    { shown_date_html(locale, &local, clock.as_deref()) }
                    if let Some(stars) = item.marks.rating {
                        { " " }<RatingShown {stars} />
                    }
                </p>
            </div>
            <div class="history-actions">
                <Link<Route> to={Route::Reading { id }} classes="button secondary">{ t(locale, "ui-open") }</Link<Route>>
                <DeleteButton {id} on_action={props.on_action.clone()} />
            </div>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct DeleteButtonProps {
    id: i64,
    on_action: Callback<HistoryAction>,
}

/// "Delete": asks first, in the page's confirmation dialog.
#[function_component(DeleteButton)]
fn delete_button(props: &DeleteButtonProps) -> Html {
    let locale = use_locale();
    let id = props.id;
    let ask = props
        .on_action
        .reform(move |_| HistoryAction::AskDelete(id));
    html! {
        <button type="button" class="secondary" data-testid="delete-reading" onclick={ask}>
            { t(locale, "ui-delete") }
        </button>
    }
}

#[derive(Properties, PartialEq)]
pub struct LoadMoreProps {
    pub onclick: Callback<()>,
}

/// The next page.
#[function_component(LoadMore)]
pub fn load_more(props: &LoadMoreProps) -> Html {
    let locale = use_locale();
    html! {
        <button type="button" class="secondary" onclick={props.onclick.reform(|_| ())}>
            { t(locale, "ui-load-more") }
        </button>
    }
}
