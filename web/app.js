// The annotator page: a queue of documents (pasted or opened), the document date, autosave,
// import and export. The editing itself is the <belgi-annotator> element (annotator.js).
import { KEYMAP, annotateText, loadBelgi } from './annotator.js';
import { EXPORT_FORMATS, describeDropped, exportDocument, fromBrat, fromJSON, fromJSONL } from './formats.js';
import * as store from './store.js';
import { SAMPLE_NAME, SAMPLE_TEXT } from './sample.js';

const $ = (id) => document.getElementById(id);
const annotator = $('annotator');

/** The queue: [{key, name, text, date, status, annotations|null}] and the current index. */
const state = { docs: [], current: -1 };
let keySeq = 0;
const newKey = () => `${Date.now().toString(36)}-${(keySeq++).toString(36)}`;

function queueRecord() { return { keys: state.docs.map((d) => d.key), current: state.current }; }
function currentDoc() { return state.docs[state.current] || null; }

function message(text, isError = false) {
  const m = $('message');
  m.textContent = text;
  m.classList.toggle('error', isError);
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
  const d = currentDoc();
  $('doc-name').textContent = d ? d.name : '—';
  $('doc-status').value = d ? d.status : 'new';
  $('doc-date').value = d ? d.date || '' : '';
}

async function addDocs(docs, { open = true } = {}) {
  if (!docs.length) return;
  const first = state.docs.length;
  for (const d of docs) state.docs.push({ key: newKey(), status: 'new', date: '', annotations: null, ...d });
  await store.save({ docs: state.docs.slice(first), queue: queueRecord() });
  if (open) await openDoc(first);
  else renderQueue();
}

let opening = 0;
async function openDoc(i) {
  if (i < 0 || i >= state.docs.length) return;
  const ticket = ++opening;
  state.current = i;
  renderQueue();
  const d = state.docs[i];
  if (!d.annotations) {
    message(d.text.length > 20000 ? 'Annotating in the background…' : 'Annotating…');
    document.body.dataset.state = 'annotating';
    try {
      const t0 = performance.now();
      d.annotations = await annotateText(d.text, d.date);
      d.annotateMs = Math.round(performance.now() - t0);
      await store.save({ docs: [d] });
    } catch (err) {
      message(`Could not annotate: ${err.message}`, true);
      d.annotations = { format: 'belgi/1', text: d.text, offsets: 'utf16', date: null, spans: [] };
    }
    if (ticket !== opening) return;
  }
  const t0 = performance.now();
  annotator.load(d.annotations, { date: d.date || '' });
  const n = d.annotations.spans.length;
  message(`${n} span${n === 1 ? '' : 's'} · shown in ${Math.round(performance.now() - t0)} ms`);
  await store.save({ queue: queueRecord() });
  document.body.dataset.state = 'ready';
}

function setStatus(status) {
  const d = currentDoc();
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
  const d = currentDoc();
  if (!d) return;
  d.annotations = e.detail;
  if (d.status === 'new' && annotator.canUndo) { d.status = 'in progress'; renderQueue(); }
  scheduleSave(d);
});

annotator.addEventListener('error', (e) => message(String(e.detail && e.detail.message || e.detail), true));

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
  const d = currentDoc();
  if (!d) return;
  const format = $('export-format').value;
  if (format === 'jsonl') {
    // Documents of the queue not opened yet are annotated first.
    for (const x of state.docs) {
      if (x.annotations) continue;
      message(`Annotating ${x.name}…`);
      try { x.annotations = await annotateText(x.text, x.date); } catch (err) { message(`Could not annotate ${x.name}: ${err.message}`, true); return; }
      await store.save({ docs: [x] });
    }
    message(`Exported ${state.docs.length} documents.`);
  }
  const queue = state.docs.map((x, i) => ({ ...(i === state.current ? annotator.annotations : x.annotations || { format: 'belgi/1', text: x.text, offsets: 'utf16', date: null, spans: [] }), id: x.name, status: x.status }));
  const doc = { ...annotator.annotations, id: d.name };
  for (const f of exportDocument(format, doc, { name: d.name, queue })) download(f.name, f.content, f.mime);
}

