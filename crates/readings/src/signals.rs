//! The signals a reading is made of, and how they rank.
//!
//! A signal is one meaningful combination of figures — the planet of the day under the
//! moon's phase, a life path in a personal year, the animal of a birth year meeting the
//! animal of the day, two elements that stand opposite each other … — with its priority
//! rank (`../shared/reference/combinations.md` §5), its theme, one sentence of text, and
//! where it has them an advice item and a caution. [`rank`] orders them; the
//! strongest ones make the message ([`crate::compose`]).
//!
//! The facts (which combinations exist, their themes and kinds) are those of
//! combinations.md; every sentence is in `locales/*/signals.ftl`.

use nps_engine::patterns::{Pattern, Strength};
use nps_engine::tokens::{Animal, Element, Weekday};

use nps_protocol::{SUMMARY_SIGNALS_MAX, SummarySignal};

use crate::text::Msg;
use crate::words;

/// Priority ranks of combinations.md §5: Very High 6 … Background 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Priority {
    Background = 1,
    Low = 2,
    LowMedium = 3,
    Medium = 4,
    High = 5,
    VeryHigh = 6,
}

/// Which way a signal leans: toward action, holding steady, or turning inward. The
/// message's closing sentence weighs the paces of the strongest signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pace {
    Forward,
    Steady,
    Inward,
}

impl Pace {
    fn of_number(n: u32) -> Pace {
        match base_number(n) {
            1 | 3 | 5 | 8 => Pace::Forward,
            7 | 9 => Pace::Inward,
            _ => Pace::Steady,
        }
    }
}

/// A side of a lasting number: how it shows in work and effort, with the people close
/// to you, in the inner life, or as the other side of its strengths. A signal of the
/// moment points to one of them ([`Signal::facet`]); the strongest such signal chooses
/// the facet a standard or deep reading expands for each core number (its lens), so the
/// same numbers are read from another side on another day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet {
    Work,
    Bonds,
    Inner,
    Shadow,
}

impl Facet {
    pub const ALL: [Facet; 4] = [Facet::Work, Facet::Bonds, Facet::Inner, Facet::Shadow];

    pub fn id(self) -> &'static str {
        match self {
            Facet::Work => "work",
            Facet::Bonds => "bonds",
            Facet::Inner => "inner",
            Facet::Shadow => "shadow",
        }
    }

    /// The facet after this one in [`Facet::ALL`], round: a number that repeats among the
    /// core numbers is read from the next side, so no text is said twice.
    pub fn next(self) -> Facet {
        let i = Facet::ALL.iter().position(|&f| f == self).unwrap_or(0);
        Facet::ALL[(i + 1) % Facet::ALL.len()]
    }

    /// The planet's domain — Sun and Mars (showing, effort) work, Venus and Mercury (love,
    /// conversation) bonds, the Moon and Jupiter (feeling, meaning) the inner life,
    /// Saturn (limits, lessons) the other side — except under the Last Quarter (phase 6),
    /// whose themes are reckonings and releases, turned inward (Saturn's stays the other
    /// side).
    fn of_sky(planet: &str, phase: usize) -> Facet {
        match (planet, phase) {
            ("saturn", _) => Facet::Shadow,
            (_, 6) => Facet::Inner,
            ("sun" | "mars", _) => Facet::Work,
            ("venus" | "mercury", _) => Facet::Bonds,
            _ => Facet::Inner,
        }
    }

    /// An ally bonds, a clash the other side, the own animal (a mirror) the inner life,
    /// a quiet alliance steady work.
    fn of_pair(kind: PairKind) -> Facet {
        match kind {
            PairKind::Harmony => Facet::Bonds,
            PairKind::Clash => Facet::Shadow,
            PairKind::Resonance => Facet::Inner,
            PairKind::Neutral => Facet::Work,
        }
    }

    /// The domain of a personal day (see `personal-day-N`): starting, order and decisions
    /// work; cooperation, sharing and home bonds; a change of scene and quiet the inner
    /// life; letting go the other side.
    fn of_day(n: u32) -> Facet {
        match n {
            1 | 4 | 8 => Facet::Work,
            2 | 3 | 6 => Facet::Bonds,
            5 | 7 => Facet::Inner,
            _ => Facet::Shadow,
        }
    }
}

