## The web UI (ui/). Every id starts with `ui-`.

ui-app-name = NPS Oracle
ui-nav-oracle = Oracle
ui-nav-learn = Learn
ui-nav-history = History
ui-nav-settings = Settings
ui-nav-label = Main
ui-language-switch = فارسی
ui-language-switch-label = Switch the language to Persian
ui-language-name-en = English
ui-language-name-fa = فارسی
ui-sign-out = Sign out
ui-signed-in-as = Signed in as { $username }
ui-skip-to-content = Skip to the content

## Connection status

ui-status-label = Live connection
ui-status-connected = Connected
ui-status-connecting = Connecting…
ui-status-disconnected = Disconnected
ui-status-reconnecting = Reconnecting…
ui-status-error = Connection error
ui-status-error-auth = Sign-in needed
ui-status-error-origin = This page is not allowed by the server

## Kinds of reading (short labels for the selector)

ui-kind-label = Kind of reading
ui-kind-time = Time
ui-kind-name = Name
ui-kind-question = Question
ui-kind-daily = Daily
ui-kind-full = Full
ui-kind-compatibility = Compatibility
ui-kind-time-help = The universal address of a moment, with its moon, cycles and numbers.
ui-kind-name-help = What the letters of a name add up to.
ui-kind-question-help = The number a question carries, read in the light of this moment.
ui-kind-daily-help = The insight of a day: its numbers, moon and suggested focus.
ui-kind-full-help = Everything about a person at a moment: numbers, cycles, moon, heartbeat and place.
ui-kind-compatibility-help = How two to five people fit together.

## Forms

ui-field-datetime = Date and time
ui-field-datetime-hint = Leave it empty for this very moment.
ui-now = Now
ui-field-time = Time
ui-field-name = Name
ui-field-birth-date = Birth date
ui-field-birth-date-optional = Birth date (optional)
ui-field-question = Your question
ui-field-question-count = { $count } of { $max } characters
ui-field-system = Numerology system
ui-system-auto = Automatic (by script)
ui-field-date = Date
ui-field-date-hint = Leave it empty for today.
ui-field-date-solar-hint = Solar Hijri year/month/day, such as 1405/09/06.
ui-field-date-gregorian-hint = Year-month-day, such as 1990-07-15.
ui-date-read-as = That is { $date }.
ui-field-mother-name = Mother's name (optional)
ui-field-gender = Gender (optional)
ui-gender-none = Not given
ui-gender-female = Female
ui-gender-male = Male
ui-gender-other = Other
ui-field-place = Place (optional)
ui-field-place-hint = Type a city and pick it from the list to fill in its coordinates, or enter the coordinates yourself.
ui-place-none = No city of that name in the list; enter the coordinates below instead.
ui-place-error = The city list could not be reached; enter the coordinates below instead.
ui-field-latitude = Latitude (optional)
ui-field-longitude = Longitude (optional)
ui-field-bpm = Heart rate in beats per minute (optional)
ui-person-heading = Person { $number }
ui-add-person = Add a person
ui-remove-person = Remove this person
ui-submit = Start the reading
ui-submit-running = Reading…
ui-form-has-errors = Please correct the marked fields.

## Validation and errors

ui-error-required = This is required.
ui-error-no-letters = It needs at least one letter.
ui-error-name-unreadable-pythagorean = None of these letters count in the Pythagorean system, which reads Latin letters (A to Z). Write the name in Latin or Persian letters.
ui-error-name-unreadable-chaldean = None of these letters count in the Chaldean system, which reads Latin letters (A to Z). Write the name in Latin letters, or choose the automatic system.
ui-error-name-unreadable-abjad = None of these letters count in the Abjad system, which reads Persian and Arabic letters. Write the name in Persian letters, or choose the automatic system.
ui-error-question-too-long = A question can have at most 1,000 characters.
ui-error-date = This is not a valid date.
ui-error-date-format = Write the date as year/month/day, such as 1405/09/06.
ui-error-date-format-gregorian = Write the date as year-month-day, such as 1990-07-15.
ui-error-date-month = There is no month { $month }: months run from 1 to 12.
ui-error-date-day = { $month } { $year } has only { $days } days.
ui-error-future-date = A birth date cannot be in the future.
ui-error-datetime = This is not a valid date and time.
ui-error-choice = Choose one of the options.
ui-error-latitude = Latitude is a number from −90 to 90.
ui-error-longitude = Longitude is a number from −180 to 180.
ui-error-coordinates-pair = Give both latitude and longitude, or neither.
ui-error-bpm = Heart rate is a whole number from 20 to 250.
ui-error-url = Enter an address such as https://example.org:8000.
ui-error-network = The server cannot be reached.
ui-error-unauthorized = Please sign in again.
ui-error-forbidden = This server does not accept requests from this page.
ui-error-not-found = It was not found.
ui-error-invalid = The server did not accept the input.
ui-error-server = The server ran into a problem. Please try again.
ui-error-detail = Details: { $message }

