//! The six reading kinds: their figures (pure computation) and their interpretation
//! (messages). Rendering to a language happens later, in [`crate::run`].
//!
//! The figure types are plain data defined in [`nps_protocol::figures`]; what computes
//! the shared ones lives here ([`UniversalNumbersOf`], [`MomentFiguresOf`]).

use nps_engine::calendar::{Date, WeekdayInfo};
use nps_engine::ganzhi::{GanzhiDay, GanzhiYear, hour_pillar, year_pillar};
use nps_engine::moon::MoonInfo;
use nps_engine::numerology::{
    LetterValue, SystemChoice, digit_sum, digital_root, has_arabic_script, is_master,
    letter_breakdown, letter_sums, life_path, personal_year, readable_name, validate_name,
};
use nps_engine::patterns::{Pattern, detect};
use nps_engine::tokens::{Animal, Element};
use nps_engine::{Fc60Stamp, Moment};
pub use nps_protocol::figures::{
    AnimalRelation, CompatPerson, CompatibilityFigures, DailyFigures, ElementRelation,
    MomentFigures, NameFigures, Pair, PairParts, QuestionFigures, Script, TimeFigures,
    UniversalNumbers,
};

use crate::error::ReadingError;
use crate::signals;
use crate::text::{Arg, Interpretation, Msg};
use crate::words;

pub use nps_protocol::limits::{COMPATIBILITY_PEOPLE, MAX_QUESTION_CHARS};

/// Computes [`UniversalNumbers`].
pub trait UniversalNumbersOf {
    /// The universal numbers of `date`.
    fn of(date: Date) -> Self;
}

impl UniversalNumbersOf for UniversalNumbers {
    fn of(date: Date) -> Self {
        let year = digital_root(digit_sum(u64::from(date.year().unsigned_abs())));
        let month = digital_root(u64::from(year) + u64::from(date.month()));
        let day = digital_root(u64::from(month) + u64::from(date.day()));
        UniversalNumbers { year, month, day }
    }
}

/// Computes [`MomentFigures`] and the lines every reading of a moment says about them.
pub trait MomentFiguresOf {
    /// The figures of `at`.
    fn of(at: Moment) -> Self;
    /// The animal of the hour's branch, with a time.
    fn hour_animal(&self) -> Option<Animal>;
    /// The stem and branch of the hour (ganzhi), with a time.
    fn hour_pillar(&self) -> Option<(nps_engine::ganzhi::Stem, Animal)>;
    fn address(&self) -> Msg;
    fn weekday_line(&self) -> Msg;
    fn moon_line(&self) -> Msg;
    /// The planet of the day under the moon's phase: its theme and sentence.
    fn sky_line(&self) -> Msg;
    fn year_line(&self) -> Msg;
    fn day_line(&self) -> Msg;
    fn hour_line(&self) -> Option<Msg>;
}

impl MomentFiguresOf for MomentFigures {
    fn of(at: Moment) -> Self {
        let stamp = Fc60Stamp::new(at);
        let day = GanzhiDay::of(stamp.jdn());
        MomentFigures {
            weekday: WeekdayInfo::from(stamp.weekday()),
            moon: MoonInfo::of_jdn(stamp.jdn()),
            ganzhi_year: GanzhiYear::of(i64::from(at.date.year())),
            ganzhi_hour: at.time.map(|t| {
                let (s, b) = hour_pillar(day.stem(), t.hour());
                format!("{}-{}", s.token(), b.token())
            }),
            ganzhi_day: day,
            time_band: at.time.map(|t| words::time_band(t.hour())),
            universal: UniversalNumbers::of(at.date),
            stamp,
        }
    }

    fn hour_animal(&self) -> Option<Animal> {
        self.hour_pillar().map(|(_, animal)| animal)
    }
    fn hour_pillar(&self) -> Option<(nps_engine::ganzhi::Stem, Animal)> {
        let t = self.stamp.time()?;
        Some(hour_pillar(self.ganzhi_day.stem(), t.hour()))
    }

