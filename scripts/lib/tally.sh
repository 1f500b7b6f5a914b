# Sourced by the test scripts that end with "N passed, N failed": the two counters and
# ok NAME / fail NAME (count and print one result), check NAME COMMAND... (runs COMMAND;
# ok when it exits 0, else fail) and log TEXT (a progress line on stderr). Each script
# writes its own finish, which prints the counts.
PASSED=0
FAILED=0
ok() { PASSED=$((PASSED + 1)); printf 'ok     %s\n' "$*"; }
fail() { FAILED=$((FAILED + 1)); printf 'FAILED %s\n' "$*"; }
check() { local name=$1; shift; if "$@"; then ok "$name"; else fail "$name"; fi; }
log() { printf '==> %s\n' "$*" >&2; }
