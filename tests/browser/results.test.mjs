// Results a newcomer understands, and charts (issue 14 items 1 and 6, and the print
// stylesheet), in headless Chromium against the real `nps serve` of scripts/test-ui.sh:
// the summary before the details, every figure with a meaning and a working glossary
// link, a question restated and shown in the history, the three charts with their text
// alternatives, the same score in the same colour, and the printed page — in English
// and Persian. Its own login (farah), so its readings touch no other file's counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { THREE_PEOPLE, account, chromiumForFile, compatibilityReading, openSections, signIn } from './browser.mjs';

const BASE = process.env.NPS_URL;
const PERSIAN = /[\u0600-\u06FF]/;
const stripIsolation = (t) => t.replace(/[\u2068\u2069]/g, '');

const shared = chromiumForFile();
let farah; // { context, page, errors }, signed in by the first test that needs it

/** Farah's signed-in page, kept from one test to the next. */
async function session() {
  if (!farah) {
    const { user, password } = account('E');
    farah = await signIn(shared.browser, user, password, { consoleErrors: true });
  }
  return farah;
}

/** Switches the UI to `lang` ('en' or 'fa') if it is not in it. */
async function language(page, lang) {
  if ((await page.getAttribute('html', 'lang')) !== lang) {
    await page.click('[data-testid="language-toggle"]');
    await page.waitForSelector(`html[lang="${lang}"]`);
  }
}

/** Runs a full reading for Sara and returns the result's locator. */
async function fullReading(page) {
  await page.goto(BASE + '/#/');
  await page.click('button.kind[data-kind="full"]');
  await page.fill('#f-profile-name', 'Sara Ahmadi');
  await page.fill('#f-profile-birth_date', '1990-07-15');
  await page.click('[data-testid="reading-submit"]');
  const result = page.locator('[data-testid="reading-result"][data-kind="full"]');
  await result.waitFor({ timeout: 20_000 });
  return result;
}

/** The summary and its signals as the page shows them. */
async function checkSummary(result, lang) {
  const summary = result.locator('[data-testid="result-summary"]');
  await summary.waitFor();
  const signals = summary.locator('[data-testid="summary-signal"]');
  const count = await signals.count();
  assert.ok(count >= 3 && count <= 5, `3–5 signals, not ${count}`);
  for (const text of await signals.allInnerTexts()) {
    assert.ok(stripIsolation(text).length > 20, `a sentence: ${text}`);
    if (lang === 'fa') assert.match(text, PERSIAN);
  }
  assert.match(await summary.innerText(), /Sara Ahmadi/);
  // The summary comes before every detail.
  const first = await result.evaluate((r) => {
    const s = r.querySelector('[data-testid="result-summary"]');
    const d = r.querySelector('details.result-section');
    return Boolean(s.compareDocumentPosition(d) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(first, 'the summary precedes the sections');
}

/** Every figure has a one-line meaning and a link to the Learn page. */
async function checkFigures(result, lang) {
  const figures = result.locator('[data-testid="figure"]');
  const count = await figures.count();
  assert.ok(count >= 10, `numbers, moon and ganzhi figures: ${count}`);
  for (let i = 0; i < count; i++) {
    const figure = figures.nth(i);
    const meaning = figure.locator('[data-testid="figure-meaning"]');
    assert.equal(await meaning.count(), 1, `figure ${i} has a meaning`);
    assert.ok(await meaning.isVisible(), `figure ${i}'s meaning is shown`);
    const text = stripIsolation(await meaning.innerText());
    assert.ok(text.length > 15, `figure ${i}: ${text}`);
    if (lang === 'fa') assert.match(text, PERSIAN);
    assert.ok(await figure.locator('a[href^="#/learn/"]').count() >= 1, `figure ${i} links to Learn`);
  }
}

/** The cycle and the moon charts, drawn with their text alternatives. */
async function checkCharts(result, lang) {
  const cycle = result.locator('[data-testid="chart-cycle"] svg[role="img"]');
  assert.equal(await cycle.locator('.year-bar').count(), 9, 'nine years');
  assert.equal(await cycle.locator('.year-bar.current').count(), 1, 'this year marked');
  const cycleAlt = await cycle.locator('title').textContent();
  assert.equal(await cycle.getAttribute('aria-labelledby'), 'chart-cycle-title');
  const moon = result.locator('[data-testid="chart-moon"] svg[role="img"]');
  const days = await moon.locator('.moon-day').count();
  assert.ok(days >= 29 && days <= 31, `a day per day of the month: ${days}`);
  assert.equal(await moon.locator('.moon-day.marked').count(), 1, 'the reading\'s day marked');
  const moonAlt = await moon.locator('title').textContent();
  for (const alt of [cycleAlt, moonAlt]) {
    assert.ok(alt.length > 40, alt);
    if (lang === 'fa') assert.match(alt, PERSIAN);
  }
  // The reading's year is the current bar; the marked moon is the reading's day.
  const marked = await moon.locator('.moon-day.marked').getAttribute('data-date');
  const moment = await result.locator('[data-testid="result-dates"] dd').first().getAttribute('data-date');
  assert.equal(marked, moment);
  assert.equal(await cycle.locator('.year-bar.current').getAttribute('data-year'), moment.slice(0, 4));
  // Right to left, the first year stands at the right.
  const xs = await cycle.locator('.year-bar rect').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('x'))));
  assert.equal(xs[0] < xs[8], lang === 'en', `years run with the reading direction: ${xs}`);
}

