import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import * as ledger from '../../src/modules/ledger/index.js';
import { bearer, createTestApp, userWithToken } from '../support/app.js';
import { createTestDatabase } from '../support/db.js';

/** The ledger's invariants, on the real database: balanced per currency, cached = rebuilt, holds never overdrawn, ids idempotent. */
let database: Database;
const now = new Date('2026-11-26T03:00:00Z');
let buyer = '';
let escrow = '';
let seller = '';
let fees = '';
let escrow_thb = '';

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.transaction(async (tx) => {
    buyer = await ledger.accountOf(tx, now, 'usr_buyer', 'buyer_clearing', 'CNY');
    escrow = await ledger.accountOf(tx, now, 'platform', 'escrow', 'CNY');
    seller = await ledger.accountOf(tx, now, 'slr_1', 'seller_payable', 'CNY');
    fees = await ledger.accountOf(tx, now, 'platform', 'platform_fees', 'CNY');
    escrow_thb = await ledger.accountOf(tx, now, 'platform', 'escrow', 'THB');
  });
});
afterAll(async () => database?.close());

const run = <T>(fn: (tx: Parameters<Parameters<Database['db']['transaction']>[0]>[0]) => Promise<T>) => database.db.transaction(fn);

describe('transfers', () => {
  it('opens an account once per owner, type and currency', async () => {
    expect(await run((tx) => ledger.accountOf(tx, now, 'platform', 'escrow', 'CNY'))).toBe(escrow);
  });

  it('holds money in escrow, posts part, voids the rest, and replays an id instead of applying it twice', async () => {
    const held = await run((tx) =>
      ledger.transfer(tx, now, {
        id: 'ord_1:hold',
        debit_account_id: buyer,
        credit_account_id: escrow,
        amount_minor: 10_000n,
        currency: 'CNY',
        code: 'checkout',
        pending: true,
      }),
    );
    expect(held.ok).toBe(true);
    const again = await run((tx) =>
      ledger.transfer(tx, now, {
        id: 'ord_1:hold',
        debit_account_id: buyer,
        credit_account_id: escrow,
        amount_minor: 10_000n,
        currency: 'CNY',
        code: 'checkout',
        pending: true,
      }),
    );
    expect(again.ok).toBe(true);
    const other = await run((tx) =>
      ledger.transfer(tx, now, {
        id: 'ord_1:hold',
        debit_account_id: buyer,
        credit_account_id: escrow,
        amount_minor: 9_999n,
        currency: 'CNY',
        code: 'checkout',
        pending: true,
      }),
    );
    expect(other).toMatchObject({ ok: false, error: { code: 'transfer_id_reused' } });
    expect(await ledger.balanceOf(database.db, escrow)).toMatchObject({ credits_pending: 10_000n, credits_posted: 0n });

    const post = await run((tx) =>
      ledger.settlePending(tx, now, { id: 'ord_1:release', pending_id: 'ord_1:hold', action: 'post', amount_minor: 7_000n, code: 'release' }),
    );
    expect(post.ok).toBe(true);
    const replay = await run((tx) =>
      ledger.settlePending(tx, now, { id: 'ord_1:release', pending_id: 'ord_1:hold', action: 'post', amount_minor: 7_000n, code: 'release' }),
    );
    expect(replay.ok).toBe(true);
    const too_much = await run((tx) =>
      ledger.settlePending(tx, now, { id: 'ord_1:over', pending_id: 'ord_1:hold', action: 'post', amount_minor: 3_001n, code: 'release' }),
    );
    expect(too_much).toMatchObject({ ok: false, error: { code: 'pending_amount_exceeds_open' } });
    const rest = await run((tx) => ledger.settlePending(tx, now, { id: 'ord_1:refund', pending_id: 'ord_1:hold', action: 'void', code: 'refund' }));
    expect(rest.ok && rest.value.amount_minor).toBe(3_000n);
    expect(await ledger.balanceOf(database.db, escrow)).toMatchObject({ credits_pending: 0n, credits_posted: 7_000n });
    expect((await ledger.trialBalance(database.db)).balanced).toBe(true);
  });

  it('refuses a transfer across currencies, to the same account, or of nothing', async () => {
    const cross = await run((tx) =>
      ledger.transfer(tx, now, { id: 'x1', debit_account_id: escrow, credit_account_id: escrow_thb, amount_minor: 1n, currency: 'CNY', code: 't' }),
    );
    expect(cross).toMatchObject({ ok: false, error: { code: 'transfer_accounts_invalid' } });
    const same = await run((tx) =>
      ledger.transfer(tx, now, { id: 'x2', debit_account_id: escrow, credit_account_id: escrow, amount_minor: 1n, currency: 'CNY', code: 't' }),
    );
    expect(same).toMatchObject({ ok: false, error: { code: 'transfer_same_account' } });
    const zero = await run((tx) =>
      ledger.transfer(tx, now, { id: 'x3', debit_account_id: buyer, credit_account_id: escrow, amount_minor: 0n, currency: 'CNY', code: 't' }),
    );
    expect(zero).toMatchObject({ ok: false, error: { code: 'transfer_amount_not_positive' } });
  });
});

