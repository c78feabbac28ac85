import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, freshTaxId, sellerBody, type TestApp, userWithToken } from '../support/app.js';
import { dumpAllTables, tableCounts } from '../support/counts.js';

let t: TestApp;
let owner: { id: string; token: string };
let officer: { id: string; token: string };

beforeAll(async () => {
  t = await createTestApp();
  owner = await userWithToken(t);
  officer = await userWithToken(t, ['compliance_officer']);
});
afterAll(async () => t?.close());

async function createSeller(token: string, body: Record<string, unknown> = sellerBody(), lang = 'en') {
  return t.app.inject({ method: 'POST', url: '/api/v1/sellers', headers: bearer(token, { 'accept-language': lang }), payload: body });
}

describe('POST /sellers', () => {
  it('creates a draft seller with the caller as owner, normalising what was typed', async () => {
    const tax_id = freshTaxId('citizen');
    const spaced = `${tax_id.slice(0, 1)}-${tax_id.slice(1, 5)} ${tax_id.slice(5, 10)}-${tax_id.slice(10, 12)}-${tax_id.slice(12)}`;
    const res = await createSeller(owner.token, sellerBody({ tax_id: spaced, payout: { promptpay_id: '+66 81 234 5678' } }));
    expect(res.statusCode).toBe(201);
    const seller = res.json();
    expect(seller).toMatchObject({
      status: 'draft',
      tax_id,
      tax_id_kind: 'citizen',
      tax_id_masked: `•••••••••${tax_id.slice(-4)}`,
      province_code: 'TH-22',
      province: { name: { en: 'Chanthaburi' } },
      otop_registration: 'OTOP-22-2566-0001',
      payout: { kind: 'promptpay', promptpay_id: '0812345678', promptpay_kind: 'mobile', masked: '••••••5678' },
      pdpa_consent: { channel: 'api' },
      rejection: null,
    });
    expect(seller.id).toMatch(/^slr_/);
    expect(seller.pdpa_consent.notice_version).toBeTruthy();
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(owner.token) });
    expect(me.json().memberships).toContainEqual({ org_id: seller.org_id, org_name: 'บริษัท ทุเรียนจันท์ จำกัด', role: 'seller_owner' });
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/sellers/${seller.id}`, headers: bearer(owner.token) });
    expect(read.json()).toEqual(seller);
  });

  it('accepts a bank account as payout destination', async () => {
    const res = await createSeller(owner.token, sellerBody({ payout: { bank_code: '014', account_number: '123-4-56789-0' } }));
    expect(res.statusCode).toBe(201);
    expect(res.json().payout).toMatchObject({
      kind: 'bank_account',
      bank_code: '014',
      account_number: '1234567890',
      masked: '••••••7890',
      bank_name: { en: 'Siam Commercial Bank' },
    });
  });

  it('lets one user own several sellers', async () => {
    const a = await createSeller(owner.token);
    const b = await createSeller(owner.token);
    expect(a.json().org_id).not.toBe(b.json().org_id);
  });

  it('stores personal data encrypted, never in plain text, in any table', async () => {
    const tax_id = freshTaxId('citizen');
    const account = '0899998877';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sellers',
      // With an Idempotency-Key, so that the stored answer is examined too.
      headers: bearer(owner.token, { 'idempotency-key': 'pii-check' }),
      payload: sellerBody({ tax_id, payout: { promptpay_id: account } }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().tax_id).toBe(tax_id);
    const everything = await dumpAllTables(t.database);
    expect(everything).toContain(res.json().id);
    expect(everything).not.toContain(tax_id);
    expect(everything).not.toContain(account);
  });

  it('accepts the current privacy-notice version and names it in the consent record', async () => {
    const reference = (await t.app.inject({ method: 'GET', url: '/api/v1/reference/onboarding' })).json();
    const res = await createSeller(owner.token, sellerBody({ pdpa_notice_version: reference.pdpa_notice_version }));
    expect(res.statusCode).toBe(201);
    expect(res.json().pdpa_consent.notice_version).toBe(reference.pdpa_notice_version);
  });
});

describe('bad input gets a clear answer and changes nothing', () => {
  const cases: [string, () => Record<string, unknown> | string, number, string, string?][] = [
    ['malformed JSON', () => '{"legal_name_th": ', 400, 'malformed_json'],
    ['an unknown field', () => sellerBody({ is_admin: true }), 400, 'validation_failed', 'is_admin'],
    ['a wrong type', () => sellerBody({ legal_name_th: 42 }), 400, 'validation_failed', 'legal_name_th'],
    ['an over-long name', () => sellerBody({ legal_name_th: 'ก'.repeat(201) }), 400, 'validation_failed', 'legal_name_th'],
    ['a 12-digit tax ID', () => sellerBody({ tax_id: '110170020703' }), 400, 'validation_failed', 'tax_id'],
    ['a tax ID with a wrong check digit', () => sellerBody({ tax_id: '1101700207031' }), 400, 'validation_failed', 'tax_id'],
    ['an all-zero tax ID', () => sellerBody({ tax_id: '0000000000001' }), 400, 'validation_failed', 'tax_id'],
    ['an unknown province', () => sellerBody({ province_code: 'TH-99' }), 400, 'validation_failed', 'province_code'],
    ['Pattaya as a province', () => sellerBody({ province_code: 'TH-S' }), 400, 'validation_failed', 'province_code'],
    ['a PromptPay ID that is no phone, ID or wallet', () => sellerBody({ payout: { promptpay_id: '12345' } }), 400, 'validation_failed', 'payout.promptpay_id'],
    ['an unknown bank', () => sellerBody({ payout: { bank_code: '999', account_number: '1234567890' } }), 400, 'validation_failed', 'payout.bank_code'],
    [
      'both payout kinds',
      () => sellerBody({ payout: { promptpay_id: '0812345678', bank_code: '014', account_number: '1234567890' } }),
      400,
      'validation_failed',
      'payout',
    ],
    ['no PDPA consent', () => sellerBody({ pdpa_consent: false }), 400, 'validation_failed', 'pdpa_consent'],
    ['consent to an outdated privacy notice', () => sellerBody({ pdpa_notice_version: '2020-01-old' }), 400, 'validation_failed', 'pdpa_notice_version'],
    ['a missing field', () => ({ legal_name_th: 'x' }), 400, 'validation_failed', 'tax_id'],
  ];

  it.each(cases)('%s', async (_name, body, status, code, path) => {
    const before = await tableCounts(t.database);
    const payload = body();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sellers',
      headers: bearer(owner.token, { 'accept-language': 'th', 'content-type': 'application/json' }),
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem.code).toBe(code);
    expect(problem.title).toMatch(/[\u0E00-\u0E7F]/); // Thai
    if (path) {
      const error = problem.errors.find((e: { path: string }) => e.path === path);
      expect(error, JSON.stringify(problem.errors)).toBeDefined();
      expect(error.message).toMatch(/[\u0E00-\u0E7F]/);
    }
    expect(await tableCounts(t.database)).toEqual(before);
  });

  it('an oversized body is refused with 413', async () => {
    const before = await tableCounts(t.database);
    const res = await createSeller(owner.token, sellerBody({ legal_name_en: 'x'.repeat(2_000_000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('body_too_large');
    expect(await tableCounts(t.database)).toEqual(before);
  });

  it('a duplicate tax ID is 409, in any spelling', async () => {
    const tax_id = freshTaxId();
    expect((await createSeller(owner.token, sellerBody({ tax_id }))).statusCode).toBe(201);
    const other = await userWithToken(t);
    const before = await tableCounts(t.database);
    const res = await createSeller(other.token, sellerBody({ tax_id: `${tax_id.slice(0, 4)}-${tax_id.slice(4)}` }), 'zh');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'tax_id_taken', title: '该税号已被其他卖家注册', errors: [{ path: 'tax_id', code: 'tax_id_taken' }] });
    expect(await tableCounts(t.database)).toEqual(before);
  });

  it('messages follow Accept-Language: th, zh, en', async () => {
    const titles: Record<string, string> = {};
    for (const lang of ['th', 'zh-CN', 'en']) {
      const res = await createSeller(owner.token, sellerBody({ tax_id: '1101700207031' }), lang);
      titles[lang] = res.json().errors[0].message;
    }
    expect(titles.th).toContain('เลขประจำตัวผู้เสียภาษี');
    expect(titles['zh-CN']).toContain('税号');
    expect(titles.en).toContain('tax ID');
  });
});

describe('lifecycle', () => {
  it('draft → submitted → rejected (reason in Thai) → edited → submitted → verified', async () => {
    const seller = (await createSeller(owner.token)).json();
    const submit = await t.app.inject({ method: 'POST', url: `/api/v1/sellers/${seller.id}/submit`, headers: bearer(owner.token) });
    expect(submit.json().status).toBe('submitted');

    const editLocked = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sellers/${seller.id}`,
      headers: bearer(owner.token),
      payload: { legal_name_en: 'New' },
    });
    expect(editLocked.statusCode).toBe(409);

    const noReason = await t.app.inject({ method: 'POST', url: `/api/v1/sellers/${seller.id}/reject`, headers: bearer(officer.token), payload: {} });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('reason');

    const reject = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sellers/${seller.id}/reject`,
      headers: bearer(officer.token),
      payload: { reason_code: 'payout_account_mismatch', reason: 'บัญชีไม่ตรงชื่อ' },
    });
    expect(reject.json().status).toBe('rejected');

    const seen = await t.app.inject({ method: 'GET', url: `/api/v1/sellers/${seller.id}`, headers: bearer(owner.token, { 'accept-language': 'th' }) });
    expect(seen.json().rejection).toEqual({ reason_code: 'payout_account_mismatch', reason: 'บัญชีรับเงินไม่ได้เป็นชื่อของผู้ขาย', note: 'บัญชีไม่ตรงชื่อ' });

    const fix = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sellers/${seller.id}`,
      headers: bearer(owner.token),
      payload: { payout: { bank_code: '002', account_number: '1234567890' } },
    });
    expect(fix.statusCode).toBe(200);
    expect(fix.json().payout.kind).toBe('bank_account');

    expect((await t.app.inject({ method: 'POST', url: `/api/v1/sellers/${seller.id}/submit`, headers: bearer(owner.token) })).json().status).toBe('submitted');
    const verify = await t.app.inject({ method: 'POST', url: `/api/v1/sellers/${seller.id}/verify`, headers: bearer(officer.token) });
    expect(verify.json()).toMatchObject({ status: 'verified', rejection: null });

    const history = await t.app.inject({ method: 'GET', url: `/api/v1/sellers/${seller.id}/history`, headers: bearer(owner.token) });
    expect(history.json().items.map((h: { action: string }) => h.action)).toEqual(['create', 'submit', 'reject', 'submit', 'verify']);
  });

  it('a second verification of a verified seller is refused and changes nothing', async () => {
    const seller = (await createSeller(owner.token)).json();
    await t.app.inject({ method: 'POST', url: `/api/v1/sellers/${seller.id}/submit`, headers: bearer(owner.token) });
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/sellers/${seller.id}/verify`, headers: bearer(officer.token) })).statusCode).toBe(200);
    const before = await tableCounts(t.database);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sellers/${seller.id}/verify`,
      headers: bearer(officer.token, { 'accept-language': 'th' }),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('invalid_transition');
    expect(again.json().title).toMatch(/[\u0E00-\u0E7F]/);
    expect(await tableCounts(t.database)).toEqual(before);
  });

  it('two officers verifying at once: exactly one succeeds', async () => {
    const seller = (await createSeller(owner.token)).json();
    await t.app.inject({ method: 'POST', url: `/api/v1/sellers/${seller.id}/submit`, headers: bearer(owner.token) });
    const other = await userWithToken(t, ['compliance_officer']);
    const results = await Promise.all(
      [officer, other, officer].map((o) => t.app.inject({ method: 'POST', url: `/api/v1/sellers/${seller.id}/verify`, headers: bearer(o.token) })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
  });

  it('the verification queue lists submitted sellers, oldest first, with cursors', async () => {
    for (let i = 0; i < 3; i += 1) {
      const s = (await createSeller(owner.token)).json();
      await t.app.inject({ method: 'POST', url: `/api/v1/sellers/${s.id}/submit`, headers: bearer(owner.token) });
    }
    const first = await t.app.inject({ method: 'GET', url: '/api/v1/sellers?status=submitted&limit=2', headers: bearer(officer.token) });
    const page1 = first.json();
    expect(page1.items).toHaveLength(2);
    expect(page1.items.every((s: { status: string }) => s.status === 'submitted')).toBe(true);
    expect(page1.next_cursor).toBeTruthy();
    // A list never hands out personal data in bulk.
    for (const s of page1.items) {
      expect(s.tax_id).toMatch(/^•+\d{4}$/);
      expect(s.payout.masked).toMatch(/^•+\d{4}$/);
    }
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sellers?status=submitted&limit=2&cursor=${page1.next_cursor}`,
      headers: bearer(officer.token),
    });
    const ids = [...page1.items, ...second.json().items].map((s: { id: string }) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/sellers?status=bogus', headers: bearer(officer.token) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('status');
  });
});
