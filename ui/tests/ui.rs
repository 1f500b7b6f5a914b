//! The UI's native tests: the WebSocket client machine, the reducers, validation, the
//! figures of the result view and the UI's messages. One binary, a module per topic.

use std::cell::RefCell;
use std::rc::Rc;

use nps_protocol::{Event, ReadingComplete, SignType, Step};
use nps_ui::ws::machine::{
    Action, Config, ErrorReason, Machine, SocketId, Status, TimerId, TimerKind, TokenTransport,
};

const BASE: &str = "http://127.0.0.1:8000";

/// A machine whose jitter comes from `randoms` (cycled) and the randoms it used.
fn machine_with(randoms: &[f64], token: Option<&str>) -> Machine {
    let seq: Vec<f64> = randoms.to_vec();
    let i = Rc::new(RefCell::new(0usize));
    let random = Box::new(move || {
        let mut i = i.borrow_mut();
        let r = seq[*i % seq.len()];
        *i += 1;
        r
    });
    Machine::new(Config::new(BASE), token.map(str::to_string), random)
}

fn machine() -> Machine {
    machine_with(&[0.5], Some("tok.en.one"))
}

fn opened_socket(actions: &[Action]) -> Option<(SocketId, String, Vec<String>)> {
    actions.iter().find_map(|a| match a {
        Action::Open {
            socket,
            url,
            protocols,
        } => Some((*socket, url.clone(), protocols.clone())),
        _ => None,
    })
}

fn timer(actions: &[Action], kind: TimerKind) -> Option<(TimerId, u64)> {
    actions.iter().find_map(|a| match a {
        Action::StartTimer {
            timer,
            kind: k,
            delay_ms,
        } if *k == kind => Some((*timer, *delay_ms)),
        _ => None,
    })
}

fn statuses(actions: &[Action]) -> Vec<Status> {
    actions
        .iter()
        .filter_map(|a| match a {
            Action::Status(s) => Some(*s),
            _ => None,
        })
        .collect()
}

fn opens(actions: &[Action]) -> usize {
    actions
        .iter()
        .filter(|a| matches!(a, Action::Open { .. }))
        .count()
}

/// connect → opened; returns the socket.
/// A [`machine`] whose connected socket the server closed with `code`, and what it did.
fn closed_while_connected(code: u16) -> (Machine, Vec<Action>) {
    let mut m = machine();
    let s = connected(&mut m);
    let a = m.closed(s, code);
    (m, a)
}

fn connected(m: &mut Machine) -> SocketId {
    let a = m.connect();
    let (id, _, _) = opened_socket(&a).expect("opens a socket");
    m.opened(id);
    assert_eq!(m.status(), Status::Connected);
    id
}

/// A frame's JSON.
fn frame(event: Event, seq: u64) -> String {
    nps_protocol::Envelope::new(event, seq, 1.0)
        .to_json()
        .expect("serializes")
}

fn welcome(epoch: u64, seq: u64, heartbeat_secs: u64) -> String {
    frame(
        Event::Welcome(nps_protocol::Welcome {
            user_id: "alice".into(),
            server_version: "0.1.0".into(),
            heartbeat_secs,
            epoch,
            seq,
        }),
        seq,
    )
}

fn progress_event(request_id: &str, step: Step, progress: u8) -> Event {
    Event::ReadingProgress(nps_protocol::ReadingProgress {
        request_id: request_id.into(),
        reading_id: None,
        step,
        progress,
        message: format!("{} {progress}", step.as_str()),
        user_id: "alice".into(),
    })
}

/// Fails the current connection attempt and fires the reconnect timer; returns the
/// delay that was scheduled and the new socket.
fn fail_and_retry(m: &mut Machine, socket: SocketId, code: u16) -> (u64, SocketId) {
    let a = m.closed(socket, code);
    let (t, delay) = timer(&a, TimerKind::Reconnect).expect("a reconnect is scheduled");
    let a = m.timer_fired(t);
    let (next, _, _) = opened_socket(&a).expect("reopens");
    (delay, next)
}

/// The reconnect delays of `closes` abnormal closes (1006) in a row, each followed by
/// its retry, with `randoms` as the jitter.
fn abnormal_close_delays(randoms: &[f64], closes: usize) -> Vec<u64> {
    let mut m = machine_with(randoms, Some("t"));
    let (mut s, _, _) = opened_socket(&m.connect()).expect("opens");
    let mut delays = Vec::new();
    for _ in 0..closes {
        let (d, next) = fail_and_retry(&mut m, s, 1006);
        delays.push(d);
        s = next;
    }
    delays
}

mod machine {
    use super::*;

    // ---- the seed's client cases -------------------------------------------------

    #[test]
    fn token_is_appended_to_the_url_with_query_transport() {
        let mut config = Config::new(BASE);
        config.transport = TokenTransport::Query;
        let mut m = Machine::new(config, Some("abc.def-_".into()), Box::new(|| 0.5));
        let (_, url, protocols) = opened_socket(&m.connect()).expect("opens");
        assert_eq!(url, "ws://127.0.0.1:8000/ws/oracle?token=abc.def-_");
        assert!(protocols.is_empty());
    }

    #[test]
    fn token_travels_as_subprotocol_by_default_and_stays_out_of_the_url() {
        let mut m = machine_with(&[0.5], Some("abc.def"));
        let (_, url, protocols) = opened_socket(&m.connect()).expect("opens");
        assert_eq!(url, "ws://127.0.0.1:8000/ws/oracle");
        assert_eq!(protocols, ["nps.v1", "bearer.abc.def"]);
        let mut https = Machine::new(
            Config::new("https://nps.example.org/"),
            Some("t".into()),
            Box::new(|| 0.5),
        );
        let (_, url, _) = opened_socket(&https.connect()).expect("opens");
        assert_eq!(url, "wss://nps.example.org/ws/oracle");
    }

    #[test]
    fn connect_without_token_is_an_error_and_opens_no_socket() {
        let mut m = machine_with(&[0.5], None);
        let a = m.connect();
        assert_eq!(opens(&a), 0);
        assert_eq!(statuses(&a), [Status::Error]);
        assert_eq!(m.error(), Some(ErrorReason::NoToken));
        assert_eq!(m.socket(), None);
    }

    #[test]
    fn reconnects_after_a_normal_close() {
        let (mut m, a) = closed_while_connected(1000);
        assert_eq!(statuses(&a), [Status::Disconnected]);
        let (t, delay) = timer(&a, TimerKind::Reconnect).expect("reconnect scheduled");
        assert_eq!(delay, 500, "attempt 0, random 0.5: half of 1 s");
        let a = m.timer_fired(t);
        assert_eq!(opens(&a), 1);
        assert_eq!(statuses(&a), [Status::Connecting]);
    }

    #[test]
    fn no_reconnect_after_4001() {
        let (mut m, a) = closed_while_connected(4001);
        assert_eq!(timer(&a, TimerKind::Reconnect), None);
        assert!(a.contains(&Action::AuthFailed));
        assert_eq!(m.status(), Status::Error);
        assert_eq!(m.error(), Some(ErrorReason::AuthRejected));
        assert!(!m.reconnect_pending());
        // Not even when the browser comes back online.
        assert_eq!(opens(&m.online()), 0);
    }

    #[test]
    fn no_reconnect_after_4003() {
        let (mut m, a) = closed_while_connected(4003);
        assert_eq!(timer(&a, TimerKind::Reconnect), None);
        assert_eq!(m.error(), Some(ErrorReason::OriginForbidden));
        // A new token does not help against a forbidden origin.
        assert_eq!(opens(&m.token_refreshed("other".into())), 0);
    }

    #[test]
    fn answers_ping_with_pong() {
        let mut m = machine();
        let s = connected(&mut m);
        let a = m.frame(s, "ping");
        assert!(a.contains(&Action::Send {
            socket: s,
            text: "pong".into()
        }));
        assert!(!a.iter().any(|a| matches!(a, Action::Event(_))));
    }

