### NPS Oracle — English vocabulary: names and labels used by the readings.
### None of these messages take arguments.

## The twelve animals of the cycle

animal-ra = Rat
animal-ox = Ox
animal-ti = Tiger
animal-ru = Rabbit
animal-dr = Dragon
animal-sn = Snake
animal-ho = Horse
animal-go = Goat
animal-mo = Monkey
animal-ro = Rooster
animal-do = Dog
animal-pi = Pig

## The five elements

element-wu = Wood
element-fi = Fire
element-er = Earth
element-mt = Metal
element-wa = Water

## Days of the week

weekday-so = Sunday
weekday-lu = Monday
weekday-ma = Tuesday
weekday-me = Wednesday
weekday-jo = Thursday
weekday-ve = Friday
weekday-sa = Saturday

## Ruling planets of the days

planet-sun = Sun
planet-moon = Moon
planet-mars = Mars
planet-mercury = Mercury
planet-jupiter = Jupiter
planet-venus = Venus
planet-saturn = Saturn

## Phases of the Moon

moon-phase-0 = New Moon
moon-phase-1 = Waxing Crescent
moon-phase-2 = First Quarter
moon-phase-3 = Waxing Gibbous
moon-phase-4 = Full Moon
moon-phase-5 = Waning Gibbous
moon-phase-6 = Last Quarter
moon-phase-7 = Waning Crescent

## Numerology systems

system-pythagorean = Pythagorean
system-chaldean = Chaldean
system-abjad = Abjad

## Polarity

polarity-yang = Yang
polarity-yin = Yin
polarity-neutral = Balanced

## Script of a question

script-latin = Latin
script-persian = Persian
script-mixed = Mixed
script-none = another

## Strength of a pattern

strength-medium = Medium
strength-high = High
strength-very-high = Very high

## Confidence of a reading

confidence-low = Low
confidence-medium = Medium
confidence-high = High
confidence-very-high = Very high

## Levels of harmony in a compatibility reading

harmony-strong = Strong
harmony-good = Good
harmony-mixed = Mixed
harmony-challenging = Challenging

## Kinds of reading

kind-time = Time reading
kind-name = Name reading
kind-question = Question reading
kind-daily = Daily reading
kind-full = Full reading
kind-compatibility = Compatibility reading

## Section titles

section-headline = At a glance
section-address = Your universal address
section-core = Core identity
section-now = Right now
section-patterns = Patterns
section-message = The message
section-advice = Advice
section-caution = A gentle caution
section-letters = Your letters
section-question = Your question
section-day = The day
section-pairs = Pair by pair
section-group = The group as a whole

## Bands of the day

time-band-night = Night
time-band-dawn = Dawn
time-band-morning = Morning
time-band-noon = Midday
time-band-afternoon = Afternoon
time-band-evening = Evening
section-footer = About this reading