/// What a signal is about. The order is the tie-break between equal priorities: the
/// more personal and the rarer first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SignalKind {
    MasterPath,
    LifeCycle,
    DayAnimal,
    Sky,
    PersonalDay,
    NumberPattern,
    AnimalPattern,
    Opposition,
    /// An opposition between two of the person's own elements (the place's and the
    /// birth year's): lasting.
    PlaceOpposition,
    HourAnimal,
    Mother,
    Rhythm,
    Place,
    Polarity,
    /// The number of a question, read as the frame of its answer.
    Question,
}

impl SignalKind {
    /// A stable word for the kind, carried in a reading's summary
    /// ([`nps_protocol::SummarySignal::kind`]).
    pub fn id(self) -> &'static str {
        match self {
            SignalKind::MasterPath => "master-path",
            SignalKind::LifeCycle => "life-cycle",
            SignalKind::DayAnimal => "day-animal",
            SignalKind::Sky => "sky",
            SignalKind::PersonalDay => "personal-day",
            SignalKind::NumberPattern => "number-pattern",
            SignalKind::AnimalPattern => "animal-pattern",
            SignalKind::Opposition => "opposition",
            SignalKind::PlaceOpposition => "place-opposition",
            SignalKind::HourAnimal => "hour-animal",
            SignalKind::Mother => "mother",
            SignalKind::Rhythm => "rhythm",
            SignalKind::Place => "place",
            SignalKind::Polarity => "polarity",
            SignalKind::Question => "question",
        }
    }

    /// Whether the signal belongs to the person for a long stretch (a life, a year) rather
    /// than to the moment: the message weaves one of each.
    pub fn is_lasting(self) -> bool {
        matches!(
            self,
            SignalKind::MasterPath
                | SignalKind::LifeCycle
                | SignalKind::NumberPattern
                | SignalKind::Mother
                | SignalKind::PlaceOpposition
        )
    }
}

/// One signal: its rank, its words and what it suggests.
#[derive(Debug, Clone, PartialEq)]
pub struct Signal {
    pub kind: SignalKind,
    pub priority: Priority,
    pub pace: Pace,
    /// A tension (a clash, an opposition, a tension pair): its caution comes first.
    pub tension: bool,
    /// A short noun phrase ("hidden potential").
    pub theme: Msg,
    /// A short phrase naming the figures ("a Sun day under the New Moon").
    pub source: Msg,
    /// One sentence.
    pub text: Msg,
    pub advice: Option<Msg>,
    pub caution: Option<Msg>,
    /// The side of the lasting numbers this signal of the moment points to; `None` for
    /// lasting signals and for those of the moment with no clear domain.
    pub facet: Option<Facet>,
}

/// Strongest first: by priority, then by kind (see [`SignalKind`]), then as given.
pub fn rank(mut signals: Vec<Signal>) -> Vec<Signal> {
    signals.sort_by(|a, b| b.priority.cmp(&a.priority).then(a.kind.cmp(&b.kind)));
    signals
}

/// A reading's summary: its strongest signals of `ranked` (strongest first, see
/// [`rank`]), at most [`SUMMARY_SIGNALS_MAX`], each as its theme and its sentence.
pub fn summary(ranked: &[Signal]) -> Vec<SummarySignal> {
    ranked
        .iter()
        .take(SUMMARY_SIGNALS_MAX)
        .map(|s| SummarySignal {
            kind: s.kind.id().to_string(),
            theme: s.theme.clone(),
            text: s.text.clone(),
        })
        .collect()
}

/// A master number reduced to its base (11 → 2, 22 → 4, 33 → 6).
pub fn base_number(n: u32) -> u32 {
    match n {
        11 => 2,
        22 => 4,
        33 => 6,
        n => n,
    }
}

// ---- planet of the day × moon phase ----------------------------------------------

