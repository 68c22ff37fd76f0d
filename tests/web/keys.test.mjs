// Unit tests of web/keys.js (no browser): the keyboard table (key -> command name) and the range
// commands over the core's tokens, run on a stand-in for the element.
// Run: node --test tests/web/keys.test.mjs (needs the package: see lib.mjs packageDir()).
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from './lib.mjs';

// keys.js reads KEYMAP from annotator.js, which defines the custom element: stand-ins for the two
// browser globals it touches while loading.
globalThis.HTMLElement ??= class {};
globalThis.customElements ??= { get: () => true, define() {} };
const K = await import('../../web/keys.js');
const core = await loadCore();

const key = (k, mods = {}) => ({ key: k, code: mods.code || '', ctrlKey: !!mods.ctrl, metaKey: false, altKey: !!mods.alt, shiftKey: !!mods.shift });

test('a key names its commands, in the order they are tried', () => {
  const cases = [
    [key('z', { ctrl: true }), ['undo']],
    [key('Z', { ctrl: true, shift: true }), ['redo']],
    [key('y', { ctrl: true }), ['redo']],
    [key('ArrowRight'), ['nextSpan']],
    [key('ArrowUp'), ['previousSpan']],
    [key('ArrowRight', { shift: true }), ['moveEnd']],
    [key('ArrowLeft', { ctrl: true, shift: true }), ['moveStart']],
    [key('ArrowRight', { ctrl: true }), ['selectWord']],
    [key('s'), ['selectNextToken']],
    [key('p'), ['label']],
    [key('π', { alt: true, code: 'KeyP' }), ['label']], // Alt changed e.key: the physical key
    [key('Delete'), ['remove']],
    [key('A', { shift: true }), ['acceptType']],
    // Alt+Shift+A: accept all on a focused span, else the key labels ART (a for ART).
    [key('A', { shift: true, alt: true, code: 'KeyA' }), ['acceptType', 'label']],
    [key('Escape', { ctrl: true }), ['leave']],
    [key('b'), []],
  ];
  for (const [e, names] of cases) assert.deepEqual(K.commandsOf(e), names, JSON.stringify(e));
  assert.equal(K.isShortcut(key(' ')), false); // Space presses a focused button
  assert.equal(K.isShortcut(key('p')), true);
});

/** The element as the range commands see it: a text, its tokens, a selection or a focused span. */
function standIn(text, sel) {
  const tokens = core.tokenize(text).tokens;
  const a = { _text: text, _tokens: () => tokens, selected: null, resized: null, _altSelect: true };
  a.selectRange = (start, end) => { a.selected = text.slice(start, end); };
  a.resize = (id, start, end) => { a.resized = [id, text.slice(start, end)]; };
  return a;
}
const run = (name, a, e, ctx) => K.COMMANDS[name](a, { e: { ...e, preventDefault() {} }, vis: [], ...ctx });
const range = (text, s) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });

test('range commands move by the core tokens: s, Ctrl+→/←, Shift+→/←, Ctrl+Shift+→/←', () => {
  const t = 'Сағат 17:20-да Президент Қасым-Жомарт Тоқаев сөйледі.';
  const on = (name, e, selText, ctx = {}) => { const a = standIn(t, selText); run(name, a, e, { sel: selText && range(t, selText), ...ctx }); return a; };
  assert.equal(on('selectNextToken', key('s'), 'Сағат').selected, '17:20-да');
  assert.equal(on('selectWord', key('ArrowRight', { ctrl: true }), 'Сағат').selected, '17:20-да');
  assert.equal(on('selectWord', key('ArrowLeft', { ctrl: true }), 'Тоқаев').selected, 'Қасым-Жомарт');
  assert.equal(on('moveEnd', key('ArrowRight', { shift: true }), 'Президент').selected, 'Президент Қасым-Жомарт');
  assert.equal(on('moveEnd', key('ArrowLeft', { shift: true }), 'Президент Қасым-Жомарт').selected, 'Президент');
  assert.equal(on('moveEnd', key('ArrowLeft', { shift: true }), 'Президент').selected, 'Президент'); // never empty
  assert.equal(on('moveStart', key('ArrowLeft', { ctrl: true, shift: true }), 'Президент').selected, '17:20-да Президент');
  assert.equal(on('moveStart', key('ArrowRight', { ctrl: true, shift: true }), '17:20-да Президент').selected, 'Президент');
  // With no selection, on a focused span: the span is resized.
  const focused = { id: 'x', ...range(t, 'Қасым-Жомарт') };
  assert.deepEqual(on('moveEnd', key('ArrowRight', { shift: true }), null, { focused }).resized, ['x', 'Қасым-Жомарт Тоқаев']);
  // The last word: punctuation is skipped, and there is nothing after it.
  assert.equal(on('selectWord', key('ArrowRight', { ctrl: true }), 'сөйледі').selected, null);
});