    #[test]
    fn dispatches_events() {
        let mut m = machine();
        let s = connected(&mut m);
        let ev = progress_event("r-1", Step::Calculating, 25);
        let a = m.frame(s, &frame(ev.clone(), 4));
        let got: Vec<_> = a
            .iter()
            .filter_map(|a| match a {
                Action::Event(e) => Some(e.event.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(got, [ev]);
        // Garbage and unknown events are ignored, not fatal.
        assert!(
            !m.frame(s, "{not json")
                .iter()
                .any(|a| matches!(a, Action::Event(_)))
        );
        assert!(
            !m.frame(s, r#"{"event":"future_thing","data":{}}"#)
                .iter()
                .any(|a| matches!(a, Action::Event(_)))
        );
        assert_eq!(m.status(), Status::Connected);
    }

    #[test]
    fn backoff_doubles_and_is_capped_at_thirty_seconds() {
        // random just under 1: the delay is the ceiling minus 1 ms.
        let delays = abnormal_close_delays(&[0.999_999_9], 8);
        assert_eq!(
            delays,
            [999, 1_999, 3_999, 7_999, 15_999, 29_999, 29_999, 29_999]
        );
    }

    // ---- jitter, reset, tokens, resume ---------------------------------------------

    #[test]
    fn full_jitter_spans_zero_to_the_ceiling() {
        let randoms = [0.0, 0.25, 0.5, 0.75, 0.1, 0.999];
        let delays = abnormal_close_delays(&randoms, 6);
        // ceilings 1, 2, 4, 8, 16, 30 s times the randoms, floored.
        assert_eq!(delays, [0, 500, 2_000, 6_000, 1_600, 29_970]);
        let ceilings = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000];
        for (d, c) in delays.iter().zip(ceilings) {
            assert!(*d < c, "{d} < {c}");
        }
    }

    #[test]
    fn backoff_resets_only_after_a_stable_connection() {
        let mut m = machine_with(&[0.999_999_9], Some("t"));
        let (mut s, _, _) = opened_socket(&m.connect()).expect("opens");
        for _ in 0..3 {
            s = fail_and_retry(&mut m, s, 1006).1;
        }
        assert_eq!(m.attempt(), 3);
        // Up, but closed again before 10 s: the counter goes on.
        let a = m.opened(s);
        let (_, stable) = timer(&a, TimerKind::Stable).expect("stable timer");
        assert_eq!(stable, 10_000);
        let (d, s2) = fail_and_retry(&mut m, s, 1000);
        assert_eq!(d, 7_999);
        // Up for 10 s: reset.
        let a = m.opened(s2);
        let (stable, _) = timer(&a, TimerKind::Stable).expect("stable timer");
        m.timer_fired(stable);
        assert_eq!(m.attempt(), 0);
        let (d, _) = fail_and_retry(&mut m, s2, 1001);
        assert_eq!(d, 999, "back to the 1 s ceiling");
    }

    #[test]
    fn close_4002_fetches_a_token_then_reconnects_with_it() {
        let mut m = machine_with(&[0.5], Some("old"));
        let s = connected(&mut m);
        let a = m.closed(s, 4002);
        assert!(a.contains(&Action::FetchToken));
        assert_eq!(
            timer(&a, TimerKind::Reconnect),
            None,
            "no reconnect before the token"
        );
        assert_eq!(m.status(), Status::Disconnected);
        let a = m.token_refreshed("fresh".into());
        let (_, _, protocols) = opened_socket(&a).expect("reconnects at once");
        assert_eq!(protocols, ["nps.v1", "bearer.fresh"]);
    }

    #[test]
    fn close_4002_after_a_refresh_reconnects_with_the_refreshed_token() {
        let mut m = machine_with(&[0.5], Some("old"));
        let s = connected(&mut m);
        // Refreshed before expiry: the open socket keeps the old token...
        assert!(m.token_refreshed("new".into()).is_empty());
        // ...until the server closes it at the old token's expiry.
        let a = m.closed(s, 4002);
        assert!(!a.contains(&Action::FetchToken));
        let (_, _, protocols) = opened_socket(&a).expect("reconnects at once");
        assert_eq!(protocols, ["nps.v1", "bearer.new"]);
    }

    #[test]
    fn close_4002_without_a_fresh_token_is_an_error() {
        let (mut m, _) = closed_while_connected(4002);
        let a = m.token_refresh_failed();
        assert_eq!(statuses(&a), [Status::Error]);
        assert_eq!(m.error(), Some(ErrorReason::TokenUnavailable));
        assert_eq!(opens(&m.online()), 0);
    }

    #[test]
    fn after_4001_only_a_different_token_reconnects() {
        let mut m = machine_with(&[0.5], Some("bad"));
        let s = connected(&mut m);
        m.closed(s, 4001);
        assert_eq!(opens(&m.token_refreshed("bad".into())), 0);
        assert_eq!(opens(&m.token_refreshed("good".into())), 1);
    }

    #[test]
    fn resumes_with_last_seq_and_epoch() {
        let mut m = machine();
        let s = connected(&mut m);
        m.frame(s, &welcome(7, 3, 30));
        assert_eq!((m.epoch(), m.last_seq()), (Some(7), Some(3)));
        m.frame(s, &frame(progress_event("r", Step::Calculating, 25), 4));
        m.frame(s, &frame(progress_event("r", Step::Combining, 90), 5));
        let (_, s2) = fail_and_retry(&mut m, s, 1006);
        let _ = s2;
        // The reconnect URL carries the resume point.
        let mut m2 = machine();
        let s = connected(&mut m2);
        m2.frame(s, &welcome(7, 3, 30));
        m2.frame(s, &frame(progress_event("r", Step::Calculating, 25), 5));
        let a = m2.closed(s, 1006);
        let (t, _) = timer(&a, TimerKind::Reconnect).expect("scheduled");
        let (s2, url, _) = opened_socket(&m2.timer_fired(t)).expect("reopens");
        assert_eq!(url, "ws://127.0.0.1:8000/ws/oracle?last_seq=5&epoch=7");
        m2.opened(s2);
        // Same epoch: the welcome's seq does not skip the replay that follows.
        m2.frame(s2, &welcome(7, 9, 30));
        assert_eq!(m2.last_seq(), Some(5));
        m2.frame(s2, &frame(progress_event("r", Step::Complete, 100), 6));
        assert_eq!(m2.last_seq(), Some(6));
    }

    #[test]
    fn resync_required_asks_for_a_refetch() {
        let mut m = machine();
        let s = connected(&mut m);
        m.frame(s, &welcome(7, 3, 30));
        let (_, s2) = fail_and_retry(&mut m, s, 1001);
        m.opened(s2);
        // The server restarted: another epoch, then resync_required.
        m.frame(s2, &welcome(8, 0, 30));
        assert_eq!((m.epoch(), m.last_seq()), (Some(8), Some(0)));
        let a = m.frame(
            s2,
            &frame(
                Event::ResyncRequired(nps_protocol::ResyncRequired {
                    reason: "epoch_mismatch".into(),
                }),
                0,
            ),
        );
        assert!(a.contains(&Action::Refetch {
            reason: "epoch_mismatch".into()
        }));
        assert!(
            a.iter()
                .any(|a| matches!(a, Action::Event(e) if e.event.name() == "resync_required"))
        );
    }

    #[test]
    fn explicit_disconnect_never_reconnects() {
        let mut m = machine();
        let s = connected(&mut m);
        let a = m.disconnect();
        assert!(a.contains(&Action::Close {
            socket: s,
            code: 1000,
            reason: "Normal closure"
        }));
        assert_eq!(m.status(), Status::Disconnected);
        // The socket's close event comes later: ignored.
        assert!(m.closed(s, 1000).is_empty());
        assert!(m.online().is_empty());
        assert!(!m.reconnect_pending());
        // Disconnect while a reconnect is pending cancels it, and a late fire is inert.
        let mut m = machine();
        let s = connected(&mut m);
        let (t, _) = timer(&m.closed(s, 1006), TimerKind::Reconnect).expect("scheduled");
        let a = m.disconnect();
        assert!(a.contains(&Action::CancelTimer { timer: t }));
        assert!(m.timer_fired(t).is_empty());
        assert_eq!(m.socket(), None);
    }

    #[test]
    fn never_two_sockets() {
        let mut m = machine();
        assert_eq!(opens(&m.connect()), 1);
        assert_eq!(opens(&m.connect()), 0, "connecting: no second socket");
        let s = m.socket().expect("one socket");
        m.opened(s);
        assert_eq!(opens(&m.connect()), 0, "connected: no second socket");
        assert_eq!(opens(&m.online()), 0);
        assert_eq!(opens(&m.token_refreshed("x".into())), 0);
        // While a reconnect waits, connect() opens now and cancels the timer.
        let (t, _) = timer(&m.closed(s, 1006), TimerKind::Reconnect).expect("scheduled");
        let a = m.connect();
        assert_eq!(opens(&a), 1);
        assert!(a.contains(&Action::CancelTimer { timer: t }));
        assert_eq!(opens(&m.timer_fired(t)), 0, "the cancelled timer is inert");
    }

    #[test]
    fn pauses_while_offline_and_reconnects_at_once_when_back() {
        let mut m = machine();
        let s = connected(&mut m);
        m.offline();
        let a = m.closed(s, 1006);
        assert_eq!(
            timer(&a, TimerKind::Reconnect),
            None,
            "no timer while offline"
        );
        assert_eq!(m.status(), Status::Disconnected);
        let a = m.online();
        assert_eq!(opens(&a), 1, "back online: at once");
        // Going offline cancels a pending reconnect.
        let s = m.socket().expect("socket");
        let (t, _) = timer(&m.closed(s, 1006), TimerKind::Reconnect).expect("scheduled");
        assert!(m.offline().contains(&Action::CancelTimer { timer: t }));
        assert_eq!(opens(&m.timer_fired(t)), 0);
        // connect() while offline waits too.
        let mut m = machine();
        m.offline();
        assert_eq!(opens(&m.connect()), 0);
        assert_eq!(opens(&m.online()), 1);
    }

    #[test]
    fn silence_is_a_dead_link() {
        let mut m = machine();
        let a = m.connect();
        let (s, _, _) = opened_socket(&a).expect("opens");
        let a = m.opened(s);
        let (_, dead) = timer(&a, TimerKind::DeadLink).expect("dead-link timer");
        assert_eq!(dead, 30_000 + 10_000 + 5_000);
        // The welcome's heartbeat shortens it; every frame restarts it.
        let a = m.frame(s, &welcome(1, 0, 2));
        let (_, dead) = timer(&a, TimerKind::DeadLink).expect("restarted");
        assert_eq!(dead, 2_000 + 10_000 + 5_000);
        let a = m.frame(s, "ping");
        let (t, dead) = timer(&a, TimerKind::DeadLink).expect("restarted");
        assert_eq!(dead, 17_000);
        let a = m.timer_fired(t);
        assert!(
            a.iter()
                .any(|a| matches!(a, Action::Close { socket, .. } if *socket == s))
        );
        assert!(timer(&a, TimerKind::Reconnect).is_some());
        assert_eq!(m.socket(), None);
        assert!(
            m.closed(s, 1006).is_empty(),
            "the dead socket's close is ignored"
        );
    }

    #[test]
    fn events_of_an_old_socket_are_ignored() {
        let mut m = machine();
        let s = connected(&mut m);
        let (_, s2) = fail_and_retry(&mut m, s, 1006);
        assert_ne!(s, s2);
        assert!(m.frame(s, "ping").is_empty());
        assert!(m.opened(s).is_empty());
        assert!(m.closed(s, 1000).is_empty());
        assert_eq!(m.status(), Status::Connecting);
    }

    #[test]
    fn status_walks_through_its_states() {
        let mut m = machine();
        assert_eq!(m.status(), Status::Disconnected);
        let mut seen = statuses(&m.connect());
        let s = m.socket().expect("socket");
        seen.extend(statuses(&m.opened(s)));
        seen.extend(statuses(&m.closed(s, 1001)));
        assert_eq!(
            seen,
            [Status::Connecting, Status::Connected, Status::Disconnected]
        );
        assert_eq!(
            [
                Status::Disconnected,
                Status::Connecting,
                Status::Connected,
                Status::Error
            ]
            .map(Status::as_str),
            ["disconnected", "connecting", "connected", "error"]
        );
    }

    #[test]
    fn query_values_are_percent_encoded() {
        use nps_ui::ws::machine::{encode_query, ws_base};
        assert_eq!(encode_query("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
        assert_eq!(ws_base("127.0.0.1:9/"), "ws://127.0.0.1:9");
        assert_eq!(ws_base("https://h:1"), "wss://h:1");
    }
}

mod progress {
    use super::*;
    use nps_ui::state::progress::{MAX_TRACKED_REQUESTS, ProgressAction, ProgressState};

    fn requested(id: &str) -> ProgressState {
        ProgressState::default()
            .apply(ProgressAction::Requested {
                request_id: id.into(),
                sign_type: SignType::Time,
            })
            .expect("changes")
    }

    fn apply(s: &ProgressState, a: ProgressAction) -> ProgressState {
        s.apply(a).unwrap_or_else(|| s.clone())
    }

    /// `apply` of an event of the socket.
    fn on_event(s: &ProgressState, event: Event) -> ProgressState {
        apply(s, ProgressAction::Ws(event))
    }

    fn complete(id: &str, reading_id: i64, user: &str) -> ReadingComplete {
        ReadingComplete {
            request_id: id.into(),
            reading_id,
            sign_type: SignType::Time,
            summary: "s".into(),
            user_id: user.into(),
        }
    }

    #[test]
    fn initial_state() {
        let s = ProgressState::default();
        assert!(!s.is_active);
        assert_eq!(s.progress, 0);
        assert_eq!(s.error, None);
        assert_eq!(s.last_reading, None);
        assert_eq!(s.step, None);
    }

    #[test]
    fn reading_started() {
        let s = requested("r1");
        let s = on_event(
            &s,
            Event::ReadingStarted(nps_protocol::ReadingStarted::new(
                "r1",
                SignType::Time,
                "Preparing",
                "alice",
            )),
        );
        assert!(s.is_active);
        assert_eq!(s.progress, 0);
        assert_eq!(s.step, Some(Step::Started));
        assert_eq!(s.message, "Preparing");
    }

    #[test]
    fn reading_progress_updates_step_and_never_goes_back() {
        let s = requested("r1");
        let s = on_event(&s, progress_event("r1", Step::Calculating, 40));
        assert_eq!((s.step, s.progress), (Some(Step::Calculating), 40));
        assert_eq!(s.message, "calculating 40");
        let s = on_event(&s, progress_event("r1", Step::AiGenerating, 30));
        assert_eq!(s.progress, 40, "monotonic");
        assert_eq!(s.step, Some(Step::AiGenerating));
        assert!(s.is_active);
        assert_eq!(
            s.steps_seen,
            [Step::Started, Step::Calculating, Step::AiGenerating]
        );
    }

    #[test]
    fn reading_complete() {
        let s = requested("r1");
        let s = on_event(&s, progress_event("r1", Step::Combining, 90));
        let done = complete("r1", 12, "alice");
        let s = on_event(&s, Event::ReadingComplete(done.clone()));
        assert!(!s.is_active);
        assert_eq!(s.progress, 100);
        assert_eq!(s.step, Some(Step::Complete));
        assert_eq!(s.last_reading, Some(done.clone()));
        // The HTTP answer after it changes nothing.
        assert_eq!(
            s.apply(ProgressAction::HttpDone(complete("r1", 12, ""))),
            None
        );
    }

    #[test]
    fn reading_error() {
        let s = requested("r1");
        let s = on_event(
            &s,
            Event::ReadingError(nps_protocol::ReadingError {
                request_id: "r1".into(),
                error: "invalid date".into(),
                sign_type: SignType::Time,
                user_id: "alice".into(),
            }),
        );
        assert!(!s.is_active);
        assert_eq!(s.error.as_deref(), Some("invalid date"));
        // A late HTTP failure does not overwrite it.
        assert_eq!(
            s.apply(ProgressAction::HttpFailed {
                request_id: "r1".into(),
                error: "other".into()
            }),
            None
        );
    }

    #[test]
    fn follows_only_this_clients_requests() {
        let s = requested("mine");
        for other in [
            progress_event("theirs", Step::Calculating, 50),
            Event::ReadingComplete(complete("theirs", 3, "bob")),
        ] {
            assert_eq!(s.apply(ProgressAction::Ws(other)), None);
        }
        assert_eq!(
            ProgressState::default().apply(ProgressAction::Ws(progress_event(
                "x",
                Step::Calculating,
                10
            ))),
            None,
            "nothing requested: nothing followed"
        );
        // Only the latest request is followed.
        let s = apply(
            &s,
            ProgressAction::Requested {
                request_id: "mine-2".into(),
                sign_type: SignType::Name,
            },
        );
        assert_eq!(
            s.apply(ProgressAction::Ws(progress_event(
                "mine",
                Step::Combining,
                90
            ))),
            None
        );
    }

    #[test]
    fn http_answer_first_then_late_events_only_mark_steps() {
        let s = requested("r1");
        let s = apply(&s, ProgressAction::HttpDone(complete("r1", 5, "")));
        assert!(!s.is_active);
        assert_eq!(s.progress, 100);
        let s = on_event(&s, progress_event("r1", Step::Calculating, 25));
        assert_eq!(s.progress, 100);
        assert!(!s.is_active);
        assert!(s.steps_seen.contains(&Step::Calculating));
        let s = on_event(&s, Event::ReadingComplete(complete("r1", 5, "alice")));
        assert_eq!(
            s.last_reading.as_ref().map(|r| r.reading_id),
            Some(5),
            "still the same reading"
        );
    }

    #[test]
    fn http_failure_ends_the_reading() {
        let s = requested("r1");
        let s = apply(
            &s,
            ProgressAction::HttpFailed {
                request_id: "r1".into(),
                error: "network".into(),
            },
        );
        assert!(!s.is_active);
        assert_eq!(s.error.as_deref(), Some("network"));
    }

    #[test]
    fn remembers_a_bounded_number_of_requests_and_clear_keeps_them() {
        let mut s = ProgressState::default();
        for i in 0..40 {
            s = apply(
                &s,
                ProgressAction::Requested {
                    request_id: format!("r{i}"),
                    sign_type: SignType::Time,
                },
            );
        }
        assert_eq!(s.requested.len(), MAX_TRACKED_REQUESTS);
        assert_eq!(s.requested.last().map(String::as_str), Some("r39"));
        let cleared = apply(&s, ProgressAction::Clear);
        assert_eq!(cleared.request_id, None);
        assert_eq!(cleared.requested, s.requested);
    }
}

mod forms {
    use nps_ui::state::forms::*;

    fn ctx_validate(form: &OracleForm) -> Result<ReadingBody, Vec<(String, &'static str)>> {
        let offset = |_: &str| 210; // Tehran, +03:30
        validate(
            form,
            &Context {
                today: "2026-02-09",
                offset_at: &offset,
            },
        )
    }

    fn with(kind: nps_protocol::SignType, sets: &[(&str, &str)]) -> OracleForm {
        let mut f = OracleForm::default().apply(FormAction::SetKind(kind));
        for (k, v) in sets {
            f = f.apply(FormAction::Set((*k).into(), (*v).into()));
        }
        f
    }

    #[test]
    fn time_reading_defaults_to_now_and_adds_the_local_offset() {
        use nps_protocol::SignType::Time;
        let body = ctx_validate(&with(Time, &[])).expect("valid");
        assert_eq!(
            body,
            ReadingBody::Time(nps_protocol::TimeReadingRequest::default())
        );
        let body = ctx_validate(&with(Time, &[("datetime", "2026-02-09T14:30")])).expect("valid");
        let ReadingBody::Time(t) = body else {
            panic!("time")
        };
        assert_eq!(t.datetime.as_deref(), Some("2026-02-09T14:30:00+03:30"));
        let err = ctx_validate(&with(Time, &[("datetime", "2026-02-30T10:00")])).unwrap_err();
        assert_eq!(err, [("datetime".to_string(), "ui-error-datetime")]);
    }

    #[test]
    fn local_times_become_iso_with_offset() {
        assert_eq!(
            local_to_iso("2026-02-09T14:30", -300).as_deref(),
            Some("2026-02-09T14:30:00-05:00")
        );
        assert_eq!(
            local_to_iso("2026-02-09T00:00:59", 0).as_deref(),
            Some("2026-02-09T00:00:59+00:00")
        );
        assert_eq!(local_to_iso("2026-02-09T24:00", 0), None);
        assert_eq!(local_to_iso("2026-02-09", 0), None);
        assert_eq!(local_to_iso("2026-02-09T10:00", 15 * 60), None);
    }

    #[test]
    fn name_reading_needs_a_name_with_letters_and_a_past_birth_date() {
        use nps_protocol::SignType::Name;
        let err = ctx_validate(&with(Name, &[("name", "  ")])).unwrap_err();
        assert_eq!(err, [("name".to_string(), "ui-error-required")]);
        let err = ctx_validate(&with(Name, &[("name", "123")])).unwrap_err();
        assert_eq!(err, [("name".to_string(), "ui-error-no-letters")]);
        // Letters no system counts are refused, never sent to be read as zeros.
        let err = ctx_validate(&with(Name, &[("name", "Иван")])).unwrap_err();
        assert_eq!(
            err,
            [("name".to_string(), "ui-error-name-unreadable-pythagorean")]
        );
        let err = ctx_validate(&with(Name, &[("name", "Alice"), ("system", "abjad")])).unwrap_err();
        assert_eq!(
            err,
            [("name".to_string(), "ui-error-name-unreadable-abjad")]
        );
        let err = ctx_validate(&with(
            Name,
            &[("name", "Alice"), ("birth_date", "2030-01-01")],
        ))
        .unwrap_err();
        assert_eq!(err, [("birth_date".to_string(), "ui-error-future-date")]);
        let body = ctx_validate(&with(
            Name,
            &[
                ("name", " علی رضایی "),
                ("birth_date", "1985-03-21"),
                ("system", "abjad"),
            ],
        ))
        .expect("valid");
        let ReadingBody::Name(n) = body else {
            panic!("name")
        };
        assert_eq!(n.name, "علی رضایی");
        assert_eq!(n.birth_date.as_deref(), Some("1985-03-21"));
        assert_eq!(n.numerology_system.as_deref(), Some("abjad"));
    }

    #[test]
    fn question_is_required_and_at_most_1000_characters() {
        use nps_protocol::SignType::Question;
        let long = "a".repeat(1001);
        let err = ctx_validate(&with(Question, &[("question", &long)])).unwrap_err();
        assert_eq!(
            err,
            [("question".to_string(), "ui-error-question-too-long")]
        );
        let ok = "ب".repeat(1000);
        assert!(ctx_validate(&with(Question, &[("question", &ok)])).is_ok());
        let err = ctx_validate(&with(Question, &[])).unwrap_err();
        assert_eq!(err, [("question".to_string(), "ui-error-required")]);
    }

    #[test]
    fn full_profile_checks_every_field() {
        use nps_protocol::SignType::Full;
        let err = ctx_validate(&with(
            Full,
            &[
                ("profile.name", "Alice"),
                ("profile.birth_date", "1990-02-30"),
                ("profile.latitude", "91"),
                ("profile.bpm", "300"),
                ("profile.gender", "robot"),
            ],
        ))
        .unwrap_err();
        let keys: Vec<_> = err.iter().map(|(k, e)| (k.as_str(), *e)).collect();
        assert_eq!(
            keys,
            [
                ("profile.birth_date", "ui-error-date"),
                ("profile.gender", "ui-error-choice"),
                ("profile.latitude", "ui-error-latitude"),
                ("profile.bpm", "ui-error-bpm"),
            ]
        );
        let err = ctx_validate(&with(
            Full,
            &[
                ("profile.name", "Alice"),
                ("profile.birth_date", "1990-07-15"),
                ("profile.latitude", "40.7"),
            ],
        ))
        .unwrap_err();
        assert_eq!(
            err,
            [("profile.longitude".to_string(), "ui-error-coordinates-pair")]
        );
        // Persian digits are accepted in numbers.
        let body = ctx_validate(&with(
            Full,
            &[
                ("profile.name", "Alice"),
                ("profile.birth_date", "1990-07-15"),
                ("profile.latitude", "۳۵٫۷"),
                ("profile.longitude", "-51.4"),
                ("profile.bpm", "۷۲"),
                ("profile.gender", "female"),
                ("profile.mother_name", "Mary"),
            ],
        ))
        .expect("valid");
        let ReadingBody::Full(f) = body else {
            panic!("full")
        };
        assert_eq!(f.profile.latitude, Some(35.7));
        assert_eq!(f.profile.longitude, Some(-51.4));
        assert_eq!(f.profile.bpm, Some(72));
        assert_eq!(f.profile.mother_name.as_deref(), Some("Mary"));
    }

    #[test]
    fn a_mother_or_partner_named_in_an_unread_script_is_refused() {
        use nps_protocol::SignType::{Compatibility, Full};
        let err = ctx_validate(&with(
            Full,
            &[
                ("profile.name", "Sara"),
                ("profile.birth_date", "1990-07-15"),
                ("profile.mother_name", "Мария"),
            ],
        ))
        .unwrap_err();
        assert_eq!(
            err,
            [(
                "profile.mother_name".to_string(),
                "ui-error-name-unreadable-pythagorean"
            )]
        );
        let err = ctx_validate(&with(
            Compatibility,
            &[
                ("people.0.name", "Ali"),
                ("people.0.birth_date", "1990-07-15"),
                ("people.1.name", "Ελένη"),
                ("people.1.birth_date", "1988-01-02"),
            ],
        ))
        .unwrap_err();
        assert_eq!(
            err,
            [(
                "people.1.name".to_string(),
                "ui-error-name-unreadable-pythagorean"
            )]
        );
    }

    #[test]
    fn compatibility_takes_two_to_five_people() {
        use nps_protocol::SignType::Compatibility;
        let mut f = with(Compatibility, &[]);
        assert_eq!(f.people.len(), 2);
        f = f.apply(FormAction::RemovePerson(0));
        assert_eq!(f.people.len(), 2, "never fewer than two");
        for _ in 0..6 {
            f = f.apply(FormAction::AddPerson);
        }
        assert_eq!(f.people.len(), 5, "never more than five");
        f = f.apply(FormAction::RemovePerson(4));
        f = f.apply(FormAction::RemovePerson(3));
        f = f.apply(FormAction::RemovePerson(2));
        let err = ctx_validate(&f).unwrap_err();
        assert_eq!(err.len(), 4, "{err:?}");
        for (k, v) in [
            ("people.0.name", "Alice"),
            ("people.0.birth_date", "1990-07-15"),
            ("people.1.name", "Bob"),
            ("people.1.birth_date", "1988-01-02"),
        ] {
            f = f.apply(FormAction::Set(k.into(), v.into()));
        }
        let ReadingBody::Compatibility(c) = ctx_validate(&f).expect("valid") else {
            panic!("compat")
        };
        assert_eq!(c.profiles.len(), 2);
        assert_eq!(c.profiles[1].name, "Bob");
    }

    #[test]
    fn typing_clears_that_fields_error_and_switching_kinds_keeps_input() {
        use nps_protocol::SignType::{Name, Question};
        let f = with(Name, &[]);
        let f = f.apply(FormAction::Errors(vec![(
            "name".into(),
            "ui-error-required",
        )]));
        assert_eq!(f.error("name"), Some("ui-error-required"));
        let f = f.apply(FormAction::Set("name".into(), "A".into()));
        assert_eq!(f.error("name"), None);
        let f = f
            .apply(FormAction::SetKind(Question))
            .apply(FormAction::SetKind(Name));
        assert_eq!(f.name, "A");
        assert_eq!(
            f.apply(FormAction::Set("nope".into(), "x".into())),
            f,
            "unknown keys are ignored"
        );
    }

    #[test]
    fn tagging_sets_locale_and_request_id() {
        let mut b = ReadingBody::Question(nps_protocol::QuestionReadingRequest {
            question: "q".into(),
            numerology_system: None,
            locale: None,
            request_id: None,
        });
        b.tag("fa", "ui-1");
        let ReadingBody::Question(q) = b else {
            panic!()
        };
        assert_eq!(
            (q.locale.as_deref(), q.request_id.as_deref()),
            (Some("fa"), Some("ui-1"))
        );
    }

    #[test]
    fn the_persian_moment_is_a_day_field_and_a_time_field() {
        use nps_protocol::SignType::Time;
        assert_eq!(split_datetime("2026-11-27T09:15"), ("2026-11-27", "09:15"));
        assert_eq!(split_datetime(""), ("", ""));
        assert_eq!(join_datetime("2026-11-27", "09:15"), "2026-11-27T09:15");
        assert_eq!(join_datetime("2026-11-27", ""), "2026-11-27T00:00");
        assert_eq!(join_datetime("", ""), "");
        let moment = join_datetime("2026-11-27", "09:15");
        let ReadingBody::Time(t) =
            ctx_validate(&with(Time, &[("datetime", &moment)])).expect("valid")
        else {
            panic!("time")
        };
        assert_eq!(t.datetime.as_deref(), Some("2026-11-27T09:15:00+03:30"));
        // A day field holding no day (its own error says why) keeps the form from going.
        let bad = join_datetime("۱۴۰۵/۱۲/۳۰", "09:15");
        assert_eq!(split_datetime(&bad), ("۱۴۰۵/۱۲/۳۰", "09:15"));
        let err = ctx_validate(&with(Time, &[("datetime", &bad)])).unwrap_err();
        assert_eq!(err, [("datetime".to_string(), "ui-error-datetime")]);
        // So does a day field left holding text while the birth date is required.
        let err = ctx_validate(&with(
            nps_protocol::SignType::Compatibility,
            &[
                ("people.0.name", "Sara"),
                ("people.0.birth_date", "۱۴۰۵/۱۲/۳۰"),
                ("people.1.name", "Dara"),
                ("people.1.birth_date", "2000-01-01"),
            ],
        ))
        .unwrap_err();
        assert_eq!(err, [("people.0.birth_date".to_string(), "ui-error-date")]);
    }

    #[test]
    fn dates_are_real_gregorian_dates() {
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("1900-02-29"), None);
        assert_eq!(parse_date("2000-02-29"), Some((2000, 2, 29)));
        assert_eq!(parse_date("2024-13-01"), None);
        assert_eq!(parse_date("24-01-01"), None);
        assert_eq!(normalize_digits("۱۲۳٫۵"), "123.5");
    }
}

mod dates {
    use nps_i18n::{Locale, strip_isolation};
    use nps_ui::i18n::{ShownDate, date, gregorian_day};
    use nps_ui::state::dates::*;
    use nps_ui::state::history::Filters;

    fn shown(local: &str, gregorian: Option<&str>) -> ShownDate {
        ShownDate {
            local: local.into(),
            gregorian: gregorian.map(Into::into),
        }
    }

    #[test]
    fn persian_readers_see_solar_hijri_with_the_gregorian_alongside() {
        let cases = [
            ("2026-11-27", "۶ آذر ۱۴۰۵", "۲۷ نوامبر ۲۰۲۶"),
            ("2025-03-21", "۱ فروردین ۱۴۰۴", "۲۱ مارس ۲۰۲۵"),
            ("2025-03-20", "۳۰ اسفند ۱۴۰۳", "۲۰ مارس ۲۰۲۵"),
        ];
        for (iso, local, gregorian) in cases {
            assert_eq!(
                date(Locale::Fa, iso),
                shown(local, Some(gregorian)),
                "{iso}"
            );
        }
        // A history row's UTC date-time is shown as its day.
        assert_eq!(
            date(Locale::Fa, "2026-11-27T10:00:00.000Z"),
            shown("۶ آذر ۱۴۰۵", Some("۲۷ نوامبر ۲۰۲۶"))
        );
    }

    #[test]
    fn english_keeps_the_iso_date_and_text_that_is_no_date_is_only_shaped() {
        assert_eq!(date(Locale::En, "2026-11-27"), shown("2026-11-27", None));
        assert_eq!(
            date(Locale::En, "2026-11-27T10:00:00Z"),
            shown("2026-11-27", None)
        );
        assert_eq!(date(Locale::Fa, "2026-02-30"), shown("۲۰۲۶-۰۲-۳۰", None));
        assert_eq!(gregorian_day("2026-02-30"), None);
        assert_eq!(gregorian_day("2024-02-29"), Some((2024, 2, 29)));
    }

    #[test]
    fn solar_hijri_input_in_either_digits_becomes_the_gregorian_day() {
        reads_as(
            Locale::Fa,
            &[
                ("۱۴۰۵/۹/۶", "2026-11-27"),
                ("1405/09/06", "2026-11-27"),
                (" ۱۴۰۵-۰۹-۰۶ ", "2026-11-27"),
                ("1404/1/1", "2025-03-21"),   // Nowruz 1404
                ("1403/12/30", "2025-03-20"), // a leap year's end
                ("١٣٦٩/٤/٢٤", "1990-07-15"),  // Arabic-Indic digits
                // From 1700 on a year is a Gregorian one.
                ("2026/11/27", "2026-11-27"),
            ],
        );
        assert_eq!(parse_date_input(Locale::Fa, ""), Ok(None));
    }

    /// Each `(input, day)` of `cases` reads, in `locale`, as that Gregorian day.
    fn reads_as(locale: Locale, cases: &[(&str, &str)]) {
        for (input, day) in cases {
            let read = parse_date_input(locale, input);
            assert_eq!(read, Ok(Some(day.to_string())), "{input}");
        }
    }

    /// What the field says of a day its month does not have.
    fn no_such_day(month_id: &str, year: i32, days: u32) -> DateInputError {
        DateInputError::Day {
            month_id: month_id.into(),
            year,
            days,
        }
    }

    /// The message of `error` in `locale`, without the bidi isolation marks.
    fn said(error: &DateInputError, locale: Locale) -> String {
        strip_isolation(&error.message(locale))
    }

    /// Each of `inputs` is refused as no date at all in `locale`, and the field then
    /// says how to write one: `message`.
    fn refused_as_no_date(locale: Locale, inputs: &[&str], message: &str) {
        for bad in inputs {
            let refused = parse_date_input(locale, bad);
            assert_eq!(refused, Err(DateInputError::Format), "{bad}");
        }
        assert_eq!(DateInputError::Format.message(locale), message);
    }

    #[test]
    fn impossible_days_say_why() {
        let fa = |text| parse_date_input(Locale::Fa, text);
        // 1405 is a common year (Nowruz 1405 and 1406 are 365 days apart): Esfand has 29.
        let esfand = fa("۱۴۰۵/۱۲/۳۰").unwrap_err();
        assert_eq!(esfand, no_such_day("month-solar-hijri-12", 1405, 29));
        assert_eq!(said(&esfand, Locale::Fa), "اسفند ۱۴۰۵ فقط ۲۹ روز دارد.");
        assert_eq!(said(&esfand, Locale::En), "Esfand 1405 has only 29 days.");
        assert_eq!(
            said(&fa("1405/07/31").unwrap_err(), Locale::Fa),
            "مهر ۱۴۰۵ فقط ۳۰ روز دارد."
        );
        assert_eq!(fa("1405/13/01"), Err(DateInputError::Month(13)));
        assert_eq!(
            said(&DateInputError::Month(13), Locale::Fa),
            "ماه شمارهٔ ۱۳ وجود ندارد؛ ماه‌ها از ۱ تا ۱۲ شماره دارند."
        );
        assert_eq!(fa("1405/0/10"), Err(DateInputError::Month(0)));
        assert_eq!(
            fa("2026/02/29"),
            Err(no_such_day("month-gregorian-2", 2026, 28))
        );
        refused_as_no_date(
            Locale::Fa,
            &[
                "1405/9",
                "1405/9/6/1",
                "۱۴۰۵ آذر ۶",
                "0/1/1",
                "14050/1/1",
                "1405//6",
            ],
            "تاریخ را به شکل سال/ماه/روز بنویسید، مانند ۱۴۰۵/۰۹/۰۶.",
        );
    }

    #[test]
    fn english_reads_a_gregorian_year_month_day_and_says_why_a_day_is_impossible() {
        let en = |text| parse_date_input(Locale::En, text);
        reads_as(
            Locale::En,
            &[
                ("2026-11-27", "2026-11-27"),
                (" 1990/7/15 ", "1990-07-15"),
                ("۱۹۹۰-۰۷-۱۵", "1990-07-15"),
                ("2024-02-29", "2024-02-29"), // a leap day
            ],
        );
        assert_eq!(en(""), Ok(None));
        // The browser's widget would have emptied this; the field says why instead.
        let feb30 = en("2026-02-30").unwrap_err();
        assert_eq!(feb30, no_such_day("month-gregorian-2", 2026, 28));
        assert_eq!(said(&feb30, Locale::En), "February 2026 has only 28 days.");
        assert_eq!(en("1990-13-01"), Err(DateInputError::Month(13)));
        // A four-digit year first: a day-first date is refused, not read as the year 27.
        refused_as_no_date(
            Locale::En,
            &["27/11/2026", "999-01-01", "1990-07", "July 15, 1990"],
            "Write the date as year-month-day, such as 1990-07-15.",
        );
    }

    #[test]
    fn a_field_shows_the_day_in_its_calendar() {
        assert_eq!(date_input_text(Locale::Fa, "2026-11-27"), "۱۴۰۵/۰۹/۰۶");
        assert_eq!(date_input_text(Locale::Fa, "2025-03-20"), "۱۴۰۳/۱۲/۳۰");
        assert_eq!(date_input_text(Locale::En, "2026-11-27"), "2026-11-27");
        // What was typed and is no day stays as typed.
        assert_eq!(date_input_text(Locale::Fa, "۱۴۰۵/۱۲/۳۰"), "۱۴۰۵/۱۲/۳۰");
        assert_eq!(date_input_text(Locale::Fa, ""), "");
        // Both ways round: the field's text reads back as the same day.
        for iso in ["2026-11-27", "2025-03-20", "1990-07-15", "2000-02-29"] {
            let text = date_input_text(Locale::Fa, iso);
            assert_eq!(
                parse_date_input(Locale::Fa, &text),
                Ok(Some(iso.into())),
                "{iso}"
            );
        }
    }

    #[test]
    fn history_bounds_only_with_real_days() {
        let filters = Filters {
            from: "۱۴۰۵/۱۲/۳۰".into(),
            to: "2026-11-27".into(),
            ..Filters::default()
        };
        let q = filters.query(0);
        assert_eq!((q.from, q.to.as_deref()), (None, Some("2026-11-27")));
    }
}

mod numbers {
    use nps_i18n::Locale;
    use nps_ui::i18n::{digits, list, num};

    #[test]
    fn counts_and_figures_are_grouped_and_shaped_ids_only_shaped() {
        assert_eq!(num(Locale::En, 1000), "1,000");
        assert_eq!(num(Locale::Fa, 1000), "۱٬۰۰۰");
        assert_eq!(num(Locale::Fa, 1_477_947_600_u64), "۱٬۴۷۷٬۹۴۷٬۶۰۰");
        assert_eq!(num(Locale::Fa, 12.5), "۱۲٫۵");
        assert_eq!(num(Locale::Fa, 7), "۷");
        assert_eq!(digits(Locale::Fa, "12345"), "۱۲۳۴۵");
    }

    #[test]
    fn lists_use_the_locales_separator() {
        let items = |xs: &[u32], l| xs.iter().map(|x| num(l, x)).collect::<Vec<_>>();
        assert_eq!(
            list(Locale::En, &items(&[3, 9, 20], Locale::En)),
            "3 · 9 · 20"
        );
        // Not a middle dot: beside Persian digits it reads as the Persian zero (۰).
        assert_eq!(
            list(Locale::Fa, &items(&[3, 9, 20], Locale::Fa)),
            "۳، ۹، ۲۰"
        );
        assert_eq!(list(Locale::Fa, &[]), "");
    }
}

mod figures {
    use nps_engine::full::Profile;
    use nps_engine::moon::MoonInfo;
    use nps_engine::numerology::{LetterValue, System};
    use nps_engine::patterns::{Pattern, Strength};
    use nps_engine::tokens::{Animal, Element, Weekday};
    use nps_engine::{Date, Fc60Stamp, FullReading, Moment};
    use nps_i18n::{Locale, strip_isolation};
    use nps_protocol::figures::NameFigures;
    use nps_protocol::{Figures, RenderedSection, RenderedText};
    use nps_ui::figures::*;

    fn stamp(at: &str) -> Fc60Stamp {
        Fc60Stamp::new(Moment::parse(at).expect("moment"))
    }

    fn time(at: &str) -> Figures {
        Figures::Time(nps_readings::kinds::time(Moment::parse(at).expect("moment")).0)
    }

    fn full(at: &str) -> FullReading {
        let profile = Profile::new("Alice Johnson", Date::parse("1990-07-15").expect("date"));
        FullReading::compute(&profile, Moment::parse(at).expect("moment")).expect("full")
    }

    #[test]
    fn every_number_of_a_result_links_to_the_learn_entry_that_explains_it() {
        // Every label `numbers` can show has an entry, and each entry exists in learn.ftl.
        let full = Figures::Full(Box::new(full("2026-11-27T09:15:00+03:30")));
        let time = time("2026-11-27T09:15:00+03:30");
        let labels: Vec<&str> = numbers(&full)
            .iter()
            .chain(numbers(&time).iter())
            .map(|n| n.label)
            .collect();
        assert_eq!(labels.len(), 8, "{labels:?}");
        let l = nps_i18n::Localizer::get();
        for label in labels {
            let entry = learn_entry_of_label(label).unwrap_or_else(|| panic!("{label}"));
            for locale in Locale::ALL {
                assert!(
                    l.has(locale, &entry.id(nps_i18n::learn::Part::Body)),
                    "{label}"
                );
            }
        }
        let life_path = learn_entry_of_label("label-life-path").expect("life path");
        assert_eq!(learn_href(life_path), "#/learn/core-life-path");
        assert_eq!(
            learn_entry_of_label("label-mother-influence").map(|e| e.anchor()),
            Some("core-mother".to_string())
        );
        assert_eq!(
            learn_entry_of_label("ui-label-question-number").map(|e| e.anchor()),
            Some("core-question".to_string())
        );
        assert_eq!(learn_entry_of_label("label-phase"), None);
        assert_eq!(
            learn_animal(Animal::from_index(2)).map(|e| e.anchor()),
            Some("animal-ti".to_string())
        );
        assert_eq!(
            learn_element(Element::from_index(4)).map(|e| e.anchor()),
            Some("element-wa".to_string())
        );
        assert_eq!(
            learn_moon_phase(4).map(|e| e.anchor()),
            Some("moon-phase-4".to_string())
        );
        assert_eq!(learn_moon_phase(8), None);
        assert_eq!(learn_element_id("animal-ti"), "learn-animal-ti");
    }

    #[test]
    fn a_result_names_the_moment_and_the_birth_date() {
        assert_eq!(
            dates(&time("2026-11-27T09:15:00+03:30")),
            [("label-date", "2026-11-27".to_string())]
        );
        let f = Figures::Full(Box::new(full("2025-03-21T08:00:00+03:30")));
        assert_eq!(
            dates(&f),
            [
                ("label-date", "2025-03-21".to_string()),
                ("label-birthdate", "1990-07-15".to_string())
            ]
        );
        assert!(dates(&Figures::Name(name(Vec::new()))).is_empty());
    }

    fn name(letters: Vec<LetterValue>) -> NameFigures {
        NameFigures {
            name: "Ali".into(),
            system: System::Abjad,
            expression: 8,
            soul_urge: 22,
            personality: 8,
            letter_sum: 111,
            letters,
            dominant_element: Some("Fire"),
            life_path: Some(11),
            personal_year: Some(5),
        }
    }

    #[test]
    fn stamp_tokens_and_their_meanings() {
        let parts = stamp_parts(&stamp("2026-02-09T14:30:00+01:00"));
        let summary: Vec<_> = parts
            .iter()
            .map(|p| (p.token.as_str(), p.role, p.number))
            .collect();
        assert_eq!(
            summary,
            [
                ("LU", StampRole::Weekday, None),
                ("OX", StampRole::Month, Some(2)),
                ("OXWA", StampRole::Day, Some(9)),
                ("🌙", StampRole::Half, None),
                ("TI", StampRole::Hour, Some(14)),
                ("HOWU", StampRole::Minute, Some(30)),
                ("RAWU", StampRole::Second, Some(0)),
            ]
        );
        let en: Vec<String> = parts
            .iter()
            .map(|p| strip_isolation(&p.explain(Locale::En)))
            .collect();
        assert_eq!(en[0], "Monday, the day of Moon");
        assert_eq!(en[1], "Month 2: Ox");
        assert_eq!(en[2], "Day 9 of the month: Ox and Water");
        assert_eq!(en[3], "After noon");
        assert_eq!(en[4], "Hour 14: Tiger");
        let fa = strip_isolation(&parts[2].explain(Locale::Fa));
        assert!(fa.contains('۹'), "Persian digits: {fa}");
        assert!(!fa.contains("Ox"), "Persian names: {fa}");
        // A date-only stamp (daily) has no time half.
        let d = stamp_parts(&stamp("2026-11-25"));
        assert_eq!(
            d.iter().map(|p| p.token.as_str()).collect::<Vec<_>>(),
            ["ME", "DO", "SNWU"]
        );
        assert_eq!(d[2].number, Some(25));
        let am = stamp_parts(&stamp("2026-02-06T01:15:00+08:00"));
        assert_eq!(
            am.iter().map(|p| p.token.as_str()).collect::<String>(),
            "VEOXOXFI☀OXRUWURAWU"
        );
        assert_eq!(am[4].number, Some(1));
        assert_eq!(strip_isolation(&am[3].explain(Locale::En)), "Before noon");
    }

    #[test]
    fn token60_parts_carry_the_engines_animal_element_and_value() {
        let parts = stamp_parts(&stamp("2026-02-09T23:59:00Z"));
        let minute = &parts[5];
        assert_eq!(minute.token, "PIWA");
        assert_eq!(
            (minute.animal, minute.element, minute.number),
            (Some(Animal::from_index(11)), Some(Element::WATER), Some(59))
        );
        let second = &parts[6];
        assert_eq!(
            (
                second.token.as_str(),
                second.animal,
                second.element,
                second.number
            ),
            (
                "RAWU",
                Some(Animal::from_index(0)),
                Some(Element::WOOD),
                Some(0)
            )
        );
        let fields = stamp_fields(&stamp("2026-02-09T14:30:00+01:00"));
        assert_eq!(
            fields.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
            [
                "label-iso",
                "label-tz60",
                "label-y60",
                "label-j60",
                "label-chk"
            ]
        );
        assert_eq!(fields[0].1, "2026-02-09T14:30:00+01:00");
        // A date alone has no time zone.
        assert!(
            !stamp_fields(&stamp("2026-02-09"))
                .iter()
                .any(|(l, _)| *l == "label-tz60")
        );
    }

    #[test]
    fn numbers_flag_master_numbers() {
        let n = numbers(&Figures::Name(name(Vec::new())));
        assert_eq!(n.len(), 5);
        assert_eq!(
            n.iter()
                .filter(|x| x.master)
                .map(|x| x.value)
                .collect::<Vec<_>>(),
            [11, 22]
        );
        let mut f = full("2026-02-09T14:30:00-05:00");
        f.numerology.life_path.number = 33;
        f.numerology.mother_influence = Some(3);
        let n = numbers(&Figures::Full(Box::new(f)));
        assert_eq!(n.len(), 8);
        assert_eq!(
            (n[0].label, n[0].value, n[0].master),
            ("label-life-path", 33, true)
        );
        assert_eq!(
            n[7],
            NumberItem {
                label: "label-mother-influence",
                value: 3,
                master: false
            }
        );
        let Figures::Time(mut t) = time("2026-02-09T14:30:00+01:00") else {
            panic!("time")
        };
        t.moment_number = 11;
        let n = numbers(&Figures::Time(t));
        assert_eq!(
            (n[0].label, n[0].value, n[0].master),
            ("ui-label-moment-number", 11, true)
        );
        let people = vec![
            (
                "Alice".to_string(),
                Date::parse("1990-07-15").expect("date"),
            ),
            ("Bob".to_string(), Date::parse("1984-02-02").expect("date")),
        ];
        let compat = nps_readings::kinds::compatibility(&people)
            .expect("compat")
            .0;
        assert!(numbers(&Figures::Compatibility(compat)).is_empty());
    }

    #[test]
    fn letters_table() {
        let f = Figures::Name(name(vec![
            LetterValue {
                letter: "A".into(),
                value: 1,
                vowel: true,
                element: Some("Wood"),
            },
            LetterValue {
                letter: "ل".into(),
                value: 30,
                vowel: false,
                element: Some("Fire"),
            },
        ]));
        let (system, rows) = letters(&f).expect("letters");
        assert_eq!((system, rows.len()), (System::Abjad, 2));
        assert_eq!(
            (rows[0].element.and_then(element_named), rows[0].vowel),
            (Some(Element::WOOD), true)
        );
        assert_eq!((rows[1].letter.as_str(), rows[1].value), ("ل", 30));
        assert_eq!(rows[1].element.and_then(element_named), Some(Element::FIRE));
        assert_eq!(letters(&Figures::Name(name(Vec::new()))), None);
        assert_eq!(letters(&time("2026-02-09")), None);
    }

    #[test]
    fn moon_and_its_picture() {
        let waning = MoonInfo {
            phase: 5,
            phase_name: "Waning Gibbous",
            emoji: "🌖",
            age: 22.05,
            illumination: 51.0,
        };
        let mut f = full("2026-02-09T14:30:00-05:00");
        f.moon = waning;
        let m = moon(&Figures::Full(Box::new(f))).expect("moon");
        assert_eq!((m.phase, m.waxing, m.illumination), (5, false, 51.0));
        let Figures::Time(mut t) = time("2026-02-09T14:30:00+01:00") else {
            panic!("time")
        };
        t.moment.moon = MoonInfo {
            phase: 1,
            phase_name: "Waxing Crescent",
            emoji: "🌒",
            age: 3.0,
            illumination: 9.5,
        };
        let m = moon(&Figures::Time(t)).expect("moon in moment");
        assert_eq!((m.phase, m.waxing), (1, true));
        assert_eq!(moon(&Figures::Name(name(Vec::new()))), None);
        assert_eq!(moon_lit_path(0.0, true, 40.0), "");
        // Full: the terminator is a full half circle on the other side.
        assert_eq!(
            moon_lit_path(100.0, true, 40.0),
            "M 40.00 0 A 40.00 40.00 0 0 1 40.00 80.00 A 40.00 40.00 0 0 1 40.00 0 Z"
        );
        // Half lit: the terminator is a straight line (rx 0).
        assert_eq!(
            moon_lit_path(50.0, false, 40.0),
            "M 40.00 0 A 40.00 40.00 0 0 0 40.00 80.00 A 0.00 40.00 0 0 0 40.00 0 Z"
        );
        // A waxing crescent's terminator bulges toward the lit (right) side.
        assert!(moon_lit_path(25.0, true, 40.0).ends_with("A 20.00 40.00 0 0 0 40.00 0 Z"));
    }

    #[test]
    fn ganzhi_from_every_kind_of_result() {
        let g = ganzhi(&time("2026-02-09T14:30:00+01:00"));
        assert_eq!(
            g.iter().map(|x| x.token.as_str()).collect::<Vec<_>>(),
            ["BI-HO", "JA-TI", "XI-GO"]
        );
        assert_eq!(
            (g[0].element, g[0].animal, g[0].polarity),
            (
                Some(Element::FIRE),
                Some(Animal::from_index(6)),
                Some("Yang")
            )
        );
        assert_eq!(
            (g[2].animal, g[2].element),
            (Some(Animal::from_index(7)), None)
        );
        let date_only = ganzhi(&time("2026-02-09"));
        assert_eq!(date_only.len(), 2, "no hour without a time");
        let g = ganzhi(&Figures::Full(Box::new(full("2026-02-09T19:30:00-05:00"))));
        assert_eq!(
            g.iter().map(|x| x.label).collect::<Vec<_>>(),
            ["label-ganzhi-year", "label-ganzhi-day", "label-ganzhi-hour"]
        );
        assert_eq!(
            (g[2].token.as_str(), g[2].animal),
            ("JA-DO", Some(Animal::from_index(10)))
        );
        assert!(ganzhi(&Figures::Name(name(Vec::new()))).is_empty());
    }

    #[test]
    fn patterns_confidence_and_compatibility() {
        let list = [
            Pattern::NumberRepetition {
                number: 5,
                occurrences: 2,
                strength: Strength::Medium,
            },
            Pattern::AnimalRepetition {
                animal: Animal::from_index(10),
                occurrences: 3,
                strength: Strength::VeryHigh,
            },
            Pattern::MasterNumber {
                number: 11,
                strength: Strength::VeryHigh,
            },
        ];
        assert_eq!(
            strip_isolation(&describe_pattern(Locale::En, &list[1])),
            "The Dog appears 3 times (Very high)."
        );
        assert!(strip_isolation(&describe_pattern(Locale::Fa, &list[0])).contains('۵'));
        let mut f = full("2026-02-09T14:30:00-05:00");
        f.patterns.detected = list.to_vec();
        f.confidence.score = 95;
        f.confidence.level = "very_high";
        let f = Figures::Full(Box::new(f));
        assert_eq!(patterns(&f), list);
        assert_eq!(
            confidence(&f),
            Some((95, "confidence-very-high".to_string()))
        );
        assert_eq!(confidence(&time("2026-02-09")), None);
        let people = vec![
            (
                "Alice".to_string(),
                Date::parse("1990-07-15").expect("date"),
            ),
            ("Bob".to_string(), Date::parse("1984-02-02").expect("date")),
        ];
        let mut c = nps_readings::kinds::compatibility(&people)
            .expect("compat")
            .0;
        c.group_percent = 55;
        c.level = "mixed";
        c.pairs[0].percent = 65;
        let figures = Figures::Compatibility(c);
        let view = compatibility(&figures).expect("compat");
        assert_eq!(view.group_percent, 55);
        assert_eq!(view.level, "harmony-mixed");
        assert_eq!(
            view.pairs,
            [PairItem {
                a: "Alice".into(),
                b: "Bob".into(),
                percent: 65
            }]
        );
        assert_eq!(
            view.people[1].year_animal,
            Animal::from_index(0),
            "1984 is a Rat year"
        );
        assert!(compatibility(&time("2026-02-09")).is_none());
    }

    #[test]
    fn plain_text_export() {
        let text = RenderedText {
            locale: Locale::Fa,
            direction: "rtl".into(),
            headline: "H".into(),
            summary: Vec::new(),
            sections: vec![RenderedSection {
                id: "section-now".into(),
                title: "Now".into(),
                paragraphs: vec!["p1".into(), "p2".into()],
            }],
        };
        assert_eq!(plain_text("S", &text), "H\n\nS\n\nNow\np1\np2");
        assert_eq!(
            plain_text("H", &text),
            "H\n\nNow\np1\np2",
            "a summary equal to the headline is not repeated"
        );
        // Fluent's isolation marks and any other bidi control are left out.
        let marked = RenderedText {
            headline: "\u{2068}علی\u{2069} \u{200F}۵".into(),
            sections: vec![RenderedSection {
                id: "section-now".into(),
                title: "\u{202B}Now\u{202C}".into(),
                paragraphs: vec!["\u{2067}p\u{2069}\u{061C}".into()],
            }],
            ..text
        };
        assert_eq!(plain_text("", &marked), "علی ۵\n\nNow\np");
        // The summary's signals follow the headline, one a line.
        let summarized = RenderedText {
            locale: Locale::En,
            direction: "ltr".into(),
            headline: "H".into(),
            summary: vec![nps_protocol::RenderedSignal {
                kind: "sky".into(),
                theme: "Hidden Potential".into(),
                text: "Name it to yourself first.".into(),
            }],
            sections: vec![RenderedSection {
                id: "section-now".into(),
                title: "Now".into(),
                paragraphs: vec!["p1".into(), "p2".into()],
            }],
        };
        assert_eq!(
            plain_text("H", &summarized),
            "H\n\n- Hidden Potential: Name it to yourself first.\n\nNow\np1\np2"
        );
    }

    #[test]
    fn names_are_localized() {
        assert_eq!(
            animal_name(Locale::En, Animal::parse("TI").expect("TI")),
            "Tiger"
        );
        assert_eq!(animal_name(Locale::En, Animal::from_index(9)), "Rooster");
        assert_ne!(
            animal_name(Locale::Fa, Animal::parse("TI").expect("TI")),
            "Tiger"
        );
        assert_eq!(element_name(Locale::En, Element::METAL), "Metal");
        let saturday = Weekday::parse("SA").expect("SA");
        assert_eq!(weekday_name(Locale::En, saturday), "Saturday");
        assert_eq!(
            planet_name(Locale::En, Weekday::parse("JO").expect("JO")),
            "Jupiter"
        );
        assert_eq!(moon_phase_name(Locale::En, 4), "Full Moon");
        assert_eq!(element_named("Earth"), Some(Element::EARTH));
        assert_eq!(element_named("Aether"), None);
    }
}

mod session {
    use nps_ui::state::session::*;

    /// An unsigned JWT with these claims (the client never checks signatures).
    fn jwt(claims: &str) -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut out = String::new();
        for chunk in claims.as_bytes().chunks(3) {
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..=chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            }
        }
        format!("eyJhbGciOiJIUzI1NiJ9.{out}.sig")
    }

    #[test]
    fn reads_exp_and_username_from_the_token() {
        let token = jwt(r#"{"sub":"alice","username":"alice","role":"user","iat":100,"exp":3700}"#);
        let claims = jwt_claims(&token).expect("claims");
        assert_eq!((claims.username.as_str(), claims.exp), ("alice", 3700));
        assert_eq!(jwt_claims("not-a-jwt"), None);
        assert_eq!(base64url_decode("aGk").as_deref(), Some(&b"hi"[..]));
        assert_eq!(base64url_decode("aGk=").as_deref(), Some(&b"hi"[..]));
        assert_eq!(base64url_decode("_-8").as_deref(), Some(&[0xFF, 0xEF][..]));
        assert_eq!(base64url_decode("a*b"), None);
    }

    #[test]
    fn refreshes_a_minute_before_expiry() {
        let token = jwt(r#"{"sub":"a","username":"a","role":"user","iat":0,"exp":3600}"#);
        let r = nps_protocol::TokenResponse::bearer(token, "refresh", 3600);
        let t = Tokens::from_response(&r, "http://h", 0);
        assert_eq!(t.expires_at, Some(3600));
        assert_eq!(t.refresh_in(0), Some(3540));
        assert!(!t.needs_refresh(3539));
        assert!(t.needs_refresh(3540));
        assert!(t.needs_refresh(99_999));
        // Debug never shows tokens.
        let dbg = format!("{t:?}");
        assert!(!dbg.contains("refresh\"") && !dbg.contains("eyJ"), "{dbg}");
        // Without a readable exp: login time + expires_in.
        let r = nps_protocol::TokenResponse::bearer("opaque", "rt", 900);
        assert_eq!(
            Tokens::from_response(&r, "http://h", 1000).expires_at,
            Some(1900)
        );
    }

    #[test]
    fn session_reducer() {
        let t = Tokens::from_shell("opaque", "http://h");
        let s = SessionState::default().apply(SessionAction::Shell(t.clone()));
        assert!(s.signed_in() && s.from_shell);
        assert_eq!(t.refresh_token, None);
        let s = s.apply(SessionAction::SignedOut);
        assert!(!s.signed_in());
    }
}

mod settings {
    use nps_i18n::Locale;
    use nps_protocol::SystemChoice;
    use nps_ui::state::settings::*;

    #[test]
    fn a_first_visit_speaks_the_browsers_language() {
        for (tag, locale) in [
            ("fa", Locale::Fa),
            ("fa-IR", Locale::Fa),
            ("FA-af", Locale::Fa),
            ("fa_IR", Locale::Fa),
            ("en-US", Locale::En),
            ("fam", Locale::En),
            ("de", Locale::En),
            ("", Locale::En),
        ] {
            assert_eq!(locale_of_language(tag), locale, "{tag:?}");
        }
    }

    #[test]
    fn language_toggle_and_system() {
        let s = Settings::default();
        assert_eq!(s.locale, Locale::En);
        let s = s.apply(SettingsAction::ToggleLocale);
        assert_eq!(s.locale, Locale::Fa);
        let s = s.apply(SettingsAction::ToggleLocale);
        assert_eq!(s.locale, Locale::En);
        assert_eq!(s.system, SystemChoice::Auto);
        let s = s.apply(SettingsAction::SetSystem(SystemChoice::Abjad));
        assert_eq!(s.system, SystemChoice::Abjad);
        // Stored as its wire name; a name no system has is refused.
        let json = serde_json::to_value(&s).expect("json");
        assert_eq!(json["system"], "abjad");
        let mut bad = json;
        bad["system"] = "tarot".into();
        assert!(serde_json::from_value::<Settings>(bad).is_err());
    }

    #[test]
    fn server_addresses() {
        let s = Settings::default();
        assert_eq!(
            s.base_url("http://127.0.0.1:8000/"),
            "http://127.0.0.1:8000"
        );
        let s = s.apply(SettingsAction::SetServer(Server::Remote {
            url: "nps.example.org:8443/".into(),
        }));
        assert_eq!(s.base_url("http://ignored"), "http://nps.example.org:8443");
        assert!(valid_server_url("https://nps.example.org"));
        assert!(valid_server_url("127.0.0.1:8000"));
        assert!(!valid_server_url("https://"));
        assert!(!valid_server_url("https://h/path"));
        assert!(!valid_server_url("http://h:99999"));
        // Settings survive a round trip through storage's JSON.
        let json = serde_json::to_string(&s).expect("json");
        assert_eq!(serde_json::from_str::<Settings>(&json).expect("back"), s);
        assert_eq!(
            serde_json::from_str::<Settings>("{}").expect("defaults"),
            Settings::default()
        );
    }
}

mod history {
    use nps_protocol::{HistoryItem, HistoryPage, HistoryQuery, SignType};
    use nps_ui::services::api::url_with_query;
    use nps_ui::state::history::*;

    fn item(id: i64, day: &str, favorite: bool) -> HistoryItem {
        HistoryItem {
            reading_id: id,
            sign_type: SignType::Time,
            summary: format!("reading {id}"),
            locale: "en".into(),
            created_at: format!("{day}T10:00:00.000Z"),
            input: serde_json::Value::Null,
            marks: nps_protocol::ReadingMarks {
                favorite,
                ..Default::default()
            },
        }
    }

    #[test]
    fn a_question_row_shows_the_question_asked() {
        let with = |kind, input| HistoryItem {
            sign_type: kind,
            input,
            ..item(1, "2026-02-10", false)
        };
        let asked_of = |kind, input| asked(&with(kind, input)).map(str::to_string);
        let q = serde_json::json!({"question": "  Should I move to Shiraz?  ", "system": "auto"});
        assert_eq!(
            asked_of(SignType::Question, q.clone()).as_deref(),
            Some("Should I move to Shiraz?")
        );
        assert_eq!(asked_of(SignType::Name, q), None, "only a question reading");
        assert_eq!(
            asked_of(SignType::Question, serde_json::json!({"question": " "})),
            None
        );
        assert_eq!(asked_of(SignType::Question, serde_json::Value::Null), None);
    }

    #[test]
    fn query_string() {
        let url =
            |q: &HistoryQuery| url_with_query("http://h/", "/api/oracle/readings", q).expect("url");
        let mut f = Filters::default();
        assert_eq!(
            url(&f.query(0)),
            "http://h/api/oracle/readings?limit=50&offset=0"
        );
        f.kind = Some(SignType::Name);
        f.favorites_only = true;
        f.q = " ali & co ".into();
        f.from = "2026-02-01".into();
        f.to = " 2026-02-05".into();
        let query = f.query(50);
        assert_eq!(
            url(&query),
            "http://h/api/oracle/readings?type=name&favorite=true&q=ali+%26+co\
             &from=2026-02-01&to=2026-02-05&limit=50&offset=50"
        );
        // The server reads back exactly what was meant.
        let (_, sent) = url(&query)
            .split_once('?')
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .expect("?");
        assert_eq!(
            serde_urlencoded::from_str::<HistoryQuery>(&sent).ok(),
            Some(query)
        );
        f.from = " ".into();
        assert_eq!(f.query(0).from, None, "an empty date is no bound");
    }

    #[test]
    fn loading_delete_and_favorites() {
        let page = HistoryPage {
            items: vec![
                item(3, "2026-02-10", false),
                item(2, "2026-02-05", true),
                item(1, "2026-01-01", false),
            ],
            total: 3,
            limit: 50,
            offset: 0,
        };
        let s = HistoryState::default()
            .apply(HistoryAction::SetFrom("2026-02-01".into()))
            .apply(HistoryAction::SetTo("2026-02-05".into()));
        assert_eq!(
            (
                s.filters.query(0).from.as_deref(),
                s.filters.query(0).to.as_deref()
            ),
            (Some("2026-02-01"), Some("2026-02-05")),
            "the date range goes to the server"
        );
        let s = s.apply(HistoryAction::Loaded {
            page: page.clone(),
            append: false,
        });
        assert_eq!(
            s.items.iter().map(|i| i.reading_id).collect::<Vec<_>>(),
            [3, 2, 1]
        );
        // "Load more" appends only rows not seen yet.
        let s = s.apply(HistoryAction::Loaded {
            page: HistoryPage {
                items: vec![item(1, "2026-01-01", false), item(0, "2025-12-31", false)],
                total: 4,
                ..page
            },
            append: true,
        });
        assert_eq!(
            s.items.iter().map(|i| i.reading_id).collect::<Vec<_>>(),
            [3, 2, 1, 0]
        );
        assert!(!s.has_more());
        let s = s.apply(HistoryAction::AskDelete(2));
        assert_eq!(s.confirm_delete, Some(2));
        let s = s.apply(HistoryAction::Deleted(2));
        assert_eq!((s.items.len(), s.total, s.confirm_delete), (3, 3, None));
        let s = s.apply(HistoryAction::Favorite {
            reading_id: 3,
            favorite: true,
        });
        assert!(s.items[0].marks.favorite);
        let s = s
            .apply(HistoryAction::SetFavoritesOnly(true))
            .apply(HistoryAction::Favorite {
                reading_id: 3,
                favorite: false,
            });
        assert!(
            s.items.iter().all(|i| i.reading_id != 3),
            "unfavorited rows leave the favorites view"
        );
        // A failed delete closes the dialog, so its error can be read.
        let s = s
            .apply(HistoryAction::AskDelete(1))
            .apply(HistoryAction::Failed(nps_ui::error::HttpError::network(
                "offline",
            )));
        assert_eq!((s.confirm_delete, s.error.is_some()), (None, true));
    }
}

mod keyboard_and_titles {
    use nps_i18n::Locale;
    use nps_protocol::SignType::{self, *};
    use nps_ui::app::page_title;
    use nps_ui::components::form::kind_after_key;
    use nps_ui::route::Route;

    #[test]
    fn arrow_keys_choose_the_next_kind_wrapping_and_mirrored_right_to_left() {
        let cases: [(SignType, &str, bool, Option<SignType>); 12] = [
            (Time, "ArrowRight", false, Some(Name)),
            (Time, "ArrowDown", false, Some(Name)),
            (Time, "ArrowLeft", false, Some(Compatibility)),
            (Time, "ArrowUp", false, Some(Compatibility)),
            (Compatibility, "ArrowRight", false, Some(Time)),
            (Question, "Home", false, Some(Time)),
            (Question, "End", true, Some(Compatibility)),
            (Time, "ArrowLeft", true, Some(Name)),
            (Name, "ArrowRight", true, Some(Time)),
            (Time, "ArrowDown", true, Some(Name)),
            (Time, "Enter", false, None),
            (Time, "a", true, None),
        ];
        for (from, key, rtl, expected) in cases {
            assert_eq!(
                kind_after_key(from, key, rtl),
                expected,
                "{from:?} {key} rtl={rtl}"
            );
        }
    }

    #[test]
    fn the_title_names_the_page_then_the_app_in_both_languages() {
        let cases = [
            (Route::Oracle, true, Locale::En, "Oracle · NPS Oracle"),
            (Route::History, true, Locale::En, "History · NPS Oracle"),
            (
                Route::Reading { id: 12 },
                true,
                Locale::Fa,
                "خوانش ۱۲ · پیشگوی NPS",
            ),
            (
                Route::LearnEntry {
                    anchor: "number-7".into(),
                },
                false,
                Locale::Fa,
                "دانستنی\u{200c}ها · پیشگوی NPS",
            ),
            (Route::Settings, false, Locale::En, "Settings · NPS Oracle"),
            // A page that needs a user shows the sign-in screen, and says so.
            (Route::History, false, Locale::En, "Sign in · NPS Oracle"),
            (Route::People, false, Locale::Fa, "ورود · پیشگوی NPS"),
            (
                Route::NotFound,
                true,
                Locale::En,
                "Page not found · NPS Oracle",
            ),
        ];
        for (route, signed_in, locale, title) in cases {
            assert_eq!(page_title(locale, &route, signed_in), title, "{route:?}");
        }
    }
}

mod messages {
    use std::collections::BTreeSet;

    use nps_i18n::{Locale, Localizer};

    /// Every `"ui-…"` literal in the UI's source.
    fn literal_ids() -> BTreeSet<String> {
        let mut ids = BTreeSet::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("src is readable") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).expect("readable");
                for (i, _) in text.match_indices("\"ui-") {
                    let rest = &text[i + 1..];
                    let end = rest.find('"').unwrap_or(0);
                    let id = &rest[..end];
                    if id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                        && !id.ends_with('-')
                    {
                        ids.insert(id.to_string());
                    }
                }
            }
        }
        ids
    }

    #[test]
    fn every_message_the_ui_uses_exists_in_both_languages() {
        let l = Localizer::get();
        let mut ids = literal_ids();
        assert!(ids.len() > 80, "found only {} ids", ids.len());
        for k in nps_protocol::SignType::ALL {
            for id in [
                format!("ui-kind-{}", k.as_str()),
                format!("ui-kind-{}-help", k.as_str()),
                format!("kind-{}", k.as_str()),
            ] {
                ids.insert(id);
            }
        }
        for s in nps_protocol::SystemChoice::ALL.iter().skip(1) {
            ids.insert(format!("system-{}", s.as_str()));
        }
        for g in nps_ui::state::forms::GENDERS {
            ids.insert(format!("ui-gender-{g}"));
        }
        for l in Locale::ALL {
            ids.insert(format!("ui-language-name-{}", l.tag()));
        }
        for format in nps_ui::hooks::SERVER_FORMATS {
            ids.insert(format!("ui-export-{format}"));
        }
        for s in ["medium", "high", "very-high"] {
            ids.insert(format!("strength-{s}"));
        }
        for s in ["low", "medium", "high", "very-high"] {
            ids.insert(format!("confidence-{s}"));
        }
        for s in ["strong", "good", "mixed", "challenging"] {
            ids.insert(format!("harmony-{s}"));
        }
        for id in [
            "heading-stamp",
            "heading-numerology",
            "heading-moon",
            "heading-ganzhi",
            "heading-patterns",
            "heading-confidence",
            "label-phase",
            "label-illumination",
            "label-moon-age",
            "value-moon-age",
            "value-percent",
            "label-name",
            "label-birthdate",
            "label-life-path",
            "label-ganzhi-year",
            "label-system",
            "section-letters",
            "section-day",
            "progress-error",
            "progress-started",
            "progress-complete",
        ] {
            ids.insert(id.to_string());
        }
        for id in &ids {
            for locale in Locale::ALL {
                assert!(l.has(locale, id), "{locale}: {id} is missing");
            }
        }
    }

    /// The loading screen of `static/index.html` names its texts as
    /// `{{en:ui-…}}` placeholders (`scripts/ui-dist.mjs` fills them from one line of
    /// each file, so a message must be a single line).
    #[test]
    fn the_loading_screen_texts_exist_in_both_languages_on_one_line() {
        let html = include_str!("../static/index.html");
        let mut found = 0;
        for (i, _) in html.match_indices("{{") {
            let inner = &html[i + 2..];
            let inner = &inner[..inner.find("}}").expect("a closed placeholder")];
            let (lang, id) = inner.split_once(':').expect("lang:id");
            let locale: Locale = lang.parse().expect("en or fa");
            let ftl = match locale {
                Locale::En => include_str!("../../locales/en/ui.ftl"),
                Locale::Fa => include_str!("../../locales/fa/ui.ftl"),
            };
            let line = ftl
                .lines()
                .find(|l| l.starts_with(&format!("{id} = ")))
                .unwrap_or_else(|| panic!("{lang}: {id} is not a one-line message"));
            assert!(line.len() > id.len() + 10, "{line}");
            found += 1;
        }
        assert_eq!(found, 6, "loading, failed, noscript in both languages");
    }

    #[test]
    fn persian_ui_text_is_persian() {
        let l = Localizer::get();
        for id in l.message_ids(Locale::Fa).filter(|id| id.starts_with("ui-")) {
            let render = |locale: Locale| {
                let args = l
                    .variables(locale, id)
                    .into_iter()
                    .flatten()
                    .fold(nps_i18n::Args::new(), |a, v| a.with(v.clone(), "x"));
                l.format(locale, id, &args).expect("renders")
            };
            let (fa, en) = (render(Locale::Fa), render(Locale::En));
            // Language names and URLs may be the same, and so may a pattern of
            // placeables only (the title: page · app); everything else is translated.
            if id.starts_with("ui-language-name")
                || id == "ui-language-switch"
                || id == "ui-page-title"
            {
                continue;
            }
            assert_ne!(fa, en, "{id} is not translated");
            assert!(
                fa.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                "{id} has no Persian letters: {fa}"
            );
        }
    }
}

/// The typed API's requests, described before anything is sent.
mod api {
    use nps_protocol::{FavoriteBody, LocaleQuery, SignType, TimeReadingRequest};
    use nps_ui::services::api::{Call, Method, reading_call};
    use nps_ui::state::forms::{OracleForm, ReadingBody};

