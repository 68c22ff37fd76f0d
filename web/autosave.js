// Autosave after every edit: the edited documents are written once the edit has been painted
// (edits in the same frame are written together), or at once on flush() (the page is hidden).
import * as store from './store.js';

/** `extra()` gives what is saved with the documents (the queue record). */
export function createAutosave(extra) {
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
        store.save({ docs, ...extra() }).then(resolve);
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
  return { scheduleSave, flush };
}
