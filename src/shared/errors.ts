// Errors that cross the API as data. The message is Chinese and meant for the user; code is for programs.

export type ErrorCode =
  | 'bad-input' // the caller's data cannot be stored (exit 2)
  | 'bad-args' // the API was called with arguments of the wrong shape
  | 'no-catalog' // no catalog is open
  | 'catalog' // the catalog file cannot be used (newer than the code, not a catalog…)
  | 'io' // a file cannot be read or written
  | 'cancelled'
  | 'refused' // the work is not done because errors remain (exit 1)
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** JSON path in the caller's input, where one is to blame. */
  path?: string;
  /** For bad arguments: what is wrong with the value at `path` ("太长：最多 100 个字符"), for a front end to word. */
  detail?: string;
  /** The work's key, where one is to blame. */
  work?: string;
  /** Further problems of the same input, when there were several. */
  details?: { path?: string; work?: string; message: string }[];
  /** Why a 'refused' call did not do its work, as data: each front end words the way past it in its own terms. */
  refusal?: Refusal;
}

/** A refusal the caller can override: the option of the call that does (the window's checkbox, the CLI's flag). */
export type Refusal = { kind: 'errors-remain'; errors: number; override: 'allowErrors' };

/** A failure to report as an ApiError; anything else thrown is an internal error. */
export class BaosongError extends Error {
  readonly code: ErrorCode;
  readonly info: Omit<ApiError, 'code' | 'message'>;

  constructor(code: ErrorCode, message: string, info: Omit<ApiError, 'code' | 'message'> = {}) {
    super(message);
    this.name = 'BaosongError';
    this.code = code;
    this.info = info;
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message, ...this.info };
  }
}

export class BatchError extends BaosongError {
  constructor(message: string, info: Omit<ApiError, 'code' | 'message'> = {}) {
    super('bad-input', message, info);
    this.name = 'BatchError';
  }
}

export class CatalogError extends BaosongError {
  constructor(message: string) {
    super('catalog', message);
    this.name = 'CatalogError';
  }
}
