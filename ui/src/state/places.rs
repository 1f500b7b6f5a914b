//! The location picker's state (`use_place_search()`): what was typed, the cities the
//! server found for it, which one the arrow keys are on, and whether the list is open.
//! Answers to an older query are dropped (each query has a number), so a slow answer
//! never replaces a newer one.

use std::rc::Rc;

use nps_protocol::PlaceHit;
use yew::Reducible;

use crate::error::HttpError;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlaceSearch {
    /// What the field shows: the text typed, or the name of the place picked.
    pub text: String,
    /// The number of the latest query; answers to other numbers are dropped.
    pub query: u32,
    /// The cities found for the latest answered query, best first.
    pub found: Vec<PlaceHit>,
    /// The latest query was answered (so "nothing found" can be said).
    pub answered: bool,
    /// The option the arrow keys are on.
    pub active: Option<usize>,
    pub open: bool,
    pub error: Option<HttpError>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PlaceAction {
    /// The field's text changed: a new query (the hook sends it when it is not blank).
    Typed(String),
    /// The server's answer to query `query`.
    Found {
        query: u32,
        places: Vec<PlaceHit>,
    },
    Failed {
        query: u32,
        error: HttpError,
    },
    /// Arrow down (`1`) or up (`-1`): the next or previous option, wrapping around.
    Move(i32),
    /// A city chosen: the field shows its name and the list closes.
    Picked(PlaceHit),
    /// Escape, or the field left.
    Close,
}

impl PlaceSearch {
    /// The option under the arrow keys, if the list is open.
    pub fn active_place(&self) -> Option<&PlaceHit> {
        self.active
            .filter(|_| self.open)
            .and_then(|i| self.found.get(i))
    }

    /// Whether the list shows (open, with options or a "nothing found" line).
    pub fn expanded(&self) -> bool {
        self.open && self.answered && !self.text.trim().is_empty()
    }

    pub fn apply(&self, action: PlaceAction) -> Self {
        let mut next = self.clone();
        match action {
            PlaceAction::Typed(text) => {
                next.query = self.query.wrapping_add(1);
                next.open = !text.trim().is_empty();
                next.text = text;
                next.answered = false;
                next.active = None;
                next.error = None;
                if !next.open {
                    next.found.clear();
                }
            }
            PlaceAction::Found { query, places } if query == self.query => {
                next.active = (!places.is_empty()).then_some(0);
                next.found = places;
                next.answered = true;
            }
            PlaceAction::Failed { query, error } if query == self.query => {
                next.error = Some(error);
                next.found.clear();
                next.answered = true;
            }
            PlaceAction::Found { .. } | PlaceAction::Failed { .. } => {}
            PlaceAction::Move(step) => {
                let n = self.found.len();
                if n > 0 {
                    next.open = true;
                    let at = self
                        .active
                        .map_or(if step > 0 { -1 } else { 0 }, |i| i as i64);
                    next.active = Some((at + i64::from(step)).rem_euclid(n as i64) as usize);
                }
            }
            PlaceAction::Picked(place) => {
                next.text = place.name.clone();
                next.open = false;
                next.active = None;
                next.found = vec![place];
            }
            PlaceAction::Close => {
                next.open = false;
                next.active = None;
            }
        }
        next
    }
}

impl Reducible for PlaceSearch {
    type Action = PlaceAction;

    fn reduce(self: Rc<Self>, action: PlaceAction) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}
