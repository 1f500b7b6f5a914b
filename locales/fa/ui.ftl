## رابط وب (ui/). همهٔ شناسه‌ها با `ui-` آغاز می‌شوند.

ui-app-name = پیشگوی NPS
ui-nav-oracle = پیشگو
ui-nav-learn = دانستنی‌ها
ui-nav-history = تاریخچه
ui-nav-settings = تنظیمات
ui-nav-label = اصلی
ui-language-switch = English
ui-language-switch-label = تغییر زبان به انگلیسی
ui-language-name-en = English
ui-language-name-fa = فارسی
ui-sign-out = خروج
ui-signed-in-as = وارد شده با نام { $username }
ui-skip-to-content = رفتن به محتوا

## وضعیت اتصال

ui-status-label = اتصال زنده
ui-status-connected = متصل
ui-status-connecting = در حال اتصال…
ui-status-disconnected = قطع
ui-status-reconnecting = در حال اتصال دوباره…
ui-status-error = خطای اتصال
ui-status-error-auth = نیاز به ورود
ui-status-error-origin = سرور این صفحه را نمی‌پذیرد

## گونه‌های خوانش (برچسب‌های کوتاه انتخابگر)

ui-kind-label = گونهٔ خوانش
ui-kind-time = زمان
ui-kind-name = نام
ui-kind-question = پرسش
ui-kind-daily = روزانه
ui-kind-full = کامل
ui-kind-compatibility = سازگاری
ui-kind-time-help = نشانی جهانی یک لحظه، همراه با ماه، چرخه‌ها و عددهایش.
ui-kind-name-help = آنچه حروف یک نام روی هم می‌سازند.
ui-kind-question-help = عددی که یک پرسش با خود دارد، در پرتو همین لحظه.
ui-kind-daily-help = بینش یک روز: عددها، ماه و تمرکز پیشنهادی آن.
ui-kind-full-help = همه‌چیز دربارهٔ یک نفر در یک لحظه: عددها، چرخه‌ها، ماه، ضربان قلب و مکان.
ui-kind-compatibility-help = اینکه دو تا پنج نفر چگونه با هم جور می‌شوند.

## فرم‌ها

ui-field-datetime = تاریخ و زمان
ui-field-datetime-hint = برای همین لحظه خالی بگذارید.
ui-now = اکنون
ui-field-time = ساعت
ui-field-name = نام
ui-field-birth-date = تاریخ تولد
ui-field-birth-date-optional = تاریخ تولد (اختیاری)
ui-field-question = پرسش شما
ui-field-question-count = { $count } از { $max } نویسه
ui-field-system = روش عددشناسی
ui-system-auto = خودکار (بر اساس خط)
ui-field-date = تاریخ
ui-field-date-hint = برای امروز خالی بگذارید.
ui-field-date-solar-hint = سال/ماه/روز خورشیدی، مانند ۱۴۰۵/۰۹/۰۶.
ui-field-date-gregorian-hint = سال-ماه-روز میلادی، مانند ۱۹۹۰-۰۷-۱۵.
ui-date-read-as = یعنی { $date }.
ui-field-mother-name = نام مادر (اختیاری)
ui-field-gender = جنسیت (اختیاری)
ui-gender-none = گفته نشده
ui-gender-female = زن
ui-gender-male = مرد
ui-gender-other = دیگر
ui-field-place = مکان (اختیاری)
ui-field-place-hint = نام شهر را بنویسید و از فهرست برگزینید تا مختصاتش پر شود، یا مختصات را خودتان وارد کنید.
ui-place-none = شهری با این نام در فهرست نیست؛ به‌جای آن مختصات را در پایین وارد کنید.
ui-place-error = به فهرست شهرها دسترسی نشد؛ به‌جای آن مختصات را در پایین وارد کنید.
ui-field-latitude = عرض جغرافیایی (اختیاری)
ui-field-longitude = طول جغرافیایی (اختیاری)
ui-field-bpm = ضربان قلب در دقیقه (اختیاری)
ui-person-heading = نفر { $number }
ui-add-person = افزودن یک نفر
ui-remove-person = حذف این نفر
ui-submit = آغاز خوانش
ui-submit-running = در حال خوانش…
ui-form-has-errors = لطفاً خانه‌های نشان‌دار را درست کنید.

## اعتبارسنجی و خطاها

