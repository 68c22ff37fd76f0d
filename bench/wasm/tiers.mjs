// Which wasm functions Chromium optimizes (TurboFan, in the background) during one cold load of
// budget.mjs's plain page, and for how long: on a 2-core machine that work competes with the
// page's main thread. Function names need a module with a name section: configure a scratch
// build with -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs, or pass --names a wasm file of the same
// build that has them.
// usage: node bench/wasm/tiers.mjs SITE_DIR [--names FILE.wasm] [--loads N]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { coldLoad, launch, serve, takeOption } from './pages.mjs';

const args = process.argv.slice(2);
const namesFile = takeOption(args, '--names', null);
const loads = Number(takeOption(args, '--loads', 3));
if (args.length !== 1 || !(loads > 0)) {
  console.error('usage: node bench/wasm/tiers.mjs SITE_DIR [--names FILE.wasm] [--loads N]');
  process.exit(2);
}
const site = path.resolve(args[0]);

// Function index -> name, from the wasm "name" custom section (empty if there is none).
function functionNames(bytes) {
  const names = new Map();
  const [section] = WebAssembly.Module.customSections(new WebAssembly.Module(bytes), 'name');
  if (!section) return names;
  const b = new Uint8Array(section);
  let p = 0;
  const leb = () => {
    let r = 0, s = 0, x;
    do { x = b[p++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
    return r;
  };
  while (p < b.length) {
    const sub = b[p++], end = leb() + p;
    if (sub === 1) {  // function names
      for (let n = leb(); n > 0; n--) {
        const index = leb(), len = leb();
        names.set(index, new TextDecoder().decode(b.subarray(p, p + len)));
        p += len;
      }
    }
    p = end;
  }
  return names;
}
const names = functionNames(readFileSync(namesFile || path.join(site, 'belgi', 'belgi-core.wasm')));

// V8 prints one line per compiled function to the renderer's stdout, which the browser process
// passes on to its own.
let lines = [];
let partial = '';
const server = await serve([site]);
const browser = await launch({
  jsFlags: '--trace-wasm-compilation-times',
  onStdout: (d) => {
    const parts = (partial + d).split('\n');
    partial = parts.pop();
    lines.push(...parts);
  },
});
for (let i = 0; i < loads; i++) {
  lines = [];
  const marks = await coldLoad(browser, `http://127.0.0.1:${server.port}/0/budget.html`);
  let total = 0, baseline = 0, baselineBytes = 0;
  const optimized = [];
  for (const line of lines) {
    const m = line.match(/#(\d+) using (\w+), took (\d+) (μs|ms).*bodysize (\d+)/);
    if (!m) continue;
    const us = Number(m[3]) * (m[4] === 'ms' ? 1000 : 1);
    if (m[2] === 'TurboFan') {
      total += us;
      optimized.push(`${(us / 1000).toFixed(0).padStart(4)} ms  ${m[5].padStart(6)} B  ${(names.get(Number(m[1])) || `#${m[1]}`).slice(0, 100)}`);
    } else {
      baseline++;
      baselineBytes += Number(m[5]);
    }
  }
  console.log(`load ${i + 1}: first result at ${marks[4].toFixed(0)} ms; ${baseline} functions (${baselineBytes} bytes) compiled by Liftoff on first call; ${optimized.length} optimized by TurboFan, ${(total / 1000).toFixed(0)} ms in all:`);
  for (const o of optimized) console.log(`  ${o}`);
}
await browser.close();
server.close();
