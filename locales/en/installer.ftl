## The Windows installer that scripts/build-windows.sh builds with makensis
## (src-tauri/windows/installer.nsi; scripts/nsis-strings.py turns these into NSIS
## language strings). Plain text only: no placeables. The installer's standard pages
## (welcome, folder, progress, finish) use NSIS's own English and Farsi texts.

installer-product-name = NPS Oracle
installer-shortcut-description = Numerology and FC60 oracle readings, offline, in English and Persian
installer-mode-title = Who will use NPS Oracle?
installer-mode-subtitle = Install it for yourself or for everyone on this computer.
installer-mode-top = Install NPS Oracle for yourself only (no administrator needed), or for everyone who uses this computer (needs an administrator).
installer-mode-all-users = For everyone who uses this computer
installer-mode-current-user = Only for me
installer-all-users-not-possible = Your Windows account cannot install NPS Oracle for everyone on this computer. Install it for yourself only, or sign in as an administrator.
installer-webview-found = The Microsoft Edge WebView2 Runtime is already installed.
installer-webview-installing = Installing the Microsoft Edge WebView2 Runtime…
installer-webview-failed = The Microsoft Edge WebView2 Runtime could not be installed. NPS Oracle needs it to open its window: run this installer again, or install the “WebView2 Runtime” from Microsoft’s website (developer.microsoft.com/microsoft-edge/webview2).
installer-webview-missing = NPS Oracle needs the Microsoft Edge WebView2 Runtime to open its window, and this installer does not carry it. Install the “WebView2 Runtime” from Microsoft’s website (developer.microsoft.com/microsoft-edge/webview2), then start NPS Oracle.
