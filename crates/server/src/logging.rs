//! Request logging that never leaks a token (DESIGN §3): URIs are logged through
//! [`redact_query`], and no header is ever logged (the `Authorization` and
//! `Sec-WebSocket-Protocol: bearer.<JWT>` headers carry tokens).

use std::time::Instant;

use axum::extract::Request;
use axum::http::Uri;
use axum::middleware::Next;
use axum::response::Response;
use percent_encoding::percent_decode_str;

use crate::client::ClientAddr;

/// What replaces a redacted value.
pub const REDACTED: &str = "[REDACTED]";

/// Whether a query key names a secret: `token` and anything containing
/// `token` (`access_token`, `refresh_token`), ASCII case-insensitively, also
/// when percent-encoded (`+` is a space, as in forms).
fn is_secret_key(raw_key: &str) -> bool {
    percent_decode_str(&raw_key.replace('+', " "))
        .decode_utf8_lossy()
        .to_ascii_lowercase()
        .contains("token")
}

/// The URI's path and query with the value of every token-like query parameter
/// replaced by `[REDACTED]`; other parameters are kept as they were.
///
/// `/ws/oracle?token=abc&last_seq=3` → `/ws/oracle?token=[REDACTED]&last_seq=3`.
pub fn redact_query(uri: &Uri) -> String {
    let path = uri.path();
    let Some(query) = uri.query() else {
        return path.to_owned();
    };
    let redacted: Vec<String> = query
        .split('&')
        .map(|pair| {
            let key = pair.split_once('=').map_or(pair, |(k, _)| k);
            if is_secret_key(key) {
                format!("{key}={REDACTED}")
            } else {
                pair.to_owned()
            }
        })
        .collect();
    format!("{path}?{}", redacted.join("&"))
}

/// Middleware: one line per request with the client's address ([`ClientAddr`]: behind
/// a trusted proxy, the forwarded one), method, redacted URI, status and time.
pub(crate) async fn log_requests(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let client = req
        .extensions()
        .get::<ClientAddr>()
        .map(|ClientAddr(ip)| ip.to_string())
        .unwrap_or_default();
    let method = req.method().clone();
    let uri = redact_query(req.uri());
    let response = next.run(req).await;
    tracing::info!(
        target: "nps_server::http",
        %client,
        %method,
        uri = %uri,
        status = response.status().as_u16(),
        elapsed_ms = started.elapsed().as_millis() as u64,
        "request"
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> String {
        redact_query(&s.parse::<Uri>().expect("uri"))
    }

    #[test]
    fn token_values_are_redacted() {
        assert_eq!(
            r("/ws/oracle?token=abc.def.ghi"),
            "/ws/oracle?token=[REDACTED]"
        );
        assert_eq!(
            r("/ws/oracle?last_seq=3&token=abc.def&epoch=9"),
            "/ws/oracle?last_seq=3&token=[REDACTED]&epoch=9"
        );
        assert_eq!(
            r("/x?token=a&token=b"),
            "/x?token=[REDACTED]&token=[REDACTED]"
        );
        assert_eq!(
            r("/x?access_token=a&Refresh_Token=b"),
            "/x?access_token=[REDACTED]&Refresh_Token=[REDACTED]"
        );
        assert_eq!(r("/x?%74oken=secret"), "/x?%74oken=[REDACTED]");
        assert_eq!(r("/x?to%6Be%6E=secret"), "/x?to%6Be%6E=[REDACTED]");
        assert_eq!(r("/x?token"), "/x?token=[REDACTED]");
    }

    #[test]
    fn other_uris_are_unchanged() {
        assert_eq!(r("/api/health"), "/api/health");
        assert_eq!(
            r("/ws/oracle?last_seq=3&epoch=9"),
            "/ws/oracle?last_seq=3&epoch=9"
        );
        assert_eq!(r("/x?q=tokens%20of%20love"), "/x?q=tokens%20of%20love");
        assert_eq!(r("/x?"), "/x?");
    }

    #[test]
    fn redacted_output_never_contains_the_secret() {
        let secret = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl";
        for uri in [
            format!("/ws/oracle?token={secret}"),
            format!("/ws/oracle?epoch=1&token={secret}&last_seq=2"),
            format!("/ws/oracle?TOKEN={secret}"),
        ] {
            assert!(!r(&uri).contains(secret), "{uri}");
        }
    }
}