// ---------------------------------------------------------------------------------------------
// Wiring

function confirmDialog(text) {
  return new Promise((resolve) => {
    const dlg = $('confirm-dialog');
    $('confirm-text').textContent = text;
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

  $('new-text').addEventListener('click', () => { $('paste-form').reset(); $('paste-dialog').showModal(); $('paste-text').focus(); });
  $('paste-cancel').addEventListener('click', () => $('paste-dialog').close());
  $('paste-form').addEventListener('submit', (e) => {
    const text = $('paste-text').value;
    if (!text.trim()) { e.preventDefault(); return; }
    const name = $('paste-name').value.trim() || `pasted ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`;
    addDocs([{ name, text, date: $('paste-date').value || '' }]);
  });
  $('open-files').addEventListener('change', (e) => { openFiles(e.target.files); e.target.value = ''; });
  document.addEventListener('dragover', (e) => { e.preventDefault(); });
  document.addEventListener('drop', (e) => { e.preventDefault(); if (e.dataTransfer.files.length) openFiles(e.dataTransfer.files); });
  // Pasting anywhere outside a field opens the pasted text as a new document.
  document.addEventListener('paste', (e) => {
    if (e.target.closest && e.target.closest('input, textarea, dialog')) return;
    const text = e.clipboardData && e.clipboardData.getData('text/plain');
    if (!text || !text.trim()) return;
    e.preventDefault();
    addDocs([{ name: `pasted ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`, text }]);
  });
  $('export').addEventListener('click', doExport);
  $('prev').addEventListener('click', () => openDoc(state.current - 1));
  $('next').addEventListener('click', () => openDoc(state.current + 1));
  $('done-next').addEventListener('click', () => { setStatus('done'); if (state.current < state.docs.length - 1) openDoc(state.current + 1); });
  $('doc-status').addEventListener('change', (e) => setStatus(e.target.value));
  $('doc-date').addEventListener('change', (e) => {
    const d = currentDoc();
    if (!d) return;
    d.date = e.target.value || '';
    annotator.date = d.date;
    store.save({ docs: [d] });
  });
  $('clear-queue').addEventListener('click', async () => {
    if (!(await confirmDialog(`Remove all ${state.docs.length} documents and their annotations from this browser? Export first what you want to keep.`))) return;
    const keys = state.docs.map((d) => d.key);
    state.docs = [];
    state.current = -1;
    annotator.load({ format: 'belgi/1', text: '', offsets: 'utf16', date: null, spans: [] });
    await store.remove(keys, queueRecord());
    renderQueue();
    message('Queue cleared.');
  });
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    if (e.defaultPrevented) return; // handled by the annotator (its target may be gone by now)
    if (t.closest && t.closest('input, textarea, select, dialog')) return;
    const ctrl = e.ctrlKey || e.metaKey;
    if (ctrl && e.key === 'Enter') { e.preventDefault(); $('done-next').click(); return; }
    if (annotator.contains(t)) return;
    if (ctrl && (e.key === 'z' || e.key === 'Z')) { e.preventDefault(); if (e.shiftKey) annotator.redo(); else annotator.undo(); return; }
    if (ctrl && (e.key === 'y' || e.key === 'Y')) { e.preventDefault(); annotator.redo(); return; }
    if (ctrl || e.altKey) return;
    if (e.key === ']') { e.preventDefault(); openDoc(state.current + 1); }
    if (e.key === '[') { e.preventDefault(); openDoc(state.current - 1); }
  });
  // Inside the text, [ and ] also move between documents.
  annotator.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.target.closest('input, textarea, select')) return;
    if (e.key === ']') { e.preventDefault(); openDoc(state.current + 1); }
    if (e.key === '[') { e.preventDefault(); openDoc(state.current - 1); }
  });
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
