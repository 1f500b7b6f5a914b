#!/usr/bin/env bash
# What building and testing for Windows from Linux needs (issue 12), installed only when
# missing: the rustup target x86_64-pc-windows-gnu, Debian's mingw-w64 (the linker and
# the Wine shim's compiler), wine64 (runs the .exe files and the installer) and nsis
# (makensis, the installer). The desktop's Xvfb/xdotool/ImageMagick come from
# scripts/desktop-deps.sh. Used by scripts/build-windows.sh, scripts/test-windows.sh
# and ./dev's setup.
set -euo pipefail

TARGET=x86_64-pc-windows-gnu
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
fi
if command -v rustup >/dev/null 2>&1 && ! rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
    printf '==> adding the %s target\n' "$TARGET" >&2
    rustup target add "$TARGET"
fi

PACKAGES=(mingw-w64 wine64 nsis)
. "$(dirname "$0")/lib/apt-missing.sh"
apt_install_missing "${PACKAGES[@]}"
