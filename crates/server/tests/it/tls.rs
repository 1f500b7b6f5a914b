//! HTTPS and WSS (issue 10 item 2) with certificates made by `openssl` for each test
//! (no key is committed; `scripts/dev.sh` installs openssl). Unix only: the Windows
//! run of these tests (under Wine) has no openssl to call.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use futures_util::StreamExt;
use nps_server::Config;
use tokio::net::TcpStream;
use tokio::time::timeout;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

use crate::edge::{exchange, send_and_read_to_end};
use crate::support::*;

/// A certificate for `localhost` and 127.0.0.1 signed by a throwaway CA, made by
/// `openssl` in `dir`: (CA certificate, server certificate, server key) paths.
fn make_certificate(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    std::fs::write(
        dir.join("leaf.ext"),
        "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=critical,CA:FALSE\n",
    )
    .expect("write");
    let ec = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
    for step in [
        format!("req -x509 -days 1 -subj /CN=nps-test-CA {ec} -keyout ca.key -out ca.pem"),
        format!("req -subj /CN=localhost {ec} -keyout key.pem -out leaf.csr"),
        "x509 -req -days 1 -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial \
         -extfile leaf.ext -out cert.pem"
            .to_owned(),
    ] {
        let out = Command::new("openssl")
            .args(step.split_whitespace())
            .current_dir(dir)
            .output()
            .expect("openssl (installed by scripts/dev.sh)");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "openssl {step}: {err}");
    }
    (
        dir.join("ca.pem"),
        dir.join("cert.pem"),
        dir.join("key.pem"),
    )
}

fn tls_connector(cert: &Path) -> tokio_rustls::TlsConnector {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;
    let mut roots = rustls::RootCertStore::empty();
    roots
        .add(CertificateDer::from_pem_file(cert).expect("cert"))
        .expect("root");
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("versions")
    .with_root_certificates(roots)
    .with_no_client_auth();
    tokio_rustls::TlsConnector::from(Arc::new(config))
}

#[tokio::test]
async fn https_and_wss_with_a_certificate() {
    let certs = tempfile::tempdir().expect("temp dir");
    let (ca, cert, key) = make_certificate(certs.path());
    let tls = nps_server::tls::load(&cert, &key).expect("a usable certificate");
    let server = Server::with(move |c: &mut Config| c.tls = Some(tls)).await;
    let connector = tls_connector(&ca);
    let name = rustls::pki_types::ServerName::try_from("localhost").expect("name");
    let host = format!("localhost:{}", server.addr.port());

    let tcp = TcpStream::connect(server.addr).await.expect("connect");
    let mut https = connector
        .connect(name.clone(), tcp)
        .await
        .expect("TLS handshake");
    let (status, _, body) = exchange(
        &mut https,
        &format!("GET /api/health HTTP/1.1\r\nHost: {host}\r\n"),
    )
    .await;
    assert_eq!(status, 200);
    assert!(body.contains(r#""status":"ok""#), "{body}");

    let tcp = TcpStream::connect(server.addr).await.expect("connect");
    let tls_stream = connector.connect(name, tcp).await.expect("TLS handshake");
    let url = format!("wss://{host}/ws/oracle?token={}", token("alice"));
    let (mut wss, _) =
        tokio_tungstenite::client_async(url.into_client_request().expect("url"), tls_stream)
            .await
            .expect("WSS handshake");
    let first = timeout(WAIT, wss.next())
        .await
        .expect("a frame")
        .expect("open")
        .expect("frame");
    let Message::Text(text) = first else {
        panic!("not text: {first:?}");
    };
    assert!(text.contains(r#""event":"welcome""#), "{text}");
    assert!(text.contains(r#""user_id":"alice""#), "{text}");

    // Plain HTTP on the TLS port gets no HTTP answer.
    let mut plain = TcpStream::connect(server.addr).await.expect("connect");
    let answer = send_and_read_to_end(
        &mut plain,
        &format!("GET /api/health HTTP/1.1\r\nHost: {host}\r\n\r\n"),
    )
    .await;
    assert!(!answer.contains("HTTP/1.1 200"), "{answer}");
    drop(wss);
    server.shutdown().await.expect("clean shutdown");
}

#[test]
fn unusable_certificates_are_refused_with_the_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, cert, key) = make_certificate(dir.path());
    let missing = dir.path().join("missing.pem");
    let err = nps_server::tls::load(&missing, &key).expect_err("no certificate file");
    assert!(err.to_string().contains("missing.pem"), "{err}");
    let err = nps_server::tls::load(&cert, &cert).expect_err("a certificate is no key");
    assert!(
        err.to_string()
            .starts_with("cannot read the TLS private key"),
        "{err}"
    );
    // A key of another certificate.
    let other = tempfile::tempdir().expect("temp dir");
    let (_, _, other_key) = make_certificate(other.path());
    let err = nps_server::tls::load(&cert, &other_key).expect_err("mismatched");
    assert!(
        err.to_string()
            .starts_with("the TLS certificate and key do not go together"),
        "{err}"
    );
}
