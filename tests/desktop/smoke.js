// The smoke test's page script (scripts/test-desktop.sh, NPS_DESKTOP_TEST_SCRIPT; debug
// builds only). It runs in the window after the app's own initialization script and
// does what the UI does: one question reading through the embedded server's API with
// the injected token — a cross-origin request from the app's page (nps://localhost) to
// http://127.0.0.1:PORT, so CORS is exercised in the real webview. The question names
// the page's origin and the marker an earlier launch left in localStorage: the test
// reads both back from the history database to prove the origin (and so the UI's
// storage) is the same across launches.
(function () {
  var nps = window.__NPS__;
  if (!nps) return; // not the app's page: the app's script defined nothing
  var KEY = "nps.smoke.marker";
  var previous = window.localStorage.getItem(KEY) || "none";
  var marker = "m" + Date.now();
  window.localStorage.setItem(KEY, marker);
  var question =
    "smoke origin=" + window.location.origin + " previous=" + previous + " marker=" + marker;
  fetch(nps.base_url + "/api/oracle/question", {
    method: "POST",
    headers: { Authorization: "Bearer " + nps.token, "Content-Type": "application/json" },
    body: JSON.stringify({ question: question, locale: "en", request_id: "smoke-" + marker }),
  }).then(
    function (r) { console.log("smoke reading: HTTP " + r.status); },
    function (e) { console.log("smoke reading failed: " + e); }
  );
})();
