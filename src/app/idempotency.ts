import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/client.js';
import { idempotencyKeys } from '../db/schema.js';
import type { Clock } from '../kernel/clock.js';
import type { PiiCipher } from '../kernel/crypto.js';
import { LIMITS } from '../kernel/limits.js';
import { problemOf, sendProblem } from './problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { scope: string; key: string };
  }
  interface FastifyContextConfig {
    /** false: this POST does not take part in Idempotency-Key handling (login, logout, read-only checks). */
    idempotency?: boolean;
    /** false: no CSRF check (sign-in and registration have no session yet). */
    csrf?: boolean;
  }
}

/** JSON with object keys sorted, so that `{a,b}` and `{b,a}` are the same request body. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  // An uploaded file stands in the body by its digest.
  if (Buffer.isBuffer(value)) return JSON.stringify(`sha256:${createHash('sha256').update(value).digest('base64url')}`);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function scopeOf(request: FastifyRequest): string {
  const actor = request.actor;
  const who = actor.kind === 'user' || actor.kind === 'api_key' ? `usr:${actor.user_id}` : `ip:${request.ip}`;
  return `${who} ${request.method} ${request.url.split('?')[0]}`;
}

/**
 * `Idempotency-Key` on POSTs (api.md, Conventions): the same key and body replay the first answer,
 * errors included; the same key with another body is 422; a key whose first request still runs is 409.
 */
export function registerIdempotency(app: FastifyInstance, database: Database, clock: Clock, pii: PiiCipher): void {
  const db = database.db;

  app.addHook('preValidation', async (request, reply) => {
    if (request.method !== 'POST' || request.routeOptions.config.idempotency === false) return;
    const raw = request.headers['idempotency-key'];
    if (raw === undefined) return;
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!key || key.length > LIMITS.idempotency_key_chars || !/^[\x21-\x7e]+$/.test(key)) {
      return sendProblem(
        reply,
        problemOf(
          { kind: 'invalid', code: 'validation_failed', errors: [{ path: 'Idempotency-Key', code: 'invalid_format', params: {} }] },
          request.locale,
          request.id,
        ),
      );
    }
    const scope = scopeOf(request);
    const request_hash = createHash('sha256')
      .update(canonicalJson(request.body ?? null))
      .digest('base64url');
    const now = clock.now();
    const inserted = await db
      .insert(idempotencyKeys)
      .values({
        scope,
        key,
        request_hash,
        state: 'in_progress',
        created_at: now,
        locked_until: new Date(now.getTime() + LIMITS.idempotency_in_progress_timeout_ms),
      })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) {
      request.idempotency = { scope, key };
      return;
    }
    const [stored] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    if (!stored) return sendProblem(reply, problemOf({ kind: 'conflict', code: 'idempotency_key_in_progress' }, request.locale, request.id));
    if (stored.request_hash !== request_hash)
      return sendProblem(reply, problemOf({ kind: 'unprocessable', code: 'idempotency_key_reused' }, request.locale, request.id));
    if (stored.state === 'in_progress') {
      // A first attempt that died without answering is abandoned after its lock; this request takes it over.
      if (stored.locked_until < now) {
        const taken = await db
          .update(idempotencyKeys)
          .set({ locked_until: new Date(now.getTime() + LIMITS.idempotency_in_progress_timeout_ms) })
          .where(
            and(
              eq(idempotencyKeys.scope, scope),
              eq(idempotencyKeys.key, key),
              eq(idempotencyKeys.state, 'in_progress'),
              lt(idempotencyKeys.locked_until, now),
            ),
          )
          .returning({ key: idempotencyKeys.key });
        if (taken.length > 0) {
          request.idempotency = { scope, key };
          return;
        }
      }
      return sendProblem(reply, problemOf({ kind: 'conflict', code: 'idempotency_key_in_progress' }, request.locale, request.id));
    }
    reply
      .status(stored.status_code ?? 200)
      .header('content-type', stored.content_type ?? 'application/json; charset=utf-8')
      .header('idempotent-replayed', 'true');
    return reply.send(stored.response_body ? pii.decrypt(stored.response_body) : '');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = undefined;
    const where = and(eq(idempotencyKeys.scope, claim.scope), eq(idempotencyKeys.key, claim.key));
    if (reply.statusCode >= 500) {
      // A server failure is not an answer: the caller may retry with the same key.
      await db.delete(idempotencyKeys).where(where);
      return payload;
    }
    const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : '';
    const content_type = reply.getHeader('content-type');
    await db
      .update(idempotencyKeys)
      // Stored answers hold what the API returned (tax IDs, payout accounts, a new API key): encrypted like any personal data.
      .set({
        state: 'done',
        status_code: reply.statusCode,
        response_body: pii.encrypt(body),
        content_type: typeof content_type === 'string' ? content_type : null,
      })
      .where(where);
    return payload;
  });
}

/** Forgets keys older than the retention (at least 24 hours, api.md). */
export async function purgeIdempotencyKeys(database: Database, now: Date): Promise<void> {
  await database.db.delete(idempotencyKeys).where(lt(idempotencyKeys.created_at, new Date(now.getTime() - LIMITS.idempotency_ttl_ms)));
}
