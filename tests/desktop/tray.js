// The desktop app's own settings, driven in the real window (scripts/test-desktop.sh,
// NPS_DESKTOP_TEST_SCRIPT; debug builds only). The test prepends
// `window.__NPS_TEST__ = {report}`. Like a person in Settings' "Desktop app" card: turn
// on "keep running in the tray" and the daily notification at 07:45. Then, as a
// page that sends bad data would, one call with a time that does not exist, which the
// shell must refuse. Every step is reported to the test's listener (`report`).
(function () {
  var report = window.__npsTestPage && window.__npsTestPage("tray");
  if (!report) return; // not the app's page, or run already (tests/desktop/page.js)
  function until(test, ms, what) {
    return new Promise(function (resolve, reject) {
      var start = Date.now();
      (function poll() {
        var found = test();
        if (found) return resolve(found);
        if (Date.now() - start > ms) return reject(new Error("timed out waiting for " + what));
        setTimeout(poll, 100);
      })();
    });
  }
  function el(selector) {
    return document.querySelector(selector);
  }
  function settings() {
    return window.__TAURI_INTERNALS__.invoke("get_desktop_settings", {});
  }
  // Changes an input as a person does, then waits until the shell has saved what
  // `saved` expects (the card's own "Saved." line is the page's to manage).
  async function change(selector, edit, saved) {
    var input = await until(function () {
      var i = el(selector);
      return i && !i.disabled && i;
    }, 10000, selector);
    edit(input);
    input.dispatchEvent(new Event("change", { bubbles: true }));
    var start = Date.now();
    while (!saved(await settings())) {
      if (Date.now() - start > 10000) throw new Error("not saved: " + selector);
      await pause(100);
    }
  }
  function pause(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  async function run() {
    await until(function () { return document.body && document.body.childElementCount > 0; }, 20000, "the page");
    window.location.hash = "#/settings";
    await until(function () { return el('[data-testid="desktop-settings"] #s-tray'); }, 20000, "the desktop card");
    // The card saves the page's language once on its own (desktop.json has none yet).
    var lang = document.documentElement.lang;
    var start = Date.now();
    while ((await settings()).locale !== lang) {
      if (Date.now() - start > 10000) throw new Error("the language was not saved");
      await pause(100);
    }
    await change("#s-tray", function (i) { i.checked = true; }, function (s) { return s.close_to_tray; });
    await change("#s-daily", function (i) { i.checked = true; }, function (s) { return s.daily_notification === "08:00"; });
    await change("#s-daily-time", function (i) { i.value = "07:45"; }, function (s) { return s.daily_notification === "07:45"; });
    await report("tray-saved", document.documentElement.lang);
    try {
      await window.__TAURI_INTERNALS__.invoke("set_desktop_settings", {
        settings: { daily_notification: "25:00", close_to_tray: false },
      });
      await report("tray-bad-accepted");
    } catch (e) {
      await report("tray-bad-refused", String(e));
    }
    var now = await settings();
    await report("tray-settings", JSON.stringify(now));
  }
  run().catch(function (e) { report("error", String(e && e.message || e)); });
})();
