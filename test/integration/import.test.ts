import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/kernel/clock.js';
import { bearer, createTestApp, sellerBody, type TestApp, userWithToken } from '../support/app.js';
import { tableCounts } from '../support/counts.js';
import { multipart, uploadImport } from '../support/upload.js';

/** Bulk import through the HTTP API: upload, the background job, row errors, upsert by seller + SKU. */
const clock = new FakeClock('2026-11-26T03:00:00Z');
let t: TestApp;
let owner: { token: string };
let officer: { token: string };
let stranger: { token: string };
let seller_id = '';

const HEADER = 'sku,product_key,category_code,hs_code,title_th,title_en,description_th,price_thb,weight_g,net_content,stock,certificates';

/** A plausible row: dried mango in sizes, rice, silk. */
function row(i: number, size = 0, overrides: Partial<Record<string, string>> = {}): string {
  const kinds = [
    { cat: 'food.dried_fruit', hs: '08045020', th: `มะม่วงอบแห้งน้ำดอกไม้ สูตร ${i}`, en: `Dried Nam Dok Mai mango no. ${i}`, cert: '10-1-03358-1-0001' },
    { cat: 'food.rice', hs: '10063020', th: `ข้าวหอมมะลิทุ่งกุลาร้องไห้ ล็อต ${i}`, en: `Thung Kula Hom Mali rice lot ${i}`, cert: '10-1-03358-1-0001' },
    { cat: 'textile.silk_scarves', hs: '62141000', th: `ผ้าพันคอไหมมัดหมี่ ลาย ${i}`, en: `Mudmee silk scarf pattern ${i}`, cert: '' },
  ] as const;
  const k = kinds[i % kinds.length] as (typeof kinds)[number];
  const v: Record<string, string> = {
    sku: `SKU-${i}-${size}`,
    product_key: `P-${i}`,
    category_code: size === 0 ? k.cat : '',
    hs_code: size === 0 ? k.hs : '',
    title_th: size === 0 ? k.th : '',
    title_en: size === 0 ? k.en : '',
    description_th: size === 0 ? `"${k.th}, ผลิตโดยวิสาหกิจชุมชน"` : '',
    price_thb: `${89 + size * 60}.${String(i % 100).padStart(2, '0')}`,
    weight_g: String(120 + size * 150),
    net_content: `${100 + size * 150} g`,
    stock: String(10 + (i % 7)),
    certificates: size === 0 ? k.cert : '',
    ...overrides,
  };
  return HEADER.split(',')
    .map((c) => v[c] ?? '')
    .join(',');
}

function csv(rows: string[], encoding: 'utf-8' | 'windows-874' = 'utf-8', bom = false): Buffer {
  const text = `${HEADER}\r\n${rows.join('\r\n')}\r\n`;
  if (encoding === 'windows-874') return iconv.encode(text, 'windows-874');
  return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

async function runImport(bytes: Uint8Array, name = 'products.csv', headers = bearer(owner.token)) {
  const res = await uploadImport(t.app, headers, seller_id, { name, bytes });
  expect(res.statusCode, res.body).toBe(202);
  await t.app.jobs.idle();
  const job = await t.app.inject({ method: 'GET', url: `/api/v1/jobs/${res.json().job_id}`, headers });
  expect(job.statusCode, job.body).toBe(200);
  return job.json();
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  owner = await userWithToken(t);
  officer = await userWithToken(t, ['compliance_officer']);
  stranger = await userWithToken(t);
  const seller = (await t.app.inject({ method: 'POST', url: '/api/v1/sellers', headers: bearer(owner.token), payload: sellerBody() })).json();
  seller_id = seller.id;
  await t.app.inject({ method: 'POST', url: `/api/v1/sellers/${seller_id}/submit`, headers: bearer(owner.token) });
  await t.app.inject({ method: 'POST', url: `/api/v1/sellers/${seller_id}/verify`, headers: bearer(officer.token) });
  const cert = await t.app.inject({
    method: 'POST',
    url: '/api/v1/certifications',
    headers: bearer(owner.token),
    payload: { seller_id, type: 'thai_fda', number: '1010335810001', issuer: 'อย.', issued_on: '2025-01-10', expires_on: '2028-01-10' },
  });
  await t.app.inject({ method: 'POST', url: `/api/v1/certifications/${cert.json().id}/approve`, headers: bearer(officer.token) });
});
afterAll(async () => t?.close());

