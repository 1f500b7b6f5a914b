//! View components: props and callbacks in, HTML out. They read the language and the
//! connection status from the contexts of [`crate::hooks`] and keep input state
//! (what is typed before a submit); they do no I/O — a page's hooks do it and pass
//! the outcome down. The result view, shown by two pages, takes its browser effects
//! from hooks of its own: [`crate::hooks::use_export`] (copy, download) and
//! [`crate::hooks::use_focus_into_view`].
//!
//! - [`header`]: app name, navigation, language toggle, connection status.
//! - [`alert`]: a failed call as text, the error paragraph.
//! - [`date`]: a day in the reader's calendar (Solar Hijri in Persian, the Gregorian
//!   alongside) and the date field (ours in Persian, the browser's in English).
//! - [`form`]: the Oracle forms of the six kinds.
//! - [`progress`]: the live progress bar and its steps.
//! - [`result`]: a reading's result: its summary first (who, when, the question, the
//!   strongest signals), then the details in sections (stamp in words, numbers with
//!   their meanings, letters, moon, ganzhi, patterns, confidence, compatibility,
//!   interpretation; copy and export).
//! - [`charts`]: the result's charts (personal-year cycle, compatibility matrix, the
//!   moon over the month).
//! - [`daily`]: the day's insight card.
//! - [`history`]: the History page's filters, list, rows, empty state and pager.
//! - [`dialog`]: the modal confirmation (focus kept inside, Escape cancels, focus
//!   given back).
//! - [`marks`]: a stored reading's date, favorite, star rating, private note and
//!   delete.
//! - [`people`]: the People page's list of saved people and their editor.
//! - [`settings`]: the Settings page's preferences and connection cards.
//! - [`login`]: the sign-in form.

pub mod alert;
pub mod charts;
pub mod daily;
pub mod date;
pub mod dialog;
pub mod form;
pub mod header;
pub mod history;
pub mod login;
pub mod marks;
pub mod people;
pub mod progress;
pub mod result;
pub mod settings;
