// End-to-end tests of issue 14's first load, Learn page, export buttons and honest
// progress, in headless Chromium against the real `nps serve` of scripts/test-ui.sh
// (same variables as ui.test.mjs). Figures of the throttled first load are printed
// (lines starting "first load") and written down in ui/README.md.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, signIn as signInAs, submitLogin } from './browser.mjs';

import { ensureServer, startServer, stopServer } from './server.mjs';

const BASE = process.env.NPS_URL;
const ARTIFACTS = process.env.NPS_ARTIFACTS ?? 'tests/artifacts';
const USER_A = process.env.NPS_USER_A ?? 'alice';
const PASS_A = process.env.NPS_PASSWORD_A;

assert.ok(BASE, 'NPS_URL is set (run scripts/test-ui.sh)');
fs.mkdirSync(ARTIFACTS, { recursive: true });

const PERSIAN = /[\u0600-\u06FF]/;
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** The throttled profile: a slow mobile link and a CPU four times slower. */
const SLOW = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
/** A sanity bound only (the figures are printed, not asserted). */
const FIRST_LOAD_SANITY_MS = 60_000;

let browser;

before(async () => {
  browser = await launchChromium();
  await ensureServer();
});

after(async () => {
  await browser?.close();
});

// ---- helpers ---------------------------------------------------------------------

function signIn() {
  return signInAs(browser, USER_A, PASS_A);
}

async function timeReading(page) {
  await page.click('button.kind[data-kind="time"]');
  await page.click('[data-testid="reading-submit"]');
  await page.waitForSelector('[data-testid="reading-result"]', { timeout: 20_000 });
  await page.waitForSelector('[data-testid="reading-progress"][data-state="done"]');
}

/** Clicks `selector` and returns the download it starts: its name and bytes. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

/** A link so slow that the wasm is still on its way when the loading screen is read. */
const CRAWL = { offline: false, latency: 400, downloadThroughput: 64 * 1024, uploadThroughput: 64 * 1024 };

/** Opens the app on `page` over the CRAWL link and returns its loading screen once it
 * shows (before the wasm runs), with the CDP session that throttles the link. */
async function loadingScreen(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', CRAWL);
  await page.goto(BASE + '/', { waitUntil: 'domcontentloaded' });
  const screen = page.locator('[data-testid="boot-screen"]');
  await screen.waitFor({ state: 'visible' });
  return { screen, cdp };
}

/** Loads `url` in a fresh context on the throttled profile; the first paint and the
 * moment the app answers input, in ms from navigation start, and what was fetched. */
async function throttledLoad(context, url, readySelector) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const fetched = new Map();
  // The status on the wire: a revalidated file is a 304 here and a 200 (from the cache)
  // in responseReceived.
  const wire = new Map();
  cdp.on('Network.responseReceivedExtraInfo', (e) => wire.set(e.requestId, e.statusCode));
  cdp.on('Network.responseReceived', (e) => {
    fetched.set(e.requestId, {
      url: e.response.url, status: e.response.status, headers: e.response.headers,
      wireStatus: () => wire.get(e.requestId),
      fromCache: e.response.fromDiskCache || e.response.fromMemoryCache,
    });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = fetched.get(e.requestId);
    if (r) r.transferred = e.encodedDataLength;
  });
  const measure = async () => {
    await page.waitForSelector(readySelector, { timeout: FIRST_LOAD_SANITY_MS });
    await page.waitForSelector('#boot-screen', { state: 'detached', timeout: FIRST_LOAD_SANITY_MS });
    const tti = await page.evaluate(() => performance.now());
    const fcp = await page.evaluate(() =>
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
    return { fcp: Math.round(fcp), tti: Math.round(tti) };
  };
  await page.goto(url, { waitUntil: 'commit' });
  const cold = await measure();
  const coldFetched = [...fetched.values()];
  fetched.clear();
  await page.reload({ waitUntil: 'commit' });
  const warm = await measure();
  const warmFetched = [...fetched.values()];
  return { page, cdp, cold, warm, coldFetched, warmFetched };
}

const headerOf = (r, name) => {
  const key = Object.keys(r.headers).find((k) => k.toLowerCase() === name);
  return key ? r.headers[key] : undefined;
};

// ---- first load ------------------------------------------------------------------

