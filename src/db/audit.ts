import type { Actor } from '../kernel/context.js';
import { newId } from '../kernel/ids.js';
import type { Tx } from './client.js';
import { auditLog } from './schema.js';

export interface AuditEntry {
  readonly action: string;
  readonly entity_type: string;
  readonly entity_id: string;
  readonly org_id?: string | null;
  /** Snapshots must hold no secrets and only masked personal data. */
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Appends to the audit log inside the caller's transaction, so the record commits with the change or not at all. */
export async function recordAudit(tx: Tx, ctx: AuditCtx, entry: AuditEntry): Promise<void> {
  await recordAudits(tx, ctx, [entry]);
}

type AuditCtx = { actor: Actor; request_id?: string | undefined; now: Date };

/** Several entries in one statement (bulk paths: imports). */
export async function recordAudits(tx: Tx, ctx: AuditCtx, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditLog).values(
    entries.map((entry) => ({
      id: newId('aud', ctx.now.getTime()),
      at: ctx.now,
      actor_id: ctx.actor.kind === 'anonymous' || ctx.actor.kind === 'system' ? null : ctx.actor.user_id,
      actor_kind: ctx.actor.kind,
      request_id: ctx.request_id ?? null,
      action: entry.action,
      entity_type: entry.entity_type,
      entity_id: entry.entity_id,
      org_id: entry.org_id ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })),
  );
}
