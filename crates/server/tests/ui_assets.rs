//! `Config::ui_assets`: the web UI embedded in the binary (the desktop shell) is
//! served from memory on a real loopback server, behind the same access checks.

use std::net::SocketAddr;

use nps_server::{AppState, Config};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const SECRET: &[u8] = b"a ui-assets test secret, long enough!!!!";

static ASSETS: &[(&str, &[u8])] = &[
    ("index.html", b"<!doctype html><title>NPS Oracle</title>"),
    ("nps-ui_bg.wasm", b"\0asm\x01\0\0\0"),
    ("fonts/a.woff2", b"wOF2"),
];

/// One HTTP/1.1 request; returns the status code, the raw head and the body.
async fn get(
    addr: SocketAddr,
    method: &str,
    path: &str,
    origin: Option<&str>,
) -> (u16, String, Vec<u8>) {
    let mut s = TcpStream::connect(addr).await.unwrap();
    let origin = origin
        .map(|o| format!("Origin: {o}\r\n"))
        .unwrap_or_default();
    let req =
        format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\n{origin}Connection: close\r\n\r\n");
    s.write_all(req.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).await.unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let status = head[9..12].parse().unwrap();
    (status, head, raw[split + 4..].to_vec())
}

#[tokio::test]
async fn embedded_assets_are_served_with_their_types() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::new(SECRET.to_vec());
    config.data_dir = Some(dir.path().to_path_buf());
    config.daily_locales = Vec::new();
    config.ui_assets = Some(ASSETS);
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let state = AppState::new(config).unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(nps_server::serve(listener, state, async move {
        let _ = stopped.await;
    }));

    let (status, head, body) = get(addr, "GET", "/", None).await;
    assert_eq!(status, 200, "{head}");
    assert!(head.contains("content-type: text/html"), "{head}");
    assert_eq!(body, ASSETS[0].1);

    let (status, head, body) =
        get(addr, "GET", "/index.html", Some(&format!("http://{addr}"))).await;
    assert_eq!(status, 200, "{head}");
    assert_eq!(body, ASSETS[0].1);

    let (status, head, body) = get(addr, "GET", "/nps-ui_bg.wasm", None).await;
    assert_eq!(status, 200);
    assert!(head.contains("content-type: application/wasm"), "{head}");
    assert_eq!(body, ASSETS[1].1);

    let (status, head, _) = get(addr, "GET", "/fonts/a.woff2", None).await;
    assert_eq!(status, 200);
    assert!(head.contains("content-type: font/woff2"), "{head}");

    let (status, head, body) = get(addr, "HEAD", "/nps-ui_bg.wasm", None).await;
    assert_eq!(status, 200);
    assert!(head.contains("content-length: 8"), "{head}");
    assert!(body.is_empty());

    // Missing files and other methods: 404 in the error shape.
    let (status, _, body) = get(addr, "GET", "/missing.js", None).await;
    assert_eq!(status, 404);
    assert!(String::from_utf8_lossy(&body).contains("\"error\""));
    assert_eq!(get(addr, "POST", "/index.html", None).await.0, 404);
    assert_eq!(get(addr, "GET", "/../index.html", None).await.0, 404);

    // The API still wins over the fallback, and a foreign origin is refused.
    assert_eq!(get(addr, "GET", "/api/health", None).await.0, 200);
    assert_eq!(
        get(addr, "GET", "/", Some("http://evil.example")).await.0,
        403
    );

    let _ = stop.send(());
    task.await.unwrap().unwrap();
}

#[tokio::test]
async fn without_assets_or_ui_dir_every_page_is_a_404() {
    let mut config = Config::new(SECRET.to_vec());
    config.daily_locales = Vec::new();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let state = AppState::new(config).unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(nps_server::serve(listener, state, async move {
        let _ = stopped.await;
    }));
    assert_eq!(get(addr, "GET", "/", None).await.0, 404);
    let _ = stop.send(());
    task.await.unwrap().unwrap();
}
