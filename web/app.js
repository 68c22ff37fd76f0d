// The annotator page: a queue of documents (pasted or opened), the document date, autosave,
// import and export. The editing itself is the <belgi-annotator> element (annotator.js).
import { KEYMAP, annotateText, loadBelgi } from './annotator.js';
import { coreTokenize } from './core.js';
import { EXPORT_FORMATS, describeDropped, exportDocument, fromBrat, fromJSON, fromJSONL, reviewedOnly } from './formats.js';
import * as store from './store.js';
import { SAMPLE_NAME, SAMPLE_TEXT } from './sample.js';

const $ = (id) => document.getElementById(id);
const TYPING = 'input:not([type="checkbox"]):not([type="radio"]):not([type="button"]), textarea, select, [contenteditable]';
const annotator = $('annotator');

/** The queue: [{key, name, text, date, status, annotations|null}] and the current index. */
const state = { docs: [], current: -1 };
// The document the annotator shows. It is not always the current one: while the current one is
// being annotated, the previous stays on screen and editable, and its edits must go to it.
let shown = null;
let keySeq = 0;
const newKey = () => `${Date.now().toString(36)}-${(keySeq++).toString(36)}`;

function queueRecord() { return { keys: state.docs.map((d) => d.key), current: state.current }; }
function currentDoc() { return state.docs[state.current] || null; }
function shownIndex() { return shown ? state.docs.indexOf(shown) : -1; }

/** The one status area (role="alert"): every message replaces the last, so none goes stale. */
let messageTimer = 0;
function message(text, isError = false) {
  const m = $('message');
  if (!/^Removed /.test(text)) $('undo-remove').hidden = true;
  m.textContent = text;
  m.classList.toggle('error', isError);
  // News clears itself after a while; an error stays until something replaces it.
  clearTimeout(messageTimer);
  if (!isError && text) messageTimer = setTimeout(() => { if (m.textContent === text) m.textContent = ''; }, 8000);
}

/** A date as the core takes it: YYYY-MM-DD and a day of the calendar. */
function isDate(v) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const t = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === v;
}

/** Applies the date field (on Enter or when it loses focus, never on each digit). */
async function applyDateField() {
  const d = shown;
  const field = $('doc-date');
  if (!d) return;
  const v = field.value.trim();
  const dl = dateline(d);
  if (v === (d.date || (dl ? dl.value : ''))) { field.removeAttribute('aria-invalid'); return; }
  if (v && !isDate(v)) {
    field.setAttribute('aria-invalid', 'true');
    message(`Document date: «${v}» is not a date; write it as YYYY-MM-DD (e.g. 2023-12-05), or leave it empty to use the dateline.`, true);
    return;
  }
  field.removeAttribute('aria-invalid');
  d.date = v;
  store.save({ docs: [d] });
  annotator.date = v;
  const ok = await annotator.dateReady;
  if (d !== shown) return;
  renderDocBar();
  if (ok) message(v ? `Document date ${v}: relative dates resolved against it.` : 'Document date: read from the dateline.');
}

// ---------------------------------------------------------------------------------------------
// Queue

function renderQueue() {
  const list = $('queue-list');
  const frag = document.createDocumentFragment();
  state.docs.forEach((d, i) => {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'queue-item';
    if (i === state.current) { b.classList.add('current'); b.setAttribute('aria-current', 'true'); }
    const name = document.createElement('span');
    name.className = 'queue-name';
    name.textContent = d.name;
    const st = document.createElement('span');
    st.className = 'status';
    st.dataset.status = d.status;
    st.textContent = d.status;
    b.append(name, st);
    b.addEventListener('click', () => openDoc(i));
    li.append(b);
    frag.append(li);
  });
  list.replaceChildren(frag);
  $('queue-pos').textContent = `${state.current + 1} / ${state.docs.length}`;
  $('prev').disabled = state.current <= 0;
  $('next').disabled = state.current >= state.docs.length - 1;
  renderDocBar();
}

/** The date read from the shown document's dateline, or null. */
function dateline(d) {
  const x = d && d.annotations && d.annotations.date;
  return x && x.source === 'dateline' && x.value ? x : null;
}

