import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, freshTaxId, sellerBody, type TestApp, userWithToken } from '../support/app.js';
import { rowCount, tableCounts } from '../support/counts.js';

/** Many concurrent onboarding requests with colliding tax IDs and idempotency keys: invariants hold, no 5xx. */
const REQUESTS = Number(process.env.SAPHAN_STRESS_REQUESTS ?? 400);
const CONCURRENCY = 32;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe(`onboarding under concurrency ${CONCURRENCY}`, () => {
  it(`${REQUESTS} requests: one seller per tax ID, one per idempotency key, nothing half-saved`, async () => {
    const users = await Promise.all(Array.from({ length: 8 }, () => userWithToken(t)));
    const tax_ids = Array.from({ length: Math.ceil(REQUESTS / 4) }, () => freshTaxId());
    const before = await tableCounts(t.database);
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < REQUESTS) {
        const i = next++;
        const user = users[i % users.length];
        const keyed = i % 5 === 0;
        const body = sellerBody({ tax_id: tax_ids[i % tax_ids.length] });
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/sellers',
          headers: bearer(user?.token ?? '', keyed ? { 'idempotency-key': `stress-${i % 7}` } : {}),
          payload: keyed ? sellerBody({ tax_id: tax_ids[0], legal_name_en: `key ${i % 7}` }) : body,
        });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const after = await tableCounts(t.database);
    const created = rowCount(after, 'sellers_sellers') - rowCount(before, 'sellers_sellers');
    expect(
      [...statuses.keys()].every((s) => s < 500),
      JSON.stringify([...statuses]),
    ).toBe(true);
    expect(created).toBeLessThanOrEqual(tax_ids.length);
    expect(created).toBeGreaterThan(0);
    // Every seller got an organisation and an owner membership, and no organisation was left without a seller.
    expect(rowCount(after, 'identity_organisations') - rowCount(before, 'identity_organisations')).toBe(created);
    const admin = (await userWithToken(t, ['admin'])).token;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof t.app.inject>> = await t.app.inject({
        method: 'GET',
        url: `/api/v1/sellers?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
        headers: bearer(admin),
      });
      // Lists mask personal data: read each seller for its tax ID.
      for (const item of page.json().items as { id: string }[]) {
        seen.push((await t.app.inject({ method: 'GET', url: `/api/v1/sellers/${item.id}`, headers: bearer(admin) })).json().tax_id);
      }
      cursor = page.json().next_cursor;
    } while (cursor);
    expect(seen.length).toBe(rowCount(after, 'sellers_sellers'));
    expect(new Set(seen).size).toBe(seen.length);
  });
});
