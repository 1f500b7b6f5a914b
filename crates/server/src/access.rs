//! Who may talk to the server at all: peer, `Host` and `Origin` checks
//! (DESIGN §3, §6; GitButler's `localhost_only_middleware`).
//!
//! The rules are in [`check`]; HTTP routes get them through [`access_guard`]
//! (403), `/ws/oracle` applies them after the upgrade (close 4003) so that a
//! browser can see the code.

use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::http::header::{HOST, ORIGIN};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::app::AppState;
use crate::config::{ANY_ORIGIN, Config, DESKTOP_ORIGINS};
use crate::error::ApiError;
use crate::listener::ConnInfo;

/// Why a request was refused (for logs only; clients see 403 / 4003).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Denied {
    /// Loopback server, but the peer is not on this machine.
    PeerNotLoopback,
    /// Loopback server, but the connection's addresses are unknown (the
    /// router was served without [`crate::serve`]): fail closed.
    NoConnInfo,
    /// Loopback server, and `Host` is not `127.0.0.1:PORT`/`localhost:PORT`
    /// (DNS rebinding).
    Host,
    /// A browser `Origin` that is neither the server's own nor allowed.
    Origin,
}

fn normalize(origin: &str) -> String {
    origin.trim().trim_end_matches('/').to_ascii_lowercase()
}

fn single_header<'h>(
    headers: &'h HeaderMap,
    name: &axum::http::HeaderName,
) -> Result<Option<&'h str>, ()> {
    let mut values = headers.get_all(name).iter();
    let Some(first) = values.next() else {
        return Ok(None);
    };
    if values.next().is_some() {
        return Err(());
    }
    first.to_str().map(Some).map_err(|_| ())
}

/// Whether `origin` is one of [`DESKTOP_ORIGINS`] or in
/// [`Config::allowed_origins`] (which may allow any with [`ANY_ORIGIN`]).
fn listed(config: &Config, origin: &str) -> bool {
    let o = normalize(origin);
    DESKTOP_ORIGINS.iter().any(|d| *d == o)
        || config
            .allowed_origins
            .iter()
            .any(|a| a.trim() == ANY_ORIGIN || normalize(a) == o)
}

/// Applies the rules of [`Config::loopback_only`] to one request.
pub(crate) fn check(
    config: &Config,
    headers: &HeaderMap,
    conn: Option<&ConnInfo>,
) -> Result<(), Denied> {
    let origin = single_header(headers, &ORIGIN).map_err(|()| Denied::Origin)?;
    let host = single_header(headers, &HOST).map_err(|()| Denied::Host)?;
    let allowed = |o: &str| listed(config, o);
    if config.loopback_only {
        let conn = conn.ok_or(Denied::NoConnInfo)?;
        if !conn.peer.ip().to_canonical().is_loopback() {
            return Err(Denied::PeerNotLoopback);
        }
        let port = conn.local.port();
        let own_hosts = [
            format!("127.0.0.1:{port}"),
            format!("localhost:{port}"),
            format!("[::1]:{port}"),
        ];
        let host = host.map(|h| h.trim().to_ascii_lowercase());
        if !host.is_some_and(|h| own_hosts.contains(&h)) {
            return Err(Denied::Host);
        }
        if let Some(origin) = origin {
            let o = normalize(origin);
            if !(own_hosts.iter().any(|h| o == format!("http://{h}")) || allowed(origin)) {
                return Err(Denied::Origin);
            }
        }
    } else if let Some(origin) = origin {
        // Same origin by authority (TLS may end at a proxy, so the scheme is
        // not compared), or explicitly allowed.
        let o = normalize(origin);
        let authority = o
            .strip_prefix("https://")
            .or_else(|| o.strip_prefix("http://"));
        let same =
            matches!((authority, host), (Some(a), Some(h)) if a == h.trim().to_ascii_lowercase());
        if !(same || allowed(origin)) {
            return Err(Denied::Origin);
        }
    }
    Ok(())
}

