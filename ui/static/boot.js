// Loads the wasm app (wasm-bindgen --target web); `main` mounts it on <body>, and the
// loading screen of index.html goes once the app has drawn itself. A failure shows the
// screen's own message (both languages are in index.html, CSS picks one).
import init from './nps-ui.js';

const screen = document.getElementById('boot-screen');

init({ module_or_path: new URL('nps-ui_bg.wasm', import.meta.url) })
  .then(() => {
    // Yew draws on its scheduler: wait for the next frame, then leave.
    requestAnimationFrame(() => screen?.remove());
  })
  .catch((error) => {
    console.error('NPS Oracle failed to start', error);
    document.body.dataset.bootError = 'true';
  });
