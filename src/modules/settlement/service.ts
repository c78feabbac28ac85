import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.js';
import type { Db, Tx } from '../../db/client.js';
import type { Ctx } from '../../kernel/context.js';
import { fail, ok, type Result } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { commissionRates, type PayoutStatus, payoutRuns, payouts, releases } from './schema.js';

type Queryable = Db | Tx;
export type ReleaseRow = typeof releases.$inferSelect;
export type PayoutRunRow = typeof payoutRuns.$inferSelect;
export type PayoutRow = typeof payouts.$inferSelect;

function actorId(ctx: Ctx): string | null {
  return ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.user_id : null;
}

// ---------------------------------------------------------------------------------------------
// Commission

/** Every rate set, `*` first when present. */
export async function commissionTable(q: Queryable): Promise<{ category_code: string; rate_bp: number; updated_at: Date }[]> {
  return q
    .select({ category_code: commissionRates.category_code, rate_bp: commissionRates.rate_bp, updated_at: commissionRates.updated_at })
    .from(commissionRates)
    .orderBy(asc(commissionRates.category_code));
}

/** The rate for each category asked: its own, else the `*` rate, else `fallback_bp`. */
export async function commissionRatesFor(q: Queryable, categories: readonly string[], fallback_bp: number): Promise<Map<string, number>> {
  const rows = await q
    .select()
    .from(commissionRates)
    .where(inArray(commissionRates.category_code, [...new Set([...categories, '*'])]));
  const by = new Map(rows.map((r) => [r.category_code, r.rate_bp]));
  const star = by.get('*') ?? fallback_bp;
  return new Map(categories.map((c) => [c, by.get(c) ?? star]));
}

export async function setCommissionRate(tx: Tx, ctx: Ctx, input: { category_code: string; rate_bp: number }): Promise<void> {
  const now = ctx.clock.now();
  await tx
    .insert(commissionRates)
    .values({ ...input, updated_by: actorId(ctx), updated_at: now })
    .onConflictDoUpdate({ target: commissionRates.category_code, set: { rate_bp: input.rate_bp, updated_by: actorId(ctx), updated_at: now } });
  await recordAudit(tx, { ...ctx, now }, { action: 'commission.set', entity_type: 'commission_rate', entity_id: input.category_code, after: input });
}

// ---------------------------------------------------------------------------------------------
// Releases

export type NewRelease = Omit<ReleaseRow, 'matured_at'>;

