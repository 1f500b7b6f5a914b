//! Issue 10, items 1 and 9 on a real server: CORS on `/api/*` for one list of
//! origins (the server's own, the desktop app's, `allowed_origins`, `*`), the
//! security headers, no dotfiles or symlinks out of the UI directory, and the
//! reserved owner name `local`.

use crate::support::*;

/// Every value of header `name` in a lower-cased response head.
fn values(head: &str, name: &str) -> Vec<String> {
    head.lines()
        .filter_map(|l| l.split_once(':'))
        .filter(|(k, _)| k.trim() == name)
        .map(|(_, v)| v.trim().to_string())
        .collect()
}

fn one(head: &str, name: &str) -> Option<String> {
    let v = values(head, name);
    assert!(v.len() <= 1, "{name} more than once: {head}");
    v.into_iter().next()
}

/// Asserts that each header of `expected` stands once in `head`, with its value.
fn assert_headers(head: &str, expected: &[(&str, &str)]) {
    for (name, value) in expected {
        assert_eq!(one(head, name).as_deref(), Some(*value), "{name}: {head}");
    }
}

async fn preflight(server: &Server, path: &str, origin: &str, method: &str) -> Reply {
    http(
        server.addr,
        "OPTIONS",
        path,
        &[
            ("Origin", origin),
            ("Access-Control-Request-Method", method),
            (
                "Access-Control-Request-Headers",
                "authorization,content-type",
            ),
        ],
        None,
    )
    .await
}

fn vary_has_origin(head: &str) -> bool {
    values(head, "vary")
        .iter()
        .flat_map(|v| v.split(','))
        .any(|v| v.trim() == "origin")
}

#[tokio::test]
async fn preflight_of_an_allowed_origin_is_a_204_naming_it() {
    let server = Server::with(|c| c.allowed_origins = vec!["http://127.0.0.1:5173".into()]).await;
    for origin in [
        "http://127.0.0.1:5173",
        // The desktop app's origins need no flag.
        "nps://localhost",
        "https://nps.localhost",
    ] {
        let r = preflight(&server, "/api/auth/login", origin, "POST").await;
        assert_eq!(r.status, 204, "{origin}: {}", r.head);
        assert_headers(
            &r.head,
            &[
                ("access-control-allow-origin", origin),
                ("access-control-allow-methods", "get,post,patch,delete"),
                ("access-control-allow-headers", "authorization,content-type"),
                ("access-control-max-age", "600"),
            ],
        );
        assert!(vary_has_origin(&r.head), "{}", r.head);
        assert_eq!(one(&r.head, "access-control-allow-credentials"), None);
        assert!(r.body.is_empty());
    }
    // A PATCH of a history entry and a DELETE are preflighted the same way.
    let r = preflight(
        &server,
        "/api/oracle/readings/1",
        "nps://localhost",
        "DELETE",
    )
    .await;
    assert_eq!(r.status, 204, "{}", r.head);
    server.stop().await;
}

#[tokio::test]
async fn actual_requests_of_an_allowed_origin_carry_the_headers_errors_too() {
    let server = Server::start().await;
    let origin = "nps://localhost";
    let r = get_health(server.addr, &[("Origin", origin)]).await;
    assert_eq!(r.status, 200, "{}", r.head);
    assert_eq!(
        one(&r.head, "access-control-allow-origin").as_deref(),
        Some(origin)
    );
    assert!(vary_has_origin(&r.head), "{}", r.head);
    assert_eq!(one(&r.head, "access-control-allow-credentials"), None);

    // A refusal of the API is readable by the page (it needs the code).
    let r = http(
        server.addr,
        "POST",
        "/api/oracle/reading",
        &[("Origin", origin), ("Content-Type", "application/json")],
        Some("{}"),
    )
    .await;
    assert_eq!(r.status, 401);
    assert_eq!(
        one(&r.head, "access-control-allow-origin").as_deref(),
        Some(origin)
    );

    // The same origin (no CORS needed) and no Origin at all: no CORS headers.
    let own = format!("http://{}", server.addr);
    let r = http(server.addr, "GET", "/api/health", &[("Origin", &own)], None).await;
    assert_eq!(r.status, 200);
    assert_eq!(
        one(&r.head, "access-control-allow-origin").as_deref(),
        Some(own.as_str())
    );
    let r = http(server.addr, "GET", "/api/health", &[], None).await;
    assert_eq!(r.status, 200);
    assert_eq!(one(&r.head, "access-control-allow-origin"), None);
    server.stop().await;
}

#[tokio::test]
async fn a_foreign_origin_gets_403_and_no_cors_headers() {
    let server = Server::start().await;
    for (method, path) in [("OPTIONS", "/api/auth/login"), ("GET", "/api/health")] {
        let r = http(
            server.addr,
            method,
            path,
            &[
                ("Origin", "http://evil.example"),
                ("Access-Control-Request-Method", "POST"),
            ],
            None,
        )
        .await;
        assert_eq!(r.status, 403, "{method} {path}: {}", r.head);
        assert_eq!(one(&r.head, "access-control-allow-origin"), None);
        let (_, body) = r.json();
        assert_eq!(body["error"]["code"], "forbidden");
    }
    // `tauri://localhost` is no longer the app's origin: not allowed without a flag.
    let server2 = Server::with(|c| c.allowed_origins.clear()).await;
    let r = preflight(&server2, "/api/auth/login", "tauri://localhost", "POST").await;
    assert_eq!(r.status, 403);
    server.stop().await;
    server2.stop().await;
}