/** The bar above the text: it describes the document on screen. */
function renderDocBar() {
  const d = shown;
  $('doc-name').textContent = d ? d.name : '—';
  $('doc-status').value = d ? d.status : 'new';
  const dl = dateline(d);
  const field = $('doc-date');
  if (document.activeElement !== field) { field.value = d ? d.date || (dl ? dl.value : '') : ''; field.removeAttribute('aria-invalid'); }
  $('doc-date-source').textContent = !d ? '' : d.date ? 'set here'
    : dl ? `from the dateline «${dl.text || dl.value}»` : 'none: no dateline found';
}

/** Texts above this many UTF-16 units get a warning and an offer to split them. */
const HUGE = 1000000;
const PART = 200000;

/** Cuts a text into parts of about PART units, at line breaks where there are some. */
function splitText(text) {
  const parts = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + PART);
    if (end < text.length) { const nl = text.lastIndexOf('\n', end); if (nl > at + PART / 2) end = nl + 1; }
    parts.push(text.slice(at, end));
    at = end;
  }
  return parts;
}

/** A huge text (a mistaken paste, a whole archive): say so, and offer to split it. */
async function splitHuge(docs) {
  const out = [];
  for (const d of docs) {
    if (d.annotations || d.text.length <= HUGE) { out.push(d); continue; }
    const mb = (new Blob([d.text]).size / 1e6).toFixed(1);
    const parts = splitText(d.text);
    const split = await confirmDialog(`«${d.name}» is ${mb} MB (${d.text.length.toLocaleString('en')} characters). Annotating it whole takes seconds and makes every key slower. Split it into ${parts.length} documents of about ${PART / 1000},000 characters (at line breaks)?`, { ok: `Split into ${parts.length}`, cancel: 'Keep it whole' });
    if (split) parts.forEach((text, i) => out.push({ ...d, name: `${d.name} (${i + 1}/${parts.length})`, text }));
    else out.push(d);
  }
  return out;
}

async function addDocs(docs, { open = true } = {}) {
  docs = await splitHuge(docs);
  if (!docs.length) return;
  // Not "ready" until the new document is on screen (tests and scripts wait for "ready").
  if (open) document.body.dataset.state = 'opening';
  const first = state.docs.length;
  for (const d of docs) state.docs.push({ key: newKey(), status: 'new', date: '', annotations: null, ...d });
  await store.save({ docs: state.docs.slice(first), queue: queueRecord() });
  if (open) await openDoc(first);
  else renderQueue();
}

let opening = 0;
const annotating = new WeakMap(); // document → its annotation in progress
async function openDoc(i) {
  if (i < 0 || i >= state.docs.length) return;
  const ticket = ++opening;
  state.current = i;
  renderQueue();
  const d = state.docs[i];
  let failed = null;
  let annotations = d.annotations;
  const date = d.date || '';
  if (!annotations) {
    // A long text runs in the worker: the time so far is shown, and the document on screen
    // stays editable meanwhile.
    const t0 = performance.now();
    const say = () => message(`Annotating ${d.name}${d.text.length > 20000 ? ` in the background (${Math.round(d.text.length / 1000).toLocaleString('en')}k characters)… ${Math.floor((performance.now() - t0) / 1000)} s${shown ? `; «${shown.name}» stays editable` : ''}` : '…'}`);
    say();
    const ticker = d.text.length > 20000 ? setInterval(() => { if (ticket === opening) say(); }, 1000) : 0;
    document.body.dataset.state = 'annotating';
    try {
      // One run per document, even when it is opened again while it runs (kept beside the
      // document, not in it: the autosave writes the document as JSON).
      if (!annotating.has(d)) {
        const t0 = performance.now();
        annotating.set(d, annotateText(d.text, date).then((doc) => {
          d.annotateMs = Math.round(performance.now() - t0);
          if (!d.annotations) { d.annotations = doc; store.save({ docs: [d] }); }
          return d.annotations;
        }).finally(() => { annotating.delete(d); }));
      }
      annotations = await annotating.get(d);
    } catch (err) {
      failed = err;
    }
    clearInterval(ticker);
    if (ticket !== opening) return;
    // Not kept: the document shows its text without spans, and says why each time it is opened.
    if (failed) annotations = { format: 'belgi/1', text: d.text, offsets: 'utf16', date: null, spans: [] };
  }
  finishBarEdits();
  const t0 = performance.now();
  annotator.load(annotations, { date });
  shown = d;
  renderQueue();
  if (failed) message(`Could not annotate ${d.name}: ${describeError(failed, d.text)}`, true);
  else {
    const n = annotations.spans.length;
    message(`${n} span${n === 1 ? '' : 's'} · shown in ${Math.round(performance.now() - t0)} ms`);
  }
  // Opening a document puts the keyboard in its text.
  annotator.focusSpan(null, { scroll: false });
  // The date changed while the document was being annotated: its values follow the new date.
  if ((d.date || '') !== date) annotator.date = d.date || '';
  await store.save({ queue: queueRecord() });
  document.body.dataset.state = 'ready';
}

