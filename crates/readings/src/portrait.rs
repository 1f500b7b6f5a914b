//! The interpretation of a full reading: one person at one moment, as deep as the inputs
//! allow ([`Depth`]).
//!
//! Sections: the universal address · core identity · right now · patterns · the message
//! · advice · caution · about this reading (combinations.md §8). Each signal's sentence
//! appears once: in the message when it is among the strongest, otherwise in its own
//! section.

use nps_engine::Moment;
use nps_engine::full::{FullNumerology, FullReading, Profile};
use nps_engine::ganzhi::year_pillar;
use nps_engine::numerology::{readable_name, validate_name};
use nps_engine::tokens::{Animal, Element};

use crate::compose::{self, Composition, Depth, Fallback, Inputs};
use crate::error::ReadingError;
use crate::kinds::{MomentFigures, MomentFiguresOf};
use crate::signals::{self, Facet, Priority, RoleElement, Signal, SignalKind, When};
use crate::text::{Interpretation, Msg};
use crate::words;

/// The full reading of `profile` at `at`: the engine's figures, interpreted here.
pub fn full(profile: &Profile, at: Moment) -> Result<(FullReading, Interpretation), ReadingError> {
    readable_names(profile)?;
    let f = FullReading::compute(profile, at)?;
    let moment = MomentFigures::of(at);
    let i = interpret(profile, &f, &moment);
    Ok((f, i))
}

/// Refuses a name, or a mother's name, none of whose letters its system counts: the
/// engine would give it zeros that read like numbers.
fn readable_names(profile: &Profile) -> Result<(), ReadingError> {
    let names = [Some(profile.name.as_str()), profile.mother.as_deref()];
    for name in names.into_iter().flatten().filter(|n| !n.trim().is_empty()) {
        let system = profile.system.resolve(validate_name(name)?);
        readable_name(system, name)?;
    }
    Ok(())
}

/// What the sections need to know besides the figures.
struct Person<'a> {
    f: &'a FullReading,
    moment: &'a MomentFigures,
    depth: Depth,
    inputs: Inputs,
    birth_animal: Animal,
    birth_element: Element,
    signals: Vec<Signal>,
    composition: Composition,
}

impl Person<'_> {
    /// The sentences of the signals of `kind`, each with its theme, except those the
    /// message carries.
    ///
    /// Depth sets how far down the ranks the sections go: a brief reading keeps the
    /// signals of Medium rank and above, a standard one Low-Medium and above, a deep one
    /// all of them.
    fn line(&self, kind: SignalKind) -> Vec<Msg> {
        let floor = match self.depth {
            Depth::Brief => Priority::Medium,
            Depth::Standard => Priority::LowMedium,
            Depth::Deep => Priority::Background,
        };
        self.signals
            .iter()
            .enumerate()
            .filter(|(i, s)| {
                !self.composition.led.contains(i) && s.kind == kind && s.priority >= floor
            })
            .map(|(_, s)| signal_line(s))
            .collect()
    }
}

/// The interpretation of `f`, the full reading of `profile` at `moment`.
pub fn interpret(profile: &Profile, f: &FullReading, moment: &MomentFigures) -> Interpretation {
    let (stem, birth_animal) = year_pillar(i64::from(profile.birth.year()));
    let inputs = Inputs {
        mother: f.numerology.mother_influence.is_some(),
        gender: profile.gender.is_some(),
        location: f.location.is_some(),
        heartbeat: profile.bpm.is_some(),
        time: moment.stamp.time().is_some(),
    };
    let depth = Depth::of(inputs.extra());
    let ranked = signals::rank(person_signals(
        f,
        moment,
        birth_animal,
        stem.element(),
        &inputs,
    ));
    let (advice, cautions) = fallbacks(f);
    let composition = compose::compose(&ranked, depth, &advice, &cautions);
    let p = Person {
        f,
        moment,
        depth,
        inputs,
        birth_animal,
        birth_element: stem.element(),
        signals: ranked,
        composition,
    };
    let mut i = Interpretation {
        summary: signals::summary(&p.signals),
        headline: Some(
            Msg::new("full-headline")
                .text("name", f.person.name.clone())
                .date("date", moment.stamp.moment().date)
                .num("number", f.numerology.life_path.number),
        ),
        ..Default::default()
    };
    i.section("section-address", address(&p));
    i.section("section-core", core(&p));
    i.section("section-now", now(&p));
    i.section("section-patterns", patterns(&p));
    i.section("section-message", p.composition.message.clone());
    i.section("section-advice", p.composition.advice.clone());
    i.section("section-caution", p.composition.cautions.clone());
    let confidence = (f.confidence.score, f.confidence.level);
    i.section(
        "section-footer",
        compose::footer(&p.inputs, Some(confidence), p.depth),
    );
    i
}

