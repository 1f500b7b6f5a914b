// A stored reading's page and Settings (issue 14, item 11), in headless Chromium
// against the `nps serve` of scripts/test-ui.sh, signed in as the a11y tests' user
// (NPS_USER_F): the reading shows its date, a favorite toggle, a star rating, a
// private note and delete; rating and note are kept by the server (a reload shows
// them, History shows the rating), in English and Persian. Settings names each
// control once and says who is signed in, as the header does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newReading, setLanguage, signedInFile } from './browser.mjs';

const BASE = process.env.NPS_URL;
const strip = (t) => t.replace(/[\u2068\u2069]/g, '').trim();

const user = signedInFile();

/** The reading page's marks as shown: favorite, stars, the note's text. */
async function shownMarks(page) {
  const marks = page.locator('[data-testid="reading-marks"]');
  await marks.waitFor();
  return {
    favorite: await page.getAttribute('[data-testid="reading-favorite"]', 'aria-pressed'),
    rating: await page.getAttribute('[data-testid="rating"]', 'data-rating'),
    note: await page.inputValue('#reading-note'),
  };
}

/** Saves `text` as the note and waits for "saved" (`said`). */
async function saveNote(page, text, said) {
  await page.fill('#reading-note', text);
  await page.click('[data-testid="note-save"]');
  await page.waitForFunction((s) => document.querySelector('[data-testid="note-status"]')
    ?.textContent.trim() === s, said);
}

const cases = [
  {
    lang: 'en', note: 'Felt right. Look again in May.', saved: 'Note saved.',
    made: 'Made on', shown: (n) => `Rated ${n} out of 5`,
  },
  {
    lang: 'fa', note: 'درست به نظر می‌رسید؛ اردیبهشت دوباره ببینم.', saved: 'یادداشت ذخیره شد.',
    made: 'ساخته‌شده در', shown: (n) => `امتیاز ${'۰۱۲۳۴۵۶۷۸۹'[n]} از ۵`,
  },
];

for (const c of cases) {
  test(`a reading's rating and note are kept (${c.lang})`, async () => {
    const { page } = user;
    await setLanguage(page, c.lang);
    const id = await newReading(page, 'time');
    await page.goto(`${BASE}/#/reading/${id}`);
    assert.deepEqual(await shownMarks(page), { favorite: 'false', rating: '0', note: '' });
    const date = page.locator('[data-testid="reading-date"]');
    assert.ok(strip(await date.innerText()).startsWith(c.made));
    assert.match(await date.locator('time').getAttribute('datetime'), /^\d{4}-\d\d-\d\dT/);

    // Favorite, four stars (a click), a note.
    await page.click('[data-testid="reading-favorite"]');
    await page.waitForSelector('[data-testid="reading-favorite"][aria-pressed="true"]');
    await page.locator('[data-testid="rating"] label.star-choice').nth(3).click();
    await page.waitForSelector('[data-testid="rating"][data-rating="4"]');
    await saveNote(page, c.note, c.saved);

    // Kept: after a reload, and in History.
    await page.reload();
    assert.deepEqual(await shownMarks(page), { favorite: 'true', rating: '4', note: c.note });
    // Five stars with the keyboard (the radio group's arrow key).
    await page.focus('[data-testid="rating"] input:checked');
    await page.keyboard.press('ArrowDown');
    await page.waitForSelector('[data-testid="rating"][data-rating="5"]');
    await page.goto(`${BASE}/#/history`);
    const shown = page.locator(`.history-item[data-reading-id="${id}"] .rating-shown`);
    await shown.waitFor();
    assert.equal(await shown.getAttribute('data-rating'), '5');
    assert.equal(strip(await shown.getAttribute('aria-label')), c.shown(5));

    // A note over 2,000 characters cannot be saved; clearing the rating is kept too.
    await page.goto(`${BASE}/#/reading/${id}`);
    await page.locator('[data-testid="reading-marks"]').waitFor();
    await page.fill('#reading-note', 'x'.repeat(2001));
    assert.equal(await page.isDisabled('[data-testid="note-save"]'), true);
    assert.equal(await page.getAttribute('#reading-note', 'aria-invalid'), 'true');
    await page.click('[data-testid="rating-clear"]');
    await page.waitForSelector('[data-testid="rating"][data-rating="0"]');
    await page.reload();
    assert.deepEqual(await shownMarks(page), { favorite: 'true', rating: '0', note: c.note });

    // Delete, confirmed in the dialog: back to History, without it.
    await page.click('[data-testid="delete-reading"]');
    await page.click('dialog[open] [data-testid="confirm-delete"]');
    await page.waitForURL(/#\/history$/);
    await page.waitForSelector('.history-item');
    assert.equal(await page.locator(`.history-item[data-reading-id="${id}"]`).count(), 0);
    assert.deepEqual(user.errors, []);
  });
}

test('Settings names each control once and says who is signed in, as the header does', async () => {
  const { page } = user;
  for (const [lang, language, signedIn] of [['en', 'Language', `Signed in as ${user.user}`],
    ['fa', 'زبان', `وارد شده با نام ${user.user}`]]) {
    await setLanguage(page, lang);
    await page.goto(`${BASE}/#/settings`);
    await page.waitForSelector('[data-testid="settings-user"]');
    const named = await page.$$eval('.settings-page h2, .settings-page label, .settings-page legend',
      (els, word) => els.filter((e) => e.textContent.trim() === word).length, language);
    assert.equal(named, 1, `"${language}" once`);
    assert.equal(strip(await page.locator('[data-testid="settings-user"]').innerText()), signedIn);
    assert.equal(await page.locator('[data-testid="header-user"] [aria-hidden="true"]').innerText(), user.user);
    assert.equal(strip(await page.locator('[data-testid="header-user"] .visually-hidden').innerText()), signedIn);
  }
  await setLanguage(page, 'en');
});
