#!/usr/bin/env bash
# The implementation of ./dev (see there). Kept in one file so CI and people run the
# same steps.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '==> %s\n' "$*" >&2; }

# ---- setup (idempotent) ----------------------------------------------------------
ensure_rust() {
    if ! command -v cargo >/dev/null 2>&1; then
        if [ -x "$HOME/.cargo/bin/cargo" ]; then
            export PATH="$HOME/.cargo/bin:$PATH"
        else
            log "installing Rust (rustup)"
            curl -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
            export PATH="$HOME/.cargo/bin:$PATH"
        fi
    fi
    if command -v rustup >/dev/null 2>&1; then
        for component in rustfmt clippy; do
            if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
                log "adding the $component component"
                rustup component add "$component"
            fi
        done
        # The protocol crate (and later the UI) must build for the browser.
        if ! rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
            log "adding the wasm32-unknown-unknown target"
            rustup target add wasm32-unknown-unknown
        fi
    fi
}

# The web UI's tools: Debian's chromium for the browser tests (Playwright's own download
# does not work here) and Node.js 20+/npm (wasm-opt, the Persian font, playwright-core).
# wasm-bindgen-cli is installed by scripts/build-ui.sh itself, at Cargo.lock's version.
ensure_ui_tools() {
    local sudo="" missing=()
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
    if [ ${#missing[@]} -gt 0 ]; then
        log "installing ${missing[*]}"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
    fi
    if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 20 ]; then
        log "the browser tests need Node.js 20 or newer"; return 1
    fi
}

# The export crate's tests read its PDFs with poppler's pdftotext and pdfinfo.
ensure_pdf_tools() {
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1; then
        log "installing poppler-utils"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq poppler-utils
    fi
}

# The TLS tests of the server and the CLI make throwaway certificates with openssl
# (no key is committed).
ensure_tls_tools() {
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    if ! command -v openssl >/dev/null 2>&1; then
        log "installing openssl"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq openssl
    fi
}

setup() {
    ensure_rust
    ensure_ui_tools
    ensure_pdf_tools
    ensure_tls_tools
    scripts/desktop-deps.sh
    # The storage tests run against PostgreSQL too, and the cluster tests run two nodes on
    # it: crates/store's and crates/cli's (tests/cluster) harnesses start a throwaway
    # server with scripts/postgres.sh (or use $NPS_TEST_DATABASE_URL).
    scripts/postgres.sh install
    scripts/windows-deps.sh
}

# ---- run -------------------------------------------------------------------------
run() {
    setup
    [ -f ui/dist/index.html ] || scripts/build-ui.sh
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        log "building and starting the NPS Oracle desktop app"
        cargo build --release --quiet -p nps-desktop
        exec ./target/release/nps-desktop
    fi
    log "no display: serving the same UI with nps serve; open the URL it prints"
    log "sign in with a login made by: echo 'a password' | ./target/release/nps user add NAME"
    cargo build --release --quiet -p nps-cli
    exec ./target/release/nps serve --ui-dir ui/dist
}

# ---- test ------------------------------------------------------------------------
PASSED=0
FAILED=0
STEP_FAILURES=()

# Runs a cargo test invocation, adding its "N passed; M failed" lines to the totals.
count_cargo_tests() {
    local name=$1; shift
    local out status
    out=$(mktemp)
    set +e
    "$@" 2>&1 | tee "$out"
    status=${PIPESTATUS[0]}
    set -e
    local p f
    p=$(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$out" | grep -Eo '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
    f=$(grep -Eo '[0-9]+ failed;' "$out" | awk '{s+=$1} END {print s+0}')
    PASSED=$((PASSED + p))
    FAILED=$((FAILED + f))
    if [ "$status" -ne 0 ]; then
        STEP_FAILURES+=("$name")
        [ "$f" -gt 0 ] || FAILED=$((FAILED + 1))
    fi
    rm -f "$out"
}

# Runs a script that ends with "N passed, N failed", adding its figures to the totals.
count_script_tests() {
    local name=$1 script=$2 out status line p f
    out=$(mktemp)
    set +e
    "$script" 2>&1 | tee "$out"
    status=${PIPESTATUS[0]}
    set -e
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$out" | tail -1)
    p=$(echo "$line" | awk '{print $1}'); f=$(echo "$line" | awk '{print $3}')
    PASSED=$((PASSED + ${p:-0})); FAILED=$((FAILED + ${f:-0}))
    if [ "$status" -ne 0 ]; then
        STEP_FAILURES+=("$name")
        [ "${f:-0}" -gt 0 ] || FAILED=$((FAILED + 1))
    fi
    rm -f "$out"
}

# Runs a check that is one pass or one failure.
check() {
    local name=$1; shift
    log "$name"
    if "$@"; then
        PASSED=$((PASSED + 1))
    else
        FAILED=$((FAILED + 1))
        STEP_FAILURES+=("$name")
    fi
}

# One line after each heavy step: how much the build takes and how much disk is left,
# so a run that fills the disk says where (CI's disk is shared and not large).
disk_note() {
    local used free
    used=$(du -sh target 2>/dev/null | cut -f1)
    free=$(df -h --output=avail . 2>/dev/null | tail -1 | tr -d ' ')
    log "disk after $1: target/ ${used:-0}, ${free:-?} free"
}

# One heavy test script of the run: its heading, its tests counted under NAME, then the
# disk note.
script_step() {
    local heading=$1 name=$2 script=$3
    log "$heading"
    count_script_tests "$name" "$script"
    disk_note "$name"
}

test_all() {
    setup
    # A full run is one pass: incremental caches would only add gigabytes to target/.
    export CARGO_INCREMENTAL=0
    check "rustfmt" cargo fmt --all -- --check
    check "clippy (all targets, warnings are errors)" cargo clippy --workspace --all-targets --quiet -- -D warnings
    check "code shape (no import cycle, no function over 80 lines)" python3 scripts/check-shape.py
    log "cargo test (workspace)"
    count_cargo_tests "cargo test" cargo test --workspace --no-fail-fast
    disk_note "cargo test"
    script_step "web UI end to end (headless Chromium)" "web UI end to end" scripts/test-ui.sh
    script_step "desktop app smoke test (Xvfb)" "desktop smoke test" scripts/test-desktop.sh
    script_step "Windows: the test suites, golden vectors, a live server, the installer (Wine)" \
        "Windows under Wine" scripts/test-windows.sh
    script_step "macOS targets and the release workflow" "release checks" scripts/check-release.sh
    check "benchmarks compile" cargo bench -p nps-engine --no-run --quiet
    if [ ${#STEP_FAILURES[@]} -gt 0 ]; then
        log "failed steps: ${STEP_FAILURES[*]}"
    fi
    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ] && [ ${#STEP_FAILURES[@]} -eq 0 ]
}

case "${1:-}" in
    run) shift; run "$@" ;;
    test) shift; test_all "$@" ;;
    setup) setup ;;
    *) echo "usage: ./dev run | ./dev test" >&2; exit 2 ;;
esac
