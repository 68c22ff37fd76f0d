// The annotator page: a queue of documents (pasted or opened), the document date, autosave,
// import and export. The editing itself is the <belgi-annotator> element (annotator.js).
import { TEXT_ENTRY, annotateText, loadBelgi } from './annotator.js';
import { coreTokenize } from './core.js';
import { EXPORT_FORMATS, exportDocument, reviewedOnly } from './formats.js';
import * as store from './store.js';
import { createAutosave } from './autosave.js';
import { SAMPLE_NAME, SAMPLE_TEXT } from './sample.js';
import { $, confirmDialog, describeError, download, fillKeymap, isDate, message } from './app-ui.js';
import { setupOpening, splitHuge } from './app-files.js';
import { learnDone, learningIdle, startLearning } from './learning.js';
const annotator = $('annotator');

/** The queue: [{key, name, text, date, status, annotations|null}] and the current index. */
const state = { docs: [], current: -1 };
// The document the annotator shows. It is not always the current one: while the current one is
// being annotated, the previous stays on screen and editable, and its edits must go to it.
let shown = null;
let keySeq = 0;
const newKey = () => `${Date.now().toString(36)}-${(keySeq++).toString(36)}`;

function queueRecord() { return { keys: state.docs.map((d) => d.key), current: state.current }; }
function shownIndex() { return shown ? state.docs.indexOf(shown) : -1; }

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

const annotating = new WeakMap(); // document → its annotation in progress

/**
 * The document's annotation: the one it has, else the run in progress, else a new run. One run
 * per document, whoever asks while it runs (opening it again, an export of the queue); kept
 * beside the document, not in it: the autosave writes the document as JSON.
 */
function annotationOf(d) {
  if (d.annotations) return Promise.resolve(d.annotations);
  if (!annotating.has(d)) {
    const t0 = performance.now();
    annotating.set(d, annotateText(d.text, d.date || '').then((doc) => {
      d.annotateMs = Math.round(performance.now() - t0);
      if (!d.annotations) { d.annotations = doc; store.save({ docs: [d] }); }
      return d.annotations;
    }).finally(() => { annotating.delete(d); }));
  }
  return annotating.get(d);
}

let opening = 0;

/**
 * Waits for the annotation of the document being opened, saying so. A long text runs in the
 * worker: the time so far is shown, and the document on screen stays editable meanwhile.
 * Returns {annotations} or {failed}; null if another document was opened meanwhile.
 */
async function awaitAnnotation(d, ticket) {
  const t0 = performance.now();
  const say = () => message(`Annotating ${d.name}${d.text.length > 20000 ? ` in the background (${Math.round(d.text.length / 1000).toLocaleString('en')}k characters)… ${Math.floor((performance.now() - t0) / 1000)} s${shown ? `; «${shown.name}» stays editable` : ''}` : '…'}`);
  say();
  const ticker = d.text.length > 20000 ? setInterval(() => { if (ticket === opening) say(); }, 1000) : 0;
  document.body.dataset.state = 'annotating';
  let out;
  try { out = { annotations: await annotationOf(d) }; } catch (failed) { out = { failed }; }
  clearInterval(ticker);
  return ticket === opening ? out : null;
}

