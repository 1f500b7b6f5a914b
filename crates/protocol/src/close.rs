//! WebSocket close codes of protocol v1 and their reason texts (DESIGN §3).
//!
//! Each constant is a [`Close`]: the code and the exact reason the server
//! sends. Clients decide what to do from the code alone ([`should_reconnect`],
//! [`needs_new_token`]).

/// A close code with the reason text the server sends with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Close {
    pub code: u16,
    pub reason: &'static str,
}

impl Close {
    const fn new(code: u16, reason: &'static str) -> Self {
        Self { code, reason }
    }
}

/// 1000: normal closure (the client or server is done).
pub const NORMAL: Close = Close::new(1000, "Normal closure");
/// 1000: no inbound frame for `heartbeat_interval + pong_timeout`.
pub const HEARTBEAT_TIMEOUT: Close = Close::new(1000, "Heartbeat timeout");
/// 1001: the server is shutting down.
pub const GOING_AWAY: Close = Close::new(1001, "Server shutting down");
/// 1009: an inbound message exceeded the limit (64 KiB).
pub const MESSAGE_TOO_BIG: Close = Close::new(1009, "Message too big");
/// 1013: the user already has the maximum number of open connections
/// (`max_connections_per_user`); retry later with backoff.
pub const TOO_MANY_CONNECTIONS: Close = Close::new(1013, "Too many connections");
/// 1013: the server cannot reach its database right now (a cluster's
/// PostgreSQL is down or restarting); retry later with backoff.
pub const STORAGE_UNAVAILABLE: Close = Close::new(1013, "Storage unavailable");
/// 4001: missing, malformed, badly signed or expired token. Do not reconnect
/// with the same token.
pub const AUTH_REQUIRED: Close = Close::new(4001, "Authentication required");
/// 4002: the token expired while connected. Get a new token, then reconnect.
pub const TOKEN_EXPIRED: Close = Close::new(4002, "Token expired");
/// 4003: the request's `Origin` (or, on a loopback server, `Host`) is not
/// allowed. Do not reconnect.
pub const ORIGIN_FORBIDDEN: Close = Close::new(4003, "Origin forbidden");
/// 4008: the connection's bounded send queue overflowed (client too slow).
pub const TOO_SLOW: Close = Close::new(4008, "Too slow");

/// Every close the server sends.
pub const ALL: [Close; 10] = [
    NORMAL,
    HEARTBEAT_TIMEOUT,
    GOING_AWAY,
    MESSAGE_TOO_BIG,
    TOO_MANY_CONNECTIONS,
    STORAGE_UNAVAILABLE,
    AUTH_REQUIRED,
    TOKEN_EXPIRED,
    ORIGIN_FORBIDDEN,
    TOO_SLOW,
];

/// Whether a client should reconnect (with backoff) after this close code:
/// always, except after 4001 and 4003.
pub const fn should_reconnect(code: u16) -> bool {
    !matches!(code, 4001 | 4003)
}

/// Whether the client must get a fresh token before reconnecting (4002).
pub const fn needs_new_token(code: u16) -> bool {
    code == 4002
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_reasons_are_the_contract() {
        let pairs: Vec<(u16, &str)> = ALL.iter().map(|c| (c.code, c.reason)).collect();
        assert_eq!(
            pairs,
            [
                (1000, "Normal closure"),
                (1000, "Heartbeat timeout"),
                (1001, "Server shutting down"),
                (1009, "Message too big"),
                (1013, "Too many connections"),
                (1013, "Storage unavailable"),
                (4001, "Authentication required"),
                (4002, "Token expired"),
                (4003, "Origin forbidden"),
                (4008, "Too slow"),
            ]
        );
        // Reasons must fit a close frame (123 bytes).
        assert!(ALL.iter().all(|c| c.reason.len() <= 123));
    }

    #[test]
    fn reconnect_policy() {
        assert!(!should_reconnect(4001));
        assert!(!should_reconnect(4003));
        for code in [1000, 1001, 1006, 1009, 1013, 4002, 4008] {
            assert!(should_reconnect(code), "{code}");
        }
        assert!(needs_new_token(4002));
        assert!(!needs_new_token(4001));
    }
}
