// Type declarations for the belgi package. Offsets are UTF-16 code units unless
// `offsets: 'codepoint'` is asked for.

export type EntityType =
  | 'ADAGE' | 'ART' | 'CARDINAL' | 'CONTACT' | 'DATE' | 'DISEASE' | 'EVENT' | 'FACILITY' | 'GPE'
  | 'LANGUAGE' | 'LAW' | 'LOCATION' | 'MISCELLANEOUS' | 'MONEY' | 'NON_HUMAN' | 'NORP' | 'ORDINAL'
  | 'ORGANISATION' | 'PERCENTAGE' | 'PERSON' | 'POSITION' | 'PRODUCT' | 'PROJECT' | 'QUANTITY'
  | 'TIME';
export type SpanType = EntityType | 'QUOTE';

/** Stable error codes carried by BelgiError.code. */
export type ErrorCode =
  | 'invalid_argument' | 'invalid_text' | 'invalid_utf8' | 'too_large' | 'invalid_input'
  | 'invalid_model' | 'internal' | 'not_initialized' | 'load_failed';

export interface TextRange {
  start: number;
  end: number;
  /** Always equal to text.slice(start, end) in the document's offset unit. */
  text: string;
}

export interface Speaker extends TextRange {
  /** id of the PERSON span the speaker refers to. */
  entity?: string;
}

export interface Span extends TextRange {
  id: string;
  type: SpanType;
  /** Normalized TIMEX3 value of a DATE or TIME ("2023-12-05", "P3Y", "TNI"). */
  value?: string;
  score: number;
  /** "model" or "rule:<id>". */
  source: string;
  kind?: 'guillemets' | 'dash' | 'unmarked' | 'colon';
  cue?: TextRange;
  speaker?: Speaker;
}

export interface DocumentDate {
  value: string;
  source: 'option' | 'dateline';
  start?: number;
  end?: number;
  text?: string;
}

export interface Document {
  format: 'belgi/1';
  text: string;
  offsets: 'utf16' | 'codepoint';
  date: DocumentDate | null;
  spans: Span[];
}

export interface InitOptions {
  /** Where to fetch belgi-core.wasm from (default: beside the module). */
  wasmUrl?: string | URL;
  /** The module's bytes, when already at hand. */
  wasmBinary?: ArrayBuffer | Uint8Array;
}

export interface AnnotateOptions {
  /** Document date YYYY-MM-DD for relative dates; default: read from the dateline. */
  date?: string;
  /** Span types to return; default: all. */
  types?: SpanType[];
  /** Offset unit; default 'utf16'. */
  offsets?: 'utf16' | 'codepoint';
}

export interface Versions {
  core: string;
  format: string;
  model: string;
  modelFormat: number;
}

export declare class BelgiError extends Error {
  readonly code: ErrorCode;
  /** UTF-16 offset of the problem, where there is one. */
  readonly offset?: number;
}

/** Loads the WebAssembly module; idempotent. */
export declare function init(options?: InitOptions): Promise<void>;
/** Annotates one document; throws BelgiError. Call after init(). */
export declare function annotate(text: string, options?: AnnotateOptions): Document;
export interface Tokens {
  /** [start, end) of each token, in the requested unit. */
  tokens: Array<[number, number]>;
  /** For each sentence, the index after its last token. */
  sentenceEnds: number[];
}

/** Tokens and sentences as the annotator sees them; throws BelgiError. Call after init(). */
export declare function tokenize(text: string, options?: { offsets?: 'utf16' | 'codepoint' }): Tokens;
/** Versions of the core, format and model. Call after init(). */
export declare function version(): Versions;
