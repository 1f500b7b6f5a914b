//! The people a user saves (profiles), so that forms need not start empty: `GET` and
//! `POST /api/profiles`, `PATCH` and `DELETE /api/profiles/{id}` (DESIGN §4). Each
//! user sees only their own; at most one is marked "me".

use serde::{Deserialize, Serialize};

use crate::http::ProfileBody;

/// A saved person, as the list holds it and as `POST` and `PATCH` return it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct SavedProfile {
    pub id: i64,
    /// The person, in the shape the full reading takes (`name`, `birth_date`, …).
    pub person: ProfileBody,
    /// The user's own profile (at most one is).
    pub is_me: bool,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// RFC 3339 UTC; the creation time until the first change.
    pub updated_at: String,
}

/// `GET /api/profiles`: "me" first, then in the order they were saved.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct ProfileList {
    pub items: Vec<SavedProfile>,
}

/// `POST /api/profiles` (answered `201 Created` with the [`SavedProfile`]).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct NewProfileRequest {
    pub person: ProfileBody,
    /// Mark it as the user's own (unmarking any other).
    #[serde(default)]
    pub is_me: bool,
}

/// `PATCH /api/profiles/{id}`: the fields given are changed, the others kept.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct ProfilePatch {
    #[serde(default)]
    pub person: Option<ProfileBody>,
    #[serde(default)]
    pub is_me: Option<bool>,
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_request_needs_only_the_person_and_a_patch_nothing() {
        let req: NewProfileRequest = serde_json::from_value(json!({
            "person": { "name": "Sara", "birth_date": "1990-07-15" }
        }))
        .unwrap();
        assert_eq!(req.person.name, "Sara");
        assert!(!req.is_me);
        let patch: ProfilePatch = serde_json::from_value(json!({})).unwrap();
        assert_eq!(patch, ProfilePatch::default());
        let me: ProfilePatch = serde_json::from_value(json!({ "is_me": true })).unwrap();
        assert_eq!(me.is_me, Some(true));
        assert!(serde_json::from_value::<NewProfileRequest>(json!({ "is_me": true })).is_err());
    }
}
