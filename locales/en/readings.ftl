### NPS Oracle — English frames: single sentences that place preformatted arguments.
### $meaning, $trait, $advice and $caution arrive as full sentences;
### $essence, $focus and $activity arrive as lower-case phrases without a full stop.
### Frames never say "today" or "now": a reading may be for any date.

## Shared frames: the moment, the sky and the pillars

reading-address = The universal address of this moment is { $stamp }, with checksum { $chk }.
reading-address-cycles = In base 60 the day is written { $j60 } and the year { $y60 }.
reading-weekday = { $weekday } is a { $planet } day. { $trait }
reading-moon = The Moon is in its { $phase } phase, { $age } days into its cycle and { $illumination } lit. { $trait }
reading-year-pillar = The year belongs to the { $element } { $animal }. { $trait }
reading-day-pillar = The day itself stands under the { $element } { $animal }.
reading-hour-pillar = The hour belongs to the { $animal } ({ $band }). { $trait }
reading-confidence = This reading's confidence is { $score } out of 100 ({ $level }).

## Shared frames: patterns

pattern-number-repetition = The number { $number } appears { $count } times among your core numbers (pattern strength: { $strength }), a strong note of { $essence }.
pattern-master-number = Your life path, { $number }, is a master number: a familiar theme played at a higher intensity.
pattern-animal-repetition = The { $animal } appears { $count } times in this moment (pattern strength: { $strength }), so its quality colors the whole stamp.
pattern-none = No figure repeats this time, so each part of the reading speaks in its own voice.

## Shared frames: core numbers

core-life-path = Your life path is { $number }: { $essence }. { $meaning }
core-expression = Your expression number is { $number }: { $essence }. { $meaning }
core-soul-urge = Your soul urge number is { $number }: { $essence }. { $meaning }
core-personality = Your personality number is { $number }: { $essence }. { $meaning }
core-life-path-brief = Your life path is { $number }, { $essence }, and your name adds up to expression { $expression }, soul urge { $soul } and personality { $personality }. { $meaning }

## Shared frames: the person's present

now-personal-year = You are in personal year { $number }, a year of { $keyword }.
now-personal-year-month = You are in personal year { $number }, a year of { $keyword }, and in personal month { $month }.
now-sky = { $weekday } is a { $planet } day, and the Moon is in its { $phase } phase, { $age } days old and { $illumination } lit.
now-day-pillar = The day stands under the { $element } { $animal }; you were born in a year of the { $birth_element } { $birth_animal }.
now-hour = The hour belongs to the { $element } { $animal } ({ $band }).

## Shared frames: closing message, advice and caution

message-closing = Hold these three together, the number { $number }, the way of the { $animal } and the texture of { $element }, and notice where they meet in what you do next.
message-closing-plain = Hold these two together, the number { $number } and the texture of { $element }, and notice where they meet in what you do next.
advice-line = With { $number } as your key number: { $advice }
caution-line = A gentle note for { $number }: { $caution }

## Time reading

time-headline = This moment, on { $weekday }, has the address { $stamp }.
time-moment-number = The moment adds up to { $number }, carrying a note of { $essence }.

## Name reading

name-headline = The name { $name }, as read through the { $system } system.
name-letters = Letters counted: { $count }, adding up to a total of { $total }.
name-dominant-element = Among your letters, { $element } is the most present element. { $trait }
name-uncounted-letters = These letters carry no value in the { $system } system and were left out: { $letters }.

## Question reading

question-headline = Your question carries the number { $number }.
question-script = Your question is written in { $script } script and was counted with the { $system } system.
question-number = Its number, { $number }, points toward { $essence }.
question-master = Because { $number } is a master number, this question may deserve patience and a second look before you act on it.
question-moment = The question was asked at the moment { $stamp }.
# The summary's first line of a question reading: the answer in the frame of its number.
question-frame-theme = Your question's number, { $number }
question-frame = Read your question in the light of { $number }, the number of { $essence }. What it suggests now: { $advice }
question-frame-open = Sit with the question a little longer before you choose.

## Daily reading

daily-headline = A reading for { $weekday }, { $date }.
daily-lucky-numbers = Numbers in tune with the day: { $numbers }.
daily-lucky-hours = Hours in tune with the day: { $hours }.
daily-focus = The day's number is { $number }, with a focus on { $focus }.
daily-activity = A good use of the day: { $activity }.
daily-insight = This { $weekday } ({ $phase }, a { $animal } day) invites a focus on { $focus }.

## Full reading

full-headline = A full reading for { $name } on { $date }, life path { $number }.
full-age = You have lived { $days } days so far (age { $years }).
full-heartbeat = At about { $bpm } beats per minute, your heart has beaten some { $beats } times so far, a rhythm linked here with { $element }.
full-location = Your place on the map leans toward { $element }; its latitude is { $lat_polarity } and its longitude { $lon_polarity }.
full-mother = Your mother's name carries the number { $number }, a quiet influence in the background of your reading.
full-polarity = Overall polarity: { $label }.

## Compatibility reading

compat-headline = A compatibility reading for { $count } people.
compat-pair = { $a } and { $b } share a harmony score of { $score } out of 100.
compat-element-same = { $a } meets { $b }: the same element on both sides makes understanding easy, though it can also double the same blind spots.
compat-element-generating = { $a } feeds { $b } in the generating cycle, so support tends to flow from one to the other, an invitation to help each other grow.
compat-element-controlling = { $a } restrains { $b } in the controlling cycle, so one tends to check the other; handled kindly, that tension can become useful structure.
compat-animal-same = { $a } and { $b } share the same sign, so each may recognize the other's habits at once, the easy ones and the trying ones alike.
compat-animal-friends = { $a } and { $b } are traditional allies, a pairing that often finds cooperation comfortable.
compat-animal-clash = { $a } and { $b } sit opposite each other on the wheel of the animals, which invites patience and clear words when their rhythms differ.
compat-animal-trine = { $a } and { $b } belong to the same group of three, sharing an outlook that can make common ground easy to find.
compat-animal-neutral = { $a } and { $b } have no special tie in tradition, which leaves the bond free to become whatever the two people make of it.
compat-life-path-same = They share life path { $a }, so they may understand each other's aims quickly and also share the same blind spots.
compat-life-path-triad = Life paths { $a } and { $b } belong to the same family of numbers, a kinship of temperament that tends to make cooperation natural.
compat-life-path-other = Life paths { $a } and { $b } come from different families of numbers, so each may supply what the other lacks, given some patience.
compat-group = The group as a whole scores { $score } out of 100 for harmony ({ $level }).