test('first load: compressed, cacheable, a loading screen, no Persian font for English', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
  // What the loading screen shows before the wasm runs (the app's own DOM is absent).
  const peek = await context.newPage();
  const { screen } = await loadingScreen(context, peek);
  assert.equal(await screen.innerText(), 'Opening NPS Oracle…');
  assert.equal(await peek.evaluate(() => document.documentElement.dir), 'ltr');
  await context.close();

  // The measured load: a context of its own, so nothing is cached yet.
  const fresh = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
  const { page, cold, warm, coldFetched, warmFetched } =
    await throttledLoad(fresh, BASE + '/', '[data-testid="login-form"]');
  const wasm = coldFetched.find((r) => r.url.endsWith('.wasm') && !r.fromCache);
  assert.ok(wasm, 'the wasm was fetched');
  assert.ok(wasm.transferred > 100_000, `the wasm came over the network (${wasm.transferred} bytes)`);
  assert.match(wasm.url, /nps-ui_bg\.[0-9a-f]{16}\.wasm$/, 'a fingerprinted name');
  // Which of the two depends on what this Chromium asks for (the server's own tests pin
  // the choice for each Accept-Encoding).
  const expected = headerOf(wasm, 'content-encoding');
  assert.ok(['br', 'gzip'].includes(expected), `Content-Encoding: ${expected}`);
  assert.equal(headerOf(wasm, 'cache-control'), 'public, max-age=31536000, immutable');
  assert.match(headerOf(wasm, 'etag') ?? '', /^"[0-9a-f]{64}-(br|gzip)"$/);
  const raw = fs.statSync(path.join('..', '..', 'ui', 'dist', new URL(wasm.url).pathname.slice(1))).size;
  assert.ok(wasm.transferred < raw / 2, `wasm transferred ${wasm.transferred} of ${raw} bytes`);
  const index = coldFetched.find((r) => new URL(r.url).pathname === '/');
  assert.equal(headerOf(index, 'cache-control'), 'no-cache');
  // English: the Persian font is neither preloaded nor fetched.
  assert.ok(!coldFetched.some((r) => r.url.includes('Vazirmatn')), 'no Persian font for English');
  assert.ok(cold.fcp < cold.tti, `a first paint (${cold.fcp} ms) before the app (${cold.tti} ms)`);
  assert.ok(cold.tti < FIRST_LOAD_SANITY_MS);
  // The second visit: index.html revalidated (304), the fingerprinted files from cache.
  const again = warmFetched.find((r) => new URL(r.url).pathname === '/');
  assert.equal(again?.wireStatus(), 304, 'index.html revalidated');
  const wasmAgain = warmFetched.find((r) => r.url.endsWith('.wasm'));
  assert.ok(!wasmAgain || wasmAgain.fromCache || wasmAgain.wireStatus() === 304,
    'the wasm is not sent again');
  const total = (list) => list.reduce((sum, r) => sum + (r.transferred ?? 0), 0);
  console.log(`first load (${SLOW.latency} ms latency, 1.6 Mbit/s down, CPU ×${CPU_SLOWDOWN}, 390×844): ` +
    `first contentful paint ${cold.fcp} ms, interactive ${cold.tti} ms, ${total(coldFetched)} bytes over the wire ` +
    `(wasm ${wasm.transferred} ${expected} of ${raw}); second visit: first paint ${warm.fcp} ms, ` +
    `interactive ${warm.tti} ms, ${total(warmFetched)} bytes`);
  await page.close();
  await fresh.close();
});

