// Keyboard and screen-reader use of the web UI (issue 14, item 8), in headless
// Chromium against the `nps serve` of scripts/test-ui.sh (NPS_URL), signed in as its
// own user (NPS_USER_F):
// - axe-core on every page (sign-in, Oracle with a result, History, a reading, People,
//   Learn, Settings) in English and Persian, light and dark: no critical or serious
//   finding;
// - a reading moves focus to its heading, below the sticky header, and is announced;
//   a refused submit focuses the first invalid field; the kind selector is one Tab
//   stop with arrow keys; the delete dialog keeps focus, closes on Escape and gives
//   focus back; Escape hides a stamp tooltip; the title follows the page;
// - forced colours (high contrast) keep the chosen kind and the progress fill visible.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { newReading, openSections, setLanguage, signedInFile } from './browser.mjs';

const BASE = process.env.NPS_URL;
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const strip = (t) => t.replace(/[\u2068\u2069]/g, '').trim();

const user = signedInFile();

/** axe-core's critical and serious findings on the page as it is, one line each. */
async function audit(page, label) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    // Evaluated, not a <script>: the page's CSP allows only its own scripts.
    await page.evaluate(AXE_SOURCE);
  }
  const violations = await page.evaluate(async () =>
    (await window.axe.run(document, { resultTypes: ['violations'] })).violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
  return violations.map((v) => `${label}: ${v}`);
}

/** The id or test id of the focused element. */
function focused(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    return a?.dataset?.testid ?? a?.id ?? a?.tagName;
  });
}

test('axe-core finds nothing critical or serious on any page, in both languages and themes', async () => {
  const { page } = user;
  const readingId = await newReading(page);
  const pages = [
    ['#/history', '.history-item'],
    [`#/reading/${readingId}`, '[data-testid="reading-marks"]'],
    ['#/people', '.people-page'],
    ['#/learn', '[data-testid="learn-page"]'],
    ['#/settings', '[data-testid="test-connection"]'],
  ];
  const found = [];
  let audits = 0;
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    for (const lang of ['en', 'fa']) {
      await setLanguage(page, lang);
      await newReading(page);
      await page.waitForSelector('[data-testid="reading-progress"][data-state="done"]');
      found.push(...await audit(page, `oracle ${lang} ${colorScheme}`));
      audits += 1;
      for (const [hash, ready] of pages) {
        await page.goto(BASE + '/' + hash);
        await page.waitForSelector(ready);
        found.push(...await audit(page, `${hash} ${lang} ${colorScheme}`));
        audits += 1;
      }
    }
  }
  // The sign-in screen, in a context of its own.
  const context = await user.browser.newContext({ locale: 'en-US' });
  const login = await context.newPage();
  await login.goto(BASE + '/');
  for (const colorScheme of ['light', 'dark']) {
    await login.emulateMedia({ colorScheme });
    for (const lang of ['en', 'fa']) {
      await login.waitForSelector('[data-testid="login-form"]');
      await setLanguage(login, lang);
      found.push(...await audit(login, `sign-in ${lang} ${colorScheme}`));
      audits += 1;
    }
  }
  await context.close();
  await page.emulateMedia({ colorScheme: 'light' });
  await setLanguage(page, 'en');
  assert.equal(audits, 28);
  assert.deepEqual(found, []);
});

test('a reading focuses its heading below the sticky header and is announced', async () => {
  const { page } = user;
  await newReading(page, 'time');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'result-heading');
  const place = await page.evaluate(() => {
    const heading = document.querySelector('[data-testid="result-heading"]').getBoundingClientRect();
    const header = document.querySelector('.app-header').getBoundingClientRect();
    return { top: heading.top, bottom: heading.bottom, header: header.bottom, view: window.innerHeight };
  });
  assert.ok(place.top >= place.header, `heading at ${place.top}, header ends at ${place.header}`);
  assert.ok(place.bottom <= place.view, `heading ends at ${place.bottom} of ${place.view}`);
  const headline = strip(await page.locator('[data-testid="result-heading"]').innerText());
  const said = page.locator('[data-testid="result-announcement"]');
  assert.equal(await said.getAttribute('role'), 'status');
  await page.waitForFunction((h) => document.querySelector('[data-testid="result-announcement"]')
    .textContent.replace(/[\u2068\u2069]/g, '').includes(h), headline);
  assert.equal(strip(await said.textContent()), `Your reading is ready: ${headline}`);
  // Switching the language re-renders the result but leaves focus on the toggle.
  await page.click('[data-testid="language-toggle"]');
  await page.waitForSelector('html[lang="fa"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="result-heading"]')?.dir === 'rtl');
  assert.equal(await focused(page), 'language-toggle');
  await setLanguage(page, 'en');
});

