//! The History page: its filters, the loaded list and the pending delete, as a reducer.

use std::rc::Rc;

use nps_protocol::{HistoryItem, HistoryPage, HistoryQuery, SignType};
use yew::Reducible;

use super::forms::parse_date;
use crate::error::HttpError;

/// Rows fetched per page.
pub const PAGE_SIZE: u32 = 50;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Filters {
    pub kind: Option<SignType>,
    pub favorites_only: bool,
    /// Substring search.
    pub q: String,
    /// First day, `YYYY-MM-DD` (UTC, inclusive); empty for no bound (text that is no
    /// day, as a date field holds it after a bad entry, is no bound either).
    pub from: String,
    /// Last day, `YYYY-MM-DD` (UTC, inclusive); empty for no bound.
    pub to: String,
}

impl Filters {
    /// The query of `GET /api/oracle/readings` for the page at `offset`: every filter
    /// is applied by the server.
    pub fn query(&self, offset: u32) -> HistoryQuery {
        let given = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        // A date field that holds no day (its own error says why) bounds nothing.
        let day = |s: &str| given(s).filter(|d| parse_date(d).is_some());
        HistoryQuery {
            sign_type: self.kind,
            favorite: self.favorites_only.then_some(true),
            q: given(&self.q),
            from: day(&self.from),
            to: day(&self.to),
            limit: Some(PAGE_SIZE),
            offset: Some(offset),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct HistoryState {
    pub filters: Filters,
    pub items: Vec<HistoryItem>,
    pub total: u64,
    pub loading: bool,
    /// The last failure (loading, deleting or a favorite).
    pub error: Option<HttpError>,
    /// The row whose delete waits for confirmation.
    pub confirm_delete: Option<i64>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum HistoryAction {
    SetKind(Option<SignType>),
    SetFavoritesOnly(bool),
    SetQuery(String),
    SetFrom(String),
    SetTo(String),
    Loading,
    /// A page arrived; `append` for "load more".
    Loaded {
        page: HistoryPage,
        append: bool,
    },
    Failed(HttpError),
    AskDelete(i64),
    CancelDelete,
    Deleted(i64),
    Favorite {
        reading_id: i64,
        favorite: bool,
    },
}

impl HistoryState {
    pub fn has_more(&self) -> bool {
        (self.items.len() as u64) < self.total
    }

    /// The offset of the next page ("load more"): the rows loaded so far.
    pub fn next_offset(&self) -> u32 {
        u32::try_from(self.items.len()).unwrap_or(u32::MAX)
    }

    pub fn apply(&self, action: HistoryAction) -> Self {
        let mut next = self.clone();
        match action {
            HistoryAction::SetKind(k) => next.filters.kind = k,
            HistoryAction::SetFavoritesOnly(f) => next.filters.favorites_only = f,
            HistoryAction::SetQuery(q) => next.filters.q = q,
            HistoryAction::SetFrom(d) => next.filters.from = d,
            HistoryAction::SetTo(d) => next.filters.to = d,
            HistoryAction::Loading => {
                next.loading = true;
                next.error = None;
            }
            HistoryAction::Loaded { page, append } => {
                next.loading = false;
                next.total = page.total;
                if append {
                    for item in page.items {
                        if !next.items.iter().any(|i| i.reading_id == item.reading_id) {
                            next.items.push(item);
                        }
                    }
                } else {
                    next.items = page.items;
                }
            }
            HistoryAction::Failed(e) => {
                next.loading = false;
                next.error = Some(e);
                // The dialog closes, so the error beside the list can be read.
                next.confirm_delete = None;
            }
            HistoryAction::AskDelete(id) => next.confirm_delete = Some(id),
            HistoryAction::CancelDelete => next.confirm_delete = None,
            HistoryAction::Deleted(id) => {
                let before = next.items.len();
                next.items.retain(|i| i.reading_id != id);
                if next.items.len() < before {
                    next.total = next.total.saturating_sub(1);
                }
                next.confirm_delete = None;
            }
            HistoryAction::Favorite {
                reading_id,
                favorite,
            } => {
                for i in next.items.iter_mut().filter(|i| i.reading_id == reading_id) {
                    i.marks.favorite = favorite;
                }
                if next.filters.favorites_only && !favorite {
                    next.items.retain(|i| i.reading_id != reading_id);
                    next.total = next.total.saturating_sub(1);
                }
            }
        }
        next
    }
}

impl Reducible for HistoryState {
    type Action = HistoryAction;

    fn reduce(self: Rc<Self>, action: HistoryAction) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self { self } else { Rc::new(next) }
    }
}

/// The question a question reading asked, from the request the history row keeps
/// (`input.question`): the row shows it, not only the number it carried.
pub fn asked(item: &HistoryItem) -> Option<&str> {
    if item.sign_type != SignType::Question {
        return None;
    }
    item.input
        .get("question")
        .and_then(|q| q.as_str())
        .map(str::trim)
        .filter(|q| !q.is_empty())
}