describe('the template', () => {
  it('downloads as XLSX with a help sheet in the caller’s language, and imports as it is', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/products/import/template?format=xlsx', headers: { 'accept-language': 'th' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['products', 'คำอธิบาย']);
    const job = await runImport(res.rawPayload, 'template.xlsx');
    expect(job.status).toBe('succeeded');
    expect(job.errors).toEqual([]);
    expect(job.summary).toMatchObject({ created: 1, failed_rows: 0 });
  });

  it('downloads as CSV in Windows-874, as Thai Excel saves it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/products/import/template?format=csv&encoding=windows-874' });
    expect(res.headers['content-type']).toContain('windows-874');
    expect(iconv.decode(res.rawPayload, 'windows-874')).toContain('มะม่วงอบแห้ง น้ำดอกไม้');
  });
});

describe('a 10,000-row CSV in Windows-874', () => {
  it('imports every row with correct Thai text, and a re-import changes nothing', { timeout: 400_000 }, async () => {
    // 2,500 products in four sizes each: one row per SKU, as sellers keep their price lists.
    const rows: string[] = [];
    for (let i = 0; i < 2_500; i++) for (let size = 0; size < 4; size++) rows.push(row(i, size));
    const file = csv(rows, 'windows-874');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(file)).toThrow();
    const started = performance.now();
    const job = await runImport(file);
    const seconds = (performance.now() - started) / 1000;
    console.log(`import: 10,000 rows in ${seconds.toFixed(1)} s (${Math.round(10_000 / seconds)} rows/s)`);
    expect(job.status).toBe('succeeded');
    expect(job.errors).toEqual([]);
    expect(job.progress).toEqual({ done: 10_000, total: 10_000 });
    expect(job.summary).toMatchObject({ created: 2_500, updated: 0, unchanged: 0, failed_rows: 0 });

    const list = await t.app.inject({ method: 'GET', url: `/api/v1/sellers/${seller_id}/products?limit=200`, headers: bearer(owner.token) });
    const mango = list.json().items.find((p: { variants: { sku: string }[] }) => p.variants.some((v) => v.sku === 'SKU-0-0'));
    expect(mango.title.th).toBe('มะม่วงอบแห้งน้ำดอกไม้ สูตร 0');
    expect(mango.description.th).toBe('มะม่วงอบแห้งน้ำดอกไม้ สูตร 0, ผลิตโดยวิสาหกิจชุมชน');
    expect(mango.variants.map((v: { sku: string; price: { amount_minor: number } }) => [v.sku, v.price.amount_minor])).toEqual([
      ['SKU-0-0', 8_900],
      ['SKU-0-1', 14_900],
      ['SKU-0-2', 20_900],
      ['SKU-0-3', 26_900],
    ]);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/products/${mango.id}` })).json();
    expect(detail.certificates.map((c: { type: string }) => c.type)).toEqual(['thai_fda']);
    expect(detail.eligibility.TH.eligible).toBe(true);
    const stock = await t.app.inject({ method: 'GET', url: `/api/v1/inventory?variant_id=${mango.variants[0].id}`, headers: bearer(owner.token) });
    expect(stock.json().items).toEqual([expect.objectContaining({ warehouse_code: 'SELLER', on_hand: 10, available: 10 })]);
    const found = await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('มะม่วงอบแห้ง')}&market=TH` });
    expect(found.json().total).toBeGreaterThan(0);

    const before = await tableCounts(t.database);
    const again = await runImport(file);
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 2_500, failed_rows: 0 });
    const after = await tableCounts(t.database);
    delete before.platform_jobs;
    delete after.platform_jobs;
    expect(after).toEqual(before);
  });
});

