// End-to-end tests of the web UI in headless Chromium against a real `nps serve`
// serving ui/dist. Started by scripts/test-ui.sh, which provides:
//   NPS_URL             http://127.0.0.1:PORT of the running server
//   NPS_BIN             the nps binary (to restart the server)
//   NPS_SERVE_ARGS      the serve arguments, one per line (to restart it identically)
//   NPS_SERVER_PID_FILE where the running server's pid is kept (the script's trap kills it)
//   NPS_USER_A/B, NPS_PASSWORD_A/B   two logins
//   NPS_ARTIFACTS       where screenshots go
//   CHROMIUM            the browser binary (default /usr/bin/chromium)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { THREE_PEOPLE, compatibilityReading, launchChromium, signIn as signInAs, submitLogin } from './browser.mjs';

import { startServer, stopServer } from './server.mjs';

const BASE = process.env.NPS_URL;
const ARTIFACTS = process.env.NPS_ARTIFACTS ?? 'tests/artifacts';
const USER_A = process.env.NPS_USER_A ?? 'alice';
const PASS_A = process.env.NPS_PASSWORD_A;
const USER_B = process.env.NPS_USER_B ?? 'bob';
const PASS_B = process.env.NPS_PASSWORD_B;

assert.ok(BASE, 'NPS_URL is set (run scripts/test-ui.sh)');
fs.mkdirSync(ARTIFACTS, { recursive: true });

const PERSIAN = /[\u0600-\u06FF]/;
/** Text without Fluent's bidi isolation marks (U+2068, U+2069). */
const stripIsolation = (t) => t.replace(/[\u2068\u2069]/g, '');
const PERSIAN_DIGIT = /[\u06F0-\u06F9]/;

let browser;
let alice; // { context, page, frames, errors }

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

/** A fresh browser context signed in as `user`; records WebSocket frames and errors. */
function signIn(user, password) {
  return signInAs(browser, user, password, { consoleErrors: true });
}

/** The parsed reading events (reading_*) among recorded frames. */
function readingEvents(frames) {
  return frames
    .filter((f) => f.startsWith('{'))
    .map((f) => JSON.parse(f))
    .filter((e) => e.event.startsWith('reading_'));
}

async function shot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Back on the Oracle page, its form ready. */
async function oraclePage(page) {
  await page.goto(BASE + '/#/');
  await page.waitForSelector('[data-testid="reading-submit"]');
}

/** Starts recording every aria-valuenow the progress bar shows. */
async function recordProgress(page) {
  await page.evaluate(() => {
    window.__progress = [];
    const seen = () => {
      const bar = document.querySelector('[role="progressbar"]');
      if (bar) window.__progress.push(Number(bar.getAttribute('aria-valuenow')));
    };
    new MutationObserver(seen).observe(document.body, {
      subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'],
    });
  });
}

/** Opens the result's "The moment" section (closed until asked for) if it is closed. */
async function openMoment(result) {
  const closed = result.locator('details[data-section="moment"]:not([open]) > summary');
  if (await closed.count()) await closed.click();
}

async function runTimeReading(page) {
  await page.click('button.kind[data-kind="time"]');
  await recordProgress(page);
  await page.click('[data-testid="reading-submit"]');
  await page.waitForSelector('[data-testid="reading-result"]', { timeout: 20_000 });
  await page.waitForSelector('[role="progressbar"][aria-valuenow="100"]');
}

test('signs in and shows the Oracle page, connected, in English', async () => {
  // The sign-in screen first (a server without a token).
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(BASE + '/');
  await page.waitForSelector('[data-testid="login-form"]');
  await shot(page, 'login-en');
  await submitLogin(page, USER_A, 'wrong password');
  await page.waitForSelector('.login .error');
  await context.close();

  alice = await signIn(USER_A, PASS_A);
  const { page: p } = alice;
  assert.equal(await p.getAttribute('html', 'lang'), 'en');
  assert.equal(await p.getAttribute('html', 'dir'), 'ltr');
  assert.equal(await p.getAttribute('[data-testid="connection-status"]', 'data-status'), 'connected');
  for (const kind of ['time', 'name', 'question', 'daily', 'full', 'compatibility']) {
    assert.equal(await p.locator(`button.kind[data-kind="${kind}"]`).count(), 1, kind);
  }
  await p.waitForSelector('[data-testid="daily-insight"]');
  await shot(p, 'oracle-en');
});

