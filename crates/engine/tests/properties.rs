//! Round-trip properties: base-60, FC60 stamps, JDN ↔ date; and "no input panics".

use nps_engine::calendar::{days_in_month, jdn_to_gregorian};
use nps_engine::*;
use proptest::prelude::*;

fn any_date() -> impl Strategy<Value = Date> {
    (1i32..=9999, 1u32..=12, 1u32..=31)
        .prop_map(|(y, m, d)| Date::new(y, m, d.min(days_in_month(y, m))).unwrap())
}

fn any_moment() -> impl Strategy<Value = Moment> {
    let time = (0u32..24, 0u32..60, 0u32..60, -720i32..=840).prop_map(|(h, mi, s, off)| {
        TimeOfDay::new(h, mi, s, UtcOffset::from_minutes(off).unwrap()).unwrap()
    });
    (any_date(), proptest::option::of(time)).prop_map(|(date, time)| Moment { date, time })
}

proptest! {
    #[test]
    fn base60_round_trip(n in any::<i128>().prop_filter("i128::MIN has no positive twin", |n| *n != i128::MIN)) {
        prop_assert_eq!(decode_base60(&encode_base60(n)).unwrap(), n);
    }

    #[test]
    fn base60_digits_round_trip(n in any::<u64>()) {
        let digits: Vec<i64> = to_base60(u128::from(n)).into_iter().map(i64::from).collect();
        prop_assert_eq!(from_base60(&digits).unwrap(), i128::from(n));
    }

    #[test]
    fn jdn_date_round_trip(date in any_date()) {
        let (y, m, d) = jdn_to_gregorian(date.jdn());
        prop_assert_eq!((y, m, d), (i64::from(date.year()), i64::from(date.month()), i64::from(date.day())));
        prop_assert_eq!(Date::from_jdn(date.jdn()).unwrap(), date);
    }

    #[test]
    fn consecutive_days_have_consecutive_jdns(date in any_date()) {
        if let Ok(next) = Date::from_jdn(date.jdn() + 1) {
            prop_assert!(next > date);
        }
    }

    #[test]
    fn stamp_round_trip(moment in any_moment()) {
        let stamp = Fc60Stamp::new(moment);
        let fc60 = stamp.fc60().to_string();
        let decoded = decode_fc60(&fc60).unwrap();
        prop_assert_eq!(decoded.month, moment.date.month());
        prop_assert_eq!(decoded.day, moment.date.day());
        prop_assert_eq!(decoded.time, moment.time.map(|t| (t.hour(), t.minute(), t.second())));
        let (date, time) = verify_stamp(&fc60, &stamp.y60().to_string(), stamp.chk().as_str()).unwrap();
        prop_assert_eq!(date, moment.date);
        prop_assert_eq!(time, decoded.time);
        // The ISO form parses back to the same moment.
        prop_assert_eq!(Moment::parse(&moment.to_string()).unwrap(), moment);
    }

    #[test]
    fn parsing_never_panics(s in "\\PC{0,40}") {
        let _ = Moment::parse(&s);
        let _ = decode_base60(&s);
        let _ = decode_fc60(&s);
        let _ = Date::parse(&s);
    }

    #[test]
    fn numerology_never_panics(name in "\\PC{0,60}", birth in any_date(), today in any_date()) {
        for system in [System::Pythagorean, System::Chaldean, System::Abjad] {
            let p = NumerologyProfile::compute(system, &name, birth, today, None);
            prop_assert!(p.life_path <= 33 && p.expression <= 33);
        }
        let mut profile = Profile::new(name, birth);
        profile.location = Some((0.0, 0.0));
        let _ = FullReading::compute(&profile, Moment::date_only(today));
    }
}
