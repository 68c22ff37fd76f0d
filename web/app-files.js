// Files opened on the page: text files, our JSON and JSONL, brat pairs (.txt beside .ann), read
// into documents for the queue; huge texts, which a person may split; and the ways of opening
// (file picker, drop, paste).
import { describeDropped, fromBrat, fromJSON, fromJSONL } from './formats.js';
import { $, confirmDialog, message } from './app-ui.js';

const base = (name) => name.replace(/\.[^.]*$/, '');

/** The files by name without extension: {'.txt': File, '.ann': File, …} for each. */
function groupByBase(fileList) {
  const byBase = new Map();
  for (const f of fileList) {
    const k = base(f.name);
    if (!byBase.has(k)) byBase.set(k, {});
    byBase.get(k)[f.name.slice(k.length).toLowerCase()] = f;
  }
  return byBase;
}

/** The documents of one group of files; what an import left out goes to `drops`. */
async function readGroup(k, group, drops) {
  if (group['.ann']) {
    if (!group['.txt']) throw new Error(`${k}.ann needs ${k}.txt beside it`);
    const dropped = [];
    const doc = fromBrat(await group['.txt'].text(), await group['.ann'].text(), `${k}.txt`, { dropped });
    if (dropped.length) drops.push(describeDropped(`${k}.ann`, dropped));
    return [{ name: `${k}.txt`, text: doc.text, annotations: doc }];
  }
  const docs = [];
  for (const [ext, f] of Object.entries(group)) {
    const content = await f.text();
    if (ext !== '.json' && ext !== '.jsonl') { docs.push({ name: f.name, text: content }); continue; }
    const dropped = [];
    const list = ext === '.json' ? fromJSON(content, { dropped }) : fromJSONL(content, { dropped });
    if (dropped.length) drops.push(describeDropped(f.name, dropped));
    list.forEach((doc, j) => {
      const name = doc.id || (list.length > 1 ? `${f.name}#${j + 1}` : f.name);
      docs.push({ name, text: doc.text, annotations: doc, status: ['new', 'in progress', 'done'].includes(doc.status) ? doc.status : 'new' });
    });
  }
  return docs;
}

/**
 * Reads opened files into queue documents. Returns {docs, problems, drops}: files that could not
 * be opened, and spans and records an import left out, by file and line.
 */
export async function readFiles(fileList) {
  const docs = [];
  const problems = [];
  const drops = [];
  for (const [k, group] of groupByBase([...fileList])) {
    try {
      docs.push(...await readGroup(k, group, drops));
    } catch (err) {
      problems.push(`${k}: ${err.message}`);
    }
  }
  return { docs, problems, drops };
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
export async function splitHuge(docs) {
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

// ---------------------------------------------------------------------------------------------
// Opening: files chosen, dropped or pasted, and the paste dialog, each becoming documents of the
// queue through `addDocs` (app.js).

async function openFiles(fileList, addDocs) {
  const { docs, problems, drops } = await readFiles(fileList);
  await addDocs(docs);
  const said = [];
  if (problems.length) said.push(`Not opened: ${problems.join('; ')}`);
  if (drops.length) said.push(`Left out of the import: ${drops.join(' | ')}`);
  if (said.length) message(said.join('. '), true);
}

/** The paste dialog: a new document from pasted text (an empty one is refused, and why). */
function setupPaste(addDocs) {
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
}

/** Files opened, dropped or pasted outside the text (`annotator`) become documents. */
export function setupOpening(addDocs, annotator) {
  setupPaste(addDocs);
  $('open-files').addEventListener('change', (e) => { openFiles(e.target.files, addDocs); e.target.value = ''; });
  document.addEventListener('dragover', (e) => { e.preventDefault(); });
  document.addEventListener('drop', (e) => { e.preventDefault(); if (e.dataTransfer.files.length) openFiles(e.dataTransfer.files, addDocs); });
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
}
