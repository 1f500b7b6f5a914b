#!/usr/bin/env bash
# Smoke test of the desktop app (src-tauri, issues 6 and 10). Builds the UI if missing
# and `nps-desktop` + `nps`, starts the app under xvfb-run (and a private D-Bus session,
# for the single-instance check) with a temporary NPS_DATA_DIR and webview storage
# (XDG_DATA_HOME), then checks: the embedded server answers on loopback, serves no page
# (the window's page comes from nps://localhost) and answers CORS for the app's origin;
# a foreign Origin gets 403 on HTTP and close 4003 on /ws/oracle; a foreign Host gets
# 403; the window paints (screenshot in tests/artifacts/desktop.png, checked
# non-blank); a second launch hands over and exits; the window's Quit (Ctrl+Q, as a
# user would) or SIGTERM closes the app within a few seconds with status 0; the reading
# the page ran through the API (tests/desktop/smoke.js, cross-origin from
# nps://localhost) is in the history database; the signing secret was never written to
# disk; without a display it exits non-zero. Then a second launch with port 47615 taken
# gets another port but the same page origin: its page finds what the first launch
# left in localStorage. Then a third launch drives the real window against a remote
# `nps serve` on another port (tests/desktop/remote.js, as a person in Settings): it
# switches there and signs in, runs a reading with live progress over the remote
# socket (found in the remote history), switches back to this computer and reads
# there. Prints figures (cold start, idle RSS, binary size) and ends with
# "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

. scripts/lib/tally.sh
finish() { echo "$PASSED passed, $FAILED failed"; [ "$FAILED" -eq 0 ]; exit $?; }

