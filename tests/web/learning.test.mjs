// End-to-end tests of learning from corrections on the page (issue 21), in Chromium via
// playwright-core like e2e.test.mjs (same site assembly, see lib.mjs): a name corrected in one
// document marked done is right in a new document; it survives a reload; reset forgets it;
// export and import; a document marked done twice without changes is learned once.
//   cd tests/web && npm install && node --test learning.test.mjs
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { siteAndBrowser, screenshotDir, freshPage as newPage, openApp as openPage } from './lib.mjs';
import { SAMPLE_TEXT } from './fixtures.mjs';
import { LEARNING, marksName, occurrences } from './learning-fixture.mjs';

const env = siteAndBrowser(); // env.server, env.browser: set before the tests run

const freshPage = (t) => newPage(env.browser, env.server, t);

const openApp = (page) => openPage(page, env.server);

/** A new document from the "New text" dialog; resolves once it is shown. */
async function paste(page, text, name) {
  await page.click('#new-text');
  await page.$eval('#paste-text', (e, t) => { e.value = t; e.dispatchEvent(new Event('input', { bubbles: true })); }, text);
  await page.fill('#paste-name', name);
  await page.click('#paste-add');
  await page.waitForFunction((n) => document.querySelector('#doc-name').textContent === n && document.body.dataset.state === 'ready', name);
}

/** The document on screen, as the page holds it (UTF-16 offsets). */
const shownDoc = (page) => page.evaluate(() => document.querySelector('belgi-annotator').annotations);
const learnedCount = (page) => page.evaluate(() => Number(document.body.dataset.learned));
const status = (page) => page.$eval('#learning-status', (e) => e.textContent);

/** Presses a button that asks first (the page's own dialog) and answers OK. */
async function confirmed(page, selector) {
  await page.click(selector);
  await page.waitForSelector('#confirm-dialog[open]');
  await page.click('#confirm-ok');
}

/** Corrects the name in the shown document from the keyboard: select it, press the type's key. */
async function correctName(page) {
  for (const [start, end] of occurrences((await shownDoc(page)).text)) {
    await page.evaluate(([s, e]) => document.querySelector('belgi-annotator').selectRange(s, e), [start, end]);
    await page.keyboard.press(LEARNING.key);
  }
}

/** Done ▶ on the shown document, answering OK when suggestions remain; waits for `learned`. */
async function markDone(page, learned) {
  await page.click('#done-next');
  if (await page.$('#confirm-dialog[open]')) await page.click('#confirm-ok');
  await page.waitForFunction((n) => document.body.dataset.learned === String(n), learned);
}

