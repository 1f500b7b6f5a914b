#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]
//! NPS Oracle wire protocol v1: every type the server, the Yew UI and `nps watch`
//! share (DESIGN §3 and §4), and every enum both ends use. A type that crosses the
//! wire is defined here and nowhere else.
//!
//! Only serde types and small pure helpers live here: no sockets, no clock, no
//! async runtime, so the crate builds for `wasm32-unknown-unknown` (a test in
//! `tests/protocol.rs` checks that). It depends on `nps-engine` (pure, wasm-clean)
//! for the figures' own types; computing figures and rendering texts happen in
//! `nps-readings`.
//!
//! # Layout
//!
//! - [`event`]: [`Envelope`] `{event, data, seq, ts}` and every server → client
//!   [`Event`] with its data; [`Step`], [`SignType`] (the reading kind).
//! - [`close`]: close codes (1000, 1001, 1009, 1013, 4001, 4002, 4003, 4008) with
//!   their reason texts, and the client's reconnect rules.
//! - [`claims`]: the JWT [`Claims`].
//! - [`http`]: request and response bodies of the HTTP API: readings
//!   ([`ReadingResponse`] with typed figures), history ([`HistoryQuery`],
//!   [`HistoryPage`]), daily ([`DailyResponse`]), favorite, [`ErrorBody`].
//! - [`profiles`]: saved people ([`SavedProfile`], [`ProfileList`],
//!   [`NewProfileRequest`], [`ProfilePatch`]).
//! - [`notes`]: a reading's star rating and private note ([`ReadingNotesPatch`],
//!   [`ReadingNotes`]).
//! - [`limits`]: the bounds of a reading's inputs (names ≤ 200 characters, …), of a
//!   rating (1–5) and of a note (2,000 characters).
//! - [`figures`]: the figures of each reading kind and [`Figures`] (any kind; read
//!   back by kind with [`FiguresOf`]).
//! - [`text`]: a reading's text as messages ([`Msg`], [`Interpretation`]) and as
//!   rendered in one language ([`RenderedText`]).
//! - [`locale`]: [`Locale`], the languages (`en`, `fa`).
//! - [`desktop`]: what the desktop shell and the UI inside it exchange through Tauri
//!   commands ([`DesktopSettings`], [`DailyTime`]).
//! - [`backoff`]: [`backoff_delay`], the reconnect delay (1 s doubling to 30 s,
//!   full jitter).
//!
//! [`SystemChoice`] (the numerology system a person picks) is the engine's enum,
//! re-exported here.
//!
//! # Connecting
//!
//! `GET` [`WS_PATH`] upgraded to a WebSocket, authenticated by `?token=<JWT>` or
//! by offering the sub-protocols [`SUBPROTOCOL`] and `bearer.<JWT>`
//! ([`BEARER_PROTOCOL_PREFIX`]); the server then selects [`SUBPROTOCOL`]. To
//! resume, add `?last_seq=N&epoch=E` ([`QUERY_LAST_SEQ`], [`QUERY_EPOCH`]) from
//! the last frame seen and the `welcome` frame. The server sends the text frame
//! [`PING`]; answer [`PONG`].
//!
//! # Bounds a client can rely on
//!
//! - inbound (client → server) message limit: 64 KiB ([`MAX_INBOUND_MESSAGE`]);
//!   larger closes with 1009;
//! - `heartbeat_secs` in `welcome` is the ping interval; the server closes after
//!   interval + pong timeout of silence; a client treats interval + its own
//!   timeout + 5 s ([`backoff::DEAD_LINK_GRACE_MS`]) without any frame as a dead link.

pub mod backoff;
pub mod claims;
pub mod close;
pub mod desktop;
pub mod event;
pub mod figures;
pub mod http;
pub mod limits;
pub mod locale;
pub mod notes;
pub mod places;
pub mod profiles;
pub mod text;

pub use backoff::backoff_delay;
pub use claims::{Claims, ROLE_ADMIN};
pub use close::Close;
pub use desktop::{BadDailyTime, DailyTime, DesktopSettings};
pub use event::{
    DailyReading, Envelope, Event, ReadingComplete, ReadingError, ReadingProgress, ReadingStarted,
    ResyncRequired, SignType, Step, Welcome,
};
pub use figures::{Figures, FiguresOf};
pub use http::{
    CompatibilityRequest, DailyPublication, DailyQuery, DailyResponse, ErrorBody, ErrorDetail,
    ExportQuery, FavoriteBody, FavoriteResponse, FullReadingRequest, HealthResponse, HistoryItem,
    HistoryPage, HistoryQuery, LocaleQuery, LoginRequest, LogoutRequest, NameReadingRequest,
    ProfileBody, PublishDailyRequest, PublishDailyResponse, QuestionReadingRequest, ReadingMarks,
    ReadingResponse, RefreshRequest, TimeReadingRequest, TokenResponse, export_path,
};
pub use locale::{Locale, UnknownLocale};
pub use notes::{NotesChange, ReadingNotes, ReadingNotesPatch};
/// The numerology systems a person can choose (`auto`, `pythagorean`, `chaldean`,
/// `abjad`): the engine's own enum, shared by the server and the UI.
pub use nps_engine::numerology::SystemChoice;
pub use places::{DEFAULT_PLACE_RESULTS, PlaceHit, PlaceList, PlaceQuery};
pub use profiles::{NewProfileRequest, ProfileList, ProfilePatch, SavedProfile};
pub use text::{
    Arg, Interpretation, Msg, RenderedSection, RenderedSignal, RenderedText, SUMMARY_SIGNALS_MAX,
    Section, SummarySignal,
};

/// The WebSocket endpoint.
pub const WS_PATH: &str = "/ws/oracle";
/// The sub-protocol the server selects.
pub const SUBPROTOCOL: &str = "nps.v1";
/// Prefix of the sub-protocol entry that carries the token: `bearer.<JWT>`.
pub const BEARER_PROTOCOL_PREFIX: &str = "bearer.";
/// Query parameter carrying the token (redacted in every log).
pub const QUERY_TOKEN: &str = "token";
/// Query parameter: the highest `seq` the client has seen.
pub const QUERY_LAST_SEQ: &str = "last_seq";
/// Query parameter: the `epoch` from the client's last `welcome`.
pub const QUERY_EPOCH: &str = "epoch";
/// The server's heartbeat text frame.
pub const PING: &str = "ping";
/// The client's answer to [`PING`].
pub const PONG: &str = "pong";
/// Largest client → server message, in bytes (64 KiB).
pub const MAX_INBOUND_MESSAGE: usize = 64 * 1024;

/// The token carried by a `Sec-WebSocket-Protocol` header value such as
/// `nps.v1, bearer.<JWT>`, if any.
pub fn token_from_subprotocols(header: &str) -> Option<&str> {
    header
        .split(',')
        .map(str::trim)
        .find_map(|p| p.strip_prefix(BEARER_PROTOCOL_PREFIX))
        .filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_from_subprotocol_header() {
        assert_eq!(
            token_from_subprotocols("nps.v1, bearer.abc.def"),
            Some("abc.def")
        );
        assert_eq!(token_from_subprotocols("bearer.x,nps.v1"), Some("x"));
        assert_eq!(token_from_subprotocols("nps.v1"), None);
        assert_eq!(token_from_subprotocols("nps.v1, bearer."), None);
    }
}
