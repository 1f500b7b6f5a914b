//! Composition: from a reading's ranked signals to its message, its three advice items,
//! its cautions and its footer. Pure: the same signals give the same messages.
//!
//! - The message: a lead sentence naming the strongest signals' themes, each of their
//!   sentences, and a closing sentence that weighs their paces (toward action, steady,
//!   inward) and whether one of them is a tension — 4 or 5 sentences. A reading of a
//!   person at a moment weaves both: the strongest lasting signal (life path, year,
//!   repeated core numbers) and the strongest signal of the moment always lead.
//! - Advice: the advice of the signals in the weave's order (the strongest lasting one,
//!   the strongest of the moment, then by rank) that have one, three distinct items,
//!   each with the figures it comes from; the caller's fallbacks fill any gap.
//! - Cautions: the moment's tensions first (clashes, oppositions with the day), then
//!   the cautions in the weave's order (the lasting lead's — the conflict of a tension
//!   pair, a year's pitfall — then the moment's …), as many as the [`Depth`] allows.
//! - Footer: confidence, the inputs used, the ones missing and what each would add.
//! - The lens ([`lens`]): the side of the lasting numbers (work, relationships, inner
//!   life, the other side of their strengths) that the strongest signal of the moment
//!   points to; a standard or deep reading reads each core number from it.

use crate::signals::{Facet, Pace, Signal};
use crate::text::{Arg, Msg};

/// How deep a reading goes, from how many optional inputs it was given (combinations.md
/// §8: name and birth date alone ≈ 300–500 words, one more ≈ 500–800, all six ≈
/// 800–1,200).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Depth {
    /// Name and birth date only.
    Brief,
    /// One to three of mother's name, gender, location, heart rate.
    Standard,
    /// All four: every dimension.
    Deep,
}

impl Depth {
    /// The depth for `extra` optional inputs (0–4).
    pub fn of(extra: usize) -> Depth {
        match extra {
            0 => Depth::Brief,
            1..=3 => Depth::Standard,
            _ => Depth::Deep,
        }
    }
    /// How many signals the message weaves together.
    pub fn lead_count(self) -> usize {
        match self {
            Depth::Brief => 2,
            _ => 3,
        }
    }
    /// How many cautions the reading gives.
    pub fn caution_count(self) -> usize {
        match self {
            Depth::Brief => 1,
            Depth::Standard => 2,
            Depth::Deep => 3,
        }
    }
}

/// How many advice items every composed reading gives.
pub const ADVICE_ITEMS: usize = 3;

/// What [`compose`] makes.
#[derive(Debug, Clone, PartialEq)]
pub struct Composition {
    pub message: Vec<Msg>,
    pub advice: Vec<Msg>,
    pub cautions: Vec<Msg>,
    /// The positions (in the ranked signals) of those the message carries: their
    /// sentences are left out of their own sections.
    pub led: Vec<usize>,
}

/// A source and an item (advice or caution) to fall back on: `(source, item)`.
pub type Fallback = (Msg, Msg);

/// Composes `ranked` (strongest first, see [`crate::signals::rank`]) at `depth`.
pub fn compose(
    ranked: &[Signal],
    depth: Depth,
    advice_fallback: &[Fallback],
    caution_fallback: &[Fallback],
) -> Composition {
    let woven = weave(ranked);
    let led: Vec<usize> = woven.iter().copied().take(depth.lead_count()).collect();
    let lead: Vec<&Signal> = led.iter().map(|&i| &ranked[i]).collect();
    Composition {
        message: message(&lead),
        advice: items(
            "advice-item",
            woven.iter().map(|&i| &ranked[i]),
            |s| s.advice.as_ref(),
            advice_fallback,
            ADVICE_ITEMS,
        ),
        cautions: items(
            "caution-item",
            ranked
                .iter()
                .filter(|s| s.tension && !s.kind.is_lasting())
                .chain(woven.iter().map(|&i| &ranked[i])),
            |s| s.caution.as_ref(),
            caution_fallback,
            depth.caution_count(),
        ),
        led,
    }
}

