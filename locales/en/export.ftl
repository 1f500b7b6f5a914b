## An exported reading (crates/export): its labels, its footer and why an export failed.
## Every id starts with `export-`.

export-summary-heading = In short
export-figures-heading = Key figures
# The closing line of every PDF page and of the image card. $date: today, formatted for the locale.
export-footer = NPS Oracle · made { $date }
export-error-format = unknown format “{ $format }”: choose pdf, png, md or json
export-error-too-large = this reading is too large to export
export-error-failed = the export could not be made; please try again
# The byline of an exported full reading: the person's name and birthday.
export-byline-person = { $name } · born { $born }
# The byline of an exported reading that has no moment of its own: the day it was saved.
export-byline-saved = saved { $date }
export-byline-moment = { $date } · { $time }
