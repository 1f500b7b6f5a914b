//! Pure state: reducers (`impl Reducible`) and the logic behind the forms, with no DOM
//! code, so all of it is unit-tested natively.
//!
//! - [`progress`]: `use_reading_progress()`'s reducer (this client's readings only).
//! - [`settings`]: language, default numerology system, which server.
//! - [`session`]: the signed-in tokens and when to refresh them.
//! - [`forms`]: the Oracle forms, their validation and the request bodies.
//! - [`dates`]: what a date field holds, read in the page's language (Solar Hijri in
//!   Persian) as the Gregorian day the API expects.
//! - [`history`]: the History page's filters, list and pending delete (`use_history()`).
//! - [`people`]: the saved people, their editor and the pending delete
//!   (`use_profiles()`).
//! - [`places`]: the location picker's query, the cities found and the active one
//!   (`use_place_search()`).
//! - [`daily`]: the day's insight and what a broadcast of it means (`use_daily()`).
//! - [`result`]: what the result view shows, built from the API's answer.

pub mod daily;
pub mod dates;
pub mod forms;
pub mod history;
pub mod people;
pub mod places;
pub mod progress;
pub mod result;
pub mod session;
pub mod settings;
