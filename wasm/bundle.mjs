// Puts Emscripten's glue (belgi-core.mjs) inside the package's index.js (run by
// wasm/CMakeLists.txt after linking and snapshot.mjs). A page then fetches index.js and
// belgi-core.wasm: one request fewer in the chain before the module can even be fetched, which
// on a cold load is a full round trip (docs/benchmarks.md).
//
// index.js imports the glue with exactly one line, and the glue ends with exactly one
// `export default createBelgiCore;`; both are checked, so a change in either fails the build
// instead of producing a broken package. The glue's top-level names (createBelgiCore, and the
// node-shim.js names belgiIsNode, require, __dirname) do not clash with index.js's.
//
// belgi-core.mjs stays in PKG_DIR, where the build tracks it as the linker's output, but the
// package does not ship it (package.json `files`), nor the site.
//
// usage: node bundle.mjs PKG_DIR   (rewrites PKG_DIR/index.js)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const pkg = process.argv[2];
if (!pkg) {
  console.error('usage: node bundle.mjs PKG_DIR');
  process.exit(2);
}
const IMPORT = "import createBelgiCore from './belgi-core.mjs';\n";
const EXPORT = 'export default createBelgiCore;';

function fail(message) {
  console.error(`bundle.mjs: ${message}`);
  process.exit(1);
}
const count = (s, part) => s.split(part).length - 1;

const indexPath = path.join(pkg, 'index.js');
const gluePath = path.join(pkg, 'belgi-core.mjs');
const index = readFileSync(indexPath, 'utf8');
const glue = readFileSync(gluePath, 'utf8').trimEnd();
if (count(index, IMPORT) !== 1) fail(`${indexPath} must import the glue with exactly one line: ${IMPORT.trim()}`);
if (!glue.endsWith(EXPORT) || count(glue, EXPORT) !== 1) fail(`${gluePath} must end with its only ${EXPORT}`);

const [head, body] = index.split(IMPORT);
const out = `${head}// --- Emscripten's glue for belgi-core.wasm (built from wasm/bindings.cpp; wasm/bundle.mjs put it here)
${glue.slice(0, -EXPORT.length)}// --- end of the glue
${body}`;
writeFileSync(indexPath, out);
console.log(`bundle.mjs: ${indexPath}: the glue is inside (${out.length} bytes)`);
