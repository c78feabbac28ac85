import { randomInt } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { fail, ok, type Result } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { type AccountType, accounts, balances, transfers } from './schema.js';

type Queryable = Db | Tx;
type Currency = 'THB' | 'CNY' | 'USD';
type TransferRow = typeof transfers.$inferSelect;

/** Shards per account balance: concurrent writers to one hot account spread over this many rows. */
export const BALANCE_SHARDS = 32;

/** The account of an owner, type and currency, opened on first use (one round trip either way). */
export async function accountOf(tx: Tx, now: Date, owner: string, type: AccountType, currency: Currency): Promise<string> {
  const result = await tx.execute(sql`
    with opened as (
      insert into ${accounts} (id, owner, type, currency, created_at)
      values (${newId('acc', now.getTime())}, ${owner}, ${type}, ${currency}, ${now})
      on conflict do nothing
      returning id)
    select id from opened
    union all
    select id from ${accounts} where owner = ${owner} and type = ${type} and currency = ${currency}
    limit 1`);
  const id = (result as unknown as { rows: { id: string }[] }).rows[0]?.id;
  if (id) return id;
  // Opened by a concurrent transaction that committed while this statement waited: its snapshot could
  // not see the row; a new statement does.
  const [found] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.owner, owner), eq(accounts.type, type), eq(accounts.currency, currency)));
  if (!found) throw new Error('ledger account vanished');
  return found.id;
}

type Column = 'debits_posted' | 'credits_posted' | 'debits_pending' | 'credits_pending';

/**
 * Balance changes gathered over a unit of work and written at its end, in account order and on one
 * shard chosen for the batch: two transactions then never wait on each other's balance rows in a
 * circle, and concurrent batches mostly land on different shards of a hot account.
 */
export class BalanceBatch {
  private readonly deltas = new Map<string, Record<Column, bigint>>();
  private readonly shard = randomInt(BALANCE_SHARDS);

  add(account_id: string, deltas: Partial<Record<Column, bigint>>): void {
    const row = this.deltas.get(account_id) ?? { debits_posted: 0n, credits_posted: 0n, debits_pending: 0n, credits_pending: 0n };
    for (const [k, v] of Object.entries(deltas) as [Column, bigint][]) row[k] += v;
    this.deltas.set(account_id, row);
  }

  async flush(tx: Tx): Promise<void> {
    const ids = [...this.deltas.keys()].sort();
    for (const account_id of ids) {
      const d = this.deltas.get(account_id);
      if (!d) continue;
      await tx
        .insert(balances)
        .values({ account_id, shard: this.shard, ...d })
        .onConflictDoUpdate({
          target: [balances.account_id, balances.shard],
          set: {
            debits_posted: sql`${balances.debits_posted} + excluded.debits_posted`,
            credits_posted: sql`${balances.credits_posted} + excluded.credits_posted`,
            debits_pending: sql`${balances.debits_pending} + excluded.debits_pending`,
            credits_pending: sql`${balances.credits_pending} + excluded.credits_pending`,
          },
        });
    }
    this.deltas.clear();
  }
}

async function bump(tx: Tx, batch: BalanceBatch | undefined, account_id: string, deltas: Partial<Record<Column, bigint>>): Promise<void> {
  if (batch) return batch.add(account_id, deltas);
  const single = new BalanceBatch();
  single.add(account_id, deltas);
  await single.flush(tx);
}

export interface TransferInput {
  readonly id: string;
  readonly debit_account_id: string;
  readonly credit_account_id: string;
  readonly amount_minor: bigint;
  readonly currency: Currency;
  readonly code: string;
  /** `pending` holds the money (escrow) until `postPending` or `voidPending`. */
  readonly pending?: boolean;
}

