import type {
  AdaptationInfo, AnnotateOptions, Document, InitOptions, LearnDocument, LearnResult, Tokens, Versions,
} from './index.js';

export interface BelgiWorker {
  init(options?: InitOptions): Promise<void>;
  annotate(text: string, options?: AnnotateOptions): Promise<Document>;
  tokenize(text: string, options?: { offsets?: 'utf16' | 'codepoint' }): Promise<Tokens>;
  version(): Promise<Versions>;
  learn(doc: LearnDocument): Promise<LearnResult>;
  adaptation(): Promise<Uint8Array>;
  setAdaptation(bytes: Uint8Array | ArrayBuffer): Promise<AdaptationInfo>;
  resetAdaptation(): Promise<AdaptationInfo>;
  adaptationInfo(): Promise<AdaptationInfo>;
  terminate(): void;
}

/**
 * Starts worker.js as a module Worker and returns the API as promises. The worker has a module
 * of its own: what it learns (and the adaptation init() gives it) is not the page's module's.
 */
export declare function createWorker(workerUrl?: string | URL): BelgiWorker;
