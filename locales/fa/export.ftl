## خوانشی که از آن خروجی گرفته می‌شود (crates/export): برچسب‌ها، پانویس و علت ناکامی.
## همهٔ شناسه‌ها با `export-` آغاز می‌شوند.

export-summary-heading = به‌طور خلاصه
export-figures-heading = عددهای کلیدی
# سطر پایانی هر صفحهٔ PDF و کارت تصویری. $date: تاریخ امروز، قالب‌بندی‌شده برای زبان.
export-footer = پیشگوی NPS · ساخته‌شده در { $date }
export-error-format = قالب «{ $format }» پشتیبانی نمی‌شود؛ یکی از pdf، png، md یا json را انتخاب کنید
export-error-too-large = این خوانش برای خروجی گرفتن بیش از اندازه بزرگ است
export-error-failed = ساختن خروجی انجام نشد؛ لطفاً دوباره تلاش کنید