/**
 * A rename or a date still being typed belongs to the document on screen: leaving the field
 * applies it (blur: endRename, change: applyDateField), so this runs before another document
 * takes the screen. Otherwise the focus moving to the new text would apply it there.
 */
function finishBarEdits() {
  for (const id of ['doc-rename', 'doc-date']) if (document.activeElement === $(id)) $(id).blur();
}

/** An error of the core in words, with where it is (line and column, 1-based) when it says. */
function describeError(err, text) {
  const msg = String((err && err.message) || err);
  const at = err && Number.isInteger(err.offset) ? err.offset : null;
  if (at === null || typeof text !== 'string') return msg;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const col = at - before.lastIndexOf('\n');
  return `${msg} (line ${line}, column ${col})`;
}

// Rename and remove one document; a removal can be undone (until the next removal).
let removed = null;

function startRename() {
  const d = shown;
  if (!d) return;
  const inp = $('doc-rename');
  inp.value = d.name;
  inp.hidden = false;
  $('doc-name').hidden = true;
  inp.focus();
  inp.select();
}
function endRename(apply) {
  const inp = $('doc-rename');
  if (inp.hidden) return;
  const d = shown;
  const name = inp.value.trim();
  inp.hidden = true;
  $('doc-name').hidden = false;
  if (apply && d && name && name !== d.name) {
    const old = d.name;
    d.name = name;
    store.save({ docs: [d] });
    renderQueue();
    message(`Renamed «${old}» to «${name}».`);
  }
  annotator.focusSpan(null, { scroll: false });
}

async function removeDoc() {
  const d = shown;
  const i = shownIndex();
  if (!d || i < 0) return;
  state.docs.splice(i, 1);
  removed = { doc: d, index: i };
  shown = null;
  if (state.current >= state.docs.length) state.current = state.docs.length - 1;
  await store.remove([d.key], queueRecord());
  if (state.docs.length) await openDoc(Math.min(i, state.docs.length - 1));
  else { annotator.load({ format: 'belgi/1', text: '', offsets: 'utf16', date: null, spans: [] }); renderQueue(); }
  message(`Removed «${d.name}» from the queue.`);
  $('undo-remove').hidden = false;
}

async function undoRemove() {
  if (!removed) return;
  const { doc, index } = removed;
  removed = null;
  $('undo-remove').hidden = true;
  state.docs.splice(Math.min(index, state.docs.length), 0, doc);
  await store.save({ docs: [doc], queue: queueRecord() });
  await openDoc(state.docs.indexOf(doc));
  message(`«${doc.name}» is back in the queue.`);
}

function setStatus(status) {
  const d = shown;
  if (!d || d.status === status) return;
  d.status = status;
  renderQueue();
  store.save({ docs: [d], queue: queueRecord() });
}

// Autosave after every edit: the edited document is written once the edit has been painted
// (edits in the same frame are written together), or at once when the page is hidden.
const dirty = new Set();
let pendingSave = null;
function scheduleSave(d) {
  dirty.add(d);
  if (pendingSave) return;
  let run;
  pendingSave = new Promise((resolve) => {
    run = () => {
      if (!pendingSave) return;
      pendingSave = null;
      const docs = [...dirty];
      dirty.clear();
      store.save({ docs, queue: queueRecord() }).then(resolve);
    };
  });
  const p = pendingSave;
  requestAnimationFrame(() => setTimeout(() => { if (pendingSave === p) run(); }, 0));
  setTimeout(() => { if (pendingSave === p) run(); }, 250);
  pendingSave.run = run;
}
async function flush() {
  if (pendingSave) { const p = pendingSave; p.run(); await p; }
  await store.flush();
}
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flush(); });
window.addEventListener('pagehide', () => { flush(); });

