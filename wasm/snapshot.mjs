// Pre-initializes belgi-core.wasm at build time (run by wasm/CMakeLists.txt after linking, before
// bundle.mjs moves the glue, belgi-core.mjs, into index.js).
//
// The rule tables (dates, quotes) are parsed from their embedded TSV files when an annotator is
// first created. In a browser that work runs in V8's baseline tier, and the code doing it must be
// compiled on first call, on the page's main thread: a third of the time to the first result.
// This script instantiates the freshly linked module in Node, has it build those tables
// (Annotator::prepare_shared), and writes the module's memory back as its data section. The
// module then starts with the tables built: same code, same results, the work done once here.
// (The entity model is not pre-built: its tables are three times the size of ner.bin, and a
// larger download costs more than decoding it.)
//
// Safe because:
// - the memory image is taken after the module's constructors ran; in the browser they run again
//   over it and rebuild the same static objects (their old copies stay, unreferenced), while the
//   tables, held by function-local statics whose guards are set, are not rebuilt;
// - nothing else changes: the stack pointer, the module's one mutable global, is back at its
//   start when the call returns, and the memory must not have grown (checked);
// - it checks itself: the written module must give the same annotation of the sample article,
//   and the same versions, as the module straight from the linker, or the build fails.
//
// usage: node snapshot.mjs PKG_DIR SAMPLE.txt   (rewrites PKG_DIR/belgi-core.wasm in place)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [pkg, samplePath] = process.argv.slice(2);
if (!pkg || !samplePath) {
  console.error('usage: node snapshot.mjs PKG_DIR SAMPLE.txt');
  process.exit(2);
}
const wasmPath = path.join(pkg, 'belgi-core.wasm');
const linked = readFileSync(wasmPath);
const sample = readFileSync(samplePath, 'utf8');
const { default: createBelgiCore } = await import(pathToFileURL(path.join(pkg, 'belgi-core.mjs')).href);
const SECTION = 'belgi.snapshot';

function fail(message) {
  console.error(`snapshot.mjs: ${message}`);
  process.exit(1);
}

// An instance of the module from `bytes`, with its memory.
async function instantiate(bytes) {
  let memory = null;
  const core = await createBelgiCore({
    instantiateWasm(imports, done) {
      WebAssembly.instantiate(bytes, imports).then(({ instance, module }) => {
        memory = Object.values(instance.exports).find((x) => x instanceof WebAssembly.Memory);
        done(instance, module);
      });
      return {};
    },
  });
  if (!memory) fail('the module exports no memory');
  return { core, memory };
}

// What the self-check compares.
const results = (core) => core.versionJson() + '\n' + core.annotateJson(sample, '', '', 'utf16');

// --- Sections of a module (https://webassembly.github.io/spec/core/binary/modules.html).
function uleb(b, p) {
  let v = 0, shift = 0, x;
  do { x = b[p++]; v += (x & 0x7f) * 2 ** shift; shift += 7; } while (x & 0x80);
  return [v, p];
}
function encodeUleb(v) {
  const out = [];
  do { let x = v & 0x7f; v = Math.floor(v / 128); if (v) x |= 0x80; out.push(x); } while (v);
  return out;
}
function encodeSleb32(v) {
  const out = [];
  for (;;) {
    const x = v & 0x7f;
    v >>= 7;
    if ((v === 0 && !(x & 0x40)) || (v === -1 && (x & 0x40))) { out.push(x); return out; }
    out.push(x | 0x80);
  }
}
function sections(b) {
  if (b.readUInt32LE(0) !== 0x6d736100 || b.readUInt32LE(4) !== 1) fail('not a WebAssembly module');
  const list = [];
  for (let p = 8; p < b.length;) {
    const id = b[p];
    const [size, body] = uleb(b, p + 1);
    let name = null;
    if (id === 0) { const [n, q] = uleb(b, body); name = b.subarray(q, q + n).toString(); }
    list.push({ id, name, start: p, body, end: body + size });
    p = body + size;
  }
  return list;
}
function section(id, name, payload) {
  const body = id === 0 ? Buffer.concat([Buffer.from(encodeUleb(name.length)), Buffer.from(name), payload]) : payload;
  return Buffer.concat([Buffer.from([id, ...encodeUleb(body.length)]), body]);
}

const list = sections(linked);
if (list.some((s) => s.id === 0 && s.name === SECTION)) fail(`${wasmPath} is already a snapshot; link it again`);
if (list.some((s) => s.id === 12)) fail('passive data segments (bulk memory) are not supported');
if (!list.some((s) => s.id === 5)) fail('the module defines no memory (an imported memory is not supported)');

// --- The reference: the linked module, created the ordinary way.
const reference = results((await instantiate(linked)).core);

// --- The snapshot: build the shared tables, then take the memory.
const { core, memory } = await instantiate(linked);
const pages = memory.buffer.byteLength;
const error = core.prepareSnapshot();
if (error) fail(`preparing the tables failed: ${error}`);
if (memory.buffer.byteLength !== pages) fail('the memory grew while preparing; raise INITIAL_MEMORY');
const image = new Uint8Array(memory.buffer);

// Runs of non-zero bytes become active segments (memory starts zeroed); zero gaps shorter than
// a segment's header stay inside a run.
const kGap = 16;
let top = image.length;
while (top > 0 && image[top - 1] === 0) top--;
const parts = [];
let count = 0, dataBytes = 0;
for (let i = 0; i < top;) {
  while (i < top && image[i] === 0) i++;
  if (i >= top) break;
  let end = i + 1;
  for (let j = end; j < top && j - end < kGap; j++) if (image[j] !== 0) end = j + 1;
  parts.push(Buffer.from([0x00, 0x41, ...encodeSleb32(i), 0x0b, ...encodeUleb(end - i)]), Buffer.from(image.subarray(i, end)));
  count++;
  dataBytes += end - i;
  i = end;
}
if (count > 100000) fail(`${count} data segments, more than V8 accepts`);
const data = section(11, null, Buffer.concat([Buffer.from(encodeUleb(count)), ...parts]));
const marker = section(0, SECTION, Buffer.from(JSON.stringify({ prepared: ['dates', 'quotes'], segments: count, bytes: dataBytes })));
const out = Buffer.concat([linked.subarray(0, 8), ...list.map((s) => (s.id === 11 ? data : linked.subarray(s.start, s.end))), marker]);

// --- The self-check, on a fresh instance of what will be shipped.
const got = results((await instantiate(out)).core);
if (got !== reference) fail('the pre-initialized module annotates the sample differently from the linked one');
writeFileSync(wasmPath, out);
console.log(`snapshot.mjs: ${wasmPath}: rule tables built in; ${count} data segments, ${dataBytes} bytes (was ${linked.length} bytes, now ${out.length})`);
