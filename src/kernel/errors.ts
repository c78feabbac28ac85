/** Expected failures are values with a stable code (style.md rule 8); the kind decides the HTTP status. */
export type ErrorKind =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'too_many_requests'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'internal';

export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  too_many_requests: 429,
  internal: 500,
};

export type MessageParams = Record<string, string | number>;

/** One field's problem; `path` is `tax_id` or `items[0].quantity`; the message is rendered in the caller's language later. */
export interface FieldError {
  readonly path: string;
  readonly code: string;
  readonly params?: MessageParams;
}

export interface DomainError {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly params?: MessageParams;
  readonly errors?: readonly FieldError[];
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DomainError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(kind: ErrorKind, code: string, extra: Omit<DomainError, 'kind' | 'code'> = {}): Result<T> {
  return { ok: false, error: { kind, code, ...extra } };
}

/** A validation failure on one or more fields, reported together. */
export function invalidFields<T = never>(errors: readonly FieldError[]): Result<T> {
  return fail('invalid', 'validation_failed', { errors });
}

/** Thrown to carry a domain error through code that cannot return one (a transaction callback that must roll back). */
export class DomainFailure extends Error {
  constructor(readonly error: DomainError) {
    super(error.code);
    this.name = 'DomainFailure';
  }
}

/** `a.b[0].c` from a zod-style path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}
