//! A minimal HTTP/1.1 client over one keep-alive TCP connection: enough for
//! `POST /api/oracle/reading` and `POST /api/admin/daily` against our own
//! server, and cheap enough that the client is never the bottleneck (one
//! write per request, a buffered read of the answer, no pooling logic).
//!
//! Answers are read by `Content-Length` or `Transfer-Encoding: chunked`; a
//! `Connection: close` answer marks the connection unusable.

use std::io;
use std::net::SocketAddr;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// The largest answer head or body accepted (our answers are a few KiB).
const MAX_RESPONSE: usize = 1024 * 1024;

/// One keep-alive connection to the server.
#[derive(Debug)]
pub struct HttpConn {
    stream: BufReader<TcpStream>,
    host: String,
    reusable: bool,
}

/// Status and body of one answer.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub body: Vec<u8>,
}

impl Response {
    /// `HTTP <status>: <the body's first 200 characters>`, for an error sample.
    pub fn error_sample(&self) -> String {
        let body: String = String::from_utf8_lossy(&self.body)
            .chars()
            .take(200)
            .collect();
        format!("HTTP {}: {body}", self.status)
    }
}

impl HttpConn {
    pub async fn connect(addr: SocketAddr) -> io::Result<Self> {
        if !addr.ip().is_loopback() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "the load test only talks to loopback addresses",
            ));
        }
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        Ok(Self {
            stream: BufReader::with_capacity(16 * 1024, stream),
            host: addr.to_string(),
            reusable: true,
        })
    }

    /// Whether the connection can take another request.
    pub fn is_reusable(&self) -> bool {
        self.reusable
    }

    /// Sends one request and reads its answer. `body` is sent as JSON.
    pub async fn request(
        &mut self,
        method: &str,
        path: &str,
        bearer: &str,
        body: Option<&str>,
    ) -> io::Result<Response> {
        let request = encode_request(&self.host, method, path, bearer, body);
        let result = self.exchange(&request).await;
        if result.is_err() {
            self.reusable = false;
        }
        result
    }

    /// Writes `request` in one write and reads the answer.
    async fn exchange(&mut self, request: &[u8]) -> io::Result<Response> {
        self.stream.get_mut().write_all(request).await?;
        self.read_response().await
    }

    async fn read_response(&mut self) -> io::Result<Response> {
        let mut line = String::new();
        self.read_line(&mut line).await?;
        let status = parse_status_line(&line)?;
        let mut length: Option<usize> = None;
        let mut chunked = false;
        let mut head_bytes = line.len();
        loop {
            line.clear();
            self.read_line(&mut line).await?;
            head_bytes += line.len();
            if head_bytes > MAX_RESPONSE {
                return Err(bad("answer head too large"));
            }
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            let Some((name, value)) = l.split_once(':') else {
                return Err(bad("malformed header"));
            };
            let (name, value) = (name.trim(), value.trim());
            if name.eq_ignore_ascii_case("content-length") {
                length = Some(value.parse().map_err(|_| bad("bad content-length"))?);
            } else if name.eq_ignore_ascii_case("transfer-encoding") {
                chunked = value.to_ascii_lowercase().contains("chunked");
            } else if name.eq_ignore_ascii_case("connection") && value.eq_ignore_ascii_case("close")
            {
                self.reusable = false;
            }
        }
        let body = if chunked {
            self.read_chunked().await?
        } else if let Some(n) = length {
            if n > MAX_RESPONSE {
                return Err(bad("answer body too large"));
            }
            let mut body = vec![0; n];
            self.stream.read_exact(&mut body).await?;
            body
        } else {
            // No length: the body runs to the end of the connection.
            self.reusable = false;
            let mut body = Vec::new();
            (&mut self.stream)
                .take(MAX_RESPONSE as u64)
                .read_to_end(&mut body)
                .await?;
            body
        };
        Ok(Response { status, body })
    }

    async fn read_chunked(&mut self) -> io::Result<Vec<u8>> {
        let mut body = Vec::new();
        let mut line = String::new();
        loop {
            line.clear();
            self.read_line(&mut line).await?;
            let size_text = line.trim().split(';').next().unwrap_or_default();
            let size = usize::from_str_radix(size_text, 16).map_err(|_| bad("bad chunk size"))?;
            if body.len() + size > MAX_RESPONSE {
                return Err(bad("answer body too large"));
            }
            if size == 0 {
                // Trailers, up to the empty line.
                loop {
                    line.clear();
                    self.read_line(&mut line).await?;
                    if line.trim_end().is_empty() {
                        return Ok(body);
                    }
                }
            }
            let start = body.len();
            body.resize(start + size, 0);
            self.stream.read_exact(&mut body[start..]).await?;
            line.clear();
            self.read_line(&mut line).await?;
        }
    }

    async fn read_line(&mut self, line: &mut String) -> io::Result<()> {
        let n = (&mut self.stream).take(8 * 1024).read_line(line).await?;
        if n == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the server closed the connection",
            ));
        }
        Ok(())
    }
}

/// The bytes of one request; `body`, when given, is sent as JSON.
fn encode_request(
    host: &str,
    method: &str,
    path: &str,
    bearer: &str,
    body: Option<&str>,
) -> Vec<u8> {
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {bearer}\r\nAccept: application/json\r\n"
    );
    match body {
        Some(b) => {
            head.push_str(&format!(
                "Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                b.len()
            ));
            let mut request = head.into_bytes();
            request.extend_from_slice(b.as_bytes());
            request
        }
        None => {
            head.push_str("\r\n");
            head.into_bytes()
        }
    }
}

fn parse_status_line(line: &str) -> io::Result<u16> {
    let mut parts = line.split_whitespace();
    match (parts.next(), parts.next()) {
        (Some(v), Some(code)) if v.starts_with("HTTP/1.") => {
            code.parse().map_err(|_| bad("bad status code"))
        }
        _ => Err(bad("bad status line")),
    }
}

fn bad(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::net::TcpListener;

    async fn serve_once(answer: &'static [u8]) -> SocketAddr {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            let (mut s, _) = listener.accept().await.expect("accept");
            let mut buf = vec![0; 4096];
            let _ = s.read(&mut buf).await;
            s.write_all(answer).await.expect("write");
            let _ = s.read(&mut buf).await;
        });
        addr
    }

    #[tokio::test]
    async fn reads_content_length_and_chunked_answers() {
        let addr = serve_once(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}").await;
        let mut c = HttpConn::connect(addr).await.expect("connect");
        let r = c.request("GET", "/", "t", None).await.expect("answer");
        assert_eq!((r.status, r.body.as_slice()), (200, &b"{}"[..]));
        assert!(c.is_reusable());

        let addr = serve_once(
            b"HTTP/1.1 422 Unprocessable\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n",
        )
        .await;
        let mut c = HttpConn::connect(addr).await.expect("connect");
        let r = c
            .request("POST", "/", "t", Some("{}"))
            .await
            .expect("answer");
        assert_eq!((r.status, r.body.as_slice()), (422, &b"abcde"[..]));
        assert!(!c.is_reusable());
    }

    #[tokio::test]
    async fn refuses_addresses_off_loopback() {
        let addr: SocketAddr = "192.0.2.1:80".parse().expect("addr");
        assert!(HttpConn::connect(addr).await.is_err());
    }
}
