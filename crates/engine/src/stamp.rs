//! The FC60 stamp (`VE-OX-OXFI ☀OX-RUWU-RAWU`) with its companion fields and checksum,
//! and the way back: decoding a stamp string and verifying its checksum.
//!
//! A stamp holds only numbers; every text field is formatted on demand (`Display`) or
//! written straight into the serializer, so computing a stamp allocates nothing.

use std::fmt;

use serde::de::{Deserialize, Deserializer, Error as _};
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::base60::{Base60, decode_base60};
use crate::calendar::{Date, MJD_OFFSET, RD_OFFSET};
use crate::error::{EngineError, Result, StampProblem};
use crate::moment::{Moment, TimeOfDay};
use crate::tokens::{Animal, TOKENS60_BYTES, Token60, Weekday};

/// Marker of the first half of the day (hour < 12): U+2600.
pub const SUN_MARKER: &str = "\u{2600}";
/// Marker of the second half of the day: U+1F319.
pub const MOON_MARKER: &str = "\u{1F319}";

/// (hour, minute, second) of a wall-clock time.
pub type Hms = (u32, u32, u32);

/// An FC60 stamp of one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fc60Stamp {
    moment: Moment,
    jdn: i64,
    weekday: Weekday,
    chk: Token60,
}

impl Fc60Stamp {
    pub fn new(moment: Moment) -> Self {
        let jdn = moment.date.jdn();
        Fc60Stamp {
            moment,
            jdn,
            weekday: Weekday::from_jdn(jdn),
            chk: checksum(moment.date, jdn, moment.time.map(hms)),
        }
    }

    pub fn moment(&self) -> Moment {
        self.moment
    }
    pub fn jdn(&self) -> i64 {
        self.jdn
    }
    pub fn weekday(&self) -> Weekday {
        self.weekday
    }
    pub fn time(&self) -> Option<TimeOfDay> {
        self.moment.time
    }
    /// The stamp itself: `WD-MO-DOM` and, with a time, ` HALFHR-MIN-SEC`.
    pub fn fc60(&self) -> impl fmt::Display + '_ {
        Fc60Text(self)
    }
    /// `Z`, or sign + TOKEN60(|hours|) + `-` + TOKEN60(|minutes|); empty without a time.
    pub fn tz60(&self) -> impl fmt::Display + '_ {
        Tz60(self.moment.time)
    }
    pub fn y60(&self) -> Base60 {
        Base60(i128::from(self.moment.date.year()))
    }
    pub fn y2k(&self) -> Token60 {
        Token60::wrapping(i64::from(self.moment.date.year()) - 2000)
    }
    pub fn j60(&self) -> Base60 {
        Base60(i128::from(self.jdn))
    }
    pub fn mjd60(&self) -> Base60 {
        Base60(i128::from(self.jdn - MJD_OFFSET))
    }
    pub fn rd60(&self) -> Base60 {
        Base60(i128::from(self.jdn - RD_OFFSET))
    }
    /// Seconds since the unix epoch of the instant (the only field that uses the
    /// offset), clamped at 0.
    pub fn u60(&self) -> Base60 {
        Base60(i128::from(self.moment.unix_seconds().max(0)))
    }
    pub fn chk(&self) -> Token60 {
        self.chk
    }
    pub fn month_animal(&self) -> Animal {
        Animal::from_index(i64::from(self.moment.date.month()) - 1)
    }
    pub fn dom_token(&self) -> Token60 {
        Token60::wrapping(i64::from(self.moment.date.day()))
    }
    pub fn hour_animal(&self) -> Option<Animal> {
        self.moment
            .time
            .map(|t| Animal::from_index(i64::from(t.hour() % 12)))
    }
    pub fn minute_token(&self) -> Option<Token60> {
        self.moment
            .time
            .map(|t| Token60::wrapping(i64::from(t.minute())))
    }
    pub fn second_token(&self) -> Option<Token60> {
        self.moment
            .time
            .map(|t| Token60::wrapping(i64::from(t.second())))
    }
    pub fn half_marker(&self) -> &'static str {
        match self.moment.time {
            Some(t) if t.hour() < 12 => SUN_MARKER,
            Some(_) => MOON_MARKER,
            None => "",
        }
    }
}