test('a full reading opens with its summary, and every figure is explained and linked (en, fa)', async () => {
  const { page, errors } = await session();
  await language(page, 'en');
  const result = await fullReading(page);
  await checkSummary(result, 'en');
  // The details are sections; the moment is closed until asked for.
  assert.equal(await result.locator('details[data-section="moment"]').getAttribute('open'), null);
  await openSections(result);
  await checkFigures(result, 'en');
  await checkCharts(result, 'en');
  const words = result.locator('[data-testid="stamp-words"] li');
  assert.ok([3, 7].includes(await words.count()), 'weekday, month and day, and the time\'s four parts');
  assert.match(stripIsolation(await words.first().innerText()), /^[A-Z]{2} /);

  // In Persian: the same reading, rendered again by the server.
  await language(page, 'fa');
  await page.waitForFunction(() => /[\u0600-\u06FF]/.test(
    document.querySelector('[data-testid="summary-signal"]')?.textContent ?? ''));
  await openSections(result);
  await checkSummary(result, 'fa');
  await checkFigures(result, 'fa');
  await checkCharts(result, 'fa');

  // A glossary link leads to its entry.
  const link = result.locator('[data-testid="figure"] a[href="#/learn/core-life-path"]').first();
  await link.click();
  await page.waitForFunction(() => location.hash === '#/learn/core-life-path');
  await page.locator('#learn-core-life-path').waitFor();
  assert.match(await page.locator('#learn-core-life-path').innerText(), PERSIAN);
  await language(page, 'en');
  assert.deepEqual(errors, []);
});

test('a question reading restates the question, and the history row shows it (en, fa)', async () => {
  const { page } = await session();
  for (const [lang, asked, restated] of [
    ['en', 'Is this the year to open my bakery?', /^You asked: Is this the year to open my bakery\?$/],
    ['fa', 'آیا امسال سال باز کردن نانوایی من است؟', /^پرسیدید: آیا امسال سال باز کردن نانوایی من است؟$/],
  ]) {
    await language(page, lang);
    await page.goto(BASE + '/#/');
    await page.click('button.kind[data-kind="question"]');
    await page.fill('#f-question', asked);
    await page.click('[data-testid="reading-submit"]');
    const result = page.locator('[data-testid="reading-result"][data-kind="question"]');
    await result.waitFor({ timeout: 20_000 });
    assert.match(stripIsolation(await result.locator('[data-testid="question-restated"]').innerText()), restated);
    // The answer is framed by the question's number first.
    const first = result.locator('[data-testid="summary-signal"]').first();
    assert.equal(await first.getAttribute('data-kind'), 'question');
    const number = await result.locator('.numbers .number-value').first().innerText();
    assert.ok(stripIsolation(await first.innerText()).includes(number), 'the line names the number');

    await page.goto(BASE + '/#/history');
    const row = page.locator('.history-item[data-kind="question"]').first();
    await row.waitFor();
    assert.match(stripIsolation(await row.locator('[data-testid="history-question"]').innerText()), restated);
  }
  await language(page, 'en');
});

