// Runs before the first paint (a classic script in <head>; the CSP allows no inline
// script): the language the app will start in — the saved one, else the browser's —
// sets <html lang dir>, so the loading screen is in that language and direction and
// the Persian font is fetched only for a Persian page. Mirrors
// services::storage::load_settings in the wasm app.
(function () {
  var locale = 'en';
  try {
    var saved = JSON.parse(window.localStorage.getItem('nps.settings') || 'null');
    if (saved && (saved.locale === 'fa' || saved.locale === 'en')) {
      locale = saved.locale;
    } else if (/^fa(?:[-_]|$)/i.test(navigator.language || '')) {
      locale = 'fa';
    }
  } catch (e) {
    // Storage disabled or unreadable: the browser's language alone decides.
    if (/^fa(?:[-_]|$)/i.test(navigator.language || '')) locale = 'fa';
  }
  document.documentElement.lang = locale;
  document.documentElement.dir = locale === 'fa' ? 'rtl' : 'ltr';
})();
