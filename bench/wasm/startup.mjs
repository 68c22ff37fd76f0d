// One stage of a page's start-up, for bench/wasm/startup.sh (which counts its instructions).
// usage: node startup.mjs PKG_DIR SAMPLE.txt STAGE
//   0: import the package and init() (Node's own start-up included)
//   1: + version(), which creates the annotator (decodes the entity model)
//   2: + annotate() of the sample article, the first: compiles what it calls
//   3: + annotate() of it again, with everything compiled
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [pkg, samplePath, stageArg] = process.argv.slice(2);
const stage = Number(stageArg);
const belgi = await import(pathToFileURL(path.join(pkg, 'index.js')).href);
const text = readFileSync(samplePath, 'utf8');
await belgi.init({ wasmBinary: readFileSync(path.join(pkg, 'belgi-core.wasm')) });
if (stage >= 1) belgi.version();
if (stage >= 2) belgi.annotate(text);
if (stage >= 3) belgi.annotate(text);
// Exit now: init() has scheduled the model's decoding for the next task (index.js), which must not
// be counted in a stage that did not ask for it.
process.exit(0);