/// The planet of `weekday` under moon phase `phase` (0–7): one of the 56 themes.
pub fn sky(weekday: Weekday, phase: usize) -> Signal {
    let planet = weekday.planet().to_ascii_lowercase();
    let planet_pace = match planet.as_str() {
        "sun" | "mars" | "jupiter" => 1,
        "moon" => -1,
        _ => 0,
    };
    let phase_pace = match phase {
        1 | 2 | 4 => 1,
        0 | 6 | 7 => -1,
        _ => 0,
    };
    Signal {
        kind: SignalKind::Sky,
        priority: Priority::Medium,
        pace: match planet_pace + phase_pace {
            p if p > 0 => Pace::Forward,
            p if p < 0 => Pace::Inward,
            _ => Pace::Steady,
        },
        tension: false,
        theme: Msg::new(format!("sky-{planet}-{phase}")),
        source: Msg::new("source-sky")
            .word("planet", words::planet(weekday))
            .word("phase", words::moon_phase(phase)),
        text: Msg::new(format!("sky-{planet}-{phase}-text")),
        advice: Some(Msg::new(format!("advice-planet-{planet}"))),
        caution: Some(Msg::new(format!("caution-planet-{planet}"))),
        facet: Some(Facet::of_sky(&planet, phase)),
    }
}

// ---- life path × personal year ---------------------------------------------------

/// How a life path and a personal year meet (combinations.md §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CycleKind {
    /// One of the ten pairs of strongest support.
    Complementary,
    /// One of the ten pairs of tension, each with its way through.
    Tension,
    Ordinary,
}

const COMPLEMENTARY: [(u32, u32); 10] = [
    (1, 5),
    (2, 6),
    (3, 1),
    (3, 5),
    (4, 8),
    (5, 1),
    (6, 9),
    (7, 3),
    (8, 1),
    (9, 9),
];
const TENSION: [(u32, u32); 10] = [
    (1, 4),
    (1, 6),
    (2, 5),
    (3, 4),
    (4, 5),
    (5, 4),
    (6, 1),
    (7, 8),
    (8, 7),
    (9, 1),
];

/// The kind of the pair life path `lp` × personal year `py` (masters reduced).
pub fn cycle_kind(lp: u32, py: u32) -> CycleKind {
    let pair = (base_number(lp), base_number(py));
    if COMPLEMENTARY.contains(&pair) {
        CycleKind::Complementary
    } else if TENSION.contains(&pair) {
        CycleKind::Tension
    } else {
        CycleKind::Ordinary
    }
}

/// Life path `lp` in personal year `py`: one of the 81 themes (a master life path uses
/// the row of its base; its own note is [`master_path`]).
pub fn life_cycle(lp: u32, py: u32) -> Signal {
    let (r, c) = (base_number(lp), base_number(py));
    let kind = cycle_kind(lp, py);
    let (priority, advice, caution) = match kind {
        CycleKind::Complementary => (
            Priority::High,
            format!("cycle-support-{r}-{c}"),
            format!("year-beware-{c}"),
        ),
        CycleKind::Tension => (
            Priority::High,
            format!("cycle-way-{r}-{c}"),
            format!("cycle-tension-{r}-{c}"),
        ),
        CycleKind::Ordinary => (
            Priority::Medium,
            format!("year-good-{c}"),
            format!("year-beware-{c}"),
        ),
    };
    Signal {
        kind: SignalKind::LifeCycle,
        priority,
        pace: Pace::of_number(c),
        tension: kind == CycleKind::Tension,
        theme: Msg::new(format!("cycle-{r}-{c}")),
        source: Msg::new("source-cycle").num("lp", lp).num("py", py),
        text: Msg::new(format!("cycle-{r}-{c}-text")),
        advice: Some(Msg::new(advice)),
        caution: Some(Msg::new(caution)),
        facet: None,
    }
}

/// The note of a master life path (11, 22, 33) in personal year `py`, with the years
/// combinations.md singles out (11: 2 and 8; 22: 4 and 5; 33: 6 and 1).
pub fn master_path(lp: u32, py: u32) -> Option<Signal> {
    if !matches!(lp, 11 | 22 | 33) {
        return None;
    }
    let special = matches!(
        (lp, base_number(py)),
        (11, 2) | (11, 8) | (22, 4) | (22, 5) | (33, 6) | (33, 1)
    );
    let text = if special {
        Msg::new(format!("master-{lp}-year-{}-text", base_number(py)))
    } else {
        Msg::new(format!("master-{lp}-text")).num("py", py)
    };
    Some(Signal {
        kind: SignalKind::MasterPath,
        priority: Priority::VeryHigh,
        pace: Pace::Steady,
        tension: matches!((lp, base_number(py)), (11, 8) | (22, 5) | (33, 1)),
        theme: Msg::new(format!("master-{lp}")),
        source: Msg::new("source-master").num("number", lp),
        text,
        advice: words::meaning("advice", lp),
        caution: words::meaning("caution", lp),
        facet: None,
    })
}

