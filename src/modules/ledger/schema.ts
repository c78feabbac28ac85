import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Tables of the ledger module (prefix `ledger_`). Double entry: every transfer debits one account and
 * credits another for the same amount in the same currency; transfers are never updated except for
 * a pending transfer's state, and what posting or voiding it moved is itself a transfer.
 */

export const ACCOUNT_TYPES = [
  'buyer_clearing',
  'escrow',
  'seller_payable',
  'platform_fees',
  'tax_payable',
  'shipping_payable',
  'fx_position',
  /** Realised FX gains and losses: what converting a seller's share at the day's rate differed from the quote's. */
  'fx_result',
  'payout_clearing',
] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export const accounts = pgTable(
  'ledger_accounts',
  {
    id: text('id').primaryKey(),
    /** `platform`, or the owner's id (a seller's `slr_…`, a buyer's `usr_…`). */
    owner: text('owner').notNull(),
    type: text('type', { enum: ACCOUNT_TYPES }).notNull(),
    currency: text('currency', { enum: ['THB', 'CNY', 'USD'] }).notNull(),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('ledger_accounts_owner_type_currency_key').on(t.owner, t.type, t.currency)],
);

export const transfers = pgTable(
  'ledger_transfers',
  {
    /** Chosen by the caller (e.g. `ord_…:capture`): the same id twice is the same transfer. */
    id: text('id').primaryKey(),
    debit_account_id: text('debit_account_id').notNull(),
    credit_account_id: text('credit_account_id').notNull(),
    amount_minor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    currency: text('currency', { enum: ['THB', 'CNY', 'USD'] }).notNull(),
    /** `posted` moves money now; `pending` holds it (escrow) until posted or voided. */
    kind: text('kind', { enum: ['posted', 'pending', 'post_pending', 'void_pending'] }).notNull(),
    /** For post_pending / void_pending: the pending transfer they settle. */
    pending_id: text('pending_id'),
    /** For pending: what is still held (posting or voiding part of it lowers this). */
    pending_open_minor: bigint('pending_open_minor', { mode: 'bigint' }),
    code: text('code').notNull(),
    created_at: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('ledger_transfers_amount_positive', sql`${t.amount_minor} > 0`),
    check('ledger_transfers_two_accounts', sql`${t.debit_account_id} <> ${t.credit_account_id}`),
    check(
      'ledger_transfers_open_within',
      sql`${t.pending_open_minor} is null or (${t.pending_open_minor} >= 0 and ${t.pending_open_minor} <= ${t.amount_minor})`,
    ),
    index('ledger_transfers_debit_idx').on(t.debit_account_id),
    index('ledger_transfers_credit_idx').on(t.credit_account_id),
    index('ledger_transfers_pending_idx').on(t.pending_id),
  ],
);

/**
 * Cached balances, split into shards: a hot account (escrow, platform fees) is updated on a random
 * shard, so that concurrent checkouts do not queue on one row; the balance is the sum of its shards
 * and can always be rebuilt from the transfers.
 */
export const balances = pgTable(
  'ledger_balances',
  {
    account_id: text('account_id').notNull(),
    shard: integer('shard').notNull(),
    debits_posted: bigint('debits_posted', { mode: 'bigint' }).notNull(),
    credits_posted: bigint('credits_posted', { mode: 'bigint' }).notNull(),
    debits_pending: bigint('debits_pending', { mode: 'bigint' }).notNull(),
    credits_pending: bigint('credits_pending', { mode: 'bigint' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.account_id, t.shard] })],
);
