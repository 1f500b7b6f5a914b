//! Server → client events and the envelope that carries them (DESIGN §3).
//!
//! A JSON frame is `{"event": <name>, "data": {...}, "seq": <u64>, "ts": <float>}`.
//! [`Event`] is the `event`/`data` pair (adjacently tagged); [`Envelope`] adds
//! `seq` and `ts`. Seed clients read only `event` and `data`.

use serde::{Deserialize, Serialize};

/// The step of a reading, in the order a reading goes through them. Wire names are the
/// seed's (`ai_generating` is the interpretation step, done locally).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Only in `reading_started`.
    Started,
    Calculating,
    AiGenerating,
    Combining,
    Complete,
}

impl Step {
    /// The wire name, e.g. `"ai_generating"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Started => "started",
            Self::Calculating => "calculating",
            Self::AiGenerating => "ai_generating",
            Self::Combining => "combining",
            Self::Complete => "complete",
        }
    }
}

/// The kind of a reading (`sign_type` on the wire, `type` in history queries).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum SignType {
    Time,
    Name,
    Question,
    Daily,
    Full,
    Compatibility,
}

impl SignType {
    /// Every kind, in the order DESIGN §2 lists them.
    pub const ALL: [Self; 6] = [
        Self::Time,
        Self::Name,
        Self::Question,
        Self::Daily,
        Self::Full,
        Self::Compatibility,
    ];

    /// The wire name, e.g. `"compatibility"` (also the store's `kind`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Time => "time",
            Self::Name => "name",
            Self::Question => "question",
            Self::Daily => "daily",
            Self::Full => "full",
            Self::Compatibility => "compatibility",
        }
    }

    /// The kind with this wire name, if any.
    pub fn from_wire(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl std::fmt::Display for SignType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// First frame of every accepted connection.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Welcome {
    pub user_id: String,
    pub server_version: String,
    /// The server's `ping` interval in whole seconds, rounded up (never 0).
    pub heartbeat_secs: u64,
    /// Changes when the server restarts; send it back as `?epoch=` to resume.
    pub epoch: u64,
    /// The user's current seq: the seq of the newest event addressed to them.
    pub seq: u64,
}

/// A reading began. `step` is always [`Step::Started`] and `progress` 0; use
/// [`ReadingStarted::new`].
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct ReadingStarted {
    pub request_id: String,
    pub sign_type: SignType,
    pub step: Step,
    pub progress: u8,
    pub message: String,
    pub user_id: String,
}

impl ReadingStarted {
    pub fn new(
        request_id: impl Into<String>,
        sign_type: SignType,
        message: impl Into<String>,
        user_id: impl Into<String>,
    ) -> Self {
        Self {
            request_id: request_id.into(),
            sign_type,
            step: Step::Started,
            progress: 0,
            message: message.into(),
            user_id: user_id.into(),
        }
    }
}

/// Progress of a running reading; `progress` is 0–100 and never decreases
/// within one reading. `reading_id` is `null` until the reading is stored.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct ReadingProgress {
    pub request_id: String,
    #[serde(default)]
    pub reading_id: Option<i64>,
    pub step: Step,
    pub progress: u8,
    pub message: String,
    pub user_id: String,
}

/// The reading is stored and done; its full result is at
/// `GET /api/oracle/readings/{reading_id}`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct ReadingComplete {
    pub request_id: String,
    pub reading_id: i64,
    pub sign_type: SignType,
    pub summary: String,
    pub user_id: String,
}

/// The reading failed; nothing was stored.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct ReadingError {
    pub request_id: String,
    pub error: String,
    pub sign_type: SignType,
    pub user_id: String,
}

/// The insight of the day (broadcast to every connection).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct DailyReading {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub insight: String,
    pub lucky_numbers: Vec<String>,
    pub locale: String,
}