// ---- animal pairs ----------------------------------------------------------------

/// The kinds of animal pairs of combinations.md §3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairKind {
    Harmony,
    Clash,
    Resonance,
    Neutral,
}

impl PairKind {
    pub fn id(self) -> &'static str {
        match self {
            PairKind::Harmony => "harmony",
            PairKind::Clash => "clash",
            PairKind::Resonance => "resonance",
            PairKind::Neutral => "neutral",
        }
    }
}

const HARMONY: [(&str, &str); 6] = [
    ("OX", "RA"),
    ("PI", "TI"),
    ("DO", "RU"),
    ("DR", "RO"),
    ("MO", "SN"),
    ("GO", "HO"),
];
const CLASH: [(&str, &str); 6] = [
    ("HO", "RA"),
    ("GO", "OX"),
    ("MO", "TI"),
    ("RO", "RU"),
    ("DO", "DR"),
    ("PI", "SN"),
];
const NEUTRAL: [(&str, &str); 8] = [
    ("DR", "RA"),
    ("OX", "SN"),
    ("HO", "TI"),
    ("GO", "RU"),
    ("DR", "MO"),
    ("RO", "SN"),
    ("DO", "TI"),
    ("PI", "RU"),
];

/// The kind of the unordered pair `a`, `b`, if combinations.md lists it.
pub fn pair_kind(a: Animal, b: Animal) -> Option<PairKind> {
    if a == b {
        return Some(PairKind::Resonance);
    }
    let listed = |table: &[(&str, &str)]| {
        table
            .iter()
            .any(|&(x, y)| (x, y) == (a.token(), b.token()) || (y, x) == (a.token(), b.token()))
    };
    if listed(&HARMONY) {
        Some(PairKind::Harmony)
    } else if listed(&CLASH) {
        Some(PairKind::Clash)
    } else if listed(&NEUTRAL) {
        Some(PairKind::Neutral)
    } else {
        None
    }
}

/// Whose animal meets the birth-year animal: the day's or the hour's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Day,
    Hour,
}

/// The animal of the birth year meeting the animal of the day or the hour, when the
/// pair is listed.
pub fn animal_meeting(when: When, birth: Animal, other: Animal) -> Option<Signal> {
    let kind = pair_kind(birth, other)?;
    let (signal_kind, role, strong, weak) = match when {
        When::Day => (
            SignalKind::DayAnimal,
            "day",
            Priority::Medium,
            Priority::LowMedium,
        ),
        When::Hour => (
            SignalKind::HourAnimal,
            "hour",
            Priority::LowMedium,
            Priority::Low,
        ),
    };
    let animals = |m: Msg| {
        m.word("birth", words::animal(birth))
            .word("other", words::animal(other))
    };
    Some(Signal {
        kind: signal_kind,
        priority: if kind == PairKind::Neutral {
            weak
        } else {
            strong
        },
        pace: match kind {
            PairKind::Harmony => Pace::Forward,
            PairKind::Clash => Pace::Inward,
            _ => Pace::Steady,
        },
        tension: kind == PairKind::Clash,
        theme: Msg::new(format!("pair-theme-{}", kind.id())),
        source: animals(Msg::new(format!("source-pair-{role}"))),
        text: animals(Msg::new(format!("pair-{role}-{}", kind.id()))),
        advice: Some(
            Msg::new(format!("advice-pair-{}", kind.id())).word("other", words::animal(other)),
        ),
        caution: (kind == PairKind::Clash).then(|| animals(Msg::new("caution-pair-clash"))),
        facet: Some(Facet::of_pair(kind)),
    })
}

// ---- elements --------------------------------------------------------------------

/// Whether `a` and `b` stand opposite each other (combinations.md §4: Fire ↔ Water,
/// Metal ↔ Wood).
pub fn opposite(a: Element, b: Element) -> bool {
    let pair = [a, b];
    pair.contains(&Element::FIRE) && pair.contains(&Element::WATER)
        || pair.contains(&Element::METAL) && pair.contains(&Element::WOOD)
}

