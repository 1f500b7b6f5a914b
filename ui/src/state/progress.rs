//! The reading-progress reducer behind `use_reading_progress()`: it follows only the
//! readings this client asked for (by `request_id`) and ignores everyone else's events.
//!
//! The HTTP answer of a reading and its WebSocket events race; either may come first.
//! Progress never goes back, and a reading ends once (complete or error).

use std::rc::Rc;

use nps_protocol::{Event, ReadingComplete, SignType, Step};
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
        let mut next = self.clone();
        match action {
            ProgressAction::Requested {
                request_id,
                sign_type,
            } => {
                next.requested.retain(|r| r != &request_id);
                next.requested.push(request_id.clone());
                if next.requested.len() > MAX_TRACKED_REQUESTS {
                    let extra = next.requested.len() - MAX_TRACKED_REQUESTS;
                    next.requested.drain(..extra);
                }
                next.is_active = true;
                next.step = Some(Step::Started);
                next.progress = 0;
                next.message.clear();
                next.error = None;
                next.request_id = Some(request_id);
                next.sign_type = Some(sign_type);
                next.steps_seen = vec![Step::Started];
            }
            ProgressAction::Ws(event) => {
                let id = event.request_id()?;
                if !self.follows(id) {
                    return None;
                }
                if self.finished() {
                    // The HTTP answer came first: still record the steps the events
                    // report, but the outcome is settled.
                    if let Event::ReadingProgress(d) = event {
                        if self.error.is_none() {
                            next.see(d.step);
                        }
                    }
                    return (next != *self).then_some(next);
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
                    Event::ReadingComplete(d) => {
                        next.complete(d);
                    }
                    Event::ReadingError(d) => {
                        next.is_active = false;
                        next.error = Some(d.error);
                    }
                    _ => return None,
                }
            }
            ProgressAction::HttpDone(done) => {
                if !self.follows(&done.request_id) || self.error.is_some() {
                    return None;
                }
                if self.last_reading.as_ref() == Some(&done) {
                    return None;
                }
                next.complete(done);
            }
            ProgressAction::HttpFailed { request_id, error } => {
                if !self.follows(&request_id) || self.finished() {
                    return None;
                }
                next.is_active = false;
                next.error = Some(error);
            }
            ProgressAction::Clear => {
                next = Self {
                    requested: std::mem::take(&mut next.requested),
                    ..Self::default()
                };
            }
        }
        (next != *self).then_some(next)
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
