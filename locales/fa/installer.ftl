## برنامهٔ نصب ویندوز که scripts/build-windows.sh با makensis می‌سازد
## (src-tauri/windows/installer.nsi؛ scripts/nsis-strings.py این‌ها را به رشته‌های زبانی
## NSIS تبدیل می‌کند). فقط متن ساده، بی‌جای‌نگهدار. صفحه‌های استاندارد برنامهٔ نصب
## (خوشامد، پوشه، پیشرفت، پایان) متن‌های انگلیسی و فارسی خود NSIS را دارند.

installer-product-name = پیشگوی NPS
installer-shortcut-description = خوانش‌های عددشناسی و پیشگویی FC60، بی‌نیاز به اینترنت، به فارسی و انگلیسی
installer-mode-title = چه کسی از پیشگوی NPS استفاده می‌کند؟
installer-mode-subtitle = آن را برای خودتان یا برای همهٔ کاربران این رایانه نصب کنید.
installer-mode-top = پیشگوی NPS را فقط برای خودتان نصب کنید (بی‌نیاز به مدیر سیستم)، یا برای همهٔ کسانی که از این رایانه استفاده می‌کنند (با دسترسی مدیر سیستم).
installer-mode-all-users = برای همهٔ کاربران این رایانه
installer-mode-current-user = فقط برای من
installer-all-users-not-possible = حساب ویندوز شما نمی‌تواند پیشگوی NPS را برای همهٔ کاربران این رایانه نصب کند. آن را فقط برای خودتان نصب کنید، یا با حساب مدیر سیستم وارد شوید.
installer-webview-found = «WebView2 Runtime» مایکروسافت اِج از پیش نصب است.
installer-webview-installing = در حال نصب «WebView2 Runtime» مایکروسافت اِج…
installer-webview-failed = «WebView2 Runtime» مایکروسافت اِج نصب نشد. پیشگوی NPS برای باز کردن پنجره‌اش به آن نیاز دارد: این برنامهٔ نصب را دوباره اجرا کنید، یا «WebView2 Runtime» را از وبگاه مایکروسافت (developer.microsoft.com/microsoft-edge/webview2) نصب کنید.
installer-webview-missing = پیشگوی NPS برای باز کردن پنجره‌اش به «WebView2 Runtime» مایکروسافت اِج نیاز دارد و این برنامهٔ نصب آن را همراه ندارد. «WebView2 Runtime» را از وبگاه مایکروسافت (developer.microsoft.com/microsoft-edge/webview2) نصب کنید و سپس پیشگوی NPS را باز کنید.
