### واژه‌های تقویم: نام ماه‌ها و شکل نوشتن تاریخ (برای تابع‌های تاریخ در crates/i18n).

## تاریخ بلند: روز، نام ماه، سال
date-long = { $day } { $month } { $year }
# تاریخ خورشیدی با تاریخ میلادی در کنارش
date-with-gregorian = { $local } ({ $gregorian })

## ماه‌های میلادی
month-gregorian-1 = ژانویه
month-gregorian-2 = فوریه
month-gregorian-3 = مارس
month-gregorian-4 = آوریل
month-gregorian-5 = مه
month-gregorian-6 = ژوئن
month-gregorian-7 = ژوئیه
month-gregorian-8 = اوت
month-gregorian-9 = سپتامبر
month-gregorian-10 = اکتبر
month-gregorian-11 = نوامبر
month-gregorian-12 = دسامبر

## ماه‌های خورشیدی
month-solar-hijri-1 = فروردین
month-solar-hijri-2 = اردیبهشت
month-solar-hijri-3 = خرداد
month-solar-hijri-4 = تیر
month-solar-hijri-5 = مرداد
month-solar-hijri-6 = شهریور
month-solar-hijri-7 = مهر
month-solar-hijri-8 = آبان
month-solar-hijri-9 = آذر
month-solar-hijri-10 = دی
month-solar-hijri-11 = بهمن
month-solar-hijri-12 = اسفند