function sameTransfer(row: TransferRow, input: TransferInput, kind: TransferRow['kind'], pending_id: string | null): boolean {
  return (
    row.debit_account_id === input.debit_account_id &&
    row.credit_account_id === input.credit_account_id &&
    row.amount_minor === input.amount_minor &&
    row.currency === input.currency &&
    row.kind === kind &&
    row.pending_id === pending_id
  );
}

/** Inserts the transfer row once; the same id again with the same content is a replay, with other content a conflict. */
async function insertOnce(tx: Tx, row: TransferRow, input: TransferInput): Promise<Result<{ row: TransferRow; replay: boolean }>> {
  const [inserted] = await tx.insert(transfers).values(row).onConflictDoNothing().returning();
  if (inserted) return ok({ row: inserted, replay: false });
  const [existing] = await tx.select().from(transfers).where(eq(transfers.id, row.id));
  if (existing && sameTransfer(existing, input, row.kind, row.pending_id)) return ok({ row: existing, replay: true });
  return fail('conflict', 'transfer_id_reused');
}

/** Moves money from one account to another (or holds it, when pending). Both accounts must be in the transfer's currency. */
export async function transfer(tx: Tx, now: Date, input: TransferInput, batch?: BalanceBatch): Promise<Result<TransferRow>> {
  if (input.amount_minor <= 0n) return fail('invalid', 'transfer_amount_not_positive');
  if (input.debit_account_id === input.credit_account_id) return fail('invalid', 'transfer_same_account');
  const found = await tx
    .select({ id: accounts.id, currency: accounts.currency })
    .from(accounts)
    .where(sql`${accounts.id} in (${input.debit_account_id}, ${input.credit_account_id})`);
  if (found.length !== 2 || found.some((a) => a.currency !== input.currency)) return fail('invalid', 'transfer_accounts_invalid');
  const kind = input.pending ? 'pending' : 'posted';
  const once = await insertOnce(
    tx,
    {
      id: input.id,
      debit_account_id: input.debit_account_id,
      credit_account_id: input.credit_account_id,
      amount_minor: input.amount_minor,
      currency: input.currency,
      kind,
      pending_id: null,
      pending_open_minor: input.pending ? input.amount_minor : null,
      code: input.code,
      created_at: now,
    },
    input,
  );
  if (!once.ok || once.value.replay) return once.ok ? ok(once.value.row) : once;
  const [d, c] = input.pending ? (['debits_pending', 'credits_pending'] as const) : (['debits_posted', 'credits_posted'] as const);
  await bump(tx, batch, input.debit_account_id, { [d]: input.amount_minor });
  await bump(tx, batch, input.credit_account_id, { [c]: input.amount_minor });
  return ok(once.value.row);
}

/**
 * Settles part or all of a pending transfer: `post` moves that much for good (escrow released),
 * `void` gives it back (cancelled, refunded before release). Never more than is still held.
 */
export async function settlePending(
  tx: Tx,
  now: Date,
  input: { id: string; pending_id: string; action: 'post' | 'void'; amount_minor?: bigint; code: string },
  batch?: BalanceBatch,
): Promise<Result<TransferRow>> {
  const [pending] = await tx.select().from(transfers).where(eq(transfers.id, input.pending_id)).for('update');
  if (pending?.kind !== 'pending') return fail('not_found', 'pending_transfer_not_found');
  const amount = input.amount_minor ?? pending.pending_open_minor ?? 0n;
  const kind = input.action === 'post' ? 'post_pending' : 'void_pending';
  const as_input: TransferInput = {
    id: input.id,
    debit_account_id: pending.debit_account_id,
    credit_account_id: pending.credit_account_id,
    amount_minor: amount,
    currency: pending.currency,
    code: input.code,
  };
  // A replay is answered before the amount is checked against what is left (the first call used it).
  const [existing] = await tx.select().from(transfers).where(eq(transfers.id, input.id));
  if (existing) return sameTransfer(existing, as_input, kind, pending.id) ? ok(existing) : fail('conflict', 'transfer_id_reused');
  if (amount <= 0n || amount > (pending.pending_open_minor ?? 0n)) return fail('conflict', 'pending_amount_exceeds_open');
  const once = await insertOnce(tx, { ...as_input, kind, pending_id: pending.id, pending_open_minor: null, created_at: now }, as_input);
  if (!once.ok) return once;
  await tx
    .update(transfers)
    .set({ pending_open_minor: sql`${transfers.pending_open_minor} - ${amount}` })
    .where(eq(transfers.id, pending.id));
  const posted = input.action === 'post';
  await bump(tx, batch, pending.debit_account_id, { debits_pending: -amount, ...(posted ? { debits_posted: amount } : {}) });
  await bump(tx, batch, pending.credit_account_id, { credits_pending: -amount, ...(posted ? { credits_posted: amount } : {}) });
  return ok(once.value.row);
}

