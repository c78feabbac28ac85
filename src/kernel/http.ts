import type {} from '@fastify/cookie';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Actor, Ctx } from './context.js';
import { DomainFailure, type Result } from './errors.js';
import type { Locale } from './i18n.js';
import { LIMITS } from './limits.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the app's auth hook before any handler runs. */
    ctx: Ctx;
    actor: Actor;
    locale: Locale;
    /** How the caller authenticated; cookie-authenticated writes need the CSRF token. */
    auth_via: 'cookie' | 'bearer' | 'none';
    /** The session's raw token when authenticated by session (for logout). */
    session_token?: string;
    /** The session's CSRF token, when authenticated by session. */
    csrf_token?: string;
  }
}

/** Returns the value or throws the domain failure for the app's error handler to render as a problem. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new DomainFailure(result.error);
  return result.value;
}

export function send<T>(reply: FastifyReply, status: number, result: Result<T>): T {
  const value = unwrap(result);
  reply.status(status);
  return value;
}

/** Shared zod pieces for route schemas. */
export const schemas = {
  cursorPage: z.strictObject({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(LIMITS.page_size_max).default(LIMITS.page_size_default),
  }),
  problem: z
    .object({
      type: z.string(),
      title: z.string(),
      status: z.number().int(),
      detail: z.string().optional(),
      code: z.string(),
      request_id: z.string().optional(),
      errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
    })
    .meta({ id: 'Problem' }),
  shortText: (max: number = LIMITS.string_short_chars) => z.string().trim().min(1).max(max),
  /** A file field of a multipart body (the multipart plugin reads it whole into a Buffer); `code` says what is missing. */
  upload: (code: string, description: string) =>
    z.custom<Buffer>((v) => Buffer.isBuffer(v), { params: { code } }).meta({ type: 'string', format: 'binary', description }),
};

export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, schemas.problem]));
}

/** Opaque cursor for keyset pagination over ids (ids sort by creation time). */
export function encodeCursor(last_id: string): string {
  return Buffer.from(last_id, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const value = Buffer.from(cursor, 'base64url').toString('utf8');
  return /^[a-z]{2,5}_[0-9a-z]{26}$/.test(value) ? value : undefined;
}