test('a time reading shows its progress step by step to 100 % and renders the result', async () => {
  const { page, frames } = alice;
  const before = frames.length;
  await runTimeReading(page);

  // The bar only moved forward and ended at 100.
  const values = await page.evaluate(() => window.__progress);
  assert.ok(values.length > 0, 'the progress bar was shown');
  for (let i = 1; i < values.length; i++) assert.ok(values[i] >= values[i - 1], `monotonic: ${values}`);
  assert.equal(values.at(-1), 100);

  // Every step was reached (the server's events for this request id).
  await page.waitForFunction(
    () => document.querySelectorAll('.progress-steps li[data-seen="true"]').length === 5,
    null, { timeout: 10_000 });
  const events = readingEvents(frames.slice(before));
  const ids = new Set(events.map((e) => e.data.request_id));
  assert.equal(ids.size, 1, 'one request id');
  const steps = events.map((e) => e.event === 'reading_progress' ? e.data.step : e.event);
  assert.deepEqual(steps[0], 'reading_started');
  for (const step of ['calculating', 'ai_generating', 'combining', 'complete', 'reading_complete']) {
    assert.ok(steps.includes(step), `${step} in ${steps}`);
  }
  const progress = events.filter((e) => e.event === 'reading_progress').map((e) => e.data.progress);
  assert.equal(progress.at(-1), 100);

  // The result: stamp tokens explained on focus, numbers, moon, ganzhi, interpretation.
  const result = page.locator('[data-testid="reading-result"]');
  assert.equal(await result.getAttribute('data-kind'), 'time');
  // The summary comes first; the stamp, moon and ganzhi are behind "The moment".
  assert.ok(await result.locator('[data-testid="summary-signal"]').count() >= 1, 'a summary');
  assert.equal(await result.locator('.stamp').isVisible(), false, 'the moment starts closed');
  await openMoment(result);
  const tokens = result.locator('.stamp .token');
  assert.ok(await tokens.count() >= 6, 'stamp tokens');
  await tokens.nth(1).focus();
  const tip = tokens.nth(1).locator('.tooltip');
  await tip.waitFor({ state: 'visible' });
  assert.match(stripIsolation(await tip.innerText()), /^Month \d+: \w+$/);
  await tokens.first().hover();
  await tokens.first().locator('.tooltip').waitFor({ state: 'visible' });
  assert.ok(await result.locator('svg.moon-picture path.moon-lit').count() === 1, 'moon picture');
  assert.ok(await result.locator('.ganzhi-card dd').count() >= 3, 'ganzhi year, day, hour');
  assert.ok(await result.locator('.text-section').count() >= 3, 'interpretation sections');
  await shot(page, 'result-time-en');

  // Download and copy the JSON: the API's answer, indented.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    result.locator('.result-actions button').nth(2).click(),
  ]);
  const saved = fs.readFileSync(await download.path(), 'utf8');
  const answer = JSON.parse(saved);
  assert.equal(answer.sign_type, 'time');
  assert.equal(download.suggestedFilename(), `nps-reading-${answer.reading_id}.json`);
  assert.match(saved, /^\{\n  "reading_id": \d+,\n/);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
  await result.locator('.result-actions button').nth(1).click();
  await result.locator('.result-actions [role="status"]').waitFor();
  let copied = '';
  for (let i = 0; i < 50 && copied !== saved; i++) {
    copied = await page.evaluate(() => navigator.clipboard.readText());
    if (copied !== saved) await page.waitForTimeout(100);
  }
  assert.equal(copied, saved);
});

