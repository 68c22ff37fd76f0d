// Runs inside a Web Worker (module type): annotates off the page's main thread.
// Messages in: {id, method: 'init'|'annotate'|'tokenize'|'version', args: [...]}; out: {id, result} or
// {id, error: {code, message, offset?}}. Use worker-client.js rather than talking to it directly.
import { init, annotate, tokenize, version } from './index.js';

const methods = { init, annotate, tokenize, version };

self.onmessage = async (event) => {
  const { id, method, args = [] } = event.data || {};
  try {
    if (!Object.prototype.hasOwnProperty.call(methods, method)) {
      throw Object.assign(new Error(`unknown method ${method}`), { code: 'invalid_argument' });
    }
    const result = await methods[method](...args);
    self.postMessage({ id, result });
  } catch (err) {
    const error = { code: err.code || 'internal', message: String(err.message || err) };
    if (Number.isInteger(err.offset)) error.offset = err.offset;  // where in the text, as on the page
    self.postMessage({ id, error });
  }
};
