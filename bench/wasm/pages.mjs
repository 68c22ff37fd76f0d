// What the page-load benchmarks share (budget.mjs, compare.mjs, tiers.mjs): the page that
// measures, a static server for one or more site folders, headless Chromium driven over a bare
// DevTools pipe, one cold load.
//
// Why not Playwright (which tests/web uses): it attaches to each page it drives and does its own
// setting up there while the page loads, which slows the very load being measured. The same
// build, 30 cold loads each, alternating: first result 275 ms (median) with Playwright's
// newPage/goto/waitForFunction, 223 ms navigated over a bare pipe (docs/benchmarks.md). Here
// the browser only receives Page.navigate, and the result is read from the tab's title, which
// the driver asks the browser for (Target.getTargets): nothing runs in the page but the page.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sample = readFileSync(path.join(root, 'data', 'sample', 'seed.txt'), 'utf8');
// The 5,000-word article of the budget, the sample repeated: budget.mjs times it in Node, and the
// article page, which fetches it from /i/article.txt, in Chromium.
const countWords = (s) => s.split(/\s+/).filter(Boolean).length;
export const article = Array.from({ length: Math.ceil(5000 / countWords(sample)) }, () => sample).join('\n\n');
export const articleWords = countWords(article);
export const CHROMIUM = '/usr/bin/chromium';  // Debian's package (scripts/test.sh installs it)

// The preload lines wasm/js/README.md gives embedders.
const PRELOAD = `<link rel="modulepreload" href="./belgi/index.js">
<link rel="preload" href="./belgi/belgi-core.wasm" as="fetch" type="application/wasm" crossorigin>`;

// One sentence with an entity, a date, a time and a quote, for the warmup page.
const WARMUP = 'Астанада 2023 жылғы 5 желтоқсанда сағат 10:00-де Президент Қасым-Жомарт Тоқаев: «Біз дайынбыз», — деді. Ол БҰҰ-ның мүшесі.';

// Marks (ms after navigation start), in the title when done: script start, package imported,
// init() done, sample fetched, first result. The budget page is plain; "preload" adds the
// preload lines; "warmup" annotates one sentence right after init() (inside the init() step):
// what the first annotate() would cost if the page's idle time had compiled its code before.
// "floor" takes the same steps with a stand-in for the package (FLOOR: it downloads
// belgi-core.wasm and does nothing else): what the browser and the network alone cost.
const page = (kind) => `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">${kind === 'preload' ? PRELOAD : ''}<script type="module">
  const t = [performance.now()];
  const { init, annotate } = await import('${kind === 'floor' ? './floor.js' : './belgi/index.js'}');
  t.push(performance.now());
  await init();${kind === 'warmup' ? `\n  annotate(${JSON.stringify(WARMUP)});` : ''}
  t.push(performance.now());
  const text = await (await fetch('./sample.txt')).text();
  t.push(performance.now());
  const doc = annotate(text);
  t.push(performance.now());
  document.title = 'done ' + t.join(' ') + ' ' + doc.spans.length;
</script>`;

