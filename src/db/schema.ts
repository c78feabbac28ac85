import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Platform tables: not owned by a business module. Prefix `platform_`. */

/** Stored answers for `Idempotency-Key` (api.md, Conventions). Scope = caller + method + path. */
export const idempotencyKeys = pgTable(
  'platform_idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    request_hash: text('request_hash').notNull(),
    state: text('state', { enum: ['in_progress', 'done'] }).notNull(),
    status_code: integer('status_code'),
    content_type: text('content_type'),
    response_body: text('response_body'),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
    locked_until: timestamp('locked_until', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('platform_idempotency_created_idx').on(t.created_at)],
);

/** Append-only record of every state change: who, what, when, before and after. */
export const auditLog = pgTable(
  'platform_audit_log',
  {
    id: text('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actor_id: text('actor_id'),
    actor_kind: text('actor_kind', { enum: ['user', 'api_key', 'system', 'anonymous'] }).notNull(),
    request_id: text('request_id'),
    action: text('action').notNull(),
    entity_type: text('entity_type').notNull(),
    entity_id: text('entity_id').notNull(),
    org_id: text('org_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('platform_audit_entity_idx').on(t.entity_type, t.entity_id, t.at)],
);

/** Mails the sandbox "sends": the web app shows them at /sandbox/mail. */
export const mailOutbox = pgTable('platform_mail_outbox', {
  id: text('id').primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  to_address: text('to_address').notNull(),
  subject: text('subject').notNull(),
  body_text: text('body_text').notNull(),
});

/** Key/value facts about this database: the seed marker lives here. */
export const meta = pgTable('platform_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updated_at: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/**
 * Background jobs (imports now; payouts and customs submissions later): durable rows that any app
 * process may claim, so that a job survives a restart and is resumed. Progress and row errors are
 * written as the job runs; errors keep a message code and are worded in the reader's language.
 */
export const jobs = pgTable(
  'platform_jobs',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    org_id: text('org_id'),
    created_by: text('created_by').notNull(),
    status: text('status', { enum: ['queued', 'running', 'succeeded', 'failed'] }).notNull(),
    input: jsonb('input').$type<Record<string, unknown>>().notNull(),
    progress_done: integer('progress_done').notNull(),
    progress_total: integer('progress_total').notNull(),
    errors: jsonb('errors').$type<JobRowError[]>().notNull(),
    error_count: integer('error_count').notNull(),
    summary: jsonb('summary').$type<Record<string, number>>().notNull(),
    failure_code: text('failure_code'),
    attempts: integer('attempts').notNull(),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
    started_at: timestamp('started_at', { withTimezone: true }),
    heartbeat_at: timestamp('heartbeat_at', { withTimezone: true }),
    finished_at: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('platform_jobs_org_idx').on(t.org_id, t.created_at), index('platform_jobs_status_idx').on(t.status, t.heartbeat_at)],
);

export interface JobRowError {
  readonly row: number;
  readonly path: string;
  readonly code: string;
  readonly params?: Record<string, string | number>;
}