test('switching to فارسی turns the page right to left and Persian', async () => {
  const { page } = alice;
  await page.click('[data-testid="language-toggle"]');
  await page.waitForSelector('html[dir="rtl"][lang="fa"]');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  const nav = await page.locator('nav').innerText();
  assert.match(nav, /تاریخچه/);
  assert.match(await page.locator('[data-testid="language-toggle"]').innerText(), /English/);
  // The shown reading is re-rendered in Persian by the server, with Persian digits.
  await page.waitForFunction(() => /[\u0600-\u06FF]/.test(
    document.querySelector('.interpretation .text-section p')?.textContent ?? ''));
  const numbers = await page.locator('.numbers .number-value').first().innerText();
  assert.match(numbers, PERSIAN_DIGIT);
  // The header and the submit button are Persian too.
  assert.match(await page.locator('[data-testid="reading-submit"]').innerText(), PERSIAN);
  // Mirrored layout: the brand sits at the right edge.
  const brand = await page.locator('.brand').boundingBox();
  assert.ok(brand.x > 600, `brand on the right in RTL (x=${brand.x})`);
  await shot(page, 'result-time-fa');
  // The dark theme follows the system.
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await shot(page, 'result-time-fa-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.notEqual(dark, light, 'dark and light backgrounds differ');
  // The bundled Persian font is loaded from this server.
  const faces = await page.evaluate(async () =>
    (await document.fonts.load('16px Vazirmatn', 'فارسی')).map((f) => `${f.family}:${f.status}`));
  assert.deepEqual(faces, ['Vazirmatn:loaded'], 'the bundled Vazirmatn is loaded');

  // A name reading in Persian script: the letter table.
  await page.click('button.kind[data-kind="name"]');
  await page.fill('#f-name', 'علی رضایی');
  await page.fill('#f-birth_date', '1985-03-21');
  await page.click('[data-testid="reading-submit"]');
  await page.waitForSelector('[data-testid="reading-result"][data-kind="name"]', { timeout: 20_000 });
  assert.ok(await page.locator('table.letters tbody tr').count() >= 7, 'a row per letter');
  assert.match(await page.locator('[data-testid="reading-result"] h2').innerText(), PERSIAN);
  await shot(page, 'result-name-fa');

  // Validation messages in Persian.
  await page.click('button.kind[data-kind="question"]');
  await page.click('[data-testid="reading-submit"]');
  await page.waitForSelector('.oracle-form .error');
  assert.match(await page.locator('.oracle-form .error').first().innerText(), PERSIAN);
  await shot(page, 'oracle-fa');
});

/** The Solar Hijri day of an ISO date (its UTC day) as Node's own ICU writes it: `۶ آذر ۱۴۰۵`. */
function solarHijri(iso) {
  const day = new Date(iso.slice(0, 10) + 'T12:00:00Z');
  const parts = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
    day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
  }).formatToParts(day);
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part('day')} ${part('month')} ${part('year')}`;
}

test('in Persian, dates are Solar Hijri: typed in the form, shown in the result, history and daily card', async () => {
  const { page } = alice;
  await page.goto(BASE + '/#/');
  await page.waitForSelector('html[dir="rtl"][lang="fa"]');
  await page.waitForSelector('[data-testid="reading-submit"]');

  // The daily card's day.
  const daily = page.locator('[data-testid="daily-date"]');
  await daily.locator('time').waitFor();
  const dailyIso = await daily.locator('time').getAttribute('datetime');
  assert.equal(await daily.locator('time').innerText(), solarHijri(dailyIso));
  assert.match(await daily.locator('[data-testid="gregorian-date"]').innerText(), PERSIAN_DIGIT);

  await page.click('button.kind[data-kind="full"]');
  const birth = page.locator('#f-profile-birth_date');
  // Ours, not the browser's Gregorian widget; labelled and described.
  assert.equal(await birth.getAttribute('type'), 'text');
  assert.equal(await page.locator('label[for="f-profile-birth_date"]').innerText(), 'تاریخ تولد');
  assert.match(await page.locator('#f-profile-birth_date-hint').innerText(), /۱۴۰۵\/۰۹\/۰۶/);

  // Esfand 30 of 1405, a common year: the field's own error, in Persian, once it is left.
  await page.fill('#f-profile-name', 'سارا');
  await birth.fill('۱۴۰۵/۱۲/۳۰');
  await birth.press('Tab');
  const error = page.locator('#f-profile-birth_date-error');
  await error.waitFor();
  assert.equal(stripIsolation(await error.innerText()), 'اسفند ۱۴۰۵ فقط ۲۹ روز دارد.');
  assert.equal(await birth.getAttribute('aria-invalid'), 'true');
  assert.match(await birth.getAttribute('aria-describedby'), /f-profile-birth_date-error/);
  // The form refuses it.
  const before = await page.locator('[data-testid="reading-result"][data-kind="full"]').count();
  await page.click('[data-testid="reading-submit"]');
  await page.waitForSelector('.oracle-form p.error[role="alert"]');
  assert.equal(stripIsolation(await error.innerText()), 'اسفند ۱۴۰۵ فقط ۲۹ روز دارد.');
  assert.equal(await page.locator('[data-testid="reading-result"][data-kind="full"]').count(), before);
  await shot(page, 'date-error-fa');

  // Esfand 30 of 1403, a leap year, exists.
  await birth.fill('1403/12/30');
  await page.waitForSelector('#f-profile-birth_date-error', { state: 'detached' });
  assert.equal(stripIsolation(await page.locator('[data-testid="date-read-back"]').innerText()),
    'یعنی ۳۰ اسفند ۱۴۰۳ (۲۰ مارس ۲۰۲۵).');

  // A Solar Hijri birth date in Persian digits; the request carries the Gregorian day.
  await birth.fill('۱۳۶۹/۴/۲۴');
  assert.equal(stripIsolation(await page.locator('[data-testid="date-read-back"]').innerText()),
    'یعنی ۲۴ تیر ۱۳۶۹ (۱۵ ژوئیه ۱۹۹۰).');
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().endsWith('/api/oracle/full') && r.method() === 'POST'),
    page.click('[data-testid="reading-submit"]'),
  ]);
  assert.equal(request.postDataJSON().profile.birth_date, '1990-07-15');
  const result = page.locator('[data-testid="reading-result"][data-kind="full"]');
  await result.waitFor({ timeout: 20_000 });

  // The result: the moment's day and the birth date echoed back, Solar Hijri first.
  await openMoment(result);
  const born = result.locator('[data-testid="result-dates"] dd[data-date="1990-07-15"]');
  assert.equal(await born.locator('time').innerText(), '۲۴ تیر ۱۳۶۹');
  assert.equal(await born.locator('[data-testid="gregorian-date"]').innerText(), '۱۵ ژوئیه ۱۹۹۰');
  const moment = result.locator('[data-testid="result-dates"] dd').first();
  const momentIso = await moment.getAttribute('data-date');
  assert.equal(await moment.locator('time').innerText(), solarHijri(momentIso));
  await shot(page, 'result-full-fa');

  // The field shows the day again in Solar Hijri after a round trip through English.
  await page.click('[data-testid="language-toggle"]');
  await page.waitForSelector('html[dir="ltr"][lang="en"]');
  // English has our own field too: the browser's widget would silently empty February 30.
  assert.equal(await page.getAttribute('#f-profile-birth_date', 'type'), 'text');
  assert.equal(await page.inputValue('#f-profile-birth_date'), '1990-07-15');
  assert.equal(stripIsolation(await page.locator('[data-testid="date-read-back"]').innerText()), 'That is 15 July 1990.');
  await openMoment(result);
  assert.equal(await page.locator('[data-testid="result-dates"] dd[data-date="1990-07-15"]').innerText(), '1990-07-15');
  await page.fill('#f-profile-birth_date', '1990-02-30');
  await page.press('#f-profile-birth_date', 'Tab');
  await page.locator('#f-profile-birth_date-error').waitFor();
  assert.equal(stripIsolation(await page.locator('#f-profile-birth_date-error').innerText()),
    'February 1990 has only 28 days.');
  await page.fill('#f-profile-birth_date', '1990-07-15');
  await page.waitForSelector('#f-profile-birth_date-error', { state: 'detached' });
  await page.click('[data-testid="language-toggle"]');
  await page.waitForSelector('html[dir="rtl"][lang="fa"]');
  assert.equal(await page.inputValue('#f-profile-birth_date'), '۱۳۶۹/۰۴/۲۴');

  // History: the newest row (this reading) has its Solar Hijri day, the Gregorian alongside.
  await page.goto(BASE + '/#/history');
  await page.waitForSelector('.history-item');
  const row = page.locator('.history-item').first();
  assert.equal(await row.getAttribute('data-kind'), 'full');
  const created = await row.locator('time').getAttribute('datetime');
  const clock = created.slice(11, 16).replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]);
  assert.equal(await row.locator('time').innerText(), `${solarHijri(created)} ${clock}`);
  assert.match(await row.locator('[data-testid="gregorian-date"]').innerText(), /^[۰-۹]+ \S+ [۰-۹]{4}$/);
  const total = await page.locator('.history-item').count();

  // The history filters take Solar Hijri days too: an impossible one says so and bounds nothing.
  await page.fill('#h-from', '۱۴۰۵/۱۲/۳۰');
  await page.press('#h-from', 'Tab');
  assert.equal(stripIsolation(await page.locator('#h-from-error').innerText()), 'اسفند ۱۴۰۵ فقط ۲۹ روز دارد.');
  assert.equal(await page.locator('.history-item').count(), total);
  // From two days ahead (in Solar Hijri, ASCII digits): no reading; cleared: all again.
  const ahead = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
    day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC',
  }).formatToParts(new Date(Date.now() + 2 * 86_400_000));
  const part = (type) => ahead.find((p) => p.type === type).value;
  await page.fill('#h-from', `${part('year')}/${part('month')}/${part('day')}`);
  await page.waitForSelector('.history-page .empty');
  assert.equal(await page.locator('#h-from-error').count(), 0);
  await page.fill('#h-from', '');
  await page.waitForFunction((n) => document.querySelectorAll('.history-item').length === n, total);
  await shot(page, 'history-solar-fa');
  await oraclePage(page);
});

test('history lists the readings; favorite, filter, open and delete work', async () => {
  const { page } = alice;
  await page.goto(BASE + '/#/history');
  await page.waitForSelector('.history-item');
  const items = page.locator('.history-item');
  const count = await items.count();
  assert.ok(count >= 2, `at least the two readings (${count})`);
  await shot(page, 'history-fa');

  // Favorite the newest, then show favorites only.
  const first = items.first();
  const id = await first.getAttribute('data-reading-id');
  await first.locator('button.star').click();
  await page.waitForSelector(`.history-item[data-reading-id="${id}"] button.star[aria-pressed="true"]`);
  await page.check('.filters input[type="checkbox"]');
  await page.waitForFunction((id) => {
    const rows = document.querySelectorAll('.history-item');
    return rows.length === 1 && rows[0].dataset.readingId === id;
  }, id);
  await page.uncheck('.filters input[type="checkbox"]');
  await page.waitForFunction((n) => document.querySelectorAll('.history-item').length === n, count);

  // Filter by kind.
  await page.selectOption('#h-kind', 'name');
  await page.waitForFunction(() => [...document.querySelectorAll('.history-item')]
    .every((r) => r.dataset.kind === 'name') && document.querySelectorAll('.history-item').length >= 1);
  await page.selectOption('#h-kind', '');
  await page.waitForFunction((n) => document.querySelectorAll('.history-item').length === n, count);

  // Open one.
  await page.click(`.history-item[data-reading-id="${id}"] a.history-summary`);
  await page.waitForSelector('[data-testid="reading-result"]');
  await page.goBack();
  await page.waitForSelector('.history-item');

  // Delete the last one, after confirming.
  const last = items.last();
  const lastId = await last.getAttribute('data-reading-id');
  await last.locator('.history-actions button.secondary').click();
  await page.click('[data-testid="confirm-delete"]');
  await page.waitForFunction((id) => !document.querySelector(`.history-item[data-reading-id="${id}"]`), lastId);
  assert.equal(await items.count(), count - 1);

  // English screenshots of history and settings.
  await page.click('[data-testid="language-toggle"]');
  await page.waitForSelector('html[dir="ltr"][lang="en"]');
  await shot(page, 'history-en');
  await page.goto(BASE + '/#/settings');
  await page.waitForSelector('[data-testid="test-connection"]');
  await page.click('[data-testid="test-connection"]');
  await page.waitForSelector('[data-testid="connection-test-result"].ok');
  await shot(page, 'settings-en');
  await page.click('[data-testid="language-toggle"]');
  await page.waitForSelector('html[dir="rtl"]');
  await shot(page, 'settings-fa');
  await page.click('[data-testid="language-toggle"]');
  await oraclePage(page);
});

test('every other kind of reading runs from its form', async () => {
  const { page } = alice;
  await oraclePage(page);

  await page.click('button.kind[data-kind="question"]');
  await page.fill('#f-question', 'Is this a good week to begin?');
  await page.click('[data-testid="reading-submit"]');
  await page.waitForSelector('[data-testid="reading-result"][data-kind="question"]', { timeout: 20_000 });
  assert.equal(await page.locator('.numbers .number').count(), 1);

  await page.click('button.kind[data-kind="daily"]');
  await page.click('[data-testid="reading-submit"]');
  await page.waitForSelector('[data-testid="reading-result"][data-kind="daily"]', { timeout: 20_000 });
  assert.ok(await page.locator('.daily-figures-card dd').count() >= 1, 'lucky numbers');

  await page.click('button.kind[data-kind="full"]');
  // Validation first: an empty profile.
  await page.click('[data-testid="reading-submit"]');
  await page.waitForSelector('#f-profile-name[aria-invalid="true"]');
  await page.fill('#f-profile-name', 'Alice Johnson');
  await page.fill('#f-profile-birth_date', '1990-07-15');
  await page.fill('#f-profile-mother_name', 'Mary');
  await page.selectOption('#f-profile-gender', 'female');
  await page.fill('#f-profile-latitude', '40.7');
  await page.fill('#f-profile-longitude', '-74');
  await page.fill('#f-profile-bpm', '72');
  await page.click('[data-testid="reading-submit"]');
  await page.waitForSelector('[data-testid="reading-result"][data-kind="full"]', { timeout: 20_000 });
  assert.equal(await page.locator('.confidence-card meter').count(), 1, 'confidence meter');
  assert.ok(await page.locator('.numbers .number').count() >= 7);
  await shot(page, 'result-full-en');

  await compatibilityReading(page, THREE_PEOPLE);
  assert.equal(await page.locator('.pairs-list li').count(), 3, 'three pairs');
  await shot(page, 'result-compatibility-en');
});

test('when the server stops the status leaves connected, and it reconnects by itself', async () => {
  const { page } = alice;
  const status = page.locator('[data-testid="connection-status"]');
  assert.equal(await status.getAttribute('data-status'), 'connected');
  await stopServer();
  await page.waitForSelector('[data-testid="connection-status"]:not([data-status="connected"])', { timeout: 15_000 });
  const during = await status.getAttribute('data-status');
  assert.ok(['disconnected', 'connecting'].includes(during), during);
  await shot(page, 'reconnecting-en');
  await startServer();
  // Backoff with full jitter: at most a few attempts (1, 2, 4, 8 s ceilings).
  await page.waitForSelector('[data-status="connected"]', { timeout: 45_000 });
  // Still usable: a reading after the restart.
  await runTimeReading(page);
});

test('another user sees none of the first user\'s progress', async () => {
  const bob = await signIn(USER_B, PASS_B);
  const bobBefore = bob.frames.length;
  const aliceBefore = alice.frames.length;
  await runTimeReading(alice.page);
  // Give any stray event time to arrive.
  await bob.page.waitForTimeout(1_500);
  const aliceEvents = readingEvents(alice.frames.slice(aliceBefore));
  assert.ok(aliceEvents.some((e) => e.event === 'reading_complete'), 'alice got her events');
  assert.deepEqual(readingEvents(bob.frames.slice(bobBefore)), [], 'bob got none');
  assert.equal(await bob.page.locator('[role="progressbar"]').count(), 0, 'bob shows no progress');
  assert.equal(await bob.page.locator('[data-testid="reading-result"]').count(), 0);
  // Nor her history.
  await bob.page.goto(BASE + '/#/history');
  await bob.page.waitForSelector('.history-page .empty');
  assert.equal(await bob.page.locator('.history-item').count(), 0);
  await bob.context.close();
});

test('no errors in the browser console', () => {
  const errors = alice.errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/.test(e));
  assert.deepEqual(errors, []);
});
