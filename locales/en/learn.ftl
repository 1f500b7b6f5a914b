### NPS Oracle — the Learn page: what the numbers, animals, elements, planets and moon
### phases mean, how every figure is computed, and how an FC60 stamp is built.
### No message takes arguments. Ids: learn-<family>-<key>-<part>, where part is `title`,
### `line` (one line, for a tooltip beside a figure), `body` (a paragraph) or `example`
### (a worked example). A title or line that another message already says refers to it.
### The worked examples use one person (ALICE, born 15 July 1990), one date (9 February
### 2026) and one stamp (Friday 27 November 2026, 09:30:00); a test checks their figures.

learn-title = Learn
learn-intro = Every figure in a reading comes from simple arithmetic on a name, a date or a moment. This page shows how each one is computed, so you can check it with a pencil, and what the tradition behind it associates with it. Read the meanings as prompts for reflection, not as predictions: they offer a way of looking at things, not a forecast.

## Sections of the page

learn-section-number-title = The numbers
learn-section-number-intro = Numerology reduces every sum to one of the nine digits, or to one of the three master numbers 11, 22 and 33. Each number carries a theme, and the same theme colors a life path, a name or a day.
learn-section-core-title = Your numbers
learn-section-core-intro = Each of these numbers is a sum of digits or of letter values, reduced. Each explanation ends with a small worked example.
learn-section-stamp-title = The FC60 stamp
learn-section-stamp-intro = FC60 writes a moment in base 60, with sixty two-part tokens, each an animal and an element. The stamp is the moment's address: anyone who computes it for the same date and time gets the same stamp.
learn-section-animal-title = The twelve animals
learn-section-animal-intro = The animals of the Chinese cycle count in twelves: months, hours, years, and the first half of every token. In order: { animal-ra }, { animal-ox }, { animal-ti }, { animal-ru }, { animal-dr }, { animal-sn }, { animal-ho }, { animal-go }, { animal-mo }, { animal-ro }, { animal-do } and { animal-pi }.
learn-section-element-title = The five elements
learn-section-element-intro = In Chinese thought, { element-wu }, { element-fi }, { element-er }, { element-mt } and { element-wa } are less substances than five phases of one cycle. They give every token its second half and color years, days, a heartbeat and a place. Two cycles link them: in the generating cycle each feeds the next ({ element-wu }, { element-fi }, { element-er }, { element-mt }, { element-wa }, and back to { element-wu }); in the controlling cycle each restrains another ({ element-wu }, { element-er }, { element-wa }, { element-fi }, { element-mt }, and back to { element-wu }).
learn-section-weekday-title = The days and their planets
learn-section-weekday-intro = Each day of the week is named after one of the seven moving lights the ancient world saw in the sky: the Sun, the Moon and five planets. A stamp begins with the weekday's two-letter token.
learn-section-moon-phase-title = The Moon's phases
learn-section-moon-phase-intro = The Moon goes from new to full and back in about 29.53 days. The app counts the days since a known new moon (6 January 2000), keeps the remainder after whole cycles as the Moon's age, and names one of eight phases by that age. The age is taken for the whole day, so the phase does not change during a day.
learn-section-system-title = Numerology systems
learn-section-system-intro = A system is a table that gives each letter a number. The app knows three, and every name and question reading says which one it used.
learn-section-figure-title = Other figures in a reading
learn-section-figure-intro = A few more figures appear in readings: polarity, confidence, the pillars of the sixty-step cycle, the hour animal, patterns, the heartbeat and the place.

## The numbers: N is 0, 1 to 9, 11, 22 and 33. The line is the number's essence (meanings.ftl).

learn-number-0-title = Zero
learn-number-0-line = { number-0 }
learn-number-0-body = A figure is 0 when nothing was counted: no letter of the name has a value in the chosen system (a Latin name under Abjad, say), or the name has no vowels or no consonants. Zero is not a bad omen; it only says that this figure had nothing to work with. Try the system that suits the name's script.

learn-number-1-title = The number 1
learn-number-1-line = { number-1 }
learn-number-1-body = One is the unit every whole number is built from, and multiplying by it changes nothing: it stands on its own. Numerology reads it as the first step and the person who takes it. At its best that means initiative and independence; at its worst, going it alone.

learn-number-2-title = The number 2
learn-number-2-line = { number-2 }
learn-number-2-body = Two is the first even number and the smallest pair: it splits into two equal halves. Its theme is partnership, with listening, tact and the patience to let two sides meet. Its shadow is giving up your own view to keep the peace.

learn-number-3-title = The number 3
learn-number-3-line = { number-3 }
learn-number-3-body = Three is the first odd prime, and three points are the fewest that enclose a shape. Numerology gives it expression: speaking, playing, making things and sharing them. It can scatter when too many ideas start at once.

learn-number-4-title = The number 4
learn-number-4-line = { number-4 }
learn-number-4-body = Four is two times two, the first square after 1, and a square has four equal sides and four right angles. Its theme is structure: method, steady work and promises kept. Too much of it can stiffen into routine.

