#!/usr/bin/env bash
# Builds the Windows installer (src-tauri/windows/installer.nsi) with Debian's makensis
# from the files of one Windows build:
#
#   scripts/windows-installer.sh BUILD_DIR OUT.exe
#
# BUILD_DIR holds nps-desktop.exe, nps.exe and WebView2Loader.dll (tauri-build copies it
# there for the -gnu target). The installer's texts come from locales/*/installer.ftl
# (scripts/nsis-strings.py). NPS_WEBVIEW2_INSTALLER=PATH embeds Microsoft's offline
# WebView2 Runtime installer (MicrosoftEdgeWebView2RuntimeInstallerX64.exe), which the
# installer then runs when the runtime is missing; without it the installer says where
# to get the runtime. Used by scripts/build-windows.sh and scripts/test-windows.sh.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:?usage: windows-installer.sh BUILD_DIR OUT.exe}
OUT=${2:?usage: windows-installer.sh BUILD_DIR OUT.exe}
VERSION=$(awk -F'"' '/^\[workspace.package\]/ {p=1} p && /^version/ {print $2; exit}' "$ROOT/Cargo.toml")

for f in nps-desktop.exe nps.exe WebView2Loader.dll; do
    [ -f "$BUILD/$f" ] || { echo "windows-installer: $BUILD/$f is missing" >&2; exit 1; }
done
STRINGS=$(mktemp -d)
trap 'rm -rf "$STRINGS"' EXIT
python3 "$ROOT/scripts/nsis-strings.py" "$STRINGS"
defines=(
    -DVERSION="$VERSION"
    -DDESKTOP_EXE="$BUILD/nps-desktop.exe"
    -DCLI_EXE="$BUILD/nps.exe"
    -DWEBVIEW2_LOADER="$BUILD/WebView2Loader.dll"
    -DICON="$ROOT/icons/icon.ico"
    -DSTRINGS_DIR="$STRINGS"
    -DOUTFILE="$OUT"
)
# Tests only: NPS_INSTALLER_COMPRESSOR=zlib packs faster than the release's solid LZMA.
if [ -n "${NPS_INSTALLER_COMPRESSOR:-}" ]; then
    defines+=(-DCOMPRESSOR="$NPS_INSTALLER_COMPRESSOR")
fi
if [ -n "${NPS_WEBVIEW2_INSTALLER:-}" ]; then
    defines+=(-DWEBVIEW2_INSTALLER="$NPS_WEBVIEW2_INSTALLER")
fi
mkdir -p "$(dirname "$OUT")"
makensis -V2 -INPUTCHARSET UTF8 "${defines[@]}" "$ROOT/src-tauri/windows/installer.nsi"
