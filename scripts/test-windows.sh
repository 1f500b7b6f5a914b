#!/usr/bin/env bash
# Tests on Windows semantics (issue 12), from Linux: everything runs as x86_64-pc-windows-gnu
# code under Wine (scripts/wine/), in debug builds (no release build of the Tauri stack).
#
#   scripts/test-windows.sh                     # all of it; part of ./dev test
#   scripts/test-windows.sh --installer SETUP   # only the installer checks, on SETUP.exe
#
# 0. clippy for the Windows target (the code behind cfg(windows), which the Linux clippy
#    of ./dev test never sees).
# 1. The platform, engine, readings, store (SQLite and PostgreSQL), server and CLI test suites and
#    the desktop shell's unit tests, compiled for Windows and run by cargo's runner
#    (.cargo/config.toml) under Wine.
#    The CLI's two golden-vector tests are left to step 2, which checks more (same bytes
#    as Linux, and the JSON equals the vectors) with the same binary.
# 2. tests/windows/golden.py: every full-reading and stamp vector through nps.exe and the
#    Linux nps, byte for byte; Persian and English reports; a bad-input error.
# 3. tests/windows/live_server.py: a live nps.exe serve checked from Linux over HTTP and
#    WebSocket (login, a reading with its live events, history, Ctrl-C, restart).
# 4. nps-desktop.exe without WebView2 (Wine has none), under Xvfb, with an English and a
#    Persian system locale: the message box with the right title appears (screenshot in
#    tests/artifacts/), Return dismisses it, the app exits 3 and created no data.
# 5. The installer, built by scripts/windows-installer.sh from the debug files (stripped
#    copies): silent per-user and per-machine installs, the files, the Start-menu
#    shortcut, the "Apps & features" entry, nps.exe and nps-desktop.exe run from the
#    install folder, and the silent uninstall (as Windows runs it, from the registry)
#    removes them.
# Ends with "N passed, N failed" and prints the time of each step.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TARGET=x86_64-pc-windows-gnu
DEBUG=$ROOT/target/$TARGET/debug
WINE=/usr/lib/wine/wine64
WINESERVER=/usr/lib/wine/wineserver

. scripts/lib/tally.sh
finish() {
    printf 'figures: %s\n' "${FIGURES[*]:-none}"
    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ]
    exit $?
}
FIGURES=()
STEP_T0=0
step() { STEP_T0=$(date +%s); log "$*"; }
step_done() { FIGURES+=("$1 $(($(date +%s) - STEP_T0)) s"); }
# Adds the lines "ok …"/"FAILED …" of a helper's output to the totals.
count_lines() {
    local out=$1 p f
    p=$(grep -c '^ok ' "$out"); f=$(grep -c '^FAILED ' "$out")
    PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
}