/// How element `a` meets element `b` in the two cycles, with the direction named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElementLink {
    Same,
    /// `a` feeds `b` (generating cycle).
    Feeds,
    /// `b` feeds `a`.
    FedBy,
    /// `a` restrains `b` (controlling cycle).
    Checks,
    /// `b` restrains `a`.
    CheckedBy,
}

impl ElementLink {
    pub fn of(a: Element, b: Element) -> ElementLink {
        if a == b {
            ElementLink::Same
        } else if a.generates() == b {
            ElementLink::Feeds
        } else if b.generates() == a {
            ElementLink::FedBy
        } else if a.controls() == b {
            ElementLink::Checks
        } else {
            ElementLink::CheckedBy
        }
    }

    /// The message that states this link with the feeding (or restraining) element
    /// first, and the two elements in that order: the direction is always true.
    pub fn sentence<T>(self, a: T, b: T) -> (&'static str, T, T) {
        match self {
            ElementLink::Same => ("link-same", a, b),
            ElementLink::Feeds => ("link-feeds", a, b),
            ElementLink::FedBy => ("link-feeds", b, a),
            ElementLink::Checks => ("link-checks", a, b),
            ElementLink::CheckedBy => ("link-checks", b, a),
        }
    }
}

/// An element in a role: the birth year's, the day's, the heartbeat's, the place's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleElement {
    pub role: &'static str,
    pub element: Element,
}

impl RoleElement {
    pub fn new(role: &'static str, element: Element) -> Self {
        RoleElement { role, element }
    }
    /// "the Fire of your birth year": `role-{role}` with the element.
    pub fn phrase(self) -> Msg {
        Msg::new(format!("role-{}", self.role)).word("element", words::element(self.element))
    }
}

/// Two elements of a reading that stand opposite each other, as a signal of `kind`
/// ([`SignalKind::Opposition`] when one of them is the day's, else
/// [`SignalKind::PlaceOpposition`]).
pub fn opposition(kind: SignalKind, a: RoleElement, b: RoleElement) -> Option<Signal> {
    if !opposite(a.element, b.element) {
        return None;
    }
    let pair = if [a.element, b.element].contains(&Element::FIRE) {
        "fire-water"
    } else {
        "metal-wood"
    };
    let both = |m: Msg| m.msg("first", a.phrase()).msg("second", b.phrase());
    Some(Signal {
        kind,
        priority: Priority::LowMedium,
        pace: Pace::Steady,
        tension: true,
        theme: Msg::new(format!("theme-opposition-{pair}")),
        source: both(Msg::new("source-opposition")),
        text: both(Msg::new(format!("opposition-{pair}"))),
        advice: Some(Msg::new(format!("advice-opposition-{pair}"))),
        caution: Some(Msg::new(format!("caution-opposition-{pair}"))),
        facet: (!kind.is_lasting()).then_some(Facet::Shadow),
    })
}

/// An opposition whose pair the reading has named already: its sentence is the short
/// echo (`opposition-PAIR-again`), its advice and caution are the same (and said once).
pub fn said_again(mut s: Signal) -> Signal {
    s.text.id.to_mut().push_str("-again");
    s
}

/// An input's element (heartbeat, place) meeting the day's element.
pub fn element_meeting(kind: SignalKind, mine: RoleElement, day: RoleElement) -> Signal {
    let link = ElementLink::of(mine.element, day.element);
    let (id, first, second) = link.sentence(mine, day);
    let link_id = id.trim_start_matches("link-");
    Signal {
        kind,
        priority: Priority::Low,
        pace: match link {
            ElementLink::Feeds | ElementLink::FedBy => Pace::Forward,
            ElementLink::Checks | ElementLink::CheckedBy => Pace::Inward,
            ElementLink::Same => Pace::Steady,
        },
        tension: false,
        theme: Msg::new(format!("theme-link-{link_id}")),
        source: mine.phrase(),
        text: Msg::new(id)
            .msg("first", first.phrase())
            .msg("second", second.phrase()),
        advice: None,
        caution: None,
        facet: None,
    }
}

// ---- repeated figures -------------------------------------------------------------