// The article page: after init(), annotate() on the article (above), once, then ten more times;
// its title: 'done FIRST MEDIAN MIN' (ms). The first call comes straight after init(), so it
// includes decoding the model and compiling the code.
const ARTICLE = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module">
  const { init, annotate } = await import('./belgi/index.js');
  const article = await (await fetch('./article.txt')).text();
  await init();
  let t = performance.now();
  annotate(article);
  const first = performance.now() - t;
  const times = [];
  for (let i = 0; i < 10; i++) {
    t = performance.now();
    annotate(article);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  document.title = ['done', first, times[5], times[0]].join(' ');
</script>`;

const FLOOR = `export async function init() { await (await fetch(new URL('./belgi/belgi-core.wasm', import.meta.url))).arrayBuffer(); }
export function annotate() { return { spans: [] }; }`;

const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.txt': 'text/plain' };

// Serves sites[i] under /i/: the pages at /i/budget.html, /i/preload.html, /i/warmup.html,
// /i/floor.html (with /i/floor.js) and /i/article.html, the texts at /i/sample.txt and
// /i/article.txt, and the site's files.
// Returns { port, close }.
export async function serve(sites) {
  const server = createServer((req, res) => {
    const url = decodeURIComponent(req.url.split('?')[0]);
    const m = url.match(/^\/(\d+)(\/.*)$/);
    const site = m && sites[Number(m[1])];
    if (!site) { res.writeHead(404); return res.end(); }
    const rest = m[2];
    const kind = rest.match(/^\/(budget|preload|warmup|floor)\.html$/);
    if (kind || rest === '/article.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(kind ? page(kind[1]) : ARTICLE);
    }
    if (rest === '/floor.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); return res.end(FLOOR); }
    const text = { '/sample.txt': sample, '/article.txt': article }[rest];
    if (text) { res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }); return res.end(text); }
    const file = path.join(site, path.normalize(rest).replace(/^\/+/, ''));
    try {
      const body = readFileSync(file);
      // Cacheable, as a deployment would serve the package (budget.mjs's warm loads reuse it).
      res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'cache-control': 'max-age=3600' });
      res.end(body);
    } catch { res.writeHead(404); res.end(); }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { port: server.address().port, close: () => server.close() };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Starts Chromium with a DevTools pipe and a fresh profile. jsFlags: V8 flags, for diagnosis (a
// page cannot set them); onStdout(text): what the browser and its renderers print (V8 traces).
// Returns { send(method, params, sessionId), titleOf(targetId, prefix, ms), onEvent(fn), close() }.
export async function launch({ jsFlags, onStdout } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found (apt install chromium)`);
  const profile = mkdtempSync(path.join(tmpdir(), 'belgi-bench-'));
  const args = [...chromiumArgs, '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'];
  if (jsFlags) args.push(`--js-flags=${jsFlags}`);
  const proc = spawn(CHROMIUM, args, { stdio: ['ignore', onStdout ? 'pipe' : 'ignore', 'ignore', 'pipe', 'pipe'] });
  if (onStdout) { proc.stdout.setEncoding('utf8'); proc.stdout.on('data', onStdout); }
  const toBrowser = proc.stdio[3], fromBrowser = proc.stdio[4];
  const pending = new Map();
  const listeners = new Set();  // (event message) => void
  let nextId = 0, buffered = '', exited = null;
  const failAll = (err) => {
    exited = err;
    for (const { reject } of pending.values()) reject(err);
    pending.clear();
  };
  proc.on('exit', (code, signal) => failAll(new Error(`chromium exited (${signal || code})`)));
  proc.on('error', failAll);
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk) => {
    buffered += chunk;
    for (let end; (end = buffered.indexOf('\0')) >= 0;) {
      const msg = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      if (msg.id !== undefined) {
        const call = pending.get(msg.id);
        pending.delete(msg.id);
        if (call) msg.error ? call.reject(new Error(`${call.method}: ${msg.error.message}`)) : call.resolve(msg.result);
      } else {
        for (const l of listeners) l(msg);
      }
    }
  });
  const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
    if (exited) return reject(exited);
    const id = ++nextId;
    pending.set(id, { method, resolve, reject });
    toBrowser.write(JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params }) + '\0');
  });
  // Resolves with the target's title once it starts with prefix; rejects after ms. Polls every
  // 25 ms: this Chromium (156) sent Target.targetInfoChanged for navigations but not when the
  // page set document.title (only once the tab went away).
  const titleOf = async (targetId, prefix, ms) => {
    for (const end = Date.now() + ms; Date.now() < end;) {
      const { targetInfos } = await send('Target.getTargets');
      const title = (targetInfos.find((t) => t.targetId === targetId) || {}).title || '';
      if (title.startsWith(prefix)) return title;
      await sleep(25);
    }
    throw new Error(`no '${prefix}' title after ${ms} ms`);
  };
  return {
    send,
    titleOf,
    // Calls fn with each event message; returns the function that stops it.
    onEvent(fn) { listeners.add(fn); return () => listeners.delete(fn); },
    async close() {
      if (!exited) {
        const gone = new Promise((r) => proc.once('exit', r));
        send('Browser.close').catch(() => {});
        await Promise.race([gone, sleep(3000)]);
        if (!exited) proc.kill();
      }
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });  // helpers may still be writing
    },
  };
}