async function openDoc(i) {
  if (i < 0 || i >= state.docs.length) return;
  const ticket = ++opening;
  state.current = i;
  renderQueue();
  const d = state.docs[i];
  const date = d.date || '';
  const got = d.annotations ? { annotations: d.annotations } : await awaitAnnotation(d, ticket);
  if (!got) return;
  // Not kept: the document shows its text without spans, and says why each time it is opened.
  const annotations = got.annotations || { format: 'belgi/1', text: d.text, offsets: 'utf16', date: null, spans: [] };
  finishBarEdits();
  const t0 = performance.now();
  annotator.load(annotations, { date });
  shown = d;
  renderQueue();
  if (got.failed) message(`Could not annotate ${d.name}: ${describeError(got.failed, d.text)}`, true);
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

/** Sets the shown document's status; done, it is learned from (learning.js), once per content. */
function setStatus(status) {
  const d = shown;
  if (!d) return null;
  const learning = status === 'done' ? learnDone(d, annotator.annotations) : null;
  if (d.status !== status) {
    d.status = status;
    renderQueue();
    store.save({ docs: [d], queue: queueRecord() });
  }
  return learning;
}

// Autosave after every edit: the edited document is written once the edit has been painted, or
// at once when the page is hidden (autosave.js).
const { scheduleSave, flush } = createAutosave(() => ({ queue: queueRecord() }));
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
      try { await annotationOf(x); } catch (err) { message(`Could not export: ${x.name} could not be annotated: ${describeError(err, x.text)}`, true); return; }
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

/** Done means every suggestion was looked at: say which remain, and let the person choose. */
async function doneNext() {
  const i = shownIndex();
  if (i < 0) return;
  const r = annotator.review;
  if (r.suggested) {
    const which = Object.entries(r.byType).filter(([, [, n]]) => n).map(([t, [, n]]) => `${n} ${t}`).join(', ');
    const ok = await confirmDialog(`${r.suggested} span${r.suggested === 1 ? ' is' : 's are'} still suggested, not reviewed (${which}). Exports leave them out unless "all spans" is ticked. Mark the document done anyway?`);
    if (!ok) { const first = annotator.spans.find((s) => s.origin !== 'human' && annotator.visibleTypes.includes(s.type)); annotator.focusSpan(first ? first.id : null); return; }
  }
  await setStatus('done');  // the next document is annotated with what this one taught
  if (i < state.docs.length - 1) openDoc(i + 1);
}

async function clearQueue() {
  if (!(await confirmDialog(`Remove all ${state.docs.length} documents and their annotations from this browser? Export first what you want to keep.`))) return;
  const keys = state.docs.map((d) => d.key);
  state.docs = [];
  state.current = -1;
  shown = null;
  annotator.load({ format: 'belgi/1', text: '', offsets: 'utf16', date: null, spans: [] });
  await store.remove(keys, queueRecord());
  renderQueue();
  message('Queue cleared.');
}

/** The queue's buttons and the bar above the text (status, rename, remove, date). */
function setupQueue() {
  $('export').addEventListener('click', doExport);
  $('prev').addEventListener('click', () => openDoc(state.current - 1));
  $('next').addEventListener('click', () => openDoc(state.current + 1));
  $('done-next').addEventListener('click', doneNext);
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
  $('clear-queue').addEventListener('click', clearQueue);
}

// Shortcuts work wherever the focus is, except while typing in a field or in a dialog: the
// editing keys go to the annotator (they act on its span or selection), [ ] Ctrl+Enter here.
function onPageKey(e) {
  const t = e.target;
  if (e.defaultPrevented) return; // handled by the annotator (its target may be gone by now)
  if (t.closest && t.closest('dialog')) return;
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl && e.key === 'Enter') { e.preventDefault(); $('done-next').click(); return; }
  if (t.closest && t.closest(TEXT_ENTRY)) return;
  if (!annotator.contains(t) && annotator.shortcut(e)) return;
  if (ctrl || e.altKey) return;
  if (e.key === ']') { e.preventDefault(); openDoc(state.current + 1); }
  if (e.key === '[') { e.preventDefault(); openDoc(state.current - 1); }
}

function setup() {
  for (const [k, v] of Object.entries(EXPORT_FORMATS)) {
    const o = document.createElement('option');
    o.value = k;
    o.textContent = v.label;
    $('export-format').append(o);
  }
  fillKeymap();
  setupOpening(addDocs, annotator);
  setupQueue();
  document.addEventListener('keydown', onPageKey);
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
  await startLearning();  // what was learned before, in both modules before anything is annotated
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

// For tests and the console: the autosave, the queue, the learning under way.
window.belgiApp = { state, flush, openDoc, addDocs, learningIdle };
