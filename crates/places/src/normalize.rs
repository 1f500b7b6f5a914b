//! The folding that makes a typed query and a place name comparable.
//!
//! Latin: lower case, accents dropped (`Zürich` → `zurich`, `İzmir` → `izmir`, also when
//! typed as a letter plus a combining accent), and a few letters spelled out (`ß` → `ss`,
//! `æ` → `ae`). Persian and Arabic: Arabic `ي ى ك ة` become Persian `ی ی ک ه`, alef,
//! waw and yeh with hamza or madda become plain `ا و ی`, harakat, tatweel, ZWNJ and ZWJ
//! vanish, and Persian or Arabic-Indic digits become ASCII. Punctuation that separates
//! words (`-`, `'`, `.`, `,`, `،`, …) becomes a space; runs of spaces become one.
//!
//! A table, not Unicode decomposition: the `unicode-normalization` crate adds about
//! 65 KB (gzipped) to the web UI's wasm, for the few hundred letters a place name can
//! carry (measured in the crate README).

/// Lower-case accented Latin letters by the ASCII letter they fold to: Latin-1,
/// Latin Extended-A and the Romanian, Vietnamese and pinyin letters of Extended-B.
const LATIN_FOLDS: [(char, &str); 25] = [
    ('a', "àáâãäåāăąǎǻạảấầẩẫậắằẳẵặ"),
    ('c', "çćĉċč"),
    ('d', "ďđð"),
    ('e', "èéêëēĕėęěẹẻẽếềểễệ"),
    ('g', "ĝğġģǧ"),
    ('h', "ĥħḥḩ"),
    ('i', "ìíîïĩīĭįıǐỉị"),
    ('j', "ĵǰ"),
    ('k', "ķĸǩ"),
    ('l', "ĺļľŀł"),
    ('n', "ñńņňŉŋ"),
    ('o', "òóôõöøōŏőǒǿơọỏốồổỗộớờởỡợ"),
    ('r', "ŕŗř"),
    ('s', "śŝşšșſṣ"),
    ('t', "ţťŧțṭ"),
    ('u', "ùúûüũūŭůűųǔǖǘǚǜưụủứừửữự"),
    ('w', "ŵẁẃẅ"),
    ('y', "ýÿŷỳỵỷỹ"),
    ('z', "źżžẓẕ"),
    ('b', "ḅ"),
    ('f', "ƒ"),
    ('m', "ṃ"),
    ('p', "ṗ"),
    ('q', "ʠ"),
    ('v', "ṿ"),
];

/// `text` folded for comparison: words separated by single spaces, no leading or
/// trailing space.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if is_mark(c) {
            continue;
        }
        if c.is_whitespace() || is_word_separator(c) {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        push_folded(c, &mut out);
    }
    out
}

/// Characters that carry no letter of their own: combining accents (Latin), harakat
/// and the superscript alef (Arabic script), joiners, direction marks, the tatweel.
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{06D6}'..='\u{06ED}'
            | '\u{0640}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

fn is_word_separator(c: char) -> bool {
    matches!(
        c,
        '-' | '‐'
            | '‑'
            | '–'
            | '—'
            | '_'
            | '.'
            | ','
            | '،'
            | '\''
            | '’'
            | '‘'
            | '`'
            | 'ʼ'
            | 'ʻ'
            | '('
            | ')'
            | '/'
            | '«'
            | '»'
            | '"'
            | '؛'
            | ';'
            | ':'
    )
}

fn push_folded(c: char, out: &mut String) {
    match c {
        'ي' | 'ى' | 'ئ' => out.push('ی'),
        'ك' => out.push('ک'),
        'ة' | 'ە' | 'ۀ' => out.push('ه'),
        'آ' | 'أ' | 'إ' | 'ٱ' => out.push('ا'),
        'ؤ' => out.push('و'),
        '۰'..='۹' => out.push(shift(c, '۰')),
        '٠'..='٩' => out.push(shift(c, '٠')),
        'ß' => out.push_str("ss"),
        'æ' => out.push_str("ae"),
        'œ' => out.push_str("oe"),
        'þ' => out.push_str("th"),
        _ if c.is_ascii() => out.push(c),
        _ => out.push(
            LATIN_FOLDS
                .iter()
                .find(|(_, accented)| accented.contains(c))
                .map_or(c, |(base, _)| *base),
        ),
    }
}

/// The ASCII digit at the same place as `c` in the run of ten digits starting at `zero`.
fn shift(c: char, zero: char) -> char {
    char::from_digit(c as u32 - zero as u32, 10).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::normalize;

    /// Each `(typed, folded)`: `normalize(typed) == folded`.
    fn assert_folds(cases: &[(&str, &str)]) {
        for (typed, folded) in cases {
            assert_eq!(normalize(typed), *folded, "{typed:?}");
        }
    }

    #[test]
    fn latin_loses_case_and_accents() {
        assert_folds(&[
            ("  São   Paulo ", "sao paulo"),
            ("İZMİR", "izmir"),
            ("Chișinău", "chisinau"),
            ("Düsseldorf", "dusseldorf"),
            ("Straße", "strasse"),
            ("Bandar-e Māhshahr", "bandar e mahshahr"),
            ("Xi’an", "xi an"),
            ("ŁÓDŹ", "lodz"),
            ("Reykjavík", "reykjavik"),
            // e + a combining acute accent, as some keyboards type it.
            ("Mont\u{0072}e\u{0301}al", "montreal"),
        ]);
    }

    #[test]
    fn arabic_letters_become_persian_and_joiners_vanish() {
        assert_folds(&[
            ("شيراز", "شیراز"),
            ("كرمان", "کرمان"),
            ("خرم\u{200C}آباد", "خرماباد"),
            ("مـشـهـد", "مشهد"),
            ("قائم‌شهر", "قایمشهر"),
            ("إيران", "ایران"),
            ("۱۲۳ ٤٥", "123 45"),
            ("عَلی", "علی"),
        ]);
    }

    #[test]
    fn every_accented_letter_of_the_table_is_lower_case_and_distinct() {
        let mut seen = std::collections::BTreeSet::new();
        for (base, accented) in super::LATIN_FOLDS {
            assert!(base.is_ascii_lowercase());
            for c in accented.chars() {
                assert!(!c.is_uppercase(), "{c} is upper case");
                assert!(seen.insert(c), "{c} is listed twice");
            }
        }
    }
}
