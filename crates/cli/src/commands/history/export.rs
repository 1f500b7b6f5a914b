//! `nps history export ID --format pdf|png|md|json [--out FILE]`: one reading as a file,
//! in the chosen language (`--locale`). PDF, PNG card and Markdown are made by
//! `nps-export` from the reading re-rendered in that language; JSON is the stored
//! reading with its text re-rendered. The file is `nps-reading-ID.EXT` unless `--out`
//! names one; it is written whole or not at all, private like the history it comes
//! from, and replaces an older file of that name.

use std::path::PathBuf;

use clap::Args;
use nps_export::{CardSize, Format, UnknownFormat};
use nps_i18n::Locale;
use nps_store::StoredReading;

use super::not_found;
use super::show::rendered;
use crate::error::{CliError, Message, Result};
use crate::inputs::now;
use crate::output::say;
use crate::storage::{LOCAL_OWNER, StorageArgs};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The reading's number (`nps history list`).
    pub id: i64,
    /// pdf, png (an image card, 1080×1350), md (Markdown) or json.
    #[arg(long, value_name = "FORMAT")]
    pub format: String,
    /// Where to write it (default: nps-reading-ID.EXT in the current directory).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(locale: Locale, storage: &StorageArgs, args: &ExportArgs) -> Result<()> {
    let format: Format = args.format.parse().map_err(|e: UnknownFormat| {
        CliError::input(Message::new("export-error-format").with("format", e.0))
    })?;
    let store = storage.open()?;
    let reading = store
        .run(store.get_reading(LOCAL_OWNER, args.id))?
        .ok_or_else(|| not_found(args.id))?;
    let bytes = contents(&reading, format, locale)?;
    let path = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from(format.file_name(args.id)));
    // A private, synced temporary file renamed onto `path`: the whole export or what
    // was there before.
    nps_platform::replace_private_file(&path, &bytes).map_err(|e| {
        CliError::Failure(
            Message::new("cli-error-write")
                .with("file", path.display().to_string())
                .with("error", e.to_string()),
        )
    })?;
    say(
        locale,
        Message::new("cli-history-exported")
            .number("id", args.id)
            .with("file", path.display().to_string()),
    )
}

/// The file's bytes.
fn contents(reading: &StoredReading, format: Format, locale: Locale) -> Result<Vec<u8>> {
    if format == Format::Json {
        let output = |e| CliError::failed("cli-error-output", e);
        // A tree, so the result is indented with the rest (its stored text is compact).
        let mut json = serde_json::to_value(reading).map_err(output)?;
        json["result"] = serde_json::to_value(rendered(reading, locale)?).map_err(output)?;
        return serde_json::to_vec_pretty(&json).map_err(output);
    }
    let result = rendered(reading, locale)?;
    let doc = nps_readings::document::document(&result, &reading.created_at, locale, now()?.date);
    Ok(match format {
        Format::Pdf => nps_export::pdf(&doc)?,
        Format::Png => nps_export::png_card(&doc, CardSize::PORTRAIT)?,
        Format::Markdown | Format::Json => nps_export::markdown(&doc).into_bytes(),
    })
}