    fn json(call: &Call) -> serde_json::Value {
        serde_json::from_str(call.body.as_deref().expect("a body")).expect("JSON")
    }

    #[test]
    fn an_export_asks_for_the_format_in_the_readers_language() {
        use nps_ui::services::api::export_call;
        let call = export_call(42, "pdf", nps_i18n::Locale::Fa).expect("a call");
        assert_eq!(call.method, Method::Get);
        assert_eq!(
            call.target,
            "/api/oracle/readings/42/export?format=pdf&locale=fa"
        );
        assert_eq!(call.body, None);
    }

    #[test]
    fn the_saved_file_takes_the_servers_name_when_it_is_a_plain_one() {
        use nps_ui::services::api::attachment_name;
        assert_eq!(
            attachment_name("attachment; filename=\"nps-reading-7.png\"").as_deref(),
            Some("nps-reading-7.png")
        );
        assert_eq!(
            attachment_name("attachment;filename=a.md").as_deref(),
            Some("a.md")
        );
        for refused in [
            "attachment",
            "attachment; filename=\"\"",
            "attachment; filename=\"../x.pdf\"",
            "attachment; filename=\"a/b.pdf\"",
            "attachment; filename=\".hidden\"",
        ] {
            assert_eq!(attachment_name(refused), None, "{refused}");
        }
    }

