### Persian vocabulary of NPS Oracle: names used inside the readings.

## Animals of the Chinese zodiac
animal-ra = موش
animal-ox = گاو
animal-ti = ببر
animal-ru = خرگوش
animal-dr = اژدها
animal-sn = مار
animal-ho = اسب
animal-go = بز
animal-mo = میمون
animal-ro = خروس
animal-do = سگ
animal-pi = خوک

## The five elements
element-wu = چوب
element-fi = آتش
element-er = خاک
element-mt = فلز
element-wa = آب

## Weekdays (Sunday to Saturday)
weekday-so = یکشنبه
weekday-lu = دوشنبه
weekday-ma = سه‌شنبه
weekday-me = چهارشنبه
weekday-jo = پنج‌شنبه
weekday-ve = جمعه
weekday-sa = شنبه

## Ruling planets of the weekdays
planet-sun = خورشید
planet-moon = ماه
planet-mars = مریخ
planet-mercury = عطارد
planet-jupiter = مشتری
planet-venus = زهره
planet-saturn = زحل

## Moon phases
moon-phase-0 = ماه نو
moon-phase-1 = هلال فزاینده
moon-phase-2 = تربیع اول
moon-phase-3 = کوژ فزاینده
moon-phase-4 = ماه کامل
moon-phase-5 = کوژ کاهنده
moon-phase-6 = تربیع آخر
moon-phase-7 = هلال کاهنده

## Numerology systems
system-pythagorean = فیثاغورثی
system-chaldean = کلدانی
system-abjad = ابجد

## Polarity
polarity-yang = یانگ
polarity-yin = یین
polarity-neutral = متعادل

## Script of a question
script-latin = لاتین
script-persian = فارسی
script-mixed = ترکیبی از فارسی و لاتین
script-none = خطی دیگر

## Strength of a pattern
strength-medium = متوسط
strength-high = قوی
strength-very-high = بسیار قوی

## Confidence levels
confidence-low = کم
confidence-medium = متوسط
confidence-high = بالا
confidence-very-high = بسیار بالا

## Harmony levels of a compatibility score
harmony-strong = بسیار هماهنگ
harmony-good = هماهنگ
harmony-mixed = آمیخته
harmony-challenging = چالش‌برانگیز

## Names of the six reading kinds
kind-time = خوانش لحظه
kind-name = خوانش نام
kind-question = خوانش پرسش
kind-daily = خوانش روزانه
kind-full = خوانش کامل
kind-compatibility = خوانش سازگاری

## Section titles
section-headline = در یک نگاه
section-address = نشانی جهانی شما
section-core = هویت بنیادین
section-now = همین حالا
section-patterns = الگوها
section-message = پیام
section-advice = توصیه
section-caution = احتیاط
section-letters = حروف شما
section-question = پرسش شما
section-day = روز
section-pairs = دوبه‌دو
section-group = گروه در مجموع

## Bands of the day
time-band-night = شب
time-band-dawn = سپیده‌دم
time-band-morning = صبح
time-band-noon = ظهر
time-band-afternoon = بعدازظهر
time-band-evening = شامگاه
section-footer = دربارهٔ این خوانش
