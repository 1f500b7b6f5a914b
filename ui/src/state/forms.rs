//! The Oracle page's forms: one state for all six kinds, its reducer, validation with
//! message ids for each field, and the request bodies of DESIGN §4.

use std::ops::RangeInclusive;
use std::rc::Rc;

use nps_engine::numerology::{System, SystemChoice, readable_name};
use nps_protocol::{
    CompatibilityRequest, FullReadingRequest, NameReadingRequest, ProfileBody,
    QuestionReadingRequest, SignType, TimeReadingRequest,
};
use yew::Reducible;

/// A real Gregorian `YYYY-MM-DD` (year 1–9999) as `(year, month, day)`.
pub use crate::i18n::gregorian_day as parse_date;

/// The longest question the server accepts, in characters.
pub const MAX_QUESTION_CHARS: usize = 1000;
/// Compatibility takes 2–5 people.
pub const MIN_PEOPLE: usize = 2;
pub const MAX_PEOPLE: usize = 5;
/// Heart rate range the engine accepts.
pub const BPM_RANGE: RangeInclusive<u32> = 20..=250;

/// Genders the server accepts (empty: not given).
pub const GENDERS: [&str; 3] = ["female", "male", "other"];

/// A person (full and compatibility readings). Fields hold what the inputs hold.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ProfileForm {
    pub name: String,
    pub birth_date: String,
    pub mother_name: String,
    pub gender: String,
    pub latitude: String,
    pub longitude: String,
    pub bpm: String,
}

impl ProfileForm {
    /// A saved person as the form's fields hold it.
    pub fn from_body(p: &ProfileBody) -> Self {
        let number = |x: Option<f64>| x.map(|x| x.to_string()).unwrap_or_default();
        Self {
            name: p.name.clone(),
            birth_date: p.birth_date.clone(),
            mother_name: p.mother_name.clone().unwrap_or_default(),
            gender: p.gender.clone().unwrap_or_default(),
            latitude: number(p.latitude),
            longitude: number(p.longitude),
            bpm: p.bpm.map(|b| b.to_string()).unwrap_or_default(),
        }
    }
}

/// Where a saved person goes in the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FillTarget {
    /// The name reading's name and birth date.
    Name,
    /// The full reading's person.
    Profile,
    /// A compatibility person.
    Person(usize),
}

/// Everything the six forms hold; switching kinds keeps what was typed.
#[derive(Clone, Debug, PartialEq)]
pub struct OracleForm {
    pub kind: SignType,
    /// `YYYY-MM-DDTHH:MM` from a `datetime-local` input; empty means "now".
    pub datetime: String,
    pub name: String,
    pub birth_date: String,
    pub question: String,
    /// `auto`, `pythagorean`, `chaldean` or `abjad`.
    pub system: String,
    /// `YYYY-MM-DD`; empty means today.
    pub daily_date: String,
    pub profile: ProfileForm,
    pub people: Vec<ProfileForm>,
    /// Errors of the last submit, by field key (see [`FieldKey`]).
    pub errors: FieldErrors,
}

impl Default for OracleForm {
    fn default() -> Self {
        Self {
            kind: SignType::Time,
            datetime: String::new(),
            name: String::new(),
            birth_date: String::new(),
            question: String::new(),
            system: "auto".into(),
            daily_date: String::new(),
            profile: ProfileForm::default(),
            people: vec![ProfileForm::default(); MIN_PEOPLE],
            errors: Vec::new(),
        }
    }
}

/// A field's key: `name`, `profile.birth_date`, `people.1.name`, ...
pub type FieldKey = String;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormAction {
    SetKind(SignType),
    /// Sets the field with this key (unknown keys are ignored).
    Set(String, String),
    AddPerson,
    RemovePerson(usize),
    /// The errors of a submit (empty clears them).
    Errors(FieldErrors),
    /// A saved person into the fields of `FillTarget` (their errors cleared).
    Fill(FillTarget, ProfileForm),
}