/** Records a release once per order; the second answer is `undefined` (it was released already). */
export async function recordRelease(tx: Tx, input: NewRelease): Promise<ReleaseRow | undefined> {
  const [row] = await tx
    .insert(releases)
    .values({ ...input, matured_at: null })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function releaseOf(q: Queryable, order_id: string): Promise<ReleaseRow | undefined> {
  const [row] = await q.select().from(releases).where(eq(releases.order_id, order_id));
  return row;
}

export async function releasesOfSeller(q: Queryable, seller_id: string, range?: { from: Date; to: Date }): Promise<ReleaseRow[]> {
  return q
    .select()
    .from(releases)
    .where(and(eq(releases.seller_id, seller_id), range ? sql`${releases.released_at} >= ${range.from} and ${releases.released_at} < ${range.to}` : undefined))
    .orderBy(asc(releases.released_at));
}

/** Releases whose holding period is over and whose seller share is still pending. */
export async function maturingReleases(q: Queryable, now: Date, limit: number): Promise<ReleaseRow[]> {
  return q
    .select()
    .from(releases)
    .where(and(isNull(releases.matured_at), lte(releases.available_at, now)))
    .orderBy(asc(releases.available_at))
    .limit(limit);
}

/** Marks a release matured once (the guard makes a second call a no-op). */
export async function markMatured(tx: Tx, now: Date, order_id: string): Promise<boolean> {
  const rows = await tx
    .update(releases)
    .set({ matured_at: now })
    .where(and(eq(releases.order_id, order_id), isNull(releases.matured_at)))
    .returning({ order_id: releases.order_id });
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Payout runs

export interface PlannedPayout {
  seller_id: string;
  amount_minor: bigint;
  status: 'queued' | 'held_for_review';
  destination: PayoutRow['destination'];
}

/**
 * Opens a payout run with its payouts. Only one run may be open at a time (a unique index): a
 * second start while one runs answers 409, so two runs never read the same available balance.
 */
export async function openRun(
  tx: Tx,
  ctx: Ctx,
  input: { trigger: 'admin' | 'schedule'; minimum_minor: bigint; value_date: string; items: readonly PlannedPayout[] },
): Promise<Result<PayoutRunRow>> {
  const now = ctx.clock.now();
  const run_id = newId('pyr', now.getTime());
  const [run] = await tx
    .insert(payoutRuns)
    .values({
      id: run_id,
      status: 'running',
      trigger: input.trigger,
      minimum_minor: input.minimum_minor,
      value_date: input.value_date,
      total_items: input.items.length,
      done_items: input.items.filter((i) => i.status !== 'queued').length,
      sent_minor: 0n,
      created_by: actorId(ctx),
      created_at: now,
      finished_at: null,
    })
    .onConflictDoNothing()
    .returning();
  if (!run) return fail('conflict', 'payout_run_in_progress');
  for (let i = 0; i < input.items.length; i += 500) {
    await tx.insert(payouts).values(
      input.items.slice(i, i + 500).map((item) => ({
        id: newId('pot', now.getTime()),
        run_id,
        seller_id: item.seller_id,
        amount_minor: item.amount_minor,
        status: item.status,
        destination: item.destination,
        failure_reason: item.status === 'held_for_review' ? 'payout_account_recently_changed' : null,
        created_at: now,
        updated_at: now,
      })),
    );
  }
  await recordAudit(tx, { ...ctx, now }, { action: 'payout_run.started', entity_type: 'payout_run', entity_id: run_id, after: { items: input.items.length } });
  return ok(run);
}

export async function getRun(q: Queryable, id: string): Promise<PayoutRunRow | undefined> {
  const [row] = await q.select().from(payoutRuns).where(eq(payoutRuns.id, id));
  return row;
}

export async function listRuns(q: Queryable, limit: number): Promise<PayoutRunRow[]> {
  return q.select().from(payoutRuns).orderBy(desc(payoutRuns.id)).limit(limit);
}

export async function runningRuns(q: Queryable): Promise<PayoutRunRow[]> {
  return q.select().from(payoutRuns).where(eq(payoutRuns.status, 'running'));
}

export async function payoutsOfRun(q: Queryable, run_id: string, status?: PayoutStatus): Promise<PayoutRow[]> {
  return q
    .select()
    .from(payouts)
    .where(and(eq(payouts.run_id, run_id), status ? eq(payouts.status, status) : undefined))
    .orderBy(asc(payouts.id));
}

export async function payoutsOfSeller(q: Queryable, seller_id: string, limit: number): Promise<PayoutRow[]> {
  return q.select().from(payouts).where(eq(payouts.seller_id, seller_id)).orderBy(desc(payouts.id)).limit(limit);
}

export async function lockPayout(tx: Tx, id: string): Promise<PayoutRow | undefined> {
  const [row] = await tx.select().from(payouts).where(eq(payouts.id, id)).for('update');
  return row;
}

/** Moves a payout between statuses under a guard; answers the row if it moved. */
export async function movePayout(
  tx: Tx,
  now: Date,
  input: { id: string; from: readonly PayoutStatus[]; to: PayoutStatus; failure_reason?: string | undefined },
): Promise<PayoutRow | undefined> {
  const [row] = await tx
    .update(payouts)
    .set({ status: input.to, updated_at: now, ...(input.failure_reason ? { failure_reason: input.failure_reason } : {}) })
    .where(and(eq(payouts.id, input.id), inArray(payouts.status, [...input.from])))
    .returning();
  return row;
}

/** Counts a payout as done on its run (progress), and adds what it sent. */
export async function countDone(tx: Tx, run_id: string, sent_minor: bigint): Promise<void> {
  await tx
    .update(payoutRuns)
    .set({ done_items: sql`${payoutRuns.done_items} + 1`, sent_minor: sql`${payoutRuns.sent_minor} + ${sent_minor}` })
    .where(eq(payoutRuns.id, run_id));
}

export async function finishRun(tx: Tx, ctx: Ctx, run_id: string): Promise<PayoutRunRow | undefined> {
  const now = ctx.clock.now();
  const [row] = await tx
    .update(payoutRuns)
    .set({ status: 'done', finished_at: now })
    .where(and(eq(payoutRuns.id, run_id), eq(payoutRuns.status, 'running')))
    .returning();
  if (row)
    await recordAudit(
      tx,
      { ...ctx, now },
      { action: 'payout_run.finished', entity_type: 'payout_run', entity_id: run_id, after: { sent_minor: row.sent_minor.toString() } },
    );
  return row;
}
