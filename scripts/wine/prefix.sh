#!/usr/bin/env bash
# Makes (once) the Wine prefix the Windows tests run in: target/wine-prefix (or
# $WINEPREFIX), initialized with `wineboot --init`, with the test-only ProcessPrng shim
# (process_prng.c, see there) built by mingw-w64 and copied into its system32.
# Idempotent and safe to call from parallel processes (a lock file); prints the prefix.
# Needs Debian's wine64 and gcc-mingw-w64-x86-64 (scripts/build-windows.sh installs them).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
export WINEPREFIX=${WINEPREFIX:-$ROOT/target/wine-prefix}
WINE=${WINE:-/usr/lib/wine/wine64}
# No Mono/Gecko installer dialogs, no debug chatter on stderr.
export WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-mscoree,mshtml=}
export WINEDEBUG=${WINEDEBUG:--all}

SHIM=$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll
mkdir -p "$(dirname "$WINEPREFIX")"
exec 9>"$WINEPREFIX.lock"
flock 9
if [ ! -f "$WINEPREFIX/.nps-ready" ] || [ "$HERE/process_prng.c" -nt "$SHIM" ]; then
    if [ ! -f "$WINEPREFIX/system.reg" ]; then
        printf '==> creating the Wine prefix %s\n' "$WINEPREFIX" >&2
        "$WINE" wineboot --init >/dev/null 2>&1
        "${WINESERVER:-/usr/lib/wine/wineserver}" --wait
    fi
    build=$(mktemp -d)
    x86_64-w64-mingw32-gcc -O2 -shared -s -o "$build/bcryptprimitives.dll" \
        "$HERE/process_prng.c" -ladvapi32
    cp "$build/bcryptprimitives.dll" "$SHIM"
    rm -rf "$build"
    touch "$WINEPREFIX/.nps-ready"
fi
echo "$WINEPREFIX"