fn hms(t: TimeOfDay) -> Hms {
    (t.hour(), t.minute(), t.second())
}

/// CHK = TOKEN60((year mod 60 + 2·month + 3·day + 4·hour + 5·minute + 6·second +
/// 7·(JDN mod 60)) mod 60); a date-only stamp drops the time terms.
pub fn checksum(date: Date, jdn: i64, time: Option<Hms>) -> Token60 {
    let (h, m, s) = time.unwrap_or((0, 0, 0));
    let sum = i64::from(date.year()).rem_euclid(60)
        + 2 * i64::from(date.month())
        + 3 * i64::from(date.day())
        + 4 * i64::from(h)
        + 5 * i64::from(m)
        + 6 * i64::from(s)
        + 7 * jdn.rem_euclid(60);
    Token60::wrapping(sum)
}

/// The stamp text on demand, written by the same [`Writer`] as [`Fc60Stamp::render`].
struct Fc60Text<'a>(&'a Fc60Stamp);

impl fmt::Display for Fc60Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut w = Writer::new();
        w.fc60(self.0);
        f.write_str(w.text())
    }
}

/// The tz60 text on demand, written by the same [`Writer`] as [`Fc60Stamp::render`].
struct Tz60(Option<TimeOfDay>);

impl fmt::Display for Tz60 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut w = Writer::new();
        w.tz60(self.0);
        f.write_str(w.text())
    }
}

impl Serialize for Fc60Stamp {
    /// The field names and order of `vectors/fc60_stamps.json`, intermediates included.
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let t = self.render();
        let mut m = s.serialize_map(Some(20))?;
        for (i, key) in StampText::FIELDS.iter().enumerate() {
            m.serialize_entry(key, t.field(i))?;
        }
        m.serialize_entry("_jdn", &self.jdn)?;
        m.serialize_entry("_weekday_index", &self.weekday.index())?;
        m.serialize_entry("_weekday_token", self.weekday.token())?;
        m.serialize_entry("_weekday_name", self.weekday.name())?;
        m.serialize_entry("_planet", self.weekday.planet())?;
        m.serialize_entry("_half_marker", self.half_marker())?;
        m.serialize_entry("_hour_animal", self.hour_animal().map_or("", Animal::token))?;
        m.serialize_entry(
            "_minute_token",
            self.minute_token().map_or("", Token60::as_str),
        )?;
        m.serialize_entry("_month_animal", self.month_animal().token())?;
        m.serialize_entry("_dom_token", &self.dom_token())?;
        m.end()
    }
}

impl<'de> Deserialize<'de> for Fc60Stamp {
    /// A stamp is rebuilt from its `iso` field (the moment it stamps); its `fc60` must
    /// be that moment's stamp. The other fields follow from the moment and are ignored.
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Fields {
            fc60: String,
            iso: String,
        }
        let f = Fields::deserialize(d)?;
        let stamp = Fc60Stamp::new(Moment::parse(&f.iso).map_err(D::Error::custom)?);
        if stamp.render().fc60() != f.fc60 {
            return Err(D::Error::custom(format!(
                "the stamp {:?} is not the stamp of {:?}",
                f.fc60, f.iso
            )));
        }
        Ok(stamp)
    }
}

/// Every text field of a stamp, written into one inline buffer: no allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StampText {
    buf: [u8; STAMP_TEXT_CAPACITY],
    ends: [u8; 10],
}

/// The longest stamp text is under 200 bytes (fc60 30, iso 25, tz60 10, y60 14, y2k 4,
/// j60/mjd60/rd60 24 each, u60 34, chk 4).
const STAMP_TEXT_CAPACITY: usize = 224;

