## برنامهٔ رومیزی (src-tauri): پیام‌هایی که خودش، پیش از پنجره یا بیرون از آن، نشان می‌دهد.
## همهٔ شناسه‌ها با `desktop-` آغاز می‌شوند. زبان، زبان سیستم است (انگلیسی، مگر آنکه
## فارسی باشد).

desktop-window-title = پیشگوی NPS
# منوی برنامه: عنوانش، «دربارهٔ …» و «خروج».
desktop-menu-app = پیشگوی NPS
desktop-menu-about = دربارهٔ پیشگوی NPS
desktop-menu-quit = خروج
# نوار منو: در macOS منوی برنامه (به نام برنامه: desktop-menu-app)، ویرایش، نما و پنجره؛
# در ویندوز و لینوکس پرونده، نما و راهنما.
desktop-menu-file = پرونده
desktop-menu-edit = ویرایش
desktop-menu-view = نما
desktop-menu-window = پنجره
desktop-menu-help = راهنما
desktop-menu-settings = تنظیمات…
desktop-menu-hide = پنهان کردن پیشگوی NPS
desktop-menu-hide-others = پنهان کردن بقیه
desktop-menu-show-all = نمایش همه
desktop-menu-undo = واگرد
desktop-menu-redo = ازنو
desktop-menu-cut = بریدن
desktop-menu-copy = رونوشت
desktop-menu-paste = چسباندن
desktop-menu-select-all = انتخاب همه
desktop-menu-zoom-in = بزرگ‌نمایی
desktop-menu-zoom-out = کوچک‌نمایی
desktop-menu-actual-size = اندازهٔ واقعی
desktop-menu-full-screen = تمام‌صفحه
desktop-menu-minimize = کوچک کردن
# «Zoom» در منوی پنجرهٔ macOS: پنجره فضای آزاد صفحه را پر می‌کند (نه بزرگ‌نمایی صفحه).
desktop-menu-zoom-window = بزرگ کردن پنجره
desktop-menu-close-window = بستن پنجره
# سطر پنجرهٔ «درباره» زیر نام و نسخه.
desktop-about-comments = خوانش‌های عددشناسی و پیشگویی FC60، بی‌نیاز از اینترنت، به فارسی و انگلیسی.
# صفحه‌ای که نسخهٔ ساخته‌شده بدون رابط وب نشان می‌دهد (نسخهٔ یک برنامه‌نویس).
desktop-placeholder-title = رابط وب در این نسخه نیست
desktop-placeholder-body = این نسخه از پیشگوی NPS رابط وب خود را همراه ندارد. scripts/build-ui.sh را اجرا کنید و nps-desktop را دوباره بسازید.

# چرا برنامه آغاز نشد، در stderr: «nps-desktop: » و یکی از این‌ها.
desktop-error-no-display = نمایشگری در کار نیست: نه DISPLAY تعریف شده است و نه WAYLAND_DISPLAY. بدون نمایشگر، همین رابط را با «nps serve --ui-dir ui/dist» ارائه کنید و نشانی‌ای را که چاپ می‌کند باز کنید.
desktop-error-no-data-dir = پوشهٔ داده‌ها در این سیستم شناخته نیست؛ NPS_DATA_DIR را تعیین کنید
desktop-error-data-dir = ساختن پوشهٔ داده‌ها در { $dir } ممکن نیست: { $error }
desktop-error-random = عدد تصادفی امن در دسترس نیست: { $error }
desktop-error-runtime = اجرای ناهمگام آغاز نشد: { $error }
desktop-error-bind = گوش دادن روی نشانی درونی این رایانه (127.0.0.1) ممکن نیست: { $error }
desktop-error-server = سرور آغاز نشد: { $error }
desktop-error-token = ساختن توکن محلی ممکن نیست: { $error }
desktop-error-test-file = پروندهٔ آزمون { $file } به کار نمی‌آید: { $error }
desktop-error-window = پنجره ساخته نشد: { $error }

# پنجرهٔ پیام ویندوز، وقتی «WebView2 Runtime» که پنجرهٔ برنامه را می‌کشد نصب نیست
# (src-tauri/src/webview_runtime.rs).
desktop-webview-missing-title = پیشگوی NPS نمی‌تواند پنجره‌اش را باز کند
desktop-webview-missing-body =
    پیشگوی NPS پنجره‌اش را با «WebView2 Runtime» مایکروسافت اِج نشان می‌دهد و این بخش برای این کاربر ویندوز نصب نشده است.

    برنامهٔ نصب پیشگوی NPS را دوباره اجرا کنید: این برنامه آن را بی‌نیاز به اینترنت نصب می‌کند. می‌توانید «WebView2 Runtime» را از وبگاه مایکروسافت (developer.microsoft.com/microsoft-edge/webview2) هم نصب کنید.

    تا آن زمان، فرمان nps همین خوانش‌ها را در پایانه به شما می‌دهد.

# منوی نماد سینی سیستم (وقتی «بستن به سینی» در تنظیمات روشن است): «نمایش» پنجره را
# برمی‌گرداند؛ «خروج» همان desktop-menu-quit است.
desktop-menu-show = نمایش پیشگوی NPS

# اعلان روزانه، در ساعتی که در تنظیمات انتخاب شده است. $headline عنوان خوانش روز
# (تاریخ آن) است و $name نام «من» ذخیره‌شده‌ای که روز برایش خوانده شده است.
desktop-daily-title = روز شما: { $headline }
desktop-daily-title-personal = روز { $name }: { $headline }
# سطر دوم اعلان؛ $numbers از پیش یک فهرست است («۳، ۷، ۲۱»).
desktop-daily-lucky = عددهای خوش‌یمن: { $numbers }

# صفحهٔ تنظیمات نتوانست تنظیمات برنامهٔ رومیزی را ذخیره کند.
desktop-error-settings-locale = زبان ناشناخته: { $locale }
desktop-error-settings-save = ذخیرهٔ تنظیمات برنامهٔ رومیزی ممکن نشد: { $error }