    fn address(&self) -> Msg {
        Msg::new("reading-address")
            .text("stamp", self.stamp.fc60().to_string())
            .text("chk", self.stamp.chk().as_str())
    }
    fn weekday_line(&self) -> Msg {
        let w = self.stamp.weekday();
        Msg::new("reading-weekday")
            .word("weekday", words::weekday(w))
            .word("planet", words::planet(w))
            .msg("trait", words::planet_trait(w))
    }
    fn moon_line(&self) -> Msg {
        Msg::new("reading-moon")
            .word("phase", words::moon_phase(self.moon.phase))
            .num("age", self.moon.age)
            .percent("illumination", self.moon.illumination)
            .msg("trait", words::moon_phase_trait(self.moon.phase))
    }
    fn sky_line(&self) -> Msg {
        let sky = signals::sky(self.stamp.weekday(), self.moon.phase);
        Msg::new("signal-line")
            .msg("theme", sky.theme)
            .msg("text", sky.text)
    }
    fn year_line(&self) -> Msg {
        let y = &self.ganzhi_year;
        Msg::new("reading-year-pillar")
            .word("element", words::element(y.stem().element()))
            .word("animal", words::animal(y.animal()))
            .msg("trait", words::animal_trait(y.animal()))
    }
    fn day_line(&self) -> Msg {
        let d = &self.ganzhi_day;
        Msg::new("reading-day-pillar")
            .word("element", words::element(d.stem().element()))
            .word("animal", words::animal(d.animal()))
    }
    fn hour_line(&self) -> Option<Msg> {
        let animal = self.hour_animal()?;
        let band = self.time_band?;
        Some(
            Msg::new("reading-hour-pillar")
                .word("animal", words::animal(animal))
                .word("band", format!("time-band-{band}"))
                .msg("trait", Msg::new(format!("time-band-{band}-trait"))),
        )
    }
}

fn advice_and_caution(i: &mut Interpretation, number: u32) {
    if let Some(advice) = words::meaning("advice", number) {
        i.section(
            "section-advice",
            vec![
                Msg::new("advice-line")
                    .num("number", number)
                    .msg("advice", advice),
            ],
        );
    }
    if let Some(caution) = words::meaning("caution", number) {
        i.section(
            "section-caution",
            vec![
                Msg::new("caution-line")
                    .num("number", number)
                    .msg("caution", caution),
            ],
        );
    }
}

fn closing(number: u32, animal: Animal, element: Element) -> Msg {
    Msg::new("message-closing")
        .num("number", number)
        .word("animal", words::animal(animal))
        .word("element", words::element(element))
}

fn pattern_lines(patterns: &[Pattern]) -> Vec<Msg> {
    let lines: Vec<Msg> = patterns
        .iter()
        .filter_map(|p| match p {
            Pattern::MasterNumber { number, .. } => {
                Some(Msg::new("pattern-master-number").num("number", number))
            }
            other => signals::pattern(other).map(|s| s.text),
        })
        .collect();
    if lines.is_empty() {
        vec![Msg::new("pattern-none")]
    } else {
        lines
    }
}

fn core_line(id: &'static str, family: &str, n: u32) -> Option<Msg> {
    words::meaning(family, n).map(|m| {
        Msg::new(id)
            .num("number", n)
            .msg("essence", words::essence(n))
            .msg("meaning", m)
    })
}

/// The personal year with its keyword, then its meaning.
fn personal_year_lines(py: u32) -> Vec<Msg> {
    let keyword = format!("year-keyword-{}", signals::base_number(py));
    let mut out = vec![
        Msg::new("now-personal-year")
            .num("number", py)
            .word("keyword", keyword),
    ];
    out.extend(words::meaning("personal-year", py));
    out
}

// ---- time ------------------------------------------------------------------------

