//! Login throttling and reading rates (issue 10, item 4).
//!
//! - Password checks (argon2, slow and memory-hungry on purpose: 19 MiB each) run on
//!   [`Config::password_checks`] threads of their own; at most
//!   [`Config::password_queue`] more wait, and one beyond that is answered 503
//!   (`Retry-After: 1`) at once. Dedicated threads, not tokio's blocking pool: the
//!   allocator keeps freed argon2 memory per thread, so checks spread over hundreds of
//!   pool threads would keep hundreds of MiB. So a flood of logins costs bounded
//!   memory and time, and a real login waits behind at most the queue.
//! - Before any check, login attempts are counted per client IP and per username
//!   (`governor`'s keyed GCRA limiters); over either, 429 with `Retry-After`.
//! - Readings are counted per user; over, 429 with `Retry-After`.
//! - Refresh and logout requests are counted per client IP (each is a database write
//!   and needs no password, so a replay loop is cheap to send); over, 429.
//!
//! Each limiter forgets keys whose state is back to fresh ([`Throttle::prune`],
//! called by the server's janitor, and at once when a limiter tracks more than
//! [`MAX_TRACKED_KEYS`]), so their memory is bounded too. Usernames are counted
//! ASCII-lowercased (as the store matches them) and cut to
//! [`nps_store::MAX_USERNAME_CHARS`].

use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex, PoisonError};

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use tokio::sync::oneshot;

use crate::config::Config;
use crate::error::{ApiError, Limited};

/// Keys one limiter tracks before it prunes at once rather than at the next tick.
pub const MAX_TRACKED_KEYS: usize = 100_000;

/// The limiters and the password-check gate of one server.
pub struct Throttle {
    logins_per_ip: Limiter<IpAddr>,
    logins_per_username: Limiter<String>,
    readings_per_user: Limiter<String>,
    token_requests_per_ip: Limiter<IpAddr>,
    /// The queue of the password-check threads (they end when it is dropped).
    checks: SyncSender<Check>,
}

/// A password check, and where its answer goes.
type Check = (Box<dyn FnOnce() -> bool + Send>, oneshot::Sender<bool>);

impl Throttle {
    pub fn new(config: &Config) -> Self {
        Self {
            logins_per_ip: Limiter::per_minute(config.logins_per_ip_per_minute),
            logins_per_username: Limiter::per_minute(config.logins_per_username_per_minute),
            readings_per_user: Limiter::per_minute(config.readings_per_user_per_minute),
            token_requests_per_ip: Limiter::per_minute(config.token_requests_per_ip_per_minute),
            checks: password_threads(config.password_checks, config.password_queue),
        }
    }

    /// Counts a login attempt from `ip` for `username`: 429 if either is over its rate.
    pub fn login_attempt(&self, ip: IpAddr, username: &str) -> Result<(), ApiError> {
        let key: String = username
            .trim()
            .chars()
            .take(nps_store::MAX_USERNAME_CHARS)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        self.logins_per_ip
            .check(&ip)
            .and_then(|()| self.logins_per_username.check(&key))
            .map_err(|wait| ApiError::TooManyRequests(Limited::Logins, wait))
    }

    /// Counts a reading of `user`: 429 if over the rate.
    pub fn reading(&self, user: &str) -> Result<(), ApiError> {
        self.readings_per_user
            .check(&user.to_owned())
            .map_err(|wait| ApiError::TooManyRequests(Limited::Readings, wait))
    }

    /// Counts a refresh or logout request from `ip`: 429 if over the rate.
    pub fn token_request(&self, ip: IpAddr) -> Result<(), ApiError> {
        self.token_requests_per_ip
            .check(&ip)
            .map_err(|wait| ApiError::TooManyRequests(Limited::TokenRequests, wait))
    }

    /// Runs `check` (a password verification) on a password-check thread; 503 at once
    /// when every thread is busy and the queue is full.
    pub async fn check_password(
        &self,
        check: impl FnOnce() -> bool + Send + 'static,
    ) -> Result<bool, ApiError> {
        let (answer, answered) = oneshot::channel();
        self.checks
            .try_send((Box::new(check), answer))
            .map_err(|e| match e {
                TrySendError::Full(_) => ApiError::Busy,
                TrySendError::Disconnected(_) => ApiError::internal("no password-check thread"),
            })?;
        answered.await.map_err(ApiError::internal)
    }

    /// Forgets every key whose limit is back to fresh; the number still tracked.
    pub fn prune(&self) -> usize {
        self.logins_per_ip.prune()
            + self.logins_per_username.prune()
            + self.readings_per_user.prune()
            + self.token_requests_per_ip.prune()
    }
}

impl std::fmt::Debug for Throttle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Throttle").finish_non_exhaustive()
    }
}

