// Saved people (issue 14 item 3) in headless Chromium against the real `nps serve` of
// scripts/test-ui.sh: the People page (add, "me", edit, delete with confirmation), the
// forms starting with "me" and filled from a saved person, the day read for "me", a
// reading from it, the page in Persian, and another user seeing none of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { account, chromiumForFile, signIn as signInAs } from './browser.mjs';

const BASE = process.env.NPS_URL;
const { user: USER_A, password: PASS_A } = account('A');
// Dara's own login: her readings and people touch nobody the other files count on.
const { user: USER_C, password: PASS_C } = account('C');
const chrome = chromiumForFile();

function signIn(user, password) {
  return signInAs(chrome.browser, user, password);
}

/** Adds a person on the People page (already open). */
async function addPerson(page, { name, birth, me = false, lat, lon }) {
  await page.click('[data-testid="person-new"]');
  await page.waitForSelector('[data-testid="person-editor"]');
  await page.fill('#f-profile-name', name);
  await page.fill('#f-profile-birth_date', birth);
  if (lat !== undefined) {
    await page.fill('#f-profile-latitude', lat);
    await page.fill('#f-profile-longitude', lon);
  }
  if (me) await page.check('#person-is-me');
  await page.click('[data-testid="person-save"]');
  await page.waitForSelector('[data-testid="person-editor"]', { state: 'detached' });
}

/** The saved people as the page lists them: [name, is me]. */
async function listed(page) {
  return page.locator('.person-item').evaluateAll((rows) =>
    rows.map((r) => [r.querySelector('strong').textContent, r.dataset.me === 'true']));
}

test('people are saved, one is "me", and the forms start with and fill from them', async () => {
  const { context, page, errors } = await signIn(USER_C, PASS_C);
  await page.goto(BASE + '/#/people');
  await page.waitForSelector('[data-testid="people-empty"]');

  // The editor checks like the full form: nothing is sent while a field is wrong.
  await page.click('[data-testid="person-new"]');
  await page.click('[data-testid="person-save"]');
  await page.waitForSelector('#f-profile-name[aria-invalid="true"]');
  await page.click('.person-editor button.secondary');

  await addPerson(page, { name: 'Sara Ahmadi', birth: '1990-07-15', me: true, lat: '35.6892', lon: '51.389' });
  await addPerson(page, { name: 'Mina Karimi', birth: '1962-03-01' });
  assert.deepEqual(await listed(page), [['Sara Ahmadi', true], ['Mina Karimi', false]]);

  // Mina becomes "me": Sara is unmarked, and "me" is listed first.
  await page.click('.person-item[data-me="false"] >> text=Edit');
  await page.waitForSelector('[data-testid="person-editor"]');
  assert.equal(await page.inputValue('#f-profile-name'), 'Mina Karimi');
  await page.check('#person-is-me');
  await page.click('[data-testid="person-save"]');
  await page.waitForSelector('[data-testid="person-editor"]', { state: 'detached' });
  assert.deepEqual(await listed(page), [['Mina Karimi', true], ['Sara Ahmadi', false]]);

  // Kept on the server: a reload shows the same.
  await page.reload();
  await page.waitForSelector('.person-item');
  assert.deepEqual(await listed(page), [['Mina Karimi', true], ['Sara Ahmadi', false]]);

  // The full form starts with "me"; the picker fills Sara instead, coordinates too.
  await page.click('nav >> text=Oracle');
  // The day is read for "me".
  const dailyFor = page.locator('[data-testid="daily-for"]');
  await dailyFor.waitFor();
  // The name is isolated (U+2068 … U+2069), as Fluent places every argument.
  assert.equal(await dailyFor.innerText(), 'Read for \u2068Mina Karimi\u2069, around your personal day.');
  await page.click('button.kind[data-kind="full"]');
  await page.waitForFunction(() => document.querySelector('#f-profile-name')?.value === 'Mina Karimi');
  assert.equal(await page.inputValue('#f-profile-birth_date'), '1962-03-01');
  const saraId = await page.locator('#pick-profile option', { hasText: 'Sara Ahmadi' }).getAttribute('value');
  await page.selectOption('#pick-profile', saraId);
  assert.equal(await page.inputValue('#f-profile-name'), 'Sara Ahmadi');
  assert.equal(await page.inputValue('#f-profile-latitude'), '35.6892');
  await page.click('[data-testid="reading-submit"]');
  const result = page.locator('[data-testid="reading-result"][data-kind="full"]');
  await result.waitFor({ timeout: 20_000 });
  assert.match(await result.innerText(), /Sara Ahmadi/);

  // Compatibility: each person has a picker.
  await page.click('button.kind[data-kind="compatibility"]');
  await page.selectOption('#pick-person-0', saraId);
  const minaId = await page.locator('#pick-person-1 option', { hasText: 'Mina Karimi' }).getAttribute('value');
  await page.selectOption('#pick-person-1', minaId);
  assert.equal(await page.inputValue('#f-people-0-name'), 'Sara Ahmadi');
  assert.equal(await page.inputValue('#f-people-1-birth_date'), '1962-03-01');

  // In Persian: the page, the "me" mark and the birth day in the Solar Hijri calendar.
  await page.click('[data-testid="language-toggle"]');
  await page.goto(BASE + '/#/people');
  await page.waitForSelector('.person-item');
  assert.equal(await page.locator('#people-heading').innerText(), 'افراد');
  assert.equal(await page.locator('.person-item[data-me="true"] .pill').innerText(), 'خودم');
  assert.match(await page.locator('.person-item[data-me="true"] time').innerText(), /۱۳۴۰/);
  await page.click('[data-testid="language-toggle"]');

  // Deleting asks first, in a dialog; cancel keeps (focus back on the row's Delete),
  // confirm removes.
  const sara = page.locator('.person-item', { hasText: 'Sara Ahmadi' });
  await sara.locator('text=Delete').click();
  assert.equal(await page.locator('dialog[open] #confirm-dialog-question').innerText(),
    'Delete this person for good?');
  await page.click('dialog[open] [data-testid="confirm-cancel"]');
  assert.equal(await page.evaluate(() => document.activeElement.closest('.person-item')?.innerText
    .includes('Sara Ahmadi')), true);
  assert.equal(await page.locator('.person-item').count(), 2);
  await sara.locator('text=Delete').click();
  await page.click('dialog[open] [data-testid="confirm-delete"]');
  await page.waitForFunction(() => document.querySelectorAll('.person-item').length === 1);
  assert.deepEqual(await listed(page), [['Mina Karimi', true]]);

  // Another user sees none of it, and their forms start empty.
  const other = await signIn(USER_A, PASS_A);
  await other.page.goto(BASE + '/#/people');
  await other.page.waitForSelector('[data-testid="people-empty"]');
  await other.page.click('nav >> text=Oracle');
  await other.page.waitForSelector('[data-testid="daily-insight"]');
  assert.equal(await other.page.locator('[data-testid="daily-for"]').count(), 0);
  await other.page.click('button.kind[data-kind="full"]');
  assert.equal(await other.page.locator('[data-testid="person-pick"]').count(), 0);
  assert.equal(await other.page.inputValue('#f-profile-name'), '');
  await other.context.close();

  assert.deepEqual(errors, []);
  await context.close();
});
