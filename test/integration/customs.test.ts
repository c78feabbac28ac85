import { generateKeyPairSync, randomUUID } from 'node:crypto';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_FILINGS, sandboxCustomsEnv } from '../../src/flows/customs.js';
import { FakeClock } from '../../src/kernel/clock.js';
import { sha256 } from '../../src/kernel/crypto.js';
import { signNotification, webhookSecret } from '../../src/kernel/signature.js';
import * as customs from '../../src/modules/customs/index.js';
import { createTestApp, TEST_PII_KEY, type TestApp, userWithToken } from '../support/app.js';
import { expectBalanced, openShop, type Shop } from '../support/shop.js';
import { call, dispatched, paidOrder, statusOf } from '../support/spine.js';

/** Declarations and receipts (issue 5, domain.md §2): the check before sending, and every kind of receipt. */
const clock = new FakeClock('2026-11-26T03:00:00Z');
const SECRET = sha256(`webhooks:${TEST_PII_KEY}`);
let t: TestApp;
let shop: Shop;
let operator: { token: string };
let officer: { token: string };
let product: { variant_id: string };
/** Orders shipped to this consignee have their waybill filed with another address by the (replaced) carrier. */
const MOVED = '李四';
/** Until the carrier refiles its waybill with the label's address. */
let carrier_refiled = false;

function receipt(r: Partial<customs.Receipt> & { order_no: string; return_status: number }, options: { key?: string; encoding?: 'UTF-8' | 'gb2312' } = {}) {
  const xml = customs.buildReceiptXml(
    { message_type: 'CEB622', guid: randomUUID().toUpperCase(), return_time: clock.now(), return_info: '测试', ...r },
    options.encoding ?? 'UTF-8',
  );
  return { xml, send: () => post(xml, options.key) };
}

function post(xml: Buffer, key?: string) {
  const signature = signNotification(key ?? webhookSecret(SECRET, 'customs_agent'), Math.floor(clock.now().getTime() / 1000), xml);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/customs/receipts',
    headers: { 'content-type': 'application/xml', 'x-saphan-signature': signature },
    payload: xml,
  });
}

async function declared(order_id: string) {
  return (await call(t, 'GET', `/customs/declarations?order_id=${order_id}`, officer.token)).json().items[0];
}

const env = sandboxCustomsEnv(undefined, {
  ...SANDBOX_FILINGS,
  // A carrier whose label data went astray: another consignee address on the waybill.
  waybill: (f, transfer) => {
    const doc = SANDBOX_FILINGS.waybill(f, transfer);
    return f.buyer.full_name === MOVED && !carrier_refiled ? { ...doc, consignee_address: `${doc.consignee_address} 旧址` } : doc;
  },
});

beforeAll(async () => {
  t = await createTestApp({ clock, customs: env });
  shop = await openShop(t, { date: '2026-11-25' });
  operator = await userWithToken(t, ['gtc_operator']);
  officer = await userWithToken(t, ['compliance_officer']);
  product = await shop.list({ sku: 'CUSTOMS-SCARF', satang: 80_000, stock: 40, weight_g: 120 });
});
afterAll(async () => t?.close());

