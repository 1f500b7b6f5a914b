## Labels of the `nps` command's human-readable reports.

heading-stamp = FC60 stamp
heading-numerology = Numerology
heading-person = Person
heading-birth = Birth day
heading-current = Reading day
heading-patterns = Patterns
heading-confidence = Confidence
heading-moon = Moon
heading-ganzhi = Ganzhi
heading-heartbeat = Heartbeat
heading-location = Location

label-fc60 = Stamp
label-iso = ISO 8601
label-tz60 = Time zone
label-y60 = Year
label-y2k = Year since 2000
label-j60 = Julian day
label-mjd60 = Modified Julian day
label-rd60 = Rata Die
label-u60 = Unix time
label-chk = Checksum
label-weekday = Weekday
label-planet = Planet
label-system = System
label-life-path = Life path
label-expression = Expression
label-soul-urge = Soul urge
label-personality = Personality
label-personal-year = Personal year
label-personal-month = Personal month
label-personal-day = Personal day
label-polarity = Polarity
label-mother-influence = Mother's influence
label-name = Name
label-birthdate = Born
label-age = Age
label-date = Date
label-jdn = Julian day number
label-score = Score
label-level = Level
label-phase = Phase
label-moon-age = Age
label-illumination = Illumination
label-ganzhi-year = Year
label-ganzhi-day = Day
label-ganzhi-hour = Hour
label-bpm = Heart rate
label-beats-per-day = Beats per day
label-lifetime-beats = Beats so far
label-element = Element
label-rhythm = Rhythm token
label-pulse-signature = Life pulse
label-latitude = Latitude
label-longitude = Longitude
label-timezone-estimate = Time zone estimate
label-hemispheres = Hemispheres

value-age = { $years } years ({ $days } days)
value-moon-age = { $days } days
value-percent = { $value }%
value-bpm = { $bpm } bpm ({ $source })
value-bpm-actual = measured
value-bpm-estimated = estimated from age
value-none = none
value-utc-hours = UTC{ $hours }

cli-error = error: { $message }
cli-saved = Saved to your history as reading { $id }.
cli-history-empty = Your history is empty.
cli-history-deleted = Reading { $id } was deleted.
cli-history-not-found = There is no reading { $id } in your history.
cli-history-favorite-on = Reading { $id } is now a favorite.
cli-history-favorite-off = Reading { $id } is no longer a favorite.

hemisphere-n = North
hemisphere-s = South
hemisphere-e = East
hemisphere-w = West

cli-error-no-data-dir = no data directory is known here; pass --data-dir
cli-error-person-format = --person “{ $value }”: expected “NAME;YYYY-MM-DD”

## Errors any command can report, and the lines of `nps history export`.

cli-error-store = the history could not be used: { $error }
cli-error-export = the export could not be made: { $error }
cli-error-output = cannot write the output: { $error }
cli-error-runtime = cannot start the async runtime: { $error }
cli-error-open-store = cannot open the history in { $dir }: { $error }
cli-error-open-database = cannot open the database { $url }: { $error }
cli-error-kind = unknown reading kind "{ $kind }"; expected one of { $kinds }
cli-error-write = cannot write { $file }: { $error }
cli-history-exported = Reading { $id } was exported to { $file }.
label-question-number = Number of the question
label-moment-number = Number of the moment
label-focus-number = Focus number
label-lucky-numbers = Lucky numbers
label-harmony = Group harmony

## What `nps serve`, `nps token`, `nps user`, `nps watch` and `nps backup` tell their
## operator. Scripts wait for the English `listening on http://…` line.

cli-serve-listening = listening on { $url }
cli-error-listen = cannot listen on { $address }: { $error }
cli-error-serve = the server stopped with an error: { $error }

## edge: how `nps serve` meets the network (issue 10 items 2, 3).
cli-serve-edge-plain-public = refusing to serve plain HTTP on { $address }, which other machines can reach: give --tls-cert/--tls-key, or --behind-proxy when a proxy in front terminates TLS
cli-serve-edge-tls = cannot use the TLS certificate: { $error }

cli-error-empty-user = the user name must not be empty
cli-error-token-user = --user must not be empty
cli-error-ttl = --ttl “{ $value }” is not a lifetime from 1 second to a year (try 30m, 24h or 7d)
cli-error-token = cannot sign the token: { $error }
cli-error-secret-env = NPS_JWT_SECRET must be at least { $min } characters
cli-error-secret-short = { $file } is too short to be a signing secret; delete it and a new one is made
cli-error-secret-file = cannot use the signing secret in { $file }: { $error }
cli-error-random = no secure random numbers: { $error }
cli-error-read-password = cannot read the password from stdin: { $error }
cli-error-password-empty = the password is empty (it is read from the first line of stdin)
cli-error-password-long = the password is longer than { $max } bytes
cli-error-hash = cannot hash the password: { $error }
cli-error-user-taken = a user named “{ $name }” exists already
cli-error-user-reserved = “{ $name }” is the name of this computer’s own history and cannot be a login; choose another name
cli-user-created = user { $name } created
cli-watch-cannot-connect = cannot connect: { $error }
cli-watch-closed = the server closed the connection with { $code }; not reconnecting
cli-watch-token-expired = the token expired (4002); start nps watch with a fresh token
cli-backup-exists = { $file } exists already; pass --force to replace it
cli-backup-no-database = there is no history database in { $dir }
cli-backup-same-file = { $file } is the history database itself; choose another file
cli-backup-postgres = nps backup copies SQLite only; back up PostgreSQL with pg_dump
cli-error-backup = cannot back up to { $file }: { $error }
cli-backup-done = The history was backed up to { $file }.