annotator.addEventListener('change', (e) => {
  // The edit belongs to the document on screen, whatever is being opened meanwhile.
  const d = shown;
  if (!d) return;
  d.annotations = e.detail;
  if (d.status === 'new' && annotator.canUndo) { d.status = 'in progress'; renderQueue(); } else renderDocBar();
  scheduleSave(d);
});

annotator.addEventListener('error', (e) => message(`${shown ? `${shown.name}: ` : ''}${describeError(e.detail, annotator.text)}`, true));

// ---------------------------------------------------------------------------------------------
// Files

const base = (name) => name.replace(/\.[^.]*$/, '');

async function openFiles(fileList) {
  const files = [...fileList];
  const byBase = new Map();
  for (const f of files) {
    const k = base(f.name);
    if (!byBase.has(k)) byBase.set(k, {});
    byBase.get(k)[f.name.slice(k.length).toLowerCase()] = f;
  }
  const docs = [];
  const problems = [];
  const drops = [];  // spans and records an import left out, by file and line
  for (const [k, group] of byBase) {
    try {
      if (group['.ann']) {
        if (!group['.txt']) throw new Error(`${k}.ann needs ${k}.txt beside it`);
        const dropped = [];
        const doc = fromBrat(await group['.txt'].text(), await group['.ann'].text(), `${k}.txt`, { dropped });
        if (dropped.length) drops.push(describeDropped(`${k}.ann`, dropped));
        docs.push({ name: `${k}.txt`, text: doc.text, annotations: doc });
        continue;
      }
      for (const [ext, f] of Object.entries(group)) {
        const content = await f.text();
        if (ext === '.json' || ext === '.jsonl') {
          const dropped = [];
          const list = ext === '.json' ? fromJSON(content, { dropped }) : fromJSONL(content, { dropped });
          if (dropped.length) drops.push(describeDropped(f.name, dropped));
          list.forEach((doc, j) => {
            const name = doc.id || (list.length > 1 ? `${f.name}#${j + 1}` : f.name);
            docs.push({ name, text: doc.text, annotations: doc, status: ['new', 'in progress', 'done'].includes(doc.status) ? doc.status : 'new' });
          });
        } else {
          docs.push({ name: f.name, text: content });
        }
      }
    } catch (err) {
      problems.push(`${k}: ${err.message}`);
    }
  }
  await addDocs(docs);
  const said = [];
  if (problems.length) said.push(`Not opened: ${problems.join('; ')}`);
  if (drops.length) said.push(`Left out of the import: ${drops.join(' | ')}`);
  if (said.length) message(said.join('. '), true);
}