/// Resume could not be served: refetch over HTTP. `reason` is one of the
/// `RESYNC_*` constants (clients should not depend on the exact text).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct ResyncRequired {
    pub reason: String,
}

/// `?epoch=` was missing or differs from the server's (the server restarted).
pub const RESYNC_EPOCH_MISMATCH: &str = "epoch_mismatch";
/// Events after `last_seq` are no longer held (buffer size or age).
pub const RESYNC_EVENTS_EVICTED: &str = "events_evicted";
/// `last_seq` is unparsable or newer than anything this server sent.
pub const RESYNC_INVALID_RESUME: &str = "invalid_resume";

/// Every server → client event: `{"event": name, "data": {...}}`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "event", content = "data", rename_all = "snake_case")]
pub enum Event {
    Welcome(Welcome),
    ReadingStarted(ReadingStarted),
    ReadingProgress(ReadingProgress),
    ReadingComplete(ReadingComplete),
    ReadingError(ReadingError),
    DailyReading(DailyReading),
    ResyncRequired(ResyncRequired),
}

impl Event {
    /// The wire name (`"reading_progress"`, ...).
    pub const fn name(&self) -> &'static str {
        match self {
            Self::Welcome(_) => "welcome",
            Self::ReadingStarted(_) => "reading_started",
            Self::ReadingProgress(_) => "reading_progress",
            Self::ReadingComplete(_) => "reading_complete",
            Self::ReadingError(_) => "reading_error",
            Self::DailyReading(_) => "daily_reading",
            Self::ResyncRequired(_) => "resync_required",
        }
    }

    /// The `request_id` and `user_id` of a reading event.
    fn reading_ids(&self) -> Option<(&str, &str)> {
        match self {
            Self::ReadingStarted(d) => Some((&d.request_id, &d.user_id)),
            Self::ReadingProgress(d) => Some((&d.request_id, &d.user_id)),
            Self::ReadingComplete(d) => Some((&d.request_id, &d.user_id)),
            Self::ReadingError(d) => Some((&d.request_id, &d.user_id)),
            Self::Welcome(_) | Self::DailyReading(_) | Self::ResyncRequired(_) => None,
        }
    }

    /// The `request_id` of a reading event.
    pub fn request_id(&self) -> Option<&str> {
        self.reading_ids().map(|(request_id, _)| request_id)
    }

    /// The `user_id` the event names, if it names one: a reading event's or the welcome's.
    pub fn user_id(&self) -> Option<&str> {
        match self {
            Self::Welcome(d) => Some(&d.user_id),
            _ => self.reading_ids().map(|(_, user_id)| user_id),
        }
    }
}

/// One JSON text frame: an [`Event`] plus its `seq` and `ts`.
///
/// `seq` is per user and strictly increasing within one server `epoch`.
/// Frames that are not stored for resume (`welcome`, `resync_required`) carry
/// the user's current seq without advancing it. `ts` is unix seconds (float)
/// when the server sent the event; the server supplies it because this crate
/// has no clock.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Envelope {
    #[serde(flatten)]
    pub event: Event,
    #[serde(default)]
    pub seq: u64,
    #[serde(default)]
    pub ts: f64,
}

impl Envelope {
    pub fn new(event: Event, seq: u64, ts: f64) -> Self {
        Self { event, seq, ts }
    }

    /// The frame's JSON text.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }

    /// Parses a JSON text frame (not the bare `ping` frame: check
    /// [`crate::PING`] first).
    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn envelope_json(event: Event, seq: u64) -> Value {
        let value = serde_json::to_value(Envelope::new(event.clone(), seq, 1_700_000_000.25))
            .expect("serializes");
        let back: Envelope = serde_json::from_value(value.clone()).expect("parses back");
        assert_eq!(back.event, event, "round trip");
        assert_eq!(back.seq, seq);
        value
    }

