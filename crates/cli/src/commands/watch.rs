//! `nps watch --url ws://HOST:PORT/ws/oracle --token T`: every event as one JSON line,
//! resuming after a dropped connection (DESIGN §3).

use std::time::{Duration, Instant};

use clap::Args;
use futures_util::{SinkExt, StreamExt};
use nps_i18n::Locale;
use nps_protocol::{Envelope, Event};
use tokio_tungstenite::tungstenite::Message as Frame;

use crate::error::{CliError, Message, Result};
use crate::output::outln;

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// ws://HOST:PORT/ws/oracle
    #[arg(long)]
    pub url: String,
    /// An access token (`nps token --user NAME`).
    #[arg(long, env = "NPS_TOKEN", hide_env_values = true)]
    pub token: String,
}

/// Where to resume: the server's epoch and the last `seq` printed.
type Resume = Option<(u64, u64)>;

pub fn run(locale: Locale, args: &WatchArgs) -> Result<()> {
    let runtime =
        tokio::runtime::Runtime::new().map_err(|e| CliError::failed("cli-error-runtime", e))?;
    runtime.block_on(watch_loop(locale, args))
}

/// Connects, prints, resumes with `last_seq`/`epoch`, and reconnects with DESIGN §3's
/// backoff (1 s doubling to 30 s, full jitter, reset after 10 s up) — except after a
/// close code that says not to (4001, 4003 …) or that the token expired (4002).
async fn watch_loop(locale: Locale, args: &WatchArgs) -> Result<()> {
    let mut resume: Resume = None;
    let mut attempt: u32 = 0;
    loop {
        let started = Instant::now();
        if let Some(code) = session(locale, args, &mut resume).await? {
            stop_after(code)?;
        }
        let reset = Duration::from_millis(nps_protocol::backoff::BACKOFF_RESET_AFTER_MS);
        if started.elapsed() >= reset {
            attempt = 0;
        }
        tokio::time::sleep(nps_protocol::backoff_delay(attempt, jitter())).await;
        attempt = attempt.saturating_add(1);
    }
}

/// One connection: answers pings and prints every event until the socket closes;
/// returns the close code, if the server sent one.
async fn session(locale: Locale, args: &WatchArgs, resume: &mut Resume) -> Result<Option<u16>> {
    let socket = match tokio_tungstenite::connect_async(url(args, *resume).as_str()).await {
        Ok((socket, _)) => socket,
        Err(e) => {
            let line = Message::new("cli-watch-cannot-connect").with("error", e.to_string());
            eprintln!("nps: {}", line.render(locale));
            return Ok(None);
        }
    };
    let (mut tx, mut rx) = socket.split();
    while let Some(frame) = rx.next().await {
        match frame {
            Ok(Frame::Text(text)) if text.as_str() == "ping" => {
                let _ = tx.send(Frame::text("pong")).await;
            }
            Ok(Frame::Text(text)) => {
                track(resume, text.as_str());
                outln!("{}", text.as_str())?;
            }
            Ok(Frame::Close(frame)) => return Ok(frame.map(|f| u16::from(f.code))),
            Ok(_) => {}
            Err(_) => break,
        }
    }
    Ok(None)
}

/// The socket URL with the token and, after a first connection, where to resume.
fn url(args: &WatchArgs, resume: Resume) -> String {
    let separator = if args.url.contains('?') { '&' } else { '?' };
    let mut url = format!("{}{separator}token={}", args.url, args.token);
    if let Some((epoch, seq)) = resume {
        url.push_str(&format!("&last_seq={seq}&epoch={epoch}"));
    }
    url
}

/// Follows the epoch of `welcome` and the `seq` of every other event.
fn track(resume: &mut Resume, text: &str) {
    let Ok(envelope) = Envelope::from_json(text) else {
        return;
    };
    *resume = match (&envelope.event, *resume) {
        // The same epoch: keep the last seq seen (the welcome repeats the server's).
        (Event::Welcome(w), Some((epoch, seq))) if epoch == w.epoch => Some((epoch, seq)),
        (Event::Welcome(w), _) => Some((w.epoch, w.seq)),
        (_, Some((epoch, _))) => Some((epoch, envelope.seq)),
        (_, None) => None,
    };
}

/// Whether to stop after close code `code`: bad input (exit 2) when the server will
/// not take this token back.
fn stop_after(code: u16) -> Result<()> {
    if !nps_protocol::close::should_reconnect(code) {
        return Err(CliError::input(
            Message::new("cli-watch-closed").number("code", code),
        ));
    }
    if nps_protocol::close::needs_new_token(code) {
        return Err(CliError::input(Message::new("cli-watch-token-expired")));
    }
    Ok(())
}

/// A uniform random number in [0, 1) for the backoff's jitter (0.5 without one).
fn jitter() -> f64 {
    let mut r = [0u8; 8];
    getrandom::fill(&mut r)
        .map(|()| (u64::from_le_bytes(r) >> 11) as f64 / (1u64 << 53) as f64)
        .unwrap_or(0.5)
}
