// Shared by the end-to-end tests and the benchmark: assemble the site, serve it, launch Chromium.
import http from 'node:http';
import { before, after } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const tempSites = new Set(); // assembled here: removed when their server closes

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8', '.ts': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
};

/**
 * The belgi package: $BELGI_PKG, else $BELGI_WASM_BUILD/wasm/pkg (default build-wasm/wasm/pkg),
 * else /tmp/belgi-pkg (the first that holds index.js and belgi-core.wasm).
 */
export function packageDir() {
  const wasmBuild = process.env.BELGI_WASM_BUILD || path.join(ROOT, 'build-wasm');
  const candidates = [process.env.BELGI_PKG, path.join(wasmBuild, 'wasm/pkg'), '/tmp/belgi-pkg'].filter(Boolean);
  const pkg = candidates.find((p) => fs.existsSync(path.join(p, 'index.js')) && fs.existsSync(path.join(p, 'belgi-core.wasm')));
  if (!pkg) throw new Error(`no belgi package found (set BELGI_PKG or BELGI_SITE); tried ${candidates.join(', ')}`);
  return pkg;
}

/** The package, loaded in Node (the core's annotate() and tokenize(), as the page has them). */
export async function loadCore() {
  const m = await import(pathToFileURL(path.join(packageDir(), 'index.js')).href);
  await m.init();
  return m;
}

/**
 * The site directory: $BELGI_SITE if set, else a temp dir with the files of web/ and the package
 * (packageDir()) under belgi/.
 */
export function siteDir() {
  if (process.env.BELGI_SITE) return path.resolve(process.env.BELGI_SITE);
  const pkg = packageDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'belgi-site-'));
  tempSites.add(dir);
  fs.cpSync(path.join(ROOT, 'web'), dir, { recursive: true });
  fs.cpSync(pkg, path.join(dir, 'belgi'), { recursive: true });
  return dir;
}

/** Serves `dir` on 127.0.0.1 at a free port; resolves {url, close, requests}. */
export function serve(dir) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    requests.push(url.pathname);
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(data);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      const close = () => new Promise((r) => server.close(r)).then(() => {
        if (tempSites.delete(dir)) fs.rmSync(dir, { recursive: true, force: true });
      });
      resolve({ url: `http://127.0.0.1:${port}/`, dir, requests, close });
    });
  });
}

export const CHROMIUM = process.env.BELGI_CHROMIUM || '/usr/bin/chromium';

/** Launches Debian's Chromium headless with a fresh profile. */
export async function launch() {
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'belgi-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 860 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { context, close: async () => { await context.close(); fs.rmSync(profile, { recursive: true, force: true }); } };
}

export function screenshotDir() {
  const dir = process.env.BELGI_SCREENSHOTS || path.join(ROOT, 'tests/web/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * A new page of the browser with a clean IndexedDB (unless {clear: false}), closed after test t;
 * page errors, console errors and dialogs are collected in page.errors for the test to check.
 * `init` runs in the page before any of its scripts (page.addInitScript).
 */
export async function freshPage(browser, server, t, { clear = true, init } = {}) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  t.after(async () => { await page.close(); });
  if (init) await page.addInitScript(init);
  if (clear) {
    await page.goto(`${server.url}embed.html`);
    await page.evaluate(() => new Promise((resolve) => { const r = indexedDB.deleteDatabase('belgi-annotator'); r.onsuccess = r.onerror = r.onblocked = () => resolve(); }));
  }
  page.errors = errors;
  return page;
}

/**
 * For an end-to-end test file: the site served and Chromium launched before its tests, both
 * closed after them. The returned object's server and browser are set once `before` has run.
 */
export function siteAndBrowser() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await serve(siteDir());
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Opens the annotator page of `server` in `page` and waits until it is ready to work. */
export async function openApp(page, server) {
  await page.goto(server.url);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 20000 });
}