impl StampText {
    /// The fields, in order.
    pub const FIELDS: [&'static str; 10] = [
        "fc60", "iso", "tz60", "y60", "y2k", "j60", "mjd60", "rd60", "u60", "chk",
    ];

    /// Field `i` of [`StampText::FIELDS`] (empty for an index out of range).
    pub fn field(&self, i: usize) -> &str {
        let start = if i == 0 {
            0
        } else {
            usize::from(self.ends[i - 1])
        };
        let end = self.ends.get(i).map_or(start, |&e| usize::from(e));
        // Only whole ASCII tokens and the two markers are ever written, so this is
        // always valid UTF-8.
        std::str::from_utf8(&self.buf[start..end]).unwrap_or_default()
    }
    pub fn fc60(&self) -> &str {
        self.field(0)
    }
    pub fn iso(&self) -> &str {
        self.field(1)
    }
    pub fn chk(&self) -> &str {
        self.field(9)
    }
}

/// A fixed-capacity byte writer; writes past the capacity are dropped (the capacity
/// covers the longest stamp, see [`STAMP_TEXT_CAPACITY`]).
struct Writer {
    buf: [u8; STAMP_TEXT_CAPACITY],
    len: usize,
}

impl Writer {
    #[inline]
    fn new() -> Self {
        Writer {
            buf: [0; STAMP_TEXT_CAPACITY],
            len: 0,
        }
    }
    /// Everything written so far (only whole ASCII tokens and the two markers are
    /// ever written, so it is valid UTF-8).
    fn text(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
    /// Where the next byte goes, as a field end of [`StampText`].
    #[inline]
    fn end(&self) -> u8 {
        self.len as u8
    }
    #[inline]
    fn bytes(&mut self, b: &[u8]) {
        if let Some(dst) = self.buf.get_mut(self.len..self.len + b.len()) {
            dst.copy_from_slice(b);
            self.len += b.len();
        }
    }
    #[inline]
    fn byte(&mut self, b: u8) {
        if let Some(dst) = self.buf.get_mut(self.len) {
            *dst = b;
            self.len += 1;
        }
    }
    #[inline]
    fn token(&mut self, t: Token60) {
        self.bytes(&TOKENS60_BYTES[usize::from(t.value())]);
    }
    #[inline]
    fn two_digits(&mut self, n: u32) {
        self.bytes(&[b'0' + (n / 10 % 10) as u8, b'0' + (n % 10) as u8]);
    }
    fn base60(&mut self, n: i128) {
        if n < 0 {
            self.bytes(b"NEG-");
        }
        let mut digits = [0u8; 22];
        let start = crate::base60::digits_into(n.unsigned_abs(), &mut digits);
        // The length lives in a local for the loop: kept in `self`, every token waited
        // on the store of the one before (measured with perf).
        let mut len = self.len;
        for (k, d) in digits[start..].iter().enumerate() {
            if k > 0 {
                if let Some(dst) = self.buf.get_mut(len) {
                    *dst = b'-';
                    len += 1;
                }
            }
            if let Some(dst) = self.buf.get_mut(len..len + 4) {
                dst.copy_from_slice(&TOKENS60_BYTES[usize::from(*d)]);
                len += 4;
            }
        }
        self.len = len;
    }
    /// `Z` for UTC and `None`; otherwise the offset's sign, returning its size in minutes.
    #[inline]
    fn offset_sign(&mut self, minutes: i32) -> Option<u32> {
        if minutes == 0 {
            self.byte(b'Z');
            return None;
        }
        self.byte(if minutes < 0 { b'-' } else { b'+' });
        Some(minutes.unsigned_abs())
    }
    /// `WD-MO-DOM` and, with a time, ` HALFHR-MIN-SEC`. Always inlined: as a call
    /// (it has two callers) it cost `render` 20 instructions (counted with cachegrind).
    #[inline(always)]
    fn fc60(&mut self, stamp: &Fc60Stamp) {
        self.bytes(stamp.weekday.token().as_bytes());
        self.byte(b'-');
        self.bytes(stamp.month_animal().token().as_bytes());
        self.byte(b'-');
        self.token(stamp.dom_token());
        if let Some(t) = stamp.moment.time {
            self.byte(b' ');
            self.bytes(stamp.half_marker().as_bytes());
            self.bytes(
                Animal::from_index(i64::from(t.hour() % 12))
                    .token()
                    .as_bytes(),
            );
            self.byte(b'-');
            self.token(Token60::wrapping(i64::from(t.minute())));
            self.byte(b'-');
            self.token(Token60::wrapping(i64::from(t.second())));
        }
    }
    /// `YYYY-MM-DD` and, with a time, `THH:MM:SS` and `Z` or `±HH:MM`.
    #[inline]
    fn iso(&mut self, date: Date, time: Option<TimeOfDay>) {
        let year = date.year().unsigned_abs();
        self.two_digits(year / 100);
        self.two_digits(year % 100);
        self.byte(b'-');
        self.two_digits(date.month());
        self.byte(b'-');
        self.two_digits(date.day());
        if let Some(t) = time {
            self.byte(b'T');
            self.two_digits(t.hour());
            self.byte(b':');
            self.two_digits(t.minute());
            self.byte(b':');
            self.two_digits(t.second());
            if let Some(abs) = self.offset_sign(t.offset().minutes()) {
                self.two_digits(abs / 60);
                self.byte(b':');
                self.two_digits(abs % 60);
            }
        }
    }
    /// `Z`, or sign + TOKEN60(|hours|) + `-` + TOKEN60(|minutes|); nothing without a time.
    #[inline(always)]
    fn tz60(&mut self, time: Option<TimeOfDay>) {
        let Some(t) = time else { return };
        if let Some(abs) = self.offset_sign(t.offset().minutes()) {
            let abs = i64::from(abs);
            self.token(Token60::wrapping(abs / 60));
            self.byte(b'-');
            self.token(Token60::wrapping(abs % 60));
        }
    }
}

impl Fc60Stamp {
    /// Renders every text field at once, without allocating (the fast path behind
    /// `Serialize`; the `Display` accessors give the same text).
    pub fn render(&self) -> StampText {
        let date = self.moment.date;
        let mut w = Writer::new();
        // Constant indices: a running field count kept in the writer cost 41
        // instructions a stamp (counted with cachegrind).
        let mut ends = [0u8; 10];
        w.fc60(self);
        ends[0] = w.end();
        w.iso(date, self.moment.time);
        ends[1] = w.end();
        w.tz60(self.moment.time);
        ends[2] = w.end();
        w.base60(i128::from(date.year()));
        ends[3] = w.end();
        w.token(self.y2k());
        ends[4] = w.end();
        w.base60(i128::from(self.jdn));
        ends[5] = w.end();
        w.base60(i128::from(self.jdn - MJD_OFFSET));
        ends[6] = w.end();
        w.base60(i128::from(self.jdn - RD_OFFSET));
        ends[7] = w.end();
        w.base60(i128::from(self.moment.unix_seconds().max(0)));
        ends[8] = w.end();
        w.token(self.chk);
        ends[9] = w.end();
        StampText { buf: w.buf, ends }
    }
}

/// What a stamp string says by itself (the year is not in it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodedFc60 {
    pub weekday: Weekday,
    pub month: u32,
    pub day: u32,
    /// (hour, minute, second) when the stamp has a time part.
    pub time: Option<Hms>,
}

