#!/usr/bin/env bash
# Builds the web UI into ui/dist/: release wasm (cargo), JS glue (wasm-bindgen --target
# web), size optimization (wasm-opt -Oz from npm binaryen), then index.html, CSS, the
# boot scripts and the bundled Vazirmatn font; scripts/ui-dist.mjs then writes the
# loading screen's texts into index.html, fingerprints the files (name.<hash>.ext, cached
# for a year by browsers) and adds brotli/gzip twins (x.br, x.gz) that `nps serve`
# sends to browsers that accept them. Idempotent: each tool is installed only when
# missing or at the wrong version. Prints the gzipped size of the wasm.
#
#   scripts/build-ui.sh            # build
#   NPS_UI_SKIP_OPT=1 scripts/build-ui.sh   # skip wasm-opt (faster, larger)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
UI=$ROOT/ui
DIST=$UI/dist
TARGET=wasm32-unknown-unknown

log() { printf '==> %s\n' "$*" >&2; }

if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
fi

# ---- tools (idempotent) ----------------------------------------------------------
if command -v rustup >/dev/null 2>&1 && ! rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
    log "adding the $TARGET target"
    rustup target add "$TARGET"
fi

# wasm-bindgen-cli must be exactly the version of the wasm-bindgen crate in Cargo.lock.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WB_VERSION" ]; then
    echo "build-ui: cannot find the wasm-bindgen version in Cargo.lock" >&2
    exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
    log "installing wasm-bindgen-cli $WB_VERSION (a few minutes, once)"
    # Not --locked: the CLI's own lock file pins crates that no longer build.
    cargo install wasm-bindgen-cli --version "$WB_VERSION" --force --quiet
fi

# npm devDependencies (binaryen's wasm-opt, the Vazirmatn font) from the lock file.
if ! command -v npm >/dev/null 2>&1; then
    echo "build-ui: npm is needed (Node.js 18+)" >&2
    exit 1
fi
if [ ! -x "$UI/node_modules/.bin/wasm-opt" ] || [ ! -d "$UI/node_modules/vazirmatn" ] \
    || [ "$UI/package-lock.json" -nt "$UI/node_modules/.package-lock.json" ]; then
    log "installing the UI's npm devDependencies"
    (cd "$UI" && npm ci --no-audit --no-fund --loglevel=error)
fi

# ---- build -------------------------------------------------------------------------
log "building nps-ui for $TARGET (release)"
# Size over speed for the browser bundle; these override the workspace's release
# profile for this build only.
CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
CARGO_PROFILE_RELEASE_LTO=true \
CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
CARGO_PROFILE_RELEASE_PANIC=abort \
CARGO_PROFILE_RELEASE_DEBUG=false \
    cargo build --quiet -p nps-ui --bin nps-ui --release --target "$TARGET"

WASM_IN=$ROOT/target/$TARGET/release/nps-ui.wasm
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT

log "wasm-bindgen --target web"
wasm-bindgen "$WASM_IN" --out-dir "$STAGE" --out-name nps-ui --target web --no-typescript

if [ "${NPS_UI_SKIP_OPT:-}" = 1 ]; then
    log "skipping wasm-opt (NPS_UI_SKIP_OPT=1)"
else
    log "wasm-opt -Oz"
    "$UI/node_modules/.bin/wasm-opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
        --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
        --strip-debug --strip-producers \
        -o "$STAGE/nps-ui_bg.opt.wasm" "$STAGE/nps-ui_bg.wasm"
    mv "$STAGE/nps-ui_bg.opt.wasm" "$STAGE/nps-ui_bg.wasm"
fi

# ---- assemble dist/ (replace atomically enough for a server that is running) -------
mkdir -p "$STAGE/fonts"
cp "$UI/static/index.html" "$UI/static/style.css" "$UI/static/boot.js" "$UI/static/locale.js" "$STAGE/"
cp "$UI/static/favicon.svg" "$STAGE/"
cp "$UI/node_modules/vazirmatn/fonts/webfonts/Vazirmatn[wght].woff2" "$STAGE/fonts/Vazirmatn-wght.woff2"
cp "$UI/node_modules/vazirmatn/OFL.txt" "$STAGE/fonts/Vazirmatn-OFL.txt"
log "texts, fingerprints, brotli and gzip twins"
node "$ROOT/scripts/ui-dist.mjs" "$STAGE"
mkdir -p "$DIST"
find "$DIST" -mindepth 1 -delete
cp -R "$STAGE"/. "$DIST"/

WASM_OUT=$(ls "$DIST"/nps-ui_bg.*.wasm)
RAW=$(wc -c < "$WASM_OUT")
GZ=$(gzip -9 -c "$WASM_OUT" | wc -c)
printf 'ui/dist: %s %d bytes, %d bytes gzipped (%d KiB; goal <= 600 KiB)\n' \
    "$(basename "$WASM_OUT")" "$RAW" "$GZ" $(( (GZ + 1023) / 1024 ))
