### Persian frames of NPS Oracle: one sentence each, with arguments.
### این قالب‌ها هرگز «امروز» یا «اکنون» نمی‌گویند: خوانش ممکن است برای هر تاریخی باشد.

## Shared frames: the moment
reading-address = نشانی جهانی این لحظه { $stamp } است، با کد وارسی { $chk }.
reading-address-cycles = در مبنای ۶۰، روز به شکل { $j60 } و سال به شکل { $y60 } نوشته می‌شود.
reading-weekday = { $weekday } روزِ { $planet } است. { $trait }
reading-moon = هنگامِ { $phase } است؛ { $age } روز از چرخهٔ ماه گذشته و { $illumination } قرص آن روشن است. { $trait }
reading-year-pillar = عنصر سال { $element } است و جانور آن { $animal }. { $trait }
reading-day-pillar = عنصر این روز { $element } است و جانور آن { $animal }.
reading-hour-pillar = این ساعت از آنِ { $animal } است ({ $band }). { $trait }
reading-confidence = اطمینان این خوانش { $score } از ۱۰۰ ({ $level }) است.

## Shared frames: patterns
pattern-number-repetition = عدد { $number } در میان عددهای اصلی شما { $count } بار آمده است (شدت الگو: { $strength })؛ نشانی پررنگ از { $essence }.
pattern-master-number = عدد مسیر زندگی شما، { $number }، یک عدد استاد است و ویژگی‌های عدد پایه‌اش را پررنگ‌تر می‌کند.
pattern-animal-repetition = { $animal } در این لحظه { $count } بار تکرار شده است (شدت الگو: { $strength })، پس ویژگی‌اش به همهٔ مهر FC60 رنگ می‌دهد.
pattern-none = این بار هیچ عدد یا جانوری تکرار نشده و هر بخش خوانش به زبان خودش سخن می‌گوید.

## Shared frames: core numbers and the present
core-life-path = عدد مسیر زندگی شما { $number } است: { $essence }. { $meaning }
core-expression = عدد بیان شما { $number } است: { $essence }. { $meaning }
core-soul-urge = عدد خواستهٔ دل شما { $number } است: { $essence }. { $meaning }
core-personality = عدد شخصیت شما { $number } است: { $essence }. { $meaning }
core-life-path-brief = عدد مسیر زندگی شما { $number } است، یعنی { $essence }، و نام شما عدد بیان { $expression }، خواستهٔ دل { $soul } و شخصیت { $personality } را به دست می‌دهد. { $meaning }
now-personal-year = شما در سال شخصی { $number } هستید، سالِ { $keyword }.
now-personal-year-month = شما در سال شخصی { $number } هستید، سالِ { $keyword }، و در ماه شخصی { $month }.
now-sky = { $weekday } روزِ { $planet } است و ماه در منزلِ { $phase }؛ { $age } روزه و { $illumination } روشن.
now-day-pillar = عنصر این روز { $element } است و جانورش { $animal }؛ شما در سالِ { $birth_animal } و عنصر { $birth_element } به دنیا آمده‌اید.
now-hour = این ساعت از آنِ { $animal } است با عنصر { $element } ({ $band }).

## Shared frames: message, advice and caution
message-closing = عدد { $number } در کنار { $animal } و عنصر { $element } شما را دعوت می‌کند گام بعدی‌تان را با آگاهی، صبر و مهربانی بردارید.
message-closing-plain = عدد { $number } در کنار عنصر { $element } شما را دعوت می‌کند گام بعدی‌تان را با آگاهی و صبر بردارید.
advice-line = برای عدد { $number }: { $advice }
caution-line = نکته‌ای برای عدد { $number }: { $caution }

## Time reading
time-headline = این لحظه از روز { $weekday } با نشانی { $stamp } ثبت شده است.
time-moment-number = عدد این لحظه { $number } است، عددی که از { $essence } سخن می‌گوید.

## Name reading
name-headline = نام { $name } از نگاه روش { $system }
name-letters = از این نام { $count } حرف شمرده شد و مجموع ارزش آن‌ها { $total } است.
name-dominant-element = عنصری که در حروف نام شما بیش از همه دیده می‌شود { $element } است. { $trait }
name-uncounted-letters = این حروف در روش { $system } ارزشی ندارند و شمرده نشدند: { $letters }.