learn-number-5-title = The number 5
learn-number-5-line = { number-5 }
learn-number-5-body = Five stands in the middle of the digits 1 to 9, with four on each side, free to move either way. Its theme is change: curiosity, travel and new experience. It asks for a freedom that can live beside commitment.

learn-number-6-title = The number 6
learn-number-6-line = { number-6 }
learn-number-6-body = Six is the first perfect number: its divisors 1, 2 and 3 add up to 6, and they also multiply to 6. Its theme is care: home, responsibility and harmony among people. Its shadow is carrying other people's loads as if they were yours.

learn-number-7-title = The number 7
learn-number-7-line = { number-7 }
learn-number-7-body = Seven is the smallest number that divides none of 10, 12 and 60, the bases of our counting and our clocks, and one seventh written as a decimal repeats six digits forever (0.142857…). Numerology makes it the number of study and reflection, of questions that deserve time alone. It may withdraw too far from others.

learn-number-8-title = The number 8
learn-number-8-line = { number-8 }
learn-number-8-body = Eight is two times two times two, the first cube after 1. Numerology gives it power in the practical sense: handling effort, money and people. Its long lesson is fairness, and knowing when enough is enough.

learn-number-9-title = The number 9
learn-number-9-line = { number-9 }
learn-number-9-body = Nine is the largest digit, and the whole method rests on one of its properties: a number and the sum of its digits leave the same remainder when divided by 9. That is why sums are reduced by adding digits. Numerology reads 9 as completion and a wide circle of care; it invites finishing and letting go.

learn-number-11-title = The master number 11
learn-number-11-line = { number-11 }
learn-number-11-body = Eleven would reduce to 2 (1 + 1), but the reduction stops here: 11, 22 and 33 are the master numbers, read as a stronger and more demanding form of 2, 4 and 6. For 11, that is partnership raised to intuition and inspiration. Among the patterns of a reading, a master number is named when it is the life path.

learn-number-22-title = The master number 22
learn-number-22-line = { number-22 }
learn-number-22-body = Twenty-two would reduce to 4 (2 + 2) and is kept as a master number: the builder of 4 working on a scale larger than one life. It asks for large plans, and for the plain daily work that makes them real.

learn-number-33-title = The master number 33
learn-number-33-line = { number-33 }
learn-number-33-body = Thirty-three would reduce to 6 (3 + 3) and is kept as a master number: the care of 6 deepened into teaching by example. It asks for a generosity that includes yourself.

## Your numbers: what each is and how it is computed

learn-core-reduction-title = Reducing a number
learn-core-reduction-line = Add the digits and repeat until one digit is left, or 11, 22 or 33.
learn-core-reduction-body = Almost every figure in numerology is a sum reduced this way. Since adding the digits keeps the remainder after division by 9, the result is simply that remainder, with 9 in place of 0. The exception: when any step reaches 11, 22 or 33, the reduction stops, because these master numbers are read on their own. A sum of 0 stays 0.
learn-core-reduction-example = 1990 gives 1 + 9 + 9 + 0 = 19, then 1 + 9 = 10, then 1 + 0 = 1. But 29 gives 2 + 9 = 11, and 11 is kept.

learn-core-life-path-title = { label-life-path }
learn-core-life-path-line = From your birth date: the long road, and what you tend to grow into.
learn-core-life-path-body = The life path is the number of your birth date. Reduce the day, the month and the digits of the year separately, then add the three results and reduce the sum. It is read as the main theme of a whole life, which is why a full reading gives it the most room.
learn-core-life-path-example = Born on 15 July 1990: the day gives 1 + 5 = 6, the month is 7, and the year gives 1 (see above). 6 + 7 + 1 = 14, and 1 + 4 = 5: life path 5.

learn-core-expression-title = { label-expression }
learn-core-expression-line = From every letter of your name: how your talents tend to show.
learn-core-expression-body = The expression number adds the values of all the letters of the full name in the chosen system and reduces the total. It is read as the way your gifts come out into the world: the tools you tend to reach for.
learn-core-expression-example = ALICE in the Pythagorean system: A 1, L 3, I 9, C 3, E 5. 1 + 3 + 9 + 3 + 5 = 21, and 2 + 1 = 3: expression 3.

learn-core-soul-urge-title = { label-soul-urge }
learn-core-soul-urge-line = From the vowels of your name: what your heart privately wants.
learn-core-soul-urge-body = The soul urge adds only the vowels of the name and reduces the total. In Latin letters the vowels are A, E, I, O and U, and Y, which the app always counts as a vowel; in Abjad they are the long vowels ا, و and ی. Vowels are the open, voiced sounds of a name, and the tradition reads them as its inner voice: wishes you may not say aloud.
learn-core-soul-urge-example = ALICE: the vowels A 1, I 9 and E 5 make 15, and 1 + 5 = 6: soul urge 6.