pub fn time(at: Moment) -> (TimeFigures, Interpretation) {
    let moment = MomentFigures::of(at);
    let moment_number = match at.time {
        Some(t) => digital_root(
            u64::from(moment.universal.day) + u64::from(t.hour()) + u64::from(t.minute()),
        ),
        None => moment.universal.day,
    };
    let u = moment.universal;
    let mut animals = vec![
        moment.stamp.month_animal(),
        moment.stamp.dom_token().animal(),
    ];
    if let (Some(h), Some(m)) = (moment.stamp.hour_animal(), moment.stamp.minute_token()) {
        animals.extend([h, m.animal()]);
    }
    animals.push(moment.ganzhi_year.animal());
    let patterns = detect(&[moment_number, u.year, u.month, u.day, moment_number], 0, &animals)
        .into_iter()
        // The moment number is listed twice only to weigh it; its own repeat is no pattern.
        .filter(|p| !matches!(p, Pattern::NumberRepetition { number, occurrences: 2, .. } if *number == moment_number && ![u.year, u.month, u.day].contains(number)))
        .collect::<Vec<_>>();

    let mut i = Interpretation {
        headline: Some(
            Msg::new("time-headline")
                .word("weekday", words::weekday(moment.stamp.weekday()))
                .text("stamp", moment.stamp.fc60().to_string()),
        ),
        ..Default::default()
    };
    i.summary = signals::summary(&signals::rank(
        std::iter::once(signals::sky(moment.stamp.weekday(), moment.moon.phase))
            .chain(patterns.iter().filter_map(signals::pattern))
            .collect(),
    ));
    i.section("section-address", vec![moment.address()]);
    let mut now = vec![
        Msg::new("time-moment-number")
            .num("number", moment_number)
            .msg("essence", words::essence(moment_number)),
        moment.weekday_line(),
        moment.moon_line(),
        moment.year_line(),
        moment.day_line(),
    ];
    now.extend(moment.hour_line());
    now.push(moment.sky_line());
    i.section("section-now", now);
    i.section("section-patterns", pattern_lines(&patterns));
    let animal = moment.hour_animal().unwrap_or(moment.ganzhi_day.animal());
    i.section(
        "section-message",
        vec![closing(
            moment_number,
            animal,
            moment.ganzhi_day.stem().element(),
        )],
    );
    advice_and_caution(&mut i, moment_number);
    (
        TimeFigures {
            moment,
            moment_number,
            patterns,
        },
        i,
    )
}

// ---- name ------------------------------------------------------------------------

pub fn name(
    name: &str,
    birth: Option<Date>,
    choice: SystemChoice,
    today: Date,
) -> Result<(NameFigures, Interpretation), ReadingError> {
    let system = choice.resolve(validate_name(name)?);
    let name = readable_name(system, name)?;
    let sums = letter_sums(system, name);
    let letters = letter_breakdown(system, name);
    let dominant = dominant_element(&letters);
    let f = NameFigures {
        name: name.to_string(),
        system,
        expression: digital_root(sums.total),
        soul_urge: digital_root(sums.vowels),
        personality: digital_root(sums.consonants),
        letter_sum: sums.total,
        dominant_element: dominant.map(Element::name),
        letters,
        life_path: birth.map(life_path),
        personal_year: birth.map(|b| personal_year(b, today.year())),
    };
    let system_word = format!("system-{system}");
    let mut i = Interpretation {
        headline: Some(
            Msg::new("name-headline")
                .text("name", name)
                .word("system", system_word.clone()),
        ),
        ..Default::default()
    };
    i.section("section-letters", letter_lines(&f, dominant, system_word));
    let mut core: Vec<Msg> = [
        core_line("core-expression", "expression", f.expression),
        core_line("core-soul-urge", "soul-urge", f.soul_urge),
        core_line("core-personality", "personality", f.personality),
    ]
    .into_iter()
    .flatten()
    .collect();
    if let Some(lp) = f.life_path {
        core.extend(core_line("core-life-path", "life-path", lp));
    }
    i.section("section-core", core);
    if let (Some(py), Some(lp)) = (f.personal_year, f.life_path) {
        let mut lasting = vec![signals::life_cycle(lp, py)];
        lasting.extend(signals::master_path(lp, py));
        i.summary = signals::summary(&signals::rank(lasting));
        let mut now = personal_year_lines(py);
        let cycle = signals::life_cycle(lp, py);
        now.push(
            Msg::new("signal-line")
                .msg("theme", cycle.theme)
                .msg("text", cycle.text),
        );
        i.section("section-now", now);
    }
    let key = if has_key(f.expression) {
        f.expression
    } else {
        f.life_path.unwrap_or(0)
    };
    if has_key(key) {
        i.section("section-message", vec![name_closing(key, birth, dominant)]);
        advice_and_caution(&mut i, key);
    }
    Ok((f, i))
}

