import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/kernel/clock.js';
import * as pricing from '../../src/modules/pricing/index.js';
import { bearer, createTestApp, sellerBody, type TestApp, userWithToken } from '../support/app.js';
import { multipart } from '../support/upload.js';

/** Reference FX rates and prices in the viewer's currency in search (with the price facet). */
const clock = new FakeClock('2026-11-26T03:00:00Z');
let t: TestApp;
let admin: { token: string };
let owner: { token: string };

async function listScarf(sku: string, satang: number): Promise<string> {
  const seller_id = (await t.app.inject({ method: 'GET', url: '/api/v1/sellers?limit=1', headers: bearer(owner.token) })).json().items[0].id;
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/products',
    headers: bearer(owner.token),
    payload: {
      seller_id,
      category_code: 'textile.silk_scarves',
      hs_code: '62141000',
      title: { th: 'ผ้าพันคอไหมแพรวา', en: 'Praewa silk scarf' },
      description: { th: 'ทอมือ' },
      variants: [{ sku, price: { amount_minor: satang, currency: 'THB' }, weight_g: 150 }],
    },
  });
  const id = created.json().id;
  await t.app.inject({
    method: 'PATCH',
    url: `/api/v1/products/${id}`,
    headers: bearer(owner.token),
    payload: { translations: { en: { status: 'reviewed' } } },
  });
  const variant_id = created.json().variants[0].id;
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/inventory/adjustments',
    headers: bearer(owner.token),
    payload: { variant_id, warehouse_code: 'GTC-BKK', delta: 5, reason: 'opening' },
  });
  return id;
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await userWithToken(t, ['admin']);
  const officer = await userWithToken(t, ['compliance_officer']);
  owner = await userWithToken(t);
  const seller = (await t.app.inject({ method: 'POST', url: '/api/v1/sellers', headers: bearer(owner.token), payload: sellerBody() })).json();
  await t.app.inject({ method: 'POST', url: `/api/v1/sellers/${seller.id}/submit`, headers: bearer(owner.token) });
  await t.app.inject({ method: 'POST', url: `/api/v1/sellers/${seller.id}/verify`, headers: bearer(officer.token) });
  await listScarf('PRAEWA-1', 89_000); // ฿890.00
  await listScarf('PRAEWA-2', 250_000); // ฿2,500.00
});
afterAll(async () => t?.close());

describe('reference rates', () => {
  it('are set by admins only, as exact decimals', async () => {
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/fx-rates',
      headers: bearer(owner.token),
      payload: { currency: 'USD', rate_date: '2026-11-25', thb_per_unit: '32.5' },
    });
    expect(refused.statusCode).toBe(403);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/fx-rates',
      headers: bearer(admin.token, { 'accept-language': 'th' }),
      payload: { currency: 'USD', rate_date: '2026-11-25', thb_per_unit: '32,5' },
    });
    expect(bad.json().errors[0]).toMatchObject({ path: 'thb_per_unit', code: 'fx_rate_format' });
  });

  it('show search prices in baht while no fresh rate is known', async () => {
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/v1/fx-rates',
      headers: bearer(admin.token),
      payload: { currency: 'USD', rate_date: '2026-11-20', thb_per_unit: '33.0000', source: 'BOT' },
    });
    expect(old.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/fx-rates' })).json().items).toEqual([]);
    const res = (await t.app.inject({ method: 'GET', url: '/api/v1/search?market=INTL&q=praewa' })).json();
    expect(res.currency).toBe('THB');
    expect(res.items.map((i: { price: { amount_minor: number } }) => i.price.amount_minor).sort()).toEqual([250_000, 89_000].sort());
  });
});

describe('prices in the viewer’s currency', () => {
  it('converts with the day’s rate (half-up to the cent) and filters and buckets in that currency', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/fx-rates',
      headers: bearer(admin.token),
      payload: { currency: 'USD', rate_date: '2026-11-26', thb_per_unit: '32.4100', source: 'BOT' },
    });
    // The answer cache and the per-process rate cache hold a minute at most.
    clock.advance(61_000);
    const res = (await t.app.inject({ method: 'GET', url: '/api/v1/search?market=INTL&q=scarf' })).json();
    expect(res.currency).toBe('USD');
    // ฿890.00 / 32.41 = $27.4606… → 2,746 cents; ฿2,500.00 / 32.41 = $77.1367… → 7,714 cents.
    expect(res.items.map((i: { price: { amount_minor: number; currency: string } }) => [i.price.amount_minor, i.price.currency]).sort()).toEqual([
      [2_746, 'USD'],
      [7_714, 'USD'],
    ]);
    expect(res.facets.price).toEqual([
      { value: '2000-5000', count: 1 },
      { value: '5000-10000', count: 1 },
    ]);
    const cheap = (await t.app.inject({ method: 'GET', url: '/api/v1/search?market=INTL&q=scarf&price_max=5000' })).json();
    expect(cheap.items.map((i: { price: { amount_minor: number } }) => i.price.amount_minor)).toEqual([2_746]);
    // The facet counts without its own filter, so a shopper can widen the range again.
    expect(cheap.facets.price).toHaveLength(2);
    const thai = (await t.app.inject({ method: 'GET', url: '/api/v1/search?market=TH&q=scarf' })).json();
    expect(thai.currency).toBe('THB');
  });
});

describe('rates from the Bank of Thailand’s CSV', () => {
  async function importCsv(text: string, token = admin.token) {
    const body = await multipart({ source: 'BOT' }, { name: 'rates.csv', bytes: Buffer.from(text) });
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/fx-rates/import',
      headers: bearer(token, { 'content-type': body.content_type, 'accept-language': 'th' }),
      payload: body.payload,
    });
  }

  it('imports every row or none, admins only', async () => {
    const ok = await importCsv('Period,Currency ID,Mid Rate\n2026-11-24,CNY,4.5190\n2026-11-25,CNY,4.5231\n2026-11-25,JPY,21.3\n');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().imported).toBe(2);
    const bad = await importCsv('date,currency,thb_per_unit\n2026-11-26,CNY,4.6\n2026-11-26,USD,abc\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: 'row 3', code: 'fx_rate_format', message: 'อัตราแลกเปลี่ยนต้องเป็นตัวเลขทศนิยมบวก เช่น 4.8523' }]);
    expect((await importCsv('date,currency,thb_per_unit\n2026-11-26,CNY,4.6\n', owner.token)).statusCode).toBe(403);
    const rates = (await t.app.inject({ method: 'GET', url: '/api/v1/fx-rates' })).json().items;
    expect(rates.find((r: { currency: string }) => r.currency === 'CNY')).toMatchObject({ rate_date: '2026-11-25', thb_per_unit: '4.5231', source: 'BOT' });
  });

  it('a quote refuses a stale rate instead of using it', async () => {
    const fresh = await pricing.quoteRate(t.database.db, 'CNY', '2026-11-26', 4);
    expect(fresh.ok && fresh.value.thb_per_unit).toBe('4.5231');
    const later = await pricing.quoteRate(t.database.db, 'CNY', '2026-12-05', 4);
    expect(later).toMatchObject({ ok: false, error: { code: 'fx_rate_stale', params: { currency: 'CNY', max_days: 4 } } });
  });
});