impl OracleForm {
    pub fn apply(&self, action: FormAction) -> Self {
        let mut next = self.clone();
        match action {
            FormAction::SetKind(kind) => {
                next.kind = kind;
                next.errors.clear();
            }
            FormAction::Set(key, value) => {
                if let Some(slot) = next.field_mut(&key) {
                    *slot = value;
                    next.errors.retain(|(k, _)| k != &key);
                }
            }
            FormAction::AddPerson => {
                if next.people.len() < MAX_PEOPLE {
                    next.people.push(ProfileForm::default());
                }
            }
            FormAction::RemovePerson(i) => {
                if next.people.len() > MIN_PEOPLE && i < next.people.len() {
                    next.people.remove(i);
                    next.errors.retain(|(k, _)| !k.starts_with("people."));
                }
            }
            FormAction::Errors(e) => next.errors = e,
            FormAction::Fill(target, person) => next.fill(target, person),
        }
        next
    }

    fn fill(&mut self, target: FillTarget, person: ProfileForm) {
        let prefix = match target {
            FillTarget::Name => {
                (self.name, self.birth_date) = (person.name, person.birth_date);
                self.errors
                    .retain(|(k, _)| k != "name" && k != "birth_date");
                return;
            }
            FillTarget::Profile => {
                self.profile = person;
                "profile.".to_string()
            }
            FillTarget::Person(i) => match self.people.get_mut(i) {
                Some(slot) => {
                    *slot = person;
                    format!("people.{i}.")
                }
                None => return,
            },
        };
        self.errors.retain(|(k, _)| !k.starts_with(&prefix));
    }

    /// The first error of a field, if any.
    pub fn error(&self, key: &str) -> Option<&'static str> {
        self.errors.iter().find(|(k, _)| k == key).map(|(_, e)| *e)
    }

    fn field_mut(&mut self, key: &str) -> Option<&mut String> {
        let mut parts = key.split('.');
        let first = parts.next()?;
        match first {
            "datetime" => Some(&mut self.datetime),
            "name" => Some(&mut self.name),
            "birth_date" => Some(&mut self.birth_date),
            "question" => Some(&mut self.question),
            "system" => Some(&mut self.system),
            "daily_date" => Some(&mut self.daily_date),
            "profile" => profile_field(&mut self.profile, parts.next()?),
            "people" => {
                let i: usize = parts.next()?.parse().ok()?;
                profile_field(self.people.get_mut(i)?, parts.next()?)
            }
            _ => None,
        }
    }
}

fn profile_field<'a>(p: &'a mut ProfileForm, field: &str) -> Option<&'a mut String> {
    Some(match field {
        "name" => &mut p.name,
        "birth_date" => &mut p.birth_date,
        "mother_name" => &mut p.mother_name,
        "gender" => &mut p.gender,
        "latitude" => &mut p.latitude,
        "longitude" => &mut p.longitude,
        "bpm" => &mut p.bpm,
        _ => return None,
    })
}

impl Reducible for OracleForm {
    type Action = FormAction;

    fn reduce(self: Rc<Self>, action: FormAction) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self { self } else { Rc::new(next) }
    }
}

/// A validated request, ready to send.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadingBody {
    Time(TimeReadingRequest),
    Name(NameReadingRequest),
    Question(QuestionReadingRequest),
    /// `GET /api/oracle/daily?date=` (no request id and no events: the day is read, not
    /// computed as a reading; only the server broadcasts it).
    Daily {
        date: Option<String>,
    },
    Full(FullReadingRequest),
    Compatibility(CompatibilityRequest),
}

impl ReadingBody {
    pub fn kind(&self) -> SignType {
        match self {
            Self::Time(_) => SignType::Time,
            Self::Name(_) => SignType::Name,
            Self::Question(_) => SignType::Question,
            Self::Daily { .. } => SignType::Daily,
            Self::Full(_) => SignType::Full,
            Self::Compatibility(_) => SignType::Compatibility,
        }
    }

    /// Sets the locale and request id of a body that has them.
    pub fn tag(&mut self, locale: &str, request_id: &str) {
        let (l, r) = (Some(locale.to_string()), Some(request_id.to_string()));
        match self {
            Self::Time(b) => (b.locale, b.request_id) = (l, r),
            Self::Name(b) => (b.locale, b.request_id) = (l, r),
            Self::Question(b) => (b.locale, b.request_id) = (l, r),
            Self::Full(b) => (b.locale, b.request_id) = (l, r),
            Self::Compatibility(b) => (b.locale, b.request_id) = (l, r),
            Self::Daily { .. } => {}
        }
    }
}

