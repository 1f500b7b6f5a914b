#!/usr/bin/env bash
# Runs the app inside `xvfb-run … dbus-run-session --` for scripts/test-desktop.sh:
# writes the session's DISPLAY, XAUTHORITY and D-Bus address into OUT (for the test's
# own X and D-Bus clients), starts the notification recorder (notifications.py) on
# this session bus when NPS_TEST_NOTIFICATIONS names its file, runs APP and writes
# its exit status to OUT/status.
#
#   in-session.sh OUT APP
set -u
OUT=$1
APP=$2
echo "$DISPLAY" > "$OUT/display"
echo "$XAUTHORITY" > "$OUT/xauth"
echo "$DBUS_SESSION_BUS_ADDRESS" > "$OUT/dbus"
if [ -n "${NPS_TEST_NOTIFICATIONS:-}" ]; then
    "${SYSTEM_PYTHON:-python3}" "$(dirname "$0")/notifications.py" "$NPS_TEST_NOTIFICATIONS" &
    for _ in $(seq 1 100); do
        [ -e "$NPS_TEST_NOTIFICATIONS.ready" ] && break
        sleep 0.05
    done
fi
"$APP"
status=$?
echo "$status" > "$OUT/status"
exit "$status"
