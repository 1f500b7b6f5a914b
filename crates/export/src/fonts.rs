//! The fonts, embedded in the binary: Vazirmatn (Persian and Latin, SIL OFL 1.1) in two
//! weights, and NPS Symbols, a 3.5 KB subset of Noto Sans Symbols 1 and 2 (SIL OFL 1.1)
//! with the few signs Vazirmatn lacks — the stamp's ☀ and 🌙, stars, discs, arrows.
//!
//! No system font is ever looked up: an export looks the same on every machine, and a
//! character none of the three fonts has is left out rather than drawn as a box.

use cosmic_text::{FontSystem, fontdb};

/// The family every text is set in; NPS Symbols is its only fallback.
pub(crate) const FAMILY: &str = "Vazirmatn";
const SYMBOLS_FAMILY: &str = "NPS Symbols";

/// One embedded font file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum FontFile {
    Regular,
    Bold,
    Symbols,
}

impl FontFile {
    pub const ALL: [FontFile; 3] = [FontFile::Regular, FontFile::Bold, FontFile::Symbols];

    pub fn data(self) -> &'static [u8] {
        match self {
            FontFile::Regular => include_bytes!("../assets/fonts/Vazirmatn-Regular.ttf"),
            FontFile::Bold => include_bytes!("../assets/fonts/Vazirmatn-Bold.ttf"),
            FontFile::Symbols => include_bytes!("../assets/fonts/NpsSymbols-Regular.ttf"),
        }
    }
}

/// The embedded fonts loaded into a cosmic-text font system, and which file each of its
/// face ids is.
pub(crate) struct Fonts {
    pub system: FontSystem,
    faces: Vec<(fontdb::ID, FontFile)>,
}

impl Fonts {
    /// `lang` is a BCP 47 tag; cosmic-text uses it to pick fallbacks (there is only one).
    pub fn new(lang: &str) -> Fonts {
        let mut db = fontdb::Database::new();
        let mut faces = Vec::new();
        for file in FontFile::ALL {
            let source = fontdb::Source::Binary(std::sync::Arc::new(file.data()));
            for id in db.load_font_source(source) {
                faces.push((id, file));
            }
        }
        db.set_sans_serif_family(FAMILY);
        let system =
            FontSystem::new_with_locale_and_db_and_fallback(lang.to_string(), db, SymbolsFallback);
        Fonts { system, faces }
    }

    /// The file a face id of this font system was loaded from.
    pub fn file_of(&self, id: fontdb::ID) -> Option<FontFile> {
        self.faces
            .iter()
            .find(|(face, _)| *face == id)
            .map(|&(_, file)| file)
    }
}

/// cosmic-text's fallback list: NPS Symbols for every script, and nothing else.
struct SymbolsFallback;

impl cosmic_text::Fallback for SymbolsFallback {
    fn common_fallback(&self) -> &[&'static str] {
        &[SYMBOLS_FAMILY]
    }

    fn forbidden_fallback(&self) -> &[&'static str] {
        &[]
    }

    fn script_fallback(&self, _script: unicode_script::Script, _locale: &str) -> &[&'static str] {
        &[]
    }
}