/// What validation needs from the outside world.
pub struct Context<'a> {
    /// Today, `YYYY-MM-DD` (birth dates may not be later).
    pub today: &'a str,
    /// The local UTC offset in minutes east at a `YYYY-MM-DDTHH:MM` local time.
    pub offset_at: &'a dyn Fn(&str) -> i32,
}

/// The errors of a submit: a message id per field key, in the order of the fields.
pub type FieldErrors = Vec<(FieldKey, &'static str)>;

/// A rule of a field: when the test holds for the (trimmed) value, this message id.
/// A field's rules are checked in order; the first that holds is its error.
type Rule<'a> = (&'a dyn Fn(&str) -> bool, &'static str);

/// A name: given, with at least one letter.
const NAME_RULES: [Rule<'static>; 2] = [
    (&str::is_empty, "ui-error-required"),
    (&has_no_letter, "ui-error-no-letters"),
];

/// A question: given, at most [`MAX_QUESTION_CHARS`], with at least one letter.
const QUESTION_RULES: [Rule<'static>; 3] = [
    (&str::is_empty, "ui-error-required"),
    (
        &|q| q.chars().count() > MAX_QUESTION_CHARS,
        "ui-error-question-too-long",
    ),
    (&has_no_letter, "ui-error-no-letters"),
];

/// A coordinate of a profile: its field, where the form holds it, its bounds, and the
/// message id when it is not a number within them.
type Coordinate = (
    &'static str,
    fn(&ProfileForm) -> &str,
    RangeInclusive<f64>,
    &'static str,
);

const COORDINATES: [Coordinate; 2] = [
    (
        "latitude",
        |p| &p.latitude,
        -90.0..=90.0,
        "ui-error-latitude",
    ),
    (
        "longitude",
        |p| &p.longitude,
        -180.0..=180.0,
        "ui-error-longitude",
    ),
];

fn has_no_letter(text: &str) -> bool {
    !text.chars().any(char::is_alphabetic)
}

/// A name under the chosen numerology system: [`NAME_RULES`], then at least one letter
/// the system counts (a Cyrillic name, or a Latin one under Abjad, would read as zeros;
/// the server refuses it the same way).
fn check_name(key: &str, name: &str, system: &str, errors: &mut FieldErrors) {
    let before = errors.len();
    check(key, name, &NAME_RULES, errors);
    if errors.len() > before {
        return;
    }
    let choice = system.parse::<SystemChoice>().unwrap_or_default();
    let resolved = choice.resolve(name);
    if readable_name(resolved, name).is_err() {
        errors.push((key.to_string(), unreadable_name_id(resolved)));
    }
}

/// The field's message when none of a name's letters count in `system`.
fn unreadable_name_id(system: System) -> &'static str {
    match system {
        System::Pythagorean => "ui-error-name-unreadable-pythagorean",
        System::Chaldean => "ui-error-name-unreadable-chaldean",
        System::Abjad => "ui-error-name-unreadable-abjad",
    }
}

