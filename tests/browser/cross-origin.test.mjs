// The UI served by one `nps serve` (origin B, NPS_URL) switches in Settings to another
// `nps serve` on another port (origin A, NPS_REMOTE_URL, started with
// `--allowed-origin B`): it signs in there, runs a reading with live progress over A's
// socket, finds it in A's history — then switches back to B. Every request to A is
// cross-origin, so this is CORS (preflights included) in a real Chromium.
// Started by scripts/test-ui.sh, which provides besides ui.test.mjs's variables:
//   NPS_REMOTE_URL                    http://127.0.0.1:PORT of server A
//   NPS_REMOTE_USER, NPS_REMOTE_PASSWORD   a login on A (none of B's users exist there)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launchChromium, submitLogin } from './browser.mjs';

const B = process.env.NPS_URL;
const A = process.env.NPS_REMOTE_URL;
const ARTIFACTS = process.env.NPS_ARTIFACTS ?? 'tests/artifacts';
const USER_B = process.env.NPS_USER_A ?? 'alice';
const PASS_B = process.env.NPS_PASSWORD_A;
const USER_A = process.env.NPS_REMOTE_USER;
const PASS_A = process.env.NPS_REMOTE_PASSWORD;

assert.ok(B && A && USER_A && PASS_A, 'NPS_URL and NPS_REMOTE_* are set (run scripts/test-ui.sh)');
assert.notEqual(new URL(A).origin, new URL(B).origin, 'two origins');

let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

/** A's history of `user`, through A's API (login, then the list). */
async function remoteHistory(user, password) {
  const login = await fetch(A + '/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: user, password }),
  });
  assert.equal(login.status, 200);
  const { access_token: token } = await login.json();
  const list = await fetch(A + '/api/oracle/readings', { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(list.status, 200);
  return list.json();
}

/** Settings: pick "this computer" or the remote URL, sign in there, use it. */
async function useServer(page, { remote, url, user, password }) {
  await page.goto(B + '/#/settings');
  const radios = page.locator('input[type="radio"][name="server"]');
  await radios.nth(remote ? 1 : 0).check();
  if (remote) await page.fill('#s-url', url);
  await page.fill('#s-username', user);
  await page.fill('#s-password', password);
  await page.click('.actions button.primary');
  await page.waitForSelector('[data-testid="connection-test-result"].ok', { timeout: 15_000 });
  await page.goto(B + '/#/');
  await page.waitForSelector('[data-status="connected"]', { timeout: 15_000 });
}

test('the UI of one origin uses a remote server on another, then comes back', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const sockets = [];
  const frames = [];
  const errors = [];
  const requestsToA = [];
  page.on('websocket', (ws) => {
    sockets.push(ws.url());
    ws.on('framereceived', (f) => frames.push({ url: ws.url(), payload: String(f.payload) }));
  });
  page.on('request', (r) => { if (r.url().startsWith(A)) requestsToA.push(`${r.method()} ${new URL(r.url()).pathname}`); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

  // Signed in on B first, as a user of B.
  await page.goto(B + '/');
  await submitLogin(page, USER_B, PASS_B);
  await page.waitForSelector('[data-status="connected"]', { timeout: 15_000 });

  const before = (await remoteHistory(USER_A, PASS_A)).total;

  // Switch to A: health, login and (after the switch) the socket, all cross-origin.
  await useServer(page, { remote: true, url: A, user: USER_A, password: PASS_A });
  assert.ok(requestsToA.includes('GET /api/health'), requestsToA.join(', '));
  assert.ok(requestsToA.includes('POST /api/auth/login'), requestsToA.join(', '));
  const wsA = A.replace(/^http/, 'ws') + '/ws/oracle';
  assert.ok(sockets.some((u) => u.startsWith(wsA)), sockets.join(', '));

  // A reading on A, with its live progress over A's socket.
  await page.click('button.kind[data-kind="time"]');
  await page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"]');
      if (bar) window.__progress.push(Number(bar.getAttribute('aria-valuenow')));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
  await page.click('[data-testid="reading-submit"]');
  await page.waitForSelector('[data-testid="reading-result"]', { timeout: 20_000 });
  await page.waitForSelector('[role="progressbar"][aria-valuenow="100"]');
  assert.ok(requestsToA.includes('POST /api/oracle/reading'), requestsToA.join(', '));
  const progress = await page.evaluate(() => window.__progress);
  assert.ok(progress.some((p) => p > 0 && p < 100), `intermediate progress shown: ${progress}`);
  const events = frames
    .filter((f) => f.url.startsWith(wsA) && f.payload.startsWith('{'))
    .map((f) => JSON.parse(f.payload).event);
  assert.ok(events.includes('reading_progress') && events.includes('reading_complete'), events.join(', '));
  await page.screenshot({ path: path.join(ARTIFACTS, 'cross-origin-remote.png'), fullPage: true });

  // It is in A's history — through A's API, and on the History page.
  const after = await remoteHistory(USER_A, PASS_A);
  assert.equal(after.total, before + 1);
  assert.equal(after.items[0].sign_type, 'time');
  await page.goto(B + '/#/history');
  await page.waitForSelector(`[data-reading-id="${after.items[0].reading_id}"]`, { timeout: 15_000 });

  // Back to this computer's server (B), signed in there again.
  const toA = requestsToA.length;
  await useServer(page, { remote: false, user: USER_B, password: PASS_B });
  const wsB = B.replace(/^http/, 'ws') + '/ws/oracle';
  assert.ok(sockets.at(-1).startsWith(wsB), sockets.join(', '));
  await page.click('button.kind[data-kind="time"]');
  await page.click('[data-testid="reading-submit"]');
  await page.waitForSelector('[data-testid="reading-result"]', { timeout: 20_000 });
  assert.equal(requestsToA.length, toA, 'nothing more went to A');
  assert.equal((await remoteHistory(USER_A, PASS_A)).total, before + 1);

  assert.deepEqual(errors.filter((e) => /CORS|blocked|Content Security Policy/i.test(e)), []);
  await context.close();
});