/// The letters counted and their sum, the element most present among them, and the
/// letters the system leaves at 0 (`ë` in Chaldean, Latin letters beside Persian ones
/// under Abjad). A name with no counted letter never gets here ([`readable_name`]).
fn letter_lines(f: &NameFigures, dominant: Option<Element>, system_word: String) -> Vec<Msg> {
    let counted = f.letters.iter().filter(|l| l.value > 0).count();
    let mut letters = vec![
        Msg::new("name-letters")
            .num("count", counted)
            .num("total", f.letter_sum),
    ];
    if let Some(e) = dominant {
        letters.push(
            Msg::new("name-dominant-element")
                .word("element", words::element(e))
                .msg("trait", words::element_trait(e)),
        );
    }
    let mut uncounted: Vec<&str> = Vec::new();
    for l in f.letters.iter().filter(|l| l.value == 0) {
        if !uncounted.contains(&l.letter.as_str()) {
            uncounted.push(&l.letter);
        }
    }
    if !uncounted.is_empty() {
        letters.push(
            Msg::new("name-uncounted-letters")
                .word("system", system_word)
                .text("letters", uncounted.join(" ")),
        );
    }
    letters
}

/// The closing of a name reading: the key number with the birth year's animal when there
/// is a birth date, and the letters' element (or the birth year's).
fn name_closing(key: u32, birth: Option<Date>, dominant: Option<Element>) -> Msg {
    match (birth, dominant) {
        (Some(b), Some(e)) => closing(key, year_pillar(i64::from(b.year())).1, e),
        (Some(b), None) => {
            let (stem, animal) = year_pillar(i64::from(b.year()));
            closing(key, animal, stem.element())
        }
        (None, Some(e)) => Msg::new("message-closing-plain")
            .num("number", key)
            .word("element", words::element(e)),
        (None, None) => Msg::new("question-number")
            .num("number", key)
            .msg("essence", words::essence(key)),
    }
}

fn has_key(n: u32) -> bool {
    words::has_meaning(n)
}

fn dominant_element(letters: &[LetterValue]) -> Option<Element> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for l in letters {
        if let Some(e) = l.element {
            match counts.iter_mut().find(|(n, _)| *n == e) {
                Some((_, c)) => *c += 1,
                None => counts.push((e, 1)),
            }
        }
    }
    let mut best: Option<(&str, usize)> = None;
    for (e, c) in counts {
        if best.is_none_or(|(_, bc)| c > bc) {
            best = Some((e, c));
        }
    }
    let name = best?.0;
    Element::all().find(|e| e.name() == name)
}

// ---- question --------------------------------------------------------------------

pub fn detect_script(text: &str) -> Script {
    let arabic = has_arabic_script(text);
    let latin = text.chars().any(|c| {
        c.is_alphabetic() && (c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c))
    });
    match (latin, arabic) {
        (true, true) => Script::Mixed,
        (false, true) => Script::Persian,
        (true, false) => Script::Latin,
        (false, false) => Script::None,
    }
}

pub fn question(
    question: &str,
    choice: SystemChoice,
    at: Moment,
) -> Result<(QuestionFigures, Interpretation), ReadingError> {
    let q = question.trim();
    if q.is_empty() {
        return Err(ReadingError::invalid(Msg::new("error-question-empty")));
    }
    // Its length is bounded by `Request::check_bounds`, before any reading runs.
    if !q.chars().any(char::is_alphabetic) {
        return Err(ReadingError::invalid(Msg::new("error-question-no-letters")));
    }
    let system = choice.resolve(q);
    let sum = letter_sums(system, q).total;
    let number = digital_root(sum);
    let script = detect_script(q);
    let moment = MomentFigures::of(at);
    let f = QuestionFigures {
        question: q.to_string(),
        number,
        letter_sum: sum,
        script,
        system,
        is_master: is_master(u64::from(number)),
        moment,
    };
    let script_word = format!(
        "script-{}",
        match script {
            Script::Latin => "latin",
            Script::Persian => "persian",
            Script::Mixed => "mixed",
            Script::None => "none",
        }
    );
    let mut i = Interpretation {
        headline: Some(Msg::new("question-headline").num("number", number)),
        summary: signals::summary(&signals::rank(vec![
            signals::question(number),
            signals::sky(f.moment.stamp.weekday(), f.moment.moon.phase),
        ])),
        ..Default::default()
    };
    let mut lines = vec![
        Msg::new("question-script")
            .word("script", script_word)
            .word("system", format!("system-{system}")),
        Msg::new("question-number")
            .num("number", number)
            .msg("essence", words::essence(number)),
    ];
    if f.is_master {
        lines.push(Msg::new("question-master").num("number", number));
    }
    lines.push(Msg::new("question-moment").text("stamp", f.moment.stamp.fc60().to_string()));
    i.section("section-question", lines);
    i.section(
        "section-now",
        vec![f.moment.moon_line(), f.moment.day_line()],
    );
    advice_and_caution(&mut i, number);
    Ok((f, i))
}