    #[test]
    fn welcome_exact_json() {
        let ev = Event::Welcome(Welcome {
            user_id: "u1".into(),
            server_version: "0.1.0".into(),
            heartbeat_secs: 30,
            epoch: 42,
            seq: 7,
        });
        assert_eq!(
            envelope_json(ev, 7),
            json!({
                "event": "welcome",
                "data": {"user_id": "u1", "server_version": "0.1.0", "heartbeat_secs": 30, "epoch": 42, "seq": 7},
                "seq": 7,
                "ts": 1_700_000_000.25
            })
        );
    }

    #[test]
    fn reading_started_exact_json() {
        let ev = Event::ReadingStarted(ReadingStarted::new(
            "r-1",
            SignType::Time,
            "Starting reading…",
            "u1",
        ));
        assert_eq!(
            envelope_json(ev, 1),
            json!({
                "event": "reading_started",
                "data": {"request_id": "r-1", "sign_type": "time", "step": "started", "progress": 0,
                         "message": "Starting reading…", "user_id": "u1"},
                "seq": 1,
                "ts": 1_700_000_000.25
            })
        );
    }

    #[test]
    fn reading_progress_exact_json_with_and_without_reading_id() {
        let mut data = ReadingProgress {
            request_id: "r-1".into(),
            reading_id: None,
            step: Step::AiGenerating,
            progress: 75,
            message: "Interpreting".into(),
            user_id: "u1".into(),
        };
        assert_eq!(
            envelope_json(Event::ReadingProgress(data.clone()), 2),
            json!({
                "event": "reading_progress",
                "data": {"request_id": "r-1", "reading_id": null, "step": "ai_generating", "progress": 75,
                         "message": "Interpreting", "user_id": "u1"},
                "seq": 2,
                "ts": 1_700_000_000.25
            })
        );
        data.reading_id = Some(12);
        data.step = Step::Complete;
        data.progress = 100;
        assert_eq!(
            envelope_json(Event::ReadingProgress(data), 3)["data"],
            json!({"request_id": "r-1", "reading_id": 12, "step": "complete", "progress": 100,
                   "message": "Interpreting", "user_id": "u1"})
        );
    }

    #[test]
    fn reading_progress_accepts_missing_reading_id() {
        let text = r#"{"event":"reading_progress","data":{"request_id":"r","step":"calculating","progress":25,"message":"m","user_id":"u"},"seq":1,"ts":0.5}"#;
        let env = Envelope::from_json(text).expect("parses");
        assert!(matches!(
            env.event,
            Event::ReadingProgress(ReadingProgress {
                reading_id: None,
                ..
            })
        ));
    }

    #[test]
    fn reading_complete_exact_json() {
        let ev = Event::ReadingComplete(ReadingComplete {
            request_id: "r-1".into(),
            reading_id: 12,
            sign_type: SignType::Compatibility,
            summary: "Harmony 82%".into(),
            user_id: "u1".into(),
        });
        assert_eq!(
            envelope_json(ev, 4),
            json!({
                "event": "reading_complete",
                "data": {"request_id": "r-1", "reading_id": 12, "sign_type": "compatibility",
                         "summary": "Harmony 82%", "user_id": "u1"},
                "seq": 4,
                "ts": 1_700_000_000.25
            })
        );
    }

    #[test]
    fn reading_error_exact_json() {
        let ev = Event::ReadingError(ReadingError {
            request_id: "r-2".into(),
            error: "invalid date".into(),
            sign_type: SignType::Name,
            user_id: "u1".into(),
        });
        assert_eq!(
            envelope_json(ev, 5),
            json!({
                "event": "reading_error",
                "data": {"request_id": "r-2", "error": "invalid date", "sign_type": "name", "user_id": "u1"},
                "seq": 5,
                "ts": 1_700_000_000.25
            })
        );
    }