ui-error-required = این خانه لازم است.
ui-error-no-letters = دست‌کم یک حرف لازم است.
ui-error-name-unreadable-pythagorean = هیچ‌یک از این حروف در روش فیثاغورثی شمرده نمی‌شود، چون این روش حروف الفبای لاتین را می‌خواند. نام را با حروف فارسی یا لاتین بنویسید.
ui-error-name-unreadable-chaldean = هیچ‌یک از این حروف در روش کلدانی شمرده نمی‌شود، چون این روش حروف الفبای لاتین را می‌خواند. نام را با حروف لاتین بنویسید یا روش خودکار را برگزینید.
ui-error-name-unreadable-abjad = هیچ‌یک از این حروف در روش ابجد شمرده نمی‌شود، چون این روش حروف فارسی و عربی را می‌خواند. نام را با حروف فارسی بنویسید یا روش خودکار را برگزینید.
ui-error-question-too-long = پرسش حداکثر می‌تواند ۱۰۰۰ نویسه داشته باشد.
ui-error-date = این تاریخ معتبر نیست.
ui-error-date-format = تاریخ را به شکل سال/ماه/روز بنویسید، مانند ۱۴۰۵/۰۹/۰۶.
ui-error-date-format-gregorian = تاریخ را به شکل سال-ماه-روز میلادی بنویسید، مانند ۱۹۹۰-۰۷-۱۵.
ui-error-date-month = ماه شمارهٔ { $month } وجود ندارد؛ ماه‌ها از ۱ تا ۱۲ شماره دارند.
ui-error-date-day = { $month } { $year } فقط { $days } روز دارد.
ui-error-future-date = تاریخ تولد نمی‌تواند در آینده باشد.
ui-error-datetime = این تاریخ و زمان معتبر نیست.
ui-error-choice = یکی از گزینه‌ها را برگزینید.
ui-error-latitude = عرض جغرافیایی عددی از −۹۰ تا ۹۰ است.
ui-error-longitude = طول جغرافیایی عددی از −۱۸۰ تا ۱۸۰ است.
ui-error-coordinates-pair = یا هر دو، عرض و طول جغرافیایی را بدهید، یا هیچ‌کدام را.
ui-error-bpm = ضربان قلب عددی صحیح از ۲۰ تا ۲۵۰ است.
ui-error-url = نشانی‌ای مانند https://example.org:8000 وارد کنید.
ui-error-network = دسترسی به سرور ممکن نیست.
ui-error-unauthorized = لطفاً دوباره وارد شوید.
ui-error-forbidden = این سرور درخواست‌های این صفحه را نمی‌پذیرد.
ui-error-not-found = پیدا نشد.
ui-error-invalid = سرور این ورودی را نپذیرفت.
ui-error-server = سرور با مشکلی روبه‌رو شد. لطفاً دوباره بکوشید.
ui-error-detail = جزئیات: { $message }

## پیشرفت

ui-progress-label = پیشرفت خوانش
ui-step-started = آغاز
ui-step-calculating = محاسبه
ui-step-interpreting = تفسیر
ui-step-combining = ترکیب
ui-step-complete = پایان

## نتیجه

ui-result-heading = خوانش شما
ui-stamp-hint = نشانگر را روی یک نشانه ببرید یا با کلید Tab به آن بروید تا معنایش را ببینید.
ui-stamp-weekday = { $weekday }، روزِ { $planet }
ui-stamp-month = ماه { $number }: { $animal }
ui-stamp-day = روز { $number } ماه: { $animal } و { $element }
ui-stamp-half-am = پیش از ظهر
ui-stamp-half-pm = پس از ظهر
ui-stamp-hour = ساعت { $number }: { $animal }
# جانور ساعتِ مهر و جانور ساعتِ خوانش ممکن است فرق کنند؛ این راهنما دلیلش را می‌گوید.
ui-stamp-hour-hint = در مهر، ساعت { $hour } روی چرخی دوازده‌ساعته شمرده می‌شود و { $stamp_animal } را نشان می‌دهد. خوانش جانورِ پاسِ دوساعتهٔ سنتیِ روز را نام می‌برد، یعنی { $branch_animal }، که از یک ساعت فرد تا ساعت فرد بعدی است. هر دو درست‌اند؛ فقط ساعت‌ها را به دو شیوه می‌شمارند.
ui-stamp-minute = دقیقهٔ { $number }: { $animal } و { $element }
ui-stamp-second = ثانیهٔ { $number }: { $animal } و { $element }
ui-master-number = عدد استاد
ui-label-moment-number = عدد لحظه
ui-label-question-number = عدد پرسش
ui-label-focus-number = عدد تمرکز
ui-col-letter = حرف
ui-col-value = ارزش
ui-col-element = عنصر
ui-col-vowel = واکه
ui-vowel = واکه
ui-consonant = همخوان
ui-moon-lit = { $percent } روشن
ui-moon-picture = ماه، { $percent } روشن
ui-pattern-number = عدد { $number }، { $count } بار آمده است ({ $strength }).
ui-pattern-master = عدد استاد { $number } ({ $strength }).
ui-pattern-animal = { $animal }، { $count } بار آمده است ({ $strength }).
ui-patterns-none = الگوی برجسته‌ای دیده نمی‌شود.
ui-confidence-value = { $score } از ۱۰۰: { $level }
ui-group-harmony = هماهنگی گروه
ui-pair = { $a } و { $b }
ui-lucky-numbers = عددهای خوش‌یمن
ui-list-separator = {"، "}
ui-lucky-hours = ساعت‌های خوش‌یمن
ui-activities = کارهای پیشنهادی
ui-interpretation = تفسیر
ui-copy-text = رونوشت به‌صورت متن
ui-copy-json = رونوشت به‌صورت JSON
ui-download-json = بارگیری JSON
ui-export-pdf = ذخیره به‌صورت PDF
ui-export-png = ذخیره به‌صورت تصویر
ui-export-md = ذخیره به‌صورت مارک‌داون
ui-exporting = در حال آماده‌سازی پرونده…
ui-copied = رونوشت گرفته شد.
ui-reading-saved = با شمارهٔ { $id } در تاریخچهٔ شما ذخیره شد.

