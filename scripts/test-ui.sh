#!/usr/bin/env bash
# End-to-end tests of the web UI: builds the UI (scripts/build-ui.sh) and `nps`, starts
# `nps serve` on a free loopback port with a temporary data directory and its users, and
# a second `nps serve` (another port, so another origin, its own data directory and
# user, `--allowed-origin` the first) as the "remote server" of the cross-origin test,
# and runs tests/browser (node --test, playwright-core driving Debian's chromium).
# Screenshots go to tests/artifacts/. Ends with "N passed, N failed"; exits non-zero on
# any failure. Every process it starts is stopped on exit.
#
# Needs: chromium (apt-get install chromium), Node.js 18+ with npm.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

log() { printf '==> %s\n' "$*" >&2; }

WORK=$(mktemp -d)
PID_FILE=$WORK/server.pid
REMOTE_PID=""
cleanup() {
    if [ -n "$REMOTE_PID" ] && kill -0 "$REMOTE_PID" 2>/dev/null; then
        kill "$REMOTE_PID" 2>/dev/null || true
        wait "$REMOTE_PID" 2>/dev/null || true
    fi
    local pid
    if [ -f "$PID_FILE" ]; then
        pid=$(cat "$PID_FILE" 2>/dev/null || true)
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -9 "$pid" 2>/dev/null || true
        fi
    fi
    if [ -n "${TEST_PID:-}" ] && kill -0 "$TEST_PID" 2>/dev/null; then
        kill "$TEST_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail_setup() {
    echo "test-ui: $*" >&2
    echo "0 passed, 1 failed"
    exit 1
}

CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
[ -n "$CHROMIUM" ] || fail_setup "chromium is not installed (apt-get install chromium)"
command -v npm >/dev/null 2>&1 || fail_setup "npm is not installed"

log "building the UI"
scripts/build-ui.sh || fail_setup "the UI build failed"
log "building nps"
cargo build --quiet -p nps-cli || fail_setup "building nps failed"
NPS=$ROOT/target/debug/nps