learn-core-personality-title = { label-personality }
learn-core-personality-line = From the consonants of your name: the first impression you give.
learn-core-personality-body = The personality number adds the consonants, every letter that is not a vowel, and reduces the total. It is read as the outer layer: how others tend to see you before they know you. Before reducing, the vowels and the consonants together make the whole name, so soul urge, personality and expression always fit together.
learn-core-personality-example = ALICE: the consonants L 3 and C 3 make 6: personality 6. Check: the vowels' 15 and the consonants' 6 make the whole name's 21.

learn-core-personal-year-title = { label-personal-year }
learn-core-personal-year-line = Your birthday in the current year: where you stand in a nine-year cycle.
learn-core-personal-year-body = The personal year puts your birth month and day together with the current year: reduce the month, the day and the digits of the current year, then add and reduce. Each new year moves the sum one step on, so the personal year walks through a cycle of nine: a 1 year opens it and a 9 year closes it.
learn-core-personal-year-example = Born on 15 July, in the year 2026: the month is 7, the day gives 6, and 2026 gives 2 + 0 + 2 + 6 = 10, then 1. 7 + 6 + 1 = 14, and 1 + 4 = 5: personal year 5.

learn-core-personal-month-title = { label-personal-month }
learn-core-personal-month-line = Your personal year plus the calendar month: the theme of this month.
learn-core-personal-month-body = The personal month adds the number of the calendar month (1 for January to 12 for December) to your personal year and reduces the sum. It narrows the year's theme down to a few weeks.
learn-core-personal-month-example = Personal year 5, in February: 5 + 2 = 7: personal month 7.

learn-core-personal-day-title = { label-personal-day }
learn-core-personal-day-line = Your personal month plus the day of the month: the theme of a single day.
learn-core-personal-day-body = The personal day adds the day of the month to your personal month and reduces the sum. It is the finest grain of the cycle, and the daily reading takes it as the day's focus when it knows your birth date.
learn-core-personal-day-example = Personal month 7, on 9 February: 7 + 9 = 16, and 1 + 6 = 7: personal day 7.

learn-core-universal-title = Universal numbers
learn-core-universal-line = The numbers of a date itself, the same for everyone.
learn-core-universal-body = The universal year reduces the digits of the year; the universal month adds the month to it and reduces; the universal day adds the day of the month and reduces again. They are the calendar's own numbers, shared by everyone on that date, and the readings of a moment or a day start from them.
learn-core-universal-example = 9 February 2026: the year gives 1, the month adds 2 to make 3, and the day adds 9 to make 12, so 1 + 2 = 3: universal day 3.

learn-core-moment-title = { ui-label-moment-number }
learn-core-moment-line = The universal day plus the hour and the minute, reduced.
learn-core-moment-body = A time reading gives the moment a number of its own: the universal day of the date, plus the hour (0 to 23) and the minute, reduced. For a date without a time of day it is the universal day.
learn-core-moment-example = 9 February 2026 at 14:30: universal day 3, plus 14, plus 30, is 47, and 4 + 7 = 11, a master number, which is kept.

learn-core-focus-title = { ui-label-focus-number }
learn-core-focus-line = The daily reading's number: your personal day, or else the universal day.
learn-core-focus-body = The daily reading chooses one number to focus the day on: your personal day when it knows your birth date, otherwise the date's universal day. The suggested activities follow from it.
learn-core-focus-example = Born on 15 July, on 9 February 2026: the personal day is 7, so the focus is 7: { number-7 }. Without a birth date it would be the universal day, 3.

learn-core-mother-title = { label-mother-influence }
learn-core-mother-line = The expression number of your mother's name, read as a background influence.
learn-core-mother-body = When you give your mother's name, the full reading computes its expression number exactly as for your own name and mentions it as a quiet influence in the background. It also raises the reading's confidence, because the reading has more to work with.
learn-core-mother-example = A mother named ALICE would bring an influence of 3, the expression number of that name.

learn-core-question-title = { ui-label-question-number }
learn-core-question-line = The letters of your question, added up and reduced.
learn-core-question-body = A question reading adds the values of all the letters of the question and reduces the sum. With the automatic setting, a question with Persian or Arabic letters is counted in Abjad and any other in the Pythagorean system. The number does not answer the question; it offers a theme to think it over with.
learn-core-question-example = "Why now?" in the Pythagorean system: W 5, H 8, Y 7, N 5, O 6, W 5 make 36, and 3 + 6 = 9.

## The FC60 stamp, with one example: Friday 27 November 2026, 09:30:00 (Tehran, +03:30)

learn-stamp-overview-title = What a stamp is
learn-stamp-overview-line = A moment written in base 60, with tokens made of an animal and an element.
learn-stamp-overview-body = A stamp has a date part and a time part: weekday, month and day of the month, then a sign for the half of the day, the hour, the minute and the second. Each part is a token, and the tokens are joined by hyphens. The stamp is computed from the local date and time alone, so the same clock reading always gives the same stamp.