fn person_signals(
    f: &FullReading,
    moment: &MomentFigures,
    birth_animal: Animal,
    birth_element: Element,
    inputs: &Inputs,
) -> Vec<Signal> {
    let n = &f.numerology;
    let lp = n.life_path.number;
    let day_element = RoleElement::new("day", moment.ganzhi_day.stem().element());
    let mut out = vec![
        signals::life_cycle(lp, n.personal_year),
        signals::sky(moment.stamp.weekday(), moment.moon.phase),
        signals::personal_day(n.personal_day),
    ];
    out.extend(signals::master_path(lp, n.personal_year));
    out.extend(f.patterns.detected.iter().filter_map(signals::pattern));
    out.extend(signals::animal_meeting(
        When::Day,
        birth_animal,
        moment.ganzhi_day.animal(),
    ));
    if let Some(hour) = moment.hour_animal() {
        out.extend(signals::animal_meeting(When::Hour, birth_animal, hour));
    }
    let birth = RoleElement::new("birth-year", birth_element);
    out.extend(signals::opposition(
        SignalKind::Opposition,
        birth,
        day_element,
    ));
    if let Some(m) = n.mother_influence {
        out.push(signals::mother(m, lp));
    }
    if inputs.gender {
        let day_yang = moment.ganzhi_day.stem().polarity() == "Yang";
        out.push(signals::polarity(n.gender_polarity.label, day_yang));
    }
    if inputs.heartbeat {
        let rhythm = RoleElement::new("heartbeat", Element::from_index(i64::from(f.heartbeat.bpm)));
        out.push(signals::element_meeting(
            SignalKind::Rhythm,
            rhythm,
            day_element,
        ));
    }
    if let Some(place) = f.location.as_ref().and_then(|l| element_named(l.element)) {
        let place = RoleElement::new("location", place);
        out.push(signals::element_meeting(
            SignalKind::Place,
            place,
            day_element,
        ));
        // The same pair twice (place against birth year, birth year against the day)
        // is said the second time as an echo of the first.
        let again = out.iter().any(|s| s.kind == SignalKind::Opposition);
        out.extend(
            signals::opposition(SignalKind::PlaceOpposition, place, birth)
                .map(|s| if again { signals::said_again(s) } else { s }),
        );
    }
    out
}

fn signal_line(s: &Signal) -> Msg {
    if s.kind == SignalKind::PersonalDay {
        // Its sentence names it already; its theme is a lower-case phrase.
        return s.text.clone();
    }
    Msg::new("signal-line")
        .msg("theme", s.theme.clone())
        .msg("text", s.text.clone())
}

fn element_named(name: &str) -> Option<Element> {
    Element::all().find(|e| e.name() == name)
}

/// The life path's own advice and caution, and the personal year's, for when the
/// signals offer fewer than the composition needs.
fn fallbacks(f: &FullReading) -> (Vec<Fallback>, Vec<Fallback>) {
    let lp = f.numerology.life_path.number;
    let py = signals::base_number(f.numerology.personal_year);
    let source = || Msg::new("source-life-path").num("number", lp);
    let year = || Msg::new("source-year").num("number", f.numerology.personal_year);
    let advice = words::meaning("advice", lp)
        .map(|a| (source(), a))
        .into_iter()
        .chain([(year(), Msg::new(format!("year-good-{py}")))])
        .collect();
    let cautions = words::meaning("caution", lp)
        .map(|c| (source(), c))
        .into_iter()
        .chain([(year(), Msg::new(format!("year-beware-{py}")))])
        .collect();
    (advice, cautions)
}

fn address(p: &Person) -> Vec<Msg> {
    let mut out = vec![p.moment.address()];
    if p.depth == Depth::Deep {
        let s = &p.moment.stamp;
        out.push(
            Msg::new("reading-address-cycles")
                .text("j60", s.j60().to_string())
                .text("y60", s.y60().to_string()),
        );
    }
    out
}