/// HTTP middleware: 403 for requests [`check`] refuses. `/ws/oracle` is left to
/// its handler, which closes with 4003 after the upgrade.
pub(crate) async fn access_guard(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    if req.uri().path() != nps_protocol::WS_PATH {
        let conn = req
            .extensions()
            .get::<axum::extract::ConnectInfo<ConnInfo>>()
            .map(|c| &c.0);
        if let Err(why) = check(state.config(), req.headers(), conn) {
            tracing::info!(?why, path = req.uri().path(), "request refused");
            return ApiError::Forbidden.into_response();
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn conn(peer: &str) -> ConnInfo {
        ConnInfo {
            peer: peer.parse().expect("addr"),
            local: "127.0.0.1:4000".parse().expect("addr"),
        }
    }

    fn headers(host: Option<&str>, origin: Option<&str>) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Some(host) = host {
            h.insert(HOST, HeaderValue::from_str(host).expect("value"));
        }
        if let Some(origin) = origin {
            h.insert(ORIGIN, HeaderValue::from_str(origin).expect("value"));
        }
        h
    }

    fn loopback() -> Config {
        let mut c = Config::new(vec![1; 32]);
        c.allowed_origins = vec!["http://127.0.0.1:5173/".into()];
        c
    }

    #[test]
    fn loopback_host_rules() {
        let c = loopback();
        let local = conn("127.0.0.1:5555");
        for host in [
            "127.0.0.1:4000",
            "localhost:4000",
            "LOCALHOST:4000",
            "[::1]:4000",
        ] {
            assert_eq!(
                check(&c, &headers(Some(host), None), Some(&local)),
                Ok(()),
                "{host}"
            );
        }
        for host in [
            "evil.example:4000",
            "127.0.0.1:4001",
            "localhost",
            "127.0.0.1",
        ] {
            assert_eq!(
                check(&c, &headers(Some(host), None), Some(&local)),
                Err(Denied::Host),
                "{host}"
            );
        }
        assert_eq!(
            check(&c, &headers(None, None), Some(&local)),
            Err(Denied::Host)
        );
    }

    #[test]
    fn loopback_origin_rules() {
        let c = loopback();
        let local = conn("127.0.0.1:5555");
        let h = Some("127.0.0.1:4000");
        for origin in [
            "http://127.0.0.1:4000",
            "http://localhost:4000",
            "nps://localhost",
            "https://nps.localhost",
            "NPS://LOCALHOST/",
            "http://127.0.0.1:5173",
        ] {
            assert_eq!(
                check(&c, &headers(h, Some(origin)), Some(&local)),
                Ok(()),
                "{origin}"
            );
        }
        for origin in [
            "http://evil.example",
            "null",
            "http://127.0.0.1:4001",
            "https://127.0.0.1:4000",
            "tauri://localhost",
            "http://nps.localhost",
        ] {
            assert_eq!(
                check(&c, &headers(h, Some(origin)), Some(&local)),
                Err(Denied::Origin),
                "{origin}"
            );
        }
    }

    #[test]
    fn loopback_peer_and_missing_conn_info() {
        let c = loopback();
        let h = headers(Some("127.0.0.1:4000"), None);
        assert_eq!(
            check(&c, &h, Some(&conn("192.168.1.9:5555"))),
            Err(Denied::PeerNotLoopback)
        );
        assert_eq!(
            check(&c, &h, Some(&conn("[::ffff:127.0.0.1]:5555"))),
            Ok(())
        );
        assert_eq!(check(&c, &h, None), Err(Denied::NoConnInfo));
    }

    #[test]
    fn remote_rules() {
        let mut c = Config::new(vec![1; 32]);
        c.loopback_only = false;
        c.allowed_origins = vec!["https://app.example".into()];
        let h = |o| headers(Some("nps.example:8443"), o);
        assert_eq!(check(&c, &h(None), None), Ok(()));
        assert_eq!(
            check(&c, &h(Some("https://nps.example:8443")), None),
            Ok(())
        );
        assert_eq!(check(&c, &h(Some("https://app.example")), None), Ok(()));
        assert_eq!(
            check(&c, &h(Some("https://evil.example")), None),
            Err(Denied::Origin)
        );
        assert_eq!(check(&c, &h(Some("null")), None), Err(Denied::Origin));
        // The desktop app's origins need no flag.
        assert_eq!(check(&c, &h(Some("nps://localhost")), None), Ok(()));
        assert_eq!(check(&c, &h(Some("https://nps.localhost")), None), Ok(()));
    }

    #[test]
    fn any_origin_allows_every_origin_but_keeps_the_loopback_rules() {
        let mut c = Config::new(vec![1; 32]);
        c.allowed_origins = vec![" * ".into()];
        let local = conn("127.0.0.1:5555");
        let evil = headers(Some("127.0.0.1:4000"), Some("http://evil.example"));
        assert_eq!(check(&c, &evil, Some(&local)), Ok(()));
        // DNS rebinding (a foreign Host) and foreign peers are still refused.
        let rebound = headers(Some("evil.example:4000"), Some("http://evil.example"));
        assert_eq!(check(&c, &rebound, Some(&local)), Err(Denied::Host));
        assert_eq!(
            check(&c, &evil, Some(&conn("10.0.0.2:1"))),
            Err(Denied::PeerNotLoopback)
        );
        c.loopback_only = false;
        assert_eq!(
            check(&c, &headers(Some("a.example"), Some("null")), None),
            Ok(())
        );
    }

    #[test]
    fn duplicate_origin_headers_are_refused() {
        let c = loopback();
        let mut h = headers(Some("127.0.0.1:4000"), Some("http://127.0.0.1:4000"));
        h.append(ORIGIN, HeaderValue::from_static("http://evil.example"));
        assert_eq!(
            check(&c, &h, Some(&conn("127.0.0.1:1"))),
            Err(Denied::Origin)
        );
    }
}
