// The web UI on a phone (issue 14, item 9): at 390×844 with touch, in English and
// Persian, the header is one row of at most 64 px with the navigation behind a
// "Menu" button, History rows stack, no main container is wider than the screen,
// and the stamp's explanations show on a tap (no hint needs a mouse). Signed in as
// the a11y tests' user (NPS_USER_F) of scripts/test-ui.sh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { PHONE, newReading, openSections, setLanguage, signedInFile } from './browser.mjs';

const BASE = process.env.NPS_URL;
const ARTIFACTS = process.env.NPS_ARTIFACTS ?? 'tests/artifacts';
/** The tallest header allowed on a phone, in CSS pixels. */
const MAX_HEADER_PX = 64;
/** The containers whose content must fit the screen's width. */
const CONTAINERS = ['html', 'body', '.app-header', 'main', '.oracle-form', '.result', '.marks',
  '.history-page', '.history-list', '.filters', '.people-page', '.learn-page', '.settings-page'];

const phone = signedInFile({ device: PHONE });

/** Each present container that is wider inside than it shows: `selector: scroll > client`. */
function overflowing(page) {
  return page.evaluate((selectors) => selectors.flatMap((s) => [...document.querySelectorAll(s)]
    .filter((e) => e.scrollWidth > e.clientWidth)
    .map((e) => `${s}: ${e.scrollWidth} > ${e.clientWidth}`)), CONTAINERS);
}

/** The header's height and whether every item of it sits on its one row. */
function headerRow(page) {
  return page.evaluate(() => {
    const header = document.querySelector('.app-header').getBoundingClientRect();
    const items = [...document.querySelectorAll('.app-header .brand-mark, .menu-button, .header-tools > *')]
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 1);
    return {
      height: header.height,
      oneRow: items.every((r) => r.top >= header.top && r.bottom <= header.bottom),
      items: items.length,
    };
  });
}

for (const lang of ['en', 'fa']) {
  test(`on a phone (${lang}): one header row, a menu, stacked rows, nothing clipped`, async () => {
    const { page } = phone;
    await page.goto(BASE + '/#/');
    await setLanguage(page, lang);
    const row = await headerRow(page);
    assert.ok(row.height <= MAX_HEADER_PX, `header ${row.height} px`);
    assert.ok(row.oneRow && row.items >= 4, JSON.stringify(row));

    // The menu: closed, opened, Escape closes it and gives focus back to its button.
    const menu = page.locator('[data-testid="menu-button"]');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.isVisible('#main-nav-list'), false);
    await menu.tap();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.locator('#main-nav-list a').count(), 5);
    await page.locator('#main-nav-list a').first().waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'menu-button');

    // A reading: its stamp explained on a tap.
    const id = await newReading(page);
    await openSections(page.locator('[data-testid="reading-result"]'));
    const token = page.locator('.stamp .token').nth(1);
    await token.tap();
    await token.locator('.tooltip').waitFor({ state: 'visible' });
    assert.deepEqual(await overflowing(page), [], 'oracle');
    await page.screenshot({ path: path.join(ARTIFACTS, `mobile-result-${lang}.png`) });

    // History through the menu; its rows stack (actions under the text).
    await menu.tap();
    await page.locator('#main-nav-list a[href="#/history"]').tap();
    await page.waitForSelector(`.history-item[data-reading-id="${id}"]`);
    assert.equal(await menu.getAttribute('aria-expanded'), 'false', 'choosing a page closes the menu');
    const stacked = await page.$eval(`.history-item[data-reading-id="${id}"]`, (item) => {
      const text = item.querySelector('.history-text').getBoundingClientRect();
      const actions = item.querySelector('.history-actions').getBoundingClientRect();
      return actions.top >= text.bottom - 1;
    });
    assert.ok(stacked, 'history row stacked');
    assert.deepEqual(await overflowing(page), [], 'history');
    await page.screenshot({ path: path.join(ARTIFACTS, `mobile-history-${lang}.png`), fullPage: true });

    for (const [hash, ready] of [[`#/reading/${id}`, '[data-testid="reading-marks"]'],
      ['#/people', '.people-page'], ['#/learn', '[data-testid="learn-page"]'],
      ['#/settings', '[data-testid="test-connection"]']]) {
      await page.goto(BASE + '/' + hash);
      await page.waitForSelector(ready);
      assert.deepEqual(await overflowing(page), [], hash);
      assert.ok((await headerRow(page)).height <= MAX_HEADER_PX, hash);
    }
    assert.deepEqual(phone.errors, []);
  });
}
