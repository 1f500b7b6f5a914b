// The desktop app against a remote `nps serve` (issue 10 item 10), driven in the real
// window (scripts/test-desktop.sh, NPS_DESKTOP_TEST_SCRIPT; debug builds only). The
// test prepends `window.__NPS_TEST__ = {url, user, password, report}`. Like a person in
// Settings: switch to the remote server and sign in there, run a time reading with its
// live progress, then switch back to this computer and run one more. Every step is
// reported to the test's listener (`report`, loopback); the test checks the readings in
// the remote server's history and in the app's own database.
(function () {
  var cfg = window.__NPS_TEST__;
  var report = window.__npsTestPage && window.__npsTestPage("remote");
  if (!report) return; // not the app's page, or run already (tests/desktop/page.js)
  function until(selector, ms) {
    return new Promise(function (resolve, reject) {
      var start = Date.now();
      (function poll() {
        var el = document.querySelector(selector);
        if (el) return resolve(el);
        if (Date.now() - start > ms) return reject(new Error("timed out waiting for " + selector));
        setTimeout(poll, 100);
      })();
    });
  }
  function pause(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }
  function type(selector, value) {
    var el = document.querySelector(selector);
    el.value = value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }
  // Settings → "this computer" (0) or "a remote server" (1) → "Use this server".
  async function useServer(remote, url, user, password) {
    window.location.hash = "#/settings";
    await until('input[type="radio"][name="server"]', 10000);
    document.querySelectorAll('input[type="radio"][name="server"]')[remote ? 1 : 0].click();
    await pause(300);
    if (remote) {
      await until("#s-url", 5000);
      type("#s-url", url);
    }
    type("#s-username", user);
    type("#s-password", password);
    await pause(300); // let the form re-render with what was typed, as between keystrokes
    document.querySelector(".actions button.primary").click();
    var result = await until('[data-testid="connection-test-result"]', 15000);
    if (!result.classList.contains("ok")) throw new Error("connection test: " + result.textContent);
    window.location.hash = "#/";
    await pause(500);
    await until('[data-status="connected"]', 15000);
  }
  // A time reading; the progress values the bar showed on the way.
  async function timeReading() {
    var seen = [];
    var observer = new MutationObserver(function () {
      var bar = document.querySelector('[role="progressbar"]');
      if (bar) seen.push(Number(bar.getAttribute("aria-valuenow")));
    });
    observer.observe(document.body, {
      subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow"],
    });
    (await until('button.kind[data-kind="time"]', 10000)).click();
    (await until('[data-testid="reading-submit"]', 5000)).click();
    await until('[data-testid="reading-result"]', 20000);
    await until('[role="progressbar"][aria-valuenow="100"]', 10000);
    observer.disconnect();
    return seen;
  }
  async function run() {
    await until('[data-status="connected"]', 20000);
    await report("local-connected", window.location.origin);
    await useServer(true, cfg.url, cfg.user, cfg.password);
    await report("remote-connected", cfg.url);
    var progress = await timeReading();
    await report("remote-reading", progress.join(","));
    await useServer(false, "", "", "");
    await report("local-again", window.location.origin);
    await timeReading();
    await report("local-reading", "");
  }
  window.addEventListener("load", function () {
    run().catch(function (e) { report("error", String(e)); });
  });
})();
