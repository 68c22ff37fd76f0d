// The page side of worker.js: the same API as index.js, each call a promise.
//   const belgi = createWorker();
//   await belgi.init();
//   const doc = await belgi.annotate(text, {date});
//   await belgi.learn(correctedDoc);   // the worker's module annotates with what it learned
import { BelgiError } from './index.js';

export function createWorker(workerUrl = new URL('./worker.js', import.meta.url)) {
  const worker = new Worker(workerUrl, { type: 'module' });
  const pending = new Map();
  let next = 1;
  worker.onmessage = (event) => {
    const { id, result, error } = event.data;
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    if (error) p.reject(new BelgiError(error.code, error.message, error.offset));
    else p.resolve(result);
  };
  const call = (method, ...args) => new Promise((resolve, reject) => {
    const id = next++;
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, method, args });
  });
  return {
    init: (options) => call('init', options),
    annotate: (text, options) => call('annotate', text, options),
    tokenize: (text, options) => call('tokenize', text, options),
    version: () => call('version'),
    learn: (doc) => call('learn', doc),
    adaptation: () => call('adaptation'),
    setAdaptation: (bytes) => call('setAdaptation', bytes),
    resetAdaptation: () => call('resetAdaptation'),
    adaptationInfo: () => call('adaptationInfo'),
    terminate: () => {
      worker.terminate();
      for (const p of pending.values()) p.reject(new BelgiError('internal', 'worker terminated'));
      pending.clear();
    },
  };
}