    #[test]
    fn daily_reading_exact_json() {
        let ev = Event::DailyReading(DailyReading {
            date: "2026-02-09".into(),
            insight: "A day to begin".into(),
            lucky_numbers: vec!["3".into(), "11".into()],
            locale: "fa".into(),
        });
        assert_eq!(
            envelope_json(ev, 6),
            json!({
                "event": "daily_reading",
                "data": {"date": "2026-02-09", "insight": "A day to begin", "lucky_numbers": ["3", "11"], "locale": "fa"},
                "seq": 6,
                "ts": 1_700_000_000.25
            })
        );
    }

    #[test]
    fn resync_required_exact_json() {
        let ev = Event::ResyncRequired(ResyncRequired {
            reason: RESYNC_EPOCH_MISMATCH.into(),
        });
        assert_eq!(
            envelope_json(ev, 9),
            json!({"event": "resync_required", "data": {"reason": "epoch_mismatch"}, "seq": 9, "ts": 1_700_000_000.25})
        );
    }

    #[test]
    fn reading_events_name_their_request_and_user() {
        let data = |request_id: &str, user_id: &str| {
            json!({"request_id": request_id, "sign_type": "time", "step": "started", "progress": 0,
                   "message": "m", "error": "e", "reading_id": 3, "summary": "s", "user_id": user_id})
        };
        for (name, request_id, user_id) in [
            ("reading_started", "r-1", "u1"),
            ("reading_progress", "r-2", "u2"),
            ("reading_complete", "r-3", "u3"),
            ("reading_error", "r-4", "u4"),
        ] {
            let ev: Event =
                serde_json::from_value(json!({"event": name, "data": data(request_id, user_id)}))
                    .unwrap();
            assert_eq!(
                (ev.request_id(), ev.user_id()),
                (Some(request_id), Some(user_id))
            );
        }
        let welcome = Event::Welcome(Welcome {
            user_id: "u5".into(),
            server_version: "0.1.0".into(),
            heartbeat_secs: 30,
            epoch: 1,
            seq: 0,
        });
        assert_eq!(
            (welcome.request_id(), welcome.user_id()),
            (None, Some("u5"))
        );
        let resync = Event::ResyncRequired(ResyncRequired { reason: "x".into() });
        assert_eq!((resync.request_id(), resync.user_id()), (None, None));
    }

    #[test]
    fn seed_client_frame_without_seq_and_ts_parses() {
        let env = Envelope::from_json(r#"{"event":"resync_required","data":{"reason":"x"}}"#)
            .expect("parses");
        assert_eq!((env.seq, env.ts), (0, 0.0));
    }

    #[test]
    fn every_step_and_sign_type_has_its_wire_name() {
        for step in [
            Step::Started,
            Step::Calculating,
            Step::AiGenerating,
            Step::Combining,
            Step::Complete,
        ] {
            assert_eq!(serde_json::to_value(step).ok(), Some(json!(step.as_str())));
        }
        for kind in SignType::ALL {
            assert_eq!(serde_json::to_value(kind).ok(), Some(json!(kind.as_str())));
            assert_eq!(SignType::from_wire(kind.as_str()), Some(kind));
        }
        assert_eq!(SignType::from_wire("tarot"), None);
    }

    #[test]
    fn event_names_match_serialized_tags() {
        let events = [
            Event::Welcome(Welcome {
                user_id: String::new(),
                server_version: String::new(),
                heartbeat_secs: 1,
                epoch: 0,
                seq: 0,
            }),
            Event::ReadingStarted(ReadingStarted::new("r", SignType::Daily, "m", "u")),
            Event::ResyncRequired(ResyncRequired {
                reason: String::new(),
            }),
        ];
        for ev in events {
            let value = serde_json::to_value(&ev).expect("serializes");
            assert_eq!(value["event"], json!(ev.name()));
        }
    }

    #[test]
    fn unknown_event_is_an_error_not_a_panic() {
        assert!(Envelope::from_json(r#"{"event":"nope","data":{},"seq":1,"ts":1.0}"#).is_err());
        assert!(Envelope::from_json("ping").is_err());
    }
}