// ---- daily -----------------------------------------------------------------------

pub fn daily(date: Date, birth: Option<Date>) -> (DailyFigures, Interpretation) {
    let moment = MomentFigures::of(Moment::date_only(date));
    let u = moment.universal;
    let focus_number = match birth {
        Some(b) => {
            let py = personal_year(b, date.year());
            let pm = digital_root(u64::from(py) + u64::from(date.month()));
            digital_root(u64::from(pm) + u64::from(date.day()))
        }
        None => u.day,
    };
    let lucky = lucky_numbers(&moment, date, focus_number);
    let lucky_hours = lucky_hours(&moment, birth);
    let activities: Vec<u32> = [focus_number, u.month]
        .into_iter()
        .filter(|n| words::has_meaning(*n))
        .fold(Vec::new(), |mut v, n| {
            if !v.contains(&n) {
                v.push(n);
            }
            v
        });

    let focus = words::essence(focus_number);
    let weekday = moment.stamp.weekday();
    let mut i = Interpretation {
        headline: Some(
            Msg::new("daily-headline")
                .date("date", date)
                .word("weekday", words::weekday(weekday)),
        ),
        ..Default::default()
    };
    let mut day = vec![
        insight(&moment, focus_number),
        moment.weekday_line(),
        moment.moon_line(),
        moment.sky_line(),
        moment.day_line(),
        Msg::new("daily-lucky-numbers").arg(
            "numbers",
            Arg::List(lucky.iter().map(|n| Arg::Number(n.to_string())).collect()),
        ),
        Msg::new("daily-lucky-hours").arg(
            "hours",
            Arg::List(lucky_hours.iter().map(|h| Arg::Number(h.clone())).collect()),
        ),
        Msg::new("daily-focus")
            .num("number", focus_number)
            .msg("focus", focus),
    ];
    for n in &activities {
        if let Some(a) = words::meaning("activity", *n) {
            day.push(Msg::new("daily-activity").msg("activity", a));
        }
    }
    i.summary = signals::summary(&signals::rank(day_signals(&moment, birth, focus_number)));
    i.section("section-day", day);
    advice_and_caution(&mut i, focus_number);
    (
        DailyFigures {
            date,
            focus_number,
            lucky_numbers: lucky,
            lucky_hours,
            activities: activities.iter().map(|n| format!("activity-{n}")).collect(),
            moment,
        },
        i,
    )
}

/// The signals of a day: its planet under its moon, and with a birth date the personal
/// day and the day's animal meeting the birth year's.
fn day_signals(
    moment: &MomentFigures,
    birth: Option<Date>,
    focus_number: u32,
) -> Vec<signals::Signal> {
    let mut out = vec![signals::sky(moment.stamp.weekday(), moment.moon.phase)];
    if let Some(b) = birth {
        out.push(signals::personal_day(focus_number));
        let birth_animal = year_pillar(i64::from(b.year())).1;
        out.extend(signals::animal_meeting(
            signals::When::Day,
            birth_animal,
            moment.ganzhi_day.animal(),
        ));
    }
    out
}

/// The day's lucky numbers, deduplicated and sorted (see the README).
fn lucky_numbers(moment: &MomentFigures, date: Date, focus_number: u32) -> Vec<u32> {
    let mut lucky: Vec<u32> = vec![
        moment.universal.day,
        focus_number,
        digital_root(u64::from(date.day())),
        moment.moon.phase as u32 + 1,
        (moment.stamp.jdn().rem_euclid(60) as u32) % 33 + 1,
    ];
    lucky.sort_unstable();
    lucky.dedup();
    lucky
}

/// The two hours whose branch is the birth-year animal (or the day's), `HH:00–HH:59`.
fn lucky_hours(moment: &MomentFigures, birth: Option<Date>) -> Vec<String> {
    let branch = birth
        .map(|b| year_pillar(i64::from(b.year())).1)
        .unwrap_or(moment.ganzhi_day.animal());
    (0..24u32)
        .filter(|&h| hour_pillar(moment.ganzhi_day.stem(), h).1 == branch)
        .map(|h| format!("{h:02}:00–{h:02}:59"))
        .collect()
}