/// Checks `value` against `rules`; the first that holds is the field's error.
fn check(key: &str, value: &str, rules: &[Rule<'_>], errors: &mut FieldErrors) {
    if let Some((_, id)) = rules.iter().find(|(holds, _)| holds(value)) {
        errors.push((key.to_string(), id));
    }
}

/// Validates `form` for its kind: the request body, or every field's error.
pub fn validate(form: &OracleForm, ctx: &Context<'_>) -> Result<ReadingBody, FieldErrors> {
    let mut errors = Vec::new();
    let body = match form.kind {
        SignType::Time => ReadingBody::Time(TimeReadingRequest {
            datetime: optional_datetime(form, ctx, &mut errors),
            locale: None,
            request_id: None,
        }),
        SignType::Name => name_body(form, ctx, &mut errors),
        SignType::Question => question_body(form, &mut errors),
        SignType::Daily => daily_body(form, &mut errors),
        SignType::Full => full_body(form, ctx, &mut errors),
        SignType::Compatibility => compatibility_body(form, ctx, &mut errors),
    };
    if errors.is_empty() {
        Ok(body)
    } else {
        Err(errors)
    }
}

/// The chosen numerology system; `auto` is the server's default, so it is not sent.
fn system(form: &OracleForm) -> Option<String> {
    Some(form.system.clone()).filter(|s| s != "auto")
}

/// `Some(text)` when not empty.
fn given(text: &str) -> Option<String> {
    Some(text.to_string()).filter(|t| !t.is_empty())
}

fn name_body(form: &OracleForm, ctx: &Context<'_>, errors: &mut FieldErrors) -> ReadingBody {
    let name = form.name.trim();
    check_name("name", name, &form.system, errors);
    let birth = form.birth_date.trim();
    if !birth.is_empty() {
        check_birth_date("birth_date", birth, ctx.today, errors);
    }
    ReadingBody::Name(NameReadingRequest {
        name: name.to_string(),
        birth_date: given(birth),
        numerology_system: system(form),
        locale: None,
        request_id: None,
    })
}

fn question_body(form: &OracleForm, errors: &mut FieldErrors) -> ReadingBody {
    let question = form.question.trim();
    check("question", question, &QUESTION_RULES, errors);
    ReadingBody::Question(QuestionReadingRequest {
        question: question.to_string(),
        numerology_system: system(form),
        locale: None,
        request_id: None,
    })
}

fn daily_body(form: &OracleForm, errors: &mut FieldErrors) -> ReadingBody {
    let date = form.daily_date.trim();
    check(
        "daily_date",
        date,
        &[(
            &|d| !d.is_empty() && parse_date(d).is_none(),
            "ui-error-date",
        )],
        errors,
    );
    ReadingBody::Daily { date: given(date) }
}

fn full_body(form: &OracleForm, ctx: &Context<'_>, errors: &mut FieldErrors) -> ReadingBody {
    let mut profile = check_profile("profile", &form.profile, &form.system, ctx.today, errors);
    profile.numerology_system = system(form);
    ReadingBody::Full(FullReadingRequest {
        profile,
        datetime: optional_datetime(form, ctx, errors),
        locale: None,
        request_id: None,
    })
}

/// Compatibility uses names and birth dates only.
fn compatibility_body(
    form: &OracleForm,
    ctx: &Context<'_>,
    errors: &mut FieldErrors,
) -> ReadingBody {
    let profiles = form
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (name, birth) = (p.name.trim(), p.birth_date.trim());
            check_name(&format!("people.{i}.name"), name, "auto", errors);
            check_birth_date(&format!("people.{i}.birth_date"), birth, ctx.today, errors);
            ProfileBody {
                name: name.to_string(),
                birth_date: birth.to_string(),
                mother_name: None,
                gender: None,
                latitude: None,
                longitude: None,
                bpm: None,
                numerology_system: None,
            }
        })
        .collect();
    ReadingBody::Compatibility(CompatibilityRequest {
        profiles,
        locale: None,
        request_id: None,
    })
}

/// The moment of a time or full reading: `None` (now) when empty.
fn optional_datetime(
    form: &OracleForm,
    ctx: &Context<'_>,
    errors: &mut FieldErrors,
) -> Option<String> {
    let local = form.datetime.trim();
    if local.is_empty() {
        return None;
    }
    let iso = local_to_iso(local, (ctx.offset_at)(local));
    if iso.is_none() {
        errors.push(("datetime".into(), "ui-error-datetime"));
    }
    iso
}

/// A birth date: given, a real date, not after `today`.
fn check_birth_date(key: &str, date: &str, today: &str, errors: &mut FieldErrors) {
    let future = |d: &str| parse_date(today).is_some() && d > today;
    let rules: [Rule<'_>; 3] = [
        (&str::is_empty, "ui-error-required"),
        (&|d| parse_date(d).is_none(), "ui-error-date"),
        (&future, "ui-error-future-date"),
    ];
    check(key, date, &rules, errors);
}

/// Every field of a full reading's profile (also a saved person's); the body holds
/// what is valid.
pub fn check_profile(
    key: &str,
    p: &ProfileForm,
    system: &str,
    today: &str,
    errors: &mut FieldErrors,
) -> ProfileBody {
    let (name, birth) = (p.name.trim(), p.birth_date.trim());
    check_name(&format!("{key}.name"), name, system, errors);
    let mother = p.mother_name.trim();
    if !mother.is_empty() {
        check_name(&format!("{key}.mother_name"), mother, system, errors);
    }
    check_birth_date(&format!("{key}.birth_date"), birth, today, errors);
    let gender = p.gender.trim();
    let unknown = |g: &str| !g.is_empty() && !GENDERS.contains(&g);
    check(
        &format!("{key}.gender"),
        gender,
        &[(&unknown, "ui-error-choice")],
        errors,
    );
    let (latitude, longitude) = check_coordinates(key, p, errors);
    ProfileBody {
        name: name.to_string(),
        birth_date: birth.to_string(),
        mother_name: given(mother),
        gender: given(gender),
        latitude,
        longitude,
        bpm: check_bpm(&format!("{key}.bpm"), &p.bpm, errors),
        numerology_system: None,
    }
}

