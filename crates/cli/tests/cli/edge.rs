//! `nps serve` at the edge of the network (issue 10 items 2 and 12): plain HTTP only on
//! loopback unless TLS or a proxy is named, HTTPS with a certificate, and a server
//! whose stdout and stderr pipes were closed by the reader keeps answering and still
//! stops on SIGTERM.

use std::process::Output;

use super::nps;

/// The one-line refusal of `out`, which exited with 2.
fn refusal(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stderr).trim_end().to_owned();
    assert_eq!(text.lines().count(), 1, "{text}");
    text
}

#[test]
fn plain_http_on_a_public_address_is_refused_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    // (global flags, --bind, what the refusal names): in Persian too, the same flags.
    let cases: [(&[&str], &str, &[&str]); 2] = [
        (
            &[],
            "0.0.0.0:0",
            &["0.0.0.0:0", "--tls-cert/--tls-key", "--behind-proxy"],
        ),
        (
            &["--locale", "fa"],
            "[::]:0",
            &["--tls-cert/--tls-key", "--behind-proxy", "رمزنگاری"],
        ),
    ];
    for (global, bind, named) in cases {
        let mut args = global.to_vec();
        args.extend(["serve", "--bind", bind, "--data-dir", data]);
        let line = refusal(&nps(&args));
        for word in named {
            assert!(line.contains(word), "{word}: {line}");
        }
    }
}

#[test]
fn unusable_tls_files_are_refused_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let missing = dir.path().join("nope.pem");
    let missing = missing.to_str().unwrap();
    let out = nps(&[
        "serve",
        "--bind",
        "127.0.0.1:0",
        "--data-dir",
        data,
        "--tls-cert",
        missing,
        "--tls-key",
        missing,
    ]);
    let line = refusal(&out);
    assert!(
        line.contains("cannot use the TLS certificate") && line.contains("nope.pem"),
        "{line}"
    );
    // One of the pair alone is a usage error.
    let out = nps(&["serve", "--data-dir", data, "--tls-cert", missing]);
    assert_eq!(out.status.code(), Some(2));
}

/// Unix only: openssl makes the certificate, and SIGTERM stops the server (the Windows
/// run under Wine has neither; scripts/test-windows.sh stops its server with Ctrl-C).
#[cfg(unix)]
mod unix {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::net::TcpStream;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    #[test]
    fn serve_with_a_certificate_listens_on_https() {
        let dir = tempfile::tempdir().unwrap();
        let status = Command::new("openssl")
            .args([
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
            ])
            .args(["-nodes", "-days", "1", "-subj", "/CN=localhost"])
            .args(["-keyout", "key.pem", "-out", "cert.pem"])
            .current_dir(dir.path())
            .stderr(Stdio::null())
            .status()
            .expect("openssl (installed by scripts/dev.sh)");
        assert!(status.success());
        let mut command = Command::new(env!("CARGO_BIN_EXE_nps"));
        command
            .args(["serve", "--bind", "127.0.0.1:0", "--tls-cert", "cert.pem"])
            .args(["--tls-key", "key.pem", "--data-dir", "data"])
            .current_dir(dir.path())
            .env_remove("NPS_JWT_SECRET");
        let (mut child, line) = crate::serve::start(command);
        let addr = line.trim().strip_prefix("listening on https://");
        let addr = addr.unwrap_or_else(|| panic!("{line}")).to_owned();
        // A TLS ClientHello gets a TLS answer (a handshake record, 0x16), not HTTP.
        let mut s = TcpStream::connect(&addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        s.write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
            .unwrap();
        let mut answer = Vec::new();
        let _ = s.read_to_end(&mut answer);
        assert!(!String::from_utf8_lossy(&answer).contains("200 OK"));
        let _ = child.kill();
        let _ = child.wait();
    }

    /// A raw `GET /api/health`: the status line.
    fn health(addr: &str) -> String {
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        write!(
            s,
            "GET /api/health HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut out = String::new();
        let _ = s.read_to_string(&mut out);
        out.lines().next().unwrap_or_default().to_owned()
    }

    /// Issue 10 item 12: with both pipes closed by their reader (every log line now
    /// fails with EPIPE), `nps serve` keeps answering, and SIGTERM still stops it with 0.
    #[test]
    fn serve_with_its_output_pipes_closed_keeps_answering_and_stops_on_sigterm() {
        let dir = tempfile::tempdir().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_nps"))
            .args(["serve", "--bind", "127.0.0.1:0", "--data-dir"])
            .arg(dir.path())
            .env_remove("NPS_JWT_SECRET")
            .env("RUST_LOG", "debug")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .unwrap()
            .to_owned();
        // The reader dies: both pipes are closed.
        drop(stdout);
        drop(child.stderr.take());
        // More log output than a pipe holds (64 KiB): every request logs at debug.
        for i in 0..300 {
            assert_eq!(health(&addr), "HTTP/1.1 200 OK", "request {i}");
        }
        assert_eq!(child.try_wait().unwrap(), None, "the server died");
        let status = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let deadline = Instant::now() + Duration::from_secs(20);
        let code = loop {
            if let Some(code) = child.try_wait().unwrap() {
                break code;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("SIGTERM did not stop the server within 20 s");
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        assert!(code.success(), "{code:?}");
    }
}