test('compatibility: a matrix of every pair, each score in its band\'s colour everywhere', async () => {
  const { page } = await session();
  await page.goto(BASE + '/#/');
  const result = await compatibilityReading(page, THREE_PEOPLE);
  const matrix = result.locator('[data-testid="chart-compat"] table');
  assert.equal(await matrix.locator('tbody tr').count(), 3);
  assert.equal(await matrix.locator('td.score').count(), 6, 'each pair both ways');
  assert.equal(await matrix.locator('td.self').count(), 3);
  assert.ok((await matrix.locator('caption').innerText()).length > 40, 'the caption explains the colours');
  // The same score has the same colour in the pair bars, the matrix and the group bar.
  const colours = await result.evaluate((r) => {
    const out = [];
    for (const bar of r.querySelectorAll('.score-bar')) {
      const fill = getComputedStyle(bar.querySelector('.fill')).backgroundColor;
      out.push([Number(bar.dataset.percent), fill]);
    }
    for (const cell of r.querySelectorAll('td.score')) {
      out.push([Number(cell.dataset.percent), getComputedStyle(cell).backgroundColor]);
    }
    return out;
  });
  assert.equal(colours.length, 4 + 6, 'three pair bars, the group bar and six cells');
  const band = (p) => (p >= 80 ? 'strong' : p >= 65 ? 'good' : p >= 50 ? 'mixed' : 'challenging');
  const byBand = new Map();
  for (const [percent, colour] of colours) {
    const b = band(percent);
    if (byBand.has(b)) assert.equal(colour, byBand.get(b), `${percent} in ${b}`);
    byBand.set(b, colour);
  }
  // Every band colour stands out from the card at 3:1 at least, light and dark.
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const ratios = await result.evaluate((r) => {
      const rgb = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
      const lum = (c) => {
        const [R, G, B] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * R + 0.7152 * G + 0.0722 * B;
      };
      const card = getComputedStyle(r.querySelector('.compat-card')).backgroundColor;
      return [...r.querySelectorAll('.score-bar .fill, td.score')].map((e) => {
        const [a, b] = [lum(getComputedStyle(e).backgroundColor), lum(card)];
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      });
    });
    for (const ratio of ratios) assert.ok(ratio >= 3, `${scheme}: ${ratio.toFixed(2)}:1`);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // In Persian: the same matrix, its caption and band words Persian, its digits Persian.
  await language(page, 'fa');
  await page.waitForFunction(() => /[\u0600-\u06FF]/.test(
    document.querySelector('[data-testid="chart-compat"] caption')?.textContent ?? ''));
  assert.equal(await matrix.locator('td.score').count(), 6);
  for (const text of await matrix.locator('td.score').allInnerTexts()) {
    assert.match(stripIsolation(text), /^[\u06F0-\u06F9]+٪\s*\S/, `a Persian percent and band: ${text}`);
  }
  await language(page, 'en');
});

test('printing shows the reading alone: no header or buttons, every section open, black on white', async () => {
  const { page } = await session();
  const result = await fullReading(page);
  assert.ok(await page.locator('.app-header').isVisible());
  assert.equal(await result.locator('details[data-section="moment"]').getAttribute('open'), null);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.app-header').isVisible(), false, 'no header');
  assert.equal(await page.locator('nav').first().isVisible(), false, 'no navigation');
  assert.equal(await page.locator('.progress').isVisible(), false, 'no progress');
  assert.equal(await result.locator('button:visible').count(), 0, 'no buttons');
  assert.ok(await result.locator('[data-testid="result-summary"]').isVisible(), 'the summary');
  // A closed section prints open.
  assert.ok(await result.locator('[data-testid="fc60-stamp"]').isVisible(), 'the moment, opened');
  const [fg, bg] = await result.evaluate((r) => [getComputedStyle(r).color, getComputedStyle(r).backgroundColor]);
  assert.deepEqual([fg, bg], ['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  await page.emulateMedia({ media: 'screen' });
  assert.ok(await page.locator('.app-header').isVisible());
});
