import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/kernel/clock.js';
import { bearer, createTestApp, sellerBody, type TestApp, userWithToken } from '../support/app.js';
import { tableCounts } from '../support/counts.js';
import { multipart } from '../support/upload.js';

/** Product pictures and certificate scans: stored behind the blob store, served so that no browser runs them. */
const clock = new FakeClock('2026-11-26T03:00:00Z');
let t: TestApp;
let owner: { token: string };
let officer: { token: string };
let stranger: { token: string };
let seller_id = '';
let product_id = '';

// A 1×1 PNG and the start of a JPEG: real signatures.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082',
  'hex',
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function upload(bytes: Buffer, token = owner.token, id = product_id) {
  const body = await multipart({}, { name: 'pic', bytes, type: 'image/png' });
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/products/${id}/images`,
    headers: bearer(token, { 'content-type': body.content_type, 'accept-language': 'th' }),
    payload: body.payload,
  });
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  owner = await userWithToken(t);
  officer = await userWithToken(t, ['compliance_officer']);
  stranger = await userWithToken(t);
  seller_id = (await t.app.inject({ method: 'POST', url: '/api/v1/sellers', headers: bearer(owner.token), payload: sellerBody() })).json().id;
  const product = await t.app.inject({
    method: 'POST',
    url: '/api/v1/products',
    headers: bearer(owner.token),
    payload: {
      seller_id,
      category_code: 'textile.silk_scarves',
      hs_code: '62141000',
      title: { th: 'ผ้าพันคอไหมมัดหมี่' },
      description: { th: 'ทอมือ' },
      variants: [{ sku: 'SCARF-1', price: { amount_minor: 89_000, currency: 'THB' }, weight_g: 150 }],
    },
  });
  product_id = product.json().id;
});
afterAll(async () => t?.close());

describe('product pictures', () => {
  it('stores JPEG and PNG, lists them on the product in order, and serves them with a sandboxing policy', async () => {
    const first = await upload(PNG);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ content_type: 'image/png', byte_size: PNG.length, url: `/api/v1/images/${first.json().id}` });
    const second = await upload(JPEG);
    expect(second.json().content_type).toBe('image/jpeg');
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/products/${product_id}`, headers: bearer(owner.token) })).json();
    expect(detail.images.map((i: { id: string }) => i.id)).toEqual([first.json().id, second.json().id]);
    const served = await t.app.inject({ method: 'GET', url: first.json().url });
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(PNG)).toBe(true);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toContain('sandbox');
    expect(served.headers['cache-control']).toContain('immutable');
  });

  it('refuses SVG (it can carry script), other files and a picture over 5 MB, in the caller’s language, keeping nothing', async () => {
    const before = await tableCounts(t.database);
    const svg = await upload(SVG);
    expect(svg.statusCode).toBe(400);
    expect(svg.json().errors).toEqual([{ path: 'file', code: 'image_type_unsupported', message: 'รองรับเฉพาะรูป JPEG, PNG หรือ WebP' }]);
    const big = await upload(Buffer.concat([PNG, Buffer.alloc(6 * 1_048_576)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('image_too_large');
    expect((await upload(PNG, stranger.token)).statusCode).toBe(404);
    expect(await tableCounts(t.database)).toEqual(before);
  });

  it('removes a picture (members only); its bytes are gone too', async () => {
    const added = (await upload(PNG)).json();
    const other = await t.app.inject({ method: 'DELETE', url: `/api/v1/products/${product_id}/images/${added.id}`, headers: bearer(stranger.token) });
    expect(other.statusCode).toBe(404);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/products/${product_id}/images/${added.id}`, headers: bearer(owner.token) });
    expect(removed.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: added.url })).statusCode).toBe(404);
  });
});

describe('certificate scans', () => {
  it('keeps the uploaded document for the seller and reviewers only', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certifications',
      headers: bearer(owner.token),
      payload: {
        seller_id,
        type: 'thai_gi',
        number: 'สช 49100012',
        issuer: 'กรมทรัพย์สินทางปัญญา',
        document: { file_name: 'gi.pdf', data_base64: PDF.toString('base64') },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const url = created.json().document_url;
    expect(url).toBe(`/api/v1/certifications/${created.json().id}/document`);
    const mine = await t.app.inject({ method: 'GET', url, headers: bearer(owner.token) });
    expect(mine.headers['content-type']).toBe('application/pdf');
    expect(mine.rawPayload.equals(PDF)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url, headers: bearer(officer.token) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url, headers: bearer(stranger.token) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });

  it('refuses a document that is neither PDF nor a photo', async () => {
    const before = await tableCounts(t.database);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certifications',
      headers: bearer(owner.token, { 'accept-language': 'zh-CN' }),
      payload: { seller_id, type: 'halal', number: 'H-1', document: { file_name: 'x.svg', data_base64: SVG.toString('base64') } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'document.data_base64', code: 'document_type_unsupported', message: '文件须为 PDF、JPEG 或 PNG' }]);
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certifications',
      headers: bearer(owner.token),
      payload: {
        seller_id,
        type: 'halal',
        number: 'H-2',
        document: { file_name: 'big.pdf', data_base64: Buffer.concat([PDF, Buffer.alloc(5_300_000)]).toString('base64') },
      },
    });
    expect(big.statusCode).toBe(400);
    expect(big.json().errors).toEqual([{ path: 'document.data_base64', code: 'document_too_large', message: 'The document is too large (at most 5 MB)' }]);
    expect(await tableCounts(t.database)).toEqual(before);
  });
});