learn-stamp-tokens-title = The sixty tokens
learn-stamp-tokens-line = An animal for each five and an element for the rest: sixty tokens for 0 to 59.
learn-stamp-tokens-body = A token writes a number from 0 to 59 in two halves. The animal is the number divided by 5, from { animal-ra } for 0 to { animal-pi } for 11; the element is the remainder: { element-wu } 0, { element-fi } 1, { element-er } 2, { element-mt } 3, { element-wa } 4. So 0 is RAWU and 59 is PIWA. Larger numbers are written in base 60, one token per digit, like the hours, minutes and seconds of a clock.
learn-stamp-tokens-example = 27 = 5 × 5 + 2: animal 5 is the Snake (SN) and element 2 is Earth (ER), so 27 is SNER.

learn-stamp-weekday-title = { label-weekday }
learn-stamp-weekday-line = The first token: the day of the week, by the Latin name of its planet.
learn-stamp-weekday-body = A stamp opens with the weekday as two letters from the Latin names of the planets: SO Sunday (Sol, the Sun), LU Monday (Luna, the Moon), MA Tuesday (Mars), ME Wednesday (Mercury), JO Thursday (Jupiter), VE Friday (Venus), SA Saturday (Saturn). In the example, VE is Friday.

learn-stamp-month-title = Month
learn-stamp-month-line = The second token: the month as an animal, from January (Rat) to December (Pig).
learn-stamp-month-body = The month is one of the twelve animals, in order: January is RA, February OX, March TI, and so on to December, PI. In the example, DO, the Dog, is the eleventh animal: November.

learn-stamp-day-title = Day of the month
learn-stamp-day-line = The third token: the day of the month as one of the sixty tokens.
learn-stamp-day-body = The day of the month is a whole token, animal and element. In the example, SNER is the Snake (5) and Earth (2): 5 × 5 + 2 = 27, the 27th.

learn-stamp-half-title = Half of the day
learn-stamp-half-line = ☀ before noon, 🌙 from noon on.
learn-stamp-half-body = The time part begins with a sun, ☀, for the hours 00 to 11 and a moon, 🌙, for the hours 12 to 23. The hour token that follows counts within that half, so the sign tells three in the morning from three in the afternoon. In the example, ☀ says: before noon.

learn-stamp-hour-title = Hour
learn-stamp-hour-line = The hour within its half of the day, as an animal: Rat for 00 and 12, up to Pig for 11 and 23.
learn-stamp-hour-body = The hour is one of the twelve animals, counted from the Rat at midnight and again at noon: RA is 00 or 12, OX is 01 or 13, and so on up to PI, 11 or 23. In the example, ☀RO is the Rooster, animal 9, before noon: nine in the morning. This is not the traditional animal of the hour; see "Hour animal and hour of the day" below.

learn-stamp-minute-title = Minute
learn-stamp-minute-line = The minute, 0 to 59, as a token.
learn-stamp-minute-body = The minute is a token. In the example, HOWU is the Horse (6) and Wood (0): 6 × 5 + 0 = 30, so the minute is 30.

learn-stamp-second-title = Second
learn-stamp-second-line = The second, 0 to 59, as a token.
learn-stamp-second-body = The second is a token as well. In the example, RAWU is 0: the stamp marks 09:30:00 exactly.

learn-stamp-tz60-title = { label-tz60 }
learn-stamp-tz60-line = The offset from UTC as a sign and two tokens, hours and minutes, or Z for UTC itself.
learn-stamp-tz60-body = The stamp follows the local clock, and the time zone says how that clock stands against Coordinated Universal Time (UTC): a sign and two tokens, for the hours and the minutes, or Z when the offset is zero. Tehran, at +03:30, is +RAMT-HOWU: RAMT is 3 and HOWU is 30.

learn-stamp-y60-title = { label-y60 }
learn-stamp-y60-line = The year in base 60.
learn-stamp-y60-body = The stamp itself has no year; it is shown beside it, written in base 60 with the most significant token first. 2026 = 33 × 60 + 46; 33 is HOMT (Horse 6, Metal 3) and 46 is ROFI (Rooster 9, Fire 1), so 2026 is HOMT-ROFI.

learn-stamp-j60-title = { label-j60 }
learn-stamp-j60-line = A running count of days that astronomers use, in base 60.
learn-stamp-j60-body = The Julian day number counts days one after another, with no months or years, from a starting point far in the past (1 January 4713 BC in the Julian calendar), so any two dates can be subtracted directly. The Moon's age and the day's pillar are computed from it. 27 November 2026 is day 2461372 = 11 × 60³ + 23 × 60² + 42 × 60 + 52, written TIFI-DRMT-MOER-DOER.