## کارت روزانه

ui-daily-heading = بینش امروز
ui-daily-live = زنده به‌روز می‌شود

## تاریخچه

ui-history-heading = تاریخچه
ui-filter-kind = گونه
ui-filter-all = همهٔ گونه‌ها
ui-filter-favorites = فقط برگزیده‌ها
ui-filter-search = جست‌وجو
ui-filter-from = از
ui-filter-to = تا
ui-history-empty = هیچ خوانشی یافت نشد.
ui-history-count = { $shown } از { $total }
ui-open = باز کردن
ui-delete = حذف
ui-delete-confirm = این خوانش برای همیشه حذف شود؟
ui-cancel = انصراف
ui-favorite-add = افزودن به برگزیده‌ها
ui-favorite-remove = برداشتن از برگزیده‌ها
ui-load-more = بیشتر
ui-back = بازگشت به تاریخچه
ui-loading = در حال بارگذاری…
ui-retry = دوباره بکوشید
ui-retry-now = همین حالا دوباره وصل شو
ui-session-ended = نشست شما به پایان رسید. لطفاً دوباره وارد شوید.

## تنظیمات

ui-settings-heading = تنظیمات
ui-settings-connection = اتصال
ui-server-this = همین رایانه
ui-server-remote = سرور دوردست
ui-server-url = نشانی سرور
ui-username = نام کاربری
ui-password = گذرواژه
ui-test-connection = آزمودن اتصال
ui-test-ok = به پیشگوی NPS نسخهٔ { $version } وصل شد.
ui-test-failed = اتصال برقرار نشد: { $message }
ui-use-server = استفاده از این سرور
ui-settings-language = زبان
ui-settings-system = روش پیش‌فرض عددشناسی
ui-settings-saved = ذخیره شد.
# تنظیمات خودِ برنامهٔ رومیزی (فقط درون برنامهٔ رومیزی نشان داده می‌شود).
ui-settings-desktop = برنامهٔ رومیزی
ui-desktop-daily = خوانش روزانه را در اعلان نشان بده
ui-desktop-daily-time = ساعت
ui-desktop-daily-hint = هر روز در این ساعتِ این رایانه، حتی وقتی پنجره در سینی سیستم است.
ui-desktop-tray = با بستن پنجره، برنامه در سینی سیستم باز بماند
ui-desktop-tray-hint = برای خروج، از منوی نماد سینی یا Ctrl+Q استفاده کنید.
ui-desktop-failed = ذخیره نشد: { $message }

## ورود

ui-login-heading = ورود
ui-login-intro = برای خوانش و نگه‌داشتن تاریخچه‌تان به { $server } وارد شوید.
ui-login-submit = ورود
ui-login-failed = نام کاربری یا گذرواژه نادرست است.

## صفحهٔ خوانش

ui-reading-heading = خوانش { $id }

