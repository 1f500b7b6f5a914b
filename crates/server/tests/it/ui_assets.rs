//! `Config::ui_assets`: the web UI embedded in the binary (the desktop shell) is
//! served from memory on a real loopback server, behind the same access checks.

use crate::support::*;

static ASSETS: &[(&str, &[u8])] = &[
    ("index.html", b"<!doctype html><title>NPS Oracle</title>"),
    ("nps-ui_bg.wasm", b"\0asm\x01\0\0\0"),
    ("fonts/a.woff2", b"wOF2"),
    ("nps-ui.js", b"export default 1;"),
];

async fn get(server: &Server, method: &str, path: &str, origin: Option<&str>) -> Reply {
    let headers: Vec<(&str, &str)> = origin.map(|o| ("Origin", o)).into_iter().collect();
    http(server.addr, method, path, &headers, None).await
}

#[tokio::test]
async fn embedded_assets_are_served_with_their_types() {
    let server = Server::with(|c| c.ui_assets = Some(ASSETS)).await;

    let r = get(&server, "GET", "/", None).await;
    assert_eq!(r.status, 200, "{}", r.head);
    assert!(
        r.head.contains("content-type: text/html; charset=utf-8"),
        "{}",
        r.head
    );
    assert_eq!(r.body, ASSETS[0].1);

    let own = format!("http://{}", server.addr);
    let r = get(&server, "GET", "/index.html", Some(&own)).await;
    assert_eq!(r.status, 200, "{}", r.head);
    assert_eq!(r.body, ASSETS[0].1);

    for (path, content_type, body) in [
        (
            "/nps-ui_bg.wasm",
            "content-type: application/wasm",
            ASSETS[1].1,
        ),
        ("/fonts/a.woff2", "content-type: font/woff2", ASSETS[2].1),
        // A module script needs a JavaScript type.
        ("/nps-ui.js", "javascript; charset=utf-8", ASSETS[3].1),
    ] {
        let r = get(&server, "GET", path, None).await;
        assert_eq!(r.status, 200, "{path}");
        assert!(r.head.contains(content_type), "{path}: {}", r.head);
        assert_eq!(r.body, body, "{path}");
    }

    let r = get(&server, "HEAD", "/nps-ui_bg.wasm", None).await;
    assert_eq!(r.status, 200);
    assert!(r.head.contains("content-length: 8"), "{}", r.head);
    assert!(r.body.is_empty());

    // Missing files and other methods: 404 in the error shape.
    let r = get(&server, "GET", "/missing.js", None).await;
    assert_eq!(r.status, 404);
    assert!(String::from_utf8_lossy(&r.body).contains("\"error\""));
    assert_eq!(get(&server, "POST", "/index.html", None).await.status, 404);
    assert_eq!(
        get(&server, "GET", "/../index.html", None).await.status,
        404
    );

    // The API still wins over the fallback, and a foreign origin is refused.
    assert_eq!(get(&server, "GET", "/api/health", None).await.status, 200);
    assert_eq!(
        get(&server, "GET", "/", Some("http://evil.example"))
            .await
            .status,
        403
    );
    server.stop().await;
}

#[tokio::test]
async fn without_assets_or_ui_dir_every_page_is_a_404() {
    let server = Server::start().await;
    assert_eq!(get(&server, "GET", "/", None).await.status, 404);
    server.stop().await;
}