/// The one-sentence insight of a day (also broadcast as `daily_reading`).
pub fn insight(moment: &MomentFigures, focus_number: u32) -> Msg {
    Msg::new("daily-insight")
        .word("weekday", words::weekday(moment.stamp.weekday()))
        .word("phase", words::moon_phase(moment.moon.phase))
        .word("animal", words::animal(moment.ganzhi_day.animal()))
        .msg("focus", words::essence(focus_number))
}

// ---- full ------------------------------------------------------------------------

// ---- compatibility ---------------------------------------------------------------

/// A master number reduced to its base (11 → 2, 22 → 4, 33 → 6).
fn base_number(n: u32) -> u32 {
    match n {
        11 => 2,
        22 => 4,
        33 => 6,
        n => n,
    }
}

/// Life paths in one triad ({1,5,7}, {2,4,8}, {3,6,9}) score 1.0, equal ones 0.8, others 0.5.
pub fn life_path_score(a: u32, b: u32) -> f64 {
    let (a, b) = (base_number(a), base_number(b));
    const TRIADS: [[u32; 3]; 3] = [[1, 5, 7], [2, 4, 8], [3, 6, 9]];
    if a == b {
        0.8
    } else if TRIADS.iter().any(|t| t.contains(&a) && t.contains(&b)) {
        1.0
    } else {
        0.5
    }
}

pub fn element_relation(a: Element, b: Element) -> ElementRelation {
    if a == b {
        ElementRelation::Same
    } else if a.generates() == b || b.generates() == a {
        ElementRelation::Generating
    } else {
        ElementRelation::Controlling
    }
}

pub fn animal_relation(a: Animal, b: Animal) -> AnimalRelation {
    let (x, y) = (a.index(), b.index());
    let diff = (x + 12 - y) % 12;
    if x == y {
        AnimalRelation::Same
    } else if (x + y) % 12 == 1 {
        // Rat–Ox, Tiger–Pig, Rabbit–Dog, Dragon–Rooster, Snake–Monkey, Horse–Goat.
        AnimalRelation::Friends
    } else if diff == 6 {
        AnimalRelation::Clash
    } else if diff == 4 || diff == 8 {
        AnimalRelation::Trine
    } else {
        AnimalRelation::Neutral
    }
}

fn moon_score(a: usize, b: usize) -> f64 {
    match (a + 8 - b) % 8 {
        0 => 1.0,
        1 | 7 => 0.7,
        4 => 0.3,
        _ => 0.5,
    }
}

pub fn compatibility(
    people: &[(String, Date)],
) -> Result<(CompatibilityFigures, Interpretation), ReadingError> {
    if !COMPATIBILITY_PEOPLE.contains(&people.len()) {
        return Err(ReadingError::invalid(
            Msg::new("error-people-count").num("count", people.len()),
        ));
    }
    let ps = people
        .iter()
        .map(|(name, birth)| compat_person(name, *birth))
        .collect::<Result<Vec<_>, _>>()?;
    let mut pairs = Vec::new();
    for a in 0..ps.len() {
        for b in a + 1..ps.len() {
            pairs.push(score_pair(&ps, a, b));
        }
    }
    let group = pairs.iter().map(|p| p.score).sum::<f64>() / pairs.len() as f64;
    let level = nps_protocol::figures::harmony_level(percent(group));
    let mut i = Interpretation {
        headline: Some(Msg::new("compat-headline").num("count", ps.len())),
        ..Default::default()
    };
    let lines: Vec<Msg> = pairs
        .iter()
        .flat_map(|p| pair_lines(&ps[p.a], &ps[p.b], p))
        .collect();
    i.section("section-pairs", lines);
    i.section(
        "section-group",
        vec![
            Msg::new("compat-group")
                .num("score", percent(group))
                .word("level", format!("harmony-{level}")),
        ],
    );
    let key = digital_root(ps.iter().map(|p| u64::from(p.life_path)).sum());
    advice_and_caution(&mut i, key);
    Ok((
        CompatibilityFigures {
            people: ps,
            group_harmony: group,
            group_percent: percent(group),
            level,
            pairs,
        },
        i,
    ))
}