if [ ! -d tests/browser/node_modules/playwright-core ] \
    || [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
    log "installing the browser tests' npm devDependencies"
    (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error) || fail_setup "npm ci failed"
fi

DATA=$WORK/data
mkdir -p "$DATA"
PASSWORD_A=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
PASSWORD_B=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s\n' "$PASSWORD_A" | "$NPS" user add alice --data-dir "$DATA" >/dev/null || fail_setup "nps user add alice failed"
printf '%s\n' "$PASSWORD_B" | "$NPS" user add bob --data-dir "$DATA" >/dev/null || fail_setup "nps user add bob failed"
# dara: the saved-people test's own login (people.test.mjs), so its readings and people
# touch nobody the other files count on.
PASSWORD_C=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s\n' "$PASSWORD_C" | "$NPS" user add dara --data-dir "$DATA" >/dev/null || fail_setup "nps user add dara failed"
# erin: the forms test's own login (forms.test.mjs), for the same reason.
PASSWORD_D=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s\n' "$PASSWORD_D" | "$NPS" user add erin --data-dir "$DATA" >/dev/null || fail_setup "nps user add erin failed"
# farah: the results test's own login (results.test.mjs), for the same reason.
PASSWORD_E=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s\n' "$PASSWORD_E" | "$NPS" user add farah --data-dir "$DATA" >/dev/null || fail_setup "nps user add farah failed"
# fred: the keyboard, phone and rating tests' own login (a11y, mobile, marks .test.mjs).
PASSWORD_F=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s\n' "$PASSWORD_F" | "$NPS" user add fred --data-dir "$DATA" >/dev/null || fail_setup "nps user add fred failed"

# Start on port 0, read the real address, then keep the same arguments (with that port)
# for the restart the tests do.
start_server() {
    local bind=$1 out=$2
    "$NPS" serve --bind "$bind" --data-dir "$DATA" --ui-dir "$ROOT/ui/dist" \
        --heartbeat-secs 2 --pong-timeout-secs 2 >"$out" 2>"$WORK/server.err" &
    echo $! >"$PID_FILE"
}
log "starting nps serve"
start_server 127.0.0.1:0 "$WORK/server.out"
URL=""
for _ in $(seq 1 200); do
    URL=$(grep -o 'listening on http://[0-9.:]*' "$WORK/server.out" 2>/dev/null | head -1 | sed 's/listening on //')
    [ -n "$URL" ] && break
    kill -0 "$(cat "$PID_FILE")" 2>/dev/null || break
    sleep 0.1
done
[ -n "$URL" ] || { cat "$WORK/server.err" >&2; fail_setup "nps serve did not start"; }
log "server at $URL"

# Server A, the "remote" one: its own data directory and user; the UI's origin (B, the
# server above) is allowed by flag.
REMOTE_DATA=$WORK/remote-data
mkdir -p "$REMOTE_DATA"
PASSWORD_R=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s\n' "$PASSWORD_R" | "$NPS" user add carol --data-dir "$REMOTE_DATA" >/dev/null || fail_setup "nps user add carol failed"
"$NPS" serve --bind 127.0.0.1:0 --data-dir "$REMOTE_DATA" --allowed-origin "$URL" \
    --heartbeat-secs 2 --pong-timeout-secs 2 >"$WORK/remote.out" 2>"$WORK/remote.err" &
REMOTE_PID=$!
REMOTE_URL=""
for _ in $(seq 1 200); do
    REMOTE_URL=$(grep -o 'listening on http://[0-9.:]*' "$WORK/remote.out" 2>/dev/null | head -1 | sed 's/listening on //')
    [ -n "$REMOTE_URL" ] && break
    kill -0 "$REMOTE_PID" 2>/dev/null || break
    sleep 0.1
done
[ -n "$REMOTE_URL" ] || { cat "$WORK/remote.err" >&2; fail_setup "the remote nps serve did not start"; }
log "remote server at $REMOTE_URL (allows $URL)"
export NPS_REMOTE_URL=$REMOTE_URL NPS_REMOTE_USER=carol NPS_REMOTE_PASSWORD=$PASSWORD_R

ARTIFACTS=$ROOT/tests/artifacts
mkdir -p "$ARTIFACTS"
export NPS_URL=$URL NPS_BIN=$NPS NPS_SERVER_PID_FILE=$PID_FILE NPS_ARTIFACTS=$ARTIFACTS CHROMIUM
export NPS_USER_A=alice NPS_PASSWORD_A=$PASSWORD_A NPS_USER_B=bob NPS_PASSWORD_B=$PASSWORD_B
export NPS_USER_C=dara NPS_PASSWORD_C=$PASSWORD_C
export NPS_USER_D=erin NPS_PASSWORD_D=$PASSWORD_D
export NPS_USER_E=farah NPS_PASSWORD_E=$PASSWORD_E
export NPS_USER_F=fred NPS_PASSWORD_F=$PASSWORD_F
NPS_SERVE_ARGS=$(printf '%s\n' serve --bind "${URL#http://}" --data-dir "$DATA" --ui-dir "$ROOT/ui/dist" \
    --heartbeat-secs 2 --pong-timeout-secs 2)
export NPS_SERVE_ARGS

log "running the browser tests"
REPORT=$WORK/report.tap
# One file at a time: ui.test.mjs and first-use.test.mjs stop and restart server B.
# NPS_BROWSER_TESTS="a11y.test.mjs marks.test.mjs" runs only those files.
FILES=${NPS_BROWSER_TESTS:-ui.test.mjs cross-origin.test.mjs people.test.mjs forms.test.mjs \
    first-use.test.mjs results.test.mjs a11y.test.mjs mobile.test.mjs marks.test.mjs}
# shellcheck disable=SC2086 # a list of file names
(cd tests/browser && node --test --test-concurrency=1 --test-reporter=tap $FILES) >"$REPORT" 2>&1 &
TEST_PID=$!
wait "$TEST_PID"
STATUS=$?
TEST_PID=""
cat "$REPORT"
PASSED=$(grep -E '^# pass [0-9]+' "$REPORT" | awk '{print $3}' | tail -1)
FAILED=$(grep -E '^# fail [0-9]+' "$REPORT" | awk '{print $3}' | tail -1)
PASSED=${PASSED:-0}
FAILED=${FAILED:-0}
if [ "$STATUS" -ne 0 ] && [ "$FAILED" -eq 0 ]; then
    FAILED=1
fi
log "screenshots in tests/artifacts/"
echo "$PASSED passed, $FAILED failed"
[ "$STATUS" -eq 0 ] && [ "$FAILED" -eq 0 ]