    #[test]
    fn each_kind_of_reading_posts_to_its_own_endpoint() {
        let mut body = ReadingBody::Time(TimeReadingRequest::default());
        body.tag("fa", "ui-00ff");
        let call = reading_call(&body).expect("a call");
        assert_eq!(
            (call.method, call.target.as_str()),
            (Method::Post, "/api/oracle/reading")
        );
        assert_eq!(
            json(&call),
            serde_json::json!({"datetime": null, "locale": "fa", "request_id": "ui-00ff"})
        );
        let context = nps_ui::state::forms::Context {
            today: "2026-02-09",
            offset_at: &|_| 0,
        };
        for (kind, sets, path) in [
            (SignType::Name, &[("name", "Ali")][..], "/api/oracle/name"),
            (
                SignType::Question,
                &[("question", "Why?")][..],
                "/api/oracle/question",
            ),
            (
                SignType::Full,
                &[
                    ("profile.name", "Ali"),
                    ("profile.birth_date", "1990-07-15"),
                ][..],
                "/api/oracle/full",
            ),
            (
                SignType::Compatibility,
                &[
                    ("people.0.name", "Ali"),
                    ("people.0.birth_date", "1990-07-15"),
                    ("people.1.name", "Sara"),
                    ("people.1.birth_date", "1992-01-02"),
                ][..],
                "/api/oracle/compatibility",
            ),
        ] {
            let form = sets.iter().fold(
                OracleForm::default().apply(nps_ui::state::forms::FormAction::SetKind(kind)),
                |f, (k, v)| {
                    f.apply(nps_ui::state::forms::FormAction::Set(
                        (*k).into(),
                        (*v).into(),
                    ))
                },
            );
            let body = nps_ui::state::forms::validate(&form, &context).expect("valid");
            let call = reading_call(&body).expect("a call");
            assert_eq!((call.method, call.target.as_str()), (Method::Post, path));
        }
        // The daily insight is fetched, never posted.
        let err = reading_call(&ReadingBody::Daily { date: None }).unwrap_err();
        assert_eq!((err.status, err.code.as_str()), (0, "client"));
    }

