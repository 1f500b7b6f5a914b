#!/usr/bin/env bash
# Builds NPS Oracle for Windows x64 on Linux (issue 12), into
# target/x86_64-pc-windows-gnu/release/:
#   nps.exe, nps-desktop.exe (the web UI embedded), WebView2Loader.dll, and
#   bundle/nsis/NPS Oracle_<version>_x64-setup.exe  (the installer)
#
#   scripts/build-windows.sh            # build, then test the installer under Wine
#   scripts/build-windows.sh --no-test  # build only
#
# Idempotent: installs what is missing (scripts/windows-deps.sh: the rustup target,
# mingw-w64, wine64, nsis), builds ui/dist when it is missing (scripts/build-ui.sh), and
# cargo rebuilds only what changed. The binaries are built without debug info and
# stripped (the workspace's release profile keeps line tables for profiling).
#
# The installer is made by scripts/windows-installer.sh with Debian's makensis, not by
# Tauri's bundler: `cargo tauri bundle --bundles nsis` downloads its NSIS plugin
# (nsis_tauri_utils.dll) from GitHub, which this machine cannot reach, and makes a
# 32-bit installer that a 64-bit-only Wine cannot run; see the README. The release
# workflow (.github/workflows/release.yml) uses Tauri's bundler on Windows itself.
# NPS_WEBVIEW2_INSTALLER=PATH puts Microsoft's offline WebView2 installer inside.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TARGET=x86_64-pc-windows-gnu
OUT=$ROOT/target/$TARGET/release
VERSION=$(awk -F'"' '/^\[workspace.package\]/ {p=1} p && /^version/ {print $2; exit}' Cargo.toml)
SETUP="$OUT/bundle/nsis/NPS Oracle_${VERSION}_x64-setup.exe"
log() { printf '==> %s\n' "$*" >&2; }
mib() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }

if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
fi
scripts/windows-deps.sh
if [ ! -f ui/dist/index.html ]; then
    log "building the web UI (ui/dist)"
    scripts/build-ui.sh
fi

log "cargo build --release --target $TARGET -p nps-cli -p nps-desktop"
T0=$(date +%s)
CARGO_PROFILE_RELEASE_DEBUG=false CARGO_PROFILE_RELEASE_STRIP=symbols \
    cargo build --release --target "$TARGET" -p nps-cli -p nps-desktop
BUILD_S=$(($(date +%s) - T0))

log "the installer"
T0=$(date +%s)
rm -f "$SETUP"
scripts/windows-installer.sh "$OUT" "$SETUP"
INSTALLER_S=$(($(date +%s) - T0))

printf 'built in %d s (cargo) + %d s (installer):\n' "$BUILD_S" "$INSTALLER_S"
for f in "$OUT/nps.exe" "$OUT/nps-desktop.exe" "$OUT/WebView2Loader.dll" "$SETUP"; do
    printf '  %-12s %s\n' "$(mib "$f")" "${f#"$ROOT"/}"
done

if [ "${1:-}" != --no-test ]; then
    log "testing the installer under Wine"
    scripts/test-windows.sh --installer "$SETUP"
fi