fn compat_person(name: &str, birth: Date) -> Result<CompatPerson, ReadingError> {
    let system = SystemChoice::Auto.resolve(validate_name(name)?);
    let name = readable_name(system, name)?;
    let sums = letter_sums(system, name);
    let (stem, animal) = year_pillar(i64::from(birth.year()));
    Ok(CompatPerson {
        name: name.to_string(),
        birth,
        life_path: life_path(birth),
        expression: digital_root(sums.total),
        soul_urge: digital_root(sums.vowels),
        personality: digital_root(sums.consonants),
        year_animal: animal,
        year_element: stem.element(),
        birth_moon_phase: MoonInfo::of_jdn(birth.jdn()).phase,
    })
}

/// The score of people `a` and `b` (see [`Pair::score`]).
fn score_pair(ps: &[CompatPerson], a: usize, b: usize) -> Pair {
    let (x, y) = (&ps[a], &ps[b]);
    let er = element_relation(x.year_element, y.year_element);
    let ar = animal_relation(x.year_animal, y.year_animal);
    let xs = [x.life_path, x.expression, x.soul_urge, x.personality];
    let ys = [y.life_path, y.expression, y.soul_urge, y.personality];
    let parts = PairParts {
        life_path: life_path_score(x.life_path, y.life_path),
        element: match er {
            ElementRelation::Same => 0.7,
            ElementRelation::Generating => 0.9,
            ElementRelation::Controlling => 0.3,
        },
        animal: match ar {
            AnimalRelation::Same => 0.7,
            AnimalRelation::Friends => 1.0,
            AnimalRelation::Clash => 0.2,
            AnimalRelation::Trine => 0.8,
            AnimalRelation::Neutral => 0.5,
        },
        moon: moon_score(x.birth_moon_phase, y.birth_moon_phase),
        // Sharing any core number is a pattern between two people.
        pattern: if xs.iter().any(|n| *n != 0 && ys.contains(n)) {
            1.0
        } else {
            0.5
        },
    };
    let score = 0.30 * parts.life_path
        + 0.25 * parts.element
        + 0.20 * parts.animal
        + 0.15 * parts.moon
        + 0.10 * parts.pattern;
    Pair {
        a,
        b,
        score,
        percent: percent(score),
        parts,
        element_relation: er,
        animal_relation: ar,
    }
}

/// What one pair's figures say: the score, the two life paths and what their families
/// mean, the elements (the feeding or restraining one named first, so the direction is
/// true in every language) and the animals.
fn pair_lines(x: &CompatPerson, y: &CompatPerson, p: &Pair) -> Vec<Msg> {
    let life_paths = match life_path_score(x.life_path, y.life_path) {
        s if s >= 1.0 => "compat-life-path-triad",
        s if s >= 0.8 => "compat-life-path-same",
        _ => "compat-life-path-other",
    };
    let (first, second) = match signals::ElementLink::of(x.year_element, y.year_element) {
        signals::ElementLink::FedBy | signals::ElementLink::CheckedBy => {
            (y.year_element, x.year_element)
        }
        _ => (x.year_element, y.year_element),
    };
    let er = match p.element_relation {
        ElementRelation::Same => "compat-element-same",
        ElementRelation::Generating => "compat-element-generating",
        ElementRelation::Controlling => "compat-element-controlling",
    };
    let ar = match p.animal_relation {
        AnimalRelation::Same => "compat-animal-same",
        AnimalRelation::Friends => "compat-animal-friends",
        AnimalRelation::Clash => "compat-animal-clash",
        AnimalRelation::Trine => "compat-animal-trine",
        AnimalRelation::Neutral => "compat-animal-neutral",
    };
    vec![
        Msg::new("compat-pair")
            .text("a", x.name.clone())
            .text("b", y.name.clone())
            .num("score", p.percent),
        if life_paths == "compat-life-path-same" {
            Msg::new(life_paths).num("a", x.life_path)
        } else {
            Msg::new(life_paths)
                .num("a", x.life_path)
                .num("b", y.life_path)
        },
        Msg::new(er)
            .word("a", words::element(first))
            .word("b", words::element(second)),
        Msg::new(ar)
            .word("a", words::animal(x.year_animal))
            .word("b", words::animal(y.year_animal)),
    ]
}

fn percent(score: f64) -> u32 {
    (score * 100.0).round_ties_even().clamp(0.0, 100.0) as u32
}
