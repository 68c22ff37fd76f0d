import type { AnnotateOptions, Document, InitOptions, Tokens, Versions } from './index.js';

export interface BelgiWorker {
  init(options?: InitOptions): Promise<void>;
  annotate(text: string, options?: AnnotateOptions): Promise<Document>;
  tokenize(text: string, options?: { offsets?: 'utf16' | 'codepoint' }): Promise<Tokens>;
  version(): Promise<Versions>;
  terminate(): void;
}

/** Starts worker.js as a module Worker and returns the API as promises. */
export declare function createWorker(workerUrl?: string | URL): BelgiWorker;