// A tab in a new browser context (empty caches, its own renderer), open on about:blank and idle,
// as a user's new tab is. Returns { targetId, sessionId, browserContextId }.
async function newTab(browser) {
  const { browserContextId } = await browser.send('Target.createBrowserContext', { disposeOnDetach: true });
  const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank', browserContextId });
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
  await sleep(200);
  return { targetId, sessionId, browserContextId };
}

// Navigates the tab to url and returns the numbers of its title once it is 'done ...' (for the
// measuring pages: 'done t0 t1 t2 t3 t4 spans', the marks t0-t4).
async function navigate(browser, tab, url) {
  const done = browser.titleOf(tab.targetId, 'done', 30000);
  await browser.send('Page.navigate', { url }, tab.sessionId);
  try {
    return (await done).split(' ').slice(1).map(Number);
  } catch (err) {
    throw new Error(`${url}: ${err.message}`);
  }
}

// Loads url in a new browser context and returns the numbers of the page's 'done ...' title (for
// the measuring pages, their five marks).
export async function coldLoad(browser, url) {
  const tab = await newTab(browser);
  try {
    return await navigate(browser, tab, url);
  } finally {
    await browser.send('Target.disposeBrowserContext', { browserContextId: tab.browserContextId });
  }
}

// Loads url n times in one tab (HTTP cache and V8's code cache kept), pausing `pause` ms after each
// load; returns the marks of every load.
export async function warmLoads(browser, url, n, pause = 1500) {
  const tab = await newTab(browser);
  const rows = [];
  try {
    for (let i = 0; i < n; i++) {
      // A fresh title each time: the wait must not see the last load's 'done'.
      if (i > 0) await browser.send('Runtime.evaluate', { expression: 'document.title = ""' }, tab.sessionId);
      rows.push(await navigate(browser, tab, `${url}?${i}`));
      await sleep(pause);
    }
  } finally {
    await browser.send('Target.disposeBrowserContext', { browserContextId: tab.browserContextId });
  }
  return rows;
}

// One load, untimed, with the console on: the warnings and errors Chromium or the page reported
// until `linger` ms after the result (a preload the page does not use is reported after ~3 s),
// and a line saying so if the page gave no result.
export async function consoleOf(browser, url, linger = 3500) {
  const tab = await newTab(browser);
  const { sessionId } = tab;
  const messages = [];
  try {
    await browser.send('Log.enable', {}, sessionId);
    await browser.send('Runtime.enable', {}, sessionId);
    const seen = browser.onEvent((msg) => {
      if (msg.sessionId !== sessionId) return;
      if (msg.method === 'Log.entryAdded' && ['warning', 'error'].includes(msg.params.entry.level)) messages.push(msg.params.entry.text);
      if (msg.method === 'Runtime.consoleAPICalled' && ['warning', 'error'].includes(msg.params.type)) {
        messages.push(msg.params.args.map((a) => a.value ?? a.description ?? '').join(' '));
      }
      if (msg.method === 'Runtime.exceptionThrown') messages.push(msg.params.exceptionDetails.exception?.description || msg.params.exceptionDetails.text);
    });
    try {
      await navigate(browser, tab, url);
      await sleep(linger);
    } catch (err) {
      messages.push(`no result: ${err.message}`);
    } finally {
      seen();
    }
  } finally {
    await browser.send('Target.disposeBrowserContext', { browserContextId: tab.browserContextId });
  }
  return messages;
}

// Removes `name value` from args and returns value, or def if name is absent.
export function takeOption(args, name, def) {
  const i = args.indexOf(name);
  if (i < 0) return def;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