learn-stamp-chk-title = { label-chk }
learn-stamp-chk-line = One token that checks the others: a weighted sum of the date, the time and the Julian day, modulo 60.
learn-stamp-chk-body = The checksum catches a mistyped stamp. Add the year modulo 60, twice the month, three times the day, four times the hour, five times the minute, six times the second and seven times the Julian day modulo 60; divide by 60 and write the remainder as a token. Because every part has its own weight, most typing errors and swapped parts change the result. A date without a time leaves out the hour, the minute and the second.
learn-stamp-chk-example = 27 November 2026, 09:30:00: 46 + 2 × 11 + 3 × 27 + 4 × 9 + 5 × 30 + 6 × 0 + 7 × 52 = 699, and 699 = 11 × 60 + 39. Token 39 is the Goat (7) and Water (4): GOWA.

learn-stamp-example-title = A stamp read aloud
learn-stamp-example-line = VE-DO-SNER ☀RO-HOWU-RAWU is Friday 27 November, 09:30:00.
learn-stamp-example-body = Read VE-DO-SNER ☀RO-HOWU-RAWU from left to right. VE: Friday, the day of Venus. DO: the Dog, the eleventh animal, so November. SNER: Snake 5 and Earth 2, 5 × 5 + 2 = 27. ☀: before noon. RO: the Rooster, animal 9, so nine o'clock. HOWU: Horse 6 and Wood 0, 30 minutes. RAWU: 0 seconds. Together: Friday 27 November, 09:30:00. Beside the stamp stand the year, HOMT-ROFI (2026), and the checksum, GOWA.

## The twelve animals (the token in lower case). Each body starts with the animal's trait (meanings.ftl).

learn-animal-ra-title = { animal-ra }
learn-animal-ra-line = The first of the twelve animals: quick wits and a nose for openings.
learn-animal-ra-body = { animal-ra-trait } The Rat is animal 0 (RA): January, the hours 00 and 12 of a stamp, and the tokens 0 to 4. Its years include 2008 and 2020, and its traditional double hour runs from 23:00 to 00:59. Its secret friend is the Ox, its opposite the Horse, and it shares a trine with the Dragon and the Monkey.

learn-animal-ox-title = { animal-ox }
learn-animal-ox-line = The second animal: steady strength and slow, sure progress.
learn-animal-ox-body = { animal-ox-trait } The Ox is animal 1 (OX): February, the hours 01 and 13 of a stamp, and the tokens 5 to 9. Its years include 2009 and 2021, and its double hour runs from 01:00 to 02:59. Its secret friend is the Rat, its opposite the Goat, and it shares a trine with the Snake and the Rooster.

learn-animal-ti-title = { animal-ti }
learn-animal-ti-line = The third animal: courage and the urge to leap.
learn-animal-ti-body = { animal-ti-trait } The Tiger is animal 2 (TI): March, the hours 02 and 14 of a stamp, and the tokens 10 to 14. Its years include 2010 and 2022, and its double hour runs from 03:00 to 04:59. Its secret friend is the Pig, its opposite the Monkey, and it shares a trine with the Horse and the Dog.

learn-animal-ru-title = { animal-ru }
learn-animal-ru-line = The fourth animal: gentleness, tact and a feel for peace.
learn-animal-ru-body = { animal-ru-trait } The Rabbit is animal 3 (RU): April, the hours 03 and 15 of a stamp, and the tokens 15 to 19. Its years include 2011 and 2023, and its double hour runs from 05:00 to 06:59. Its secret friend is the Dog, its opposite the Rooster, and it shares a trine with the Goat and the Pig.

learn-animal-dr-title = { animal-dr }
learn-animal-dr-line = The fifth animal: vitality, ambition and a large vision.
learn-animal-dr-body = { animal-dr-trait } The Dragon is animal 4 (DR): May, the hours 04 and 16 of a stamp, and the tokens 20 to 24. Its years include 2012 and 2024, and its double hour runs from 07:00 to 08:59. Its secret friend is the Rooster, its opposite the Dog, and it shares a trine with the Rat and the Monkey.

learn-animal-sn-title = { animal-sn }
learn-animal-sn-line = The sixth animal: discretion and a view beneath the surface.
learn-animal-sn-body = { animal-sn-trait } The Snake is animal 5 (SN): June, the hours 05 and 17 of a stamp, and the tokens 25 to 29. Its years include 2013 and 2025, and its double hour runs from 09:00 to 10:59. Its secret friend is the Monkey, its opposite the Pig, and it shares a trine with the Ox and the Rooster.

learn-animal-ho-title = { animal-ho }
learn-animal-ho-line = The seventh animal: freedom, enthusiasm and forward motion.
learn-animal-ho-body = { animal-ho-trait } The Horse is animal 6 (HO): July, the hours 06 and 18 of a stamp, and the tokens 30 to 34. Its years include 2014 and 2026, and its double hour runs from 11:00 to 12:59. Its secret friend is the Goat, its opposite the Rat, and it shares a trine with the Tiger and the Dog.

