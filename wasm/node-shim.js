// Prepended to the glue, belgi-core.mjs (--extern-pre-js; bundle.mjs then puts the glue in
// index.js). Emscripten 3.1.6's glue uses CommonJS `require` and `__dirname` in its Node branch
// even when it is an ES module; define both for Node only.
// In browsers and workers nothing is imported.
const belgiIsNode = typeof process === 'object' && typeof process.versions === 'object' &&
  typeof process.versions.node === 'string';
const require = belgiIsNode ? (await import('node:module')).createRequire(import.meta.url) : undefined;
const __dirname = belgiIsNode ? require('node:path').dirname(require('node:url').fileURLToPath(import.meta.url)) : '';