/// Latitude and longitude: each within its bounds ([`COORDINATES`]), and both or
/// neither.
fn check_coordinates(
    key: &str,
    p: &ProfileForm,
    errors: &mut FieldErrors,
) -> (Option<f64>, Option<f64>) {
    let [lat, lon] = COORDINATES.map(|(field, text, bounds, id)| {
        let value = number_in(text(p), &bounds);
        if value == Some(None) {
            errors.push((format!("{key}.{field}"), id));
        }
        value
    });
    match (lat, lon) {
        (Some(Some(a)), Some(Some(b))) => (Some(a), Some(b)),
        (Some(Some(_)), None) => {
            errors.push((format!("{key}.longitude"), "ui-error-coordinates-pair"));
            (None, None)
        }
        (None, Some(Some(_))) => {
            errors.push((format!("{key}.latitude"), "ui-error-coordinates-pair"));
            (None, None)
        }
        _ => (None, None),
    }
}

/// A heart rate: empty, or a whole number in [`BPM_RANGE`].
fn check_bpm(key: &str, text: &str, errors: &mut FieldErrors) -> Option<u32> {
    let text = normalize_digits(text.trim());
    if text.is_empty() {
        return None;
    }
    let bpm = text.parse::<u32>().ok().filter(|b| BPM_RANGE.contains(b));
    if bpm.is_none() {
        errors.push((key.to_string(), "ui-error-bpm"));
    }
    bpm
}

/// `None`: empty; `Some(None)`: not a number in `[min, max]`; `Some(Some(x))`: fine.
fn number_in(text: &str, bounds: &RangeInclusive<f64>) -> Option<Option<f64>> {
    let t = normalize_digits(text.trim());
    if t.is_empty() {
        return None;
    }
    Some(
        t.parse::<f64>()
            .ok()
            .filter(|x| x.is_finite() && bounds.contains(x)),
    )
}

/// Persian/Arabic-Indic digits and separators typed into a number field → ASCII.
pub fn normalize_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            '٫' => '.',
            '−' => '-',
            other => other,
        })
        .collect()
}

/// The day and the time of a `YYYY-MM-DDTHH:MM` moment, as their two fields hold them
/// (the Persian form, whose day field is Solar Hijri).
pub fn split_datetime(moment: &str) -> (&str, &str) {
    moment.split_once('T').unwrap_or((moment, ""))
}

/// The moment of a day field and a time field: empty when both are, midnight when only
/// the day is given.
pub fn join_datetime(day: &str, time: &str) -> String {
    match (day.trim(), time.trim()) {
        ("", "") => String::new(),
        (day, "") => format!("{day}T00:00"),
        (day, time) => format!("{day}T{time}"),
    }
}

/// `YYYY-MM-DDTHH:MM[:SS]` local time at `offset_minutes` east of UTC →
/// `YYYY-MM-DDTHH:MM:SS±HH:MM` (the server's ISO-8601 with offset).
pub fn local_to_iso(local: &str, offset_minutes: i32) -> Option<String> {
    let (date, time) = local.split_once('T')?;
    parse_date(date)?;
    let mut parts = time.split(':');
    let h: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let s: u32 = match parts.next() {
        Some(s) => s.split('.').next()?.parse().ok()?,
        None => 0,
    };
    if parts.next().is_some() || h > 23 || m > 59 || s > 59 {
        return None;
    }
    if !(-12 * 60..=14 * 60).contains(&offset_minutes) {
        return None;
    }
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let off = offset_minutes.unsigned_abs();
    Some(format!(
        "{date}T{h:02}:{m:02}:{s:02}{sign}{:02}:{:02}",
        off / 60,
        off % 60
    ))
}