test('learning: a corrected name is right in a new document; kept over a reload; reset forgets it', async (t) => {
  const page = await freshPage(t);
  await openApp(page);
  assert.equal(await learnedCount(page), 0);
  assert.match(await status(page), /Nothing learned yet/);
  // The shipped model gets the name wrong, in the document to correct and in a new one.
  await paste(page, LEARNING.fresh, 'before.txt');
  assert.ok(!marksName(await shownDoc(page)), 'the shipped model gets the name wrong');
  await paste(page, LEARNING.taught, 'taught.txt');
  assert.ok(!marksName(await shownDoc(page)));
  await correctName(page);
  assert.ok(marksName(await shownDoc(page)), 'corrected on the page');
  await markDone(page, 1);
  assert.match(await status(page), /^Learned from 1 document \(/);
  // A new document with the same name in a new sentence: marked right.
  await paste(page, LEARNING.fresh, 'after.txt');
  assert.ok(marksName(await shownDoc(page)), `after learning: ${JSON.stringify((await shownDoc(page)).spans)}`);
  await page.screenshot({ path: path.join(screenshotDir(), '21-learned.png') });
  // A long one, annotated in the worker: the worker's module learned it too.
  let long = LEARNING.fresh;
  while (long.length <= 20000) long += `\n\n${SAMPLE_TEXT}`;
  await paste(page, long, 'long.txt');
  assert.ok(marksName(await shownDoc(page)), 'in the worker too');
  // Reload: still learned.
  await page.evaluate(() => window.belgiApp.flush());
  await page.reload();
  await page.waitForSelector('body[data-state="ready"]');
  assert.equal(await learnedCount(page), 1);
  await paste(page, LEARNING.fresh, 'after-reload.txt');
  assert.ok(marksName(await shownDoc(page)), 'learned, after a reload');
  // Reset: gone (and still gone after a reload).
  await confirmed(page, '#learning-reset');
  await page.waitForFunction(() => document.body.dataset.learned === '0');
  await paste(page, LEARNING.fresh, 'after-reset.txt');
  assert.ok(!marksName(await shownDoc(page)), 'reset forgets it');
  await page.reload();
  await page.waitForSelector('body[data-state="ready"]');
  assert.equal(await learnedCount(page), 0);
  await paste(page, LEARNING.fresh, 'after-reset-reload.txt');
  assert.ok(!marksName(await shownDoc(page)));
  assert.deepEqual(page.errors, []);
});

test('learning: a document marked done again without changes is not learned again; with a change it is', async (t) => {
  const page = await freshPage(t);
  await openApp(page);
  await paste(page, LEARNING.taught, 'taught.txt');
  await correctName(page);
  await markDone(page, 1);
  // Back to "in progress" and done again, unchanged: still one document.
  await page.selectOption('#doc-status', 'in progress');
  await page.click('#done-next');
  if (await page.$('#confirm-dialog[open]')) await page.click('#confirm-ok');
  await page.waitForFunction(() => document.querySelector('#doc-status').value === 'done');
  await page.evaluate(() => window.belgiApp.learningIdle());
  assert.equal(await learnedCount(page), 1);
  await page.evaluate(() => window.belgiApp.flush());
  await page.reload();
  await page.waitForSelector('body[data-state="ready"]');
  await page.selectOption('#doc-status', 'in progress');
  await page.selectOption('#doc-status', 'done');  // the fingerprints are kept over a reload
  await page.evaluate(() => window.belgiApp.learningIdle());
  assert.equal(await learnedCount(page), 1);
  // A change, then done: learned from again.
  const at = LEARNING.taught.indexOf(LEARNING.other);
  await page.evaluate(([s, e]) => document.querySelector('belgi-annotator').selectRange(s, e), [at, at + LEARNING.other.length]);
  await page.keyboard.press('t');
  await markDone(page, 2);
  await page.evaluate(() => window.belgiApp.learningIdle());
  assert.equal(await learnedCount(page), 2);
  assert.deepEqual(page.errors, []);
});

test('learning: export, then import on a fresh page; a refused file keeps what was learned', async (t) => {
  const page = await freshPage(t);
  await openApp(page);
  await paste(page, LEARNING.taught, 'taught.txt');
  await correctName(page);
  await markDone(page, 1);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#learning-export')]);
  const file = await download.path();
  const fs = await import('node:fs');
  const bytes = fs.readFileSync(file);
  assert.equal(bytes.subarray(0, 8).toString('latin1'), 'BELGIADA');
  assert.match(download.suggestedFilename(), /^belgi-adaptation-\d{4}-\d{2}-\d{2}\.bin$/);
  await confirmed(page, '#learning-reset');
  await page.waitForFunction(() => document.body.dataset.learned === '0');
  // Import the exported file: learned again.
  await page.setInputFiles('#learning-file', { name: 'kept.bin', mimeType: 'application/octet-stream', buffer: bytes });
  await page.waitForFunction(() => document.body.dataset.learned === '1');
  await paste(page, LEARNING.fresh, 'after-import.txt');
  assert.ok(marksName(await shownDoc(page)), 'the imported adaptation is used');
  // A file that is no adaptation: refused after the confirmation, with the reason; nothing changes.
  await page.setInputFiles('#learning-file', { name: 'notes.bin', mimeType: 'application/octet-stream', buffer: Buffer.from('not an adaptation') });
  await page.waitForSelector('#confirm-dialog[open]');
  await page.click('#confirm-ok');
  await page.waitForFunction(() => /Not imported: «notes\.bin»/.test(document.querySelector('#message').textContent));
  assert.equal(await learnedCount(page), 1);
  await paste(page, LEARNING.fresh, 'after-refusal.txt');
  assert.ok(marksName(await shownDoc(page)));
  assert.deepEqual(page.errors, []);
});
