### Persian frames of NPS Oracle: one sentence each, with arguments.

## Shared frames: the moment
reading-address = نشانی جهانی این لحظه { $stamp } است، با کد وارسی { $chk }.
reading-weekday = امروز { $weekday } است، روزی که { $planet } بر آن حکم می‌راند. { $trait }
reading-moon = اکنون هنگام { $phase } است؛ { $age } روز از چرخهٔ ماه گذشته و { $illumination } درصد قرص آن روشن است. { $trait }
reading-year-pillar = عنصر سال { $element } است و جانور آن { $animal }. { $trait }
reading-day-pillar = عنصر این روز { $element } است و جانور آن { $animal }.
reading-hour-pillar = این ساعت به { $animal } تعلق دارد و در بازهٔ { $band } است. { $trait }
reading-confidence = امتیاز داده‌های این خوانش { $score } از ۱۰۰ است و اطمینان آن در سطح «{ $level }» قرار دارد.

## Shared frames: patterns
pattern-number-repetition = عدد { $number } در میان عددهای اصلی شما { $count } بار آمده است، که الگویی { $strength } را نشان می‌دهد.
pattern-master-number = عدد مسیر زندگی شما، { $number }، یک عدد استاد است و ویژگی‌های عدد پایه‌اش را پررنگ‌تر می‌کند.
pattern-animal-repetition = نشانهٔ { $animal } در این لحظه { $count } بار تکرار شده است، که الگویی { $strength } را نشان می‌دهد.
pattern-none = این بار الگوی تکراری چشمگیری دیده نمی‌شود و هر بخش خوانش به زبان خودش سخن می‌گوید.

## Shared frames: core numbers and the present
core-life-path = عدد مسیر زندگی شما { $number } است. { $meaning }
core-expression = عدد بیان شما { $number } است. { $meaning }
core-soul-urge = عدد خواستهٔ دل شما { $number } است. { $meaning }
core-personality = عدد شخصیت شما { $number } است. { $meaning }
now-personal-year = شما اکنون در سال شخصی { $number } هستید. { $meaning }
now-personal-month-day = ماه شخصی شما { $month } است و روز شخصی‌تان { $day }.

## Shared frames: message, advice and caution
message-closing = عدد { $number } در کنار نشانهٔ { $animal } و عنصر { $element } شما را دعوت می‌کند گام بعدی‌تان را با آگاهی، صبر و مهربانی بردارید.
advice-line = برای عدد { $number }: { $advice }
caution-line = نکته‌ای برای عدد { $number }: { $caution }

## Time reading
time-headline = این لحظه از روز { $weekday } با نشانی { $stamp } ثبت شده است.
time-moment-number = عدد این لحظه { $number } است، عددی که از { $essence } سخن می‌گوید.

## Name reading
name-headline = نام { $name } از نگاه روش { $system }
name-letters = از این نام { $count } حرف شمرده شد و مجموع ارزش آن‌ها { $total } است.
name-dominant-element = عنصری که در حروف نام شما بیش از همه دیده می‌شود { $element } است. { $trait }
name-no-letters = هیچ‌یک از حروف این نام در روش { $system } ارزشی ندارد، پس این روش اینجا عددی به دست نمی‌دهد.

## Question reading
question-headline = عدد پرسش شما: { $number }
question-script = خط پرسش شما «{ $script }» است و عدد آن به روش { $system } به دست آمد.
question-number = عدد پرسش شما { $number } است و حال‌وهوای { $essence } را با خود دارد.
question-master = عدد پرسش شما، { $number }، یک عدد استاد است؛ شاید این پرسش سزاوار صبر و درنگ بیشتری باشد.
question-moment = این پرسش در لحظه‌ای با نشانی { $stamp } مطرح شد.

## Daily reading
daily-headline = خوانش روزانه برای { $weekday }، { $date }
daily-lucky-numbers = عددهای خوش‌یمن امروز: { $numbers }
daily-lucky-hours = ساعت‌های خوش‌یمن امروز: { $hours }
daily-focus = عدد امروز { $number } است؛ روزی برای تمرکز بر { $focus }.
daily-activity = شاید امروز زمان خوبی باشد برای { $activity }.
daily-insight = این { $weekday }، با { $phase } در آسمان و نشانهٔ { $animal } در روز، فرصتی است برای پرداختن به { $focus }.

## Full reading
full-headline = خوانش کامل { $name }، با عدد اصلی { $number }
full-age = شما { $years } سال دارید؛ یعنی تا امروز { $days } روز زندگی کرده‌اید.
full-heartbeat = قلب شما با آهنگ حدود { $bpm } ضربه در دقیقه تا امروز نزدیک به { $beats } بار تپیده است و این ریتم با عنصر { $element } هم‌نواست.
full-location = جایی که هستید با عنصر { $element } پیوند دارد و قطبیت عرض جغرافیایی آن { $lat_polarity } و قطبیت طول جغرافیایی آن { $lon_polarity } است.
full-mother = عدد نام مادرتان، { $number }، همچون زمینه‌ای آرام در پس این خوانش حضور دارد.
full-polarity = قطبیت انرژی شما در این خوانش { $label } است.

## Compatibility reading
compat-headline = خوانش سازگاری برای { $count } نفر
compat-pair = هماهنگی { $a } و { $b } با یکدیگر { $score } از ۱۰۰ است.
compat-element-same = وقتی { $a } کنار { $b } قرار می‌گیرد، دو طرف از یک جنس‌اند؛ فهمیدن یکدیگر آسان است، هرچند شاید گاهی کمی تنوع لازم باشد.
compat-element-generating = در این پیوند، { $a } به { $b } نیرو می‌دهد، همان‌طور که در چرخهٔ عناصر یکی دیگری را می‌پروراند، و حمایت در آن به‌آسانی جاری است.
compat-element-controlling = در این پیوند، { $a } مهارکنندهٔ { $b } است؛ این می‌تواند تنش بیاورد یا، با آگاهی، به نظم و رشد دوسویه برسد.
compat-animal-same = پیوند { $a } با { $b } پیوند دو هم‌نشانه است که یکدیگر را خوب می‌شناسند، هم در توانایی‌ها و هم در کاستی‌ها.
compat-animal-friends = در سنت چینی، { $a } و { $b } یاران طبیعی یکدیگر به شمار می‌آیند و اعتماد و پشتیبانی میانشان آسان شکل می‌گیرد.
compat-animal-clash = در سنت چینی، { $a } و { $b } روبه‌روی هم قرار دارند؛ این تفاوت شاید اصطکاک بیاورد، اما با شکیبایی فرصتی است برای آموختن از نگاهی کاملاً دیگر.
compat-animal-trine = در سنت چینی، { $a } و { $b } به یک گروه سه‌گانه تعلق دارند و هدف‌ها و آهنگشان اغلب به‌طور طبیعی هم‌سوست.
compat-animal-neutral = رابطهٔ { $a } و { $b } در سنت چینی خنثی است؛ نه کشش خاصی دارد و نه تنشی، و رنگش بیشتر به انتخاب‌های خود شما بستگی دارد.
compat-life-path = عدد مسیر زندگی یکی { $a } است و دیگری { $b }.
compat-group = امتیاز هماهنگی کل گروه { $score } از ۱۰۰ است و در سطح «{ $level }» قرار می‌گیرد.
