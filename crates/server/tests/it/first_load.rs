//! The UI's first load (issue 14 item 10): a directory with brotli and gzip twins
//! (as `scripts/build-ui.sh` writes them) is served compressed as `Accept-Encoding`
//! allows, with a strong ETag per representation, a 304 for a matching
//! `If-None-Match`, and the cache policy of the file's name; embedded files get the
//! same ETags and policy.

use std::io::{Read, Write};

use crate::support::*;

const WASM: &str = "nps-ui_bg.0123456789abcdef.wasm";

/// A wasm-like body that compresses (repeated sections, as real wasm has).
fn wasm_bytes() -> Vec<u8> {
    let mut bytes = b"\0asm\x01\0\0\0".to_vec();
    for i in 0..1500u32 {
        bytes.extend_from_slice(
            format!("(func $f{i} (result i32) i32.const {})", i % 97).as_bytes(),
        );
    }
    bytes
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("brotli");
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("gzip");
    encoder.finish().expect("gzip")
}

/// Undoes one content encoding.
type Decoder = fn(&[u8]) -> Vec<u8>;

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::BrotliDecompress(&mut &bytes[..], &mut out).expect("a brotli body");
    out
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("a gzip body");
    out
}

/// A server of a UI directory (index.html and a fingerprinted wasm with its twins):
/// the server, the directory (kept while the server runs) and the wasm's bytes.
async fn ui_server() -> (Server, tempfile::TempDir, Vec<u8>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let wasm = wasm_bytes();
    std::fs::write(
        dir.path().join("index.html"),
        b"<!doctype html><title>NPS</title>",
    )
    .expect("write");
    std::fs::write(dir.path().join(WASM), &wasm).expect("write");
    std::fs::write(dir.path().join(format!("{WASM}.br")), brotli(&wasm)).expect("write");
    std::fs::write(dir.path().join(format!("{WASM}.gz")), gzip(&wasm)).expect("write");
    let root = dir.path().to_path_buf();
    let server = Server::with(|c| c.ui_dir = Some(root)).await;
    (server, dir, wasm)
}

#[tokio::test]
async fn ui_files_are_sent_compressed_as_the_client_accepts() {
    let (server, _dir, wasm) = ui_server().await;
    let path = format!("/{WASM}");

    let plain = get(&server, &path, &[]).await;
    assert_eq!(plain.status, 200, "{}", plain.head);
    assert_eq!(plain.body, wasm);
    assert_eq!(plain.header("content-encoding"), None);
    assert_eq!(plain.header("content-type"), Some("application/wasm"));

    // (Accept-Encoding, the encoding sent, its decoder): brotli when allowed, else gzip.
    let twins: [(&str, &str, Decoder); 2] = [
        ("gzip, deflate, br", "br", unbrotli),
        ("gzip", "gzip", gunzip),
    ];
    let mut sizes = Vec::new();
    for (accept, encoding, decode) in twins {
        let sent = get(&server, &path, &[("Accept-Encoding", accept)]).await;
        assert_eq!(sent.status, 200, "{}", sent.head);
        assert_eq!(sent.header("content-encoding"), Some(encoding));
        assert_eq!(sent.header("content-type"), Some("application/wasm"));
        assert_eq!(sent.header("vary"), Some("accept-encoding"));
        assert_eq!(decode(&sent.body), wasm);
        assert!(
            sent.body.len() * 4 < wasm.len(),
            "{encoding} {} of {}",
            sent.body.len(),
            wasm.len()
        );
        sizes.push(sent.body.len());
    }
    assert!(sizes[0] < sizes[1], "brotli is the smaller: {sizes:?}");

    // A file without twins is sent as it is, whatever the client accepts.
    let html = get(&server, "/", &[("Accept-Encoding", "br, gzip")]).await;
    assert_eq!(html.status, 200);
    assert_eq!(html.header("content-encoding"), None);
    server.stop().await;
}

#[tokio::test]
async fn etags_answer_304_and_names_decide_the_cache_policy() {
    let (server, dir, wasm) = ui_server().await;
    let path = format!("/{WASM}");
    let digest = nps_server::caching::content_digest(&wasm);

    let plain = get(&server, &path, &[]).await;
    assert_eq!(plain.header("etag"), Some(format!("\"{digest}\"").as_str()));
    assert_eq!(
        plain.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    let br = get(&server, &path, &[("Accept-Encoding", "br")]).await;
    let br_tag = format!("\"{digest}-br\"");
    assert_eq!(br.header("etag"), Some(br_tag.as_str()));

    // The tag the client holds → 304, no body, the same validators.
    let again = get(
        &server,
        &path,
        &[("Accept-Encoding", "br"), ("If-None-Match", &br_tag)],
    )
    .await;
    assert_eq!(again.status, 304, "{}", again.head);
    assert!(again.body.is_empty());
    assert_eq!(again.header("etag"), Some(br_tag.as_str()));
    assert_eq!(
        again.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );

    // Another tag → the whole file.
    let stale = get(&server, &path, &[("If-None-Match", "\"0123\"")]).await;
    assert_eq!(stale.status, 200);
    assert_eq!(stale.body, wasm);

    // index.html: revalidated every time, and a 304 when unchanged.
    let index = get(&server, "/", &[]).await;
    assert_eq!(index.header("cache-control"), Some("no-cache"));
    let index_tag = index.header("etag").expect("an etag").to_owned();
    assert_eq!(
        index_tag,
        format!(
            "\"{}\"",
            nps_server::caching::content_digest(b"<!doctype html><title>NPS</title>")
        )
    );
    let index_again = get(&server, "/index.html", &[("If-None-Match", &index_tag)]).await;
    assert_eq!(index_again.status, 304);

    // A new build replaces the file: the old tag no longer matches.
    std::fs::write(
        dir.path().join("index.html"),
        b"<!doctype html><title>NPS 2</title>",
    )
    .expect("write");
    let rebuilt = get(&server, "/", &[("If-None-Match", &index_tag)]).await;
    assert_eq!(rebuilt.status, 200);
    assert_eq!(rebuilt.body, b"<!doctype html><title>NPS 2</title>");
    assert_ne!(rebuilt.header("etag"), Some(index_tag.as_str()));
    server.stop().await;
}

/// `GET path` with these headers.
async fn get(server: &Server, path: &str, headers: &[(&str, &str)]) -> Reply {
    http(server.addr, "GET", path, headers, None).await
}

static EMBEDDED: &[(&str, &[u8])] = &[
    ("index.html", b"<!doctype html><title>NPS Oracle</title>"),
    ("boot.0123456789abcdef.js", b"export default 1;"),
];

#[tokio::test]
async fn embedded_files_have_etags_and_the_same_policy() {
    let server = Server::with(|c| c.ui_assets = Some(EMBEDDED)).await;
    let script = get(&server, "/boot.0123456789abcdef.js", &[]).await;
    let tag = format!(
        "\"{}\"",
        nps_server::caching::content_digest(b"export default 1;")
    );
    assert_eq!(script.header("etag"), Some(tag.as_str()));
    assert_eq!(
        script.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    let again = get(
        &server,
        "/boot.0123456789abcdef.js",
        &[("If-None-Match", &tag)],
    )
    .await;
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    let index = get(&server, "/", &[]).await;
    assert_eq!(index.header("cache-control"), Some("no-cache"));
    server.stop().await;
}
