### NPS Oracle — English calendar words: month names and the shapes of a written date.
### Used by the date functions of crates/i18n (Locale::date).

## A long date. $day and $year arrive in the locale's digits, $month is a month name.

date-long = { $day } { $month } { $year }
# The local calendar's date with the Gregorian one alongside ($local, $gregorian are
# long dates). English readers see Gregorian dates only, so this is rarely shown.
date-with-gregorian = { $local } ({ $gregorian })

## Gregorian months

month-gregorian-1 = January
month-gregorian-2 = February
month-gregorian-3 = March
month-gregorian-4 = April
month-gregorian-5 = May
month-gregorian-6 = June
month-gregorian-7 = July
month-gregorian-8 = August
month-gregorian-9 = September
month-gregorian-10 = October
month-gregorian-11 = November
month-gregorian-12 = December

## Solar Hijri months (for a Solar Hijri date field in English)

month-solar-hijri-1 = Farvardin
month-solar-hijri-2 = Ordibehesht
month-solar-hijri-3 = Khordad
month-solar-hijri-4 = Tir
month-solar-hijri-5 = Mordad
month-solar-hijri-6 = Shahrivar
month-solar-hijri-7 = Mehr
month-solar-hijri-8 = Aban
month-solar-hijri-9 = Azar
month-solar-hijri-10 = Dey
month-solar-hijri-11 = Bahman
month-solar-hijri-12 = Esfand
