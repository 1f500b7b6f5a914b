//! The reading-progress reducer behind `use_reading_progress()`: it follows only the
//! readings this client asked for (by `request_id`) and ignores everyone else's events.
//!
//! The HTTP answer of a reading and its WebSocket events race; either may come first.
//! Progress never goes back, and a reading ends once (complete or error).

use std::rc::Rc;

use nps_protocol::{Event, ReadingComplete, ReadingResponse, SignType, Step};
use yew::Reducible;

/// How many of this client's request ids are remembered.
pub const MAX_TRACKED_REQUESTS: usize = 16;

/// What `use_reading_progress()` returns.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ProgressState {
    /// A reading of this client is running.
    pub is_active: bool,
    /// The last step reached (`None` before the first reading).
    pub step: Option<Step>,
    /// 0–100, never decreasing within one reading.
    pub progress: u8,
    /// The server's (localized) message for the step.
    pub message: String,
    /// Why the reading failed.
    pub error: Option<String>,
    /// The last reading of this client that completed.
    pub last_reading: Option<ReadingComplete>,
    /// The reading being followed.
    pub request_id: Option<String>,
    pub sign_type: Option<SignType>,
    /// Steps the current reading has passed through, in order, without repeats.
    pub steps_seen: Vec<Step>,
    /// This client's recent request ids (newest last).
    pub requested: Vec<String>,
}

/// Inputs of the reducer.
#[derive(Clone, Debug, PartialEq)]
pub enum ProgressAction {
    /// This client is about to send a reading request with this id.
    Requested {
        request_id: String,
        sign_type: SignType,
    },
    /// A WebSocket event (anyone's; filtered here).
    Ws(Event),
    /// The HTTP answer arrived: the reading is stored.
    HttpDone(ReadingComplete),
    /// The HTTP request failed with this message.
    HttpFailed { request_id: String, error: String },
    /// Forget the current reading (a new form, a new page).
    Clear,
}

impl ProgressAction {
    /// The HTTP answer of the reading sent as `request_id`, as the completion it
    /// stands for (the `reading_complete` event may come before or after it).
    pub fn http_done(request_id: &str, response: &ReadingResponse) -> Self {
        Self::HttpDone(ReadingComplete {
            request_id: request_id.to_string(),
            reading_id: response.reading_id,
            sign_type: response.sign_type(),
            summary: response.summary.clone(),
            // Only the event knows it; `complete` keeps the event's.
            user_id: String::new(),
        })
    }
}

impl ProgressState {
    fn follows(&self, request_id: &str) -> bool {
        self.request_id.as_deref() == Some(request_id)
    }

    fn finished(&self) -> bool {
        !self.is_active && (self.error.is_some() || self.step == Some(Step::Complete))
    }

    fn see(&mut self, step: Step) {
        if !self.steps_seen.contains(&step) {
            self.steps_seen.push(step);
        }
    }

    /// The new state for `action`, or `None` when nothing changes.
    pub fn apply(&self, action: ProgressAction) -> Option<Self> {
        let next = match action {
            ProgressAction::Requested {
                request_id,
                sign_type,
            } => Some(self.requested(request_id, sign_type)),
            ProgressAction::Ws(event) => self.event(event),
            ProgressAction::HttpDone(done) => self.http_done(done),
            ProgressAction::HttpFailed { request_id, error } => {
                self.http_failed(&request_id, error)
            }
            ProgressAction::Clear => Some(Self {
                requested: self.requested.clone(),
                ..Self::default()
            }),
        };
        next.filter(|next| next != self)
    }

    /// A new reading of this client: followed from `started`, its id remembered.
    fn requested(&self, request_id: String, sign_type: SignType) -> Self {
        let mut requested = self.requested.clone();
        requested.retain(|r| r != &request_id);
        requested.push(request_id.clone());
        let extra = requested.len().saturating_sub(MAX_TRACKED_REQUESTS);
        requested.drain(..extra);
        Self {
            is_active: true,
            step: Some(Step::Started),
            progress: 0,
            message: String::new(),
            error: None,
            last_reading: self.last_reading.clone(),
            request_id: Some(request_id),
            sign_type: Some(sign_type),
            steps_seen: vec![Step::Started],
            requested,
        }
    }

    /// A WebSocket event: only those of the reading followed count.
    fn event(&self, event: Event) -> Option<Self> {
        if !self.follows(event.request_id()?) {
            return None;
        }
        let mut next = self.clone();
        if self.finished() {
            // The HTTP answer came first: still record the steps the events report,
            // but the outcome is settled.
            if let Event::ReadingProgress(d) = event {
                if self.error.is_none() {
                    next.see(d.step);
                }
            }
            return Some(next);
        }
        match event {
            Event::ReadingStarted(d) => {
                next.is_active = true;
                next.step = Some(Step::Started);
                next.message = d.message;
                next.see(Step::Started);
            }
            Event::ReadingProgress(d) => {
                next.is_active = true;
                next.progress = next.progress.max(d.progress.min(100));
                next.step = Some(d.step);
                next.message = d.message;
                next.see(d.step);
            }
            Event::ReadingComplete(d) => next.complete(d),
            Event::ReadingError(d) => {
                next.is_active = false;
                next.error = Some(d.error);
            }
            _ => return None,
        }
        Some(next)
    }

    /// The HTTP answer: the reading is stored (unless an error event came first).
    fn http_done(&self, done: ReadingComplete) -> Option<Self> {
        if !self.follows(&done.request_id)
            || self.error.is_some()
            || self.last_reading.as_ref() == Some(&done)
        {
            return None;
        }
        let mut next = self.clone();
        next.complete(done);
        Some(next)
    }

    fn http_failed(&self, request_id: &str, error: String) -> Option<Self> {
        if !self.follows(request_id) || self.finished() {
            return None;
        }
        Some(Self {
            is_active: false,
            error: Some(error),
            ..self.clone()
        })
    }

    fn complete(&mut self, done: ReadingComplete) {
        self.is_active = false;
        self.progress = 100;
        self.step = Some(Step::Complete);
        self.error = None;
        self.see(Step::Complete);
        // Keep the server's user id if the WebSocket event brought one.
        match &self.last_reading {
            Some(prev) if prev.request_id == done.request_id && done.user_id.is_empty() => {}
            _ => self.last_reading = Some(done),
        }
    }
}

impl Reducible for ProgressState {
    type Action = ProgressAction;

    fn reduce(self: Rc<Self>, action: ProgressAction) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}
