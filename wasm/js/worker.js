// Runs inside a Web Worker (module type): annotates off the page's main thread.
// Messages in: {id, method: 'init'|'annotate'|'version', args: [...]}; out: {id, result} or
// {id, error: {code, message}}. Use worker-client.js rather than talking to it directly.
import { init, annotate, version } from './index.js';

const methods = { init, annotate, version };

self.onmessage = async (event) => {
  const { id, method, args = [] } = event.data || {};
  try {
    if (!Object.prototype.hasOwnProperty.call(methods, method)) {
      throw Object.assign(new Error(`unknown method ${method}`), { code: 'invalid_argument' });
    }
    const result = await methods[method](...args);
    self.postMessage({ id, result });
  } catch (err) {
    self.postMessage({ id, error: { code: err.code || 'internal', message: String(err.message || err) } });
  }
};
