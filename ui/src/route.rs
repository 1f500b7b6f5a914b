//! The routes (hash-based, so any static file server and the desktop shell work).
//!
//! A page is reached through one variant here; [`crate::app`] maps each to its page.

use yew_router::prelude::*;

#[derive(Clone, Routable, PartialEq, Eq, Debug)]
pub enum Route {
    #[at("/")]
    Oracle,
    #[at("/history")]
    History,
    #[at("/reading/:id")]
    Reading { id: i64 },
    #[at("/people")]
    People,
    #[at("/settings")]
    Settings,
    /// The glossary.
    #[at("/learn")]
    Learn,
    /// The glossary, scrolled to one section or entry (`animal-ra`, `number-7`).
    #[at("/learn/:anchor")]
    LearnEntry { anchor: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// Whether the route can be shown without a signed-in user (the rest shows the
    /// sign-in screen instead). The glossary is for anyone.
    pub fn is_public(&self) -> bool {
        matches!(self, Self::Settings | Self::Learn | Self::LearnEntry { .. })
    }
}
