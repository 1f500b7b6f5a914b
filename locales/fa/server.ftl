## پاسخ سرور وقتی درخواستی را نمی‌پذیرد: `message` در
## `{"error": {"code", "message"}}`، به زبان درخواست. هر کدام یک جمله.

server-auth-required = برای این کار باید وارد شوید
server-token-expired = اعتبار نشست شما تمام شده است
server-bad-credentials = نام کاربری، گذرواژه یا توکن نوسازی نادرست است
server-forbidden = این صفحه یا نشانی اجازهٔ استفاده از این سرور را ندارد
server-admin-only = فقط مدیر اجازهٔ این کار را دارد
server-not-found = پیدا نشد
server-internal = خطای درونی سرور
# پس از «خوانش کامل نشد:» می‌آید (progress-error).
server-storage-failed = ذخیره نشد
# 503: a cluster's PostgreSQL is down or restarting.
server-storage-unavailable = پایگاه داده هم‌اکنون در دسترس نیست و چیزی ذخیره نشد؛ چند ثانیهٔ دیگر دوباره امتحان کنید
server-json-content-type = بدنهٔ درخواست باید JSON باشد (Content-Type: application/json)
server-json-syntax = بدنهٔ درخواست JSON درستی نیست (سطر { $line }، ستون { $column })
server-json-missing-field = فیلد { $field } نیامده است
server-json-invalid-field = نوع یا مقدار فیلد { $field } درست نیست
server-json-invalid = بدنهٔ درخواست شکل مورد انتظار را ندارد
server-body-unreadable = بدنهٔ درخواست خوانده نشد
server-query-missing-field = پارامتر { $field } در نشانی نیامده است
server-query-invalid-field = نوع یا مقدار پارامتر { $field } در نشانی درست نیست
server-query-invalid = پارامترهای نشانی خوانده نشد
server-text-filter-long = متن جست‌وجو بیش از { $max } نویسه است

## محدودیت‌ها: کند کردن تلاش‌های ورود و آهنگ خوانش‌ها (۴۲۹ و ۵۰۳ همراه با Retry-After)
server-limits-too-many-logins = تلاش‌های ورود بیش از اندازه بوده است؛ { $seconds } ثانیهٔ دیگر دوباره امتحان کنید
server-limits-too-many-readings = خوانش‌ها در زمانی کوتاه بیش از اندازه بوده‌اند؛ { $seconds } ثانیهٔ دیگر دوباره امتحان کنید
server-limits-too-many-token-requests = درخواست‌های نشست از این نشانی بیش از اندازه بوده‌اند؛ { $seconds } ثانیهٔ دیگر دوباره امتحان کنید
server-limits-busy = سرور سرگرم بررسی ورودهای دیگر است؛ لحظه‌ای دیگر دوباره امتحان کنید

## edge: اتصال‌ها (مسئلهٔ ۱۰، بند ۳).
server-edge-too-many-connections = اتصال‌های نشانی شما بیش از اندازه است؛ چند ثانیهٔ دیگر دوباره امتحان کنید