TMP=$(mktemp -d)
XVFB_PID=""
OTHER_PIDS=()
cleanup() {
    for pid in "${OTHER_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
    # The app and Xvfb run in their own process group (setsid); end that group.
    if [ -n "$XVFB_PID" ] && kill -0 "$XVFB_PID" 2>/dev/null; then
        kill -TERM -- "-$XVFB_PID" 2>/dev/null
        sleep 1
        kill -KILL -- "-$XVFB_PID" 2>/dev/null
    fi
    [ -n "${KEEP_TMP:-}" ] && echo "kept $TMP" || rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

scripts/desktop-deps.sh || { fail "desktop system packages"; finish; }
if [ ! -f ui/dist/index.html ]; then
    log "building the web UI"
    scripts/build-ui.sh || { fail "build the web UI"; finish; }
fi
log "building nps-desktop and nps"
if ! cargo build --quiet -p nps-desktop -p nps-cli; then
    fail "cargo build -p nps-desktop -p nps-cli"; finish
fi
APP="$ROOT/target/debug/nps-desktop"
NPS="$ROOT/target/debug/nps"

# ---- no display -------------------------------------------------------------------
out=$(env -u DISPLAY -u WAYLAND_DISPLAY NPS_DATA_DIR="$TMP/nodisplay" "$APP" 2>&1); status=$?
check "without a display it exits non-zero and says so" \
    test "$status" -ne 0 -a -n "$(echo "$out" | grep -i 'no display')"

# ---- launch -----------------------------------------------------------------------
DATA="$TMP/data"
READY="$TMP/ready.json"
log "starting nps-desktop under xvfb-run"
T0=$(date +%s%N)
ms_since_start() { echo $(( ($(date +%s%N) - T0) / 1000000 )); }
# The webview's storage (localStorage) under the test's directory, kept for the
# second launch below.
export XDG_DATA_HOME="$TMP/xdg"
SMOKE_JS="$ROOT/tests/desktop/smoke.js"
IN_SESSION="$ROOT/tests/desktop/in-session.sh"
# Debian's own Python for the helpers that use Debian's python3-jeepney and
# python3-xlib (scripts/desktop-deps.sh): a python3 earlier on PATH (pyenv, a venv)
# does not see them.
SYSTEM_PYTHON=/usr/bin/python3
export SYSTEM_PYTHON
# start_app DIR LOG VAR=VALUE...: the app under xvfb-run, in a private D-Bus session whose
# files go to DIR (tests/desktop/in-session.sh), with this data directory and the given
# environment (the preferred port unless NPS_DESKTOP_PORT is among it); its output in LOG.
start_app() {
    local session=$1 output=$2
    shift 2
    env -u NPS_DESKTOP_PORT NPS_DATA_DIR="$DATA" "$@" \
        setsid xvfb-run -a -s "-screen 0 1280x900x24 -nolisten tcp" \
        dbus-run-session -- "$IN_SESSION" "$session" "$APP" > "$output" 2>&1 < /dev/null &
    XVFB_PID=$!
}
# Waits until the app has written its ready file $1 (a minute at most), or has ended.
wait_ready() {
    for _ in $(seq 1 1200); do
        [ -s "$1" ] && break
        kill -0 "$XVFB_PID" 2>/dev/null || break
        sleep 0.05
    done
}
# Waits (10 s at most) for the app's session to end once the app has quit, and ends the
# session's process group if it has not: a failed check must not leave the script
# waiting forever (the checks read the app's exit status from its session's files).
end_app() {
    for _ in $(seq 1 100); do kill -0 "$XVFB_PID" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$XVFB_PID" 2>/dev/null; then
        kill -TERM -- "-$XVFB_PID" 2>/dev/null
        sleep 1
        kill -KILL -- "-$XVFB_PID" 2>/dev/null
    fi
    wait "$XVFB_PID" 2>/dev/null
    XVFB_PID=""
}
# The first launch takes the preferred port 47615 if it is free; it shows the daily
# notification at once (a debug build's NPS_DESKTOP_NOTIFY_NOW), in English (the
# system's language: no desktop.json yet).
start_app "$TMP" "$TMP/app.log" LC_ALL=C.UTF-8 NPS_DESKTOP_READY_FILE="$READY" \
    NPS_DESKTOP_TEST_SCRIPT="$SMOKE_JS" NPS_DESKTOP_NOTIFY_NOW=1 NPS_TEST_NOTIFICATIONS="$TMP/notes1.jsonl"
wait_ready "$READY"
if [ ! -s "$READY" ]; then
    fail "the app wrote its ready file"
    sed 's/^/    app: /' "$TMP/app.log" | tail -30
    finish
fi
READY_MS=$(ms_since_start)
ok "the app wrote its ready file (${READY_MS} ms)"
BASE=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["base_url"])' "$READY")
PID=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["pid"])' "$READY")
PORT=${BASE##*:}
export DISPLAY=$(cat "$TMP/display") XAUTHORITY=$(cat "$TMP/xauth")

check "the ready file holds base_url and pid only" \
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(sorted(d)!=["base_url","pid"])' "$READY"
check "the server listens on loopback ($BASE)" \
    bash -c '[[ "$0" =~ ^http://127\.0\.0\.1:[0-9]+$ ]]' "$BASE"

code() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@"; }
check "GET /api/health answers 200" test "$(code "$BASE/api/health")" = 200
check "the loopback server serves no page (the window's page is nps://localhost)" \
    test "$(code "$BASE/")" = 404
check "the app's page origin is allowed" \
    test "$(code -H "Origin: nps://localhost" "$BASE/api/health")" = 200
PREFLIGHT=$(curl -s -o /dev/null -D - --max-time 10 -X OPTIONS -H "Origin: nps://localhost" \
    -H "Access-Control-Request-Method: POST" -H "Access-Control-Request-Headers: authorization,content-type" \
    "$BASE/api/oracle/question" | tr -d '\r')
check "a preflight from nps://localhost gets 204 naming that origin" \
    bash -c 'grep -q "^HTTP/1.1 204" <<<"$0" && grep -qi "^access-control-allow-origin: nps://localhost$" <<<"$0"' "$PREFLIGHT"
check "a foreign Origin gets 403 on HTTP" \
    test "$(code -H 'Origin: http://evil.example' "$BASE/api/health")" = 403
check "a foreign Origin gets 403 on the UI's files too" \
    test "$(code -H 'Origin: http://evil.example' "$BASE/")" = 403
check "a foreign Host (DNS rebinding) gets 403" \
    test "$(code -H "Host: evil.example:$PORT" "$BASE/api/health")" = 403
check "the API needs the token" \
    test "$(code -X POST -H 'Content-Type: application/json' -d '{}' "$BASE/api/oracle/reading")" = 401
WS=$(python3 tests/desktop/ws_origin.py 127.0.0.1 "$PORT" http://evil.example 2>&1)
check "a foreign Origin's WebSocket is closed with 4003 (got: $WS)" test "$WS" = 4003

# ---- the daily notification ------------------------------------------------------
# notify_check FILE LOCALE: the one notification the recorder got, against the day the
# app's server stored.
notify_check() {
    for _ in $(seq 1 100); do [ -s "$1" ] && break; sleep 0.1; done
    python3 "$ROOT/tests/desktop/check_notification.py" "$1" "$DATA/nps.db" "$2" 2>&1
}
NOTE1=$(notify_check "$TMP/notes1.jsonl" en)
check "the daily notification is shown in English with the day's reading ($NOTE1)" test "$NOTE1" = ok

# ---- the window paints -------------------------------------------------------------
mkdir -p tests/artifacts
SHOT=tests/artifacts/desktop.png
COLOURS=0
PAINT_MS=""
for _ in $(seq 1 120); do
    if import -window root "$TMP/shot.png" 2>/dev/null; then
        COLOURS=$(identify -format '%k' "$TMP/shot.png" 2>/dev/null || echo 0)
        # The menu bar alone has a handful of colours; the Oracle page has hundreds.
        if [ "${COLOURS:-0}" -ge 200 ]; then PAINT_MS=$(ms_since_start); break; fi
    fi
    sleep 0.25
done
# Let the page settle (fonts, daily insight) before the artifact is taken.
sleep 2
import -window root "$SHOT" 2>/dev/null || cp "$TMP/shot.png" "$SHOT" 2>/dev/null
COLOURS=$(identify -format '%k' "$SHOT" 2>/dev/null || echo 0)
check "the window shows the page (screenshot $SHOT: $COLOURS colours)" test "${COLOURS:-0}" -ge 200
check "the window is titled NPS Oracle" \
    bash -c 'xdotool search --name "^NPS Oracle$" >/dev/null 2>&1'

# ---- single instance -----------------------------------------------------------------
DBUS=$(cat "$TMP/dbus")
if [ -n "$DBUS" ]; then
    NPS_DESKTOP_PORT=0 NPS_DATA_DIR="$DATA" DBUS_SESSION_BUS_ADDRESS="$DBUS" timeout 30 "$APP" > "$TMP/second.log" 2>&1
    second=$?
    check "a second launch hands over and exits 0 (status $second)" test "$second" -eq 0
    check "the first instance keeps running" kill -0 "$PID"
fi

# ---- figures -------------------------------------------------------------------------
sleep 3
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
APP_RSS=$(rss_kib "$PID")
# WebKitGTK renders in child processes (WebKitWebProcess, WebKitNetworkProcess).
TREE_RSS=$APP_RSS
for child in $(pgrep -P "$PID" 2>/dev/null); do
    TREE_RSS=$((TREE_RSS + $(rss_kib "$child")))
done

# ---- close ---------------------------------------------------------------------------
# As a user would: the Quit entry's shortcut, typed into the window (XTEST);
# SIGTERM (the same graceful path) if that did not end the app.
WID=$(xdotool search --name '^NPS Oracle$' 2>/dev/null | head -1)
HOW="Ctrl+Q"
T_CLOSE=$(date +%s%N)
if [ -n "$WID" ]; then
    xdotool mousemove --window "$WID" 200 200 2>/dev/null
    xdotool windowfocus --sync "$WID" 2>/dev/null
    xdotool key --clearmodifiers ctrl+q 2>/dev/null
fi
for _ in $(seq 1 40); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$PID" 2>/dev/null; then
    HOW="SIGTERM"
    kill -TERM "$PID"
fi
for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
CLOSE_MS=$(( ($(date +%s%N) - T_CLOSE) / 1000000 ))
if kill -0 "$PID" 2>/dev/null; then
    fail "the app exits within 10 s of $HOW"
else
    ok "the app exits after $HOW (${CLOSE_MS} ms)"
fi
end_app
check "its exit status is 0 (got $(cat "$TMP/status" 2>/dev/null))" \
    test "$(cat "$TMP/status" 2>/dev/null)" = 0
check "it stopped its server cleanly" grep -q "server stopped" "$TMP/app.log"

# ---- after -----------------------------------------------------------------------------
# The page's reading (tests/desktop/smoke.js): a question naming the page's origin and
# the marker it left in localStorage.
smoke_question() {
    "$NPS" history list --json --search "smoke origin=" --data-dir "$DATA" 2>/dev/null | python3 -c '
import json, re, sys
want = sys.argv[1]
for r in json.load(sys.stdin)["items"]:
    m = re.search(r"smoke origin=\S+ previous=\S+ marker=\w+", json.dumps(r, ensure_ascii=False))
    if r["kind"] == "question" and r["owner"] == "local" and m and want in m.group(0):
        print(m.group(0)); break' "$1"
}
FIRST=$(smoke_question "previous=none")
check "the page's reading is in the history database, from nps://localhost (${FIRST:-none})" \
    bash -c '[[ "$0" == "smoke origin=nps://localhost previous=none marker="* ]]' "$FIRST"
MARKER1=${FIRST##*marker=}
check "the signing secret was never written to disk" \
    bash -c '! grep -rlq "jwt" "$0" 2>/dev/null && [ ! -e "$0/jwt-secret" ]' "$DATA"
if grep -q "token" "$TMP/app.log" && grep -Eq 'eyJ[A-Za-z0-9_-]{10,}' "$TMP/app.log"; then
    fail "the token stays out of the log"
else
    ok "the token stays out of the log"
fi

# ---- a second launch, port 47615 taken: the same page origin -----------------------
# Hold 47615 (SO_REUSEADDR: the first launch's closed connections may linger in
# TIME_WAIT); if something else holds it already, that does as well.
python3 -c 'import socket,sys,time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 47615)); s.listen(); open(sys.argv[1], "w").write("held"); time.sleep(600)' "$TMP/held" 2>/dev/null &
HOLDER_PID=$!
for _ in $(seq 1 50); do [ -s "$TMP/held" ] && break; kill -0 "$HOLDER_PID" 2>/dev/null || break; sleep 0.1; done
check "port 47615 is taken for the second launch" bash -c '[ -s "$0" ] || (exec 3<>/dev/tcp/127.0.0.1/47615)' "$TMP/held"
READY2="$TMP/ready2.json"
# This launch's shell speaks Persian (desktop.json, as the UI's Settings page writes
# it): its daily notification is in Persian.
printf '{"locale":"fa"}' > "$DATA/desktop.json"
mkdir -p "$TMP/s2"
start_app "$TMP/s2" "$TMP/app2.log" NPS_DESKTOP_READY_FILE="$READY2" \
    NPS_DESKTOP_TEST_SCRIPT="$SMOKE_JS" NPS_DESKTOP_NOTIFY_NOW=1 NPS_TEST_NOTIFICATIONS="$TMP/notes2.jsonl"
wait_ready "$READY2"
BASE2=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["base_url"])' "$READY2" 2>/dev/null)
PID2=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["pid"])' "$READY2" 2>/dev/null)
check "the second launch, 47615 taken, listens on another port (${BASE2:-no ready file})" \
    bash -c '[[ "$0" =~ ^http://127\.0\.0\.1:[0-9]+$ && "$0" != "http://127.0.0.1:47615" ]]' "$BASE2"
SECOND=""
for _ in $(seq 1 120); do
    SECOND=$(smoke_question "previous=$MARKER1")
    [ -n "$SECOND" ] && break
    sleep 0.25
done
check "its page has the same origin and finds the first launch's localStorage (${SECOND:-none})" \
    bash -c '[[ -n "$1" && "$0" == "smoke origin=nps://localhost previous=$1 marker="* ]]' "$SECOND" "$MARKER1"
NOTE2=$(notify_check "$TMP/notes2.jsonl" fa)
check "the daily notification is shown in Persian with the day's reading ($NOTE2)" test "$NOTE2" = ok
# Closed with the window's close button (as a window manager asks: WM_DELETE_WINDOW),
# close-to-tray off: the app quits as before the option existed.
export DISPLAY=$(cat "$TMP/s2/display") XAUTHORITY=$(cat "$TMP/s2/xauth")
# The windows named NPS Oracle and those of the second launch's process (its title may
# follow the page's); a window that is no top-level ignores the message.
"$SYSTEM_PYTHON" "$ROOT/tests/desktop/wm_close.py" $( { xdotool search --name '^NPS Oracle$'; xdotool search --pid "${PID2:-0}"; } 2>/dev/null | sort -u)
for _ in $(seq 1 200); do kill -0 "${PID2:-0}" 2>/dev/null || break; sleep 0.1; done
check "the second launch quits when its window is closed (close-to-tray off)" \
    bash -c '! kill -0 "${0:-0}" 2>/dev/null' "$PID2"
end_app
check "and exits 0 after stopping its server (status $(cat "$TMP/s2/status" 2>/dev/null))" \
    bash -c '[ "$(cat "$0/status")" = 0 ] && grep -q "server stopped" "$1"' "$TMP/s2" "$TMP/app2.log"
[ -n "$HOLDER_PID" ] && kill "$HOLDER_PID" 2>/dev/null

# ---- launches driven by a script in the window ---------------------------------------
unquote() { python3 -c 'import sys, urllib.parse; print(urllib.parse.unquote(sys.argv[1]))' "$1"; }
# The value the page reported with step NAME (its listener's file, one path a line).
step() { grep -m1 "^/$1?" "$TMP/steps" 2>/dev/null | sed "s|^/$1?||"; }
# launch_driven NAME SCRIPT READY LAST: starts the app (any port, this data directory)
# with SCRIPT run in its window, its log in $TMP/NAME.log and its session's files in
# $TMP/NAME (tests/desktop/in-session.sh), and waits for the page to report step LAST
# (or an error, which is printed).
launch_driven() {
    mkdir -p "$TMP/$1"
    start_app "$TMP/$1" "$TMP/$1.log" NPS_DESKTOP_PORT=0 NPS_DESKTOP_READY_FILE="$3" NPS_DESKTOP_TEST_SCRIPT="$2"
    for _ in $(seq 1 900); do
        grep -qE "^/($4|error)" "$TMP/steps" 2>/dev/null && break
        kill -0 "$XVFB_PID" 2>/dev/null || break
        sleep 0.1
    done
    if grep -q '^/error' "$TMP/steps" 2>/dev/null; then
        printf '    page: %s\n' "$(unquote "$(step error)")"
    fi
}

# ---- a third launch: the app against a remote nps serve -----------------------------
# Driven in the real window by tests/desktop/remote.js (as a person would in Settings):
# switch to a remote server on another port, sign in there, a time reading with live
# progress, then back to this computer and one more reading. Its steps arrive at a
# listener here; the readings are looked up on both servers afterwards.
log "the app against a remote nps serve"
REMOTE_DATA="$TMP/remote"
mkdir -p "$REMOTE_DATA"
REMOTE_PASSWORD=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s\n' "$REMOTE_PASSWORD" | "$NPS" user add carol --data-dir "$REMOTE_DATA" >/dev/null
# No --allowed-origin: the desktop app's origins are allowed by default.
"$NPS" serve --bind 127.0.0.1:0 --data-dir "$REMOTE_DATA" > "$TMP/remote.out" 2> "$TMP/remote.err" &
OTHER_PIDS+=($!)
REMOTE_URL=""
for _ in $(seq 1 200); do
    REMOTE_URL=$(grep -o 'listening on http://[0-9.:]*' "$TMP/remote.out" 2>/dev/null | head -1 | sed 's/listening on //')
    [ -n "$REMOTE_URL" ] && break
    sleep 0.1
done
# The listener for the page's reports: one line per request path.
python3 -c 'import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        open(sys.argv[1], "a").write(self.path + "\n")
        self.send_response(204); self.send_header("Access-Control-Allow-Origin", "*"); self.end_headers()
    def log_message(self, *a): pass
s = http.server.HTTPServer(("127.0.0.1", 0), H)
open(sys.argv[2], "w").write(str(s.server_port)); s.serve_forever()' "$TMP/steps" "$TMP/report-port" &
OTHER_PIDS+=($!)
for _ in $(seq 1 50); do [ -s "$TMP/report-port" ] && break; sleep 0.1; done
REPORT_URL="http://127.0.0.1:$(cat "$TMP/report-port" 2>/dev/null)"
{
    printf 'window.__NPS_TEST__ = {url: "%s", user: "carol", password: "%s", report: "%s"};\n' \
        "$REMOTE_URL" "$REMOTE_PASSWORD" "$REPORT_URL"
    cat "$ROOT/tests/desktop/page.js" "$ROOT/tests/desktop/remote.js"
} > "$TMP/remote.js"
READY3="$TMP/ready3.json"
launch_driven s3 "$TMP/remote.js" "$READY3" local-reading
check "the page switched to the remote server and signed in there ($REMOTE_URL)" \
    grep -q '^/remote-connected' "$TMP/steps"
PROGRESS=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.unquote(sys.argv[1]))' "$(step remote-reading)")
check "the remote reading showed live progress from the remote socket (${PROGRESS:-none})" \
    python3 -c 'import sys; v = [int(x) for x in sys.argv[1].split(",") if x]; sys.exit(0 if any(0 < p < 100 for p in v) and 100 in v else 1)' "$PROGRESS"