## Progress

ui-progress-label = Progress of the reading
ui-step-started = Started
ui-step-calculating = Calculating
ui-step-interpreting = Interpreting
ui-step-combining = Combining
ui-step-complete = Complete

## Result

ui-result-heading = Your reading
ui-stamp-hint = Hover over or focus a token to see what it stands for.
ui-stamp-weekday = { $weekday }, the day of { $planet }
ui-stamp-month = Month { $number }: { $animal }
ui-stamp-day = Day { $number } of the month: { $animal } and { $element }
ui-stamp-half-am = Before noon
ui-stamp-half-pm = After noon
ui-stamp-hour = Hour { $number }: { $animal }
# The stamp's hour animal (the hour modulo 12) and the reading's hour animal (the
# two-hour branch of the Chinese day) can differ; this hint explains why. $hour is the
# clock hour, $stamp_animal the stamp's, $branch_animal the reading's.
ui-stamp-hour-hint = In the stamp, hour { $hour } is counted on a twelve-hour wheel, so it shows the { $stamp_animal }. The reading names the animal of the traditional two-hour watch of the day, the { $branch_animal }, which runs from one odd hour to the next. Both are correct; they count the hours differently.
ui-stamp-minute = Minute { $number }: { $animal } and { $element }
ui-stamp-second = Second { $number }: { $animal } and { $element }
ui-master-number = Master number
ui-label-moment-number = Number of the moment
ui-label-question-number = Number of the question
ui-label-focus-number = Focus number
ui-col-letter = Letter
ui-col-value = Value
ui-col-element = Element
ui-col-vowel = Vowel
ui-vowel = vowel
ui-consonant = consonant
ui-moon-lit = { $percent } lit
ui-moon-picture = The moon, { $percent } lit
ui-pattern-number = The number { $number } appears { $count } times ({ $strength }).
ui-pattern-master = The master number { $number } ({ $strength }).
ui-pattern-animal = The { $animal } appears { $count } times ({ $strength }).
ui-patterns-none = No pattern stands out.
ui-confidence-value = { $score } of 100: { $level }
ui-group-harmony = Group harmony
ui-pair = { $a } and { $b }
ui-lucky-numbers = Lucky numbers
ui-list-separator = {" · "}
ui-lucky-hours = Lucky hours
ui-activities = Suggested activities
ui-interpretation = Interpretation
ui-copy-text = Copy as text
ui-copy-json = Copy as JSON
ui-download-json = Download JSON
ui-export-pdf = Save as PDF
ui-export-png = Save as image
ui-export-md = Save as Markdown
ui-exporting = Preparing the file…
ui-copied = Copied.
ui-reading-saved = Saved to your history as reading { $id }.

## Daily card

ui-daily-heading = Today's insight
ui-daily-live = Updates live

## History

ui-history-heading = History
ui-filter-kind = Kind
ui-filter-all = All kinds
ui-filter-favorites = Favorites only
ui-filter-search = Search
ui-filter-from = From
ui-filter-to = To
ui-history-empty = No reading matches.
ui-history-count = { $shown } of { $total }
ui-open = Open
ui-delete = Delete
ui-delete-confirm = Delete this reading for good?
ui-cancel = Cancel
ui-favorite-add = Mark as favorite
ui-favorite-remove = Remove from favorites
ui-load-more = Load more
ui-back = Back to history
ui-loading = Loading…
ui-retry = Try again
ui-retry-now = Retry now
ui-session-ended = Your session ended. Please sign in again.

## Settings