fn core(p: &Person) -> Vec<Msg> {
    let n = &p.f.numerology;
    let mut out = if p.depth == Depth::Brief {
        brief_core(p)
    } else {
        core_through_lens(p)
    };
    out.extend(personal_year(p));
    out.extend(p.line(SignalKind::PersonalDay));
    if let Some(m) = n.mother_influence {
        // The mother's signal names her number; the plain line stands in when the
        // signal is in the message or below the depth's floor.
        let line = p.line(SignalKind::Mother);
        if line.is_empty() {
            out.push(Msg::new("full-mother").num("number", m));
        }
        out.extend(line);
    }
    if p.inputs.gender {
        // As with the mother's number: the signal names the polarity when it is shown.
        let line = p.line(SignalKind::Polarity);
        if line.is_empty() {
            let label = n.gender_polarity.label.to_ascii_lowercase();
            out.push(Msg::new("full-polarity").word("label", format!("polarity-{label}")));
        }
        out.extend(line);
    }
    out
}

/// A brief reading: the life path with its meaning, the name's numbers named in the same
/// sentence (their meanings come with more inputs).
fn brief_core(p: &Person) -> Vec<Msg> {
    let n = &p.f.numerology;
    let lp = n.life_path.number;
    words::meaning("life-path", lp)
        .map(|meaning| {
            Msg::new("core-life-path-brief")
                .num("number", lp)
                .msg("essence", words::essence(lp))
                .num("expression", n.expression)
                .num("soul", n.soul_urge)
                .num("personality", n.personality)
                .msg("meaning", meaning)
        })
        .into_iter()
        .collect()
}

/// A standard or deep reading: the lens the strongest signal of the moment chooses, then
/// each core number read from that side (`core-facet-FACET`). A number that repeats
/// among the four is read from the next side each time, so no text is said twice.
fn core_through_lens(p: &Person) -> Vec<Msg> {
    let n = &p.f.numerology;
    let Some((signal, lens)) = compose::lens(&p.signals) else {
        // Every full reading has the planet of the day, which points to a side; without
        // one, the numbers are read whole.
        return general_core(n);
    };
    let mut out = vec![
        Msg::new("core-lens")
            .msg("theme", signal.theme.clone())
            .msg("source", signal.source.clone())
            .word("facet", format!("facet-{}", lens.id())),
    ];
    let mut read: Vec<(u32, Facet)> = Vec::new();
    for (position, number) in [
        ("life-path", n.life_path.number),
        ("expression", n.expression),
        ("soul-urge", n.soul_urge),
        ("personality", n.personality),
    ] {
        let facet = std::iter::successors(Some(lens), |f| Some(f.next()))
            .take(Facet::ALL.len())
            .find(|f| !read.contains(&(number, *f)))
            .unwrap_or(lens);
        read.push((number, facet));
        out.extend(words::facet(number, facet.id()).map(|text| {
            Msg::new(format!("core-facet-{}", facet.id()))
                .word("position", format!("position-{position}"))
                .num("number", number)
                .msg("essence", words::essence(number))
                .msg("text", text)
        }));
    }
    out
}

/// The four core numbers with their general meanings.
fn general_core(n: &FullNumerology) -> Vec<Msg> {
    [
        ("core-life-path", "life-path", n.life_path.number),
        ("core-expression", "expression", n.expression),
        ("core-soul-urge", "soul-urge", n.soul_urge),
        ("core-personality", "personality", n.personality),
    ]
    .into_iter()
    .filter_map(|(id, family, number)| {
        words::meaning(family, number).map(|m| {
            Msg::new(id)
                .num("number", number)
                .msg("essence", words::essence(number))
                .msg("meaning", m)
        })
    })
    .collect()
}

/// The personal year with its keyword (and, deeper, the personal month and the year's
/// meaning); the personal day has its own signal.
fn personal_year(p: &Person) -> Vec<Msg> {
    let py = p.f.numerology.personal_year;
    let keyword = format!("year-keyword-{}", signals::base_number(py));
    let year = Msg::new("now-personal-year")
        .num("number", py)
        .word("keyword", keyword);
    let mut out = vec![if p.depth == Depth::Brief {
        year
    } else {
        year.with_id("now-personal-year-month")
            .num("month", p.f.numerology.personal_month)
    }];
    if p.depth != Depth::Brief {
        out.extend(words::meaning("personal-year", py));
    }
    out.extend(p.line(SignalKind::LifeCycle));
    out
}

