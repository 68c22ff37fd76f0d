// The npm package as a user gets it: `npm pack`, install the tarball, import it, annotate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgDir = process.env.BELGI_PKG;
const here = path.dirname(fileURLToPath(import.meta.url));

test('node imports the package from its tarball and annotates the sample article', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'belgi-pack-'));
  try {
    const tgz = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: pkgDir })
      .toString().trim().split('\n').pop();
    const app = path.join(dir, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', path.join(dir, tgz)], { cwd: app });
    const sample = readFileSync(path.join(here, '..', '..', 'data', 'sample', 'seed.txt'), 'utf8');
    writeFileSync(path.join(app, 'sample.txt'), sample);
    writeFileSync(path.join(app, 'main.js'), `
      import { readFileSync } from 'node:fs';
      import { init, annotate } from 'belgi';
      await init();
      const doc = annotate(readFileSync('sample.txt', 'utf8'));
      console.log(JSON.stringify(doc.spans.filter((s) => s.type === 'PERSON').map((s) => s.text)));
    `);
    const out = execFileSync('node', ['main.js'], { cwd: app }).toString();
    assert.ok(JSON.parse(out).includes('Асхат Жұмағали'), out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