test('first load in Persian: the loading screen is Persian and right to left, and the font is fetched', async () => {
  const context = await browser.newContext({ locale: 'fa-IR' });
  const page = await context.newPage();
  const fonts = [];
  page.on('request', (r) => { if (r.url().includes('Vazirmatn')) fonts.push(r.url()); });
  const { screen, cdp } = await loadingScreen(context, page);
  assert.equal(await screen.innerText(), 'پیشگوی NPS در حال باز شدن است…');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await cdp.send('Network.emulateNetworkConditions',
    { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await page.waitForSelector('[data-testid="login-form"]', { timeout: 60_000 });
  // The app starts in the browser's language too.
  await page.waitForFunction(() => document.documentElement.lang === 'fa');
  assert.match(await page.locator('#login-heading').innerText(), PERSIAN);
  await page.waitForFunction(() => document.fonts.check('16px Vazirmatn', 'س'));
  assert.ok(fonts.length >= 1 && /Vazirmatn-wght\.[0-9a-f]{16}\.woff2$/.test(fonts[0]), `${fonts}`);
  await context.close();
});

// ---- Learn -----------------------------------------------------------------------

test('the Learn page explains every number, animal, element, planet and phase, in both languages', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Public: no sign-in needed; linked from the header.
  await page.goto(BASE + '/');
  await page.waitForSelector('[data-testid="login-form"]');
  assert.equal(await page.locator('[data-testid="connection-status"]').count(), 0,
    'no connection badge before sign-in');
  await page.click('nav a[href="#/learn"]');
  await page.waitForSelector('[data-testid="learn-page"]');
  assert.equal(await page.locator('#learn-heading').innerText(), 'Learn');
  assert.equal(await page.locator('.learn-entry').count(), 82);
  for (const id of ['number-1', 'number-9', 'number-11', 'number-22', 'number-33', 'animal-ra', 'animal-pi',
    'element-wu', 'element-wa', 'weekday-so', 'weekday-sa', 'moon-phase-0', 'moon-phase-7', 'stamp-overview']) {
    assert.equal(await page.locator(`#learn-${id}`).count(), 1, id);
  }
  assert.equal(await page.locator('#learn-animal-ti h3').innerText(), 'Tiger');
  assert.match(await page.locator('#learn-number-11 .learn-line').innerText(), /\w+/);
  // An anchor: the entry is marked and scrolled below the sticky header.
  await page.goto(BASE + '/#/learn/moon-phase-4');
  const full = page.locator('#learn-moon-phase-4');
  await page.waitForSelector('#learn-moon-phase-4.current');
  await page.waitForFunction(() => {
    const top = document.getElementById('learn-moon-phase-4').getBoundingClientRect().top;
    const header = document.querySelector('.app-header').getBoundingClientRect().bottom;
    return top >= header - 1 && top < window.innerHeight / 2;
  });
  assert.equal(await full.getAttribute('aria-current'), 'true');
  await page.screenshot({ path: path.join(ARTIFACTS, 'learn-en.png') });

  await page.click('[data-testid="language-toggle"]');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  assert.equal(await page.locator('#learn-heading').innerText(), 'دانستنی‌ها');
  assert.match(await page.locator('#learn-animal-ti h3').innerText(), PERSIAN);
  assert.match(await page.locator('#learn-number-7 .learn-line').innerText(), PERSIAN);
  assert.equal(await page.locator('nav a[href="#/learn"]').innerText(), 'دانستنی‌ها');
  await page.screenshot({ path: path.join(ARTIFACTS, 'learn-fa.png') });
  await context.close();
});

// ---- a result: glossary links, collapsed progress, exports -------------------------

test('a result links its figures to Learn and its progress collapses into one line', async () => {
  const { context, page, errors } = await signIn();
  await timeReading(page);
  const progress = page.locator('[data-testid="reading-progress"]');
  assert.match(await progress.getAttribute('class'), /\bcollapsed\b/);
  const box = await progress.boundingBox();
  assert.ok(box.height < 48, `one line (${box.height} px)`);
  // The steps are still there for screen readers, but not drawn.
  assert.equal(await page.locator('.progress-steps li[data-seen="true"]').count(), 5);
  assert.ok(!(await page.locator('.progress-steps').isVisible()) ||
    (await page.locator('.progress-steps').boundingBox()).height <= 1);

  const result = page.locator('[data-testid="reading-result"]');
  // In the details (the summary may link the same entries again).
  assert.equal(await result.locator('.numbers-card a[data-learn="core-moment"]').count(), 1, 'the moment number explained');
  const number = result.locator('.number-value a[data-learn^="number-"]').first();
  const anchor = await number.getAttribute('data-learn');
  assert.equal(await result.locator('.moon-card a[data-learn^="moon-phase-"]').count(), 1);
  assert.ok(await result.locator('.ganzhi-card a[data-learn^="animal-"]').count() >= 3);
  assert.equal(await result.locator('a[data-learn="stamp-overview"]').count(), 1);
  await number.click();
  await page.waitForSelector(`#learn-${anchor}.current`);
  assert.equal(new URL(page.url()).hash, `#/learn/${anchor}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('export buttons download the PDF, the image card and Markdown, in English and Persian', async () => {
  const { context, page, errors } = await signIn();
  const opened = [];
  context.on('page', (p) => opened.push(p.url()));
  await timeReading(page);
  const saved = await page.locator('[data-testid="reading-result"] .muted').first().innerText();
  const id = Number(saved.match(/\d+/)[0]);

  const pdf = await download(page, '[data-testid="export-pdf"]');
  assert.equal(pdf.name, `nps-reading-${id}.pdf`);
  assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  const png = await download(page, '[data-testid="export-png"]');
  assert.equal(png.name, `nps-reading-${id}.png`);
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.bytes.readUInt32BE(16), 1080);
  assert.equal(png.bytes.readUInt32BE(20), 1350);
  const md = await download(page, '[data-testid="export-md"]');
  assert.equal(md.name, `nps-reading-${id}.md`);
  const markdown = md.bytes.toString('utf8');
  assert.match(markdown, /^# /);
  assert.match(markdown, /## In short/);

  // Persian: the same buttons, the files in Persian; copied text has no bidi marks.
  await page.click('[data-testid="language-toggle"]');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  const mdFa = await download(page, '[data-testid="export-md"]');
  assert.match(mdFa.bytes.toString('utf8'), /## به‌طور خلاصه/);
  assert.ok(!BIDI_CONTROL.test(mdFa.bytes.toString('utf8')), 'no bidi marks in Markdown');
  const pdfFa = await download(page, '[data-testid="export-pdf"]');
  assert.equal(pdfFa.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.notDeepEqual(pdfFa.bytes, pdf.bytes, 'another language, another PDF');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
  await page.click('[data-testid="copy-text"]');
  let copied = '';
  for (let i = 0; i < 50 && !copied; i++) {
    copied = await page.evaluate(() => navigator.clipboard.readText());
    if (!copied) await page.waitForTimeout(100);
  }
  assert.match(copied, PERSIAN);
  assert.ok(!BIDI_CONTROL.test(copied), 'copied text without bidi control marks');

  // The reading's own page (from History) has the same buttons.
  await page.goto(`${BASE}/#/reading/${id}`);
  const again = await download(page, '[data-testid="export-png"]');
  assert.equal(again.name, `nps-reading-${id}.png`);
  assert.deepEqual([...again.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.deepEqual(opened, [], 'no new window or print dialog');
  assert.deepEqual(errors, []);
  await context.close();
});

// ---- honest connection and session ---------------------------------------------------

test('while reconnecting, "retry now" connects at once', async () => {
  const { context, page } = await signIn();
  const sockets = [];
  page.on('websocket', () => sockets.push(Date.now()));
  // The backoff may reconnect by itself in the instant between the server's start and
  // the click; then the round is repeated (at most three).
  let clickedAt = 0;
  for (let round = 0; round < 3 && !clickedAt; round++) {
    await stopServer();
    await page.waitForSelector('[data-testid="retry-now"]', { timeout: 15_000 });
    assert.equal(await page.locator('[data-testid="retry-now"]').innerText(), 'Retry now');
    // Long enough for the backoff to grow past a few seconds.
    await page.waitForTimeout(10_000);
    await startServer();
    clickedAt = await page.evaluate(() => {
      const button = document.querySelector('[data-testid="retry-now"]');
      if (!button) return 0;
      button.click();
      return Date.now();
    });
    await page.waitForSelector('[data-status="connected"]', { timeout: 30_000 });
  }
  assert.ok(clickedAt, 'clicked "Retry now" while the server was back');
  const after = sockets.filter((t) => t >= clickedAt - 50);
  assert.ok(after.length >= 1 && after[0] - clickedAt < 1_500,
    `a socket opened ${after[0] - clickedAt} ms after the click`);
  assert.equal(await page.locator('[data-testid="retry-now"]').count(), 0);
  await context.close();
});

test('a session the server ends is announced on the sign-in page, in both languages', async () => {
  const { context, page } = await signIn();
  // The login can no longer be renewed (as after a logout elsewhere) and the access
  // token is due: the app tries, is refused, and says so.
  await page.evaluate(() => {
    const tokens = JSON.parse(localStorage.getItem('nps.tokens'));
    tokens.refresh_token = 'no-longer-valid';
    tokens.expires_at = 1;
    localStorage.setItem('nps.tokens', JSON.stringify(tokens));
  });
  await page.reload();
  const notice = page.locator('[data-testid="session-ended"]');
  await notice.waitFor({ timeout: 15_000 });
  assert.equal(await notice.innerText(), 'Your session ended. Please sign in again.');
  assert.equal(await page.locator('[data-testid="connection-status"]').count(), 0);
  await page.click('[data-testid="language-toggle"]');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  assert.equal(await notice.innerText(), 'نشست شما به پایان رسید. لطفاً دوباره وارد شوید.');
  // Signing in again clears it.
  await submitLogin(page, USER_A, PASS_A);
  await page.waitForSelector('[data-testid="reading-submit"]');
  assert.equal(await notice.count(), 0);
  await context.close();
});