describe('the three-document check', () => {
  it('refuses to send a declaration whose order and waybill addresses differ, and says why', async () => {
    const buyer = await userWithToken(t, ['buyer']);
    const identity = await call(t, 'POST', '/buyer-identities', buyer.token, {
      full_name: MOVED,
      id_type: 'cn_resident_id',
      id_number: '11010519491231002X',
      phone: '+8613900139000',
    });
    const { buy } = await import('../support/shop.js');
    const { checkout } = await buy(
      t,
      { token: buyer.token, identity_id: identity.json().id },
      { market: 'CN_CBEC', items: [{ variant_id: product.variant_id, quantity: 1 }], method: 'wallet' },
    );
    await call(t, 'POST', `/sandbox/payments/${checkout.json().payment.id}/succeed`, buyer.token, undefined, false);
    const order_id = checkout.json().orders[0].id;
    await dispatched(t, operator, order_id);
    const d = await declared(order_id);
    expect(d.status).toBe('check_failed');
    expect(d.check.ok).toBe(false);
    expect(d.check.problems).toEqual([expect.objectContaining({ rule: 5, code: 'consignee_mismatch', field: 'CEB511.consigneeAddress' })]);
    // Nothing went out: the order is still only shipped, and a receipt for it is not applied.
    expect(await statusOf(t, buyer.token, order_id)).toBe('shipped');
    expect((await receipt({ order_no: order_id, return_status: 800 }).send()).json().outcome).toBe('ignored');
    expect(await statusOf(t, buyer.token, order_id)).toBe('shipped');

    // Re-checked before the carrier refiled: refused again, the first kept as superseded.
    const again = await call(t, 'POST', `/customs/declarations/${d.id}/redeclare`, officer.token);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ status: 'check_failed', supersedes: d.id });
    expect((await call(t, 'POST', `/customs/declarations/${d.id}/redeclare`, officer.token)).json()).toMatchObject({
      code: 'declaration_not_redeclarable',
    });
    // Only compliance officers and admins redeclare.
    expect((await call(t, 'POST', `/customs/declarations/${again.json().id}/redeclare`, buyer.token)).statusCode).toBe(403);
    expect((await call(t, 'POST', '/customs/declarations/dcl_nope/redeclare', officer.token)).statusCode).toBe(404);

    // The carrier refiles; the same Idempotency-Key replays the one redeclaration.
    carrier_refiled = true;
    const key = randomUUID();
    const redeclare = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/customs/declarations/${again.json().id}/redeclare`,
        headers: { authorization: `Bearer ${officer.token}`, 'idempotency-key': key },
      });
    const sent = await redeclare();
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ status: 'submitted', supersedes: again.json().id, check: { ok: true, problems: [] } });
    expect((await redeclare()).json().id).toBe(sent.json().id);
    expect(await statusOf(t, buyer.token, order_id)).toBe('customs_pending');
    // Every attempt is listed for the order, the live one first; new messages, new guids.
    const all = (await call(t, 'GET', `/customs/declarations?order_id=${order_id}`, officer.token)).json().items;
    expect(all.map((x: { status: string }) => x.status)).toEqual(['submitted', 'superseded', 'superseded']);
    const guids = (x: { documents: { guid: string }[] }) => x.documents.map((doc) => doc.guid);
    expect(guids(all[0]).some((g: string) => guids(all[2]).includes(g))).toBe(false);
    const waybill = customs.parseLogisticsXml((await call(t, 'GET', `/customs/declarations/${sent.json().id}/documents/logistics`, officer.token)).body);
    const order_doc = customs.parseOrderXml((await call(t, 'GET', `/customs/declarations/${sent.json().id}/documents/order`, officer.token)).body);
    expect(waybill.consignee_address).toBe(order_doc.consignee_address);
    // A late answer to a message of a replaced declaration is kept there and changes nothing; the live one clears.
    const stale = await receipt({ order_no: order_id, return_status: 100, guid: guids(all[1]).at(-1) ?? '' }).send();
    expect(stale.json()).toMatchObject({ outcome: 'ignored', declaration_id: all[1].id });
    expect(await statusOf(t, buyer.token, order_id)).toBe('customs_pending');
    expect((await receipt({ order_no: order_id, return_status: 800 }).send()).json()).toMatchObject({ outcome: 'applied', declaration_id: sent.json().id });
    expect(await statusOf(t, buyer.token, order_id)).toBe('cleared');
    expect((await call(t, 'POST', `/customs/declarations/${sent.json().id}/redeclare`, officer.token)).statusCode).toBe(409);
    await expectBalanced(t);
  });

  it('an e-Port failure (status 4) is declared again; the order waits in customs_pending throughout', async () => {
    const { order_id, buyer } = await paidOrder(t, product.variant_id);
    await dispatched(t, operator, order_id);
    const first = await declared(order_id);
    expect((await receipt({ order_no: order_id, return_status: 4 }).send()).json().outcome).toBe('applied');
    expect((await declared(order_id)).status).toBe('error');
    expect(await statusOf(t, buyer.token, order_id)).toBe('customs_pending');
    const sent = await call(t, 'POST', `/customs/declarations/${first.id}/redeclare`, officer.token);
    expect(sent.json()).toMatchObject({ status: 'submitted', supersedes: first.id });
    expect(await statusOf(t, buyer.token, order_id)).toBe('customs_pending');
    expect((await receipt({ order_no: order_id, return_status: 800 }).send()).json().declaration_id).toBe(sent.json().id);
    expect(await statusOf(t, buyer.token, order_id)).toBe('cleared');
  });
});

describe('the e-Port signature', () => {
  it('signs Saphan’s messages with the platform’s card; one the single window cannot verify is an error, declared again once the card is right', async () => {
    const card = env.key;
    const { order_id, buyer } = await paidOrder(t, product.variant_id);
    await dispatched(t, operator, order_id);
    const d = await declared(order_id);
    expect(d.status).toBe('submitted');
    const xml = async (id: string, kind: string) => (await call(t, 'GET', `/customs/declarations/${id}/documents/${kind}`, officer.token)).body;
    for (const kind of ['order', 'inventory']) expect(customs.verifyMessage(await xml(d.id, kind), card)).toEqual({ ok: true, cert_no: card.cert_no });
    // The partners' own filings carry the partners' signatures, not ours.
    for (const kind of ['payment', 'logistics']) expect(customs.verifyMessage(await xml(d.id, kind), card).ok).toBe(false);

    // A key that is not the registered card's (a replaced card not yet registered): the agent refuses the messages.
    env.key = {
      ...card,
      private_key_pem: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
    try {
      const second = await paidOrder(t, product.variant_id);
      await dispatched(t, operator, second.order_id);
      const refused = await declared(second.order_id);
      expect(refused).toMatchObject({ status: 'error', last_status: -1 });
      expect(refused.last_info).toContain('bad_signature');
      expect(await statusOf(t, second.buyer.token, second.order_id)).toBe('customs_pending');
      env.key = card;
      const again = await call(t, 'POST', `/customs/declarations/${refused.id}/redeclare`, officer.token);
      expect(again.json()).toMatchObject({ status: 'submitted', supersedes: refused.id });
      expect(customs.verifyMessage(await xml(again.json().id, 'order'), card).ok).toBe(true);
    } finally {
      env.key = card;
    }
    expect(await statusOf(t, buyer.token, order_id)).toBe('customs_pending');
  });
});

describe('receipts', () => {
  it('refuse bad signatures and malformed XML, 404 an unknown order, answer duplicates and refuse a replay with another body', async () => {
    expect((await receipt({ order_no: 'ord_x', return_status: 800 }, { key: webhookSecret(SECRET, 'wallet') }).send()).statusCode).toBe(401);
    expect((await post(Buffer.from('<ceb:CEB622Message>'))).statusCode).toBe(400);
    const unknown = await receipt({ order_no: 'ord_never_declared', return_status: 800 }).send();
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('declaration_not_found');
    const { order_id, buyer } = await paidOrder(t, product.variant_id);
    await dispatched(t, operator, order_id);
    const guid = randomUUID().toUpperCase();
    const first = receipt({ order_no: order_id, return_status: 120, guid });
    expect((await first.send()).json().outcome).toBe('applied');
    expect((await post(first.xml)).json().outcome).toBe('duplicate');
    const other = await receipt({ order_no: order_id, return_status: 800, guid }).send();
    expect(other.statusCode).toBe(409);
    expect(await statusOf(t, buyer.token, order_id)).toBe('customs_pending');
  });

  it('hold on inspection, clear on release, and keep a late receipt without applying it', async () => {
    const { order_id, buyer } = await paidOrder(t, product.variant_id);
    await dispatched(t, operator, order_id);
    const t0 = clock.now().getTime();
    expect((await receipt({ order_no: order_id, return_status: 500, return_time: new Date(t0 + 1_000) }).send()).json().outcome).toBe('applied');
    expect(await statusOf(t, buyer.token, order_id)).toBe('customs_hold');
    expect((await receipt({ order_no: order_id, return_status: 800, return_time: new Date(t0 + 3_000) }).send()).json().outcome).toBe('applied');
    expect(await statusOf(t, buyer.token, order_id)).toBe('cleared');
    // An older "detained" arriving now does not put a released order back on hold.
    expect((await receipt({ order_no: order_id, return_status: 501, return_time: new Date(t0 + 2_000) }).send()).json().outcome).toBe('late');
    expect(await statusOf(t, buyer.token, order_id)).toBe('cleared');
    const d = await declared(order_id);
    expect(d).toMatchObject({ status: 'released', last_status: 800 });
    expect(d.receipts.map((r: { return_status: number; outcome: string }) => `${r.return_status}:${r.outcome}`)).toEqual([
      '500:applied',
      '501:late',
      '800:applied',
    ]);
    // A GB2312-encoded closing receipt is read too.
    expect(
      (await receipt({ order_no: order_id, return_status: 899, return_time: new Date(t0 + 4_000), return_info: '结关' }, { encoding: 'gb2312' }).send()).json()
        .outcome,
    ).toBe('applied');
    expect(iconv.encodingExists('gb2312')).toBe(true);
  });

  it('a rejection refunds the buyer, tax included, and voids the escrow', async () => {
    const { order_id, buyer, quote } = await paidOrder(t, product.variant_id);
    await dispatched(t, operator, order_id);
    const d = await declared(order_id);
    const answer = await call(t, 'POST', `/sandbox/customs/declarations/${d.id}/receipts`, officer.token, { scenario: 'reject' }, false);
    expect(answer.json()).toMatchObject({ status: 'rejected', outcomes: ['applied'] });
    const order = (await call(t, 'GET', `/orders/${order_id}`, buyer.token)).json();
    expect(order.status).toBe('refunded');
    expect(order.refunded).toEqual(quote.total);
    await expectBalanced(t);
  });

  it('only compliance officers read the messages; a buyer sees their own declarations', async () => {
    const { order_id, buyer } = await paidOrder(t, product.variant_id);
    await dispatched(t, operator, order_id);
    const d = await declared(order_id);
    expect((await call(t, 'GET', `/customs/declarations/${d.id}/documents/order`, buyer.token)).statusCode).toBe(403);
    const mine = await call(t, 'GET', '/customs/declarations', buyer.token);
    expect(mine.json().items.map((x: { order_id: string }) => x.order_id)).toEqual([order_id]);
    const xml = await call(t, 'GET', `/customs/declarations/${d.id}/documents/inventory`, officer.token);
    expect(xml.headers['content-type']).toContain('application/xml');
    expect(customs.parseInventoryXml(xml.body).order_no).toBe(order_id);
  });
});