describe('row errors', () => {
  it('imports the good rows and reports each of 20 bad rows with its row, column and a message in the seller’s language', async () => {
    const good = Array.from({ length: 60 }, (_, i) => row(20_000 + i));
    const bad: [string, string, string][] = [
      [row(30_000, 0, { price_thb: '-5' }), 'price_thb', 'price_not_positive'],
      [row(30_001, 0, { price_thb: '12.345' }), 'price_thb', 'price_fraction'],
      [row(30_002, 0, { price_thb: 'ฟรี' }), 'price_thb', 'not_a_number'],
      [row(30_003, 0, { price_thb: '0' }), 'price_thb', 'price_not_positive'],
      [row(30_004, 0, { hs_code: '1234' }), 'hs_code', 'hs_code_format'],
      [row(30_005, 0, { hs_code: '' }), 'hs_code', 'required'],
      [row(30_006, 0, { category_code: 'food.unicorns' }), 'category_code', 'category_unknown'],
      [row(30_007, 0, { category_code: 'food' }), 'category_code', 'category_not_leaf'],
      [row(30_008, 0, { title_th: '' }), 'title_th', 'required'],
      [row(30_009, 0, { weight_g: '0' }), 'weight_g', 'number_out_of_range'],
      [row(30_010, 0, { weight_g: '1.5' }), 'weight_g', 'not_a_whole_number'],
      [row(30_011, 0, { net_content: 'a bag' }), 'net_content', 'net_content_format'],
      [row(30_012, 0, { stock: '-3' }), 'stock', 'number_out_of_range'],
      [row(30_013, 0, { certificates: '99-9-99999-9-9999' }), 'certificates', 'certificate_number_unknown'],
      [row(30_014, 0, { sku: '' }), 'sku', 'required'],
      [row(30_015, 0, { sku: 'SKU-20000-0' }), 'sku', 'import_sku_repeated'],
      [row(30_016, 0, { title_th: 'ก'.repeat(201) }), 'title_th', 'too_long'],
      [row(30_017, 0, { price_thb: '' }), 'price_thb', 'required'],
      [row(30_018, 0, { hs_code: '0804502' }), 'hs_code', 'hs_code_format'],
      [row(30_019, 0, { weight_g: '' }), 'weight_g', 'required'],
    ];
    const lines = [...good.slice(0, 30), ...bad.map((b) => b[0]), ...good.slice(30)];
    const headers = bearer(owner.token, { 'accept-language': 'th' });
    const job = await runImport(csv(lines, 'utf-8', true), 'bad.csv', headers);
    expect(job.status).toBe('succeeded');
    expect(job.summary).toMatchObject({ created: 60, failed_rows: 20 });
    const expected = bad.map(([, path, code], i) => ({ row: 32 + i, path, code }));
    expect(job.errors.map((e: { row: number; path: string; code: string }) => ({ row: e.row, path: e.path, code: e.code }))).toEqual(expected);
    expect(job.errors[0].message).toBe('ราคาต้องมากกว่าศูนย์');
    expect(job.errors.find((e: { code: string }) => e.code === 'import_sku_repeated').message).toBe('SKU นี้ซ้ำกับแถว 2 ในไฟล์');
    // In Chinese for a reader who asks for it.
    const zh = await t.app.inject({ method: 'GET', url: `/api/v1/jobs/${job.id}`, headers: bearer(owner.token, { 'accept-language': 'zh-CN' }) });
    expect(zh.json().errors[0].message).toBe('价格必须大于零');
  });

  it('holds back a whole product when one of its rows is bad', async () => {
    const job = await runImport(csv([row(40_000, 0), row(40_000, 1, { price_thb: 'abc' }), row(40_000, 2)]));
    expect(job.summary).toMatchObject({ created: 0, failed_rows: 3 });
    expect(job.errors.map((e: { row: number; path: string; code: string }) => [e.row, e.path, e.code])).toEqual([
      [2, 'product_key', 'import_held_back'],
      [3, 'price_thb', 'not_a_number'],
      [4, 'product_key', 'import_held_back'],
    ]);
  });

  it('updates only what changed, and refuses a SKU that belongs to another product', async () => {
    await runImport(csv([row(50_000, 0), row(50_000, 1), row(50_001, 0)]));
    const changed = await runImport(csv([row(50_000, 0, { price_thb: '95.00' }), row(50_000, 1), row(50_001, 0)]));
    expect(changed.summary).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    // A file that puts SKUs of two existing products into one product.
    const clash = await runImport(csv([row(50_000, 0), row(50_000, 1, { sku: 'SKU-50001-0' })]));
    expect(clash.errors.map((e: { row: number; path: string; code: string }) => [e.row, e.path, e.code])).toEqual([
      [2, 'product_key', 'import_held_back'],
      [3, 'sku', 'import_sku_other_product'],
    ]);
  });
});

