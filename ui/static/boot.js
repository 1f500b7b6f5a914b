// Loads the wasm app (wasm-bindgen --target web); `main` mounts it on <body>.
import init from './nps-ui.js';

init({ module_or_path: new URL('nps-ui_bg.wasm', import.meta.url) }).catch((error) => {
  console.error('NPS Oracle failed to start', error);
  document.body.dataset.bootError = 'true';
});