learn-animal-go-title = { animal-go }
learn-animal-go-line = The eighth animal: artistry, kindness and calm surroundings.
learn-animal-go-body = { animal-go-trait } The Goat is animal 7 (GO): August, the hours 07 and 19 of a stamp, and the tokens 35 to 39. Its years include 2015 and 2027, and its double hour runs from 13:00 to 14:59. Its secret friend is the Horse, its opposite the Ox, and it shares a trine with the Rabbit and the Pig.

learn-animal-mo-title = { animal-mo }
learn-animal-mo-line = The ninth animal: ingenuity, play and quick solutions.
learn-animal-mo-body = { animal-mo-trait } The Monkey is animal 8 (MO): September, the hours 08 and 20 of a stamp, and the tokens 40 to 44. Its years include 2016 and 2028, and its double hour runs from 15:00 to 16:59. Its secret friend is the Snake, its opposite the Tiger, and it shares a trine with the Rat and the Dragon.

learn-animal-ro-title = { animal-ro }
learn-animal-ro-line = The tenth animal: diligence, candor and precision.
learn-animal-ro-body = { animal-ro-trait } The Rooster is animal 9 (RO): October, the hours 09 and 21 of a stamp, and the tokens 45 to 49. Its years include 2017 and 2029, and its double hour runs from 17:00 to 18:59. Its secret friend is the Dragon, its opposite the Rabbit, and it shares a trine with the Ox and the Snake.

learn-animal-do-title = { animal-do }
learn-animal-do-line = The eleventh animal: loyalty and a sense of fairness.
learn-animal-do-body = { animal-do-trait } The Dog is animal 10 (DO): November, the hours 10 and 22 of a stamp, and the tokens 50 to 54. Its years include 2018 and 2030, and its double hour runs from 19:00 to 20:59. Its secret friend is the Rabbit, its opposite the Dragon, and it shares a trine with the Tiger and the Horse.

learn-animal-pi-title = { animal-pi }
learn-animal-pi-line = The twelfth and last animal: generosity, warmth and simple pleasures.
learn-animal-pi-body = { animal-pi-trait } The Pig is animal 11 (PI): December, the hours 11 and 23 of a stamp, and the tokens 55 to 59. Its years include 2019 and 2031, and its double hour runs from 21:00 to 22:59. Its secret friend is the Tiger, its opposite the Snake, and it shares a trine with the Rabbit and the Goat.

## The five elements (the token in lower case). Each body starts with the element's trait.

learn-element-wu-title = { element-wu }
learn-element-wu-line = Growth and flexibility; Wood feeds Fire and restrains Earth.
learn-element-wu-body = { element-wu-trait } Wood is element 0 (WU), the remainder 0 when a token's number is divided by 5. It is fed by Water and held in check by Metal. Years ending in 4 or 5 are Wood years, such as 2024 and 2025.

learn-element-fi-title = { element-fi }
learn-element-fi-line = Warmth and visibility; Fire feeds Earth and restrains Metal.
learn-element-fi-body = { element-fi-trait } Fire is element 1 (FI), the remainder 1. It is fed by Wood and held in check by Water. Years ending in 6 or 7 are Fire years, such as 2026 and 2027.

learn-element-er-title = { element-er }
learn-element-er-line = Stability and nourishment; Earth feeds Metal and restrains Water.
learn-element-er-body = { element-er-trait } Earth is element 2 (ER), the remainder 2. It is fed by Fire and held in check by Wood. Years ending in 8 or 9 are Earth years, such as 2028 and 2029.

learn-element-mt-title = { element-mt }
learn-element-mt-line = Clarity and firm edges; Metal feeds Water and restrains Wood.
learn-element-mt-body = { element-mt-trait } Metal is element 3 (MT), the remainder 3. It is fed by Earth and held in check by Fire. Years ending in 0 or 1 are Metal years, such as 2030 and 2031.

learn-element-wa-title = { element-wa }
learn-element-wa-line = Depth and adaptability; Water feeds Wood and restrains Fire.
learn-element-wa-body = { element-wa-trait } Water is element 4 (WA), the remainder 4. It is fed by Metal and held in check by Earth. Years ending in 2 or 3 are Water years, such as 2032 and 2033.

## The days and their planets (the weekday token in lower case). Each body starts with the planet's trait.

learn-weekday-so-title = { weekday-so } · { planet-sun }
learn-weekday-so-line = The Sun's day: warmth and visibility.
learn-weekday-so-body = { planet-sun-trait } Its token SO comes from Sol, the Latin Sun, and English keeps the Sun in the day's name.

learn-weekday-lu-title = { weekday-lu } · { planet-moon }
learn-weekday-lu-line = The Moon's day: feelings, home and memory.
learn-weekday-lu-body = { planet-moon-trait } Its token LU comes from Luna, the Latin Moon, and Monday is the Moon's day in English, too.

learn-weekday-ma-title = { weekday-ma } · { planet-mars }
learn-weekday-ma-line = The day of Mars: drive and courage.
learn-weekday-ma-body = { planet-mars-trait } Its token MA comes from Mars; English names the day after Tiw, a Norse god of war matched to Mars.

