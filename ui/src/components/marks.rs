//! What the owner adds to a stored reading, under its result: when it was made, the
//! favorite toggle, a star rating (five native radio buttons drawn as stars: one Tab
//! stop, arrow keys), a private note with its character count, and delete (confirmed
//! in the modal dialog). Also the rating as shown in a History row.

use nps_protocol::ReadingMarks;
use nps_protocol::limits::{MAX_NOTE_CHARS, RATING_STARS};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::alert::{error_html, error_text};
use super::date::shown_date_html;
use super::dialog::ConfirmDialog;
use crate::hooks::{use_locale, use_reading_marks};
use crate::i18n::{digits, num, t, tf};

/// "Rated 4 out of 5", drawn as stars.
#[derive(Properties, PartialEq)]
pub struct RatingShownProps {
    pub stars: u8,
}

#[function_component(RatingShown)]
pub fn rating_shown(props: &RatingShownProps) -> Html {
    let locale = use_locale();
    let max = *RATING_STARS.end();
    let label = tf(
        locale,
        "ui-rating-shown",
        &[
            ("count", num(locale, props.stars)),
            ("max", num(locale, max)),
        ],
    );
    let drawn: String = (1..=max)
        .map(|n| if n <= props.stars { '★' } else { '☆' })
        .collect();
    html! {
        <span class="rating-shown" role="img" aria-label={label} data-rating={props.stars.to_string()}>
            { drawn }
        </span>
    }
}

#[derive(Properties, PartialEq)]
pub struct MarksPanelProps {
    pub reading_id: i64,
    /// RFC 3339 UTC, when known.
    #[prop_or_default]
    pub created_at: Option<String>,
    /// The marks as the reading's fetch returned them.
    #[prop_or_default]
    pub saved: ReadingMarks,
    /// Offer delete (the reading's own page).
    #[prop_or_default]
    pub deletable: bool,
}