REMOTE_TIMES=$(curl -s -X POST -H 'Content-Type: application/json' \
    -d "{\"username\":\"carol\",\"password\":\"$REMOTE_PASSWORD\"}" "$REMOTE_URL/api/auth/login" |
    python3 -c 'import json, sys, urllib.request
token = json.load(sys.stdin)["access_token"]
req = urllib.request.Request(sys.argv[1] + "/api/oracle/readings", headers={"Authorization": "Bearer " + token})
items = json.load(urllib.request.urlopen(req))["items"]
print(sum(1 for r in items if r["sign_type"] == "time"))' "$REMOTE_URL" 2>/dev/null)
check "the reading is in the remote server's history (${REMOTE_TIMES:-0} time reading(s) of carol)" \
    test "${REMOTE_TIMES:-0}" -eq 1
check "the page switched back to this computer and read there" \
    grep -q '^/local-reading' "$TMP/steps"
LOCAL_TIMES=$("$NPS" history list --json --data-dir "$DATA" 2>/dev/null |
    python3 -c 'import json, sys; print(sum(1 for r in json.load(sys.stdin)["items"] if r["kind"] == "time" and r["owner"] == "local"))')
check "that reading is in this computer's history (${LOCAL_TIMES:-0} time reading(s) of local)" \
    test "${LOCAL_TIMES:-0}" -eq 1
PID3=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["pid"])' "$READY3" 2>/dev/null)
[ -n "$PID3" ] && kill -TERM "$PID3" 2>/dev/null
for _ in $(seq 1 100); do kill -0 "${PID3:-0}" 2>/dev/null || break; sleep 0.1; done
end_app

