## چرا یک ورودی پذیرفته نشد. یک جمله (ممکن است پس از نام یک فیلد بیاید).

error-date-month = تاریخ { $date } نامعتبر است: ماه باید بین ۱ تا ۱۲ باشد
error-date-day = تاریخ { $date } نامعتبر است: این روز در آن ماه وجود ندارد
error-year-range = سال { $year } بیرون از بازهٔ پشتیبانی‌شدهٔ ۱ تا ۹۹۹۹ است
error-hour = ساعت { $hour } بیرون از بازه است (۰ تا ۲۳)
error-minute = دقیقهٔ { $minute } بیرون از بازه است (۰ تا ۵۹)
error-second = ثانیهٔ { $second } بیرون از بازه است (۰ تا ۵۹)
error-offset = اختلاف ساعت { $offset } با UTC بیرون از بازه است (از −۱۲:۰۰ تا +۱۴:۰۰)
error-parse-date = «{ $input }» را نمی‌توان به‌عنوان تاریخ YYYY-MM-DD خواند
error-parse-datetime = «{ $input }» را نمی‌توان به‌عنوان تاریخ و ساعت ISO-8601 خواند؛ نمونه: 2026-02-06T01:15:00+08:00
error-parse-offset-missing = «{ $input }» به اختلاف ساعت با UTC نیاز دارد (Z یا ±HH:MM)
error-parse-time = ساعتِ «{ $input }» خوانا نیست (قالب HH:MM یا HH:MM:SS)
error-parse-offset = اختلاف ساعتِ «{ $input }» با UTC خوانا نیست (قالب Z یا ±HH:MM)
error-token-length = هر نشانه ۴ نویسه دارد؛ «{ $token }» { $length } نویسه دارد
error-unknown-animal = نشانهٔ جانور «{ $token }» شناخته نیست
error-unknown-element = نشانهٔ عنصر «{ $token }» شناخته نیست
error-unknown-weekday = نشانهٔ روز هفته «{ $token }» شناخته نیست
error-token60-range = رقم مبنای ۶۰ باید بین ۰ تا ۵۹ باشد، نه { $value }
error-digit-range = رقم شمارهٔ { $index } در مبنای ۶۰ بیرون از بازه است: { $value } (باید بین ۰ تا ۵۹ باشد)
error-overflow = عدد مبنای ۶۰ بیش از اندازه بزرگ است
error-stamp-parts = «{ $stamp }» مهر FC60 نیست: یک بخش تاریخ و حداکثر یک بخش ساعت لازم است
error-stamp-date-part = «{ $stamp }» مهر FC60 نیست: بخش تاریخ باید به شکل WD-MO-DOM باشد
error-stamp-day-range = «{ $stamp }» مهر FC60 نیست: روز ماه باید بین ۱ تا ۳۱ باشد
error-stamp-marker = «{ $stamp }» مهر FC60 نیست: بخش ساعت باید با ☀ یا 🌙 آغاز شود
error-stamp-time-part = «{ $stamp }» مهر FC60 نیست: بخش ساعت باید به شکل HALFHR-MIN-SEC باشد
error-stamp-weekday = مهر «{ $stamp }» از روز { $claimed } نام می‌برد، اما { $date } روز { $actual } است
error-checksum = کد وارسی مطابقت ندارد: مهر { $found } را نشان می‌دهد، اما بخش‌هایش { $expected } را می‌دهند
error-empty-name = نام خالی است
error-name-no-letters = نام «{ $name }» هیچ حرفی ندارد
error-name-unreadable-pythagorean = هیچ‌یک از حروف «{ $name }» در روش فیثاغورثی شمرده نمی‌شود، چون این روش فقط حروف الفبای لاتین را می‌خواند: نام را با حروف فارسی یا لاتین بنویسید
error-name-unreadable-chaldean = هیچ‌یک از حروف «{ $name }» در روش کلدانی شمرده نمی‌شود، چون این روش فقط حروف الفبای لاتین را می‌خواند: نام را با حروف لاتین بنویسید یا روش خودکار را برگزینید
error-name-unreadable-abjad = هیچ‌یک از حروف «{ $name }» در روش ابجد شمرده نمی‌شود، چون این روش حروف فارسی و عربی را می‌خواند: نام را با حروف فارسی بنویسید یا روش خودکار را برگزینید
error-latitude = عرض جغرافیایی { $value } بیرون از بازه است (−۹۰ تا ۹۰)
error-longitude = طول جغرافیایی { $value } بیرون از بازه است (−۱۸۰ تا ۱۸۰)
error-bpm = ضربان قلب { $bpm } در دقیقه بیرون از بازه است (۲۰ تا ۲۵۰)
error-unknown-system = روش عددشناسی «{ $system }» شناخته نیست (فیثاغورثی pythagorean، کلدانی chaldean، ابجد abjad یا خودکار auto)
error-unknown-gender = جنسیت «{ $gender }» شناخته نیست (male، female یا other)
error-name-too-long = نام { $count } نویسه دارد؛ حداکثر { $max } نویسه پذیرفته می‌شود
error-mother-name-too-long = نام مادر { $count } نویسه دارد؛ حداکثر { $max } نویسه پذیرفته می‌شود
error-question-empty = پرسش خالی است
error-question-too-long = پرسش { $count } نویسه دارد؛ حداکثر { $max } نویسه پذیرفته می‌شود
error-question-no-letters = پرسش هیچ حرفی ندارد
error-people-count = خوانش سازگاری به ۲ تا ۵ نفر نیاز دارد، اما { $count } نفر داده شده است
error-location-pair = عرض و طول جغرافیایی باید با هم داده شوند
error-field = { $field }: { $problem }
error-unknown-locale = زبان «{ $locale }» شناخته نیست (en یا fa)
error-request-id-long = request_id بیش از { $max } نویسه است
error-body-too-large = بدنهٔ درخواست بزرگ‌تر از { $kib } کیلوبایت است

