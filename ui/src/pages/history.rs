//! The user's readings: kind filter, favorites, search, date range, open, delete (with
//! confirmation) and the favorite toggle. Refetched after a resync.

use nps_protocol::SignType;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::prelude::*;

use super::{error_html, error_text};
use crate::hooks::{use_locale, use_session, use_ws_event};
use crate::i18n::{digits, num, t, tf};
use crate::route::Route;
use crate::services::api;
use crate::state::history::{HistoryAction, HistoryState};

#[function_component(HistoryPage)]
pub fn history_page() -> Html {
    let locale = use_locale();
    let session = use_session();
    let state = use_reducer(HistoryState::default);
    let reload = use_state(|| 0u32);
    let load_more = use_state(|| None::<u32>);

    // (Re)load the first page when a filter changes (the server applies them all).
    {
        let (state, session) = (state.clone(), session.clone());
        let key = (state.filters.clone(), *reload);
        use_effect_with(key, move |_| {
            let query = state.filters.query(0);
            state.dispatch(HistoryAction::Loading);
            wasm_bindgen_futures::spawn_local(async move {
                let r = session
                    .call(|b, t| {
                        let q = query.clone();
                        async move { api::history(&b, &t, &q).await }
                    })
                    .await;
                match r {
                    Ok(page) => state.dispatch(HistoryAction::Loaded {
                        page,
                        append: false,
                    }),
                    Err(e) => state.dispatch(HistoryAction::Failed(error_text(locale, &e))),
                }
            });
        });
    }
    {
        let (state, session) = (state.clone(), session.clone());
        use_effect_with(*load_more, move |offset| {
            if let Some(offset) = *offset {
                let query = state.filters.query(offset);
                wasm_bindgen_futures::spawn_local(async move {
                    let r = session
                        .call(|b, t| {
                            let q = query.clone();
                            async move { api::history(&b, &t, &q).await }
                        })
                        .await;
                    if let Ok(page) = r {
                        state.dispatch(HistoryAction::Loaded { page, append: true });
                    }
                });
            }
        });
    }
    {
        let reload = reload.clone();
        use_ws_event("resync_required", move |_| reload.set(*reload + 1));
    }
    {
        // A reading finished elsewhere (another tab of this user): show it.
        let reload = reload.clone();
        use_ws_event("reading_complete", move |_| reload.set(*reload + 1));
    }

    let on_kind = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            state.dispatch(HistoryAction::SetKind(SignType::from_wire(&v)));
        })
    };
    let on_fav = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().checked();
            state.dispatch(HistoryAction::SetFavoritesOnly(v));
        })
    };
    let text = |f: fn(String) -> HistoryAction| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            state.dispatch(f(e.target_unchecked_into::<HtmlInputElement>().value()))
        })
    };
    let delete = {
        let (state, session) = (state.clone(), session.clone());
        Callback::from(move |id: i64| {
            let (state, session) = (state.clone(), session.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match session
                    .call(|b, t| async move { api::delete_reading(&b, &t, id).await })
                    .await
                {
                    Ok(()) => state.dispatch(HistoryAction::Deleted(id)),
                    Err(e) => state.dispatch(HistoryAction::Failed(error_text(locale, &e))),
                }
            });
        })
    };
    let favorite = {
        let (state, session) = (state.clone(), session.clone());
        Callback::from(move |(id, wanted): (i64, bool)| {
            let (state, session) = (state.clone(), session.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match session
                    .call(|b, t| async move { api::set_favorite(&b, &t, id, wanted).await })
                    .await
                {
                    Ok(r) => state.dispatch(HistoryAction::Favorite {
                        reading_id: r.reading_id,
                        favorite: r.favorite,
                    }),
                    Err(e) => state.dispatch(HistoryAction::Failed(error_text(locale, &e))),
                }
            });
        })
    };
    let f = &state.filters;
    let visible = &state.items;
    html! {
        <section class="history-page" aria-labelledby="history-heading">
            <h1 id="history-heading">{ t(locale, "ui-history-heading") }</h1>
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
                <div class="field">
                    <label for="h-from">{ t(locale, "ui-filter-from") }</label>
                    <input id="h-from" type="date" value={f.from.clone()} oninput={text(HistoryAction::SetFrom)} />
                </div>
                <div class="field">
                    <label for="h-to">{ t(locale, "ui-filter-to") }</label>
                    <input id="h-to" type="date" value={f.to.clone()} oninput={text(HistoryAction::SetTo)} />
                </div>
                <label class="check">
                    <input type="checkbox" checked={f.favorites_only} onchange={on_fav} />
                    { t(locale, "ui-filter-favorites") }
                </label>
            </div>
            { error_html(state.error.clone()) }
            <p class="muted" aria-live="polite">
                { if state.loading { t(locale, "ui-loading") } else {
                    tf(locale, "ui-history-count", &[("shown", num(locale, visible.len())), ("total", num(locale, state.total))])
                } }
            </p>
            if visible.is_empty() && !state.loading {
                <p class="empty">{ t(locale, "ui-history-empty") }</p>
            }
            <ul class="history-list" data-testid="history-list">
                { for visible.iter().map(|item| {
                    let id = item.reading_id;
                    let confirming = state.confirm_delete == Some(id);
                    let ask = { let s = state.clone(); Callback::from(move |_| s.dispatch(HistoryAction::AskDelete(id))) };
                    let cancel = { let s = state.clone(); Callback::from(move |_| s.dispatch(HistoryAction::CancelDelete)) };
                    let confirm = delete.reform(move |_| id);
                    let fav = item.favorite;
                    let toggle = favorite.reform(move |_| (id, !fav));
                    let kind = t(locale, &format!("ui-kind-{}", item.sign_type.as_str()));
                    html! {
                        <li class="history-item" data-reading-id={id.to_string()} data-kind={item.sign_type.as_str()}>
                            <button type="button" class={classes!("star", fav.then_some("on"))}
                                    aria-pressed={fav.to_string()}
                                    aria-label={t(locale, if fav { "ui-favorite-remove" } else { "ui-favorite-add" })}
                                    title={t(locale, if fav { "ui-favorite-remove" } else { "ui-favorite-add" })}
                                    onclick={toggle}>
                                { if fav { "★" } else { "☆" } }
                            </button>
                            <div class="history-text">
                                <Link<Route> to={Route::Reading { id }} classes="history-summary">
                                    <span dir="auto">{ item.summary.clone() }</span>
                                </Link<Route>>
                                <p class="muted small">
                                    <span class="pill">{ kind }</span>{ " " }
                                    <time datetime={item.created_at.clone()}>{ digits(locale, &item.created_at.replace('T', " ").chars().take(16).collect::<String>()) }</time>
                                </p>
                            </div>
                            <div class="history-actions">
                                <Link<Route> to={Route::Reading { id }} classes="button secondary">{ t(locale, "ui-open") }</Link<Route>>
                                if confirming {
                                    <span class="confirm" role="alertdialog" aria-label={t(locale, "ui-delete-confirm")}>
                                        <span>{ t(locale, "ui-delete-confirm") }</span>
                                        <button type="button" class="danger" data-testid="confirm-delete" onclick={confirm}>{ t(locale, "ui-delete") }</button>
                                        <button type="button" class="secondary" onclick={cancel}>{ t(locale, "ui-cancel") }</button>
                                    </span>
                                } else {
                                    <button type="button" class="secondary" onclick={ask}>{ t(locale, "ui-delete") }</button>
                                }
                            </div>
                        </li>
                    }
                }) }
            </ul>
            if state.has_more() {
                <button type="button" class="secondary"
                        onclick={{ let lm = load_more.clone(); let n = state.items.len() as u32; Callback::from(move |_| lm.set(Some(n))) }}>
                    { t(locale, "ui-load-more") }
                </button>
            }
        </section>
    }
}
