## An exported reading (crates/export): its labels, its footer and why an export failed.
## Every id starts with `export-`.

export-summary-heading = In short
export-figures-heading = Key figures
# The closing line of every PDF page and of the image card. $date: today, formatted for the locale.
export-footer = NPS Oracle · made { $date }
export-error-format = unknown format “{ $format }”: choose pdf, png, md or json
export-error-too-large = this reading is too large to export
export-error-failed = the export could not be made; please try again