learn-weekday-me-title = { weekday-me } · { planet-mercury }
learn-weekday-me-line = The day of Mercury: messages and learning.
learn-weekday-me-body = { planet-mercury-trait } Its token ME comes from Mercury; English names the day after Woden, matched to Mercury as a god of travel and speech.

learn-weekday-jo-title = { weekday-jo } · { planet-jupiter }
learn-weekday-jo-line = The day of Jupiter: breadth and generosity.
learn-weekday-jo-body = { planet-jupiter-trait } Its token JO comes from Jovis, the Latin "of Jupiter"; English names the day after Thor, the thunder god matched to Jupiter.

learn-weekday-ve-title = { weekday-ve } · { planet-venus }
learn-weekday-ve-line = The day of Venus: grace, art and friendship.
learn-weekday-ve-body = { planet-venus-trait } Its token VE comes from Venus; English names the day after Frigg, a goddess matched to Venus.

learn-weekday-sa-title = { weekday-sa } · { planet-saturn }
learn-weekday-sa-line = The day of Saturn: structure and discipline.
learn-weekday-sa-body = { planet-saturn-trait } Its token SA comes from Saturn, and English keeps Saturn in the day's name.

## The Moon's phases (0 to 7). Each body starts with what the phase invites.

learn-moon-phase-0-title = { moon-phase-0 }
learn-moon-phase-0-line = Days 0 to 1.85 of the cycle: the Moon is dark, or nearly.
learn-moon-phase-0-body = { moon-phase-0-trait } The Moon stands close to the Sun in the sky and less than 4% of its disc is lit.

learn-moon-phase-1-title = { moon-phase-1 }
learn-moon-phase-1-line = Days 1.85 to 7.38: a thin crescent that grows each evening.
learn-moon-phase-1-body = { moon-phase-1-trait } The lit part grows from about 4% to half of the disc, and the crescent is seen in the west after sunset.

learn-moon-phase-2-title = { moon-phase-2 }
learn-moon-phase-2-line = Days 7.38 to 11.07: half lit and growing.
learn-moon-phase-2-body = { moon-phase-2-trait } The lit part grows from half the disc to about 85%.

learn-moon-phase-3-title = { moon-phase-3 }
learn-moon-phase-3-line = Days 11.07 to 14.77: more than half lit and nearly full.
learn-moon-phase-3-body = { moon-phase-3-trait } The lit part grows from about 85% to the whole disc.

learn-moon-phase-4-title = { moon-phase-4 }
learn-moon-phase-4-line = Days 14.77 to 16.61: the whole disc lit.
learn-moon-phase-4-body = { moon-phase-4-trait } The Moon stands opposite the Sun, rising as the Sun sets; at least 96% of the disc is lit.

learn-moon-phase-5-title = { moon-phase-5 }
learn-moon-phase-5-line = Days 16.61 to 22.14: still bright, beginning to shrink.
learn-moon-phase-5-body = { moon-phase-5-trait } The lit part shrinks from about 96% to half of the disc.

learn-moon-phase-6-title = { moon-phase-6 }
learn-moon-phase-6-line = Days 22.14 to 25.83: half lit and shrinking.
learn-moon-phase-6-body = { moon-phase-6-trait } The lit part shrinks from half the disc to about 15%, and the Moon is seen mostly in the morning sky.

learn-moon-phase-7-title = { moon-phase-7 }
learn-moon-phase-7-line = Days 25.83 to 29.53: a last thin crescent before the next new moon.
learn-moon-phase-7-body = { moon-phase-7-trait } The lit part shrinks from about 15% to almost nothing, seen in the east before sunrise.

## Numerology systems

learn-system-pythagorean-title = { system-pythagorean }
learn-system-pythagorean-line = The Latin alphabet in rows of nine: A to I are 1 to 9, and J starts again at 1.
learn-system-pythagorean-body = The Pythagorean system, named after the Greek mathematician by a much later tradition, writes the 26 letters in rows of nine and gives each letter the number of its column: A, J and S are 1, B, K and T are 2, and so on to I and R, which are 9. It is the usual system for names in the Latin alphabet. Letters outside A to Z, accented ones included, count 0, so write a name without accents if you want every letter counted.
learn-system-pythagorean-example = ALICE: A 1, L 3, I 9, C 3, E 5, together 21, which reduces to 3.

learn-system-chaldean-title = { system-chaldean }
learn-system-chaldean-line = A table that values letters from 1 to 8 by their sound, never 9.
learn-system-chaldean-body = The Chaldean system is named after ancient Babylonia, though the table known today comes from much later writers. It values letters by their sound rather than their place in the alphabet, from 1 to 8; 9 is left out because it was held to be special. It offers a second view of a Latin name, and its numbers often differ from the Pythagorean ones.
learn-system-chaldean-example = ALICE: A 1, L 3, I 1, C 3, E 5, together 13, which reduces to 4.