/// `ranked` reordered so that the strongest lasting signal and the strongest signal of
/// the moment come first (in their rank order), then the other signals of the moment by
/// rank, then the other lasting ones: a reading of a person at a moment says the one
/// lasting thing that matters most and, after it, what the moment adds (the other
/// lasting signals keep their lines in their own sections).
fn weave(ranked: &[Signal]) -> Vec<usize> {
    let lasting = |i: &usize| ranked[*i].kind.is_lasting();
    let first_lasting = (0..ranked.len()).find(lasting);
    let first_moment = (0..ranked.len()).find(|i| !lasting(i));
    let mut first: Vec<usize> = [first_lasting, first_moment]
        .into_iter()
        .flatten()
        .collect();
    first.sort_unstable();
    let rest = |want_lasting: bool| -> Vec<usize> {
        (0..ranked.len())
            .filter(|i| lasting(i) == want_lasting && !first.contains(i))
            .collect()
    };
    let (moments, lasts) = (rest(false), rest(true));
    first.iter().copied().chain(moments).chain(lasts).collect()
}

/// The lens of a reading: the strongest signal of the moment that points to a side of
/// the lasting numbers, and that side ([`Facet`]). Lasting signals point nowhere, so
/// the lens changes with the day, not with the person.
pub fn lens(ranked: &[Signal]) -> Option<(&Signal, Facet)> {
    ranked.iter().find_map(|s| s.facet.map(|f| (s, f)))
}

fn thread(s: &Signal) -> Msg {
    Msg::new("message-thread")
        .msg("theme", s.theme.clone())
        .msg("source", s.source.clone())
}

fn message(lead: &[&Signal]) -> Vec<Msg> {
    let Some(first) = lead.first() else {
        return Vec::new();
    };
    let opening = match lead {
        [a, b, c, ..] => Msg::new("message-lead-3")
            .msg("first", thread(a))
            .msg("second", thread(b))
            .msg("third", thread(c)),
        [a, b] => Msg::new("message-lead-2")
            .msg("first", thread(a))
            .msg("second", thread(b)),
        _ => Msg::new("message-lead-1").msg("first", thread(first)),
    };
    let mut out = vec![opening];
    out.extend(lead.iter().map(|s| s.text.clone()));
    let forward = lead.iter().any(|s| s.pace == Pace::Forward);
    let inward = lead.iter().any(|s| s.pace == Pace::Inward);
    let pace = match (forward, inward) {
        (true, true) => "split",
        (true, false) => "forward",
        (false, true) => "inward",
        (false, false) => "steady",
    };
    let tension = if lead.iter().any(|s| s.tension) {
        "-tension"
    } else {
        ""
    };
    // The closing names the strongest signal of the pace that wins (for a split, the
    // one urging movement).
    let wanted = match pace {
        "split" | "forward" => Some(Pace::Forward),
        "inward" => Some(Pace::Inward),
        _ => None,
    };
    let named = lead
        .iter()
        .find(|s| wanted.is_none_or(|p| s.pace == p))
        .unwrap_or(first);
    out.push(Msg::new(format!("message-close-{pace}{tension}")).msg("theme", named.theme.clone()));
    out
}

/// Up to `count` items of distinct messages: `frame` with the signal's source and item,
/// then the fallbacks.
fn items<'a>(
    frame: &'static str,
    signals: impl Iterator<Item = &'a Signal>,
    item: impl Fn(&Signal) -> Option<&Msg>,
    fallback: &[Fallback],
    count: usize,
) -> Vec<Msg> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    let candidates = signals
        .filter_map(|s| item(s).map(|m| (&s.source, m)))
        .chain(fallback.iter().map(|(s, m)| (s, m)));
    for (source, msg) in candidates {
        if out.len() == count {
            break;
        }
        if seen.contains(&msg.id.as_ref()) {
            continue;
        }
        seen.push(&msg.id);
        out.push(
            Msg::new(frame)
                .msg("source", source.clone())
                .msg("item", msg.clone()),
        );
    }
    out
}

