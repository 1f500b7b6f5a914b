//! JWT claims (DESIGN §3). Tokens are HS256; the server pins the algorithm,
//! requires `exp` and allows at most 5 s of clock leeway.

use serde::{Deserialize, Serialize};

/// The `role` of a token that may publish the daily insight (`nps token --role admin`).
pub const ROLE_ADMIN: &str = "admin";

/// The claims of an NPS access token.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Claims {
    /// The user id; owner of everything the token's requests create.
    pub sub: String,
    pub username: String,
    pub role: String,
    /// Absent in a token means no scopes.
    #[serde(default)]
    pub scopes: Vec<String>,
    /// Issued at, unix seconds.
    pub iat: u64,
    /// Expires at, unix seconds.
    pub exp: u64,
}

impl Claims {
    /// Whether the token's `role` is [`ROLE_ADMIN`].
    pub fn is_admin(&self) -> bool {
        self.role == ROLE_ADMIN
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn claims_json_shape() {
        let c = Claims {
            sub: "7".into(),
            username: "alice".into(),
            role: "user".into(),
            scopes: vec!["read".into()],
            iat: 10,
            exp: 20,
        };
        assert_eq!(
            serde_json::to_value(&c).ok(),
            Some(
                json!({"sub": "7", "username": "alice", "role": "user", "scopes": ["read"], "iat": 10, "exp": 20})
            )
        );
        let no_scopes: Claims = serde_json::from_value(
            json!({"sub": "7", "username": "a", "role": "r", "iat": 1, "exp": 2}),
        )
        .expect("scopes default to empty");
        assert!(no_scopes.scopes.is_empty());
        assert!(
            serde_json::from_value::<Claims>(
                json!({"sub": "7", "username": "a", "role": "r", "iat": 1})
            )
            .is_err()
        );
    }
}