/// A repeated animal or core number (the engine's patterns; a master number is
/// [`master_path`]).
pub fn pattern(p: &Pattern) -> Option<Signal> {
    match *p {
        Pattern::AnimalRepetition {
            animal,
            occurrences,
            strength,
        } => Some(Signal {
            kind: SignalKind::AnimalPattern,
            // The animals of the stamp are the moment's, shared by everyone reading it:
            // they rank one step below their strength.
            priority: match strength {
                Strength::VeryHigh => Priority::High,
                Strength::High => Priority::Medium,
                Strength::Medium => Priority::LowMedium,
            },
            pace: Pace::Steady,
            tension: false,
            theme: Msg::new("theme-pattern-animal").word("animal", words::animal(animal)),
            source: Msg::new("source-pattern-animal")
                .word("animal", words::animal(animal))
                .num("count", occurrences),
            text: Msg::new("pattern-animal-repetition")
                .word("animal", words::animal(animal))
                .num("count", occurrences)
                .word("strength", strength_id(strength)),
            advice: Some(Msg::new("advice-pattern-animal").word("animal", words::animal(animal))),
            caution: None,
            facet: None,
        }),
        Pattern::NumberRepetition {
            number,
            occurrences,
            strength,
        } => Some(Signal {
            kind: SignalKind::NumberPattern,
            // A repeated core number is already in the person's core identity: it
            // leads only when it repeats strongly.
            priority: match strength {
                Strength::VeryHigh => Priority::High,
                Strength::High => Priority::Medium,
                Strength::Medium => Priority::LowMedium,
            },
            pace: Pace::of_number(number),
            tension: false,
            theme: Msg::new("theme-pattern-number").num("number", number),
            source: Msg::new("source-pattern-number")
                .num("number", number)
                .num("count", occurrences),
            text: Msg::new("pattern-number-repetition")
                .num("number", number)
                .num("count", occurrences)
                .word("strength", strength_id(strength))
                .msg("essence", words::essence(number)),
            advice: words::meaning("advice", number),
            caution: words::meaning("caution", number),
            facet: None,
        }),
        Pattern::MasterNumber { .. } => None,
    }
}

/// The message id of a pattern strength.
pub fn strength_id(s: Strength) -> &'static str {
    match s {
        Strength::Medium => "strength-medium",
        Strength::High => "strength-high",
        Strength::VeryHigh => "strength-very-high",
    }
}

// ---- numbers of the person -------------------------------------------------------

/// The personal day (the person's number of this very day).
pub fn personal_day(number: u32) -> Signal {
    let n = base_number(number);
    Signal {
        kind: SignalKind::PersonalDay,
        priority: Priority::Medium,
        pace: Pace::of_number(n),
        tension: false,
        theme: words::essence(n),
        source: Msg::new("source-personal-day").num("number", number),
        text: Msg::new(format!("personal-day-{n}")),
        advice: words::meaning("activity", n)
            .map(|a| Msg::new("advice-activity").msg("activity", a)),
        caution: None,
        facet: Some(Facet::of_day(n)),
    }
}

/// The number of a question as the frame of its answer: what the number points to and
/// what it suggests doing. Ranked high: it is what the person came for.
pub fn question(number: u32) -> Signal {
    let n = base_number(number);
    Signal {
        kind: SignalKind::Question,
        priority: Priority::High,
        pace: Pace::of_number(n),
        tension: false,
        theme: Msg::new("question-frame-theme").num("number", number),
        source: Msg::new("source-question").num("number", number),
        text: Msg::new("question-frame")
            .num("number", number)
            .msg("essence", words::essence(number))
            .msg(
                "advice",
                words::meaning("advice", number).unwrap_or_else(|| Msg::new("question-frame-open")),
            ),
        advice: None,
        caution: None,
        facet: None,
    }
}