## Question reading
question-headline = عدد پرسش شما: { $number }
question-script = پرسش شما به خط { $script } نوشته شده و عددش به روش { $system } به دست آمده است.
question-number = عدد { $number } از { $essence } خبر می‌دهد.
question-master = عدد پرسش شما، { $number }، یک عدد استاد است؛ شاید این پرسش سزاوار صبر و درنگ بیشتری باشد.
question-moment = این پرسش در لحظه‌ای با نشانی { $stamp } مطرح شد.
# نخستین سطر خلاصهٔ خوانش پرسش: پاسخ در چارچوب عددش.
question-frame-theme = عدد پرسش شما، { $number }
question-frame = پرسش‌تان را در پرتو عدد { $number } بخوانید، عددِ { $essence }. پیشنهادش برای اکنون: { $advice }
question-frame-open = پیش از انتخاب، کمی بیشتر با پرسش بمانید.

## Daily reading
daily-headline = خوانش روزانه برای { $weekday }، { $date }
daily-lucky-numbers = عددهای هم‌ساز با این روز: { $numbers }
daily-lucky-hours = ساعت‌های هم‌ساز با این روز: { $hours }
daily-focus = عدد این روز { $number } است؛ روزی برای پرداختن به { $focus }.
daily-activity = شاید این روز زمان خوبی باشد برای { $activity }.
daily-insight = این { $weekday }، با { $phase } در آسمان و { $animal } در روز، فرصتی است برای پرداختن به { $focus }.

## Full reading
full-headline = خوانش کامل { $name } برای { $date }، با مسیر زندگی { $number }
full-age = تا این روز { $days } روز زیسته‌اید (سن: { $years } سال).
full-heartbeat = قلب شما با آهنگ حدود { $bpm } ضربه در دقیقه تا این روز نزدیک به { $beats } بار تپیده است و این ریتم با عنصر { $element } هم‌نواست.
full-location = موقعیت شما به عنصر { $element } گرایش دارد؛ عرض جغرافیایی‌اش { $lat_polarity } است و طولش { $lon_polarity }.
full-mother = عدد نام مادرتان، { $number }، همچون زمینه‌ای آرام در پس این خوانش حضور دارد.
full-polarity = قطبیت کلی: { $label }.

## Compatibility reading
compat-headline = خوانش سازگاری برای { $count } نفر
compat-pair = هماهنگی { $a } و { $b } با یکدیگر { $score } از ۱۰۰ است.
compat-element-same = وقتی { $a } کنار { $b } قرار می‌گیرد، دو طرف از یک جنس‌اند؛ فهمیدن یکدیگر آسان است، هرچند شاید گاهی کمی تنوع لازم باشد.
compat-element-generating = { $a } و { $b } در چرخهٔ زایش کنار هم‌اند و { $a } { $b } را می‌پروراند؛ پشتیبانی در این پیوند به‌آسانی جاری است.
compat-element-controlling = { $a } و { $b } در چرخهٔ مهار به هم می‌رسند و { $a } { $b } را مهار می‌کند؛ این کشاکش اگر با آگاهی همراه شود، به نظم و رشدی دوسویه می‌انجامد.
compat-animal-same = پیوند { $a } با { $b } پیوند دو هم‌نشانه است که یکدیگر را خوب می‌شناسند، هم در توانایی‌ها و هم در کاستی‌ها.
compat-animal-friends = در سنت چینی، { $a } و { $b } یاران طبیعی یکدیگر به شمار می‌آیند و اعتماد و پشتیبانی میانشان آسان شکل می‌گیرد.
compat-animal-clash = در سنت چینی، { $a } و { $b } روبه‌روی هم قرار دارند؛ این تفاوت شاید اصطکاک بیاورد، اما با شکیبایی فرصتی است برای آموختن از نگاهی کاملاً دیگر.
compat-animal-trine = در سنت چینی، { $a } و { $b } به یک گروه سه‌گانه تعلق دارند و هدف‌ها و آهنگشان اغلب به‌طور طبیعی هم‌سوست.
compat-animal-neutral = رابطهٔ { $a } و { $b } در سنت چینی خنثی است؛ نه کشش خاصی دارد و نه تنشی، و رنگش بیشتر به انتخاب‌های خود آن دو بستگی دارد.
compat-life-path-same = هر دو مسیر زندگی { $a } دارند، پس شاید هدف‌های یکدیگر را زود بفهمند و در همان حال نقطه‌های کور مشترکی هم داشته باشند.
compat-life-path-triad = مسیرهای زندگی { $a } و { $b } از یک خانوادهٔ عددی‌اند؛ خویشاوندیِ منشی که معمولاً همکاری را طبیعی می‌کند.
compat-life-path-other = مسیرهای زندگی { $a } و { $b } از دو خانوادهٔ عددی متفاوت‌اند، پس هر یک شاید با کمی صبر کمبود دیگری را جبران کند.
compat-group = امتیاز هماهنگی کل گروه { $score } از ۱۰۰ ({ $level }) است.
