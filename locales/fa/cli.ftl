## برچسب‌های گزارش‌های خوانای فرمان `nps`.

heading-stamp = مهر FC60
heading-numerology = عددشناسی
heading-person = شخص
heading-birth = روز تولد
heading-current = روز خوانش
heading-patterns = الگوها
heading-confidence = اطمینان
heading-moon = ماه
heading-ganzhi = گان‌جی
heading-heartbeat = ضربان قلب
heading-location = مکان

label-fc60 = مهر
label-iso = ISO 8601
label-tz60 = منطقهٔ زمانی
label-y60 = سال
label-y2k = سال از ۲۰۰۰
label-j60 = روز ژولینی
label-mjd60 = روز ژولینی اصلاح‌شده
label-rd60 = راتا دی
label-u60 = زمان یونیکس
label-chk = کد وارسی
label-weekday = روز هفته
label-planet = سیاره
label-system = روش
label-life-path = مسیر زندگی
label-expression = عدد بیان
label-soul-urge = خواستهٔ دل
label-personality = شخصیت
label-personal-year = سال شخصی
label-personal-month = ماه شخصی
label-personal-day = روز شخصی
label-polarity = قطبیت
label-mother-influence = تأثیر نام مادر
label-name = نام
label-birthdate = تاریخ تولد
label-age = سن
label-date = تاریخ
label-jdn = شمارهٔ روز ژولینی
label-score = امتیاز
label-level = سطح
label-phase = فاز
label-moon-age = سن ماه
label-illumination = روشنایی
label-ganzhi-year = سال
label-ganzhi-day = روز
label-ganzhi-hour = ساعت
label-bpm = ضربان قلب
label-beats-per-day = ضربان در روز
label-lifetime-beats = ضربان‌ها تا روز خوانش
label-element = عنصر
label-rhythm = نشانهٔ ریتم
label-pulse-signature = نبض زندگی
label-latitude = عرض جغرافیایی
label-longitude = طول جغرافیایی
label-timezone-estimate = منطقهٔ زمانی تخمینی
label-hemispheres = نیم‌کره‌ها

value-age = { $years } سال ({ $days } روز)
value-moon-age = { $days } روز
value-percent = { $value }٪
value-bpm = { $bpm } ضربه در دقیقه ({ $source })
value-bpm-actual = اندازه‌گیری‌شده
value-bpm-estimated = برآورد از روی سن
value-none = هیچ
value-utc-hours = UTC{ $hours }

cli-error = خطا: { $message }
cli-saved = در تاریخچهٔ شما با شمارهٔ { $id } ذخیره شد.
cli-history-empty = تاریخچهٔ شما خالی است.
cli-history-deleted = خوانش { $id } حذف شد.
cli-history-not-found = خوانشی با شمارهٔ { $id } در تاریخچهٔ شما نیست.
cli-history-favorite-on = خوانش { $id } به برگزیده‌ها افزوده شد.
cli-history-favorite-off = خوانش { $id } از برگزیده‌ها برداشته شد.

hemisphere-n = شمالی
hemisphere-s = جنوبی
hemisphere-e = شرقی
hemisphere-w = غربی

cli-error-no-data-dir = پوشهٔ داده‌ها در این رایانه شناخته نیست؛ آن را با --data-dir بدهید
cli-error-person-format = --person «{ $value }»: قالب درست «نام;YYYY-MM-DD» است

## خطاهایی که هر فرمانی ممکن است گزارش کند، و سطرهای `nps history export`.

cli-error-store = تاریخچه در دسترس نیست: { $error }
cli-error-export = ساختن خروجی انجام نشد: { $error }
cli-error-output = نوشتن خروجی ممکن نیست: { $error }
cli-error-runtime = اجرای ناهمگام آغاز نشد: { $error }
cli-error-open-store = تاریخچه در { $dir } باز نشد: { $error }
cli-error-open-database = پایگاه دادهٔ { $url } باز نشد: { $error }
cli-error-kind = نوع خوانش «{ $kind }» شناخته نیست؛ یکی از این‌ها را بدهید: { $kinds }
cli-error-write = نوشتن { $file } ممکن نیست: { $error }
cli-history-exported = خوانش { $id } در { $file } ذخیره شد.
label-question-number = عدد پرسش
label-moment-number = عدد این لحظه
label-focus-number = عدد تمرکز
label-lucky-numbers = عددهای خوش‌یمن
label-harmony = هماهنگی گروه

