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
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// Whether the route can be shown without a signed-in user (the rest shows the
    /// sign-in screen instead).
    pub fn is_public(&self) -> bool {
        matches!(self, Self::Settings)
    }
}