# ---- a fourth launch: close to the tray ---------------------------------------------
# Driven in the real window by tests/desktop/tray.js (as a person in Settings' "Desktop
# app" card): close-to-tray on, the daily notification at 07:45; a bad time refused.
# Then the window's close button hides it: the app and its server keep running. A
# second launch brings the window back; Ctrl+Q quits, stopping the server.
log "close to the tray"
rm -f "$DATA/desktop.json"
{
    printf 'window.__NPS_TEST__ = {report: "%s"};\n' "$REPORT_URL"
    cat "$ROOT/tests/desktop/page.js" "$ROOT/tests/desktop/tray.js"
} > "$TMP/tray.js"
READY4="$TMP/ready4.json"
T_TRAY=$(date +%s%N)
launch_driven s4 "$TMP/tray.js" "$READY4" tray-settings
UI_LANG=$(unquote "$(step tray-saved)")
SAVED=$(cat "$DATA/desktop.json" 2>/dev/null | tr -d ' \n')
check "Settings saved close-to-tray and the notification at 07:45 in desktop.json (${SAVED:-none})" \
    test "$SAVED" = "{\"daily_notification\":\"07:45\",\"close_to_tray\":true,\"locale\":\"${UI_LANG:-?}\"}"
check "desktop.json is private (mode $(stat -c %a "$DATA/desktop.json" 2>/dev/null))" \
    test "$(stat -c %a "$DATA/desktop.json" 2>/dev/null)" = 600