## آنچه `nps serve`، `nps token`، `nps user`، `nps watch` و `nps backup` به گردانندهٔ خود می‌گویند.
## اسکریپت‌ها منتظر سطر انگلیسی `listening on http://…` می‌مانند.

cli-serve-listening = سرور روی { $url } آمادهٔ پاسخ است
cli-error-listen = گوش دادن روی { $address } ممکن نیست: { $error }
cli-error-serve = سرور با خطا از کار ایستاد: { $error }

## edge: رفتار `nps serve` در شبکه (مسئلهٔ ۱۰، بندهای ۲ و ۳).
cli-serve-edge-plain-public = سرور روی { $address } که رایانه‌های دیگر به آن دسترسی دارند، بدون رمزنگاری راه‌اندازی نمی‌شود: --tls-cert/--tls-key را بدهید، یا اگر پراکسیِ جلوی سرور رمزنگاری را برعهده دارد، --behind-proxy را
cli-serve-edge-tls = گواهی امنیتی قابل استفاده نیست: { $error }

cli-error-empty-user = نام کاربر نباید خالی باشد
cli-error-token-user = --user نباید خالی باشد
cli-error-ttl = --ttl «{ $value }» مدتی میان یک ثانیه و یک سال نیست (برای نمونه 30m، 24h یا 7d)
cli-error-token = امضای توکن ممکن نیست: { $error }
cli-error-secret-env = NPS_JWT_SECRET باید دست‌کم { $min } نویسه باشد
cli-error-secret-short = { $file } برای کلید امضا بیش از اندازه کوتاه است؛ آن را پاک کنید تا کلیدی تازه ساخته شود
cli-error-secret-file = کلید امضای { $file } به کار نمی‌آید: { $error }
cli-error-random = عدد تصادفی امن در دسترس نیست: { $error }
cli-error-read-password = خواندن گذرواژه از ورودی استاندارد ممکن نیست: { $error }
cli-error-password-empty = گذرواژه خالی است (گذرواژه از نخستین سطر ورودی استاندارد خوانده می‌شود)
cli-error-password-long = گذرواژه از { $max } بایت بلندتر است
cli-error-hash = درهم‌سازی گذرواژه انجام نشد: { $error }
cli-error-user-taken = کاربری با نام «{ $name }» از پیش وجود دارد
cli-error-user-reserved = «{ $name }» نام تاریخچهٔ خود این رایانه است و نمی‌تواند نام ورود باشد؛ نام دیگری برگزینید
cli-user-created = کاربر { $name } ساخته شد
cli-watch-cannot-connect = اتصال برقرار نشد: { $error }
cli-watch-closed = سرور اتصال را با کد { $code } بست؛ اتصال دوباره برقرار نمی‌شود
cli-watch-token-expired = توکن منقضی شد (کد ۴۰۰۲)؛ nps watch را با توکنی تازه اجرا کنید
cli-backup-exists = { $file } از پیش وجود دارد؛ برای جایگزینی‌اش --force را بدهید
cli-backup-no-database = در { $dir } پایگاه دادهٔ تاریخچه‌ای نیست
cli-backup-same-file = { $file } خودِ پایگاه دادهٔ تاریخچه است؛ پرونده‌ای دیگر برگزینید
cli-backup-postgres = nps backup تنها از SQLite پشتیبان می‌گیرد؛ از PostgreSQL با pg_dump پشتیبان بگیرید
cli-error-backup = پشتیبان‌گیری در { $file } انجام نشد: { $error }
cli-backup-done = از تاریخچه در { $file } پشتیبان گرفته شد.