describe('invariants (property)', () => {
  it('any mix of holds, releases, refunds and payouts keeps every currency at zero and the cached balances equal to the rebuilt ones', async () => {
    let seq = 0;
    const step = fc.record({
      amount: fc.bigInt({ min: 1n, max: 50_000n }),
      release_bp: fc.integer({ min: 0, max: 10_000 }),
      fee_bp: fc.integer({ min: 0, max: 1_500 }),
      refund: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        for (const s of steps) {
          seq += 1;
          const hold = `p${seq}:hold`;
          await run(async (tx) => {
            const held = await ledger.transfer(tx, now, {
              id: hold,
              debit_account_id: buyer,
              credit_account_id: escrow,
              amount_minor: s.amount,
              currency: 'CNY',
              code: 'checkout',
              pending: true,
            });
            expect(held.ok).toBe(true);
            const release = (s.amount * BigInt(s.release_bp)) / 10_000n;
            if (release > 0n)
              expect(
                (await ledger.settlePending(tx, now, { id: `p${seq}:post`, pending_id: hold, action: 'post', amount_minor: release, code: 'release' })).ok,
              ).toBe(true);
            if (s.refund && release < s.amount)
              expect((await ledger.settlePending(tx, now, { id: `p${seq}:void`, pending_id: hold, action: 'void', code: 'refund' })).ok).toBe(true);
            const fee = (release * BigInt(s.fee_bp)) / 10_000n;
            if (fee > 0n)
              expect(
                (
                  await ledger.transfer(tx, now, {
                    id: `p${seq}:fee`,
                    debit_account_id: escrow,
                    credit_account_id: fees,
                    amount_minor: fee,
                    currency: 'CNY',
                    code: 'fee',
                  })
                ).ok,
              ).toBe(true);
            if (release - fee > 0n) {
              const paid = await ledger.transfer(tx, now, {
                id: `p${seq}:seller`,
                debit_account_id: escrow,
                credit_account_id: seller,
                amount_minor: release - fee,
                currency: 'CNY',
                code: 'release',
              });
              expect(paid.ok).toBe(true);
            }
          });
        }
        const trial = await ledger.trialBalance(database.db);
        return trial.balanced && trial.mismatched_accounts.length === 0;
      }),
      { numRuns: 15 },
    );
  });

  it('concurrent transfers into one hot account lose nothing', async () => {
    const before = await ledger.balanceOf(database.db, fees);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        run((tx) =>
          ledger.transfer(tx, now, { id: `hot:${i}`, debit_account_id: buyer, credit_account_id: fees, amount_minor: 100n, currency: 'CNY', code: 'hot' }),
        ),
      ),
    );
    const after = await ledger.balanceOf(database.db, fees);
    expect(after.credits_posted - before.credits_posted).toBe(4_000n);
    expect((await ledger.trialBalance(database.db)).balanced).toBe(true);
  });
});

describe('GET /ledger/trial-balance', () => {
  it('proves the books to admins only', async () => {
    const t = await createTestApp();
    try {
      const admin = await userWithToken(t, ['admin']);
      const someone = await userWithToken(t);
      await t.database.db.transaction(async (tx) => {
        const a = await ledger.accountOf(tx, now, 'usr_x', 'buyer_clearing', 'THB');
        const b = await ledger.accountOf(tx, now, 'platform', 'escrow', 'THB');
        await ledger.transfer(tx, now, {
          id: 'tb:1',
          debit_account_id: a,
          credit_account_id: b,
          amount_minor: 12_345n,
          currency: 'THB',
          code: 'checkout',
          pending: true,
        });
      });
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/ledger/trial-balance', headers: bearer(admin.token) });
      const thb = (amount_minor: number) => ({ amount_minor, currency: 'THB' });
      expect(res.json()).toEqual({
        balanced: true,
        currencies: [{ currency: 'THB', debits: thb(0), credits: thb(0), net: thb(0), pending_net: thb(0), posted_net_minor: '0', pending_net_minor: '0' }],
        mismatched_accounts: [],
      });
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/ledger/trial-balance', headers: bearer(someone.token) })).statusCode).toBe(403);
    } finally {
      await t.close();
    }
  });
});
