import type { AnnotateOptions, Document, InitOptions, Versions } from './index.js';

export interface BelgiWorker {
  init(options?: InitOptions): Promise<void>;
  annotate(text: string, options?: AnnotateOptions): Promise<Document>;
  version(): Promise<Versions>;
  terminate(): void;
}

/** Starts worker.js as a module Worker and returns the API as promises. */
export declare function createWorker(workerUrl?: string | URL): BelgiWorker;
