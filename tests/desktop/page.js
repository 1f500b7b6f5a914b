// Shared by the scripts scripts/test-desktop.sh runs in the app's window (remote.js,
// tray.js; prepended after `window.__NPS_TEST__ = {…, report}`).
// `__npsTestPage(name)`: null when this is not the app's page or the script `name`
// already ran in this window; else `report(step, detail)`, which sends one step to
// the test's listener.
window.__npsTestPage = function (name) {
  var cfg = window.__NPS_TEST__;
  if (!window.__NPS__ || !cfg) return null;
  var key = "nps." + name + ".started";
  if (window.sessionStorage.getItem(key)) return null;
  window.sessionStorage.setItem(key, "1");
  return function report(step, detail) {
    var url = cfg.report + "/" + step + "?" + encodeURIComponent(detail || "");
    return fetch(url, { mode: "no-cors" }).catch(function () {});
  };
};
