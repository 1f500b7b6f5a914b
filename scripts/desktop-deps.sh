#!/usr/bin/env bash
# System packages for the desktop app (src-tauri): the WebKitGTK/GTK development
# libraries Tauri 2 links against on Linux, and what scripts/test-desktop.sh needs to
# show a window without a display (Xvfb), take a screenshot (ImageMagick's `import`)
# and close the window like a user (xdotool). Idempotent: installs only what
# `dpkg -s` does not report as installed.
set -euo pipefail

PACKAGES=(
    libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev
    libsoup-3.0-dev libjavascriptcoregtk-4.1-dev libxdo-dev
    xvfb xauth imagemagick xdotool
)

. "$(dirname "$0")/lib/apt-missing.sh"
apt_install_missing "${PACKAGES[@]}"
