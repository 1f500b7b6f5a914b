### NPS Oracle — English frames: single sentences that place preformatted arguments.
### $meaning, $trait, $advice and $caution arrive as full sentences;
### $essence, $focus and $activity arrive as lower-case phrases without a full stop.

## Shared frames: the moment, the sky and the pillars

reading-address = The universal address of this moment is { $stamp }, with checksum { $chk }.
reading-weekday = { $weekday } is a { $planet } day. { $trait }
reading-moon = The Moon's phase is { $phase }, { $age } days into its cycle and { $illumination }% lit. { $trait }
reading-year-pillar = The year belongs to the { $element } { $animal }. { $trait }
reading-day-pillar = The day itself stands under the { $element } { $animal }.
reading-hour-pillar = The hour belongs to the { $animal }, in the { $band } stretch of the day. { $trait }
reading-confidence = Confidence is { $level } at { $score } out of 100, a measure of how much this reading had to work with.

## Shared frames: patterns

pattern-number-repetition = The number { $number } appears { $count } times among your core numbers (strength: { $strength }).
pattern-master-number = Your life path, { $number }, is a master number: a familiar theme played at a higher intensity.
pattern-animal-repetition = The { $animal } appears { $count } times in this moment (strength: { $strength }).
pattern-none = Nothing repeats this time, so each part of the reading speaks in its own voice.

## Shared frames: core numbers

core-life-path = Your life path is { $number }. { $meaning }
core-expression = Your expression number is { $number }. { $meaning }
core-soul-urge = Your soul urge number is { $number }. { $meaning }
core-personality = Your personality number is { $number }. { $meaning }

## Shared frames: right now

now-personal-year = You are in personal year { $number }. { $meaning }
now-personal-month-day = Your personal month is { $month } and your personal day is { $day }.

## Shared frames: closing message, advice and caution

message-closing = Hold these three together, the number { $number }, the way of the { $animal } and the texture of { $element }, and notice where they meet in what you do next.
advice-line = With { $number } as your key number: { $advice }
caution-line = A gentle note for { $number }: { $caution }

## Time reading

time-headline = This moment, on { $weekday }, has the address { $stamp }.
time-moment-number = The moment adds up to { $number }, carrying a note of { $essence }.

## Name reading

name-headline = The name { $name }, as read through the { $system } system.
name-letters = Letters counted: { $count }, adding up to a total of { $total }.
name-dominant-element = Among your letters, { $element } is the most present element. { $trait }
name-no-letters = None of these letters carry a value in the { $system } system, so here the name rests in an open, uncounted space.

## Question reading

question-headline = Your question carries the number { $number }.
question-script = Script detected: { $script }, counted with the { $system } system.
question-number = Its number, { $number }, points toward { $essence }.
question-master = Because { $number } is a master number, this question may deserve patience and a second look before you act on it.
question-moment = The question was asked at the moment { $stamp }.

## Daily reading

daily-headline = Your reading for { $weekday }, { $date }.
daily-lucky-numbers = Numbers in tune with today: { $numbers }.
daily-lucky-hours = Hours in tune with today: { $hours }.
daily-focus = Today's number is { $number }, with a focus on { $focus }.
daily-activity = A good use of the day: { $activity }.
daily-insight = The { $phase } of this { $weekday } and the { $animal } of the day together invite a focus on { $focus }.

## Full reading

full-headline = A full reading for { $name }, whose key number is { $number }.
full-age = You have been alive for { $years } years, which comes to { $days } days.
full-heartbeat = At about { $bpm } beats per minute, your heart has beaten some { $beats } times so far, a steady rhythm linked here with { $element }.
full-location = Your place on the map leans toward { $element }, with a { $lat_polarity } latitude and a { $lon_polarity } longitude.
full-mother = Your mother's name carries the number { $number }, a quiet influence in the background of your reading.
full-polarity = Overall, the polarity of your reading is { $label }.

## Compatibility reading

compat-headline = A compatibility reading for { $count } people.
compat-pair = { $a } and { $b } share a harmony score of { $score } out of 100.
compat-element-same = { $a } meets { $b }: the same element on both sides makes understanding easy, though it can also double the same blind spots.
compat-element-generating = { $a } and { $b } stand in a generating relation, where one naturally nourishes the other, an invitation to support each other's growth.
compat-element-controlling = { $a } and { $b } stand in a controlling relation, where one tends to check the other; handled kindly, that tension can become useful structure.
compat-animal-same = { $a } and { $b } share the same sign, so each may recognize the other's habits at once, the easy ones and the trying ones alike.
compat-animal-friends = { $a } and { $b } are traditional allies, a pairing that often finds cooperation comfortable.
compat-animal-clash = { $a } and { $b } sit opposite each other on the wheel of the animals, which invites patience and clear words when their rhythms differ.
compat-animal-trine = { $a } and { $b } belong to the same group of three, sharing an outlook that can make common ground easy to find.
compat-animal-neutral = { $a } and { $b } have no special tie in tradition, which leaves the bond free to become whatever the two people make of it.
compat-life-path = Side by side, the two life paths are { $a } and { $b }.
compat-group = The group as a whole scores { $score } out of 100 for harmony, a { $level } level.