/// Decodes `WD-MO-DOM[ HALFHR-MIN-SEC]`. Tokens may be lower case.
pub fn decode_fc60(stamp: &str) -> Result<DecodedFc60> {
    let invalid = |problem: StampProblem| EngineError::InvalidStamp {
        stamp: stamp.to_string(),
        problem,
    };
    let mut halves = stamp.trim().split(' ');
    let date_part = halves.next().unwrap_or_default();
    let time_part = halves.next();
    if halves.next().is_some() {
        return Err(invalid(StampProblem::Parts));
    }
    let fields: Vec<&str> = date_part.split('-').collect();
    let [wd, mo, dom] = fields[..] else {
        return Err(invalid(StampProblem::DatePart));
    };
    let weekday = Weekday::parse(wd)?;
    let month = Animal::parse(mo)?.index() as u32 + 1;
    let day = u32::from(Token60::parse(dom)?.value());
    if !(1..=31).contains(&day) {
        return Err(invalid(StampProblem::DayRange));
    }
    let time = match time_part {
        None => None,
        Some(t) => {
            let (pm, rest) = if let Some(r) = t.strip_prefix(SUN_MARKER) {
                (false, r)
            } else if let Some(r) = t.strip_prefix(MOON_MARKER) {
                (true, r)
            } else {
                return Err(invalid(StampProblem::Marker));
            };
            let fields: Vec<&str> = rest.split('-').collect();
            let [hr, min, sec] = fields[..] else {
                return Err(invalid(StampProblem::TimePart));
            };
            let hour = Animal::parse(hr)?.index() as u32 + if pm { 12 } else { 0 };
            let minute = u32::from(Token60::parse(min)?.value());
            let second = u32::from(Token60::parse(sec)?.value());
            Some((hour, minute, second))
        }
    };
    Ok(DecodedFc60 {
        weekday,
        month,
        day,
        time,
    })
}

