//! The People page: the saved people, the editor of one (new or existing), and the
//! pending delete, as a reducer. The editor reuses the full reading's person fields
//! (an [`OracleForm`] of kind `full`), so both calendars and every check are the same.

use std::rc::Rc;

use nps_protocol::{SavedProfile, SignType};
use yew::Reducible;

use super::forms::{self, FieldErrors, FormAction, OracleForm, ProfileForm};
use crate::error::HttpError;
use nps_protocol::ProfileBody;

/// A person being written: `id` `None` for a new one.
#[derive(Clone, Debug, PartialEq)]
pub struct Editor {
    pub id: Option<i64>,
    pub form: OracleForm,
    pub is_me: bool,
}

impl Editor {
    fn new(id: Option<i64>, person: ProfileForm, is_me: bool) -> Self {
        let form = OracleForm {
            kind: SignType::Full,
            profile: person,
            ..OracleForm::default()
        };
        Self { id, form, is_me }
    }

    /// The person to send, or the errors of its fields (keys `profile.…`).
    pub fn validated(&self, today: &str) -> Result<ProfileBody, FieldErrors> {
        let mut errors = Vec::new();
        let body = forms::check_profile("profile", &self.form.profile, "auto", today, &mut errors);
        if errors.is_empty() {
            Ok(body)
        } else {
            Err(errors)
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct PeopleState {
    /// "Me" first, then in the order they were saved (as the server lists them).
    pub items: Vec<SavedProfile>,
    pub loading: bool,
    /// The last failure (loading, saving or deleting).
    pub error: Option<HttpError>,
    pub editor: Option<Editor>,
    /// The person whose delete waits for confirmation.
    pub confirm_delete: Option<i64>,
    /// A save is on its way (the editor's button is disabled).
    pub saving: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PeopleAction {
    Loading,
    Loaded(Vec<SavedProfile>),
    Failed(HttpError),
    /// Opens an empty editor.
    New,
    /// Opens the editor on a saved person.
    Edit(i64),
    /// A change in the editor's fields.
    EditForm(FormAction),
    SetMe(bool),
    CancelEdit,
    Saving,
    /// The server's answer to a save: replaces or adds it, closes the editor.
    Saved(SavedProfile),
    AskDelete(i64),
    CancelDelete,
    Deleted(i64),
}

impl PeopleState {
    pub fn apply(&self, action: PeopleAction) -> Self {
        let mut next = self.clone();
        match action {
            PeopleAction::Loading => next.loading = true,
            PeopleAction::Loaded(items) => {
                (next.items, next.loading, next.error) = (items, false, None);
            }
            PeopleAction::Failed(e) => {
                (next.error, next.loading, next.saving) = (Some(e), false, false);
                // The dialog closes, so the error can be read.
                next.confirm_delete = None;
            }
            PeopleAction::New => {
                next.editor = Some(Editor::new(None, ProfileForm::default(), false))
            }
            PeopleAction::Edit(id) => {
                if let Some(p) = self.items.iter().find(|p| p.id == id) {
                    let person = ProfileForm::from_body(&p.person);
                    next.editor = Some(Editor::new(Some(id), person, p.is_me));
                }
            }
            PeopleAction::EditForm(a) => {
                if let Some(e) = &mut next.editor {
                    e.form = e.form.apply(a);
                }
            }
            PeopleAction::SetMe(me) => {
                if let Some(e) = &mut next.editor {
                    e.is_me = me;
                }
            }
            PeopleAction::CancelEdit => next.editor = None,
            PeopleAction::Saving => next.saving = true,
            PeopleAction::Saved(saved) => next.saved(saved),
            PeopleAction::AskDelete(id) => next.confirm_delete = Some(id),
            PeopleAction::CancelDelete => next.confirm_delete = None,
            PeopleAction::Deleted(id) => {
                next.items.retain(|p| p.id != id);
                next.confirm_delete = None;
            }
        }
        next
    }

    fn saved(&mut self, saved: SavedProfile) {
        if saved.is_me {
            for p in &mut self.items {
                p.is_me = false;
            }
        }
        match self.items.iter_mut().find(|p| p.id == saved.id) {
            Some(slot) => *slot = saved,
            None => self.items.push(saved),
        }
        // "Me" first, then by when saved (ids grow), as the server lists them.
        self.items.sort_by_key(|p| (!p.is_me, p.id));
        (self.editor, self.saving, self.error) = (None, false, None);
    }

    /// The user's own profile, if one is marked.
    pub fn me(&self) -> Option<&SavedProfile> {
        self.items.iter().find(|p| p.is_me)
    }
}

impl Reducible for PeopleState {
    type Action = PeopleAction;

    fn reduce(self: Rc<Self>, action: PeopleAction) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self { self } else { Rc::new(next) }
    }
}
