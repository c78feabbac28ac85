import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/modules/catalogue/index.js';
import { HS_TAX_BY_CODE, POSITIVE_LIST_SUBSET } from '../../src/modules/compliance/index.js';
import { indexDocuments } from '../../src/modules/search/index.js';
import { bearer, createTestApp, sellerBody, type TestApp, userWithToken } from '../support/app.js';

/** Search through the HTTP API: languages, pinyin, traditional characters, compounds, typos, facets, eligibility. */
let t: TestApp;
let owner: { token: string };
let seller_id = '';
let fda_id = '';
const listed = new Set(POSITIVE_LIST_SUBSET.map((l) => l.hs_code));
const leaf = CATEGORIES.find((c) => c.parent !== null && c.food && c.hs_codes.some((h) => listed.has(h) && HS_TAX_BY_CODE.has(h)));
const hs = leaf?.hs_codes.find((h) => listed.has(h)) ?? '';
const ids: Record<string, string> = {};

async function product(key: string, title: { th: string; zh: string; en: string }, opts: { stock?: number; review?: boolean } = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/products',
    headers: bearer(owner.token),
    payload: {
      seller_id,
      category_code: leaf?.code,
      hs_code: hs,
      title,
      description: { th: title.th },
      variants: [{ sku: `S-${key}`, price: { amount_minor: 25_000, currency: 'THB' }, weight_g: 100 }],
      certification_ids: [fda_id],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id;
  if (opts.review !== false) {
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/products/${id}`,
      headers: bearer(owner.token),
      payload: { translations: { zh: { status: 'reviewed' }, en: { status: 'reviewed' } } },
    });
  }
  if ((opts.stock ?? 10) > 0) {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/inventory/adjustments',
      headers: bearer(owner.token),
      payload: { variant_id: res.json().variants[0].id, warehouse_code: 'GTC-BKK', delta: opts.stock ?? 10, reason: 'receipt' },
    });
  }
  ids[key] = id;
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await userWithToken(t);
  const officer = await userWithToken(t, ['compliance_officer']);
  const seller = (
    await t.app.inject({ method: 'POST', url: '/api/v1/sellers', headers: bearer(owner.token), payload: sellerBody({ province_code: 'TH-22' }) })
  ).json();
  seller_id = seller.id;
  await t.app.inject({ method: 'POST', url: `/api/v1/sellers/${seller_id}/submit`, headers: bearer(owner.token) });
  await t.app.inject({ method: 'POST', url: `/api/v1/sellers/${seller_id}/verify`, headers: bearer(officer.token) });
  const cert = (
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/certifications',
      headers: bearer(owner.token),
      payload: { seller_id, type: 'thai_fda', number: '22-1-01234-1-0007', expires_on: '2030-01-01' },
    })
  ).json();
  fda_id = cert.id;
  await t.app.inject({ method: 'POST', url: `/api/v1/certifications/${fda_id}/approve`, headers: bearer(officer.token) });
  await product('durian', { th: 'ทุเรียนหมอนทองอบกรอบ', zh: '金枕榴莲干', en: 'Crispy Monthong durian' });
  await product('mango', { th: 'มะม่วงน้ำดอกไม้อบแห้ง', zh: '芒果干', en: 'Dried Nam Dok Mai mangoes' });
  await product('no_stock', { th: 'ทุเรียนฟรีซดราย', zh: '冻干榴莲', en: 'Freeze-dried durian' }, { stock: 0 });
  await product('unreviewed', { th: 'ทุเรียนกวน', zh: '榴莲糕', en: 'Durian paste' }, { review: false });
});
afterAll(async () => t?.close());

const find = async (query: Record<string, string>) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/search?${new URLSearchParams(query)}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    total: number;
    items: { product_id: string; title: string; highlight: { ranges: [number, number][] } }[];
    facets: Record<string, { value: string; count: number }[]>;
  };
};
const found = async (query: Record<string, string>) => (await find(query)).items.map((i) => i.product_id);

describe('search', () => {
  it.each([
    ['Chinese', { q: '榴莲干', market: 'CN_CBEC' }, 'durian'],
    ['pinyin', { q: 'liulian', market: 'CN_CBEC' }, 'durian'],
    ['pinyin with tones', { q: 'liúlián', market: 'CN_CBEC' }, 'durian'],
    ['traditional characters', { q: '榴槤乾', market: 'CN_CBEC' }, 'durian'],
    ['a Thai compound', { q: 'หมอนทอง', market: 'TH' }, 'durian'],
    ['English', { q: 'durian', market: 'INTL' }, 'durian'],
    ['a swapped-letter typo', { q: 'durain', market: 'INTL' }, 'durian'],
    ['an English plural', { q: 'mango', market: 'INTL' }, 'mango'],
  ])('finds by %s', async (_name, query, key) => {
    expect(await found(query)).toContain(ids[key]);
  });

  it('returns exactly what matches', async () => {
    expect((await found({ q: 'durian', market: 'INTL' })).sort()).toEqual([ids.durian].sort());
    expect(await found({ q: 'mango', market: 'INTL' })).toEqual([ids.mango]);
    expect(await found({ q: 'ทุเรียน', market: 'TH' })).not.toContain(ids.mango);
    expect(await found({ q: 'celadon', market: 'INTL' })).toEqual([]);
  });

  it('shows the title in the market’s language and marks the match', async () => {
    const result = await find({ q: '榴莲', market: 'CN_CBEC' });
    const hit = result.items.find((i) => i.product_id === ids.durian);
    expect(hit?.title).toBe('金枕榴莲干');
    expect(hit?.highlight.ranges).toEqual([[2, 4]]);
  });

  it('never shows what is out of stock or not eligible in the market', async () => {
    expect(await found({ q: '榴莲', market: 'CN_CBEC' })).not.toContain(ids.no_stock);
    expect(await found({ q: '榴莲', market: 'CN_CBEC' })).not.toContain(ids.unreviewed);
    expect(await found({ q: 'ทุเรียน', market: 'TH' })).toContain(ids.unreviewed);
  });

  it('stops matching when the eligibility behind a document runs out (a certificate’s expiry)', async () => {
    const doc = (id: string, valid_until: Date | null) => ({
      product_id: id,
      seller_id,
      seller_name: 'x',
      province_code: 'TH-22',
      category_code: 'food.x',
      parent_category: 'food',
      otop_stars: null,
      certifications: [],
      price_min_thb_minor: 100,
      in_stock: true,
      markets: ['INTL'],
      valid_until,
      reviewed: ['th', 'en'],
      title: { th: 'ลำไยอบแห้ง', en: 'Dried longan' },
      body: [],
    });
    await t.database.db.transaction((tx) =>
      indexDocuments(tx, new Date(), [doc('prd_expired', new Date(Date.now() - 60_000)), doc('prd_current', new Date(Date.now() + 86_400_000))]),
    );
    expect(await found({ q: 'longan', market: 'INTL' })).toEqual(['prd_current']);
  });

  it('counts facets and filters by them', async () => {
    const all = await find({ q: '', market: 'TH' });
    expect(all.total).toBe(3);
    expect(all.facets.province).toEqual([{ value: 'TH-22', count: 3 }]);
    expect(all.facets.certification).toEqual([{ value: 'thai_fda', count: 3 }]);
    expect((await find({ q: '', market: 'TH', province: 'TH-50' })).total).toBe(0);
  });

  it('answers a 10,000-character query with a clear error and strips control characters', async () => {
    const long = await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${'ก'.repeat(10_000)}`, headers: { 'accept-language': 'th' } });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].path).toBe('q');
    const control = await find({ q: '\u0000\u0007榴莲\u200b', market: 'CN_CBEC' });
    expect(control.items.map((i) => i.product_id)).toContain(ids.durian);
  });
});
