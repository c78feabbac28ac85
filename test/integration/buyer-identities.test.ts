import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/kernel/clock.js';
import { bearer, createTestApp, type TestApp, userWithToken } from '../support/app.js';
import { tableCounts } from '../support/counts.js';
import { buy, cnBuyer, openShop } from '../support/shop.js';

/** Buyer identities for customs: validated at the edge, encrypted at rest, only ever answered masked. */
const clock = new FakeClock('2026-11-26T03:00:00Z');
let t: TestApp;
let buyer: { token: string };
let other: { token: string };

beforeAll(async () => {
  t = await createTestApp({ clock });
  buyer = await userWithToken(t);
  other = await userWithToken(t);
});
afterAll(async () => t?.close());

describe('buyer identities', () => {
  it('keep a Chinese resident ID encrypted, answer it masked, and show it to its owner only', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/buyer-identities',
      headers: bearer(buyer.token),
      payload: { full_name: '王小明', id_type: 'cn_resident_id', id_number: '11010519491231002x', phone: '+86 138-0013-8000' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ id_type: 'cn_resident_id', full_name: '王••', id_number: '110•••••••••••••2X', phone: '••••••••••8000' });
    const id = res.json().id;
    // Nothing readable at rest: neither the number, nor the phone, nor the name.
    const stored = await t.database.db.execute(sql`select t::text as row from identity_buyer_identities t where id = ${id}`);
    const row = (stored as unknown as { rows: { row: string }[] }).rows[0]?.row ?? '';
    for (const secret of ['11010519491231002X', '8613800138000', '王小明']) expect(row).not.toContain(secret);
    const audit = await t.database.db.execute(sql`select t::text as row from platform_audit_log t where entity_id = ${id}`);
    expect(JSON.stringify(audit)).not.toContain('11010519491231002X');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/buyer-identities/${id}`, headers: bearer(buyer.token) })).json().id_number).toBe(
      '110•••••••••••••2X',
    );
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/buyer-identities/${id}`, headers: bearer(other.token) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/buyer-identities', headers: bearer(other.token) })).json().items).toEqual([]);
  });

  it('refuse a bad check character, a bad passport number and a bad phone, in the caller’s language, saving nothing', async () => {
    const before = await tableCounts(t.database);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/buyer-identities',
      headers: bearer(buyer.token, { 'accept-language': 'zh-CN' }),
      payload: { full_name: '王小明', id_type: 'cn_resident_id', id_number: '110105194912310020', phone: 'abc' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: 'id_number', code: 'cn_id_checksum', message: '身份证号校验码错误' },
      { path: 'phone', code: 'phone_format', message: '电话号码格式错误' },
    ]);
    const passport = await t.app.inject({
      method: 'POST',
      url: '/api/v1/buyer-identities',
      headers: bearer(buyer.token),
      payload: { full_name: 'John Smith', id_type: 'passport', id_number: 'x!', phone: '+14155550100' },
    });
    expect(passport.json().errors[0]).toMatchObject({ path: 'id_number', code: 'passport_format' });
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/buyer-identities',
      payload: { full_name: 'John Smith', id_type: 'passport', id_number: 'E12345678', phone: '+14155550100' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await tableCounts(t.database)).toEqual(before);
  });
});

describe('a buyer’s rights over an identity', () => {
  it('exports everything held, unmasked, and erases: deleted when unused, kept for customs when orders used it', async () => {
    const shop = await openShop(t, { date: '2026-11-26' });
    const item = await shop.list({ sku: 'RIGHTS-1', satang: 50_000, stock: 5 });
    const buyer = await cnBuyer(t);
    const copy = await t.app.inject({ method: 'GET', url: `/api/v1/buyer-identities/${buyer.identity_id}/export`, headers: bearer(buyer.token) });
    expect(copy.json()).toMatchObject({ full_name: '王小明', id_number: '11010519491231002X', phone: '+8613800138000', orders: [] });
    expect(copy.headers['cache-control']).toBe('no-store');
    const bought = await buy(t, buyer, { market: 'CN_CBEC', items: [{ variant_id: item.variant_id, quantity: 1 }], method: 'wallet' });
    expect(bought.checkout.statusCode).toBe(201);
    const erased = await t.app.inject({ method: 'DELETE', url: `/api/v1/buyer-identities/${buyer.identity_id}`, headers: bearer(buyer.token) });
    expect(erased.json()).toMatchObject({ erased: ['phone'], kept: ['full_name', 'id_number'], reason: 'customs_records_retention' });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/buyer-identities/${buyer.identity_id}`, headers: bearer(buyer.token) })).statusCode).toBe(404);
    const unused = await cnBuyer(t);
    const gone = await t.app.inject({ method: 'DELETE', url: `/api/v1/buyer-identities/${unused.identity_id}`, headers: bearer(unused.token) });
    expect(gone.json()).toMatchObject({ erased: ['full_name', 'id_number', 'phone'], kept: [], reason: null });
  });
});

describe('PII key rotation', () => {
  it('rewrites every buyer identity, seller and address under the new key; the new ring reads them and finds them by blind index', async () => {
    const { buyerIdentities } = await import('../../src/modules/identity/schema.js');
    const identity = await import('../../src/modules/identity/index.js');
    const sellers = await import('../../src/modules/sellers/index.js');
    const orders = await import('../../src/modules/orders/index.js');
    const { createPiiCipher } = await import('../../src/kernel/crypto.js');
    const { TEST_PII_KEY } = await import('../support/app.js');
    const person = await cnBuyer(t, '11010519491231002X');
    const ring = createPiiCipher('new-pii-key-for-rotation-0123456789abcdef', { previous: [TEST_PII_KEY] });
    const rewritten =
      (await identity.rotatePii(t.database.db, ring)) + (await sellers.rotatePii(t.database.db, ring)) + (await orders.rotatePii(t.database.db, ring));
    expect(rewritten).toBeGreaterThan(0);
    expect(await identity.rotatePii(t.database.db, ring)).toBe(0);
    const [row] = await t.database.db.select().from(buyerIdentities).where(sql`${buyerIdentities.id} = ${person.identity_id}`);
    const alone = createPiiCipher('new-pii-key-for-rotation-0123456789abcdef', { index_key: TEST_PII_KEY });
    expect(alone.decrypt(row?.id_number_encrypted ?? '')).toBe('11010519491231002X');
    expect(row?.id_number_index).toBe(alone.blindIndex('cn_resident_id:11010519491231002X', 'buyer_id_number'));
  });
});
