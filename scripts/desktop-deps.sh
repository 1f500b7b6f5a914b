#!/usr/bin/env bash
# System packages for the desktop app (src-tauri): the WebKitGTK/GTK development
# libraries Tauri 2 links against on Linux, and what scripts/test-desktop.sh needs to
# show a window without a display (Xvfb), take a screenshot (ImageMagick's `import`),
# type into the window like a user (xdotool), close it as a window manager would
# (python3-xlib: WM_DELETE_WINDOW) and record the desktop notifications the app sends
# on D-Bus (python3-jeepney: a small org.freedesktop.Notifications service). The tray
# icon needs libayatana-appindicator3 (its -dev package brings the library). Idempotent: installs only what
# `dpkg -s` does not report as installed.
set -euo pipefail

PACKAGES=(
    libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev
    libsoup-3.0-dev libjavascriptcoregtk-4.1-dev libxdo-dev
    xvfb xauth imagemagick xdotool python3-xlib python3-jeepney
)

. "$(dirname "$0")/lib/apt-missing.sh"
apt_install_missing "${PACKAGES[@]}"