/// The mother's name number beside the life path: an echo (the same number), the same
/// triad ({1,5,7} {2,4,8} {3,6,9}) or a contrast.
pub fn mother(number: u32, life_path: u32) -> Signal {
    const TRIADS: [[u32; 3]; 3] = [[1, 5, 7], [2, 4, 8], [3, 6, 9]];
    let (m, lp) = (base_number(number), base_number(life_path));
    let relation = if m == lp {
        "echo"
    } else if TRIADS.iter().any(|t| t.contains(&m) && t.contains(&lp)) {
        "triad"
    } else {
        "contrast"
    };
    Signal {
        kind: SignalKind::Mother,
        priority: if relation == "echo" {
            Priority::Medium
        } else {
            Priority::Low
        },
        pace: Pace::Steady,
        tension: false,
        theme: Msg::new(format!("theme-mother-{relation}")),
        source: Msg::new("source-mother").num("number", number),
        text: Msg::new(format!("mother-{relation}"))
            .num("number", number)
            .num("lp", life_path)
            .msg("essence", words::essence(number)),
        advice: Some(Msg::new("advice-mother")),
        caution: None,
        facet: None,
    }
}

/// The polarity the gender gives (yang, yin or balanced) beside the day stem's.
pub fn polarity(label: &str, day_yang: bool) -> Signal {
    let label = label.to_ascii_lowercase();
    let day = if day_yang { "yang" } else { "yin" };
    let relation = if label == "neutral" {
        "balanced"
    } else if label == day {
        "same"
    } else {
        "other"
    };
    Signal {
        kind: SignalKind::Polarity,
        priority: Priority::Low,
        pace: Pace::Steady,
        tension: false,
        theme: Msg::new(format!("theme-polarity-{relation}")),
        source: Msg::new("source-polarity").word("label", format!("polarity-{label}")),
        text: Msg::new(format!("polarity-meets-{relation}"))
            .word("label", format!("polarity-{label}"))
            .word("day", format!("polarity-{day}")),
        advice: None,
        caution: None,
        facet: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_animal_pair_has_its_kind_and_the_rest_have_none() {
        let mut counts = std::collections::BTreeMap::new();
        for a in Animal::all() {
            for b in Animal::all() {
                assert_eq!(pair_kind(a, b), pair_kind(b, a), "unordered");
                if a.index() <= b.index() {
                    *counts.entry(format!("{:?}", pair_kind(a, b))).or_insert(0) += 1;
                }
            }
        }
        let got: Vec<(String, i32)> = counts.into_iter().collect();
        assert_eq!(
            got,
            [
                ("None".to_string(), 78 - 32),
                ("Some(Clash)".into(), 6),
                ("Some(Harmony)".into(), 6),
                ("Some(Neutral)".into(), 8),
                ("Some(Resonance)".into(), 12),
            ]
        );
        let rat = Animal::parse("RA").unwrap();
        assert_eq!(
            pair_kind(rat, Animal::parse("HO").unwrap()),
            Some(PairKind::Clash)
        );
        assert_eq!(
            pair_kind(Animal::parse("OX").unwrap(), rat),
            Some(PairKind::Harmony)
        );
    }

    #[test]
    fn only_fire_water_and_metal_wood_are_opposite() {
        let mut pairs = Vec::new();
        for a in Element::all() {
            for b in Element::all() {
                if opposite(a, b) {
                    pairs.push(format!("{}-{}", a.token(), b.token()));
                }
            }
        }
        assert_eq!(pairs, ["WU-MT", "FI-WA", "MT-WU", "WA-FI"]);
    }

    #[test]
    fn an_element_link_sentence_always_puts_the_feeding_element_first() {
        for a in Element::all() {
            for b in Element::all() {
                let link = ElementLink::of(a, b);
                let (id, first, second) = link.sentence(a, b);
                match id {
                    "link-feeds" => assert_eq!(first.generates(), second, "{a:?} {b:?}"),
                    "link-checks" => assert_eq!(first.controls(), second, "{a:?} {b:?}"),
                    "link-same" => assert_eq!(first, second),
                    other => panic!("{other}"),
                }
            }
        }
    }

    #[test]
    fn cycle_pairs_follow_the_reference() {
        assert_eq!(cycle_kind(5, 1), CycleKind::Complementary);
        assert_eq!(cycle_kind(1, 5), CycleKind::Complementary);
        assert_eq!(cycle_kind(9, 9), CycleKind::Complementary);
        assert_eq!(cycle_kind(5, 4), CycleKind::Tension);
        assert_eq!(cycle_kind(7, 8), CycleKind::Tension);
        assert_eq!(cycle_kind(2, 2), CycleKind::Ordinary);
        // Masters use the row of their base: 11 × 6 is 2 × 6, complementary.
        assert_eq!(cycle_kind(11, 6), CycleKind::Complementary);
        assert_eq!(life_cycle(22, 8).theme.id, "cycle-4-8");
        assert_eq!(life_cycle(11, 33).theme.id, "cycle-2-6");
    }

    #[test]
    fn ranking_is_by_priority_then_kind() {
        let sky = sky(Weekday::from_jdn(0), 3);
        let cycle = life_cycle(5, 1); // complementary: High
        let day = personal_day(4);
        let ranked = rank(vec![day.clone(), sky.clone(), cycle.clone()]);
        let kinds: Vec<SignalKind> = ranked.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                SignalKind::LifeCycle,
                SignalKind::Sky,
                SignalKind::PersonalDay
            ]
        );
        let master = master_path(11, 8).unwrap();
        assert_eq!(master.priority, Priority::VeryHigh);
        assert!(master.tension, "11 in year 8: insight against ambition");
        assert_eq!(master.text.id, "master-11-year-8-text");
        assert!(master_path(7, 8).is_none());
    }

    #[test]
    fn each_signal_of_the_moment_points_to_a_side_and_lasting_ones_to_none() {
        let day = |token: &str| Weekday::parse(token).unwrap();
        let facet = |token: &str, phase: usize| sky(day(token), phase).facet;
        assert_eq!(facet("SO", 1), Some(Facet::Work), "the Sun: showing");
        assert_eq!(facet("MA", 4), Some(Facet::Work), "Mars: effort");
        assert_eq!(facet("VE", 0), Some(Facet::Bonds), "Venus: love");
        assert_eq!(facet("ME", 7), Some(Facet::Bonds), "Mercury: conversation");
        assert_eq!(facet("LU", 2), Some(Facet::Inner), "the Moon: feeling");
        assert_eq!(facet("JO", 5), Some(Facet::Inner), "Jupiter: meaning");
        assert_eq!(facet("SA", 3), Some(Facet::Shadow), "Saturn: limits");
        // The Last Quarter's releases turn inward, except on Saturn's day.
        assert_eq!(facet("SO", 6), Some(Facet::Inner));
        assert_eq!(facet("SA", 6), Some(Facet::Shadow));
        let rat = Animal::parse("RA").unwrap();
        let meets = |other: &str| {
            animal_meeting(When::Day, rat, Animal::parse(other).unwrap()).map(|s| s.facet)
        };
        assert_eq!(meets("OX"), Some(Some(Facet::Bonds)), "an ally");
        assert_eq!(meets("HO"), Some(Some(Facet::Shadow)), "a clash");
        assert_eq!(meets("RA"), Some(Some(Facet::Inner)), "a mirror");
        assert_eq!(meets("DR"), Some(Some(Facet::Work)), "a quiet alliance");
        assert_eq!(meets("TI"), None, "no listed pair, no signal");
        assert_eq!(personal_day(8).facet, Some(Facet::Work));
        assert_eq!(personal_day(6).facet, Some(Facet::Bonds));
        assert_eq!(personal_day(7).facet, Some(Facet::Inner));
        assert_eq!(personal_day(9).facet, Some(Facet::Shadow));
        let fire = RoleElement::new("day", Element::FIRE);
        let water = RoleElement::new("birth-year", Element::WATER);
        let of_day = opposition(SignalKind::Opposition, water, fire).unwrap();
        assert_eq!(of_day.facet, Some(Facet::Shadow));
        let place = RoleElement::new("location", Element::FIRE);
        let lasting = opposition(SignalKind::PlaceOpposition, place, water).unwrap();
        assert!(lasting.kind.is_lasting() && lasting.facet.is_none());
        assert_eq!(said_again(lasting).text.id, "opposition-fire-water-again");
        for s in [life_cycle(5, 4), master_path(22, 5).unwrap(), mother(7, 7)] {
            assert!(s.kind.is_lasting() && s.facet.is_none(), "{:?}", s.kind);
        }
        let mut f = Facet::Work;
        let mut seen = Vec::new();
        for _ in 0..4 {
            seen.push(f);
            f = f.next();
        }
        assert_eq!(seen, Facet::ALL);
        assert_eq!(f, Facet::Work, "round");
    }
}