/// `threads` threads running the checks of a queue holding at most `queue` more.
fn password_threads(threads: usize, queue: usize) -> SyncSender<Check> {
    let (send, receive) = sync_channel::<Check>(queue);
    let receive = Arc::new(Mutex::new(receive));
    for i in 0..threads.max(1) {
        let receive = Arc::clone(&receive);
        let spawned = std::thread::Builder::new()
            .name(format!("nps-password-{i}"))
            .spawn(move || run_checks(&receive));
        if let Err(e) = spawned {
            tracing::error!(error = %e, "cannot start a password-check thread");
        }
    }
    send
}

fn run_checks(queue: &Mutex<Receiver<Check>>) {
    loop {
        // The lock guards only the receiver; a poisoned one is still usable.
        let next = queue.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok((check, answer)) = next else {
            return; // the server is gone
        };
        let _ = answer.send(check()); // the caller may have gone away
    }
}

/// One keyed limiter: `n` a minute, bursts of `n`.
struct Limiter<K: Hash + Eq + Clone> {
    inner: DefaultKeyedRateLimiter<K>,
    clock: DefaultClock,
}

impl<K: Hash + Eq + Clone> Limiter<K> {
    fn per_minute(n: u32) -> Self {
        // Config validation refuses zero; 1 keeps this total anyway.
        let n = NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN);
        Self {
            inner: DefaultKeyedRateLimiter::keyed(Quota::per_minute(n)),
            clock: DefaultClock::default(),
        }
    }

    /// `Ok` if `key` may go now, else how long until it may.
    fn check(&self, key: &K) -> Result<(), Duration> {
        if self.inner.len() > MAX_TRACKED_KEYS {
            self.prune();
        }
        self.inner
            .check_key(key)
            .map_err(|not_until| not_until.wait_time_from(self.clock.now()))
    }

    fn prune(&self) -> usize {
        self.inner.retain_recent();
        self.inner.shrink_to_fit();
        self.inner.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn throttle(adjust: impl FnOnce(&mut Config)) -> Throttle {
        let mut config = Config::new(vec![7; 32]);
        adjust(&mut config);
        Throttle::new(&config)
    }

    #[test]
    fn logins_are_limited_per_ip_and_per_username() {
        let t = throttle(|c| {
            c.logins_per_ip_per_minute = 3;
            c.logins_per_username_per_minute = 2;
        });
        let ip: IpAddr = "127.0.0.2".parse().unwrap();
        let other: IpAddr = "127.0.0.1".parse().unwrap();
        for name in ["a", "b", "c"] {
            assert!(t.login_attempt(ip, name).is_ok());
        }
        match t.login_attempt(ip, "d") {
            Err(ApiError::TooManyRequests(Limited::Logins, wait)) => {
                assert!(wait > Duration::from_secs(15) && wait <= Duration::from_secs(20));
            }
            other => panic!("{other:?}"),
        }
        // Another IP is not limited by the first one's attempts…
        assert!(t.login_attempt(other, "sara").is_ok());
        // …but a username is, from any IP, ASCII case-insensitively.
        assert!(t.login_attempt(other, "SARA").is_ok());
        assert!(t.login_attempt(other, "Sara").is_err());
    }

    #[test]
    fn readings_are_limited_per_user() {
        let t = throttle(|c| c.readings_per_user_per_minute = 2);
        assert!(t.reading("u1").is_ok());
        assert!(t.reading("u1").is_ok());
        assert!(matches!(
            t.reading("u1"),
            Err(ApiError::TooManyRequests(Limited::Readings, _))
        ));
        assert!(t.reading("u2").is_ok());
    }

    #[test]
    fn pruning_keeps_only_keys_still_limited() {
        let t = throttle(|c| c.readings_per_user_per_minute = 1);
        for i in 0..50 {
            t.reading(&format!("user-{i}")).unwrap();
        }
        assert_eq!(t.prune(), 50, "each key has used part of its burst");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_full_password_queue_answers_busy_at_once() {
        let t = Arc::new(throttle(|c| {
            c.password_checks = 1;
            c.password_queue = 1;
        }));
        let (started, running_now) = std::sync::mpsc::channel::<()>();
        let (release, wait) = std::sync::mpsc::channel::<()>();
        let running = {
            let t = t.clone();
            tokio::spawn(async move {
                t.check_password(move || {
                    started.send(()).unwrap();
                    wait.recv().is_ok()
                })
                .await
            })
        };
        running_now.recv().unwrap();
        // Polled once, the second check takes the one queue place (it cannot run yet).
        let mut queued = Box::pin(t.check_password(|| true));
        tokio::select! {
            biased;
            _ = &mut queued => panic!("the queued check cannot be answered yet"),
            () = std::future::ready(()) => {}
        }
        assert!(matches!(
            t.check_password(|| false).await,
            Err(ApiError::Busy)
        ));
        release.send(()).unwrap();
        assert!(running.await.unwrap().unwrap());
        assert!(queued.await.unwrap());
        assert!(t.check_password(|| true).await.unwrap());
    }
}
