import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, sellerBody, type TestApp, userWithToken } from '../support/app.js';
import { rowCount, tableCounts } from '../support/counts.js';

let t: TestApp;
let owner: { token: string };
beforeAll(async () => {
  t = await createTestApp();
  owner = await userWithToken(t);
});
afterAll(async () => t?.close());

const post = (url: string, token: string, key: string | undefined, payload: unknown, extra: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: bearer(token, { ...(key ? { 'idempotency-key': key } : {}), ...extra }), payload: payload as object });

describe('Idempotency-Key', () => {
  it('the same key and body replay the first response', async () => {
    const body = sellerBody();
    const first = await post('/api/v1/sellers', owner.token, 'k-replay', body);
    expect(first.statusCode).toBe(201);
    const before = await tableCounts(t.database);
    const second = await post('/api/v1/sellers', owner.token, 'k-replay', { ...body });
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect(await tableCounts(t.database)).toEqual(before);
  });

  it('compares bodies as canonical JSON (key order does not matter)', async () => {
    const body = sellerBody();
    const first = await post('/api/v1/sellers', owner.token, 'k-canonical', body);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const second = await post('/api/v1/sellers', owner.token, 'k-canonical', reordered);
    expect(second.json().id).toBe(first.json().id);
  });

  it('the same key with another body is 422 and changes nothing', async () => {
    await post('/api/v1/sellers', owner.token, 'k-other', sellerBody());
    const before = await tableCounts(t.database);
    const res = await post('/api/v1/sellers', owner.token, 'k-other', sellerBody(), { 'accept-language': 'th' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'idempotency_key_reused', title: 'Idempotency-Key นี้ถูกใช้กับคำขออื่นแล้ว' });
    expect(await tableCounts(t.database)).toEqual(before);
  });

  it('errors are replayed too', async () => {
    const body = sellerBody({ tax_id: '1101700207031' });
    const first = await post('/api/v1/sellers', owner.token, 'k-error', body);
    const second = await post('/api/v1/sellers', owner.token, 'k-error', body);
    expect(first.statusCode).toBe(400);
    expect(second.statusCode).toBe(400);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
  });

  it('concurrent duplicates create exactly one seller', async () => {
    const body = sellerBody();
    const before = await tableCounts(t.database);
    const results = await Promise.all(Array.from({ length: 8 }, () => post('/api/v1/sellers', owner.token, 'k-concurrent', body)));
    const created = results.filter((r) => r.statusCode === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.json().id)).size).toBe(1);
    for (const r of results) expect([201, 409]).toContain(r.statusCode);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().code).toBe('idempotency_key_in_progress');
    const after = await tableCounts(t.database);
    expect(rowCount(after, 'sellers_sellers')).toBe(rowCount(before, 'sellers_sellers') + 1);
    expect(rowCount(after, 'identity_organisations')).toBe(rowCount(before, 'identity_organisations') + 1);
    const replay = await post('/api/v1/sellers', owner.token, 'k-concurrent', body);
    expect(replay.json().id).toBe(created[0]?.json().id);
  });

  it('keys are scoped to the caller', async () => {
    const other = await userWithToken(t);
    const a = await post('/api/v1/sellers', owner.token, 'k-shared', sellerBody());
    const b = await post('/api/v1/sellers', other.token, 'k-shared', sellerBody());
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json().id).not.toBe(a.json().id);
  });

  it('a transition replays with its key, and is refused without one', async () => {
    const seller = (await post('/api/v1/sellers', owner.token, undefined, sellerBody())).json();
    const first = await post(`/api/v1/sellers/${seller.id}/submit`, owner.token, 'k-submit', undefined);
    const again = await post(`/api/v1/sellers/${seller.id}/submit`, owner.token, 'k-submit', undefined);
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const bare = await post(`/api/v1/sellers/${seller.id}/submit`, owner.token, undefined, undefined);
    expect(bare.statusCode).toBe(409);
    expect(bare.json().code).toBe('invalid_transition');
  });

  it.each([
    ['too long', 'x'.repeat(201)],
    ['with spaces', 'my key'],
  ])('refuses a malformed key (%s) and changes nothing', async (_name, key) => {
    const before = await tableCounts(t.database);
    const res = await post('/api/v1/sellers', owner.token, key, sellerBody());
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'Idempotency-Key' }] });
    expect(await tableCounts(t.database)).toEqual(before);
  });
});
