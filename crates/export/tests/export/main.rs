//! nps-export's integration tests: the public API on reading-sized documents, checked
//! with real tools — poppler's `pdftotext`/`pdfinfo` and lopdf for the PDF, the png
//! decoder for the card. `scripts/dev.sh` installs poppler-utils.

mod bounds;
mod common;
mod format;
mod markdown;
mod pdf;
mod png;
