#!/usr/bin/env bash
# Runs a Windows program under Wine in the test prefix (scripts/wine/prefix.sh makes it
# on first use). The cargo `runner` of x86_64-pc-windows-gnu (.cargo/config.toml), so
# `cargo test --target x86_64-pc-windows-gnu` runs the test binaries under Wine; also
# used by scripts/test-windows.sh. Exit status, stdout and stderr are the program's.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
export WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-mscoree,mshtml=}
export WINEDEBUG=${WINEDEBUG:--all}
WINEPREFIX=$("$HERE/prefix.sh")
export WINEPREFIX
# DLLs that a build puts beside its executables (WebView2Loader.dll, by tauri-build)
# are found from target/<triple>/<profile>/deps too, as cargo's PATH does on Windows.
dir=$(cd "$(dirname "$1")" && pwd)
[ "$(basename "$dir")" = deps ] && dir=$(dirname "$dir")
export WINEPATH="Z:${dir//\//\\}${WINEPATH:+;$WINEPATH}"
exec "${WINE:-/usr/lib/wine/wine64}" "$@"
