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