#[tokio::test]
async fn any_origin_allows_every_origin_by_name_never_credentials() {
    let server = Server::with(|c| c.allowed_origins = vec!["*".into()]).await;
    for origin in ["http://evil.example", "https://app.example:8443"] {
        let r = preflight(&server, "/api/auth/login", origin, "POST").await;
        assert_eq!(r.status, 204, "{origin}: {}", r.head);
        assert_eq!(
            one(&r.head, "access-control-allow-origin").as_deref(),
            Some(origin)
        );
        assert!(vary_has_origin(&r.head));
        assert_eq!(one(&r.head, "access-control-allow-credentials"), None);
    }
    // The socket follows the same list: a foreign origin gets its welcome.
    let mut ws = connect_req(with_header(
        &server.url_for("alice"),
        "Origin",
        "http://evil.example",
    ))
    .await
    .0;
    expect_welcome(&mut ws).await;
    // DNS rebinding is still refused: `*` is about origins, not the Host rule.
    let r = get_health(
        server.addr,
        &[("Host", "evil.example"), ("Origin", "http://evil.example")],
    )
    .await;
    assert_eq!(r.status, 403);
    drop(ws);
    server.stop().await;
}

#[tokio::test]
async fn security_headers_on_pages_api_and_refusals() {
    static ASSETS: &[(&str, &[u8])] = &[("index.html", b"<!doctype html><title>x</title>")];
    let server = Server::with(|c| c.ui_assets = Some(ASSETS)).await;
    for (path, origin, status) in [
        ("/", None, 200),
        ("/api/health", None, 200),
        ("/missing.js", None, 404),
        ("/", Some("http://evil.example"), 403),
    ] {
        let headers: Vec<(&str, &str)> = origin.map(|o| ("Origin", o)).into_iter().collect();
        let r = http(server.addr, "GET", path, &headers, None).await;
        assert_eq!(r.status, status, "{path}");
        let csp = one(&r.head, "content-security-policy").unwrap_or_default();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(csp.contains("'wasm-unsafe-eval'"), "{path}: {csp}");
        assert!(csp.contains("connect-src 'self' https: wss:"), "{csp}");
        assert_headers(
            &r.head,
            &[
                ("x-content-type-options", "nosniff"),
                ("referrer-policy", "no-referrer"),
            ],
        );
    }
    server.stop().await;
}

#[cfg(unix)]
#[tokio::test]
async fn the_ui_directory_serves_no_dotfiles_and_no_symlinks_out_of_it() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "outside secret").unwrap();
    let ui = tempfile::tempdir().unwrap();
    let root = ui.path();
    std::fs::write(root.join("index.html"), "<title>ui</title>").unwrap();
    std::fs::write(root.join(".env"), "TOKEN=x").unwrap();
    std::fs::create_dir(root.join(".git")).unwrap();
    std::fs::write(root.join(".git/config"), "[core]").unwrap();
    std::fs::create_dir(root.join("fonts")).unwrap();
    std::fs::write(root.join("fonts/a.woff2"), "wOF2").unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.txt"), root.join("leak.txt")).unwrap();
    std::os::unix::fs::symlink(outside.path(), root.join("out")).unwrap();
    // A symlink that stays inside is fine.
    std::os::unix::fs::symlink(root.join("fonts/a.woff2"), root.join("alias.woff2")).unwrap();
    let server = Server::with(|c| c.ui_dir = Some(root.to_path_buf())).await;
    for (path, status) in [
        ("/", 200),
        ("/index.html", 200),
        ("/fonts/a.woff2", 200),
        ("/alias.woff2", 200),
        ("/.env", 404),
        ("/%2eenv", 404),
        ("/.git/config", 404),
        ("/fonts/../.env", 404),
        ("/leak.txt", 404),
        ("/out/secret.txt", 404),
        ("/out/", 404),
        ("/nothing-here", 404),
    ] {
        let r = http(server.addr, "GET", path, &[], None).await;
        assert_eq!(r.status, status, "{path}: {}", r.head);
        assert!(
            !String::from_utf8_lossy(&r.body).contains("secret")
                && !String::from_utf8_lossy(&r.body).contains("TOKEN"),
            "{path}"
        );
        if status == 404 {
            let (_, body) = r.json();
            assert_eq!(body["error"]["code"], "not_found", "{path}");
        }
    }
    server.stop().await;
}

#[tokio::test]
async fn embedded_assets_serve_no_dotfiles() {
    static ASSETS: &[(&str, &[u8])] =
        &[("index.html", b"<title>x</title>"), (".hidden", b"TOKEN=x")];
    let server = Server::with(|c| c.ui_assets = Some(ASSETS)).await;
    assert_eq!(http(server.addr, "GET", "/", &[], None).await.status, 200);
    assert_eq!(
        http(server.addr, "GET", "/.hidden", &[], None).await.status,
        404
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_owner_name_local_is_no_login() {
    // `local`: a row made by hand (or before the name was reserved) with a known
    // password.
    let server = Server::with_users(&["local", "sara"], |_| {}).await;
    for name in ["local", "LOCAL", " local "] {
        let (status, body) = server.login(name, PASSWORD).await;
        assert_eq!(status, 401, "{name}: {body}");
        assert_eq!(body["error"]["code"], "unauthorized");
    }
    assert_eq!(server.login("sara", PASSWORD).await.0, 200);
    assert!(nps_server::accounts::is_reserved_username(" Local"));
    assert!(!nps_server::accounts::is_reserved_username("locale"));
    server.stop().await;
}
