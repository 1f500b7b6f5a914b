//! Bidi control marks: used for layout, never shown, never copied.
//!
//! Fluent wraps every argument in FSI…PDI (U+2068, U+2069) so that a Latin name or a
//! date inside a Persian sentence keeps its own direction. The layout needs them (a
//! Persian date `۱۹۹۰-۰۷-۱۵` reads backwards without the isolate), but they must not reach
//! a reader: they have no glyph, and in copied text they are invisible junk. So a text is
//! laid out with its marks, and every glyph's source range is mapped to the same text
//! without them ([`Prepared::clean_range`]) — that clean text is what a PDF carries for
//! copying and searching, and what Markdown shows.

use std::ops::Range;

use crate::model::Direction;

/// Left-to-right mark: starts a left-to-right paragraph.
const LRM: char = '\u{200E}';
/// Right-to-left mark: starts a right-to-left paragraph.
const RLM: char = '\u{200F}';

/// Whether `c` is a bidi formatting character: ALM, LRM, RLM, the embeddings and
/// overrides (U+202A–U+202E) and the isolates (U+2066–U+2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// `text` without bidi formatting characters (ZWNJ and ZWJ stay: Persian needs them).
pub fn strip_bidi_controls(text: &str) -> String {
    text.chars().filter(|&c| !is_bidi_control(c)).collect()
}

/// How many characters of `text` a reader sees: all but the bidi controls.
pub(crate) fn visible_chars(text: &str) -> usize {
    text.chars().filter(|&c| !is_bidi_control(c)).count()
}

/// A text ready for layout: line breaks and other control characters made spaces (a
/// paragraph is one paragraph), a mark in front that sets the paragraph's direction
/// (cosmic-text would otherwise guess it from the first strong letter, and a Persian
/// sentence that starts with a Latin name would run left to right), and the map from its
/// byte offsets to the same text without bidi controls.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    pub layout: String,
    /// `clean_offset[i]`: the offset in the clean text of byte `i` of `layout`, for
    /// `i` in `0..=layout.len()`.
    clean_offset: Vec<u32>,
    clean: String,
}

impl Prepared {
    pub fn new(text: &str, direction: Direction) -> Prepared {
        let mark = if direction.is_rtl() { RLM } else { LRM };
        let mut layout = String::with_capacity(text.len() + mark.len_utf8());
        let mut clean = String::with_capacity(text.len());
        let mut clean_offset = Vec::with_capacity(text.len() + 4);
        for c in std::iter::once(mark).chain(text.chars()) {
            let c = if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            };
            let offset = clean.len() as u32;
            clean_offset.extend(std::iter::repeat_n(offset, c.len_utf8()));
            layout.push(c);
            if !is_bidi_control(c) {
                clean.push(c);
            }
        }
        clean_offset.push(clean.len() as u32);
        Prepared {
            layout,
            clean_offset,
            clean,
        }
    }

    /// The text a reader sees and copies.
    pub fn clean(&self) -> &str {
        &self.clean
    }

    /// The range of the clean text that `layout_range` of the layout text shows.
    pub fn clean_range(&self, layout_range: Range<usize>) -> Range<usize> {
        let at = |i: usize| self.clean_offset[i.min(self.layout.len())] as usize;
        at(layout_range.start)..at(layout_range.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_kept_for_layout_and_dropped_from_the_clean_text() {
        let p = Prepared::new("سال \u{2068}۱۹۹۰-۰۷-۱۵\u{2069} است", Direction::Rtl);
        assert!(p.layout.starts_with(RLM));
        assert!(p.layout.contains('\u{2068}'));
        assert_eq!(p.clean(), "سال ۱۹۹۰-۰۷-۱۵ است");
        let fsi = p.layout.find('\u{2068}').unwrap();
        let digit = fsi + '\u{2068}'.len_utf8();
        // The isolate itself maps to nothing; the digit after it to its own place.
        assert_eq!(p.clean_range(fsi..digit), 7..7);
        assert_eq!(&p.clean()[p.clean_range(digit..digit + 2)], "۱");
    }

    #[test]
    fn control_characters_become_spaces() {
        let p = Prepared::new("a\nb\tc\u{2029}d", Direction::Ltr);
        assert_eq!(p.clean(), "a b c d");
        assert_eq!(p.layout, "\u{200E}a b c d");
    }

    #[test]
    fn stripping_keeps_zwnj() {
        let text = "\u{2068}می\u{200C}شود\u{2069}\u{200F}";
        assert_eq!(strip_bidi_controls(text), "می\u{200C}شود");
        assert_eq!(visible_chars(text), 6);
    }
}
