#!/usr/bin/env bash
# What can be checked here of the macOS and release side (issue 12); part of ./dev test.
#
# 1. `cargo check` for aarch64-apple-darwin and x86_64-apple-darwin of every crate that
#    needs no C toolchain: nps-engine, nps-i18n, nps-protocol, nps-readings. The others
#    cannot be checked here: nps-store (and so nps-server, nps-cli, nps-loadtest) builds
#    SQLite's C code (libsqlite3-sys, bundled) and nps-desktop Objective-C
#    (objc2-exception-helper), which need Apple's clang and the macOS SDK.
# 2. .github/workflows/release.yml: valid against the GitHub workflow schema
#    (check-jsonschema) and clean for zizmor, a GitHub Actions linter (both from PyPI,
#    installed when missing, at pinned versions).
# The bundle configuration itself is checked by src-tauri/tests/bundle_config.rs.
# Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

APPLE_TARGETS=(aarch64-apple-darwin x86_64-apple-darwin)
PURE_RUST_CRATES=(nps-engine nps-i18n nps-protocol nps-readings)
PYPI_TOOLS=("check-jsonschema==0.39.0" "zizmor==1.32.0")
WORKFLOW=.github/workflows/release.yml

. scripts/lib/tally.sh
# Runs a command, showing its output only when it fails.
quiet() { local out; out=$("$@" 2>&1) || { printf '%s\n' "$out"; return 1; }; }

if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
fi
for target in "${APPLE_TARGETS[@]}"; do
    if ! rustup target list --installed 2>/dev/null | grep -qx "$target"; then
        log "adding the $target target"
        rustup target add "$target"
    fi
done
for tool in "${PYPI_TOOLS[@]}"; do
    name=${tool%%==*} version=${tool##*==}
    if ! "$name" --version 2>/dev/null | grep -q "$version"; then
        log "installing $tool (PyPI)"
        python3 -m pip install --quiet --disable-pip-version-check "$tool"
    fi
done

packages=()
for crate in "${PURE_RUST_CRATES[@]}"; do packages+=(-p "$crate"); done
for target in "${APPLE_TARGETS[@]}"; do
    check "cargo check --target $target (${PURE_RUST_CRATES[*]})" \
        cargo check --quiet --target "$target" "${packages[@]}"
done
check "$WORKFLOW matches the GitHub workflow schema" \
    quiet check-jsonschema --builtin-schema vendor.github-workflows "$WORKFLOW"
check "zizmor finds nothing in $WORKFLOW" \
    quiet zizmor --offline --quiet --config .github/zizmor.yml "$WORKFLOW"

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