    #[test]
    fn queries_and_bodies_are_what_the_server_reads() {
        let call = Call::get("/api/oracle/readings/7")
            .query(&LocaleQuery {
                locale: Some("fa".into()),
            })
            .expect("query");
        assert_eq!(call.target, "/api/oracle/readings/7?locale=fa");
        assert_eq!(
            call.url("http://127.0.0.1:8000/"),
            "http://127.0.0.1:8000/api/oracle/readings/7?locale=fa"
        );
        // No `?` when every field is absent.
        let call = Call::get("/api/oracle/daily")
            .query(&LocaleQuery { locale: None })
            .expect("query");
        assert_eq!(call.url("http://h"), "http://h/api/oracle/daily");
        let call = Call::patch(
            "/api/oracle/readings/7/favorite",
            &FavoriteBody {
                favorite: Some(false),
            },
        )
        .expect("body");
        assert_eq!(
            (call.method, json(&call)),
            (Method::Patch, serde_json::json!({"favorite": false}))
        );
        assert_eq!(Call::delete("/x").body, None);
    }
}

/// The pure parts of the hooks: what their state does with each answer or event.
mod hooks {
    use nps_protocol::{DailyReading, DailyResponse, Figures, ReadingResponse, SignType};
    use nps_ui::error::{HttpError, SignInError};
    use nps_ui::state::daily::{Broadcast, DailyAction, DailyState, insight};
    use nps_ui::state::history::{HistoryAction, HistoryState};
    use nps_ui::state::progress::{ProgressAction, ProgressState};
    use nps_ui::state::result::ResultData;
    use nps_ui::state::session::sign_in_fields;
    use nps_ui::state::settings::Server;