## ورودی‌هایی که انبارهٔ داده نمی‌پذیرد (error-store-…)؛ واژه‌های store-field-… نام یک فیلدند.

error-storage-failed = خوانش ذخیره نشد
error-store-owner-empty = مالکِ خوانش خالی است
error-store-text-filter-long = متن جست‌وجو { $count } نویسه دارد؛ حداکثر { $max } نویسه پذیرفته می‌شود
error-store-username-empty = نام کاربری خالی است
error-store-username-spaces = نام کاربری نباید با فاصله آغاز شود یا پایان یابد
error-store-username-control = نام کاربری نباید نویسهٔ کنترلی داشته باشد
error-store-username-long = نام کاربری بلندتر از { $max } نویسه است
error-store-username-taken = نام کاربری «{ $username }» پیش‌تر گرفته شده است
error-store-token-taken = این توکن تازه‌سازی پیش‌تر ذخیره شده است
error-store-readings-full = تاریخچه پر است ({ $max } خوانش)؛ برای ذخیرهٔ خوانش‌های تازه چند خوانش را پاک کنید
error-store-profiles-full = هم‌اکنون { $max } نفر ذخیره کرده‌اید که بیشترین تعداد ممکن است؛ برای ذخیرهٔ نفر تازه یکی را پاک کنید
error-store-field-empty = { $field } خالی است
store-field-password-hash = هشِ گذرواژه
store-field-role = نقش
store-field-locale = زبان
store-field-token-hash = هشِ توکن
store-field-user-id = شناسهٔ کاربر
store-field-family-id = خانوادهٔ توکن
store-field-event-name = نام رویداد
error-store-date = «{ $date }» تاریخی درست به شکل YYYY-MM-DD نیست
error-store-nul = متن نباید نویسهٔ NUL داشته باشد (PostgreSQL نمی‌تواند آن را نگه دارد)
error-store-date-range = تاریخ بیرون از بازه‌ای است که پایگاه داده می‌تواند نگه دارد
error-store-event-ids = در هر بار حداکثر { $max } شناسهٔ رویداد خوانده می‌شود
error-store-path-required = مسیر یک پروندهٔ پایگاه داده لازم است (پایگاه دادهٔ درون حافظه پشتیبانی نمی‌شود)
error-store-schema-newer = نسخهٔ طرح پایگاه داده ({ $found }) از نسخه‌ای که این برنامه می‌شناسد ({ $supported }) تازه‌تر است؛ برنامه را به‌روز کنید یا پایگاه دادهٔ دیگری به کار ببرید
error-store-schema-negative = نسخهٔ طرح پایگاه داده منفی است ({ $found })
error-store-pool-empty = مخزن اتصال‌ها دست‌کم به یک اتصال نیاز دارد
error-store-pool-settings = تنظیمات مخزن اتصال‌ها درست نیست: { $detail }
error-store-url = نشانی پایگاه داده نشانی درستی برای PostgreSQL نیست: { $detail }
error-store-url-host = نشانی پایگاه داده میزبانی را نام نمی‌برد
error-store-url-tls = sslmode=require پشتیبانی نمی‌شود: این نسخه بدون TLS وصل می‌شود (از شبکه‌ای خصوصی یا سوکت یونیکس استفاده کنید)

## A reading's rating and note (PATCH /api/oracle/readings/{id})
error-rating-range = امتیاز باید عددی درست از { $min } تا { $max } ستاره باشد
error-note-long = یادداشت نمی‌تواند بیش از { $max } نویسه باشد
