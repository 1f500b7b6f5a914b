//! `use_reading_marks(id, saved)`: what the owner adds to one stored reading — the
//! favorite flag, a rating (1–5 stars) and a private note — kept on the server, and
//! deleting the reading (then back to History).

use nps_protocol::{ReadingMarks, ReadingNotesPatch};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use super::session::{SessionHandle, use_session};
use crate::error::HttpError;
use crate::route::Route;

/// The marks as the server has them now, how the last change went, and the changes.
#[derive(Clone, PartialEq)]
pub struct MarksHandle {
    pub marks: ReadingMarks,
    pub progress: MarksProgress,
    pub set_favorite: Callback<bool>,
    /// A number of stars, or `None` to clear the rating.
    pub set_rating: Callback<Option<u8>>,
    /// The note (empty clears it).
    pub save_note: Callback<String>,
    /// Deletes the reading (after the confirmation), then shows History.
    pub delete: Callback<()>,
}

/// How the last change of the marks went.
#[derive(Clone, Default, PartialEq)]
pub struct MarksProgress {
    /// A change is on its way.
    pub saving: bool,
    /// The note as saved by the last "save" (for "Saved").
    pub note_saved: bool,
    pub error: Option<HttpError>,
}

/// The hook's state and what it does with it (every part a cheap handle).
#[derive(Clone)]
struct Marks {
    id: i64,
    session: SessionHandle,
    // Kept apart, so an answer about one never writes back a stale other.
    favorite: UseStateHandle<bool>,
    notes: UseStateHandle<(Option<u8>, Option<String>)>,
    progress: UseStateHandle<MarksProgress>,
}

impl Marks {
    fn failed(&self, e: HttpError) {
        self.progress.set(MarksProgress {
            error: Some(e),
            ..MarksProgress::default()
        });
    }

    fn send_notes(&self, patch: ReadingNotesPatch) {
        let marks = self.clone();
        let note_saved = patch.note.is_some();
        self.progress.set(MarksProgress {
            saving: true,
            ..MarksProgress::default()
        });
        spawn_local(async move {
            match marks.session.api().set_notes(marks.id, &patch).await {
                Ok(now) => {
                    marks.notes.set((now.rating, now.note));
                    marks.progress.set(MarksProgress {
                        note_saved,
                        ..MarksProgress::default()
                    });
                }
                Err(e) => marks.failed(e),
            }
        });
    }

    fn set_favorite(&self, wanted: bool) {
        let marks = self.clone();
        spawn_local(async move {
            match marks.session.api().favorite(marks.id, wanted).await {
                Ok(now) => marks.favorite.set(now.favorite),
                Err(e) => marks.failed(e),
            }
        });
    }

    fn delete(&self, navigator: Option<Navigator>) {
        let marks = self.clone();
        spawn_local(async move {
            match marks.session.api().delete(marks.id).await {
                Ok(()) => {
                    if let Some(nav) = navigator {
                        nav.push(&Route::History);
                    }
                }
                Err(e) => marks.failed(e),
            }
        });
    }
}

/// The marks of reading `id`, starting from `saved` (what its fetch returned; again
/// whenever that changes).
#[hook]
pub fn use_reading_marks(id: i64, saved: ReadingMarks) -> MarksHandle {
    let navigator = use_navigator();
    let marks = Marks {
        id,
        session: use_session(),
        favorite: use_state(|| saved.favorite),
        notes: use_state(|| (saved.rating, saved.note.clone())),
        progress: use_state(MarksProgress::default),
    };
    {
        let marks = marks.clone();
        use_effect_with((id, saved), move |(_, saved)| {
            marks.favorite.set(saved.favorite);
            marks.notes.set((saved.rating, saved.note.clone()));
            marks.progress.set(MarksProgress::default());
        });
    }
    let (rating, note) = (*marks.notes).clone();
    MarksHandle {
        marks: ReadingMarks {
            favorite: *marks.favorite,
            rating,
            note,
        },
        progress: (*marks.progress).clone(),
        set_favorite: callback(&marks, Marks::set_favorite),
        set_rating: callback(&marks, |m, stars: Option<u8>| {
            m.send_notes(ReadingNotesPatch {
                rating: Some(stars.map(i64::from)),
                note: None,
            })
        }),
        save_note: callback(&marks, |m, text: String| {
            m.send_notes(ReadingNotesPatch {
                rating: None,
                note: Some(Some(text)),
            })
        }),
        delete: {
            let marks = marks.clone();
            Callback::from(move |()| marks.delete(navigator.clone()))
        },
    }
}

/// A callback that runs `f` on the hook's state with its value.
fn callback<T: 'static>(marks: &Marks, f: fn(&Marks, T)) -> Callback<T> {
    let marks = marks.clone();
    Callback::from(move |value| f(&marks, value))
}
