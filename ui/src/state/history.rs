//! The History page: its filters, the loaded list and the pending delete, as a reducer.

use std::rc::Rc;

use nps_protocol::SignType;
use serde::{Deserialize, Serialize};
use yew::Reducible;

/// One row of `GET /api/oracle/readings`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryItem {
    pub reading_id: i64,
    pub sign_type: String,
    pub summary: String,
    pub locale: String,
    pub favorite: bool,
    /// RFC 3339 UTC.
    pub created_at: String,
    #[serde(default)]
    pub input: serde_json::Value,
}

/// The answer of `GET /api/oracle/readings`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryPage {
    pub items: Vec<HistoryItem>,
    pub total: u64,
    pub limit: u32,
    pub offset: u32,
}

/// Rows fetched per page.
pub const PAGE_SIZE: u32 = 50;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Filters {
    pub kind: Option<SignType>,
    pub favorites_only: bool,
    /// Substring search (server side).
    pub q: String,
    /// `YYYY-MM-DD`, inclusive (applied to the loaded rows: the API has no date filter).
    pub from: String,
    pub to: String,
}

impl Filters {
    /// The query string of `GET /api/oracle/readings` (without `?`).
    pub fn query(&self, offset: u32) -> String {
        let mut q = vec![format!("limit={PAGE_SIZE}"), format!("offset={offset}")];
        if let Some(k) = self.kind {
            q.push(format!("type={}", k.as_str()));
        }
        if self.favorites_only {
            q.push("favorite=true".into());
        }
        let text = self.q.trim();
        if !text.is_empty() {
            q.push(format!("q={}", crate::ws::machine::encode_query(text)));
        }
        q.join("&")
    }

    /// Whether a row created at `created_at` (RFC 3339) is inside the date range.
    pub fn in_range(&self, created_at: &str) -> bool {
        let day = created_at.get(0..10).unwrap_or("");
        let from = self.from.trim();
        let to = self.to.trim();
        (from.is_empty() || day >= from) && (to.is_empty() || day <= to)
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct HistoryState {
    pub filters: Filters,
    pub items: Vec<HistoryItem>,
    pub total: u64,
    pub loading: bool,
    /// A message id of the last failure.
    pub error: Option<String>,
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
    Failed(String),
    AskDelete(i64),
    CancelDelete,
    Deleted(i64),
    Favorite {
        reading_id: i64,
        favorite: bool,
    },
}

impl HistoryState {
    /// The rows to show (the loaded ones inside the date range).
    pub fn visible(&self) -> impl Iterator<Item = &HistoryItem> {
        self.items
            .iter()
            .filter(|i| self.filters.in_range(&i.created_at))
    }

    pub fn has_more(&self) -> bool {
        (self.items.len() as u64) < self.total
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
                    i.favorite = favorite;
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
