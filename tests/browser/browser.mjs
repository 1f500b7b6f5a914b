// The browser side every test file shares: Debian's chromium launched headless, and a
// fresh context signed in through the real sign-in form. Environment (from
// scripts/test-ui.sh): NPS_URL, CHROMIUM.
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

/**
 * One chromium for the whole test file: launched before its first test, closed after
 * its last. Use `shared.browser` inside the tests.
 */
export function chromiumForFile() {
  assert.ok(BASE, 'NPS_URL is set (run scripts/test-ui.sh)');
  const shared = { browser: undefined };
  before(async () => {
    shared.browser = await launchChromium();
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
 * A fresh context of `browser` signed in as `user`, at 1280×900, once the Oracle page
 * shows and its socket is connected. Records the WebSocket frames received and the
 * page's errors (uncaught exceptions and dialogs, which are dismissed; with
 * `consoleErrors`, console errors too).
 */
export async function signIn(browser, user, password,
  { locale = 'en-US', consoleErrors = false, timezoneId = undefined } = {}) {
  // Downloads are kept (Playwright's default), for the export and JSON buttons.
  const context = await browser.newContext({ locale, timezoneId, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
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
  await page.waitForSelector('[data-testid="login-form"]');
  await page.fill('#login-username', user);
  await page.fill('#login-password', password);
  await page.click('[data-testid="login-submit"]');
  await page.waitForSelector('[data-testid="reading-submit"]');
  await page.waitForSelector('[data-status="connected"]', { timeout: 15_000 });
  return { context, page, frames, errors };
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
