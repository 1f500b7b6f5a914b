//! [`Request::check_bounds`]: the input bounds of `nps_protocol::limits`, checked
//! once for every caller (server, CLI, desktop) before a reading computes anything.

use nps_protocol::limits::{COMPATIBILITY_PEOPLE, MAX_NAME_CHARS, MAX_QUESTION_CHARS};

use crate::Request;
use crate::error::ReadingError;
use crate::text::Msg;

impl Request {
    /// `Ok` when every text and list of the request is within its bound; otherwise the
    /// first one over it, as an invalid-input error naming the count and the bound.
    pub fn check_bounds(&self) -> Result<(), ReadingError> {
        match self {
            Request::Time { .. } | Request::Daily { .. } => Ok(()),
            Request::Name { name, .. } => name_within("error-name-too-long", name),
            Request::Question { question, .. } => {
                within("error-question-too-long", question, MAX_QUESTION_CHARS)
            }
            Request::Full { profile, .. } => {
                name_within("error-name-too-long", &profile.name)?;
                match &profile.mother {
                    Some(mother) => name_within("error-mother-name-too-long", mother),
                    None => Ok(()),
                }
            }
            Request::Compatibility { people } => {
                if !COMPATIBILITY_PEOPLE.contains(&people.len()) {
                    return Err(ReadingError::invalid(
                        Msg::new("error-people-count").num("count", people.len()),
                    ));
                }
                people
                    .iter()
                    .try_for_each(|(name, _)| name_within("error-name-too-long", name))
            }
        }
    }
}

fn name_within(id: &'static str, name: &str) -> Result<(), ReadingError> {
    within(id, name, MAX_NAME_CHARS)
}

/// `text` (trimmed) has at most `max` characters; counting stops just past the bound,
/// so a huge text costs no more than a long one.
fn within(id: &'static str, text: &str, max: usize) -> Result<(), ReadingError> {
    let trimmed = text.trim();
    if trimmed.chars().nth(max).is_none() {
        return Ok(());
    }
    Err(ReadingError::invalid(
        Msg::new(id)
            .num("count", trimmed.chars().count())
            .num("max", max),
    ))
}

#[cfg(test)]
mod tests {
    use nps_engine::numerology::SystemChoice;
    use nps_engine::{Date, Profile};
    use nps_i18n::Locale;

    use super::*;
    use crate::text::Localized;

    fn date() -> Date {
        Date::parse("1990-05-17").unwrap()
    }

    fn name_request(name: String) -> Request {
        Request::Name {
            name,
            birth: None,
            system: SystemChoice::Auto,
            today: date(),
        }
    }

    fn problem(r: &Request) -> Option<(String, String)> {
        r.check_bounds().err().map(|e| match e {
            ReadingError::Invalid(m) => (m.localized(Locale::En), m.localized(Locale::Fa)),
            other => panic!("{other:?}"),
        })
    }

    #[test]
    fn names_up_to_200_characters_pass_and_201_are_refused_in_both_languages() {
        assert_eq!(problem(&name_request("ی".repeat(200))), None);
        assert_eq!(
            problem(&name_request(format!("  {}  ", "a".repeat(200)))),
            None
        );
        let (en, fa) = problem(&name_request("ی".repeat(201))).unwrap();
        assert_eq!(en, "the name has 201 characters; at most 200 are accepted");
        assert_eq!(fa, "نام ۲۰۱ نویسه دارد؛ حداکثر ۲۰۰ نویسه پذیرفته می‌شود");
    }

    #[test]
    fn a_mother_name_over_the_bound_is_named_as_such() {
        let mut profile = Profile::new("Ada", date());
        profile.mother = Some("m".repeat(60_000));
        let full = Request::Full {
            profile,
            at: nps_engine::Moment::parse("2026-01-01T12:00:00+00:00").unwrap(),
        };
        let (en, _) = problem(&full).unwrap();
        assert_eq!(
            en,
            "the mother’s name has 60000 characters; at most 200 are accepted"
        );
    }

    #[test]
    fn compatibility_bounds_its_people_and_each_name() {
        let people = |n: usize, name: &str| Request::Compatibility {
            people: vec![(name.to_owned(), date()); n],
        };
        assert_eq!(problem(&people(5, "Ada")), None);
        let (en, _) = problem(&people(6, "Ada")).unwrap();
        assert_eq!(en, "a compatibility reading needs 2 to 5 people, got 6");
        let (en, _) = problem(&people(2, &"n".repeat(201))).unwrap();
        assert_eq!(en, "the name has 201 characters; at most 200 are accepted");
    }

    #[test]
    fn a_question_over_1000_characters_is_refused() {
        let q = |text: String| Request::Question {
            question: text,
            system: SystemChoice::Auto,
            at: nps_engine::Moment::parse("2026-01-01T12:00:00+00:00").unwrap(),
        };
        assert_eq!(problem(&q("w".repeat(1000))), None);
        let (en, _) = problem(&q("w".repeat(1001))).unwrap();
        assert_eq!(
            en,
            "the question has 1001 characters; at most 1000 are accepted"
        );
    }
}
