import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/kernel/clock.js';
import { CATEGORIES } from '../../src/modules/catalogue/index.js';
import { HS_TAX_BY_CODE, POSITIVE_LIST_SUBSET } from '../../src/modules/compliance/index.js';
import { bearer, createTestApp, sellerBody, type TestApp, userWithToken } from '../support/app.js';
import { tableCounts } from '../support/counts.js';

/** Listing, certificates, eligibility and stock through the HTTP API. */
const clock = new FakeClock('2026-11-26T03:00:00Z');
let t: TestApp;
let owner: { token: string };
let officer: { token: string };
let seller_id = '';
let fda_id = '';

const listed = new Set(POSITIVE_LIST_SUBSET.map((l) => l.hs_code));
const foodLeaf = CATEGORIES.find((c) => c.parent !== null && c.food && c.hs_codes.some((h) => listed.has(h) && HS_TAX_BY_CODE.has(h)));
const onList = foodLeaf?.hs_codes.find((h) => listed.has(h)) ?? '';

async function verifiedSeller(token: string): Promise<string> {
  const seller = (await t.app.inject({ method: 'POST', url: '/api/v1/sellers', headers: bearer(token), payload: sellerBody() })).json();
  await t.app.inject({ method: 'POST', url: `/api/v1/sellers/${seller.id}/submit`, headers: bearer(token) });
  await t.app.inject({ method: 'POST', url: `/api/v1/sellers/${seller.id}/verify`, headers: bearer(officer.token) });
  return seller.id;
}

async function approvedFda(token: string, sid: string, expires_on = '2027-12-31'): Promise<string> {
  const cert = await t.app.inject({
    method: 'POST',
    url: '/api/v1/certifications',
    headers: bearer(token),
    payload: { seller_id: sid, type: 'thai_fda', number: '10-1-03358-1-0001', issuer: 'อย.', issued_on: '2025-01-10', expires_on },
  });
  expect(cert.statusCode, cert.body).toBe(201);
  const approved = await t.app.inject({ method: 'POST', url: `/api/v1/certifications/${cert.json().id}/approve`, headers: bearer(officer.token) });
  expect(approved.json().status).toBe('approved');
  return cert.json().id;
}

function productBody(overrides: Record<string, unknown> = {}) {
  return {
    seller_id,
    category_code: foodLeaf?.code,
    hs_code: onList,
    title: { th: 'ทุเรียนอบกรอบหมอนทอง' },
    description: { th: '<p>ทุเรียนหมอนทองจากจันทบุรี อบกรอบ</p>' },
    attributes: { ingredients: { th: 'ทุเรียนหมอนทอง 100%' }, shelf_life_days: 365 },
    variants: [
      {
        sku: `DUR-${Math.random().toString(36).slice(2, 8)}`,
        price: { amount_minor: 35_000, currency: 'THB' },
        weight_g: 120,
        net_content: { amount: 100, unit: 'g' },
      },
    ],
    certification_ids: [fda_id],
    ...overrides,
  };
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  owner = await userWithToken(t);
  officer = await userWithToken(t, ['compliance_officer']);
  seller_id = await verifiedSeller(owner.token);
  fda_id = await approvedFda(owner.token, seller_id);
});
afterAll(async () => t?.close());

describe('reference data used by these tests', () => {
  it('has a food sub-category with an HS line on the positive list', () => {
    expect(foodLeaf).toBeDefined();
    expect(onList).toMatch(/^\d{8}$/);
  });
});

