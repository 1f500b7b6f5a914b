// The forms take what people type and refuse what cannot be read (issue 14 items 4
// and 7), in headless Chromium against the real `nps serve` of scripts/test-ui.sh: the
// place picker fills the coordinates (mouse and keyboard, English and Persian), the
// heart rate takes Persian digits, and a name in a script no system reads is refused
// beside its field with nothing sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { account, chromiumForFile, signIn } from './browser.mjs';

const chrome = chromiumForFile();
// Erin's own login: her readings touch nobody the other files count on.
const erin = account('D');

/** Erin signed in, on the full reading's form. */
async function fullForm() {
  const session = await signIn(chrome.browser, erin.user, erin.password);
  await session.page.click('button.kind[data-kind="full"]');
  return session;
}

/** Isolation marks (FSI/PDI…) Fluent puts around arguments, which the eye never sees. */
const stripIsolation = (s) => s.replace(/[\u2066-\u2069]/g, '');

test('a city picked from the list fills the coordinates, by mouse or keyboard, in either language', async () => {
  const { context, page, errors } = await fullForm();
  const search = page.locator('[data-testid="place-search"]');
  assert.equal(await search.getAttribute('role'), 'combobox');
  assert.equal(await search.getAttribute('aria-expanded'), 'false');

  // Keyboard: type, arrow down past the first, Enter picks (and does not send the form).
  await search.fill('shir');
  await page.locator('[data-testid="place-option"]').first().waitFor();
  assert.equal(await search.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('[data-testid="place-option"]').first().getAttribute('data-place'), 'ir-shiraz');
  const active = await search.getAttribute('aria-activedescendant');
  assert.equal(await page.locator(`#${active}`).getAttribute('aria-selected'), 'true');
  await search.press('ArrowDown');
  await search.press('ArrowUp');
  await search.press('Enter');
  assert.equal(await search.inputValue(), 'Shiraz');
  assert.equal(await search.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.inputValue('#f-profile-latitude'), '29.6103');
  assert.equal(await page.inputValue('#f-profile-longitude'), '52.5311');
  assert.equal(await page.locator('[data-testid="reading-result"]').count(), 0, 'Enter picked, not sent');

  // Escape closes the list without picking.
  await search.fill('tabr');
  await page.locator('[data-testid="place-option"]').first().waitFor();
  await search.press('Escape');
  assert.equal(await search.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.inputValue('#f-profile-latitude'), '29.6103');

  // A name no city has says so, and points to the coordinates.
  await search.fill('qqqq');
  await page.locator('[data-testid="place-none"]').waitFor();
  assert.match(await page.locator('[data-testid="place-none"]').innerText(), /enter the coordinates/);

  // Persian: the list finds and names the city in Persian; a click picks it.
  await page.click('[data-testid="language-toggle"]');
  await page.waitForSelector('html[dir="rtl"][lang="fa"]');
  await search.fill('تبر');
  const tabriz = page.locator('[data-testid="place-option"][data-place="ir-tabriz"]');
  await tabriz.waitFor();
  assert.equal(await tabriz.locator('.place-name').innerText(), 'تبریز');
  assert.match(await tabriz.locator('.place-where').innerText(), /^۳۸٫۰۸، ۴۶٫۲۹، Asia\/Tehran$/);
  await tabriz.click();
  assert.equal(await search.inputValue(), 'تبریز');
  assert.equal(await page.inputValue('#f-profile-latitude'), '38.08');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the heart rate takes Persian digits, and a name in a script no system reads is refused', async () => {
  const { context, page, errors } = await fullForm();
  const bpm = page.locator('#f-profile-bpm');
  assert.equal(await bpm.getAttribute('type'), 'text');
  assert.equal(await bpm.getAttribute('inputmode'), 'numeric');

  // Cyrillic: refused beside the field, nothing sent.
  let sent = 0;
  page.on('request', (r) => { if (r.url().includes('/api/oracle/full')) sent += 1; });
  await page.fill('#f-profile-name', 'Иван Петров');
  await page.fill('#f-profile-birth_date', '1990-07-15');
  await page.click('[data-testid="reading-submit"]');
  const nameError = page.locator('#f-profile-name-error');
  await nameError.waitFor();
  assert.equal(stripIsolation(await nameError.innerText()),
    'None of these letters count in the Pythagorean system, which reads Latin letters (A to Z). '
    + 'Write the name in Latin or Persian letters.');
  assert.equal(await page.getAttribute('#f-profile-name', 'aria-invalid'), 'true');
  assert.equal(sent, 0);

  // In Persian, with the heart rate typed in Persian digits: sent as the number 72.
  await page.click('[data-testid="language-toggle"]');
  await page.waitForSelector('html[dir="rtl"][lang="fa"]');
  await page.fill('#f-profile-name', 'سارا احمدی');
  await bpm.fill('۷۲');
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().endsWith('/api/oracle/full') && r.method() === 'POST'),
    page.click('[data-testid="reading-submit"]'),
  ]);
  assert.equal(request.postDataJSON().profile.bpm, 72);
  assert.equal(request.postDataJSON().profile.name, 'سارا احمدی');
  await page.locator('[data-testid="reading-result"][data-kind="full"]').waitFor({ timeout: 20_000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test("history rows show the reader's own day and time, not UTC's", async () => {
  // Erin's full reading above is the newest row; seen from Tehran (UTC+03:30).
  const { context, page, errors } = await signIn(chrome.browser, erin.user, erin.password,
    { timezoneId: 'Asia/Tehran' });
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/api/oracle/readings'),
    page.goto(process.env.NPS_URL + '/#/history'),
  ]);
  const createdAt = (await response.json()).items[0].created_at;
  const tehran = new Date(createdAt).toLocaleString('sv-SE', { timeZone: 'Asia/Tehran' });
  const local = tehran.slice(0, 16).replace(' ', 'T');
  const time = page.locator('.history-item').first().locator('time');
  await time.waitFor();
  assert.equal(await time.getAttribute('datetime'), local, `${createdAt} in Tehran`);
  assert.match(await time.innerText(), new RegExp(` ${local.slice(11)}$`));
  assert.notEqual(local.slice(11), createdAt.slice(11, 16), 'not the UTC clock');
  assert.deepEqual(errors, []);
  await context.close();
});