describe('files that cannot be imported', () => {
  const headers = () => bearer(owner.token, { 'accept-language': 'th' });

  it('refuses a file that is not CSV or XLSX', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    const res = await uploadImport(t.app, headers(), seller_id, { name: 'photo.png', bytes: png, type: 'image/png' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'file', code: 'file_not_spreadsheet', message: 'ไฟล์นี้ไม่ใช่ CSV หรือ XLSX' }]);
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]);
    const not_xlsx = await uploadImport(t.app, headers(), seller_id, { name: 'x.xlsx', bytes: zip });
    expect(not_xlsx.json().errors[0].code).toBe('file_not_spreadsheet');
  });

  it('refuses a CSV with broken quoting and names the line', async () => {
    const broken = Buffer.from(`${HEADER}\n${row(60_000)}\nSKU-X,"unterminated,food.rice,10063020,ข้าว,,,50,100,,,\n`);
    const res = await uploadImport(t.app, headers(), seller_id, { name: 'broken.csv', bytes: broken });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ path: 'file', code: 'csv_malformed' });
    expect(res.json().errors[0].message).toMatch(/^ไฟล์ CSV เสีย/);
  });

  it('refuses a 50 MB upload with 413 before reading it', async () => {
    const big = Buffer.alloc(50 * 1_048_576, 0x41);
    const res = await uploadImport(t.app, headers(), seller_id, { name: 'big.csv', bytes: big });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'file_too_large', title: 'ไฟล์ใหญ่เกินไป (สูงสุด 20 MB)' });
  });

  it('names missing and unknown columns, and an empty file', async () => {
    const missing = await uploadImport(t.app, headers(), seller_id, { name: 'm.csv', bytes: Buffer.from('sku,title_th\nA,ข้าว\n') });
    expect(missing.json().errors[0]).toMatchObject({ code: 'import_columns_missing' });
    expect(missing.json().errors[0].message).toContain('category_code, hs_code, price_thb, weight_g');
    const unknown = await uploadImport(t.app, headers(), seller_id, { name: 'u.csv', bytes: Buffer.from(`${HEADER},colour\n`) });
    expect(unknown.json().errors[0]).toMatchObject({ code: 'import_column_unknown' });
    const empty = await uploadImport(t.app, headers(), seller_id, { name: 'e.csv', bytes: Buffer.from(`${HEADER}\n`) });
    expect(empty.json().errors[0]).toMatchObject({ code: 'import_file_empty' });
  });

  it('needs a file and a seller of the caller’s own; nothing is queued when refused', async () => {
    const before = await tableCounts(t.database);
    const no_file = await uploadImport(t.app, headers(), seller_id, undefined);
    expect(no_file.statusCode).toBe(400);
    expect(no_file.json().errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([['file', 'import_file_required']]);
    const other = await uploadImport(t.app, bearer(stranger.token), seller_id, { name: 'a.csv', bytes: csv([row(70_000)]) });
    expect(other.statusCode).toBe(404);
    const anonymous = await uploadImport(t.app, {}, seller_id, { name: 'a.csv', bytes: csv([row(70_000)]) });
    expect(anonymous.statusCode).toBe(401);
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/products/import', headers: bearer(owner.token), payload: { seller_id } });
    expect(json.statusCode).toBe(400);
    expect(await tableCounts(t.database)).toEqual(before);
  });
});

describe('jobs', () => {
  it('are visible to the seller’s members only, and replay with the same Idempotency-Key', async () => {
    const body = await multipart({ seller_id }, { name: 'one.csv', bytes: csv([row(80_000)]) });
    const send = (key: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/products/import',
        headers: bearer(owner.token, { 'content-type': body.content_type, 'idempotency-key': key }),
        payload: body.payload,
      });
    const first = await send('import-80000');
    const replay = await send('import-80000');
    expect(replay.json()).toEqual(first.json());
    const other = await multipart({ seller_id }, { name: 'two.csv', bytes: csv([row(80_001)]) });
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/products/import',
      headers: bearer(owner.token, { 'content-type': other.content_type, 'idempotency-key': 'import-80000' }),
      payload: other.payload,
    });
    expect(reused.statusCode).toBe(422);
    await t.app.jobs.idle();
    const id = first.json().job_id;
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/jobs/${id}`, headers: bearer(stranger.token) })).statusCode).toBe(404);
    const mine = await t.app.inject({ method: 'GET', url: `/api/v1/sellers/${seller_id}/imports`, headers: bearer(owner.token) });
    expect(mine.json().items[0]).toMatchObject({ id, status: 'succeeded', file_name: 'one.csv' });
  });

  it('a job whose process died (no heartbeat for a minute) is taken over and run again from its first row', async () => {
    const first = await runImport(csv([row(90_000), row(90_001)]));
    expect(first.summary).toMatchObject({ created: 2 });
    const stale = new Date(clock.now().getTime() - 120_000);
    await t.database.db.execute(
      sql`update platform_jobs set status = 'running', progress_done = 0, heartbeat_at = ${stale}, finished_at = null where id = ${first.id}`,
    );
    await t.app.jobs.resume();
    await t.app.jobs.idle();
    const again = (await t.app.inject({ method: 'GET', url: `/api/v1/jobs/${first.id}`, headers: bearer(owner.token) })).json();
    expect(again).toMatchObject({ status: 'succeeded', progress: { done: 2, total: 2 }, summary: { created: 0, unchanged: 2 } });
  });
});