BAD=$(unquote "$(step tray-bad-refused)")
AFTER=$(unquote "$(step tray-settings)" | tr -d ' ')
check "a time that does not exist is refused, nothing changed (${BAD:-accepted})" \
    bash -c '[[ "$0" == *"25:00"* ]] && [ "$1" = "$2" ]' "$BAD" "$AFTER" "$SAVED"
check "the notification is planned for 07:45 local time" \
    grep -q 'daily notification planned.*T07:45:00' "$TMP/s4.log"
PID4=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["pid"])' "$READY4" 2>/dev/null)
BASE4=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["base_url"])' "$READY4" 2>/dev/null)
export DISPLAY=$(cat "$TMP/s4/display") XAUTHORITY=$(cat "$TMP/s4/xauth")
visible() { xdotool search --onlyvisible --name '^NPS Oracle$' 2>/dev/null | head -1; }
check "the window is shown" test -n "$(visible)"
"$SYSTEM_PYTHON" "$ROOT/tests/desktop/wm_close.py" $(xdotool search --name '^NPS Oracle$' 2>/dev/null)
for _ in $(seq 1 50); do grep -q "window hidden in the tray" "$TMP/s4.log" && break; sleep 0.1; done
sleep 1
check "closing the window hides it in the tray" bash -c '[ -z "$0" ] && grep -q "window hidden in the tray" "$1"' "$(visible)" "$TMP/s4.log"
check "the app keeps running" kill -0 "${PID4:-0}"
check "its server still answers (GET /api/health 200)" test "$(code "$BASE4/api/health")" = 200
DBUS_SESSION_BUS_ADDRESS=$(cat "$TMP/s4/dbus") NPS_DESKTOP_PORT=0 NPS_DATA_DIR="$DATA" timeout 30 "$APP" > "$TMP/again.log" 2>&1
for _ in $(seq 1 50); do [ -n "$(visible)" ] && break; sleep 0.1; done
check "launching the app again brings the window back" test -n "$(visible)"
WID=$(visible)
xdotool mousemove --window "$WID" 200 200 2>/dev/null
xdotool windowfocus --sync "$WID" 2>/dev/null
xdotool key --clearmodifiers ctrl+q 2>/dev/null
for _ in $(seq 1 100); do kill -0 "${PID4:-0}" 2>/dev/null || break; sleep 0.1; done
check "Quit (Ctrl+Q) still ends it" bash -c '! kill -0 "${0:-0}" 2>/dev/null' "$PID4"
end_app
check "with status 0 after stopping its server (status $(cat "$TMP/s4/status" 2>/dev/null))" \
    bash -c '[ "$(cat "$0/status")" = 0 ] && grep -q "server stopped" "$1"' "$TMP/s4" "$TMP/s4.log"
TRAY_MS=$(( ($(date +%s%N) - T_TRAY) / 1000000 ))

SIZE=$(stat -c %s "$APP")
printf 'figures: ready file %s ms after launch; first paint (screenshot with >= 200 colours) %s ms; idle RSS %s MiB (nps-desktop) / %s MiB (with WebKit processes); debug binary %s MiB; close %s ms; tray launch %s ms\n' \
    "$READY_MS" "${PAINT_MS:-?}" "$((APP_RSS / 1024))" "$((TREE_RSS / 1024))" "$((SIZE / 1048576))" "$CLOSE_MS" "$TRAY_MS"
finish