test('a refused submit focuses the first invalid field', async () => {
  const { page } = user;
  await page.goto(BASE + '/#/');
  for (const [kind, first] of [['name', 'f-name'], ['question', 'f-question'], ['compatibility', 'f-people-0-name']]) {
    await page.click(`button.kind[data-kind="${kind}"]`);
    await page.click('[data-testid="reading-submit"]');
    await page.waitForFunction((id) => document.activeElement?.id === id, first);
    assert.equal(await page.getAttribute(`#${first}`, 'aria-invalid'), 'true', kind);
  }
});

test('the kind selector is one Tab stop and follows the arrow keys, mirrored in Persian', async () => {
  const { page } = user;
  await page.goto(BASE + '/#/');
  await page.click('button.kind[data-kind="time"]');
  const stops = () => page.$$eval('.kinds button', (bs) => bs.map((b) => b.tabIndex));
  assert.deepEqual(await stops(), [0, -1, -1, -1, -1, -1]);
  const chosen = () => page.$eval('.kinds [aria-checked="true"]', (b) => b.dataset.kind);
  const press = async (key, kind) => {
    await page.keyboard.press(key);
    await page.waitForFunction((k) => document.activeElement?.dataset.kind === k, kind);
    assert.equal(await chosen(), kind, key);
  };
  await page.focus('button.kind[data-kind="time"]');
  await press('ArrowRight', 'name');
  await press('ArrowDown', 'question');
  await press('End', 'compatibility');
  await press('ArrowRight', 'time');
  await press('ArrowLeft', 'compatibility');
  await press('Home', 'time');
  assert.deepEqual(await stops(), [0, -1, -1, -1, -1, -1]);
  // One stop: Tab leaves the group.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => !!document.activeElement.closest('.kinds')), false);
  await setLanguage(page, 'fa');
  await page.focus('button.kind[data-kind="time"]');
  await press('ArrowLeft', 'name');
  await press('ArrowRight', 'time');
  await setLanguage(page, 'en');
});

test('the delete dialog keeps focus, closes on Escape and gives focus back', async () => {
  const { page } = user;
  await newReading(page);
  await page.goto(BASE + '/#/history');
  await page.waitForSelector('.history-item');
  const row = page.locator('.history-item').first();
  const id = await row.getAttribute('data-reading-id');
  await row.locator('[data-testid="delete-reading"]').click();
  await page.waitForSelector('dialog[open][data-testid="confirm-dialog"]');
  assert.equal(await page.getAttribute('dialog[open]', 'role'), 'alertdialog');
  assert.equal(await focused(page), 'confirm-cancel');
  for (const [key, then] of [['Tab', 'confirm-delete'], ['Tab', 'confirm-cancel'],
    ['Shift+Tab', 'confirm-delete'], ['Shift+Tab', 'confirm-cancel']]) {
    await page.keyboard.press(key);
    assert.equal(await focused(page), then, key);
  }
  await page.keyboard.press('Escape');
  await page.waitForSelector('dialog[data-testid="confirm-dialog"]:not([open])', { state: 'attached' });
  assert.equal(await page.evaluate(() => document.activeElement.closest('.history-item')?.dataset.readingId), id);
  assert.equal(await focused(page), 'delete-reading');
  // Confirmed: the row goes and focus lands on the page's heading.
  await row.locator('[data-testid="delete-reading"]').click();
  await page.click('[data-testid="confirm-delete"]');
  await page.waitForFunction((id) => !document.querySelector(`.history-item[data-reading-id="${id}"]`), id);
  await page.waitForFunction(() => document.activeElement?.id === 'history-heading');
});