describe('listing a product in Thai', () => {
  it('drafts Chinese and English from the glossary and explains eligibility per market', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/products',
      headers: bearer(owner.token, { 'accept-language': 'th' }),
      payload: productBody(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p.id).toMatch(/^prd_/);
    expect(p.variants[0].id).toMatch(/^var_/);
    expect(p.title.zh).toBeTruthy();
    expect(p.translations.zh.status).toBe('draft');
    expect(p.eligibility.TH).toMatchObject({ eligible: true, reasons: [] });
    expect(p.eligibility.CN_CBEC.eligible).toBe(false);
    expect(p.eligibility.CN_CBEC.reasons).toContainEqual({ code: 'translation_zh_not_reviewed', message: 'ชื่อภาษาจีนยังไม่ได้ตรวจทาน' });
    expect(p.eligibility.CN_CBEC.rules_version).toContain('rules-');

    const reviewed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/products/${p.id}`,
      headers: bearer(owner.token, { 'accept-language': 'zh' }),
      payload: { translations: { zh: { status: 'reviewed' } } },
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json().translations.zh.status).toBe('reviewed');
    expect(reviewed.json().eligibility.CN_CBEC).toMatchObject({ eligible: true, reasons: [] });
    expect(reviewed.json().eligibility.INTL.reasons[0]).toEqual({ code: 'translation_en_not_reviewed', message: '英文标题尚未审核' });

    // New Thai text sends the translations back to review.
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/products/${p.id}`,
      headers: bearer(owner.token),
      payload: { title: { th: 'ทุเรียนหมอนทองฟรีซดราย' } },
    });
    expect(edited.json().translations.zh.status).not.toBe('reviewed');
    expect(edited.json().eligibility.CN_CBEC.eligible).toBe(false);

    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/products/${p.id}` });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json().seller).toMatchObject({ id: seller_id, province_code: 'TH-22' });
    expect(anonymous.json().certificates).toEqual([{ type: 'thai_fda', number: '10-1-03358-1-0001', stars: null, expires_on: '2027-12-31' }]);
  });

  it('a compliance officer may approve a translation but not edit the listing; other sellers cannot touch it', async () => {
    const p = (await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: bearer(owner.token), payload: productBody() })).json();
    const approve = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/products/${p.id}`,
      headers: bearer(officer.token),
      payload: { translations: { en: { status: 'reviewed' } } },
    });
    expect(approve.statusCode).toBe(200);
    const edit = await t.app.inject({ method: 'PATCH', url: `/api/v1/products/${p.id}`, headers: bearer(officer.token), payload: { title: { th: 'x' } } });
    expect(edit.statusCode).toBe(403);
    const stranger = await userWithToken(t);
    const other = await t.app.inject({ method: 'PATCH', url: `/api/v1/products/${p.id}`, headers: bearer(stranger.token), payload: { title: { th: 'x' } } });
    expect(other.statusCode).toBe(404);
  });

  it('a certificate that expires stops counting on its expiry date', async () => {
    const short = await approvedFda(owner.token, seller_id, '2026-11-28');
    const p = (
      await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: bearer(owner.token), payload: productBody({ certification_ids: [short] }) })
    ).json();
    expect(p.eligibility.TH.eligible).toBe(true);
    clock.advance(3 * 24 * 3_600_000);
    const later = await t.app.inject({ method: 'GET', url: `/api/v1/products/${p.id}`, headers: bearer(owner.token) });
    expect(later.json().eligibility.TH.reasons.map((r: { code: string }) => r.code)).toEqual(['fda_missing']);
    // Sellable nowhere now: the public sees no such product.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/products/${p.id}` })).statusCode).toBe(404);
  });
});

describe('stored decisions', () => {
  it('are made again when the category’s rules they used have changed (catalogue data, like a rules version)', async () => {
    const p = (await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: bearer(owner.token), payload: productBody() })).json();
    // As if the category had been, say, non-food when the decision was stored.
    await t.database.db.execute(
      sql`update compliance_eligibility set details = jsonb_set(details, '{category_rules}', '"x:nonfood:"'), computed_at = '2026-01-01' where product_id = ${p.id}`,
    );
    const read = (await t.app.inject({ method: 'GET', url: `/api/v1/products/${p.id}` })).json();
    expect(read.eligibility.TH.details.category_rules).toBe(`${foodLeaf?.code}:food:${[...(foodLeaf?.prohibited_markets ?? [])].sort().join(',')}`);
    const rows = await t.database.db.execute(sql`select computed_at from compliance_eligibility where product_id = ${p.id}`);
    expect(
      (rows as unknown as { rows: { computed_at: Date | string }[] }).rows.every((r) => new Date(r.computed_at).getTime() > Date.parse('2026-06-01')),
    ).toBe(true);
  });
});

