// Every failed call to Go is normalised here into an ApiError with a stable code.

export type ErrorCode = 'invalid' | 'not_found' | 'conflict' | 'locked' | 'cancelled' | 'internal';

const codes: readonly ErrorCode[] = ['invalid', 'not_found', 'conflict', 'locked', 'cancelled', 'internal'];

/** An error from the Go services: a code, a message for people and per-field messages. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  /** Messages keyed by the field's JSON name (e.g. "title", "dueDate"). */
  readonly fields: Record<string, string>;

  constructor(code: ErrorCode, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fromObject(o: Record<string, unknown>): ApiError | null {
  if (typeof o.message !== 'string' && typeof o.code !== 'string') return null;
  const code = codes.includes(o.code as ErrorCode) ? (o.code as ErrorCode) : 'internal';
  const fields: Record<string, string> = {};
  if (isRecord(o.fields)) {
    for (const [k, v] of Object.entries(o.fields)) {
      if (typeof v === 'string') fields[k] = v;
    }
  }
  const message = typeof o.message === 'string' && o.message !== '' ? o.message : 'Something went wrong';
  return new ApiError(code, message, fields);
}

function fromString(s: string): ApiError {
  const t = s.trim();
  if (t.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(t);
      if (isRecord(parsed)) {
        const e = fromObject(parsed);
        if (e) return e;
      }
    } catch {
      // not JSON: fall through to a plain message
    }
  }
  return new ApiError('internal', t === '' ? 'Something went wrong' : t);
}

/**
 * normaliseError turns whatever a rejected Wails call produced (the formatter's object,
 * its JSON text, an Error wrapping either, or anything else) into an ApiError.
 */
export function normaliseError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (typeof err === 'string') return fromString(err);
  if (err instanceof Error) {
    const e = fromString(err.message);
    if (e.code !== 'internal' || err.message.trim().startsWith('{')) return e;
    return new ApiError('internal', err.message || 'Something went wrong');
  }
  if (isRecord(err)) {
    const e = fromObject(err);
    if (e) return e;
  }
  return new ApiError('internal', 'Something went wrong');
}

/** The code of an error, or undefined when it is not an ApiError. */
export function errorCode(err: unknown): ErrorCode | undefined {
  return err instanceof ApiError ? err.code : undefined;
}