export interface Balance {
  debits_posted: bigint;
  credits_posted: bigint;
  debits_pending: bigint;
  credits_pending: bigint;
}

export async function balanceOf(q: Queryable, account_id: string): Promise<Balance> {
  const [row] = await q
    .select({
      debits_posted: sql<string>`coalesce(sum(${balances.debits_posted}), 0)`,
      credits_posted: sql<string>`coalesce(sum(${balances.credits_posted}), 0)`,
      debits_pending: sql<string>`coalesce(sum(${balances.debits_pending}), 0)`,
      credits_pending: sql<string>`coalesce(sum(${balances.credits_pending}), 0)`,
    })
    .from(balances)
    .where(eq(balances.account_id, account_id));
  return {
    debits_posted: BigInt(row?.debits_posted ?? 0),
    credits_posted: BigInt(row?.credits_posted ?? 0),
    debits_pending: BigInt(row?.debits_pending ?? 0),
    credits_pending: BigInt(row?.credits_pending ?? 0),
  };
}

export interface TrialBalance {
  /** Per currency: posted debits minus posted credits over all accounts (zero when the books balance), and the same for pending. */
  currencies: { currency: Currency; debits_minor: bigint; credits_minor: bigint; posted_net_minor: bigint; pending_net_minor: bigint }[];
  /** Accounts whose cached balance differs from the one rebuilt from their transfers. */
  mismatched_accounts: string[];
  balanced: boolean;
}

/** Proves the books: each currency sums to zero, and every cached balance equals the one rebuilt from the transfers. */
export async function trialBalance(q: Queryable): Promise<TrialBalance> {
  const result = await q.execute(sql`
    with effects as (
      select debit_account_id as account_id, currency,
             case when kind in ('posted', 'post_pending') then amount_minor else 0 end as dp, 0::bigint as cp,
             case kind when 'pending' then amount_minor when 'post_pending' then -amount_minor when 'void_pending' then -amount_minor else 0 end as dpe,
             0::bigint as cpe
      from ${transfers}
      union all
      select credit_account_id, currency, 0, case when kind in ('posted', 'post_pending') then amount_minor else 0 end,
             0, case kind when 'pending' then amount_minor when 'post_pending' then -amount_minor when 'void_pending' then -amount_minor else 0 end
      from ${transfers}
    ),
    rebuilt as (select account_id, min(currency) as currency, sum(dp) dp, sum(cp) cp, sum(dpe) dpe, sum(cpe) cpe from effects group by account_id),
    cached as (select account_id, sum(debits_posted) dp, sum(credits_posted) cp, sum(debits_pending) dpe, sum(credits_pending) cpe from ${balances} group by account_id)
    select
      (select coalesce(json_agg(json_build_object('currency', currency, 'debits', sum_dp::text, 'credits', sum_cp::text, 'posted', (sum_dp - sum_cp)::text, 'pending', (sum_dpe - sum_cpe)::text)), '[]'::json)
         from (select currency, sum(dp) sum_dp, sum(cp) sum_cp, sum(dpe) sum_dpe, sum(cpe) sum_cpe from rebuilt group by currency) c) as currencies,
      (select coalesce(json_agg(coalesce(r.account_id, k.account_id)), '[]'::json)
         from rebuilt r full join cached k on k.account_id = r.account_id
        where coalesce(r.dp, 0) <> coalesce(k.dp, 0) or coalesce(r.cp, 0) <> coalesce(k.cp, 0)
           or coalesce(r.dpe, 0) <> coalesce(k.dpe, 0) or coalesce(r.cpe, 0) <> coalesce(k.cpe, 0)) as mismatched`);
  const row = (result as unknown as { rows: { currencies: unknown; mismatched: unknown }[] }).rows[0];
  const parse = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
  const currencies = parse<{ currency: Currency; debits: string; credits: string; posted: string; pending: string }[]>(row?.currencies ?? '[]').map((c) => ({
    currency: c.currency,
    debits_minor: BigInt(c.debits),
    credits_minor: BigInt(c.credits),
    posted_net_minor: BigInt(c.posted),
    pending_net_minor: BigInt(c.pending),
  }));
  const mismatched_accounts = parse<string[]>(row?.mismatched ?? '[]');
  return {
    currencies,
    mismatched_accounts,
    balanced: mismatched_accounts.length === 0 && currencies.every((c) => c.posted_net_minor === 0n && c.pending_net_minor === 0n),
  };
}