    fn http(status: u16, code: &str) -> HttpError {
        HttpError {
            status,
            code: code.into(),
            message: "m".into(),
        }
    }

    fn daily(date: &str, locale: &str) -> DailyReading {
        DailyReading {
            date: date.into(),
            insight: format!("insight {date} {locale}"),
            lucky_numbers: vec!["7".into()],
            locale: locale.into(),
        }
    }

    fn text() -> nps_protocol::RenderedText {
        nps_protocol::RenderedText {
            locale: nps_i18n::Locale::En,
            direction: "ltr".into(),
            headline: "h".into(),
            summary: Vec::new(),
            sections: Vec::new(),
        }
    }

    #[test]
    fn use_reading_completes_the_followed_request_from_the_http_answer() {
        let at = nps_engine::Moment::parse("2026-02-09T14:30:00+01:00").expect("moment");
        let response = ReadingResponse {
            reading_id: 42,
            request_id: "ui-1".into(),
            summary: "A time reading".into(),
            result: Figures::Time(nps_readings::kinds::time(at).0),
            text: text(),
            created_at: "2026-02-09T13:30:00Z".into(),
            marks: Default::default(),
        };
        let ProgressAction::HttpDone(done) = ProgressAction::http_done("ui-1", &response) else {
            panic!("http_done")
        };
        assert_eq!(
            (done.request_id.as_str(), done.reading_id, done.sign_type),
            ("ui-1", 42, SignType::Time)
        );
        assert_eq!(
            (done.summary.as_str(), done.user_id.as_str()),
            ("A time reading", "")
        );
        let s = ProgressState::default()
            .apply(ProgressAction::Requested {
                request_id: "ui-1".into(),
                sign_type: SignType::Time,
            })
            .and_then(|s| s.apply(ProgressAction::http_done("ui-1", &response)))
            .expect("completes");
        assert_eq!((s.is_active, s.progress), (false, 100));
        // The answer as the server writes it, read back as the API reads it; the text
        // is kept as it came for copy and download.
        let json = serde_json::to_string(&response).expect("JSON");
        let read: ReadingResponse = serde_json::from_str(&json).expect("reads back");
        assert_eq!(read, response);
        let data = ResultData::reading(&read, json.clone());
        assert_eq!(
            (data.reading_id, data.sign_type(), data.file_name()),
            (Some(42), SignType::Time, "nps-reading-42.json".to_string())
        );
        assert_eq!((data.summary.as_str(), data.raw), ("A time reading", json));
    }