TMP=$(mktemp -d)
GROUPS_TO_END=()
PG_TO_STOP=""
cleanup() {
    [ -n "$PG_TO_STOP" ] && scripts/postgres.sh stop "$PG_TO_STOP" >/dev/null 2>&1
    for pgid in "${GROUPS_TO_END[@]}"; do
        kill -KILL -- "-$pgid" 2>/dev/null
    done
    [ -n "${WINEPREFIX:-}" ] && "$WINESERVER" -k >/dev/null 2>&1
    [ -n "${KEEP_TMP:-}" ] && echo "kept $TMP" || rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- setup ------------------------------------------------------------------------------
scripts/windows-deps.sh || { fail "Windows build tools (scripts/windows-deps.sh)"; finish; }
scripts/desktop-deps.sh || { fail "Xvfb and xdotool (scripts/desktop-deps.sh)"; finish; }
export WINEDEBUG=-all WINEDLLOVERRIDES=mscoree,mshtml=
WINEPREFIX=$(scripts/wine/prefix.sh) || { fail "the Wine prefix (scripts/wine/prefix.sh)"; finish; }
export WINEPREFIX
# One wineserver for the whole run (until cleanup): every Windows process after the
# first starts in about half a second instead of several.
"$WINESERVER" -p
"$WINE" cmd /c exit >/dev/null 2>&1
mkdir -p tests/artifacts

# ---- 5. the installer --------------------------------------------------------------------
# Windows paths of the prefix, as Linux paths.
unix_path() { "$WINE" winepath -u "$1" 2>/dev/null | tr -d '\r'; }
windows_env() { "$WINE" cmd /c echo "%$1%" 2>/dev/null | tr -d '\r'; }
reg_value() { # KEY NAME → the value's data
    "$WINE" reg query "$1" /v "$2" 2>/dev/null | tr -d '\r' |
        awk -v n="$2" '$1 == n { $1 = ""; $2 = ""; sub(/^ +/, ""); print }'
}
UNINSTALL_KEY='Software\Microsoft\Windows\CurrentVersion\Uninstall\org.nps-oracle.desktop'

# Starts the desktop app without WebView2 in a fresh Xvfb and wineserver session
# (EXE, locale, title, name, data dir, status file) and waits for its message box: sets
# WINDOW (empty if none appeared before the app ended), GROUP and ELAPSED.
launch_without_webview() {
    local exe=$1 locale=$2 title=$3 name=$4 data=$5 status=$6 t0
    rm -f "$status" "$TMP/display-$name" "$TMP/xauth-$name"
    # Wine's window system belongs to the wineserver session: a fresh one starts inside
    # this Xvfb, and is ended with it.
    "$WINESERVER" -k >/dev/null 2>&1
    LC_ALL=$locale NPS_DATA_DIR=$data setsid xvfb-run -a -s "-screen 0 1024x700x24 -nolisten tcp" \
        bash -c 'echo "$DISPLAY" > "$0"; echo "$XAUTHORITY" > "$1"; "$2" "$3" 2>/dev/null; echo $? > "$4"' \
        "$TMP/display-$name" "$TMP/xauth-$name" "$WINE" "$exe" "$status" >/dev/null 2>&1 < /dev/null &
    GROUP=$!
    GROUPS_TO_END+=("$GROUP")
    WINDOW=""
    t0=$(date +%s)
    for _ in $(seq 1 240); do
        if [ -s "$TMP/xauth-$name" ]; then
            WINDOW=$(DISPLAY=$(cat "$TMP/display-$name") XAUTHORITY=$(cat "$TMP/xauth-$name") bash -c '
                for w in $(xdotool search --name "" 2>/dev/null); do
                    [ "$(xdotool getwindowname "$w" 2>/dev/null)" = "$0" ] && { echo "$w"; break; }
                done' "$title")
            [ -n "$WINDOW" ] && break
        fi
        [ -e "$status" ] && break
        sleep 0.25
    done
    ELAPSED=$(($(date +%s) - t0))
}

# The desktop app without WebView2: EXE, system locale, the title it must show, a name.
desktop_without_webview() {
    local exe=$1 locale=$2 title=$3 name=$4 data=$TMP/desktop-data-$4 status=$TMP/desktop-status-$4
    local attempt window group elapsed
    for attempt in 1 2; do
        launch_without_webview "$exe" "$locale" "$title" "$name" "$data" "$status"
        window=$WINDOW group=$GROUP elapsed=$ELAPSED
        [ -n "$window" ] && break
        [ "$attempt" = 2 ] && break
        # Seen once (a fresh-clone run): the app ended within a second with no box on
        # screen, as if Wine's display was not ready. Once more, said aloud; the data
        # directory is not cleared, so an app that started something still fails.
        log "$name: no message box within ${elapsed} s (exit $(cat "$status" 2>/dev/null || echo none)); trying once more"
        kill -KILL -- "-$group" 2>/dev/null
        wait "$group" 2>/dev/null
    done
    check "$name: a message box titled \"$title\" appears (${elapsed} s)" test -n "$window"
    if [ -n "$window" ]; then
        DISPLAY=$(cat "$TMP/display-$name") XAUTHORITY=$(cat "$TMP/xauth-$name") bash -c '
            sleep 1; import -window root "$0" 2>/dev/null; xdotool key --window "$1" Return 2>/dev/null' \
            "tests/artifacts/windows-webview2-missing-$name.png" "$window"
    fi
    for _ in $(seq 1 120); do [ -s "$status" ] && break; sleep 0.25; done
    check "$name: dismissed, the app exits with 3 (got $(cat "$status" 2>/dev/null || echo none))" \
        test "$(cat "$status" 2>/dev/null)" = 3
    check "$name: it started nothing (no data directory)" test ! -e "$data"
    kill -KILL -- "-$group" 2>/dev/null
    wait "$group" 2>/dev/null
    "$WINESERVER" -k >/dev/null 2>&1
    "$WINESERVER" -p
}

installer_checks() {
    local setup=$1 mode
    for mode in CurrentUser AllUsers; do
        local root key
        if [ "$mode" = CurrentUser ]; then
            root=HKCU; dir="$(windows_env LOCALAPPDATA)\\Programs\\NPS Oracle"
            menu="$(windows_env APPDATA)\\Microsoft\\Windows\\Start Menu\\Programs"
        else
            root=HKLM; dir="$(windows_env ProgramW6432)\\NPS Oracle"
            menu="$(windows_env ProgramData)\\Microsoft\\Windows\\Start Menu\\Programs"
        fi
        key="$root\\$UNINSTALL_KEY"
        local udir umenu
        udir=$(unix_path "$dir"); umenu=$(unix_path "$menu")
        "$WINE" "$setup" /S "/$mode" >/dev/null 2>&1
        local status=$?
        check "$mode: the silent install (/S /$mode) exits 0 (got $status)" test "$status" -eq 0
        check "$mode: nps-desktop.exe, nps.exe, WebView2Loader.dll and uninstall.exe are in $dir" \
            bash -c 'for f in nps-desktop.exe nps.exe WebView2Loader.dll uninstall.exe; do
                [ -s "$0/$f" ] || exit 1; done' "$udir"
        check "$mode: the Start-menu shortcut \"NPS Oracle\" is there" test -s "$umenu/NPS Oracle.lnk"
        check "$mode: the Apps & features entry ($root) names NPS Oracle $(reg_value "$key" DisplayVersion) in $dir" \
            bash -c '[ "$0" = "NPS Oracle" ] && [ "$1" = "$2" ] && [ -n "$3" ]' \
            "$(reg_value "$key" DisplayName)" "$(reg_value "$key" InstallLocation)" "$dir" \
            "$(reg_value "$key" DisplayVersion)"
        local stamp
        stamp=$("$WINE" "$udir/nps.exe" stamp 2026-02-06T01:15:00+08:00 --json 2>/dev/null | tr -d '\r')
        check "$mode: the installed nps.exe runs (stamp: $(echo "$stamp" | grep '"fc60"' | tr -s ' '))" \
            bash -c 'echo "$0" | grep -q "\"fc60\": \"VE-OX-OXFI ☀OX-RUWU-RAWU\""' "$stamp"
        if [ "$mode" = CurrentUser ]; then
            desktop_without_webview "$udir/nps-desktop.exe" en_US.UTF-8 \
                "NPS Oracle cannot open its window" "installed-en"
        fi
        # Uninstall as Windows does: the registry's QuietUninstallString.
        local quiet
        quiet=$(reg_value "$key" QuietUninstallString)
        check "$mode: QuietUninstallString is set ($quiet)" test -n "$quiet"
        eval "set -- $(printf '%s' "$quiet" | sed 's/\\/\\\\/g')"
        "$WINE" "$@" >/dev/null 2>&1
        # The uninstaller runs on from a copy of itself in %TEMP%, as NSIS ones do.
        for _ in $(seq 1 120); do [ -e "$udir" ] || break; sleep 0.5; done
        check "$mode: the silent uninstall removes the folder" test ! -e "$udir"
        check "$mode: ... the shortcut" test ! -e "$umenu/NPS Oracle.lnk"
        check "$mode: ... and the Apps & features entry" \
            bash -c '! "$0" reg query "$1" >/dev/null 2>&1' "$WINE" "$key"
    done
}

if [ "${1:-}" = --installer ]; then
    SETUP=$(realpath "${2:?usage: test-windows.sh --installer SETUP.exe}")
    step "the installer $SETUP under Wine"
    installer_checks "$SETUP"
    step_done "installer"
    finish
fi

# ---- 0. clippy for Windows: the code behind cfg(windows) --------------------------------------
step "cargo clippy --target $TARGET"
check "clippy for $TARGET (platform, store, server, cli, desktop; warnings are errors)" \
    cargo clippy --quiet --target "$TARGET" -p nps-platform -p nps-store -p nps-server -p nps-cli -p nps-desktop \
    --all-targets -- -D warnings
step_done "clippy"

# ---- 1. the test suites under Wine ------------------------------------------------------------
step "cargo test --target $TARGET (platform, engine, readings, store, server, cli; desktop unit tests) under Wine"
# Adds a cargo test log's "N passed; M failed" lines to the totals; a failing exit with
# no failed test (a build error, a crashed binary) counts as one failure.
count_cargo() {
    local name=$1 out=$2 status=$3 p f
    p=$(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$out" | grep -Eo '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
    f=$(grep -Eo '[0-9]+ failed;' "$out" | awk '{s+=$1} END {print s+0}')
    PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
    printf '%s: %d passed, %d failed\n' "$name" "$p" "$f"
    [ "$status" -eq 0 ] || [ "$f" -gt 0 ] || fail "$name: exit $status"
}
# The store's PostgreSQL tests use one server started here (a Windows process cannot
# run scripts/postgres.sh itself; the three tests that start servers of their own are
# ignored on Windows, with that reason).
PG_URL=""
if scripts/postgres.sh install && PG_URL=$(scripts/postgres.sh start --watch-pid $$ --no-fsync); then
    PG_TO_STOP=$PG_URL
else
    fail "a PostgreSQL server for the store tests (scripts/postgres.sh)"
fi
NPS_TEST_DATABASE_URL=$PG_URL \
    cargo test --target "$TARGET" -p nps-platform -p nps-engine -p nps-readings -p nps-store -p nps-server -p nps-cli \
    --no-fail-fast -- --skip full_json_equals_every_vector --skip stamp_json_equals_every_vector \
    2>&1 | tee "$TMP/cargo-test.log"
count_cargo "the crates' suites under Wine" "$TMP/cargo-test.log" "${PIPESTATUS[0]}"
cargo test --target "$TARGET" -p nps-desktop --lib 2>&1 | tee "$TMP/cargo-desktop.log"
count_cargo "the desktop shell's unit tests under Wine" "$TMP/cargo-desktop.log" "${PIPESTATUS[0]}"
step_done "test suites"

# ---- 2. golden vectors: nps.exe and the Linux nps ----------------------------------------------
step "build nps (Linux), nps.exe and nps-desktop.exe (debug)"
cargo build --quiet -p nps-cli && cargo build --quiet --target "$TARGET" -p nps-cli -p nps-desktop
built=$?
step_done "builds"
step "golden vectors through nps.exe and the Linux nps"
if [ "$built" -eq 0 ]; then
    VECTORS=${NPS_VECTORS_DIR:-$ROOT/../shared/vectors}
    python3 tests/windows/golden.py "$ROOT/target/debug/nps" "$WINE" "$DEBUG/nps.exe" "$VECTORS" \
        > "$TMP/golden.log" 2>&1
    cat "$TMP/golden.log"
    count_lines "$TMP/golden.log"
    grep -q '^ok \|^FAILED ' "$TMP/golden.log" || fail "tests/windows/golden.py ran"
else
    fail "cargo build of nps (Linux) and nps.exe, nps-desktop.exe (Windows)"
fi
step_done "golden vectors"

# ---- 3. a live nps.exe serve --------------------------------------------------------------------
step "a live nps.exe serve under Wine, from a Linux client"
timeout 600 python3 tests/windows/live_server.py "$WINE" "$DEBUG/nps.exe" "$TMP/serve-data" \
    > "$TMP/live.log" 2>&1
cat "$TMP/live.log"
count_lines "$TMP/live.log"
grep -q '^ok \|^FAILED ' "$TMP/live.log" || fail "tests/windows/live_server.py ran"
step_done "live server"

# ---- 4. the desktop app without WebView2 --------------------------------------------------------
step "nps-desktop.exe without WebView2, English and Persian"
desktop_without_webview "$DEBUG/nps-desktop.exe" en_US.UTF-8 "NPS Oracle cannot open its window" en
desktop_without_webview "$DEBUG/nps-desktop.exe" fa_IR.UTF-8 "پیشگوی NPS نمی‌تواند پنجره‌اش را باز کند" fa
step_done "desktop without WebView2"

# ---- 5. the installer (debug files, stripped) ---------------------------------------------------
step "the installer, from the debug build, under Wine"
mkdir -p "$TMP/payload"
if x86_64-w64-mingw32-strip -o "$TMP/payload/nps-desktop.exe" "$DEBUG/nps-desktop.exe" &&
    x86_64-w64-mingw32-strip -o "$TMP/payload/nps.exe" "$DEBUG/nps.exe" &&
    cp "$DEBUG/WebView2Loader.dll" "$TMP/payload/" &&
    NPS_INSTALLER_COMPRESSOR=zlib \
        scripts/windows-installer.sh "$TMP/payload" "$TMP/nps-oracle-debug-setup.exe" >/dev/null; then
    ok "the installer builds ($(($(stat -c %s "$TMP/nps-oracle-debug-setup.exe") / 1024)) KiB with debug executables)"
    installer_checks "$TMP/nps-oracle-debug-setup.exe"
else
    fail "the installer builds (scripts/windows-installer.sh)"
fi
step_done "installer"
finish