/** The account of an owner, type and currency if it was ever opened (reads never open accounts). */
export async function findAccount(q: Queryable, owner: string, type: AccountType, currency: Currency): Promise<string | undefined> {
  const [row] = await q
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.owner, owner), eq(accounts.type, type), eq(accounts.currency, currency)));
  return row?.id;
}

/** Every account of a type and currency with its balance (one statement: a payout run reads all sellers at once). */
export async function balancesOfType(q: Queryable, type: AccountType, currency: Currency): Promise<(Balance & { account_id: string; owner: string })[]> {
  const rows = await q
    .select({
      account_id: accounts.id,
      owner: accounts.owner,
      debits_posted: sql<string>`coalesce(sum(${balances.debits_posted}), 0)`,
      credits_posted: sql<string>`coalesce(sum(${balances.credits_posted}), 0)`,
      debits_pending: sql<string>`coalesce(sum(${balances.debits_pending}), 0)`,
      credits_pending: sql<string>`coalesce(sum(${balances.credits_pending}), 0)`,
    })
    .from(accounts)
    .innerJoin(balances, eq(balances.account_id, accounts.id))
    .where(and(eq(accounts.type, type), eq(accounts.currency, currency)))
    .groupBy(accounts.id, accounts.owner)
    .orderBy(accounts.owner);
  return rows.map((r) => ({
    account_id: r.account_id,
    owner: r.owner,
    debits_posted: BigInt(r.debits_posted),
    credits_posted: BigInt(r.credits_posted),
    debits_pending: BigInt(r.debits_pending),
    credits_pending: BigInt(r.credits_pending),
  }));
}

/** What posted to an account, oldest first: + for credits, − for debits (a statement's lines). */
export async function postedEntries(
  q: Queryable,
  account_id: string,
  range: { until: Date },
): Promise<{ id: string; code: string; at: Date; amount_minor: bigint }[]> {
  const rows = await q
    .select()
    .from(transfers)
    .where(
      and(
        sql`(${transfers.debit_account_id} = ${account_id} or ${transfers.credit_account_id} = ${account_id})`,
        sql`${transfers.kind} in ('posted', 'post_pending')`,
        sql`${transfers.created_at} < ${range.until}`,
      ),
    )
    .orderBy(transfers.created_at, transfers.id);
  return rows.map((r) => ({ id: r.id, code: r.code, at: r.created_at, amount_minor: r.credit_account_id === account_id ? r.amount_minor : -r.amount_minor }));
}