    #[test]
    fn a_day_read_for_me_is_not_replaced_by_the_day_for_everyone() {
        let s = DailyState::default().apply(DailyAction::Fetched(
            daily("2026-02-09", "en"),
            Some("Sara".into()),
        ));
        assert_eq!(s.personal_for.as_deref(), Some("Sara"));
        for (date, locale, meaning) in [
            ("2026-02-09", "en", Broadcast::Ignore),
            ("2026-02-09", "fa", Broadcast::Ignore),
            ("2026-02-10", "en", Broadcast::Refetch),
            ("2026-02-10", "fa", Broadcast::Refetch),
        ] {
            assert_eq!(
                s.on_broadcast(&daily(date, locale), "en"),
                meaning,
                "{date} {locale}"
            );
        }
        // A day for everyone shown live is no longer anyone's own.
        let s = s.apply(DailyAction::Live(daily("2026-02-10", "en")));
        assert_eq!(s.personal_for, None);
    }

    #[test]
    fn use_daily_shows_its_language_and_refetches_a_new_day() {
        // What a broadcast (date, language) means to an English reader.
        let means = |s: &DailyState, cases: &[(&str, &str, Broadcast)]| {
            for (date, locale, meaning) in cases {
                let got = s.on_broadcast(&daily(date, locale), "en");
                assert_eq!(got, *meaning, "{date} in {locale}");
            }
        };
        // Nothing shown yet: a broadcast in another language is not ours to show.
        let s = DailyState::default();
        means(
            &s,
            &[
                ("2026-02-09", "fa", Broadcast::Ignore),
                ("2026-02-09", "en", Broadcast::Show),
            ],
        );
        let s = s.apply(DailyAction::Fetched(daily("2026-02-09", "en"), None));
        assert!(!s.live && s.error.is_none());
        means(
            &s,
            &[
                ("2026-02-09", "fa", Broadcast::Ignore),
                ("2026-02-10", "fa", Broadcast::Refetch),
                ("2026-02-10", "en", Broadcast::Show),
            ],
        );
        let s = s.apply(DailyAction::Failed("ui-error-network"));
        assert_eq!(s.error, Some("ui-error-network"));
        assert_eq!(
            s.daily.as_ref().map(|d| d.date.as_str()),
            Some("2026-02-09"),
            "kept"
        );
        let s = s.apply(DailyAction::Live(daily("2026-02-10", "en")));
        assert!(s.live && s.error.is_none());
        assert_eq!(s.daily, Some(daily("2026-02-10", "en")));
        // The fetched answer's insight part.
        let date = nps_engine::Date::parse("2026-02-10").expect("date");
        let response = DailyResponse {
            date: "2026-02-10".into(),
            locale: "en".into(),
            insight: "insight 2026-02-10 en".into(),
            lucky_numbers: vec!["7".into()],
            figures: nps_readings::kinds::daily(date, None).0,
            text: text(),
            personal_for: None,
        };
        let data = ResultData::daily(&response, "{}".into());
        assert_eq!(
            (data.reading_id, data.sign_type(), data.file_name()),
            (None, SignType::Daily, "nps-daily.json".to_string())
        );
        assert_eq!(data.summary, response.insight);
        assert_eq!(insight(response), daily("2026-02-10", "en"));
    }

    #[test]
    fn use_history_pages_and_failures() {
        let s = HistoryState::default().apply(HistoryAction::Loading);
        assert_eq!((s.loading, s.next_offset()), (true, 0));
        let s = s.apply(HistoryAction::Failed(http(500, "internal")));
        assert!(!s.loading);
        assert_eq!(
            s.error.as_ref().map(|e| e.message_id()),
            Some("ui-error-server")
        );
        let s = s.apply(HistoryAction::Loading);
        assert_eq!(s.error, None, "a new load clears the last failure");
    }

    #[test]
    fn use_login_and_use_server_switch_decide_before_sending() {
        assert_eq!(
            sign_in_fields(" alice ", "pw"),
            Some(("alice".to_string(), "pw".to_string()))
        );
        assert_eq!(sign_in_fields("  ", "pw"), None);
        assert_eq!(sign_in_fields("alice", ""), None);
        // A refused sign-in says only that; anything else keeps the error.
        assert_eq!(
            SignInError::from(http(401, "unauthorized")),
            SignInError::Refused
        );
        assert_eq!(
            SignInError::from(http(0, "network")),
            SignInError::Failed(http(0, "network"))
        );
        assert_eq!(Server::chosen(false, "junk"), Some(Server::ThisComputer));
        assert_eq!(
            Server::chosen(true, " nps.example.org:8443/ "),
            Some(Server::Remote {
                url: "http://nps.example.org:8443".into()
            })
        );
        assert_eq!(Server::chosen(true, "https://h/path"), None);
        assert_eq!(
            Server::ThisComputer.base_url("http://127.0.0.1:8000/"),
            "http://127.0.0.1:8000"
        );
        assert!(HttpError::not_signed_in().unauthorized());
        assert!(http(401, "token_expired").token_expired());
        assert!(!http(403, "token_expired").token_expired());
    }
}

mod people {
    use nps_protocol::{ProfileBody, SavedProfile, SignType};
    use nps_ui::state::forms::{FillTarget, FormAction, OracleForm, ProfileForm};
    use nps_ui::state::people::{PeopleAction, PeopleState};

    fn body(name: &str) -> ProfileBody {
        ProfileBody {
            name: name.into(),
            birth_date: "1990-07-15".into(),
            mother_name: Some("Mina".into()),
            gender: Some("female".into()),
            latitude: Some(35.6892),
            longitude: Some(51.389),
            bpm: Some(72),
            numerology_system: None,
        }
    }

    fn saved(id: i64, name: &str, is_me: bool) -> SavedProfile {
        SavedProfile {
            id,
            person: body(name),
            is_me,
            created_at: "2026-11-27T10:00:00.000Z".into(),
            updated_at: "2026-11-27T10:00:00.000Z".into(),
        }
    }

    fn names(s: &PeopleState) -> Vec<(String, bool)> {
        s.items
            .iter()
            .map(|p| (p.person.name.clone(), p.is_me))
            .collect()
    }

    #[test]
    fn a_saved_person_fills_the_form_as_its_fields_hold_it() {
        let form = ProfileForm::from_body(&body("Sara"));
        assert_eq!(
            form,
            ProfileForm {
                name: "Sara".into(),
                birth_date: "1990-07-15".into(),
                mother_name: "Mina".into(),
                gender: "female".into(),
                latitude: "35.6892".into(),
                longitude: "51.389".into(),
                bpm: "72".into(),
            }
        );
        let blank = ProfileForm::from_body(&ProfileBody {
            mother_name: None,
            gender: None,
            latitude: None,
            longitude: None,
            bpm: None,
            ..body("Ali")
        });
        assert_eq!((blank.latitude.as_str(), blank.bpm.as_str()), ("", ""));
    }

    #[test]
    fn fill_puts_a_person_where_asked_and_clears_only_its_errors() {
        let errors = vec![
            ("profile.name".to_string(), "ui-error-required"),
            ("people.1.name".to_string(), "ui-error-required"),
            ("name".to_string(), "ui-error-required"),
        ];
        let form = OracleForm::default().apply(FormAction::Errors(errors));
        let sara = ProfileForm::from_body(&body("Sara"));
        let full = form.apply(FormAction::Fill(FillTarget::Profile, sara.clone()));
        assert_eq!(full.profile, sara);
        assert_eq!(full.errors.len(), 2);
        assert!(full.error("profile.name").is_none());
        let second = full.apply(FormAction::Fill(FillTarget::Person(1), sara.clone()));
        assert_eq!(second.people[1], sara);
        assert_eq!(second.people[0], ProfileForm::default());
        assert!(second.error("people.1.name").is_none());
        let named = second.apply(FormAction::Fill(FillTarget::Name, sara.clone()));
        assert_eq!(
            (named.name.as_str(), named.birth_date.as_str()),
            ("Sara", "1990-07-15")
        );
        assert!(named.errors.is_empty());
        // A person that is not there changes nothing.
        assert_eq!(
            named.apply(FormAction::Fill(FillTarget::Person(7), sara)),
            named
        );
    }

    #[test]
    fn saving_another_me_unmarks_the_first_and_keeps_me_first() {
        let s = PeopleState::default().apply(PeopleAction::Loaded(vec![
            saved(1, "Sara", true),
            saved(2, "Mina", false),
        ]));
        assert_eq!(s.me().map(|p| p.id), Some(1));
        let s = s.apply(PeopleAction::Edit(2));
        let editor = s.editor.clone().expect("editing");
        assert_eq!((editor.id, editor.is_me), (Some(2), false));
        assert_eq!(editor.form.kind, SignType::Full);
        assert_eq!(editor.form.profile.name, "Mina");
        let s = s
            .apply(PeopleAction::Saving)
            .apply(PeopleAction::Saved(saved(2, "Mina K", true)));
        assert_eq!(names(&s), [("Mina K".into(), true), ("Sara".into(), false)]);
        assert!(s.editor.is_none() && !s.saving);
        let s = s.apply(PeopleAction::Saved(saved(3, "Ali", false)));
        assert_eq!(names(&s).len(), 3);
        assert_eq!(s.items[2].id, 3);
    }

    #[test]
    fn the_editor_checks_a_person_like_the_full_form() {
        let validated =
            |s: &PeopleState| s.editor.as_ref().expect("editing").validated("2026-11-27");
        let s = PeopleState::default().apply(PeopleAction::New);
        let errors = validated(&s).unwrap_err();
        assert_eq!(
            errors,
            [
                ("profile.name".to_string(), "ui-error-required"),
                ("profile.birth_date".to_string(), "ui-error-required"),
            ]
        );
        let set = |s: PeopleState, k: &str, v: &str| {
            s.apply(PeopleAction::EditForm(FormAction::Set(k.into(), v.into())))
        };
        let s = set(s, "profile.name", "Sara");
        let s = set(s, "profile.birth_date", "2030-01-01");
        let s = set(s, "profile.latitude", "۳۵٫۷");
        let errors = validated(&s).unwrap_err();
        assert_eq!(
            errors,
            [
                ("profile.birth_date".to_string(), "ui-error-future-date"),
                ("profile.longitude".to_string(), "ui-error-coordinates-pair"),
            ]
        );
        let s = set(s, "profile.birth_date", "1990-07-15");
        let s = set(s, "profile.longitude", "51.4");
        let person = validated(&s).expect("valid");
        assert_eq!(
            (person.latitude, person.longitude),
            (Some(35.7), Some(51.4))
        );
        // Deleting asks first; a confirmed delete drops the row.
        let s = s
            .apply(PeopleAction::CancelEdit)
            .apply(PeopleAction::Loaded(vec![saved(1, "Sara", true)]))
            .apply(PeopleAction::AskDelete(1));
        assert_eq!(s.confirm_delete, Some(1));
        let s = s.apply(PeopleAction::Deleted(1));
        assert!(s.items.is_empty() && s.confirm_delete.is_none() && s.me().is_none());
    }
}

/// The location picker's reducer: queries numbered, stale answers dropped, arrow keys
/// wrapping, a pick closing the list.
mod places {
    use nps_protocol::PlaceHit;
    use nps_ui::state::places::{PlaceAction, PlaceSearch};

