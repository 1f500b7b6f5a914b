// The browser side every test file shares: Debian's chromium launched headless, and a
// fresh context signed in through the real sign-in form. Environment (from
// scripts/test-ui.sh): NPS_URL, CHROMIUM; NPS_USER_<letter> and NPS_PASSWORD_<letter>,
// the logins (`account`).
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const BASE = process.env.NPS_URL;

/** Headless chromium (Debian's; Playwright's own download is not reachable here). */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** A phone: 390×844, touch. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/**
 * One chromium for the whole test file: launched before its first test (then
 * `whenLaunched(browser)`, if given, is awaited), closed after its last. Use
 * `shared.browser` inside the tests.
 */
export function chromiumForFile(whenLaunched = undefined) {
  assert.ok(BASE, 'NPS_URL is set (run scripts/test-ui.sh)');
  const shared = { browser: undefined };
  before(async () => {
    shared.browser = await launchChromium();
    await whenLaunched?.(shared.browser);
  });
  after(async () => {
    await shared.browser?.close();
  });
  return shared;
}

/** The login `NPS_USER_<letter>` / `NPS_PASSWORD_<letter>` that scripts/test-ui.sh made. */
export function account(letter) {
  const user = process.env[`NPS_USER_${letter}`];
  const password = process.env[`NPS_PASSWORD_${letter}`];
  assert.ok(user && password, `NPS_USER_${letter} and NPS_PASSWORD_${letter} are set`);
  return { user, password };
}

/**
 * A fresh context of `browser` signed in as `user`, at 1280×900 (or as `device`
 * says, e.g. PHONE), once the Oracle page shows and its socket is connected. Records
 * the WebSocket frames received and the page's errors (uncaught exceptions and
 * dialogs, which are dismissed; with `consoleErrors`, console errors too).
 */
export async function signIn(browser, user, password,
  { locale = 'en-US', consoleErrors = false, timezoneId = undefined, device = {} } = {}) {
  // Downloads are kept (Playwright's default), for the export and JSON buttons.
  const context = await browser.newContext({
    locale, timezoneId, viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...device,
  });
  const page = await context.newPage();
  const frames = [];
  const errors = [];
  page.on('websocket', (ws) => {
    ws.on('framereceived', (f) => frames.push(String(f.payload)));
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.type()}`); d.dismiss(); });
  if (consoleErrors) {
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  }
  await page.goto(BASE + '/');
  await submitLogin(page, user, password);
  await page.waitForSelector('[data-testid="reading-submit"]');
  await page.waitForSelector('[data-status="connected"]', { timeout: 15_000 });
  return { context, page, frames, errors };
}

/** Fills the sign-in form `page` shows (or is about to) and submits it. */
export async function submitLogin(page, user, password) {
  await page.waitForSelector('[data-testid="login-form"]');
  await page.fill('#login-username', user);
  await page.fill('#login-password', password);
  await page.click('[data-testid="login-submit"]');
}

/**
 * Runs a compatibility reading of `people` ([name, birth date], two to five; from the
 * third on each is added with the form's "add a person" button) on the Oracle page, and
 * returns the result once it shows.
 */
export async function compatibilityReading(page, people) {
  await page.click('button.kind[data-kind="compatibility"]');
  for (const [i, [name, birth]] of people.entries()) {
    if (i >= 2) await page.click('.oracle-form button.secondary:not(.link-button)');
    await page.fill(`#f-people-${i}-name`, name);
    await page.fill(`#f-people-${i}-birth_date`, birth);
  }
  await page.click('[data-testid="reading-submit"]');
  const result = page.locator('[data-testid="reading-result"][data-kind="compatibility"]');
  await result.waitFor({ timeout: 20_000 });
  return result;
}

/** Three people for a compatibility reading. */
export const THREE_PEOPLE = [['Alice', '1990-07-15'], ['Bob', '1988-01-02'], ['Cyrus', '1996-03-03']];

/** Opens every closed section of a result (`result`: its locator). */
export async function openSections(result) {
  for (const summary of await result.locator('details.result-section:not([open]) > summary').all()) {
    await summary.click();
  }
}

/** Switches the UI to `tag` (`en`, `fa`) with the header's toggle, if it is not. */
export async function setLanguage(page, tag) {
  if ((await page.getAttribute('html', 'lang')) !== tag) {
    await page.click('[data-testid="language-toggle"]');
    await page.waitForSelector(`html[lang="${tag}"]`);
  }
}

/**
 * Runs a reading of `kind` (its form as it is) from the Oracle page and waits for its
 * result; the stored reading's id.
 */
export async function newReading(page, kind = 'time') {
  await page.goto(BASE + '/#/');
  await page.click(`button.kind[data-kind="${kind}"]`);
  const shown = page.locator('[data-testid="reading-marks"]');
  const before = (await shown.count()) ? await shown.getAttribute('data-reading-id') : '';
  await page.click('[data-testid="reading-submit"]');
  const marks = page.locator(`[data-testid="reading-marks"]:not([data-reading-id="${before}"])`);
  await marks.waitFor({ timeout: 20_000 });
  return Number(await marks.getAttribute('data-reading-id'));
}

/**
 * For a whole test file: one chromium (`chromiumForFile`) and the keyboard, phone and
 * rating tests' login (NPS_USER_F) signed in before its tests, with `options` of
 * `signIn`. Returns the object `before` fills: `browser`, `context`, `page`, `errors`,
 * `user`.
 */
export function signedInFile(options = {}) {
  const { user, password } = account('F');
  const held = { user };
  chromiumForFile(async (browser) => {
    held.browser = browser;
    Object.assign(held, await signIn(browser, user, password, { consoleErrors: true, ...options }));
  });
  return held;
}