## People: saved persons (the People page and the forms' picker)
ui-nav-people = افراد
ui-people-heading = افراد
ui-people-help = کسانی را که برایشان خوانش می‌گیرید ذخیره کنید — اول خودتان — تا فرم‌ها خالی شروع نشوند. این اطلاعات روی سروری که با آن وارد شده‌اید نگه داشته می‌شود.
ui-people-empty = هنوز کسی ذخیره نشده است.
ui-people-new = افزودن فرد
ui-people-new-heading = فرد تازه
ui-people-edit-heading = ویرایش فرد
ui-people-edit = ویرایش
ui-people-save = ذخیره
ui-people-me = خودم
ui-people-is-me = این خودم هستم
ui-people-born = زادهٔ
ui-people-delete-confirm = این فرد برای همیشه پاک شود؟
ui-people-pick = پر کردن از افراد ذخیره‌شده
ui-people-pick-none = انتخاب کنید…
ui-daily-for = برای { $name } خوانده شده، بر پایهٔ روز شخصی شما.

## صفحهٔ بارگذاری index.html (scripts/build-ui.sh این‌ها را در آن می‌نویسد)

ui-boot-loading = پیشگوی NPS در حال باز شدن است…
ui-boot-failed = پیشگوی NPS در این مرورگر اجرا نشد. صفحه را دوباره بارگذاری کنید یا نسخهٔ تازه‌ای از کروم، فایرفاکس، اج یا سافاری را بیازمایید.
ui-boot-noscript = پیشگوی NPS به جاوااسکریپت و وب‌اسمبلی نیاز دارد.

## The Learn page (the glossary texts are in learn.ftl)

ui-learn-contents = فهرست
ui-learn-more = این یعنی چه؟

## خلاصهٔ نتیجه، بخش‌ها و نمودارهایش

ui-summary-heading = به‌طور خلاصه
ui-summary-for = برای
ui-summary-you = شما
ui-summary-when = زمان
ui-question-restated = پرسیدید: { $question }
# عددی از خوانش به‌عنوان موضوع یک سطر خلاصه: «مسیر زندگی شما: ۵».
ui-summary-number = { $label } شما: { $number }
# امتیاز یک جفت در خلاصه: «۷۸٪، هماهنگ».
ui-summary-pair = { $percent }، { $level }
ui-details-numbers = عددها
ui-details-moment = لحظه
ui-details-people = افراد
ui-stamp-in-words = این نشانی به زبان ساده
ui-chart-cycle-title = چرخهٔ نه‌سالهٔ شما
ui-chart-cycle-heading = هر سالِ یک چرخهٔ نه‌ساله عدد خودش را دارد؛ ستونِ سالِ این خوانش پُر است.
ui-chart-cycle-item = سال { $year }: { $number }
ui-chart-cycle-alt = سال شخصی شما در نُه سال، با نشانی بر { $year }: { $list }.
ui-chart-moon-heading = چهره‌های ماه در { $month } { $year }
ui-chart-moon-run = روزهای { $from } تا { $to }: { $phase }
ui-chart-moon-day = روز { $day }: { $phase }
ui-chart-moon-alt = ماهِ آسمان در هر روزِ { $month } { $year }، با نشانی بر روز این خوانش ({ $day }): { $list }.
ui-chart-matrix-caption = امتیاز هر جفت از ۱۰۰. هر رنگ یک ردهٔ هماهنگی است و همه‌جا همان است: «بسیار هماهنگ» از ۸۰، «هماهنگ» از ۶۵، «آمیخته» از ۵۰، و زیر آن «چالش‌برانگیز».
ui-chart-matrix-self = همان شخص
# سطر یک خوانش پرسش در تاریخچه.
ui-history-asked = پرسیدید: { $question }

## Page titles, the header's menu, what a screen reader hears

ui-page-title = { $page } · { $app }
ui-page-not-found = صفحه پیدا نشد
ui-menu = منو
ui-result-announced = خوانش شما آماده است: { $headline }

## A stored reading's date, favorite, rating and note

ui-marks-heading = یادداشت‌های شما دربارهٔ این خوانش
ui-reading-made-on = ساخته‌شده در
ui-favorite = برگزیده
ui-delete-reading = حذف این خوانش
ui-rating-legend = امتیاز شما
ui-rating-star = { $count } از { $max } ستاره
ui-rating-shown = امتیاز { $count } از { $max }
ui-rating-clear = پاک کردن امتیاز
ui-note-label = یادداشت خصوصی (فقط خودتان آن را می‌بینید)
ui-note-save = ذخیرهٔ یادداشت
ui-note-saved = یادداشت ذخیره شد.
ui-saving = در حال ذخیره…

## Settings: preferences and account

ui-settings-preferences = ترجیحات
ui-settings-account = حساب کاربری
ui-settings-not-signed-in = کسی وارد نشده است.