    fn city(id: &str, name: &str) -> PlaceHit {
        PlaceHit {
            id: id.into(),
            name: name.into(),
            country: "IR".into(),
            latitude: 35.6944,
            longitude: 51.4215,
            time_zone: "Asia/Tehran".into(),
        }
    }

    fn found(s: &PlaceSearch, places: Vec<PlaceHit>) -> PlaceSearch {
        s.apply(PlaceAction::Found {
            query: s.query,
            places,
        })
    }

    #[test]
    fn a_slow_answer_to_an_older_query_is_dropped() {
        let s = PlaceSearch::default().apply(PlaceAction::Typed("te".into()));
        assert_eq!((s.query, s.open, s.answered), (1, true, false));
        assert!(!s.expanded(), "nothing to show before the answer");
        let older = s.query;
        let s = s.apply(PlaceAction::Typed("teh".into()));
        let s = s.apply(PlaceAction::Found {
            query: older,
            places: vec![city("ir-tehran", "Tehran")],
        });
        assert!(s.found.is_empty() && !s.answered, "stale answer ignored");
        let s = found(&s, vec![city("ir-tehran", "Tehran")]);
        assert_eq!((s.found.len(), s.active, s.expanded()), (1, Some(0), true));
        // Nothing found is an answer too: the list says so.
        let s = s.apply(PlaceAction::Typed("zzz".into()));
        let s = found(&s, vec![]);
        assert_eq!((s.active, s.expanded()), (None, true));
        // Clearing the field closes the list and forgets what was found.
        let s = s.apply(PlaceAction::Typed("  ".into()));
        assert!(!s.open && s.found.is_empty() && !s.expanded());
    }

    #[test]
    fn arrow_keys_wrap_and_a_pick_closes_the_list() {
        let s = PlaceSearch::default().apply(PlaceAction::Typed("sh".into()));
        let s = found(
            &s,
            vec![
                city("ir-shiraz", "Shiraz"),
                city("ir-shahrekord", "Shahrekord"),
                city("ir-shahroud", "Shahroud"),
            ],
        );
        assert_eq!(s.active, Some(0));
        let s = s.apply(PlaceAction::Move(-1));
        assert_eq!(s.active, Some(2), "up from the first wraps to the last");
        let s = s.apply(PlaceAction::Move(1));
        assert_eq!(s.active, Some(0), "down from the last wraps to the first");
        let s = s.apply(PlaceAction::Move(1));
        assert_eq!(
            s.active_place().map(|p| p.id.as_str()),
            Some("ir-shahrekord")
        );
        let closed = s.apply(PlaceAction::Close);
        assert_eq!((closed.open, closed.active_place()), (false, None));
        // Arrow down opens it again on the first.
        let again = closed.apply(PlaceAction::Move(1));
        assert_eq!((again.open, again.active), (true, Some(0)));
        let picked = s.apply(PlaceAction::Picked(city("ir-shahrekord", "Shahrekord")));
        assert_eq!(picked.text, "Shahrekord");
        assert!(!picked.open && !picked.expanded() && picked.active_place().is_none());
    }
}

/// The result's charts: their geometry, with exact figures.
mod charts {
    use nps_engine::Date;
    use nps_engine::moon::MoonInfo;
    use nps_i18n::Locale;
    use nps_ui::charts::*;

    fn date(s: &str) -> Date {
        Date::parse(s).expect("date")
    }

    #[test]
    fn the_cycle_shows_nine_personal_years_with_the_current_one_marked() {
        // Born 1990-07-15: dr(7 + 6 + dr(year)); 2025 gives 13 + 9 = 22, a master year.
        let chart = personal_year_cycle(date("1990-07-15"), 2026, false);
        let years: Vec<(i32, u32)> = chart.bars.iter().map(|b| (b.year, b.number)).collect();
        assert_eq!(
            years,
            [
                (2022, 1),
                (2023, 2),
                (2024, 3),
                (2025, 22),
                (2026, 5),
                (2027, 6),
                (2028, 7),
                (2029, 8),
                (2030, 9)
            ]
        );
        assert_eq!(
            (chart.width, chart.height, chart.base),
            (332.0, 128.0, 108.0)
        );
        let current: Vec<i32> = chart
            .bars
            .iter()
            .filter(|b| b.current)
            .map(|b| b.year)
            .collect();
        assert_eq!(current, [2026]);
        let bar = |i: usize| {
            let b = &chart.bars[i];
            (b.x, b.y, b.height)
        };
        assert_eq!(bar(0), (8.0, 98.0, 10.0));
        assert_eq!(bar(3), (116.0, 68.0, 40.0), "22 stands at its base, 4");
        assert_eq!(bar(4), (152.0, 58.0, 50.0));
        assert_eq!(bar(8), (296.0, 18.0, 90.0));
        // Right to left the years run leftward: the first year takes the last place.
        let rtl = personal_year_cycle(date("1990-07-15"), 2026, true);
        let xs: Vec<f64> = rtl.bars.iter().map(|b| b.x).collect();
        assert_eq!(
            xs,
            [296.0, 260.0, 224.0, 188.0, 152.0, 116.0, 80.0, 44.0, 8.0]
        );
    }

    #[test]
    fn the_same_score_has_the_same_band_everywhere() {
        let bands: Vec<(u32, &str)> = [100, 80, 79, 65, 64, 50, 49, 0, 150]
            .into_iter()
            .map(|p| {
                let c = score_cell(p);
                (c.percent, c.level)
            })
            .collect();
        assert_eq!(
            bands,
            [
                (100, "strong"),
                (80, "strong"),
                (79, "good"),
                (65, "good"),
                (64, "mixed"),
                (50, "mixed"),
                (49, "challenging"),
                (0, "challenging"),
                (100, "strong")
            ]
        );
    }

    #[test]
    fn the_matrix_holds_every_pair_both_ways_and_nothing_on_its_diagonal() {
        let people = [
            ("Alice", "1990-07-15"),
            ("Bob", "1984-02-02"),
            ("Sara", "1962-03-01"),
        ]
        .map(|(n, d)| (n.to_string(), date(d)));
        let (c, _) = nps_readings::kinds::compatibility(&people).expect("compatibility");
        let rows = compatibility_matrix(&c);
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|r| r.len() == 3));
        for (i, row) in rows.iter().enumerate() {
            assert_eq!(row[i], None, "no pair with oneself");
        }
        assert_eq!(c.pairs.len(), 3);
        for p in &c.pairs {
            let cell = rows[p.a][p.b].clone().expect("a pair's cell");
            assert_eq!(rows[p.b][p.a], Some(cell.clone()));
            assert_eq!(cell.percent, p.percent);
            assert_eq!(cell.level, nps_protocol::figures::harmony_level(p.percent));
        }
    }

    #[test]
    fn the_moon_month_follows_the_readers_calendar() {
        let day = date("2026-11-27");
        let en = moon_month(Locale::En, day, false).expect("a month");
        assert_eq!(
            (en.month_id.as_str(), en.year),
            ("month-gregorian-11", 2026)
        );
        assert_eq!(en.days.len(), 30);
        assert_eq!(en.width, 660.0);
        assert_eq!(en.days[0].date, date("2026-11-01"));
        assert_eq!(en.days[29].date, date("2026-11-30"));
        let marked: Vec<u32> = en.days.iter().filter(|d| d.marked).map(|d| d.day).collect();
        assert_eq!(marked, [27]);
        assert_eq!((en.days[0].x, en.days[26].x), (0.0, 572.0));
        // The sky of November 2026: new moon on the 9th, full moon on the 24th.
        let darkest = en
            .days
            .iter()
            .min_by(|a, b| a.illumination.total_cmp(&b.illumination))
            .map(|d| d.day);
        let fullest = en
            .days
            .iter()
            .max_by(|a, b| a.illumination.total_cmp(&b.illumination))
            .map(|d| d.day);
        assert!(matches!(darkest, Some(8..=10)), "{darkest:?}");
        assert!(matches!(fullest, Some(23..=25)), "{fullest:?}");
        for d in &en.days {
            assert_eq!(d.phase, MoonInfo::of_jdn(d.date.jdn()).phase);
        }
        // In Persian: Azar 1405, whose 1st is 22 November; the 27th is Azar 6.
        let fa = moon_month(Locale::Fa, day, true).expect("a month");
        assert_eq!(
            (fa.month_id.as_str(), fa.year),
            ("month-solar-hijri-9", 1405)
        );
        assert_eq!(fa.days.len(), 30);
        assert_eq!(fa.days[0].date, date("2026-11-22"));
        let marked: Vec<u32> = fa.days.iter().filter(|d| d.marked).map(|d| d.day).collect();
        assert_eq!(marked, [6]);
        assert_eq!(
            (fa.days[0].x, fa.days[29].x),
            (638.0, 0.0),
            "day 1 on the right"
        );
    }

    #[test]
    fn phase_runs_group_days_of_the_same_phase() {
        let day = date("2026-11-27");
        let month = moon_month(Locale::En, day, true).expect("a month");
        let runs = phase_runs(&month.days);
        // The runs cover every day once, in order, and neighbours differ in phase.
        assert_eq!(runs.first().map(|r| r.0), Some(1));
        assert_eq!(runs.last().map(|r| r.1), Some(30));
        for w in runs.windows(2) {
            assert_eq!(w[0].1 + 1, w[1].0);
            assert_ne!(w[0].2, w[1].2);
        }
        for (from, to, phase) in &runs {
            for d in month.days.iter().filter(|d| (*from..=*to).contains(&d.day)) {
                assert_eq!(d.phase, *phase);
            }
        }
    }

    #[test]
    fn mirror_flips_a_box_within_its_chart() {
        assert_eq!(mirror(8.0, 28.0, 332.0, false), 8.0);
        assert_eq!(mirror(8.0, 28.0, 332.0, true), 296.0);
    }
}

/// A result's summary: who, when, the question, and its strongest signals.
mod summary {
    use nps_engine::numerology::SystemChoice;
    use nps_engine::{Date, Moment, Profile};
    use nps_i18n::{Locale, strip_isolation};
    use nps_protocol::Figures;
    use nps_readings::{Reading, Request, no_progress, run};
    use nps_ui::summary::*;

    fn read(request: Request, locale: Locale) -> Reading {
        run(&request, locale, &mut no_progress).expect("reading")
    }

    fn date(s: &str) -> Date {
        Date::parse(s).expect("date")
    }

    fn at(s: &str) -> Moment {
        Moment::parse(s).expect("moment")
    }

    fn summary_of(r: &Reading, locale: Locale) -> Vec<SummaryLine> {
        lines(locale, &r.result.figures, &r.result.text)
    }

    #[test]
    fn a_full_reading_says_who_when_and_its_strongest_signals() {
        let request = Request::Full {
            profile: Profile::new("Alice Johnson", date("1990-07-15")),
            at: at("2026-02-09T14:30:00-05:00"),
        };
        let r = read(request, Locale::En);
        let f = &r.result.figures;
        assert_eq!(who(f), Who::Named(vec!["Alice Johnson".into()]));
        assert_eq!(when(f), Some(("2026-02-09".into(), Some("14:30".into()))));
        assert_eq!(question(f), None);
        let lines = summary_of(&r, Locale::En);
        assert_eq!(lines.len(), r.result.text.summary.len());
        assert!((SUMMARY_MIN..=5).contains(&lines.len()), "{lines:?}");
        for (line, signal) in lines.iter().zip(&r.result.text.summary) {
            assert_eq!((&line.kind, &line.text), (&signal.kind, &signal.text));
        }
    }

    #[test]
    fn a_question_reading_restates_the_question_and_answers_through_its_number() {
        let request = Request::Question {
            question: "Should I move to Shiraz?".into(),
            system: SystemChoice::Auto,
            at: at("2026-02-09T14:30:00+03:30"),
        };
        let r = read(request, Locale::Fa);
        let f = &r.result.figures;
        assert_eq!(who(f), Who::You);
        assert_eq!(question(f), Some("Should I move to Shiraz?"));
        let lines = summary_of(&r, Locale::Fa);
        let kinds: Vec<&str> = lines.iter().map(|l| l.kind.as_str()).collect();
        assert_eq!(
            kinds,
            ["question", "sky", "number"],
            "completed from the figures"
        );
        let Figures::Question(q) = f else {
            panic!("a question")
        };
        let number = nps_ui::i18n::num(Locale::Fa, q.number);
        assert!(
            strip_isolation(&lines[0].theme).ends_with(&number),
            "{:?}",
            lines[0]
        );
        assert_eq!(
            lines[0].learn.map(|e| e.anchor()),
            Some("core-question".to_string())
        );
    }

    #[test]
    fn kinds_without_signals_are_summarized_from_their_figures() {
        let name = Request::Name {
            name: "Alice Johnson".into(),
            birth: None,
            system: SystemChoice::Auto,
            today: date("2026-02-09"),
        };
        let r = read(name, Locale::En);
        assert!(r.result.text.summary.is_empty());
        let lines = summary_of(&r, Locale::En);
        let themes: Vec<String> = lines.iter().map(|l| strip_isolation(&l.theme)).collect();
        let Figures::Name(f) = &r.result.figures else {
            panic!("a name")
        };
        assert_eq!(
            themes,
            [
                format!("Expression: {}", f.expression),
                format!("Soul urge: {}", f.soul_urge),
                format!("Personality: {}", f.personality)
            ]
        );
        assert_eq!(
            who(&r.result.figures),
            Who::Named(vec!["Alice Johnson".into()])
        );
        assert_eq!(when(&r.result.figures), None);

        let compat = Request::Compatibility {
            people: vec![
                ("Alice".into(), date("1990-07-15")),
                ("Bob".into(), date("1984-02-02")),
                ("Sara".into(), date("1962-03-01")),
            ],
        };
        let r = read(compat, Locale::En);
        let lines = summary_of(&r, Locale::En);
        assert_eq!(lines.len(), 3);
        assert!(lines.iter().all(|l| l.kind == "pair"));
        let Figures::Compatibility(c) = &r.result.figures else {
            panic!("compatibility")
        };
        let mut best: Vec<u32> = c.pairs.iter().map(|p| p.percent).collect();
        best.sort_unstable_by(|a, b| b.cmp(a));
        let level = nps_protocol::figures::harmony_level(best[0]);
        let word = nps_i18n::Localizer::get().text(Locale::En, &format!("harmony-{level}"));
        assert_eq!(
            strip_isolation(&lines[0].text),
            format!("{}%: {word}", best[0])
        );
    }
}
