//! The wasm entry point: `wasm-bindgen` runs `main`, which mounts the app.

fn main() {
    #[cfg(target_arch = "wasm32")]
    nps_ui::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("nps-ui runs in a browser: build it with scripts/build-ui.sh");
}