ui-settings-heading = Settings
ui-settings-connection = Connection
ui-server-this = This computer
ui-server-remote = A remote server
ui-server-url = Server address
ui-username = Username
ui-password = Password
ui-test-connection = Test connection
ui-test-ok = Connected to NPS Oracle { $version }.
ui-test-failed = Could not connect: { $message }
ui-use-server = Use this server
ui-settings-language = Language
ui-settings-system = Default numerology system
ui-settings-saved = Saved.
# The desktop app's own settings (shown only inside the desktop app).
ui-settings-desktop = Desktop app
ui-desktop-daily = Show the daily reading as a notification
ui-desktop-daily-time = At
ui-desktop-daily-hint = Every day at this time on this computer, even while the window is in the tray.
ui-desktop-tray = Keep running in the tray when the window is closed
ui-desktop-tray-hint = Quit from the tray icon’s menu or with Ctrl+Q.
ui-desktop-failed = Not saved: { $message }

## Sign in

ui-login-heading = Sign in
ui-login-intro = Sign in to { $server } to read and keep your history.
ui-login-submit = Sign in
ui-login-failed = The username or the password is wrong.

## Reading page

ui-reading-heading = Reading { $id }

## People: saved persons (the People page and the forms' picker)
ui-nav-people = People
ui-people-heading = People
ui-people-help = Save the people you read for — yourself first — so forms need not start empty. They are kept on the server you are signed in to.
ui-people-empty = Nobody is saved yet.
ui-people-new = Add a person
ui-people-new-heading = New person
ui-people-edit-heading = Edit person
ui-people-edit = Edit
ui-people-save = Save
ui-people-me = me
ui-people-is-me = This is me
ui-people-born = Born
ui-people-delete-confirm = Delete this person for good?
ui-people-pick = Fill from a saved person
ui-people-pick-none = Choose…
ui-daily-for = Read for { $name }, around your personal day.

## The loading screen of index.html (scripts/build-ui.sh writes these into it)

ui-boot-loading = Opening NPS Oracle…
ui-boot-failed = NPS Oracle could not start in this browser. Reload the page, or try a recent Chrome, Firefox, Edge or Safari.
ui-boot-noscript = NPS Oracle needs JavaScript and WebAssembly.

## The Learn page (the glossary texts are in learn.ftl)

ui-learn-contents = Contents
ui-learn-more = What does this mean?

## A result's summary, its sections and its charts

ui-summary-heading = In short
ui-summary-for = For
ui-summary-you = you
ui-summary-when = When
ui-question-restated = You asked: { $question }
# A number of the reading as a summary line's theme: "Life path: 5".
ui-summary-number = { $label }: { $number }
# A pair's score as a summary line: "78%: Good".
ui-summary-pair = { $percent }: { $level }
ui-details-numbers = The numbers
ui-details-moment = The moment
ui-details-people = The people
ui-stamp-in-words = The stamp in words
ui-chart-cycle-title = Your nine-year cycle
ui-chart-cycle-heading = Each year of a nine-year cycle has its own number; the bar of the reading's year is filled.
ui-chart-cycle-item = { $year }: { $number }
ui-chart-cycle-alt = Your personal year in each of nine years, { $year } marked: { $list }.
ui-chart-moon-heading = The moon through { $month } { $year }
ui-chart-moon-run = days { $from } to { $to }: { $phase }
ui-chart-moon-day = day { $day }: { $phase }
ui-chart-moon-alt = The moon on each day of { $month } { $year }, the reading's day ({ $day }) marked: { $list }.
ui-chart-matrix-caption = Every pair's score out of 100. A colour is a harmony band, the same everywhere: Strong from 80, Good from 65, Mixed from 50, Challenging below.
ui-chart-matrix-self = the same person
# A question reading's row in the history.
ui-history-asked = You asked: { $question }

## Page titles, the header's menu, what a screen reader hears

ui-page-title = { $page } · { $app }
ui-page-not-found = Page not found
ui-menu = Menu
ui-result-announced = Your reading is ready: { $headline }

## A stored reading's date, favorite, rating and note

ui-marks-heading = Your notes on this reading
ui-reading-made-on = Made on
ui-favorite = Favorite
ui-delete-reading = Delete this reading
ui-rating-legend = Your rating
ui-rating-star = { $count } out of { $max } stars
ui-rating-shown = Rated { $count } out of { $max }
ui-rating-clear = Clear the rating
ui-note-label = Private note (only you can see it)
ui-note-save = Save the note
ui-note-saved = Note saved.
ui-saving = Saving…

## Settings: preferences and account

ui-settings-preferences = Preferences
ui-settings-account = Account
ui-settings-not-signed-in = Nobody is signed in.