/// The marks of one reading, kept on the server by [`use_reading_marks`].
#[function_component(MarksPanel)]
pub fn marks_panel(props: &MarksPanelProps) -> Html {
    let handle = use_reading_marks(props.reading_id, props.saved.clone());
    let locale = use_locale();
    let m = &handle.marks;
    let asking = use_state(|| false);
    let delete = props.deletable.then(|| {
        let on_delete = handle.delete.clone();
        let ask = {
            let asking = asking.clone();
            Callback::from(move |_: MouseEvent| asking.set(true))
        };
        let cancel = {
            let asking = asking.clone();
            Callback::from(move |()| asking.set(false))
        };
        html! {
            <>
                <button type="button" class="secondary" data-testid="delete-reading" onclick={ask}>
                    { t(locale, "ui-delete-reading") }
                </button>
                <ConfirmDialog open={*asking} question={t(locale, "ui-delete-confirm")}
                               confirm_label={t(locale, "ui-delete")} on_confirm={on_delete}
                               on_cancel={cancel} fallback_focus="#result-heading" />
            </>
        }
    });
    let favorite = m.favorite;
    html! {
        <section class="card marks" data-testid="reading-marks" data-reading-id={props.reading_id.to_string()}
                 aria-labelledby="marks-heading">
            <h2 id="marks-heading">{ t(locale, "ui-marks-heading") }</h2>
            if let Some(at) = &props.created_at {
                <p class="muted" data-testid="reading-date">
                    { t(locale, "ui-reading-made-on") }{ " " }
                    { shown_date_html(locale, at, at.get(11..16).map(|hm| digits(locale, hm)).as_deref()) }
                </p>
            }
            <div class="actions">
                <button type="button" class={classes!("favorite-toggle", favorite.then_some("on"))}
                        data-testid="reading-favorite" aria-pressed={favorite.to_string()}
                        onclick={handle.set_favorite.reform(move |_| !favorite)}>
                    <span aria-hidden="true">{ if favorite { "★ " } else { "☆ " } }</span>
                    { t(locale, "ui-favorite") }
                </button>
                { delete.unwrap_or_default() }
            </div>
            <RatingInput reading_id={props.reading_id} rating={m.rating} on_rating={handle.set_rating.clone()} />
            <NoteInput reading_id={props.reading_id} note={m.note.clone()} saving={handle.progress.saving}
                       saved={handle.progress.note_saved} on_note={handle.save_note.clone()} />
            { error_html(handle.progress.error.as_ref().map(|e| error_text(locale, e))) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RatingInputProps {
    reading_id: i64,
    rating: Option<u8>,
    on_rating: Callback<Option<u8>>,
}

/// Five stars as a radio group, and "clear".
#[function_component(RatingInput)]
fn rating_input(props: &RatingInputProps) -> Html {
    let locale = use_locale();
    let max = *RATING_STARS.end();
    let name = format!("rating-{}", props.reading_id);
    let chosen = props.rating.unwrap_or(0);
    html! {
        <fieldset class="rating" data-testid="rating" data-rating={chosen.to_string()}>
            <legend>{ t(locale, "ui-rating-legend") }</legend>
            <div class="rating-stars">
                { for RATING_STARS.map(|n| {
                    let onchange = props.on_rating.reform(move |e: Event| {
                        let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
                        checked.then_some(n)
                    });
                    let label = tf(locale, "ui-rating-star", &[("count", num(locale, n)), ("max", num(locale, max))]);
                    html! {
                        <label class={classes!("star-choice", (n <= chosen).then_some("on"))}>
                            <input type="radio" class="visually-hidden" name={name.clone()}
                                   value={n.to_string()} checked={props.rating == Some(n)} {onchange} />
                            <span aria-hidden="true">{ if n <= chosen { "★" } else { "☆" } }</span>
                            <span class="visually-hidden">{ label }</span>
                        </label>
                    }
                }) }
            </div>
            if props.rating.is_some() {
                <button type="button" class="link-button" data-testid="rating-clear"
                        onclick={props.on_rating.reform(|_| None)}>
                    { t(locale, "ui-rating-clear") }
                </button>
            }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct NoteInputProps {
    reading_id: i64,
    note: Option<String>,
    saving: bool,
    saved: bool,
    on_note: Callback<String>,
}

/// The private note: a text area (what is typed, until saved), its count, "save".
#[function_component(NoteInput)]
fn note_input(props: &NoteInputProps) -> Html {
    let locale = use_locale();
    let draft = use_state(|| props.note.clone().unwrap_or_default());
    {
        // The saved note replaces the draft when it changes (another reading, a save).
        let draft = draft.clone();
        use_effect_with((props.reading_id, props.note.clone()), move |(_, note)| {
            draft.set(note.clone().unwrap_or_default());
        });
    }
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            draft.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let count = draft.chars().count();
    let over = count > MAX_NOTE_CHARS;
    let onclick = {
        let (draft, on_note) = (draft.clone(), props.on_note.clone());
        Callback::from(move |_: MouseEvent| on_note.emit((*draft).clone()))
    };
    let counts = [
        ("count", num(locale, count)),
        ("max", num(locale, MAX_NOTE_CHARS)),
    ];
    html! {
        <div class={classes!("field", "note", over.then_some("invalid"))}>
            <label for="reading-note">{ t(locale, "ui-note-label") }</label>
            <textarea id="reading-note" rows="3" dir="auto" value={(*draft).clone()} {oninput}
                      aria-invalid={over.to_string()} aria-describedby="reading-note-count" />
            <p id="reading-note-count" class={classes!("hint", over.then_some("over"))}>
                { tf(locale, "ui-field-question-count", &counts) }
            </p>
            <div class="actions">
                <button type="button" class="secondary" data-testid="note-save"
                        disabled={over || props.saving} {onclick}>
                    { t(locale, "ui-note-save") }
                </button>
                <span class="muted" role="status" data-testid="note-status">
                    { if props.saving { t(locale, "ui-saving") } else if props.saved { t(locale, "ui-note-saved") } else { String::new() } }
                </span>
            </div>
        </div>
    }
}