learn-system-abjad-title = { system-abjad }
learn-system-abjad-line = The old numbering of the Arabic alphabet, used in Persian too: ا is 1, ی 10, ق 100, غ 1000.
learn-system-abjad-body = Abjad is the order in which the letters of the Arabic alphabet once served as numerals, and Persian poets used it for centuries to hide a date in a line of verse. Each letter is worth a number of ones, tens or hundreds, or a thousand; the four Persian letters take the value of the letter they are built on (پ as ب, چ as ج, ژ as ز, گ as ک). The app uses it for names and questions in Persian or Arabic script; a Latin name scores 0 in Abjad.
learn-system-abjad-example = The name علی (Ali): ع 70, ل 30, ی 10, together 110, and 1 + 1 + 0 = 2. Its soul urge is the ی alone: 10, which reduces to 1.

## Other figures in a reading

learn-figure-polarity-title = { label-polarity }
learn-figure-polarity-line = Yang (active, outward), yin (receptive, inward), or { polarity-neutral }.
learn-figure-polarity-body = Yin and yang are the two complementary sides of one whole, like breathing in and breathing out; neither is better than the other. Here the label is simple bookkeeping: male counts as yang (+1), female as yin (−1), and any other answer, or none, as { polarity-neutral } (0). The stems of the sixty-step cycle alternate yang and yin, and a place is yang in the northern and eastern hemispheres and yin in the southern and western ones.

learn-figure-confidence-title = { heading-confidence }
learn-figure-confidence-line = How much a reading had to work with, from 50 to 95 out of 100; not the chance that it is right.
learn-figure-confidence-body = Confidence measures what went into a reading, not whether it is true. Every reading starts at 50 and gains 10 for the numerology, 10 for a mother's name, and 5 each for the Moon, the pillars of the sixty-step cycle, a heartbeat, a place, a master life path and a repeated animal. The total is kept between 50 and 95: 85 or more is very high, 75 or more high, under 65 low, and anything between medium.

learn-figure-ganzhi-title = { heading-ganzhi }
learn-figure-ganzhi-line = The sixty-step Chinese cycle of ten stems and twelve animals, for the year, the day and the hour.
learn-figure-ganzhi-body = The sexagenary cycle (ganzhi) pairs ten heavenly stems, the five elements each once yang and once yin, with the twelve animals. Both advance one step at a time, and since 10 and 12 share the factor 2, only 60 of the 120 possible pairs ever occur: the cycle repeats every 60 steps. A year, a day and a two-hour period each get a pillar, an element with an animal; 2026, for example, is a Fire Horse year. The app changes the year's animal on 1 January, not at the lunar new year.

learn-figure-hour-animal-title = Hour animal and hour of the day
learn-figure-hour-animal-line = The stamp counts single hours from the Rat twice a day; the traditional cycle gives each animal two hours.
learn-figure-hour-animal-body = Two clocks use the same animals. The stamp's hour token counts single hours within each half of the day: the Rat at 00 and at 12, the Ox at 01 and at 13, and so on. The hour pillar that the reading's text speaks of follows the traditional Chinese double hours instead: the Rat from 23:00 to 00:59, the Ox from 01:00 to 02:59, and on around the day. So at 09:30 the stamp shows ☀RO, the Rooster, while the reading speaks of the Snake's hour (09:00 to 10:59). Both are right; they count differently.

learn-figure-patterns-title = { heading-patterns }
learn-figure-patterns-line = Numbers or animals that repeat within one reading.
learn-figure-patterns-body = A pattern is a repetition. Among your life path, expression, soul urge, personality and personal year, a number that appears twice is a pattern of medium strength, and three times or more a high one. Among the animals of a moment (of the month, the day, the hour, the minute and the year), an animal that appears twice is high, and three times or more very high. A master life path always counts as a pattern, a very high one.

learn-figure-heartbeat-title = { heading-heartbeat }
learn-figure-heartbeat-line = Your heart rate (the one you give, or one typical of your age), the beats so far, and their element.
learn-figure-heartbeat-body = The full reading estimates how often your heart has beaten so far: for each year of your life, the rate you give, or a typical resting rate for that age, times the minutes in a year. The rhythm's element is the rate modulo 5 (Wood 0 to Water 4), and its token is the day's beats modulo 60. It is a way to feel how much living a life holds, not a medical figure.

learn-figure-location-title = { heading-location }
learn-figure-location-line = Your latitude chooses an element; north and east count as yang, south and west as yin.
learn-figure-location-body = A place adds three figures. Its element comes from the distance to the equator: up to 15° Fire, up to 30° Earth, up to 45° Metal, up to 60° Water, and beyond that Wood. Its polarity is yang in the northern and eastern hemispheres and yin in the southern and western ones. And since the Earth turns 15° an hour, the longitude divided by 15 gives a rough time zone. Tehran, at 35.7° north and 51.4° east, is Metal, yang and yang, with an estimated offset of 3 hours.