function download(name, content, mime) {
  const url = URL.createObjectURL(new Blob([content], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function doExport() {
  const d = shown;
  if (!d) return;
  const format = $('export-format').value;
  const whole = format === 'jsonl' || format === 'jsonl-cp';
  if (whole) {
    // Documents of the queue not opened yet are annotated first.
    for (const x of state.docs) {
      if (x.annotations) continue;
      message(`Annotating ${x.name}…`);
      try { x.annotations = await annotateText(x.text, x.date); } catch (err) { message(`Could not export: ${x.name} could not be annotated: ${describeError(err, x.text)}`, true); return; }
      await store.save({ docs: [x] });
    }
  }
  // By default what a person accepted, of the types shown; "all spans" writes suggestions and
  // hidden types too.
  const all = $('export-all').checked;
  const pick = (doc) => (all ? doc : reviewedOnly(doc, annotator.visibleTypes));
  const queue = state.docs.map((x) => ({ ...pick(x === shown ? annotator.annotations : x.annotations || { format: 'belgi/1', text: x.text, offsets: 'utf16', date: null, spans: [] }), id: x.name, status: x.status }));
  const doc = { ...pick(annotator.annotations), id: d.name };
  const files = exportDocument(format, doc, { name: d.name, queue, tokenize: coreTokenize });
  for (const f of files) download(f.name, f.content, f.mime);
  const n = whole ? queue.reduce((k, x) => k + x.spans.length, 0) : doc.spans.length;
  message(`Exported ${files.map((f) => f.name).join(', ')}${whole ? ` (${state.docs.length} documents)` : ''}: ${n} span${n === 1 ? '' : 's'}, ${all ? 'all of them' : 'accepted and shown (tick "all spans" for every span)'}.`);
}

// ---------------------------------------------------------------------------------------------
// Wiring

function confirmDialog(text, { ok = 'OK', cancel = 'Cancel' } = {}) {
  return new Promise((resolve) => {
    const dlg = $('confirm-dialog');
    $('confirm-text').textContent = text;
    $('confirm-ok').textContent = ok;
    $('confirm-cancel').textContent = cancel;
    dlg.addEventListener('close', () => resolve(dlg.returnValue === 'ok'), { once: true });
    dlg.showModal();
  });
}

function setup() {
  for (const [k, v] of Object.entries(EXPORT_FORMATS)) {
    const o = document.createElement('option');
    o.value = k;
    o.textContent = v.label;
    $('export-format').append(o);
  }
  const km = $('keymap');
  const add = (k, v) => { const dt = document.createElement('dt'); const kbd = document.createElement('kbd'); kbd.textContent = k; dt.append(kbd); const dd = document.createElement('dd'); dd.textContent = v; km.append(dt, dd); };
  for (const [k, t] of Object.entries(KEYMAP)) add(k, t);
  [['Tab, ←/→', 'next / previous span'], ['Home / End', 'first / last span'], ['Del', 'remove the span'],
    ['Enter', 'change the type (list)'], ['v', 'edit a date value'], ['s', 'select the next word'],
    ['Shift+←/→', 'shrink / grow the end by a word'], ['Ctrl+Shift+←/→', 'grow / shrink the start'],
    ['Alt (while selecting)', 'no snapping to words'], ['Shift+S / Shift+C', 'set the quote\'s speaker / cue from the selection (on the quote: clear)'],
    ['Shift+A / Shift+R', 'accept / reject all spans of this type'], ['Ctrl+Z', 'undo'], ['Ctrl+Shift+Z, Ctrl+Y', 'redo'],
    ['Esc', 'leave the span'], ['[ / ]', 'previous / next document'], ['Ctrl+Enter', 'done, next document']].forEach(([k, v]) => add(k, v));

  $('new-text').addEventListener('click', () => { $('paste-form').reset(); $('paste-error').textContent = ''; $('paste-dialog').showModal(); $('paste-text').focus(); });
  $('paste-text').addEventListener('input', () => { $('paste-error').textContent = ''; $('paste-text').removeAttribute('aria-invalid'); });
  $('paste-cancel').addEventListener('click', () => $('paste-dialog').close());
  $('paste-form').addEventListener('submit', (e) => {
    const text = $('paste-text').value;
    if (!text.trim()) {
      e.preventDefault();
      $('paste-text').setAttribute('aria-invalid', 'true');
      $('paste-error').textContent = text ? 'The text is only white space: there is nothing to annotate.' : 'The text is empty: paste an article first.';
      $('paste-text').focus();
      return;
    }
    const name = $('paste-name').value.trim() || `pasted ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`;
    addDocs([{ name, text, date: $('paste-date').value || '' }]);
  });
  $('open-files').addEventListener('change', (e) => { openFiles(e.target.files); e.target.value = ''; });
  document.addEventListener('dragover', (e) => { e.preventDefault(); });
  document.addEventListener('drop', (e) => { e.preventDefault(); if (e.dataTransfer.files.length) openFiles(e.dataTransfer.files); });
  // Pasting outside a field and outside the text opens the pasted text as a new document (and
  // says so); pasting into the text never does: a Ctrl+V meant for a selection must not add one.
  document.addEventListener('paste', (e) => {
    if (e.target.closest && e.target.closest('input, textarea, dialog')) return;
    e.preventDefault();
    if (annotator.contains(e.target)) { message('Pasting does not change the text. To annotate a new text: New text…, or paste outside the text.', true); return; }
    const text = e.clipboardData && e.clipboardData.getData('text/plain');
    if (!text || !text.trim()) { message('The pasted text is empty: no document added.', true); return; }
    const name = `pasted ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`;
    addDocs([{ name, text }]).then(() => { if (!$('message').classList.contains('error')) message(`Added the pasted text as «${name}».`); });
  });
  $('export').addEventListener('click', doExport);
  $('prev').addEventListener('click', () => openDoc(state.current - 1));
  $('next').addEventListener('click', () => openDoc(state.current + 1));
  $('done-next').addEventListener('click', async () => {
    const i = shownIndex();
    if (i < 0) return;
    // Done means every suggestion was looked at: say which remain, and let the person choose.
    const r = annotator.review;
    if (r.suggested) {
      const which = Object.entries(r.byType).filter(([, [, n]]) => n).map(([t, [, n]]) => `${n} ${t}`).join(', ');
      const ok = await confirmDialog(`${r.suggested} span${r.suggested === 1 ? ' is' : 's are'} still suggested, not reviewed (${which}). Exports leave them out unless "all spans" is ticked. Mark the document done anyway?`);
      if (!ok) { const first = annotator.spans.find((s) => s.origin !== 'human' && annotator.visibleTypes.includes(s.type)); annotator.focusSpan(first ? first.id : null); return; }
    }
    setStatus('done');
    if (i < state.docs.length - 1) openDoc(i + 1);
  });
  $('doc-status').addEventListener('change', (e) => setStatus(e.target.value));
  $('rename-doc').addEventListener('click', startRename);
  $('doc-rename').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); endRename(true); } else if (e.key === 'Escape') { e.preventDefault(); endRename(false); }
  });
  $('doc-rename').addEventListener('blur', () => endRename(true));
  $('remove-doc').addEventListener('click', removeDoc);
  $('undo-remove').addEventListener('click', undoRemove);
  // Committed on Enter or blur ('change' of a text field), not on every digit.
  $('doc-date').addEventListener('change', applyDateField);
  $('doc-date').addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); applyDateField(); } });
  $('clear-queue').addEventListener('click', async () => {
    if (!(await confirmDialog(`Remove all ${state.docs.length} documents and their annotations from this browser? Export first what you want to keep.`))) return;
    const keys = state.docs.map((d) => d.key);
    state.docs = [];
    state.current = -1;
    shown = null;
    annotator.load({ format: 'belgi/1', text: '', offsets: 'utf16', date: null, spans: [] });
    await store.remove(keys, queueRecord());
    renderQueue();
    message('Queue cleared.');
  });
  // Shortcuts work wherever the focus is, except while typing in a field or in a dialog: the
  // editing keys go to the annotator (they act on its span or selection), [ ] Ctrl+Enter here.
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    if (e.defaultPrevented) return; // handled by the annotator (its target may be gone by now)
    if (t.closest && t.closest('dialog')) return;
    const ctrl = e.ctrlKey || e.metaKey;
    if (ctrl && e.key === 'Enter') { e.preventDefault(); $('done-next').click(); return; }
    if (t.closest && t.closest(TYPING)) return;
    if (!annotator.contains(t) && annotator.shortcut(e)) return;
    if (ctrl || e.altKey) return;
    if (e.key === ']') { e.preventDefault(); openDoc(state.current + 1); }
    if (e.key === '[') { e.preventDefault(); openDoc(state.current - 1); }
  });
  // The skip link puts the keyboard in the text.
  $('skip-link').addEventListener('click', (e) => { e.preventDefault(); annotator.focusSpan(null); });
}

async function start() {
  setup();
  document.body.dataset.state = 'loading';
  let saved = null;
  try { saved = await store.load(); } catch (err) { message(`Autosave unavailable: ${err.message}`, true); }
  try {
    // Load the module on the page and in the worker now: no request is made after this.
    await Promise.all([loadBelgi(), loadBelgi({ worker: true })]);
  } catch (err) {
    message(`Could not load the annotator core: ${err.message}`, true);
  }
  document.documentElement.dataset.belgi = 'loaded';
  if (saved && saved.docs.length) {
    state.docs = saved.docs;
    const cur = Math.min(Math.max(saved.queue.current ?? 0, 0), state.docs.length - 1);
    await openDoc(cur);
  } else {
    await addDocs([{ name: SAMPLE_NAME, text: SAMPLE_TEXT }]);
  }
  if (!state.docs.length) { renderQueue(); document.body.dataset.state = 'ready'; }
}

start();

// For tests and the console: the autosave, the queue.
window.belgiApp = { state, flush, openDoc, addDocs };