/// Checks a stamp against its year (`y60`) and checksum (`chk`): the date must exist,
/// the weekday must be that date's, and the checksum must match. Returns the date and
/// the time of day on success.
pub fn verify_stamp(fc60: &str, y60: &str, chk: &str) -> Result<(Date, Option<Hms>)> {
    let decoded = decode_fc60(fc60)?;
    let year = decode_base60(y60)?;
    let year = i32::try_from(year).map_err(|_| EngineError::YearOutOfRange(i64::MAX))?;
    let date = Date::new(year, decoded.month, decoded.day)?;
    let jdn = date.jdn();
    if Weekday::from_jdn(jdn) != decoded.weekday {
        return Err(EngineError::InvalidStamp {
            stamp: fc60.to_string(),
            problem: StampProblem::Weekday {
                date: date.to_string(),
                actual: Weekday::from_jdn(jdn).name(),
                claimed: decoded.weekday.name(),
            },
        });
    }
    let expected = checksum(date, jdn, decoded.time);
    let found = Token60::parse(chk)?;
    if expected != found {
        return Err(EngineError::ChecksumMismatch {
            expected: expected.to_string(),
            found: found.to_string(),
        });
    }
    Ok((date, decoded.time))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_example() {
        let m = Moment::parse("2026-02-06T01:15:00+08:00").unwrap();
        let s = Fc60Stamp::new(m);
        assert_eq!(s.fc60().to_string(), "VE-OX-OXFI ☀OX-RUWU-RAWU");
        assert_eq!(s.tz60().to_string(), "+OXMT-RAWU");
        assert_eq!(s.chk().as_str(), "TIMT");
        let (date, time) = verify_stamp("VE-OX-OXFI ☀OX-RUWU-RAWU", "HOMT-ROFI", "TIMT").unwrap();
        assert_eq!(date.to_string(), "2026-02-06");
        assert_eq!(time, Some((1, 15, 0)));
    }

    #[test]
    fn tampered_stamps_are_rejected() {
        assert!(matches!(
            verify_stamp("VE-OX-OXFI ☀OX-RUWU-RAWU", "HOMT-ROFI", "TIWA"),
            Err(EngineError::ChecksumMismatch { .. })
        ));
        assert!(matches!(
            verify_stamp("SA-OX-OXFI ☀OX-RUWU-RAWU", "HOMT-ROFI", "TIMT"),
            Err(EngineError::InvalidStamp { .. })
        ));
        assert!(decode_fc60("VE-OX").is_err());
        assert!(decode_fc60("VE-OX-RAWU").is_err());
        assert!(decode_fc60("VE-OX-OXFI OX-RUWU-RAWU").is_err());
        assert!(decode_fc60("").is_err());
    }
}