test('Escape hides a stamp tooltip until focus moves on', async () => {
  const { page } = user;
  await newReading(page);
  await openSections(page.locator('[data-testid="reading-result"]'));
  const tokens = page.locator('.stamp .token');
  await tokens.nth(1).focus();
  const tip = tokens.nth(1).locator('.tooltip');
  await tip.waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await tip.waitFor({ state: 'hidden' });
  // Focus stays where it was.
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('token')), true);
  await page.keyboard.press('Tab');
  await tokens.nth(2).locator('.tooltip').waitFor({ state: 'visible' });
});

test('the document title follows the page and the language', async () => {
  const { page } = user;
  const readingId = await newReading(page);
  const fa = (n) => String(n).replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]);
  const pages = [
    ['#/', 'Oracle · NPS Oracle', 'پیشگو · پیشگوی NPS'],
    ['#/history', 'History · NPS Oracle', 'تاریخچه · پیشگوی NPS'],
    [`#/reading/${readingId}`, `Reading ${readingId} · NPS Oracle`, `خوانش ${fa(readingId)} · پیشگوی NPS`],
    ['#/people', 'People · NPS Oracle', 'افراد · پیشگوی NPS'],
    ['#/learn', 'Learn · NPS Oracle', 'دانستنی\u200cها · پیشگوی NPS'],
    ['#/settings', 'Settings · NPS Oracle', 'تنظیمات · پیشگوی NPS'],
  ];
  for (const [lang, column] of [['en', 1], ['fa', 2]]) {
    await setLanguage(page, lang);
    for (const row of pages) {
      await page.goto(BASE + '/' + row[0]);
      await page.waitForFunction((t) => document.title === t, row[column]);
    }
  }
  await setLanguage(page, 'en');
  const context = await user.browser.newContext({ locale: 'en-US' });
  const login = await context.newPage();
  await login.goto(BASE + '/#/history');
  await login.waitForFunction(() => document.title === 'Sign in · NPS Oracle');
  await setLanguage(login, 'fa');
  await login.waitForFunction(() => document.title === 'ورود · پیشگوی NPS');
  await context.close();
});

test('forced colours keep the chosen kind and the progress fill visible', async () => {
  const { page } = user;
  await page.emulateMedia({ forcedColors: 'active' });
  try {
    await newReading(page, 'time');
    const kinds = await page.$$eval('.kinds button', (bs) =>
      bs.map((b) => [b.getAttribute('aria-checked'), getComputedStyle(b).backgroundColor]));
    const chosen = kinds.find(([c]) => c === 'true')[1];
    for (const [checked, background] of kinds.filter(([c]) => c === 'false')) {
      assert.notEqual(background, chosen, `chosen ${chosen}, other ${checked} ${background}`);
    }
    const [fill, track] = await page.evaluate(() => ['.progress-fill', '.progress-track']
      .map((s) => getComputedStyle(document.querySelector(s)).backgroundColor));
    assert.notEqual(fill, 'rgba(0, 0, 0, 0)');
    assert.notEqual(fill, track);
  } finally {
    await page.emulateMedia({ forcedColors: 'none' });
  }
  assert.deepEqual(user.errors, []);
});

test('control edges keep 3:1 and the delete button 4.5:1, in light and dark', async () => {
  const { page } = user;
  await page.goto(BASE + '/#/history');
  await page.waitForSelector('.history-page');
  const ratios = () => page.evaluate(() => {
    const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
    const lum = (c) => {
      const [r, g, b] = rgb(c).map((v) => v / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    const style = (s) => getComputedStyle(document.querySelector(s));
    const danger = style('[data-testid="confirm-delete"]');
    return {
      // The search field's edge against the filters' surface.
      input: ratio(style('#h-q').borderTopColor, style('.filters').backgroundColor),
      delete: ratio(danger.color, danger.backgroundColor),
    };
  });
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const r = await ratios();
    assert.ok(r.input >= 3, `${colorScheme} input edge ${r.input.toFixed(2)}:1`);
    assert.ok(r.delete >= 4.5, `${colorScheme} delete button ${r.delete.toFixed(2)}:1`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
});
