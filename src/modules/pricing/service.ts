import { and, desc, eq, lte } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.js';
import type { Db, Tx } from '../../db/client.js';
import { type Ctx, hasRole } from '../../kernel/context.js';
import { fail, ok, type Result } from '../../kernel/errors.js';
import { parseRate, type Rate } from './rules.js';
import { fxRates } from './schema.js';

type Queryable = Db | Tx;
export const FX_CURRENCIES = ['CNY', 'USD'] as const;
export type FxCurrency = (typeof FX_CURRENCIES)[number];

export interface FxRateView {
  currency: FxCurrency;
  rate_date: string;
  /** THB per 1 unit of `currency`, a decimal string. */
  thb_per_unit: string;
  source: string;
}

/** Sets (or corrects) the reference rate of one day. Admins only; recorded in the audit log. */
export async function setRate(
  tx: Tx,
  ctx: Ctx,
  input: { currency: FxCurrency; rate_date: string; thb_per_unit: string; source: string },
): Promise<Result<FxRateView>> {
  if (!hasRole(ctx.actor, 'admin') && ctx.actor.kind !== 'system') return fail('forbidden', 'forbidden');
  const parsed = parseRate(input.thb_per_unit);
  if (!parsed.ok) return fail('invalid', 'validation_failed', { errors: [{ path: 'thb_per_unit', code: 'fx_rate_format' }] });
  const now = ctx.clock.now();
  const row = {
    currency: input.currency,
    rate_date: input.rate_date,
    thb_per_unit: input.thb_per_unit.trim(),
    source: input.source,
    created_by: ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.user_id : null,
    created_at: now,
  };
  await tx
    .insert(fxRates)
    .values(row)
    .onConflictDoUpdate({
      target: [fxRates.currency, fxRates.rate_date],
      set: { thb_per_unit: row.thb_per_unit, source: row.source, created_by: row.created_by, created_at: now },
    });
  await recordAudit(
    tx,
    { ...ctx, now },
    {
      action: 'fx_rate.set',
      entity_type: 'fx_rate',
      entity_id: `${row.currency}:${row.rate_date}`,
      after: { thb_per_unit: row.thb_per_unit, source: row.source },
    },
  );
  return ok({ currency: row.currency, rate_date: row.rate_date, thb_per_unit: row.thb_per_unit, source: row.source });
}

/**
 * The latest rate on or before `today` that is at most `max_age_days` old, or undefined (a stale rate
 * is not used: prices are then shown in baht).
 */
export async function latestRate(q: Queryable, currency: FxCurrency, today: string, max_age_days: number): Promise<(FxRateView & { rate: Rate }) | undefined> {
  const [row] = await q
    .select()
    .from(fxRates)
    .where(and(eq(fxRates.currency, currency), lte(fxRates.rate_date, today)))
    .orderBy(desc(fxRates.rate_date))
    .limit(1);
  if (!row) return undefined;
  const age_days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${row.rate_date}T00:00:00Z`)) / 86_400_000;
  if (age_days > max_age_days) return undefined;
  const rate = parseRate(row.thb_per_unit);
  if (!rate.ok) return undefined;
  return { currency: row.currency, rate_date: row.rate_date, thb_per_unit: row.thb_per_unit, source: row.source, rate: rate.value };
}

/** The rate a quote may use: refused as stale (never silently an old one) when none is fresh enough. */
export async function quoteRate(q: Queryable, currency: FxCurrency, today: string, max_age_days: number): Promise<Result<FxRateView & { rate: Rate }>> {
  const found = await latestRate(q, currency, today, max_age_days);
  return found ? ok(found) : fail('unprocessable', 'fx_rate_stale', { params: { currency, max_days: max_age_days } });
}