describe('bad listings get a clear answer and change nothing', () => {
  const cases: [string, () => Record<string, unknown>, number, string][] = [
    ['an invalid HS code', () => productBody({ hs_code: '0813' }), 400, 'hs_code'],
    ['an unknown category', () => productBody({ category_code: 'food.unicorns' }), 400, 'category_code'],
    [
      'a negative price',
      () => productBody({ variants: [{ sku: 'N1', price: { amount_minor: -100, currency: 'THB' }, weight_g: 10 }] }),
      400,
      'variants[0].price.amount_minor',
    ],
    [
      'a zero price',
      () => productBody({ variants: [{ sku: 'N2', price: { amount_minor: 0, currency: 'THB' }, weight_g: 10 }] }),
      400,
      'variants[0].price.amount_minor',
    ],
    [
      'a fraction of a satang',
      () => productBody({ variants: [{ sku: 'N3', price: { amount_minor: 100.5, currency: 'THB' }, weight_g: 10 }] }),
      400,
      'variants[0].price.amount_minor',
    ],
    [
      'a price in yuan',
      () => productBody({ variants: [{ sku: 'N4', price: { amount_minor: 100, currency: 'CNY' }, weight_g: 10 }] }),
      400,
      'variants[0].price.currency',
    ],
    ['a missing Thai title', () => productBody({ title: { zh: '榴莲干' } }), 400, 'title.th'],
    ['a blank Thai title', () => productBody({ title: { th: '<b></b>' } }), 400, 'title.th'],
    ['a certificate of another seller', () => productBody({ certification_ids: ['crt_01j0000000000000000000000'] }), 400, 'certification_ids[0]'],
    [
      'the same SKU twice',
      () =>
        productBody({
          variants: [
            { sku: 'D', price: { amount_minor: 1, currency: 'THB' }, weight_g: 1 },
            { sku: 'D', price: { amount_minor: 1, currency: 'THB' }, weight_g: 1 },
          ],
        }),
      400,
      'variants[1].sku',
    ],
  ];
  it.each(cases)('%s', async (_name, body, status, path) => {
    const before = await tableCounts(t.database);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: bearer(owner.token, { 'accept-language': 'th' }), payload: body() });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await tableCounts(t.database)).toEqual(before);
  });

  it('a SKU the seller already uses is 409', async () => {
    const body = productBody();
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: bearer(owner.token), payload: body })).statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: bearer(owner.token), payload: body });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('sku_taken');
  });

  it('scripts in a description never come back', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/products',
      headers: bearer(owner.token),
      payload: productBody({ description: { th: '<p>ดี<script>alert(1)</script></p><img src=x onerror=alert(1)>' } }),
    });
    expect(res.statusCode).toBe(201);
    expect(JSON.stringify(res.json().description)).not.toMatch(/script|onerror|<img/);
  });

  it.each([
    ['an FDA number of the wrong shape', { type: 'thai_fda', number: '12-3' }, 'number'],
    ['an FDA number with a bad premises digit', { type: 'thai_fda', number: '10-9-03358-1-0001' }, 'number'],
    ['a certificate expired on arrival', { type: 'halal', number: 'CICOT-1', expires_on: '2026-01-01' }, 'expires_on'],
  ])('refuses %s', async (_name, cert, path) => {
    const before = await tableCounts(t.database);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certifications',
      headers: bearer(owner.token, { 'accept-language': 'zh' }),
      payload: { seller_id, ...cert },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe(path);
    expect(await tableCounts(t.database)).toEqual(before);
  });
});

describe('stock', () => {
  it('moves only through recorded adjustments and never below zero', async () => {
    const p = (await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: bearer(owner.token), payload: productBody() })).json();
    const variant_id = p.variants[0].id;
    const adjust = (delta: number, token = owner.token) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/inventory/adjustments',
        headers: bearer(token, { 'accept-language': 'en' }),
        payload: { variant_id, warehouse_code: 'GTC-BKK', delta, reason: 'count' },
      });
    expect((await adjust(10)).json()).toMatchObject({ on_hand: 10, reserved: 0, available: 10 });
    expect((await adjust(-3)).json()).toMatchObject({ available: 7 });
    const refused = await adjust(-8);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors[0].message).toBe('Not enough stock (available 7)');
    const operator = await userWithToken(t, ['gtc_operator']);
    expect((await adjust(5, operator.token)).json().available).toBe(12);
    const stranger = await userWithToken(t);
    expect((await adjust(5, stranger.token)).statusCode).toBe(404);
    const view = await t.app.inject({ method: 'GET', url: `/api/v1/inventory?variant_id=${variant_id}`, headers: bearer(owner.token) });
    expect(view.json().items).toEqual([{ variant_id, warehouse_code: 'GTC-BKK', on_hand: 12, reserved: 0, available: 12 }]);
  });

  it('concurrent adjustments: available is the sum of the accepted ones and never negative (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.integer({ min: -6, max: 6 }).filter((n) => n !== 0),
          { minLength: 1, maxLength: 12 },
        ),
        async (deltas) => {
          const p = (await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: bearer(owner.token), payload: productBody() })).json();
          const variant_id = p.variants[0].id;
          const results = await Promise.all(
            deltas.map((delta) =>
              t.app.inject({
                method: 'POST',
                url: '/api/v1/inventory/adjustments',
                headers: bearer(owner.token),
                payload: { variant_id, warehouse_code: 'SELLER', delta, reason: 'prop' },
              }),
            ),
          );
          const accepted = deltas.filter((_, i) => results[i]?.statusCode === 201).reduce((a, b) => a + b, 0);
          for (const r of results) expect([201, 409]).toContain(r.statusCode);
          const view = (await t.app.inject({ method: 'GET', url: `/api/v1/inventory?variant_id=${variant_id}`, headers: bearer(owner.token) })).json();
          const available = view.items[0]?.available ?? 0;
          expect(available).toBe(accepted);
          expect(available).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 15 },
    );
  });
});