fn now(p: &Person) -> Vec<Msg> {
    let m = p.moment;
    let w = m.stamp.weekday();
    let mut out = vec![
        Msg::new("now-sky")
            .word("weekday", words::weekday(w))
            .word("planet", words::planet(w))
            .word("phase", words::moon_phase(m.moon.phase))
            .num("age", format!("{:.1}", m.moon.age))
            .percent("illumination", m.moon.illumination),
    ];
    if p.depth == Depth::Deep {
        out.push(words::planet_trait(w));
        out.push(words::moon_phase_trait(m.moon.phase));
    }
    out.extend(p.line(SignalKind::Sky));
    let d = &m.ganzhi_day;
    out.push(
        Msg::new("now-day-pillar")
            .word("element", words::element(d.stem().element()))
            .word("animal", words::animal(d.animal()))
            .word("birth_element", words::element(p.birth_element))
            .word("birth_animal", words::animal(p.birth_animal)),
    );
    if p.depth == Depth::Deep {
        out.push(words::animal_trait(d.animal()));
        out.push(words::element_trait(p.birth_element));
        if d.stem().element() != p.birth_element {
            out.push(words::element_trait(d.stem().element()));
        }
    }
    out.extend(p.line(SignalKind::DayAnimal));
    if let (Some((stem, animal)), Some(band)) = (m.hour_pillar(), m.time_band) {
        out.push(
            Msg::new("now-hour")
                .word("element", words::element(stem.element()))
                .word("animal", words::animal(animal))
                .word("band", format!("time-band-{band}")),
        );
        if p.depth == Depth::Deep {
            out.push(Msg::new(format!("time-band-{band}-trait")));
        }
        out.extend(p.line(SignalKind::HourAnimal));
    }
    out.extend(p.line(SignalKind::Opposition));
    if p.depth == Depth::Deep {
        out.push(
            Msg::new("full-age")
                .int("years", p.f.person.age_years)
                .int("days", p.f.person.age_days),
        );
    }
    out.extend(inputs_now(p));
    out
}

fn inputs_now(p: &Person) -> Vec<Msg> {
    let mut out = Vec::new();
    let f = p.f;
    if p.inputs.heartbeat {
        let hb = &f.heartbeat;
        out.push(
            Msg::new("full-heartbeat")
                .num("bpm", hb.bpm)
                .arg(
                    "beats",
                    crate::text::Arg::Int(
                        i64::try_from(hb.total_lifetime_beats).unwrap_or(i64::MAX),
                    ),
                )
                .word(
                    "element",
                    words::element(Element::from_index(i64::from(hb.bpm))),
                ),
        );
        out.extend(p.line(SignalKind::Rhythm));
    }
    if let Some(loc) = &f.location {
        let e = element_named(loc.element).unwrap_or(Element::EARTH);
        out.push(
            Msg::new("full-location")
                .word("element", words::element(e))
                .word(
                    "lat_polarity",
                    format!("polarity-{}", loc.lat_polarity.to_ascii_lowercase()),
                )
                .word(
                    "lon_polarity",
                    format!("polarity-{}", loc.lon_polarity.to_ascii_lowercase()),
                ),
        );
        out.extend(p.line(SignalKind::Place));
        out.extend(p.line(SignalKind::PlaceOpposition));
    }
    out
}

fn patterns(p: &Person) -> Vec<Msg> {
    let mut out: Vec<Msg> = [
        SignalKind::MasterPath,
        SignalKind::AnimalPattern,
        SignalKind::NumberPattern,
    ]
    .into_iter()
    .flat_map(|k| p.line(k))
    .take(if p.depth == Depth::Brief {
        1
    } else {
        usize::MAX
    })
    .collect();
    let any = p.signals.iter().any(|s| {
        matches!(
            s.kind,
            SignalKind::MasterPath | SignalKind::AnimalPattern | SignalKind::NumberPattern
        )
    });
    if !any {
        out.push(Msg::new("pattern-none"));
    }
    out
}
