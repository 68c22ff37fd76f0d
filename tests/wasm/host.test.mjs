// The package as a guest in someone else's Node process: a failed init() is a BelgiError that
// can be retried, and loading the module leaves the host's process-wide handlers alone.
// Its own file: each test file runs in a process of its own, and these tests need the package
// before any init().
// usage: BELGI_PKG=<build-wasm>/wasm/pkg node --test tests/wasm/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const pkgDir = process.env.BELGI_PKG;
assert.ok(pkgDir, 'BELGI_PKG must be set');
const indexUrl = pathToFileURL(path.join(pkgDir, 'index.js')).href;

test('init() refuses bad options and bad bytes with a BelgiError, and a later init() succeeds', async () => {
  const belgi = await import(indexUrl);
  await assert.rejects(belgi.init(null), { name: 'BelgiError', code: 'invalid_argument' });
  await assert.rejects(belgi.init('belgi-core.wasm'), { name: 'BelgiError', code: 'invalid_argument' });
  // A module header followed by a section id with no body: not a module.
  const broken = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01]);
  await assert.rejects(belgi.init({ wasmBinary: broken }), (err) => {
    assert.equal(err.name, 'BelgiError');
    assert.equal(err.code, 'load_failed');
    assert.match(err.message, /cannot load belgi-core\.wasm/);
    return true;
  });
  assert.throws(() => belgi.annotate('Астана'), { code: 'not_initialized' });
  await belgi.init();
  assert.equal(belgi.annotate('Бүгін Астанада Асхат Жұмағали сөз сөйледі.').spans.some((s) => s.type === 'PERSON'), true);
});

// Emscripten's glue, by default, adds 'uncaughtException' and 'unhandledRejection' listeners that
// rethrow: a host that logs an error and carries on would then die of it. The link flags turn
// them off (wasm/CMakeLists.txt).
test('init() adds no process-wide listeners, and a host that survives its own errors still does', () => {
  const script = `
    const events = ['uncaughtException', 'unhandledRejection', 'exit'];
    const before = events.map((e) => process.listenerCount(e));
    process.on('uncaughtException', (err) => console.log('host caught: ' + err.message));
    process.on('unhandledRejection', (err) => console.log('host caught: ' + err.message));
    const belgi = await import(${JSON.stringify(indexUrl)});
    await belgi.init();
    belgi.annotate('Астана');
    const after = events.map((e) => process.listenerCount(e) - (e === 'exit' ? 0 : 1));
    console.log('listeners ' + JSON.stringify(before) + ' ' + JSON.stringify(after));
    setTimeout(() => { throw new Error('thrown by the host'); }, 0);
    Promise.reject(new Error('rejected by the host'));
    setTimeout(() => console.log('host alive'), 50);
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  const [, before, after] = out.match(/listeners (\S+) (\S+)/);
  assert.equal(after, before, out);
  assert.match(out, /host caught: thrown by the host/);
  assert.match(out, /host caught: rejected by the host/);
  assert.match(out, /host alive/);
});
