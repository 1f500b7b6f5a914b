## Why an input was refused. One sentence, lower case first (it may follow a field name).

error-date-month = invalid date { $date }: the month must be 1–12
error-date-day = invalid date { $date }: that day does not exist in that month
error-year-range = year { $year } is outside the supported range 1–9999
error-hour = hour { $hour } is out of range (0–23)
error-minute = minute { $minute } is out of range (0–59)
error-second = second { $second } is out of range (0–59)
error-offset = UTC offset { $offset } is out of range (−12:00 to +14:00)
error-parse-date = cannot read “{ $input }” as a date YYYY-MM-DD
error-parse-datetime = cannot read “{ $input }” as an ISO-8601 date-time such as 2026-02-06T01:15:00+08:00
error-parse-offset-missing = “{ $input }” needs a UTC offset (Z or ±HH:MM)
error-parse-time = cannot read the time in “{ $input }” (expected HH:MM or HH:MM:SS)
error-parse-offset = cannot read the UTC offset in “{ $input }” (expected Z or ±HH:MM)
error-token-length = a token has 4 characters; “{ $token }” has { $length }
error-unknown-animal = unknown animal token “{ $token }”
error-unknown-element = unknown element token “{ $token }”
error-unknown-weekday = unknown weekday token “{ $token }”
error-token60-range = a base-60 digit must be 0–59, not { $value }
error-digit-range = base-60 digit { $index } is out of range: { $value } (must be 0–59)
error-overflow = the base-60 number is too large
error-stamp-parts = “{ $stamp }” is not an FC60 stamp: expected a date part and at most one time part
error-stamp-date-part = “{ $stamp }” is not an FC60 stamp: the date part must be WD-MO-DOM
error-stamp-day-range = “{ $stamp }” is not an FC60 stamp: the day of the month must be 1–31
error-stamp-marker = “{ $stamp }” is not an FC60 stamp: the time part must start with ☀ or 🌙
error-stamp-time-part = “{ $stamp }” is not an FC60 stamp: the time part must be HALFHR-MIN-SEC
error-stamp-weekday = the stamp “{ $stamp }” names a { $claimed }, but { $date } is a { $actual }
error-checksum = checksum mismatch: the stamp says { $found }, its fields give { $expected }
error-empty-name = the name is empty
error-name-no-letters = the name “{ $name }” has no letters
error-name-unreadable-pythagorean = none of the letters of “{ $name }” count in the Pythagorean system, which reads the Latin letters A to Z: write the name in Latin or Persian letters
error-name-unreadable-chaldean = none of the letters of “{ $name }” count in the Chaldean system, which reads the Latin letters A to Z: write the name in Latin letters, or choose the automatic system
error-name-unreadable-abjad = none of the letters of “{ $name }” count in the Abjad system, which reads Persian and Arabic letters: write the name in Persian letters, or choose the automatic system
error-latitude = latitude { $value } is out of range (−90 to 90)
error-longitude = longitude { $value } is out of range (−180 to 180)
error-bpm = heart rate { $bpm } bpm is out of range (20–250)
error-unknown-system = unknown numerology system “{ $system }” (expected pythagorean, chaldean, abjad or auto)
error-unknown-gender = unknown gender “{ $gender }” (expected male, female or other)
error-name-too-long = the name has { $count } characters; at most { $max } are accepted
error-mother-name-too-long = the mother’s name has { $count } characters; at most { $max } are accepted
error-question-empty = the question is empty
error-question-too-long = the question has { $count } characters; at most { $max } are accepted
error-question-no-letters = the question has no letters
error-people-count = a compatibility reading needs 2 to 5 people, got { $count }
error-location-pair = latitude and longitude go together
error-field = { $field }: { $problem }
error-unknown-locale = unknown locale “{ $locale }” (expected en or fa)
error-request-id-long = request_id is longer than { $max } characters
error-body-too-large = the request body is larger than { $kib } KiB

## The store's refusals (error-store-…); the store-field-… words name a field.

error-storage-failed = the reading could not be saved
error-store-owner-empty = the owner is empty
error-store-text-filter-long = the search text has { $count } characters; at most { $max } are accepted
error-store-username-empty = the username is empty
error-store-username-spaces = the username must not start or end with a space
error-store-username-control = the username must not contain control characters
error-store-username-long = the username is longer than { $max } characters
error-store-username-taken = the username “{ $username }” is already taken
error-store-token-taken = this refresh token is already stored
error-store-readings-full = the history is full ({ $max } readings); delete some readings to save new ones
error-store-profiles-full = you keep { $max } saved people already, the most there can be; delete one to save another
error-store-field-empty = { $field } is empty
store-field-password-hash = the password hash
store-field-role = the role
store-field-locale = the language
store-field-token-hash = the token hash
store-field-user-id = the user id
store-field-family-id = the token family
store-field-event-name = the event name
error-store-date = “{ $date }” is not a calendar date written YYYY-MM-DD
error-store-nul = text must not contain NUL characters (PostgreSQL cannot store them)
error-store-date-range = a date is outside the range the database can store
error-store-event-ids = at most { $max } event ids can be read at once
error-store-path-required = a database file path is required (in-memory databases are not supported)
error-store-schema-newer = the database schema version { $found } is newer than this build supports ({ $supported }); upgrade the program or use another database
error-store-schema-negative = the database has a negative schema version ({ $found })
error-store-pool-empty = the connection pool needs at least one connection
error-store-pool-settings = the connection pool settings are not valid: { $detail }
error-store-url = the database URL is not a valid PostgreSQL URL: { $detail }
error-store-url-host = the database URL names no host
error-store-url-tls = sslmode=require is not supported: this build connects without TLS (use a private network or a Unix socket)

## A reading's rating and note (PATCH /api/oracle/readings/{id})
error-rating-range = A rating is a whole number of stars from { $min } to { $max }
error-note-long = A note can be at most { $max } characters long
