// Two builds' cold page loads, alternating, so that both meet the same minutes of a noisy host:
// budget.mjs's plain page, navigation start to first result, with the median, mean and quartiles
// of each step. With --js-flags, the second run is the first site in a Chromium given those V8
// flags (what a change would gain if the engine behaved so: --no-wasm-lazy-compilation,
// --liftoff-only, ...). --page-b loads the second run's site through another of pages.mjs's
// pages: warmup (its init() step includes annotating one sentence), preload, or floor.
// usage: node bench/wasm/compare.mjs SITE_A [SITE_B | --js-flags FLAGS] [--page-b warmup|preload|floor] [--loads N]
import { existsSync } from 'node:fs';
import path from 'node:path';
import { coldLoad, launch, serve, takeOption } from './pages.mjs';

const args = process.argv.slice(2);
const jsFlags = takeOption(args, '--js-flags', null);
const loads = Number(takeOption(args, '--loads', 25));
const pageB = takeOption(args, '--page-b', 'budget');
const sitesOk = jsFlags ? args.length === 1 : args.length === 2 || (args.length === 1 && pageB !== 'budget');
if (!sitesOk || !(loads > 0) || !['budget', 'preload', 'warmup', 'floor'].includes(pageB)) {
  console.error('usage: node bench/wasm/compare.mjs SITE_A [SITE_B | --js-flags FLAGS] [--page-b warmup|preload|floor] [--loads N]');
  process.exit(2);
}
const sites = args.map((a) => path.resolve(a));
for (const site of sites) {
  if (!existsSync(path.join(site, 'belgi', 'index.js'))) {
    console.error(`compare.mjs: ${site} is not a site folder (no belgi/index.js)`);
    process.exit(2);
  }
}
if (sites.length === 1 && !jsFlags) sites.push(sites[0]);
const server = await serve(sites);
const plain = await launch();
const flagged = jsFlags ? await launch({ jsFlags }) : null;
const runs = jsFlags
  ? [[sites[0], plain, 0, 'budget'], [`${sites[0]} with --js-flags=${jsFlags}`, flagged, 0, pageB]]
  : [[sites[0], plain, 0, 'budget'], [sites[1], plain, 1, pageB]];
if (pageB !== 'budget') runs[1][0] += ` (${pageB} page)`;
const rows = runs.map(() => []);
// A, B, then B, A: a load can slow the next one (the browser still optimizing and closing the
// last page), so neither side always comes second.
try {
  for (let i = 0; i < loads; i++) {
    for (const k of i % 2 ? [1, 0] : [0, 1]) {
      const [, browser, site, kind] = runs[k];
      rows[k].push(await coldLoad(browser, `http://127.0.0.1:${server.port}/${site}/${kind}.html`));
    }
  }
} finally {
  await plain.close();
  if (flagged) await flagged.close();
  server.close();
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (f) => s[Math.floor(f * (s.length - 1))].toFixed(0);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return `median ${q(0.5)}, mean ${mean.toFixed(1)}, quartiles ${q(0.25)}-${q(0.75)}`;
};
const steps = [['script starts', (t) => t[0]], ['import', (t) => t[1] - t[0]], ['init()', (t) => t[2] - t[1]],
  ['fetch of the text', (t) => t[3] - t[2]], ['first annotate()', (t) => t[4] - t[3]]];
for (const [k, [label]] of runs.entries()) {
  console.log(`${label}: ${loads} cold loads, first result ${stats(rows[k].map((t) => t[4]))} ms`);
  for (const [name, f] of steps) console.log(`  ${name.padEnd(18)} ${stats(rows[k].map(f))} ms`);
}