/// The optional inputs of a reading about a person, and whether the moment has a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Inputs {
    pub mother: bool,
    pub gender: bool,
    pub location: bool,
    pub heartbeat: bool,
    pub time: bool,
}

impl Inputs {
    /// How many of the four optional inputs were given (the time does not count).
    pub fn extra(&self) -> usize {
        [self.mother, self.gender, self.location, self.heartbeat]
            .iter()
            .filter(|&&b| b)
            .count()
    }

    fn each(&self) -> [(&'static str, bool); 5] {
        [
            ("mother", self.mother),
            ("gender", self.gender),
            ("location", self.location),
            ("heartbeat", self.heartbeat),
            ("time", self.time),
        ]
    }
}

/// The footer: confidence (when the reading has one), the inputs used, the ones missing
/// with what each would add, and a short note on what a reading is.
///
/// A brief reading names the missing inputs briefly in the same sentence; deeper ones
/// say what each would add.
pub fn footer(inputs: &Inputs, confidence: Option<(u32, &str)>, depth: Depth) -> Vec<Msg> {
    let mut used = vec![
        Arg::Msg(Box::new(Msg::new("input-name"))),
        Arg::Msg(Box::new(Msg::new("input-birth"))),
    ];
    let mut missing = Vec::new();
    for (input, given) in inputs.each() {
        if given {
            used.push(Arg::Msg(Box::new(Msg::new(format!("input-{input}")))));
        } else {
            let id = if depth == Depth::Brief {
                format!("input-{input}")
            } else {
                format!("input-adds-{input}")
            };
            missing.push(Arg::Msg(Box::new(Msg::new(id))));
        }
    }
    let mut out = Vec::new();
    let basis = match confidence {
        Some((score, level)) => Msg::new("footer-basis")
            .num("score", score)
            .word("level", format!("confidence-{}", level.replace('_', "-"))),
        None => Msg::new("footer-basis-plain"),
    }
    .arg("inputs", Arg::Series(used));
    if missing.is_empty() {
        out.extend([basis, Msg::new("footer-complete")]);
    } else if depth == Depth::Brief {
        let id = format!("{}-brief", basis.id);
        out.push(basis.with_id(id).arg("missing", Arg::Or(missing)));
    } else {
        out.extend([
            basis,
            Msg::new("footer-missing").arg("additions", Arg::Series(missing)),
        ]);
    }
    out.push(Msg::new("footer-note"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signals::{life_cycle, personal_day, sky};
    use nps_engine::tokens::Weekday;

    fn fallbacks() -> Vec<Fallback> {
        vec![(
            Msg::new("source-cycle").num("lp", 5).num("py", 1),
            Msg::new("advice-5"),
        )]
    }

    #[test]
    fn message_leads_with_the_strongest_and_closes_on_their_pace() {
        let ranked = crate::signals::rank(vec![
            sky(Weekday::from_jdn(2_461_081), 1),
            life_cycle(5, 1),
            personal_day(7),
        ]);
        let c = compose(&ranked, Depth::Brief, &fallbacks(), &fallbacks());
        let ids: Vec<&str> = c.message.iter().map(|m| m.id.as_ref()).collect();
        // Brief: two threads; 5 × 1 is complementary (High) and leads, then the sky.
        assert_eq!(ids[0], "message-lead-2");
        assert_eq!(ids[1], "cycle-5-1-text");
        assert!(
            ids[2].starts_with("sky-") && ids[2].ends_with("-1-text"),
            "{ids:?}"
        );
        assert_eq!(ids[3], "message-close-forward");
        assert_eq!(c.led, [0, 1]);
        let deep = compose(&ranked, Depth::Deep, &fallbacks(), &fallbacks());
        assert_eq!(deep.message.len(), 5);
        assert_eq!(deep.message.last().unwrap().id, "message-close-split");
    }

    #[test]
    fn three_distinct_advice_items_and_tensions_first() {
        let ranked = crate::signals::rank(vec![life_cycle(5, 4), sky(Weekday::from_jdn(0), 0)]);
        let c = compose(&ranked, Depth::Standard, &fallbacks(), &fallbacks());
        let advice: Vec<String> = c
            .advice
            .iter()
            .map(|m| m.args[1].1.clone())
            .map(|a| match a {
                Arg::Msg(m) => m.id.into_owned(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(advice.len(), ADVICE_ITEMS);
        assert_eq!(advice[0], "cycle-way-5-4");
        assert!(advice[1].starts_with("advice-planet-"));
        assert_eq!(advice[2], "advice-5", "filled from the fallback");
        let first_caution = match &c.cautions[0].args[1].1 {
            Arg::Msg(m) => m.id.to_string(),
            other => format!("{other:?}"),
        };
        assert_eq!(first_caution, "cycle-tension-5-4");
        let second_caution = match &c.cautions[1].args[1].1 {
            Arg::Msg(m) => m.id.to_string(),
            other => format!("{other:?}"),
        };
        assert!(
            second_caution.starts_with("caution-planet-"),
            "the day's planet gives the second: {second_caution}"
        );
    }

    #[test]
    fn footer_names_what_is_missing() {
        let brief = footer(&Inputs::default(), Some((75, "high")), Depth::Brief);
        let ids: Vec<&str> = brief.iter().map(|m| m.id.as_ref()).collect();
        assert_eq!(ids, ["footer-basis-brief", "footer-note"]);
        let one = Inputs {
            mother: true,
            ..Inputs::default()
        };
        let ids: Vec<String> = footer(&one, Some((80, "high")), Depth::Standard)
            .into_iter()
            .map(|m| m.id.into_owned())
            .collect();
        assert_eq!(ids, ["footer-basis", "footer-missing", "footer-note"]);
        let all = Inputs {
            mother: true,
            gender: true,
            location: true,
            heartbeat: true,
            time: true,
        };
        assert_eq!(all.extra(), 4);
        assert_eq!(Depth::of(all.extra()), Depth::Deep);
        assert_eq!(footer(&all, None, Depth::Deep)[1].id, "footer-complete");
    }

    fn item_ids(items: &[Msg]) -> Vec<String> {
        items
            .iter()
            .map(|m| match &m.args[1].1 {
                Arg::Msg(inner) => inner.id.to_string(),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn one_lasting_thread_leads_and_the_moment_fills_the_rest() {
        use crate::signals::{RoleElement, SignalKind, master_path, opposition};
        use nps_engine::tokens::Element;
        let saturday = Weekday::parse("SA").unwrap();
        let water = RoleElement::new("birth-year", Element::WATER);
        let place = RoleElement::new("location", Element::FIRE);
        let ranked = crate::signals::rank(vec![
            master_path(11, 1).unwrap(),
            life_cycle(11, 1),
            sky(saturday, 3),
            personal_day(6),
            opposition(SignalKind::PlaceOpposition, place, water).unwrap(),
        ]);
        let c = compose(&ranked, Depth::Deep, &fallbacks(), &fallbacks());
        let ids: Vec<&str> = c.message.iter().map(|m| m.id.as_ref()).collect();
        // The master note (the strongest lasting signal), then the moment's two
        // strongest; the year's cycle keeps its line in the core section.
        assert_eq!(
            ids[1..4],
            ["master-11-text", "sky-saturn-3-text", "personal-day-6"]
        );
        assert_eq!(
            item_ids(&c.advice),
            ["advice-11", "advice-planet-saturn", "advice-activity"]
        );
        // No tension of the moment: the weave's order, the lasting opposition last.
        assert_eq!(
            item_ids(&c.cautions),
            ["caution-11", "caution-planet-saturn", "year-beware-1"]
        );
        // The lens: the strongest signal of the moment with a side (Saturn's day).
        let (signal, facet) = lens(&ranked).unwrap();
        assert_eq!((signal.kind, facet), (SignalKind::Sky, Facet::Shadow));
        let lasting_only = crate::signals::rank(vec![life_cycle(5, 1)]);
        assert!(lens(&lasting_only).is_none());
    }
}
