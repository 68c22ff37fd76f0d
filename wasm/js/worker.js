// Runs inside a Web Worker (module type): annotates and learns off the page's main thread.
// Messages in: {id, method, args: [...]} (a method of index.js below); out: {id, result} or
// {id, error: {code, message, offset?}}. Use worker-client.js rather than talking to it directly.
import {
  init, annotate, tokenize, version, learn, adaptation, setAdaptation, resetAdaptation, adaptationInfo,
} from './index.js';

const methods = { init, annotate, tokenize, version, learn, adaptation, setAdaptation, resetAdaptation, adaptationInfo };

self.onmessage = async (event) => {
  const { id, method, args = [] } = event.data || {};
  try {
    if (!Object.prototype.hasOwnProperty.call(methods, method)) {
      throw Object.assign(new Error(`unknown method ${method}`), { code: 'invalid_argument' });
    }
    const result = await methods[method](...args);
    // adaptation() gives a fresh copy: its buffer moves to the page instead of being copied again.
    self.postMessage({ id, result }, result instanceof Uint8Array ? [result.buffer] : []);
  } catch (err) {
    const error = { code: err.code || 'internal', message: String(err.message || err) };
    if (Number.isInteger(err.offset)) error.offset = err.offset;  // where in the text, as on the page
    self.postMessage({ id, error });
  }
};
